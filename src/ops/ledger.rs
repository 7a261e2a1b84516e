//! The ledger as a whole: creating it, proving its invariants, the trial balance.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{NormalSide, StatusChange, StoredEntry};
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::seal::Seal;
use crate::ledger::time::Timestamp;
use crate::ledger::verify::{
    check_audit, check_policy_changes, check_statuses, external_check, Anchor, Check, Report, Snapshots, Verifier,
    INTEGRITY_CHECK, INTEGRITY_DESCRIPTION,
};
use crate::store::{has_ledger_header, DbLocation, Queries, Storage, Store};

use super::retry::retrying;

/// Creates a new, empty ledger file and returns its schema version.
pub fn init(db: &DbLocation, lock_timeout_ms: u64) -> Result<i64> {
    Store::create(db, lock_timeout_ms)?.schema_version()
}

/// The version of the ledger's schema, as the server's health route reports it.
pub fn schema_version<S: Storage>(store: &mut S) -> Result<i64> {
    store.schema_version()
}

/// Checks every invariant of the ledger on one snapshot. A broken invariant is in the report,
/// not an error: the caller decides how to say it.
pub fn verify<S: Storage>(store: &mut S, anchors: &[Anchor]) -> Result<Report> {
    store.read(|tx| verify_in(tx, anchors))
}

/// The whole file, from one snapshot: the pages first (on damaged pages every other check would
/// read garbage, or stop half-way), then the journal streamed through a verifier, then what the
/// journal does not hold.
fn verify_in<Q: Queries>(tx: &Q, anchors: &[Anchor]) -> Result<Report> {
    let integrity = tx.storage_check()?;
    if !integrity.ok() {
        return Ok(Report::damaged(integrity));
    }
    verify_rows(tx, anchors, integrity)
}

/// Every check but the pages', whose result `integrity` joins the report.
fn verify_rows<Q: Queries>(tx: &Q, anchors: &[Anchor], integrity: Check) -> Result<Report> {
    let wallets = tx.all_wallets()?;
    let seals = tx.all_seals()?;
    let mut verifier = Verifier::new(anchors, &wallets, &seals);
    verifier.withdrawal_requests(tx.all_withdrawal_requests()?);
    let mut snapshots = Snapshots::new(tx.all_snapshots()?);
    let strays = tx.for_each_entry(None, |row| {
        verifier.entry(&row, tx)?;
        snapshots.entry(&row);
        Ok(())
    })?;
    let stray_postings = strays
        .iter()
        .map(|seq| format!("posting of seq {seq} has no journal entry"))
        .collect();
    let changes = tx.all_status_changes()?;
    let plain_changes: Vec<StatusChange> = changes.iter().map(|(_, c)| c.clone()).collect();
    let extra = vec![
        check_statuses(&wallets, &plain_changes),
        check_audit(&tx.all_audit_events()?, &tx.all_tokens()?, &changes),
        snapshots.finish(),
        check_policy_changes(&tx.all_policy_changes()?),
        external_check(
            "postings_belong_to_entries",
            "every posting belongs to a journal entry",
            stray_postings,
        ),
        integrity,
        append_only_check(tx.missing_guards()?),
    ];
    Ok(verifier.finish(&wallets, &tx.all_freezes()?, extra))
}

/// The triggers that refuse UPDATE and DELETE of the journal, as a verify check.
fn append_only_check(missing: Vec<String>) -> Check {
    let problems = missing
        .iter()
        .map(|name| format!("trigger {name} is missing: the journal is no longer protected"))
        .collect();
    external_check(
        "append_only_triggers",
        "the triggers that refuse UPDATE and DELETE of the journal are in place",
        problems,
    )
}

/// What `ledger seal` did: the seal it appended, or the last seal when no wallet's head moved
/// since (it still proves everything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub seal: Seal,
    pub created: bool,
}

/// Records, in one transaction, the chain head of every wallet whose head moved since the last
/// seal, chained onto that seal: its anchor, kept outside the ledger, proves every wallet's
/// history up to it.
pub fn seal<S: Storage>(store: &mut S, actor: &str) -> Result<Sealed> {
    retrying(|| store.write(|tx| seal_in(tx, actor)))
}

fn seal_in<Q: Queries>(tx: &Q, actor: &str) -> Result<Sealed> {
    let last = tx.last_seal()?;
    let previous = last.as_ref().map(|s| (s.seq, s.hash.as_str()));
    match Seal::next(previous, tx.wallet_heads()?, &tx.sealed_heads()?, super::now(), actor) {
        Some(seal) => {
            tx.insert_seal(&seal)?;
            Ok(Sealed { seal, created: true })
        }
        None => {
            let seal = last.ok_or_else(|| Error::internal("no head moved, yet there is no seal"))?;
            Ok(Sealed { seal, created: false })
        }
    }
}

/// Opens the ledger at `path` and verifies it. A ledger whose storage is damaged (a truncated
/// copy, overwritten pages, a header SQLite cannot read) is a failed `sqlite_integrity` check
/// in the report, as any other broken invariant is, not an error of ledgerctl's.
///
/// The database's own check of its pages and indexes (`PRAGMA integrity_check`, most of the
/// time on a large file) runs on a second connection, on a thread of its own, while this one
/// streams the journal through the checks: on two cores the whole takes about as long as the
/// longer of the two. The two read the file at about the same moment, each from a snapshot of
/// its own; on damaged pages the report is the pages' alone, as when they ran one after the
/// other, whatever the journal's reading met.
pub fn verify_file<S: Storage>(
    db: &DbLocation,
    open: impl Fn() -> Result<S> + Sync,
    anchors: &[Anchor],
) -> Result<Report> {
    let damaged = |e: Error| -> Result<Report> {
        match (e, db) {
            (Error::StorageIntegrity { message }, _) => Ok(Report::unreadable(message)),
            (e @ Error::NotALedger { .. }, DbLocation::Path(path)) if has_ledger_header(path) => {
                Ok(Report::unreadable(format!(
                    "{} begins as a ledger but SQLite cannot read it (truncated or overwritten): {e}",
                    path.display()
                )))
            }
            (e, _) => Err(e),
        }
    };
    let mut store = match open() {
        Ok(store) => store,
        Err(e) => return damaged(e),
    };
    let (pages, rows) = std::thread::scope(|threads| {
        let pages = threads.spawn(|| open().and_then(|mut other| other.read(|tx| tx.storage_check())));
        // The pages check's place in the report, filled in below once it has run.
        let slot = external_check(INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, Vec::new());
        let rows = store.read(|tx| verify_rows(tx, anchors, slot));
        let pages = pages
            .join()
            .unwrap_or_else(|_| Err(Error::internal("the pages check's thread panicked")));
        (pages, rows)
    });
    match pages {
        Err(e) => damaged(e),
        Ok(integrity) if !integrity.ok() => Ok(Report::damaged(integrity)),
        Ok(integrity) => rows
            .map(|report| report.with_check_in_place_of(INTEGRITY_CHECK, integrity))
            .or_else(damaged),
    }
}

/// Every account's debits, credits and balance, with per-currency totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrialBalance {
    /// The moment the balances are of (`--at`); `None` for now.
    pub as_of: Option<String>,
    pub lines: Vec<TrialBalanceLine>,
    pub totals: Vec<TrialBalanceTotal>,
}

/// Whose a wallet is, so a `wlt_…` account can be named with its user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletOwner {
    pub tenant_id: String,
    pub application_id: String,
    pub user_id: String,
}

/// The wallet id of a `liabilities:wallet:<id>:…` account.
pub fn wallet_of_account(account: &str) -> Option<&str> {
    account.strip_prefix("liabilities:wallet:")?.split(':').next()
}

/// Every wallet's owner, by wallet id.
fn owners<Q: Queries>(tx: &Q) -> Result<HashMap<WalletId, WalletOwner>> {
    Ok(tx
        .all_wallets()?
        .into_iter()
        .map(|w| {
            let owner = WalletOwner {
                tenant_id: w.tenant_id,
                application_id: w.application_id,
                user_id: w.user_id,
            };
            (w.id, owner)
        })
        .collect())
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
    /// The user of a wallet's account.
    pub owner: Option<WalletOwner>,
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

/// The trial balance now, or as of `at` (a stored timestamp: the entries up to and including
/// that second).
pub fn trial_balance<S: Storage>(store: &mut S, at: Option<Timestamp>) -> Result<TrialBalance> {
    let (accounts, owners) = store.read(|tx| Ok((tx.account_totals(at)?, owners(tx)?)))?;
    let mut totals: BTreeMap<String, (i128, i128)> = BTreeMap::new();
    let lines = accounts
        .into_iter()
        .map(|a| {
            let sum = totals.entry(a.currency.clone()).or_default();
            sum.0 += a.debit;
            sum.1 += a.credit;
            let normal_side = NormalSide::of(&a.account);
            TrialBalanceLine {
                owner: wallet_of_account(&a.account).and_then(|w| owners.get(w).cloned()),
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
    Ok(TrialBalance {
        as_of: at.map(|at| at.to_string()),
        lines,
        totals,
    })
}

/// Where `ledger export` sends the journal: the accounts first, then every entry in order,
/// each with its wallet's owner.
pub trait ExportSink {
    /// Every account the export will post to, with the timestamp of its first posting; `owners`
    /// names the user of each wallet.
    fn accounts(&mut self, accounts: &[(String, Timestamp)], owners: &HashMap<WalletId, WalletOwner>) -> Result<()>;
    fn entry(&mut self, entry: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()>;
    fn finish(&mut self) -> Result<()>;
}

/// Streams the journal from `since` (inclusive) up to `until` (exclusive) into `sink`, all from
/// one snapshot.
pub fn export<S: Storage>(
    store: &mut S,
    since: Option<Timestamp>,
    until: Option<Timestamp>,
    sink: &mut dyn ExportSink,
) -> Result<()> {
    store.read(|tx| {
        let owners = owners(tx)?;
        sink.accounts(&tx.accounts_first_used(since, until)?, &owners)?;
        tx.for_each_entry(since, |stored| {
            if until.is_some_and(|until| stored.entry.created_at >= until) {
                return Ok(());
            }
            let stored = stored
                .checked()
                .map_err(|message| Error::StorageIntegrity { message })?;
            sink.entry(&stored, owners.get(&stored.entry.wallet_id))
        })?;
        sink.finish()
    })
}

/// The journal across every wallet, newest first, each entry with its postings and refunds.
pub fn journal<S: Storage>(
    store: &mut S,
    wallet_id: Option<&str>,
    filter: &EntryFilter,
    page: PageRequest,
) -> Result<Paged<(crate::ledger::model::Entry, i64)>> {
    let wallet_id = wallet_id.map(WalletId::new);
    store.read(|tx| tx.entries(wallet_id.as_ref(), filter, page))
}
