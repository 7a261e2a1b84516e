//! The storage interface: what `ops` asks of a backend. [`Storage`] opens transactions,
//! [`Queries`] is everything one transaction can be asked. No backend's types appear in a
//! signature, so a second backend implements the same two traits and `ops` stays as it is.

use std::collections::HashMap;

use crate::error::Result;
use crate::ledger::chain::{AuditEvent, Linked};
use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{
    Entry, Freeze, FreezeStatus, JournalRow, Scope, StatusChange, Transaction, TxType, Wallet, WalletStatus,
};
use crate::ledger::operations::FreezeChange;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::reconcile::Movement;
use chrono::NaiveDate;

use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest};
use crate::ledger::seal::{Head, Seal};
use crate::ledger::snapshot::{LastEntry, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::ledger::time::Timestamp;
use crate::ledger::token::Token;
use crate::ledger::verify::{BalanceProof, Check, Originals, RefundedOriginal};
use crate::store::{AccountTotals, IdempotentResponse};

/// A ledger a backend holds open: each closure runs inside one transaction and is run once,
/// never retried here (only the caller knows which of its side effects may be repeated).
pub trait Storage {
    /// One open transaction of this backend.
    type Tx<'c>: Queries
    where
        Self: 'c;

    /// Runs `f` in one write transaction: all of it commits, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&Self::Tx<'_>) -> Result<T>) -> Result<T>;

    /// Runs `f` on one consistent snapshot, and keeps nothing it may have written.
    fn read<T>(&mut self, f: impl FnOnce(&Self::Tx<'_>) -> Result<T>) -> Result<T>;

    /// Runs `f` as [`Storage::write`] does, then rolls everything back: a dry run.
    fn rehearse<T>(&mut self, f: impl FnOnce(&Self::Tx<'_>) -> Result<T>) -> Result<T>;

    /// The version of the ledger's schema, the same number on every backend.
    fn schema_version(&mut self) -> Result<i64>;
}

/// Every query the operations make inside one transaction, grouped by concern as each
/// backend's files are. The store stores and answers; hashing, past balances and verdicts
/// belong to `ops` and `ledger`.
pub trait Queries {
    /// Runs `f` in a savepoint. The outer error: the savepoint could not be opened or undone
    /// (the transaction must not commit); the inner one: `f`'s own failure, already undone.
    fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>>;

    // Wallets and their status changes.
    fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>>;
    fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>>;
    /// The id of a user's wallet, taking no lock: what a write that locks two wallets reads
    /// first, to lock them in id order (a wallet's id and owner never change).
    fn wallet_id_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<WalletId>>;
    fn insert_wallet(&self, wallet: &Wallet) -> Result<()>;
    fn wallets(&self, scope: &Scope, status: Option<WalletStatus>, page: PageRequest) -> Result<Paged<Wallet>>;
    /// Every wallet of `scope` (with `status`, if given) in user id order, handed to `each` as
    /// it is read; how many there were.
    fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64>;
    /// Every wallet of the ledger, by id.
    fn all_wallets(&self) -> Result<Vec<Wallet>>;
    /// The status the wallet's last change up to `at` (inclusive) set; `None` if none did.
    fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>>;
    /// The time of the wallet's last entry or status change up to `at` (inclusive).
    fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>>;
    /// Records a status change and sets the wallet's status, only if it is still `before`'s;
    /// the change's seq, which its audit record names.
    fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64>;
    /// A wallet's status changes, newest first.
    fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>>;
    /// Every status change with its seq, oldest first.
    fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>>;

    // Policies: their chained changes (linked and hashed by `ops`), and what limits count.
    /// The policy chain's head, taken under the lock that keeps a second change off it.
    fn policy_head(&self) -> Result<Option<(i64, String)>>;
    /// A scope's last policy change: its policy now.
    fn latest_policy_change(&self, scope: &Scope) -> Result<Option<PolicyChange>>;
    /// Stores a change already linked onto the head (or copied as it was).
    fn append_policy_change(&self, change: &PolicyChange) -> Result<()>;
    /// A scope's policy changes, newest first.
    fn policy_changes(&self, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>>;
    /// Every policy change, oldest first.
    fn all_policy_changes(&self) -> Result<Vec<PolicyChange>>;
    /// Minor units withdrawn from a wallet by its withdrawals made at or after `since`.
    fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64>;

    // The journal.
    fn entry(&self, id: &TransactionId) -> Result<Option<Entry>>;
    /// The entry of `kind` that names `original_id` as its original: a transfer's receiving leg.
    fn entry_naming(&self, original_id: &TransactionId, kind: TxType) -> Result<Option<Entry>>;
    /// The sum of a transaction's refunds, in minor units.
    fn refunded(&self, original_id: &TransactionId) -> Result<i64>;
    /// A refund's original and its own wallet's refunds of it before the refund at
    /// `refund_seq`, as `ledger verify`'s refund check needs them.
    fn refund_original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>>;
    /// Entries newest first, with postings and refunds: of one wallet or of the whole ledger.
    fn entries(
        &self,
        wallet_id: Option<&WalletId>,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Entry, i64)>>;
    /// A wallet's transactions newest first (no postings), with refunds.
    fn transactions(
        &self,
        wallet_id: &WalletId,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Transaction, i64)>>;
    /// A wallet's last entry and the sum of its active freezes.
    fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof>;
    /// Stores an entry already linked onto its wallet's chain, its postings, its freeze change,
    /// and its wallet's new balances only if they are still `before`'s; the `seq` the store gave
    /// the entry (increasing, with gaps where a backend's insert failed).
    fn append(&self, linked: &Linked, freeze: &FreezeChange, before: &Wallet, after: &Wallet) -> Result<i64>;
    /// The journal in seq order from `since` on, each entry with its postings; returns the
    /// seqs of postings that belong to no entry.
    fn for_each_entry(&self, since: Option<Timestamp>, f: impl FnMut(JournalRow) -> Result<()>) -> Result<Vec<i64>>;

    // Freezes.
    fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>>;
    /// A wallet's freezes, newest first.
    fn freezes_of_wallet(
        &self,
        wallet_id: &WalletId,
        status: Option<FreezeStatus>,
        page: PageRequest,
    ) -> Result<Paged<Freeze>>;
    /// Every freeze, by id.
    fn all_freezes(&self) -> Result<Vec<Freeze>>;

    // Tokens.
    fn insert_token(&self, token: &Token) -> Result<()>;
    fn token(&self, token_id: &TokenId) -> Result<Option<Token>>;
    /// Tokens newest first.
    fn tokens(&self, page: PageRequest) -> Result<Paged<Token>>;
    /// Whether this call revoked the token (false: it already was, or there is none).
    fn revoke_token(&self, token_id: &TokenId, now: Timestamp) -> Result<bool>;
    /// Every token, by id.
    fn all_tokens(&self) -> Result<Vec<Token>>;

    // The audit chain.
    /// The seq and hash of the audit chain's last record; `None` while it is empty.
    fn audit_head(&self) -> Result<Option<(i64, String)>>;
    /// Stores an audit record already linked onto the head (`chain::link_audit`).
    fn append_audit(&self, event: &AuditEvent) -> Result<()>;
    /// A token's creation and revocation records, each if recorded.
    fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)>;
    /// The audit chain in seq order.
    fn all_audit_events(&self) -> Result<Vec<AuditEvent>>;

    // Idempotency: `reference_id`s and `Idempotency-Key`s.
    /// The entry of a wallet with this reference, among the kinds that share `kind`'s group.
    fn entry_by_reference(&self, wallet_id: &WalletId, kind: TxType, reference_id: &str) -> Result<Option<Entry>>;
    /// The fingerprint, status and body kept for a key.
    fn idempotent_response(&self, scope: &Scope, owner: &str, key: &str) -> Result<Option<(String, u16, Vec<u8>)>>;
    fn record_response(&self, record: &IdempotentResponse) -> Result<()>;
    /// Every kept response, by tenant, application, owner and key.
    fn all_responses(&self) -> Result<Vec<IdempotentResponse>>;

    // Account reads.
    fn account_used(&self, account: &str) -> Result<bool>;
    /// The sum of an account's postings in the entries up to `at` (inclusive), in minor units.
    fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64>;
    /// A wallet's entries created within `[since, until)`, in journal order, each handed to
    /// `each` as it is read with the sum of its postings to `accounts` (the wallet's available
    /// and frozen accounts); how many there were.
    fn for_each_movement(
        &self,
        wallet_id: &WalletId,
        accounts: [&str; 2],
        since: Timestamp,
        until: Timestamp,
        each: impl FnMut(Movement) -> Result<()>,
    ) -> Result<u64>;
    /// The rest of each account name under `prefix`, in order.
    fn accounts_under(&self, prefix: &str) -> Result<Vec<String>>;
    /// Each account with its first posting's time, within `[since, until)`.
    fn accounts_first_used(
        &self,
        since: Option<Timestamp>,
        until: Option<Timestamp>,
    ) -> Result<Vec<(String, Timestamp)>>;
    /// Each account's debits and credits, of the entries up to `at` (all of them if `None`).
    fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>>;

    // What only the database can check.
    /// The backend's own check of its storage (SQLite: `PRAGMA integrity_check`), as a verify
    /// check whose name says which backend made it.
    fn storage_check(&self) -> Result<Check>;
    /// The triggers that keep the journal append-only which are not in place, by name.
    fn missing_guards(&self) -> Result<Vec<String>>;

    // Seals.
    /// Every wallet's last entry: its `wallet_seq` and hash, by wallet id.
    fn wallet_heads(&self) -> Result<Vec<Head>>;
    /// Each sealed wallet's last sealed `wallet_seq`.
    fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>>;
    /// The last seal, with the heads it recorded.
    fn last_seal(&self) -> Result<Option<Seal>>;
    /// Every seal in order, each with its heads.
    fn all_seals(&self) -> Result<Vec<Seal>>;
    /// Appends a seal made by [`Seal::next`] and the heads it records.
    fn insert_seal(&self, seal: &Seal) -> Result<()>;

    // Snapshots.
    /// The snapshot of `scope` for `date`, if one was taken.
    fn snapshot_run(&self, scope: &Scope, date: NaiveDate) -> Result<Option<SnapshotRun>>;
    /// Stores a snapshot and its wallets' rows, as given.
    fn insert_snapshot(&self, run: &SnapshotRun, rows: &[WalletSnapshot]) -> Result<()>;
    /// The wallet's entry of the highest `wallet_seq` among those created before `until`.
    fn last_entry_before(&self, wallet_id: &WalletId, until: Timestamp) -> Result<Option<LastEntry>>;
    /// A page of `scope`'s snapshot rows (of `filter`'s day and user), newest day first, then by user.
    fn snapshots(&self, scope: &Scope, filter: &SnapshotFilter, page: PageRequest) -> Result<Paged<WalletSnapshot>>;
    /// Every snapshot row of the ledger, by wallet and day.
    fn all_snapshots(&self) -> Result<Vec<WalletSnapshot>>;
    /// Every snapshot taken, by tenant, application and day.
    fn all_snapshot_runs(&self) -> Result<Vec<SnapshotRun>>;

    // Withdrawal requests (maker-checker review).
    /// Stores a request as given: a new one, pending; or one copied from another ledger in
    /// its final state.
    fn insert_withdrawal_request(&self, request: &WithdrawalRequest) -> Result<()>;
    fn withdrawal_request(&self, id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>>;
    /// The request whose amount a freeze holds, if the freeze is one's.
    fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>>;
    /// A page of `scope`'s requests (of `filter`'s wallet and status), newest first.
    fn withdrawal_requests(
        &self,
        scope: &Scope,
        filter: &ReviewFilter,
        page: PageRequest,
    ) -> Result<Paged<WithdrawalRequest>>;
    /// Records the decision of a request only if it is still pending: whether this call
    /// decided it (false: it was decided already, by this transaction's rival).
    fn decide_withdrawal_request(
        &self,
        id: &WithdrawalRequestId,
        status: ReviewStatus,
        decision: &Decision,
    ) -> Result<bool>;
    /// Every request, by id.
    fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>>;

    // Rows copied from another ledger (`ledger copy`), stored exactly as given into a new one.
    // Wallets, tokens, audit records, seals and kept responses go in through `insert_wallet`,
    // `insert_token`, `append_audit`, `insert_seal` and `record_response`, which store their
    // rows as given already. The append-only guards stay on: they allow inserts, and rows
    // given in order extend their chains.
    /// Stores journal rows in seq order, each with its own `seq`, `wallet_seq`, chain version,
    /// hashes and postings, after any rows already stored; wallets are left as they are (they
    /// are inserted with their final balances). A seq given later comes after every one stored.
    fn import_entries(&self, rows: &[JournalRow]) -> Result<()>;
    /// Stores a freeze in its final state, active, released or captured.
    fn import_freeze(&self, freeze: &Freeze) -> Result<()>;
    /// Stores a status change with its own `seq` (which its audit record names); the wallet is
    /// left as it is. A seq given later comes after every one stored.
    fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()>;
}

/// `ledger verify` finds a refund's original in the snapshot it reads the journal from.
impl<Q: Queries> Originals for Q {
    fn original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>> {
        self.refund_original(id, refund_seq)
    }
}
