//! Each backend's transaction answers the storage interface from its concern files' own
//! methods of the same names: one list of those forwardings, written once for every backend.

/// `impl Queries for $tx<'_>`, each query answered by `$tx`'s own method of the same name (in
/// its concern's file). The caller's module imports the types the signatures name.
macro_rules! queries_by_concern {
    ($tx:ident) => {
        impl Queries for $tx<'_> {
            fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>> {
                $tx::isolated(self, f)
            }

            fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>> {
                $tx::wallet_of_user(self, scope, user_id)
            }

            fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>> {
                $tx::wallet(self, wallet_id)
            }

            fn wallet_id_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<WalletId>> {
                $tx::wallet_id_of_user(self, scope, user_id)
            }

            fn insert_wallet(&self, wallet: &Wallet) -> Result<()> {
                $tx::insert_wallet(self, wallet)
            }

            fn wallets(&self, scope: &Scope, status: Option<WalletStatus>, page: PageRequest) -> Result<Paged<Wallet>> {
                $tx::wallets(self, scope, status, page)
            }

            fn for_each_wallet(
                &self,
                scope: &Scope,
                status: Option<WalletStatus>,
                each: impl FnMut(Wallet) -> Result<()>,
            ) -> Result<u64> {
                $tx::for_each_wallet(self, scope, status, each)
            }

            fn all_wallets(&self) -> Result<Vec<Wallet>> {
                $tx::all_wallets(self)
            }

            fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>> {
                $tx::status_at(self, wallet_id, at)
            }

            fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>> {
                $tx::last_change_at(self, wallet_id, at)
            }

            fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64> {
                $tx::change_status(self, before, after, change)
            }

            fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>> {
                $tx::status_changes(self, wallet_id, page)
            }

            fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>> {
                $tx::all_status_changes(self)
            }

            fn policy_head(&self) -> Result<Option<(i64, String)>> {
                $tx::policy_head(self)
            }

            fn latest_policy_change(&self, scope: &Scope) -> Result<Option<PolicyChange>> {
                $tx::latest_policy_change(self, scope)
            }

            fn append_policy_change(&self, change: &PolicyChange) -> Result<()> {
                $tx::append_policy_change(self, change)
            }

            fn policy_changes(&self, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>> {
                $tx::policy_changes(self, scope, page)
            }

            fn all_policy_changes(&self) -> Result<Vec<PolicyChange>> {
                $tx::all_policy_changes(self)
            }

            fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64> {
                $tx::withdrawn_since(self, wallet_id, since)
            }

            fn entry(&self, id: &TransactionId) -> Result<Option<Entry>> {
                $tx::entry(self, id)
            }

            fn entry_naming(&self, original_id: &TransactionId, kind: TxType) -> Result<Option<Entry>> {
                $tx::entry_naming(self, original_id, kind)
            }

            fn refunded(&self, original_id: &TransactionId) -> Result<i64> {
                $tx::refunded(self, original_id)
            }

            fn refund_original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>> {
                $tx::refund_original(self, id, refund_seq)
            }

            fn entries(
                &self,
                wallet_id: Option<&WalletId>,
                filter: &EntryFilter,
                page: PageRequest,
            ) -> Result<Paged<(Entry, i64)>> {
                $tx::entries(self, wallet_id, filter, page)
            }

            fn transactions(
                &self,
                wallet_id: &WalletId,
                filter: &EntryFilter,
                page: PageRequest,
            ) -> Result<Paged<(Transaction, i64)>> {
                $tx::transactions(self, wallet_id, filter, page)
            }

            fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof> {
                $tx::balance_proof(self, wallet_id)
            }

            fn append(&self, linked: &Linked, freeze: &FreezeChange, before: &Wallet, after: &Wallet) -> Result<i64> {
                $tx::append(self, linked, freeze, before, after)
            }

            fn for_each_entry(
                &self,
                since: Option<Timestamp>,
                f: impl FnMut(JournalRow) -> Result<()>,
            ) -> Result<Vec<i64>> {
                $tx::for_each_entry(self, since, f)
            }

            fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>> {
                $tx::freeze(self, freeze_id)
            }

            fn freezes_of_wallet(
                &self,
                wallet_id: &WalletId,
                status: Option<FreezeStatus>,
                page: PageRequest,
            ) -> Result<Paged<Freeze>> {
                $tx::freezes_of_wallet(self, wallet_id, status, page)
            }

            fn all_freezes(&self) -> Result<Vec<Freeze>> {
                $tx::all_freezes(self)
            }

            fn insert_token(&self, token: &Token) -> Result<()> {
                $tx::insert_token(self, token)
            }

            fn token(&self, token_id: &TokenId) -> Result<Option<Token>> {
                $tx::token(self, token_id)
            }

            fn tokens(&self, page: PageRequest) -> Result<Paged<Token>> {
                $tx::tokens(self, page)
            }

            fn revoke_token(&self, token_id: &TokenId, now: Timestamp) -> Result<bool> {
                $tx::revoke_token(self, token_id, now)
            }

            fn all_tokens(&self) -> Result<Vec<Token>> {
                $tx::all_tokens(self)
            }

            fn audit_head(&self) -> Result<Option<(i64, String)>> {
                $tx::audit_head(self)
            }

            fn append_audit(&self, event: &AuditEvent) -> Result<()> {
                $tx::append_audit(self, event)
            }

            fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)> {
                $tx::token_audit(self, token_id)
            }

            fn all_audit_events(&self) -> Result<Vec<AuditEvent>> {
                $tx::all_audit_events(self)
            }

            fn entry_by_reference(
                &self,
                wallet_id: &WalletId,
                kind: TxType,
                reference_id: &str,
            ) -> Result<Option<Entry>> {
                $tx::entry_by_reference(self, wallet_id, kind, reference_id)
            }

            fn idempotent_response(
                &self,
                scope: &Scope,
                owner: &str,
                key: &str,
            ) -> Result<Option<(String, u16, Vec<u8>)>> {
                $tx::idempotent_response(self, scope, owner, key)
            }

            fn record_response(&self, record: &IdempotentResponse) -> Result<()> {
                $tx::record_response(self, record)
            }

            fn account_used(&self, account: &str) -> Result<bool> {
                $tx::account_used(self, account)
            }

            fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64> {
                $tx::posting_sum(self, account, at)
            }

            fn for_each_movement(
                &self,
                wallet_id: &WalletId,
                accounts: [&str; 2],
                since: Timestamp,
                until: Timestamp,
                each: impl FnMut(Movement) -> Result<()>,
            ) -> Result<u64> {
                $tx::for_each_movement(self, wallet_id, accounts, since, until, each)
            }

            fn accounts_under(&self, prefix: &str) -> Result<Vec<String>> {
                $tx::accounts_under(self, prefix)
            }

            fn accounts_first_used(
                &self,
                since: Option<Timestamp>,
                until: Option<Timestamp>,
            ) -> Result<Vec<(String, Timestamp)>> {
                $tx::accounts_first_used(self, since, until)
            }

            fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>> {
                $tx::account_totals(self, at)
            }

            fn storage_check(&self) -> Result<Check> {
                $tx::storage_check(self)
            }

            fn missing_guards(&self) -> Result<Vec<String>> {
                $tx::missing_guards(self)
            }

            fn wallet_heads(&self) -> Result<Vec<Head>> {
                $tx::wallet_heads(self)
            }

            fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>> {
                $tx::sealed_heads(self)
            }

            fn last_seal(&self) -> Result<Option<Seal>> {
                $tx::last_seal(self)
            }

            fn all_seals(&self) -> Result<Vec<Seal>> {
                $tx::all_seals(self)
            }

            fn insert_seal(&self, seal: &Seal) -> Result<()> {
                $tx::insert_seal(self, seal)
            }

            fn snapshot_run(&self, scope: &Scope, date: NaiveDate) -> Result<Option<SnapshotRun>> {
                $tx::snapshot_run(self, scope, date)
            }

            fn insert_snapshot(&self, run: &SnapshotRun, rows: &[WalletSnapshot]) -> Result<()> {
                $tx::insert_snapshot(self, run, rows)
            }

            fn last_entry_before(&self, wallet_id: &WalletId, until: Timestamp) -> Result<Option<LastEntry>> {
                $tx::last_entry_before(self, wallet_id, until)
            }

            fn snapshots(
                &self,
                scope: &Scope,
                filter: &SnapshotFilter,
                page: PageRequest,
            ) -> Result<Paged<WalletSnapshot>> {
                $tx::snapshots(self, scope, filter, page)
            }

            fn all_snapshots(&self) -> Result<Vec<WalletSnapshot>> {
                $tx::all_snapshots(self)
            }

            fn all_snapshot_runs(&self) -> Result<Vec<SnapshotRun>> {
                $tx::all_snapshot_runs(self)
            }

            fn all_responses(&self) -> Result<Vec<IdempotentResponse>> {
                $tx::all_responses(self)
            }

            fn insert_withdrawal_request(&self, request: &WithdrawalRequest) -> Result<()> {
                $tx::insert_withdrawal_request(self, request)
            }

            fn withdrawal_request(&self, id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>> {
                $tx::withdrawal_request(self, id)
            }

            fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>> {
                $tx::withdrawal_request_of_freeze(self, freeze_id)
            }

            fn withdrawal_requests(
                &self,
                scope: &Scope,
                filter: &ReviewFilter,
                page: PageRequest,
            ) -> Result<Paged<WithdrawalRequest>> {
                $tx::withdrawal_requests(self, scope, filter, page)
            }

            fn decide_withdrawal_request(
                &self,
                id: &WithdrawalRequestId,
                status: ReviewStatus,
                decision: &Decision,
            ) -> Result<bool> {
                $tx::decide_withdrawal_request(self, id, status, decision)
            }

            fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>> {
                $tx::all_withdrawal_requests(self)
            }

            fn import_entries(&self, rows: &[JournalRow]) -> Result<()> {
                $tx::import_entries(self, rows)
            }

            fn import_freeze(&self, freeze: &Freeze) -> Result<()> {
                $tx::import_freeze(self, freeze)
            }

            fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()> {
                $tx::import_status_change(self, seq, change)
            }
        }
    };
}

pub(crate) use queries_by_concern;
