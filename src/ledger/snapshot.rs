//! Snapshots (`ledger snapshot --date`, `POST /wallets/snapshot`): each wallet's balances at
//! the end of a day that has ended, stored once per tenant, application and day, with the
//! wallet's last entry by then, so that `ledger verify` can prove every stored balance
//! against the journal.

use chrono::NaiveDate;

use super::ids::{TransactionId, WalletId};
use super::limits::SNAPSHOT_WALLETS_MAX;
use super::model::{Scope, Wallet};
use super::money::Currency;
use super::reconcile::Day;
use super::time::Timestamp;
use crate::error::{Error, Result};

/// A wallet's last entry at a snapshot's instant: its place in the wallet's chain, its id and
/// its hash (what proves that the history up to it is the one the snapshot saw).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastEntry {
    pub wallet_seq: i64,
    pub transaction_id: TransactionId,
    pub hash: String,
}

/// One wallet's stored balances at the end of `date`, in minor units. `balance` is stored too
/// (available + frozen, as every view shows it), so that a hand-edited total is caught as well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletSnapshot {
    pub wallet_id: WalletId,
    pub user_id: String,
    pub currency: Currency,
    pub date: NaiveDate,
    /// The instant the balances are of: the day's end (exclusive), as the day was counted
    /// when the snapshot was taken; `ledger verify` reads it rather than counting the day
    /// again, so a later change of how days are counted cannot break old snapshots.
    pub snapshot_at: Timestamp,
    pub available: i64,
    pub frozen: i64,
    pub balance: i64,
    /// `None`: the wallet had no entry yet.
    pub last: Option<LastEntry>,
}

/// One snapshot of a tenant and application: what its first request answered, kept whole so
/// that every repeat answers the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotRun {
    pub scope: Scope,
    pub date: NaiveDate,
    pub snapshot_at: Timestamp,
    /// The wallets of the tenant and application when the snapshot was taken.
    pub wallets_total: u64,
    /// The wallets snapshotted: those opened by the day's end.
    pub snapshot_count: u64,
    pub actor: String,
    pub created_at: Timestamp,
    /// The IANA name of the timezone whose midnight ends the day: the tenant's and
    /// application's policy's when the snapshot was taken (`UTC` without one).
    pub timezone: String,
}

/// Which stored snapshot rows a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotFilter {
    pub date: Option<NaiveDate>,
    pub user_id: Option<String>,
}

/// `2026-04-14`, as dates are written and stored.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The day to snapshot, refused unless it has ended by `now`: a day still running (or to
/// come) has balances that can still change, and a snapshot is taken once and kept.
pub fn ended(field: &str, day: Day, now: Timestamp) -> Result<Day> {
    if day.end <= now {
        return Ok(day);
    }
    Err(Error::invalid(
        field,
        format!(
            "{} has not ended yet (days run midnight to midnight {}, the policy's timezone; it ends at {}): its balances could still change, so it cannot be snapshotted before then",
            day.text(),
            day.timezone.name(),
            day.end
        ),
    ))
}

/// Whether a snapshot holding `held` wallets may take one more: a tenant and application with
/// more than [`SNAPSHOT_WALLETS_MAX`] wallets by the day's end is refused whole, never cut short.
pub fn room_for_one_more(field: &str, scope: &Scope, held: usize) -> Result<()> {
    if held < SNAPSHOT_WALLETS_MAX {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        format!(
            "tenant {} application {} held more than {SNAPSHOT_WALLETS_MAX} wallets by that day's end, more than one snapshot holds",
            scope.tenant_id, scope.application_id
        ),
    ))
}

impl WalletSnapshot {
    /// `wallet`'s balances at the end of `day`: `available` and `frozen` from its postings
    /// (liabilities: a credit balance, so the negated posting sums), `last` its last entry.
    pub fn of(
        wallet: &Wallet,
        day: &Day,
        available: i64,
        frozen: i64,
        last: Option<LastEntry>,
    ) -> Result<WalletSnapshot> {
        let balance = available
            .checked_add(frozen)
            .ok_or_else(|| Error::internal(format!("wallet {} holds more than a balance can", wallet.id)))?;
        Ok(WalletSnapshot {
            wallet_id: wallet.id.clone(),
            user_id: wallet.user_id.clone(),
            currency: wallet.currency,
            date: day.date,
            snapshot_at: day.end,
            available,
            frozen,
            balance,
            last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse("date", text).expect("a date")
    }

    #[test]
    fn a_day_can_be_snapshotted_from_its_end_on_and_not_a_second_before() {
        let d = day("2026-04-14");
        let at = |t: &str| t.parse::<Timestamp>().expect("a time");
        assert_eq!(ended("date", d, at("2026-04-15T00:00:00Z")).ok(), Some(d));
        assert_eq!(ended("date", d, at("2026-05-01T00:00:00Z")).ok(), Some(d));
        let refused = ended("date", d, at("2026-04-14T23:59:59Z")).expect_err("still running");
        assert!(refused.to_string().contains("has not ended yet"), "{refused}");
        assert!(ended("date", day("2026-04-16"), at("2026-04-15T10:00:00Z")).is_err());
    }

    #[test]
    fn a_snapshot_holds_at_most_the_limit_of_wallets() {
        let scope = Scope {
            tenant_id: "t".into(),
            application_id: "a".into(),
        };
        assert!(room_for_one_more("date", &scope, SNAPSHOT_WALLETS_MAX - 1).is_ok());
        assert!(room_for_one_more("date", &scope, SNAPSHOT_WALLETS_MAX).is_err());
    }
}
