//! Wallets, their status changes, and what a past moment's wallet is derived from.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Scope, StatusChange, Wallet, WalletStatus};
use crate::ledger::money::Currency;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;

pub(super) const WALLET_COLUMNS: &str =
    "id, tenant_id, application_id, user_id, currency, status, available_minor, frozen_minor, created_at, updated_at";

const STATUS_CHANGE_COLUMNS: &str = "wallet_id, from_status, to_status, reason, actor, created_at";

impl SqliteTx<'_> {
    pub(super) fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>> {
        let sql = format!(
            "SELECT {WALLET_COLUMNS} FROM wallets WHERE tenant_id = ?1 AND application_id = ?2 AND user_id = ?3"
        );
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![scope.tenant_id, scope.application_id, user_id], wallet_row)
            .optional()?
            .transpose()
    }

    pub(super) fn wallet_id_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<WalletId>> {
        let sql = "SELECT id FROM wallets WHERE tenant_id = ?1 AND application_id = ?2 AND user_id = ?3";
        let id: Option<String> = self
            .q()
            .prepare_cached(sql)?
            .query_row(params![scope.tenant_id, scope.application_id, user_id], |r| r.get(0))
            .optional()?;
        Ok(id.map(WalletId::new))
    }

    pub(super) fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>> {
        let sql = format!("SELECT {WALLET_COLUMNS} FROM wallets WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![wallet_id], wallet_row)
            .optional()?
            .transpose()
    }

    pub(super) fn insert_wallet(&self, w: &Wallet) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO wallets ({WALLET_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ))?
            .execute(params![
                w.id,
                w.tenant_id,
                w.application_id,
                w.user_id,
                w.currency.code(),
                w.status.as_str(),
                w.available,
                w.frozen,
                w.created_at,
                w.updated_at
            ])?;
        Ok(())
    }

    pub(super) fn wallets(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        page: PageRequest,
    ) -> Result<Paged<Wallet>> {
        let status = status.map(WalletStatus::as_str);
        self.page_of(
            WALLET_COLUMNS,
            "wallets WHERE tenant_id = ?1 AND application_id = ?2 AND (?3 IS NULL OR status = ?3)",
            "id",
            &[&scope.tenant_id, &scope.application_id, &status],
            page,
            wallet_row,
        )
    }

    /// Every wallet of `scope` (with `status`, if given), in user id order, handed to `each` as
    /// it is read: memory stays flat however many there are. Returns how many there were.
    pub(super) fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        mut each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64> {
        let mut stmt = self.q().prepare_cached(&all_wallets_sql())?;
        let mut rows = stmt.query(params![
            scope.tenant_id,
            scope.application_id,
            status.map(WalletStatus::as_str)
        ])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            each(wallet_row(row)??)?;
            count += 1;
        }
        Ok(count)
    }

    /// Every wallet of the ledger, for `ledger verify`.
    pub(super) fn all_wallets(&self) -> Result<Vec<Wallet>> {
        let sql = format!("SELECT {WALLET_COLUMNS} FROM wallets ORDER BY id");
        self.rows(&sql, [], wallet_row)
    }

    /// The status the wallet's last change up to `at` (inclusive) set; `None` if none did.
    pub(super) fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>> {
        let status: Option<String> = self
            .q()
            .prepare_cached(
                "SELECT to_status FROM wallet_status_changes WHERE wallet_id = ?1 AND created_at <= ?2 ORDER BY seq DESC LIMIT 1",
            )?
            .query_row(params![wallet_id, at], |r| r.get(0))
            .optional()?;
        status.as_deref().map(str::parse).transpose()
    }

    /// The time of the wallet's last entry or status change up to `at` (inclusive).
    pub(super) fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>> {
        Ok(self
            .q()
            .prepare_cached(
                "SELECT MAX(t) FROM (SELECT MAX(created_at) AS t FROM journal_entries WHERE wallet_id = ?1 AND created_at <= ?2
                 UNION ALL SELECT MAX(created_at) FROM wallet_status_changes WHERE wallet_id = ?1 AND created_at <= ?2)",
            )?
            .query_row(params![wallet_id, at], |r| r.get(0))?)
    }

    /// Records a status change and sets the wallet's status, only if it is still `before`'s;
    /// the change's seq, what its audit record names.
    pub(super) fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64> {
        let change_seq = self.insert_status_change(None, change)?;
        let changed = self
            .q()
            .prepare_cached("UPDATE wallets SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status = ?4")?
            .execute(params![
                after.id,
                after.status.as_str(),
                after.updated_at,
                before.status.as_str()
            ])?;
        guarded_update(changed, &before.id)?;
        Ok(change_seq)
    }

    /// Stores a status change copied from another ledger at its own seq; the wallet is not
    /// touched (it was inserted with its final status).
    pub(super) fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()> {
        self.insert_status_change(Some(seq), change).map(drop)
    }

    /// One `wallet_status_changes` row at `seq` (the next one if `None`); the seq it was stored at.
    fn insert_status_change(&self, seq: Option<i64>, change: &StatusChange) -> Result<i64> {
        Ok(self
            .q()
            .prepare_cached(&format!(
                "INSERT INTO wallet_status_changes (seq, {STATUS_CHANGE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 RETURNING seq"
            ))?
            .query_row(
                params![
                    seq,
                    change.wallet_id,
                    change.from.as_str(),
                    change.to.as_str(),
                    change.reason,
                    change.actor,
                    change.created_at
                ],
                |r| r.get(0),
            )?)
    }

    /// A wallet's status changes, newest first.
    pub(super) fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>> {
        self.page_of(
            STATUS_CHANGE_COLUMNS,
            "wallet_status_changes WHERE wallet_id = ?1",
            "seq DESC",
            &[&wallet_id],
            page,
            status_change_row,
        )
    }

    /// Every status change with its seq, oldest first, for `ledger verify`.
    pub(super) fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>> {
        all_status_changes(self.q())
    }
}

pub(super) fn all_status_changes(conn: &Connection) -> Result<Vec<(i64, StatusChange)>> {
    let sql = format!("SELECT seq, {STATUS_CHANGE_COLUMNS} FROM wallet_status_changes ORDER BY seq");
    conn.prepare(&sql)?
        .query_map([], |r| {
            let seq: i64 = r.get(0)?;
            // status_change_row reads its columns from 0: give it a row without the seq.
            Ok((seq, status_change_at(r, 1)?))
        })?
        .map(|row| {
            let (seq, change) = row?;
            Ok((seq, change?))
        })
        .collect()
}

/// `wallet list --all`. In user id order, the order of the (tenant, application, user) unique
/// index, so SQLite walks the index instead of sorting every row in memory first (which an
/// `ORDER BY id` would, holding the whole listing).
pub(super) fn all_wallets_sql() -> String {
    format!(
        "SELECT {WALLET_COLUMNS} FROM wallets \
         WHERE tenant_id = ?1 AND application_id = ?2 AND (?3 IS NULL OR status = ?3) ORDER BY user_id"
    )
}

pub(in crate::store) fn currency_of(code: &str) -> Result<Currency> {
    code.parse()
        .map_err(|_| Error::internal(format!("unknown currency {code:?} in ledger")))
}

fn wallet_row(r: &Row) -> rusqlite::Result<Result<Wallet>> {
    let currency: String = r.get(4)?;
    let status: String = r.get(5)?;
    let parsed = (|| -> Result<(Currency, WalletStatus)> {
        let status = status
            .parse()
            .map_err(|_| Error::internal(format!("unknown wallet status {status:?} in ledger")))?;
        Ok((currency_of(&currency)?, status))
    })();
    let (currency, status) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Wallet {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        application_id: r.get(2)?,
        user_id: r.get(3)?,
        currency,
        status,
        available: r.get(6)?,
        frozen: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    }))
}

fn status_change_row(r: &Row) -> rusqlite::Result<Result<StatusChange>> {
    status_change_at(r, 0)
}

/// A status change from the row's columns `first`, `first + 1`, …
fn status_change_at(r: &Row, first: usize) -> rusqlite::Result<Result<StatusChange>> {
    let from: String = r.get(first + 1)?;
    let to: String = r.get(first + 2)?;
    let parsed = (|| -> Result<(WalletStatus, WalletStatus)> { Ok((from.parse()?, to.parse()?)) })();
    let (from, to) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(StatusChange {
        wallet_id: r.get(first)?,
        from,
        to,
        reason: r.get(first + 3)?,
        actor: r.get(first + 4)?,
        created_at: r.get(first + 5)?,
    }))
}

/// A wallet's guarded UPDATE changed its one row; none means another writer changed it first,
/// which the write lock rules out, so it is refused rather than applied over.
pub(in crate::store) fn guarded_update(changed: usize, wallet_id: &WalletId) -> Result<()> {
    if changed != 1 {
        return Err(Error::internal(format!(
            "wallet {wallet_id} changed under its write lock"
        )));
    }
    Ok(())
}
