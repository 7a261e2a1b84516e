//! Snapshots (`ledger snapshot --date`, `POST /wallets/snapshot`; `ledger snapshots`,
//! `GET /admin/wallets/snapshots`, `GET /wallets/snapshot`): each wallet's balances at the end
//! of a day that has ended, taken once per tenant, application and day, and read back.

use crate::error::{Error, Result};
use crate::ledger::model::{Account, Scope, Wallet};
use crate::ledger::reconcile::Day;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::snapshot::{ended, room_for_one_more, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::store::{Queries, Storage};

use super::retry::retrying;

/// A snapshot, and whether this request took it (false: it had been taken before, and this
/// is its first answer again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotTaken {
    pub run: SnapshotRun,
    pub created: bool,
}

/// Takes the snapshot of `day` for `scope`, in one write transaction, or finds the one taken.
/// `field` names the day in a refusal: the CLI's `date`, the body's `snapshot_date`.
pub fn take_snapshot<S: Storage>(
    store: &mut S,
    scope: &Scope,
    (day, field): (Day, &str),
    actor: &str,
) -> Result<SnapshotTaken> {
    retrying(|| store.write(|tx| take_snapshot_in(tx, scope, (day, field), actor)))
}

/// Inside the caller's transaction (a server request's savepoint). Two requests for one day
/// racing on PostgreSQL: the second's insert meets the first's key, is retried whole, and
/// finds it. Each wallet is locked (in id order, as two-wallet writes lock) before its sums are
/// read, so a write in flight on it commits first and is seen: its entry is stamped after it
/// holds the wallet, so an entry stamped before the day's end is never missed.
pub fn take_snapshot_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    (day, field): (Day, &str),
    actor: &str,
) -> Result<SnapshotTaken> {
    let now = super::now();
    // A day taken answers as it was taken, in the timezone it was taken in, whatever the
    // policy says now.
    if let Some(run) = tx.snapshot_run(scope, day.date)? {
        return Ok(SnapshotTaken { run, created: false });
    }
    // The day runs midnight to midnight in the policy's timezone, as the reconciliation's.
    let day = ended(field, day.in_zone(super::policy::current(tx, scope)?.timezone)?, now)?;
    let mut wallets = Vec::new();
    let wallets_total = tx.for_each_wallet(scope, None, |wallet| {
        if wallet.created_at < day.end {
            room_for_one_more(field, scope, wallets.len())?;
            wallets.push(wallet.id);
        }
        Ok(())
    })?;
    wallets.sort();
    let mut rows = Vec::with_capacity(wallets.len());
    for wallet_id in &wallets {
        let wallet = tx
            .wallet(wallet_id)?
            .ok_or_else(|| Error::internal(format!("wallet {wallet_id} vanished during the snapshot")))?;
        rows.push(wallet_snapshot(tx, &wallet, &day)?);
    }
    let run = SnapshotRun {
        scope: scope.clone(),
        date: day.date,
        snapshot_at: day.end,
        wallets_total,
        snapshot_count: rows.len() as u64,
        actor: actor.to_owned(),
        created_at: now,
        timezone: day.timezone.name().to_owned(),
    };
    tx.insert_snapshot(&run, &rows)?;
    Ok(SnapshotTaken { run, created: true })
}

/// `wallet`'s balances from its postings up to the day's last second, and its last entry.
fn wallet_snapshot<Q: Queries>(tx: &Q, wallet: &Wallet, day: &Day) -> Result<WalletSnapshot> {
    // Liabilities: credits (negative postings) are what the wallet holds.
    let held = |account: Account| -> Result<i64> {
        let sum = tx.posting_sum(&account.name(), day.last_second())?;
        sum.checked_neg()
            .ok_or_else(|| Error::internal(format!("wallet {} holds {sum} minor units", wallet.id)))
    };
    let available = held(Account::available(wallet))?;
    let frozen = held(Account::frozen(wallet))?;
    let last = tx.last_entry_before(&wallet.id, day.end)?;
    WalletSnapshot::of(wallet, day, available, frozen, last)
}

/// A page of `scope`'s stored snapshot rows, newest day first, then by user.
pub fn list_snapshots<S: Storage>(
    store: &mut S,
    scope: &Scope,
    filter: &SnapshotFilter,
    page: PageRequest,
) -> Result<Paged<WalletSnapshot>> {
    store.read(|tx| tx.snapshots(scope, filter, page))
}
