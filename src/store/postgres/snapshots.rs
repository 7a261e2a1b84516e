//! Snapshots, as SQLite's (`sqlite/snapshots.rs`): the same statements with PostgreSQL's
//! placeholders and casts, answering byte for byte what SQLite answers.

use chrono::NaiveDate;
use postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::snapshot::{date_text, LastEntry, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::ledger::time::Timestamp;
use crate::store::sqlite::snapshots::{count_column, date_of, stored_count, BALANCE_COLUMNS, RUN_COLUMNS};
use crate::store::sqlite::wallets::currency_of;

impl PgTx<'_> {
    pub(super) fn snapshot_run(&self, scope: &Scope, date: NaiveDate) -> Result<Option<SnapshotRun>> {
        self.first(
            &format!(
                "SELECT {RUN_COLUMNS} FROM snapshots WHERE tenant_id = $1 AND application_id = $2 AND snapshot_date = $3"
            ),
            &[&scope.tenant_id, &scope.application_id, &date_text(date)],
            run_row,
        )
    }

    /// Every snapshot taken, by tenant, application and day: what `ledger copy` copies.
    pub(super) fn all_snapshot_runs(&self) -> Result<Vec<SnapshotRun>> {
        self.rows(
            &format!("SELECT {RUN_COLUMNS} FROM snapshots ORDER BY tenant_id, application_id, snapshot_date"),
            &[],
            run_row,
        )
    }

    /// Stores a run and its rows; a second run of the same day is refused by the primary key.
    pub(super) fn insert_snapshot(&self, run: &SnapshotRun, rows: &[WalletSnapshot]) -> Result<()> {
        self.execute(
            "INSERT INTO snapshots (tenant_id, application_id, snapshot_date, snapshot_at, wallets_total,
                                    snapshot_count, actor, created_at, timezone)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &run.scope.tenant_id,
                &run.scope.application_id,
                &date_text(run.date),
                &run.snapshot_at.to_string(),
                &count_column(run.wallets_total)?,
                &count_column(run.snapshot_count)?,
                &run.actor,
                &run.created_at.to_string(),
                &run.timezone,
            ],
        )?;
        for row in rows {
            let last = row.last.as_ref();
            self.execute(
                "INSERT INTO snapshot_balances (wallet_id, snapshot_date, snapshot_at, available_minor, frozen_minor,
                                                balance_minor, last_wallet_seq, last_entry_id, last_hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    &row.wallet_id.as_str(),
                    &date_text(row.date),
                    &row.snapshot_at.to_string(),
                    &row.available,
                    &row.frozen,
                    &row.balance,
                    &last.map(|l| l.wallet_seq),
                    &last.map(|l| l.transaction_id.as_str()),
                    &last.map(|l| l.hash.as_str()),
                ],
            )?;
        }
        Ok(())
    }

    /// The wallet's entry of the highest `wallet_seq` among those made before `until`.
    pub(super) fn last_entry_before(&self, wallet_id: &WalletId, until: Timestamp) -> Result<Option<LastEntry>> {
        self.first(
            "SELECT wallet_seq, id, hash FROM journal_entries
             WHERE wallet_id = $1 AND created_at < $2 ORDER BY wallet_seq DESC LIMIT 1",
            &[&wallet_id.as_str(), &until.to_string()],
            |r| {
                Ok(LastEntry {
                    wallet_seq: r.try_get(0)?,
                    transaction_id: r.try_get(1)?,
                    hash: r.try_get(2)?,
                })
            },
        )
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
             WHERE w.tenant_id = $1 AND w.application_id = $2
               AND ($3::text IS NULL OR b.snapshot_date = $3) AND ($4::text IS NULL OR w.user_id = $4)",
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
            &[],
            balance_row,
        )
    }
}

fn run_row(r: &Row) -> Result<SnapshotRun> {
    let (wallets_total, snapshot_count): (i64, i64) = (r.try_get(4)?, r.try_get(5)?);
    Ok(SnapshotRun {
        scope: Scope {
            tenant_id: r.try_get(0)?,
            application_id: r.try_get(1)?,
        },
        date: date_of(r.try_get(2)?)?,
        snapshot_at: r.try_get(3)?,
        wallets_total: stored_count(wallets_total)?,
        snapshot_count: stored_count(snapshot_count)?,
        actor: r.try_get(6)?,
        created_at: r.try_get(7)?,
        timezone: r.try_get(8)?,
    })
}

fn balance_row(r: &Row) -> Result<WalletSnapshot> {
    let last = match (r.try_get(8)?, r.try_get(9)?, r.try_get(10)?) {
        (Some(wallet_seq), Some(transaction_id), Some(hash)) => Some(LastEntry {
            wallet_seq,
            transaction_id,
            hash,
        }),
        _ => None,
    };
    Ok(WalletSnapshot {
        wallet_id: r.try_get(0)?,
        user_id: r.try_get(1)?,
        currency: currency_of(r.try_get(2)?)?,
        date: date_of(r.try_get(3)?)?,
        snapshot_at: r.try_get(4)?,
        available: r.try_get(5)?,
        frozen: r.try_get(6)?,
        balance: r.try_get(7)?,
        last,
    })
}
