//! The storage conformance suite: what any backend of `Store`/`Tx` must do, pinned through the
//! public methods only. Every test takes its store from [`fresh`], so a second backend runs the
//! same bodies by giving `fresh` another implementation; nothing here reads SQLite's own state
//! (no PRAGMA, no file), only what the methods answer.

mod accounts;
mod freezes;
mod journal;
mod keys;
mod listing;
mod transactions;
mod wallets;

use tempfile::TempDir;

use crate::error::Result;
use crate::ledger::chain::{self, AuditEvent, AuditRecord, Owner};
use crate::ledger::ids::{FreezeId, TransactionId, WalletId};
use crate::ledger::model::{Account, Entry, Freeze, Scope, StoredEntry, Wallet};
use crate::ledger::money::Currency;
use crate::ledger::operations::{Context, Load, Operation, Plan};
use crate::ledger::request::PageRequest;
use crate::ledger::time::Timestamp;
use crate::store::{Queries, SqliteTx as Tx, Store};

/// A new, empty ledger. The folder is returned so it outlives the store.
pub(super) fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::create(&dir.path().join("ledger.db"), 5_000).expect("a new ledger");
    (dir, store)
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
pub(super) fn open(tx: &Tx, scope: &Scope, user_id: &str) -> Wallet {
    let wallet = Wallet::open(scope, user_id, Currency::CNY, WalletId::mint(), at("09:00"));
    tx.insert_wallet(&wallet).expect("a new wallet is stored");
    wallet
}

/// What `ops` does for one operation (`operate::apply`): the wallet as stored, the rule's plan,
/// the entry linked onto the chain head, then `append` with the wallet the plan started from.
pub(super) fn apply(tx: &Tx, wallet_id: &WalletId, op: &Operation, now: &str) -> Result<StoredEntry> {
    let before = tx.wallet(wallet_id)?.expect("the wallet exists");
    let plan = plan(tx, &before, op, now)?;
    append_plan(tx, plan, &before)
}

/// The rule's plan for `op` on `wallet`, its lookups answered by the store under test.
pub(super) fn plan(tx: &Tx, wallet: &Wallet, op: &Operation, now: &str) -> Result<Plan> {
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

/// Links `plan`'s entry onto the chain head and appends it over `before`.
pub(super) fn append_plan(tx: &Tx, plan: Plan, before: &Wallet) -> Result<StoredEntry> {
    let (seq, prev_hash) = chain::after(tx.chain_head()?);
    let stored = chain::link(seq, plan.entry, Owner::of(before), prev_hash);
    tx.append(&stored, &plan.freeze, before, &plan.wallet_after)?;
    Ok(stored)
}

/// What `ops` does for an audit record: linked onto the audit chain's head, then appended.
pub(super) fn audit(tx: &Tx, record: &AuditRecord) -> Result<AuditEvent> {
    let (seq, prev_hash) = chain::after(tx.audit_head()?);
    let event = chain::link_audit(seq, record, prev_hash);
    tx.append_audit(&event)?;
    Ok(event)
}

/// A deposit of `amount` at `now`, which must succeed.
pub(super) fn deposit(tx: &Tx, wallet_id: &WalletId, amount: &str, now: &str) -> Entry {
    let op = Operation::deposit(amount, None, None).expect("a valid deposit");
    apply(tx, wallet_id, &op, now).expect("the deposit applies").entry
}

/// The rule's `Load`, answered from the transaction as `ops` answers it.
struct Loader<'t, 'c>(&'t Tx<'c>);

impl Load for Loader<'_, '_> {
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
}
