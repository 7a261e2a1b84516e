//! The ledger as a whole: creating it, proving its invariants, the trial balance.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::ledger::model::{NormalSide, StoredEntry};
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::verify::{Anchor, Report};
use crate::store::{has_ledger_header, Store};

/// Creates a new, empty ledger file and returns its schema version.
pub fn init(path: &Path, lock_timeout_ms: u64) -> Result<i64> {
    Store::create(path, lock_timeout_ms)?.schema_version()
}

/// Checks every invariant of the ledger on one snapshot. A broken invariant is in the report,
/// not an error: the caller decides how to say it.
pub fn verify(store: &mut Store, anchors: &[Anchor]) -> Result<Report> {
    store.read(|tx| tx.verify(anchors))
}

/// Opens the ledger at `path` and verifies it. A ledger whose storage is damaged (a truncated
/// copy, overwritten pages, a header SQLite cannot read) is a failed `sqlite_integrity` check
/// in the report, as any other broken invariant is, not an error of ledgerctl's.
pub fn verify_file(path: &Path, open: impl FnOnce() -> Result<Store>, anchors: &[Anchor]) -> Result<Report> {
    let damaged = |e: Error| -> Result<Report> {
        match e {
            Error::StorageIntegrity { message } => Ok(Report::unreadable(message)),
            Error::NotALedger { .. } if has_ledger_header(path) => Ok(Report::unreadable(format!(
                "{} begins as a ledger but SQLite cannot read it (truncated or overwritten): {e}",
                path.display()
            ))),
            e => Err(e),
        }
    };
    let mut store = match open() {
        Ok(store) => store,
        Err(e) => return damaged(e),
    };
    verify(&mut store, anchors).or_else(damaged)
}

/// Every account's debits, credits and balance, with per-currency totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrialBalance {
    pub lines: Vec<TrialBalanceLine>,
    pub totals: Vec<TrialBalanceTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrialBalanceLine {
    pub account: String,
    pub currency: String,
    pub debit: i128,
    pub credit: i128,
    /// On the account's normal side: positive means a debit balance for assets, a credit
    /// balance for liabilities and equity.
    pub balance: i128,
    pub normal_side: NormalSide,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrialBalanceTotal {
    pub currency: String,
    pub debit: i128,
    pub credit: i128,
}

impl TrialBalance {
    /// Debits equal credits in every currency.
    pub fn balanced(&self) -> bool {
        self.totals.iter().all(|t| t.debit == t.credit)
    }
}

pub fn trial_balance(store: &mut Store) -> Result<TrialBalance> {
    let accounts = store.read(|tx| tx.account_totals())?;
    let mut totals: BTreeMap<String, (i128, i128)> = BTreeMap::new();
    let lines = accounts
        .into_iter()
        .map(|a| {
            let sum = totals.entry(a.currency.clone()).or_default();
            sum.0 += a.debit;
            sum.1 += a.credit;
            let normal_side = NormalSide::of(&a.account);
            TrialBalanceLine {
                balance: normal_side.balance(a.debit - a.credit),
                account: a.account,
                currency: a.currency,
                debit: a.debit,
                credit: a.credit,
                normal_side,
            }
        })
        .collect();
    let totals = totals
        .into_iter()
        .map(|(currency, (debit, credit))| TrialBalanceTotal {
            currency,
            debit,
            credit,
        })
        .collect();
    Ok(TrialBalance { lines, totals })
}

/// Where `ledger export` sends the journal: the accounts first, then every entry in order.
pub trait ExportSink {
    /// Every account the export will post to, with the timestamp of its first posting.
    fn accounts(&mut self, accounts: &[(String, String)]) -> Result<()>;
    fn entry(&mut self, entry: &StoredEntry) -> Result<()>;
    fn finish(&mut self) -> Result<()>;
}

/// Streams the journal, from `since` on, into `sink`, all from one snapshot.
pub fn export(store: &mut Store, since: Option<&str>, sink: &mut dyn ExportSink) -> Result<()> {
    store.read(|tx| {
        sink.accounts(&tx.accounts_first_used(since)?)?;
        tx.for_each_entry(since, |entry| sink.entry(entry))?;
        sink.finish()
    })
}

/// The journal across every wallet, newest first, each entry with its postings and refunds.
pub fn journal(
    store: &mut Store,
    wallet_id: Option<&str>,
    filter: &EntryFilter,
    page: PageRequest,
) -> Result<Paged<(crate::ledger::model::Entry, i64)>> {
    store.read(|tx| tx.entries(wallet_id, filter, page, true))
}
