//! Wallets, their status changes, and what a past moment's wallet is derived from.

use ::postgres::Row;

use super::PgTx;
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Scope, StatusChange, Wallet, WalletStatus};
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::store::sqlite::wallets::{currency_of, guarded_update};

const WALLET_COLUMNS: &str =
    "id, tenant_id, application_id, user_id, currency, status, available_minor, frozen_minor, created_at, updated_at";

const STATUS_CHANGE_COLUMNS: &str = "wallet_id, from_status, to_status, reason, actor, created_at";

/// How many wallets `for_each_wallet` holds at once.
const WALLET_CHUNK_ROWS: i64 = 1000;

impl PgTx<'_> {
    pub(super) fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>> {
        let sql = format!(
            "SELECT {WALLET_COLUMNS} FROM wallets WHERE tenant_id = $1 AND application_id = $2 AND user_id = $3{}",
            self.locking()
        );
        self.locked_row(&sql, &[&scope.tenant_id, &scope.application_id, &user_id], wallet_row)
    }

    pub(super) fn wallet_id_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<WalletId>> {
        let sql = "SELECT id FROM wallets WHERE tenant_id = $1 AND application_id = $2 AND user_id = $3";
        let params: [&(dyn ::postgres::types::ToSql + Sync); 3] = [&scope.tenant_id, &scope.application_id, &user_id];
        self.first(sql, &params, |r| Ok(WalletId::new(r.try_get::<_, String>(0)?)))
    }

    pub(super) fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>> {
        if !Self::storable(wallet_id.as_str()) {
            return Ok(None);
        }
        let sql = format!("SELECT {WALLET_COLUMNS} FROM wallets WHERE id = $1{}", self.locking());
        self.locked_row(&sql, &[&wallet_id.as_str()], wallet_row)
    }

    pub(super) fn insert_wallet(&self, w: &Wallet) -> Result<()> {
        self.execute(
            &format!("INSERT INTO wallets ({WALLET_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
            &[
                &w.id.as_str(),
                &w.tenant_id,
                &w.application_id,
                &w.user_id,
                &w.currency.code(),
                &w.status.as_str(),
                &w.available,
                &w.frozen,
                &w.created_at.to_string(),
                &w.updated_at.to_string(),
            ],
        )?;
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
            "wallets WHERE tenant_id = $1 AND application_id = $2 AND ($3::text IS NULL OR status = $3)",
            "id",
            &[&scope.tenant_id, &scope.application_id, &status],
            page,
            wallet_row,
        )
    }

    /// Every wallet of `scope` (with `status`, if given), in user id order, handed to `each`
    /// a chunk at a time (keyset pages on the scope's unique user ids): memory stays flat
    /// however many there are, and no borrow of the transaction is held while `each` runs.
    pub(super) fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        mut each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64> {
        let sql = format!(
            "SELECT {WALLET_COLUMNS} FROM wallets WHERE tenant_id = $1 AND application_id = $2
               AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR user_id > $4)
             ORDER BY user_id LIMIT $5"
        );
        let status = status.map(WalletStatus::as_str);
        let mut after: Option<String> = None;
        let mut count = 0;
        loop {
            let chunk = self.rows(
                &sql,
                &[
                    &scope.tenant_id,
                    &scope.application_id,
                    &status,
                    &after,
                    &WALLET_CHUNK_ROWS,
                ],
                wallet_row,
            )?;
            let Some(last) = chunk.last() else {
                return Ok(count);
            };
            after = Some(last.user_id.clone());
            for wallet in chunk {
                each(wallet)?;
                count += 1;
            }
        }
    }

    /// Every wallet of the ledger, for `ledger verify`.
    pub(super) fn all_wallets(&self) -> Result<Vec<Wallet>> {
        self.rows(
            &format!("SELECT {WALLET_COLUMNS} FROM wallets ORDER BY id"),
            &[],
            wallet_row,
        )
    }

    pub(super) fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>> {
        let status = self.first(
            "SELECT to_status FROM wallet_status_changes WHERE wallet_id = $1 AND created_at <= $2
             ORDER BY seq DESC LIMIT 1",
            &[&wallet_id.as_str(), &at.to_string()],
            |r| Ok(r.try_get::<_, String>(0)?),
        )?;
        status.as_deref().map(str::parse).transpose()
    }

    pub(super) fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>> {
        let row = self.one(
            "SELECT MAX(t) FROM (SELECT MAX(created_at) AS t FROM journal_entries WHERE wallet_id = $1 AND created_at <= $2
             UNION ALL SELECT MAX(created_at) FROM wallet_status_changes WHERE wallet_id = $1 AND created_at <= $2) AS c",
            &[&wallet_id.as_str(), &at.to_string()],
        )?;
        Ok(row.try_get(0)?)
    }

    /// Records a status change and sets the wallet's status, only if it is still `before`'s;
    /// the change's seq, which its audit record names.
    pub(super) fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64> {
        let change_seq: i64 = self
            .one(
                "INSERT INTO wallet_status_changes (wallet_id, from_status, to_status, reason, actor, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq",
                &[
                    &change.wallet_id.as_str(),
                    &change.from.as_str(),
                    &change.to.as_str(),
                    &change.reason,
                    &change.actor,
                    &change.created_at.to_string(),
                ],
            )?
            .try_get(0)?;
        let changed = self.execute(
            "UPDATE wallets SET status = $2, updated_at = $3 WHERE id = $1 AND status = $4",
            &[
                &after.id.as_str(),
                &after.status.as_str(),
                &after.updated_at.to_string(),
                &before.status.as_str(),
            ],
        )?;
        guarded_update(usize::try_from(changed).unwrap_or(usize::MAX), &before.id)?;
        Ok(change_seq)
    }

    /// A wallet's status changes, newest first.
    pub(super) fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>> {
        self.page_of(
            STATUS_CHANGE_COLUMNS,
            "wallet_status_changes WHERE wallet_id = $1",
            "seq DESC",
            &[&wallet_id.as_str()],
            page,
            |r| status_change_at(r, 0),
        )
    }

    /// Every status change with its seq, oldest first, for `ledger verify`.
    pub(super) fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>> {
        self.rows(
            &format!("SELECT seq, {STATUS_CHANGE_COLUMNS} FROM wallet_status_changes ORDER BY seq"),
            &[],
            |r| Ok((r.try_get(0)?, status_change_at(r, 1)?)),
        )
    }
}

fn wallet_row(r: &Row) -> Result<Wallet> {
    let currency: &str = r.try_get(4)?;
    let status: &str = r.try_get(5)?;
    let status = status
        .parse()
        .map_err(|_| Error::internal(format!("unknown wallet status {status:?} in ledger")))?;
    Ok(Wallet {
        id: r.try_get(0)?,
        tenant_id: r.try_get(1)?,
        application_id: r.try_get(2)?,
        user_id: r.try_get(3)?,
        currency: currency_of(currency)?,
        status,
        available: r.try_get(6)?,
        frozen: r.try_get(7)?,
        created_at: r.try_get(8)?,
        updated_at: r.try_get(9)?,
    })
}

/// A status change from the row's columns `first`, `first + 1`, …
fn status_change_at(r: &Row, first: usize) -> Result<StatusChange> {
    let from: &str = r.try_get(first + 1)?;
    let to: &str = r.try_get(first + 2)?;
    Ok(StatusChange {
        wallet_id: r.try_get(first)?,
        from: from.parse()?,
        to: to.parse()?,
        reason: r.try_get(first + 3)?,
        actor: r.try_get(first + 4)?,
        created_at: r.try_get(first + 5)?,
    })
}
