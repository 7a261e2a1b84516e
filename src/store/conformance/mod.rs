//! The storage conformance suite: what any backend of the storage interface must do, pinned
//! through [`Storage`] and [`Queries`] only. Every test is a body generic over the backend,
//! `fn test<S: Storage>(store: S)` on a new, empty ledger; [`suite!`] runs each of them on
//! every backend, so a second backend is one more line at the bottom of this file. Nothing
//! here reads a backend's own state (no PRAGMA, no file), only what the methods answer.

mod accounts;
mod freezes;
mod guards;
mod import;
mod journal;
mod keys;
mod listing;
mod policies;
mod review;
mod seals;
mod snapshots;
mod statuses;
mod transactions;
mod wallets;

use tempfile::TempDir;

use crate::error::Result;
use crate::ledger::chain::{self, AuditEvent, AuditRecord, Owner};
use crate::ledger::ids::{FreezeId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{Account, Entry, Freeze, Scope, StoredEntry, Wallet};
use crate::ledger::money::Currency;
use crate::ledger::operations::{Context, Load, Operation, Plan};
use crate::ledger::policy::Policy;
use crate::ledger::request::PageRequest;
use crate::ledger::time::Timestamp;
use crate::store::postgres::testing::TestDatabase;
use crate::store::postgres::PgStore;
use crate::store::{Queries, SqliteStore};

/// A `#[test]` per test body for one backend, in a module named after it: `$fresh()` gives a
/// new, empty ledger with whatever must outlive it (a folder, a database to drop), or `None`
/// when the backend is not there to test (no PostgreSQL server configured: the test skips).
macro_rules! tests_on {
    ($backend:ident, $fresh:path, { $($concern:ident: [$($test:ident),* $(,)?]),* $(,)? }) => {
        mod $backend {
            $(mod $concern {
                $(#[test]
                fn $test() {
                    let Some((_keep, store)) = $fresh() else {
                        return;
                    };
                    crate::store::conformance::$concern::$test(store);
                })*
            })*
        }
    };
}

/// Every test of the suite, run on the backend `$fresh` opens. A body not listed here is
/// dead code, which the lints refuse, so none is left out.
macro_rules! suite {
    ($backend:ident, $fresh:path) => {
        tests_on!($backend, $fresh, {
            wallets: [
                an_inserted_wallet_is_read_back_whole_by_id_and_by_user,
                a_wallet_is_not_found_by_its_user_in_another_tenant_or_application,
                the_same_user_has_one_wallet_per_scope,
                wallets_pages_one_scope_in_id_order_with_the_total_of_all_pages,
                wallets_filters_by_status_and_counts_only_the_matches,
                for_each_wallet_hands_one_scope_in_user_id_order_and_counts_them,
                all_wallets_lists_every_scope_in_id_order,
            ],
            statuses: [
                a_status_change_is_recorded_with_the_wallets_new_status,
                a_status_change_from_a_status_the_wallet_no_longer_has_is_refused,
                status_at_is_the_last_change_up_to_the_instant,
                last_change_at_is_the_latest_entry_or_status_change_up_to_the_instant,
            ],
            journal: [
                an_appended_entry_is_read_back_with_its_postings_and_moves_its_wallet,
                each_wallet_chain_starts_at_genesis_and_its_head_follows_its_last_entry,
                refunded_sums_every_refund_of_one_transaction_only,
                refund_original_is_the_entry_with_its_wallets_refunds_before_the_refund,
                entries_lists_newest_first_of_one_wallet_or_of_the_ledger_with_refunded_sums,
                entry_by_reference_is_per_wallet_and_operation_with_both_adjust_directions_one,
                a_second_entry_with_a_used_reference_is_refused_as_a_conflict,
                for_each_entry_streams_in_chain_order_from_since_with_postings,
                an_append_over_a_stale_wallet_is_refused_and_its_transaction_keeps_nothing,
                balance_proof_is_the_wallets_last_entry_and_its_active_freezes,
            ],
            transactions: [
                a_failed_write_keeps_nothing_of_what_it_wrote,
                an_error_inside_isolated_undoes_only_that_savepoint,
                a_successful_isolated_keeps_its_writes_and_returns_its_value,
                rehearse_sees_its_own_writes_and_keeps_none,
                a_read_sees_what_earlier_writes_committed,
                a_read_keeps_nothing_it_wrote,
            ],
            listing: [
                transactions_are_one_wallets_newest_first,
                transactions_filter_by_type,
                transactions_filter_from_inclusive_to_exclusive,
                transactions_filter_by_reference,
                transactions_before_a_cursor_are_only_the_older_ones,
                transactions_pages_count_the_whole_filtered_list,
                transactions_carry_the_refunded_sum_of_each,
            ],
            freezes: [
                a_freezes_plan_stores_an_active_freeze_and_moves_available_to_frozen,
                an_unfreeze_releases_its_freeze_with_the_time_and_reason,
                a_release_of_a_freeze_no_longer_active_is_refused,
                a_capture_ends_its_freeze_captured_and_a_stale_second_end_is_refused,
                freezes_of_wallet_lists_newest_first_filtered_by_status_with_totals,
                all_freezes_lists_every_wallets_freezes_by_id,
            ],
            keys: [
                a_recorded_response_is_found_by_its_scope_owner_and_key_only,
                a_key_is_recorded_once_per_scope_and_owner,
                an_inserted_token_is_read_back_whole,
                tokens_lists_newest_first_with_the_total,
                a_token_is_revoked_once_and_a_second_revocation_changes_nothing,
                token_audit_has_the_creation_then_the_revocation,
                the_audit_head_is_the_last_appended_record_and_records_are_kept_as_given,
                an_audit_record_that_does_not_extend_the_head_is_refused,
                all_tokens_lists_every_tenants_tokens_by_id,
            ],
            accounts: [
                an_account_is_used_once_a_posting_moves_it,
                accounts_under_names_one_scopes_counterparties_without_the_prefix,
                accounts_first_used_dates_each_account_within_the_window,
                account_totals_sum_debits_and_credits_up_to_an_instant,
                posting_sum_adds_an_accounts_postings_up_to_an_instant,
                for_each_movement_streams_a_wallets_entries_in_a_window_with_its_own_postings,
            ],
            guards: [
                a_new_ledger_passes_its_storage_check_and_misses_no_guard,
            ],
            import: [
                imported_entries_are_read_back_exactly_at_their_seqs_and_leave_their_wallet_as_inserted,
                an_imported_entry_that_does_not_extend_its_wallets_chain_is_refused_and_keeps_nothing,
                imported_freezes_are_read_back_in_their_final_state,
                imported_status_changes_keep_their_seqs_and_leave_their_wallet_as_inserted,
                all_responses_lists_every_kept_response_by_scope_owner_and_key,
            ],
            policies: [
                policy_changes_are_read_back_newest_first_per_scope_and_the_head_follows_the_last,
                a_policy_change_that_does_not_extend_the_chain_is_refused,
                withdrawn_since_sums_one_wallets_withdrawals_from_an_instant,
            ],
            review: [
                a_request_is_read_back_whole_by_id_by_freeze_and_among_all,
                withdrawal_requests_lists_newest_first_by_wallet_and_status_with_totals,
                a_request_is_decided_once_and_a_second_decision_changes_nothing,
                a_request_breaking_the_schemas_checks_is_refused_and_keeps_nothing,
                a_copy_carries_every_request_as_stored_after_the_freezes_and_entries_it_names,
            ],
            seals: [
                seals_are_read_back_with_their_heads_and_sealed_heads_are_the_last_sealed,
                a_seal_that_does_not_extend_the_seal_chain_is_refused,
            ],
            snapshots: [
                a_snapshot_is_read_back_as_stored_and_taken_once_per_scope_and_day,
                last_entry_before_is_the_wallets_highest_entry_made_before_the_instant,
            ],
        });
    };
}

suite!(sqlite, crate::store::conformance::fresh_sqlite);
suite!(postgres, crate::store::conformance::fresh_postgres);

/// A new, empty SQLite ledger, with the folder that holds it.
fn fresh_sqlite() -> Option<(TempDir, SqliteStore)> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = SqliteStore::create(&dir.path().join("ledger.db"), 5_000).expect("a new ledger");
    Some((dir, store))
}

/// A new, empty PostgreSQL ledger in a database of its own, dropped after the test; `None`
/// (the test skips, saying so) when no server is configured.
fn fresh_postgres() -> Option<(TestDatabase, PgStore)> {
    let db = TestDatabase::create()?;
    let store = PgStore::create(db.config(), db.url(), 5_000).expect("a new ledger");
    Some((db, store))
}

pub(super) fn scope(tenant_id: &str, application_id: &str) -> Scope {
    Scope {
        tenant_id: tenant_id.into(),
        application_id: application_id.into(),
    }
}

/// An instant on 2026-04-15 at `hh:mm`, so tests can order entries by their time.
pub(super) fn at(hh_mm: &str) -> Timestamp {
    format!("2026-04-15T{hh_mm}:00Z").parse().expect("a valid instant")
}

pub(super) fn page(number: u32, size: u32) -> PageRequest {
    PageRequest::new(Some(number), Some(size)).expect("a valid page")
}

/// Opens and stores a CNY wallet for `user_id` in `scope`, with a freshly minted id.
pub(super) fn open<Q: Queries>(tx: &Q, scope: &Scope, user_id: &str) -> Wallet {
    let wallet = Wallet::open(scope, user_id, Currency::CNY, WalletId::mint(), at("09:00"));
    tx.insert_wallet(&wallet).expect("a new wallet is stored");
    wallet
}

/// What `ops` does for one operation (`operate::apply`): the wallet as stored, the rule's plan,
/// the entry linked onto the chain head, then `append` with the wallet the plan started from.
pub(super) fn apply<Q: Queries>(tx: &Q, wallet_id: &WalletId, op: &Operation, now: &str) -> Result<StoredEntry> {
    let before = tx.wallet(wallet_id)?.expect("the wallet exists");
    let plan = plan(tx, &before, op, now)?;
    append_plan(tx, plan, &before)
}

/// The rule's plan for `op` on `wallet`, its lookups answered by the store under test.
pub(super) fn plan<Q: Queries>(tx: &Q, wallet: &Wallet, op: &Operation, now: &str) -> Result<Plan> {
    op.plan(wallet, &Loader(tx), &context(now))
}

/// What a rule is given at `now`: new ids minted as `ops` mints them.
pub(super) fn context(now: &str) -> Context {
    Context {
        actor: "cli:conformance".into(),
        now: at(now),
        transaction_id: TransactionId::mint(),
        freeze_id: FreezeId::mint(),
    }
}

/// Links `plan`'s entry onto its wallet's chain head and appends it over `before`.
pub(super) fn append_plan<Q: Queries>(tx: &Q, plan: Plan, before: &Wallet) -> Result<StoredEntry> {
    let last = tx.balance_proof(&before.id)?.last_entry;
    let head = last.as_ref().map(|e| (e.wallet_seq, e.hash.as_str()));
    let linked = chain::link(plan.entry, Owner::of(before), head);
    let seq = tx.append(&linked, &plan.freeze, before, &plan.wallet_after)?;
    Ok(linked.stored(seq))
}

/// What `ops` does for an audit record: linked onto the audit chain's head, then appended.
pub(super) fn audit<Q: Queries>(tx: &Q, record: &AuditRecord) -> Result<AuditEvent> {
    let (seq, prev_hash) = chain::after(tx.audit_head()?);
    let event = chain::link_audit(seq, record, prev_hash);
    tx.append_audit(&event)?;
    Ok(event)
}

/// A deposit of `amount` at `now`, which must succeed.
pub(super) fn deposit<Q: Queries>(tx: &Q, wallet_id: &WalletId, amount: &str, now: &str) -> Entry {
    let op = Operation::deposit(amount, None, None).expect("a valid deposit");
    apply(tx, wallet_id, &op, now).expect("the deposit applies").entry
}

/// The rule's `Load`, answered from the transaction as `ops` answers it.
struct Loader<'t, Q>(&'t Q);

impl<Q: Queries> Load for Loader<'_, Q> {
    fn original(&self, transaction_id: &TransactionId) -> Result<(Entry, i64)> {
        let entry = self.0.entry(transaction_id)?.expect("the original exists");
        Ok((entry, self.0.refunded(transaction_id)?))
    }

    fn freeze(&self, freeze_id: &FreezeId) -> Result<Freeze> {
        Ok(self.0.freeze(freeze_id)?.expect("the freeze exists"))
    }

    fn account_used(&self, account: &Account) -> Result<bool> {
        self.0.account_used(&account.name())
    }

    fn counterparties(&self, scope: &Scope) -> Result<Vec<String>> {
        self.0.accounts_under(&Account::counterparties_prefix(scope))
    }

    fn policy(&self, scope: &Scope) -> Result<Policy> {
        self.0
            .latest_policy_change(scope)?
            .map_or_else(|| Ok(Policy::default()), |c| c.policy_after())
    }

    fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64> {
        self.0.withdrawn_since(wallet_id, since)
    }

    fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequestId>> {
        Ok(self
            .0
            .withdrawal_request_of_freeze(freeze_id)?
            .map(|request| request.id))
    }
}
