//! Snapshots: a tenant and application's run for a day, and each wallet's balances at its end.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::wallets::currency_of;
use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::snapshot::{date_text, LastEntry, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::ledger::time::Timestamp;

/// A snapshot row with its wallet's user and currency (which never change:
/// `wallets_identity_fixed`), so they are not stored twice.
pub(in crate::store) const BALANCE_COLUMNS: &str = "b.wallet_id, w.user_id, w.currency, b.snapshot_date, b.snapshot_at,
     b.available_minor, b.frozen_minor, b.balance_minor, b.last_wallet_seq, b.last_entry_id, b.last_hash";

pub(in crate::store) const RUN_COLUMNS: &str =
    "tenant_id, application_id, snapshot_date, snapshot_at, wallets_total, snapshot_count, actor, created_at, timezone";

/// A wallet's entries from its last back, on its `(wallet_id, wallet_seq)` index, to the first
/// made before `?2`: for a snapshot of a day that ended recently, one or a few rows.
/// The CAST, as in `journal::POSTINGS_OF_ENTRY_SQL`: a bare parameter before the `ORDER BY`
/// made SQLite compile this again for every wallet a snapshot takes.
pub(super) const LAST_ENTRY_BEFORE_SQL: &str = "SELECT wallet_seq, id, hash FROM journal_entries
     WHERE wallet_id = CAST(?1 AS TEXT) AND created_at < ?2 ORDER BY wallet_seq DESC LIMIT 1";

impl SqliteTx<'_> {
    pub(super) fn snapshot_run(&self, scope: &Scope, date: NaiveDate) -> Result<Option<SnapshotRun>> {
        let run = self
            .q()
            .prepare_cached(&format!(
                "SELECT {RUN_COLUMNS} FROM snapshots WHERE tenant_id = ?1 AND application_id = ?2 AND snapshot_date = ?3"
            ))?
            .query_row(
                params![scope.tenant_id, scope.application_id, date_text(date)],
                run_row,
            )
            .optional()?;
        run.transpose()
    }

    /// Every snapshot taken, by tenant, application and day: what `ledger copy` copies.
    pub(super) fn all_snapshot_runs(&self) -> Result<Vec<SnapshotRun>> {
        self.rows(
            &format!("SELECT {RUN_COLUMNS} FROM snapshots ORDER BY tenant_id, application_id, snapshot_date"),
            [],
            run_row,
        )
    }

    /// Stores a run and its rows; a second run of the same day is refused by the primary key.
    pub(super) fn insert_snapshot(&self, run: &SnapshotRun, rows: &[WalletSnapshot]) -> Result<()> {
        self.q()
            .prepare_cached(
                "INSERT INTO snapshots (tenant_id, application_id, snapshot_date, snapshot_at, wallets_total,
                                        snapshot_count, actor, created_at, timezone)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                run.scope.tenant_id,
                run.scope.application_id,
                date_text(run.date),
                run.snapshot_at,
                count_column(run.wallets_total)?,
                count_column(run.snapshot_count)?,
                run.actor,
                run.created_at,
                run.timezone
            ])?;
        let mut insert = self.q().prepare_cached(
            "INSERT INTO snapshot_balances (wallet_id, snapshot_date, snapshot_at, available_minor, frozen_minor,
                                            balance_minor, last_wallet_seq, last_entry_id, last_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for row in rows {
            let last = row.last.as_ref();
            insert.execute(params![
                row.wallet_id,
                date_text(row.date),
                row.snapshot_at,
                row.available,
                row.frozen,
                row.balance,
                last.map(|l| l.wallet_seq),
                last.map(|l| &l.transaction_id),
                last.map(|l| &l.hash)
            ])?;
        }
        Ok(())
    }

    /// The wallet's entry of the highest `wallet_seq` among those made before `until`.
    pub(super) fn last_entry_before(&self, wallet_id: &WalletId, until: Timestamp) -> Result<Option<LastEntry>> {
        Ok(self
            .q()
            .prepare_cached(LAST_ENTRY_BEFORE_SQL)?
            .query_row(params![wallet_id, until], |r| {
                Ok(LastEntry {
                    wallet_seq: r.get(0)?,
                    transaction_id: r.get(1)?,
                    hash: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// A page of `scope`'s snapshot rows, newest day first, then by user.
    pub(super) fn snapshots(
        &self,
        scope: &Scope,
        filter: &SnapshotFilter,
        page: PageRequest,
    ) -> Result<Paged<WalletSnapshot>> {
        let date = filter.date.map(date_text);
        self.page_of(
            BALANCE_COLUMNS,
            "snapshot_balances b JOIN wallets w ON w.id = b.wallet_id
             WHERE w.tenant_id = ?1 AND w.application_id = ?2
               AND (?3 IS NULL OR b.snapshot_date = ?3) AND (?4 IS NULL OR w.user_id = ?4)",
            "b.snapshot_date DESC, w.user_id",
            &[&scope.tenant_id, &scope.application_id, &date, &filter.user_id],
            page,
            balance_row,
        )
    }

    /// Every snapshot row of the ledger, by wallet and day: what `ledger verify` checks.
    pub(super) fn all_snapshots(&self) -> Result<Vec<WalletSnapshot>> {
        self.rows(
            &format!(
                "SELECT {BALANCE_COLUMNS} FROM snapshot_balances b JOIN wallets w ON w.id = b.wallet_id
                 ORDER BY b.wallet_id, b.snapshot_date"
            ),
            [],
            balance_row,
        )
    }
}

/// A stored date, read back only in the one spelling ledgerctl writes.
pub(in crate::store) fn date_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| date_text(*d) == text)
        .ok_or_else(|| Error::internal(format!("snapshot date {text:?} in ledger is not YYYY-MM-DD")))
}

/// A count as an integer column holds it.
pub(in crate::store) fn count_column(n: u64) -> Result<i64> {
    i64::try_from(n).map_err(|_| Error::internal(format!("{n} is past what a count column holds")))
}

/// A count read back from its column.
pub(in crate::store) fn stored_count(n: i64) -> Result<u64> {
    u64::try_from(n).map_err(|_| Error::internal(format!("snapshot count {n} in ledger")))
}

fn run_row(r: &Row) -> rusqlite::Result<Result<SnapshotRun>> {
    let (date, wallets_total, snapshot_count): (String, i64, i64) = (r.get(2)?, r.get(4)?, r.get(5)?);
    let parts = (|| {
        Ok((
            date_of(&date)?,
            stored_count(wallets_total)?,
            stored_count(snapshot_count)?,
        ))
    })();
    let (date, wallets_total, snapshot_count) = match parts {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(SnapshotRun {
        scope: Scope {
            tenant_id: r.get(0)?,
            application_id: r.get(1)?,
        },
        date,
        snapshot_at: r.get(3)?,
        wallets_total,
        snapshot_count,
        actor: r.get(6)?,
        created_at: r.get(7)?,
        timezone: r.get(8)?,
    }))
}

fn balance_row(r: &Row) -> rusqlite::Result<Result<WalletSnapshot>> {
    let (currency, date): (String, String) = (r.get(2)?, r.get(3)?);
    let (currency, date) = match currency_of(&currency).and_then(|c| Ok((c, date_of(&date)?))) {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    let last = match (r.get(8)?, r.get(9)?, r.get(10)?) {
        (Some(wallet_seq), Some(transaction_id), Some(hash)) => Some(LastEntry {
            wallet_seq,
            transaction_id,
            hash,
        }),
        _ => None,
    };
    Ok(Ok(WalletSnapshot {
        wallet_id: r.get(0)?,
        user_id: r.get(1)?,
        currency,
        date,
        snapshot_at: r.get(4)?,
        available: r.get(5)?,
        frozen: r.get(6)?,
        balance: r.get(7)?,
        last,
    }))
}
