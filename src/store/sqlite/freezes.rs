//! Freezes: funds set aside from a wallet's available balance until released.

use rusqlite::{params, OptionalExtension, Row};

use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::ids::{FreezeId, WalletId};
use crate::ledger::model::{Captured, Freeze, FreezeStatus};
use crate::ledger::money::Amount;
use crate::ledger::operations::FreezeChange;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;

const FREEZE_COLUMNS: &str =
    "id, wallet_id, amount_minor, reason, status, created_at, released_at, release_reason, captured_minor, captured_at";

pub(super) const ACTIVE_FROZEN_SQL: &str =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM freezes WHERE wallet_id = ?1 AND status = 'active'";

impl SqliteTx<'_> {
    pub(super) fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>> {
        let sql = format!("SELECT {FREEZE_COLUMNS} FROM freezes WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![freeze_id], freeze_row)
            .optional()?
            .transpose()
    }

    pub(super) fn freezes_of_wallet(
        &self,
        wallet_id: &WalletId,
        status: Option<FreezeStatus>,
        page: PageRequest,
    ) -> Result<Paged<Freeze>> {
        let status = status.map(FreezeStatus::as_str);
        self.page_of(
            FREEZE_COLUMNS,
            "freezes WHERE wallet_id = ?1 AND (?2 IS NULL OR status = ?2)",
            "id DESC",
            &[&wallet_id, &status],
            page,
            freeze_row,
        )
    }

    pub(super) fn all_freezes(&self) -> Result<Vec<Freeze>> {
        let sql = format!("SELECT {FREEZE_COLUMNS} FROM freezes ORDER BY id");
        self.rows(&sql, [], freeze_row)
    }

    /// Stores a freeze record as given: a new one, or one copied in its final state.
    pub(super) fn import_freeze(&self, f: &Freeze) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO freezes ({FREEZE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ))?
            .execute(params![
                f.id,
                f.wallet_id,
                f.amount.minor(),
                f.reason,
                f.status.as_str(),
                f.created_at,
                f.released_at,
                f.release_reason,
                f.captured.map(|c| c.amount.minor()),
                f.captured.map(|c| c.at)
            ])?;
        Ok(())
    }

    /// Creates, releases or captures the freeze a plan names, in the transaction appending its
    /// entry.
    pub(super) fn apply_freeze_change(&self, change: &FreezeChange) -> Result<()> {
        match change {
            FreezeChange::None => {}
            FreezeChange::Create(f) => self.import_freeze(f)?,
            FreezeChange::Release {
                freeze_id,
                released_at,
                reason,
            } => {
                let changed = self
                    .q()
                    .prepare_cached(
                        "UPDATE freezes SET status = 'released', released_at = ?2, release_reason = ?3
                         WHERE id = ?1 AND status = 'active'",
                    )?
                    .execute(params![freeze_id, released_at, reason])?;
                if changed != 1 {
                    return Err(Error::internal(format!(
                        "freeze {freeze_id} was not active when released"
                    )));
                }
            }
            FreezeChange::Capture { freeze_id, amount, at } => {
                let changed = self
                    .q()
                    .prepare_cached(
                        "UPDATE freezes SET status = 'captured', captured_minor = ?2, captured_at = ?3
                         WHERE id = ?1 AND status = 'active'",
                    )?
                    .execute(params![freeze_id, amount.minor(), at])?;
                if changed != 1 {
                    return Err(Error::internal(format!(
                        "freeze {freeze_id} was not active when captured"
                    )));
                }
            }
        }
        Ok(())
    }
}

fn freeze_row(r: &Row) -> rusqlite::Result<Result<Freeze>> {
    let amount: i64 = r.get(2)?;
    let status: String = r.get(4)?;
    let captured: Option<i64> = r.get(8)?;
    let captured_at: Option<Timestamp> = r.get(9)?;
    let parsed = (|| -> Result<(Amount, FreezeStatus, Option<Captured>)> {
        let positive = |minor: i64| {
            Amount::from_stored(minor)
                .ok_or_else(|| Error::internal(format!("stored freeze amount {minor} is not positive")))
        };
        let captured = match (captured, captured_at) {
            (Some(minor), Some(at)) => Some(Captured {
                amount: positive(minor)?,
                at,
            }),
            _ => None,
        };
        Ok((positive(amount)?, status.parse()?, captured))
    })();
    let (amount, status, captured) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Freeze {
        id: r.get(0)?,
        wallet_id: r.get(1)?,
        amount,
        reason: r.get(3)?,
        status,
        created_at: r.get(5)?,
        released_at: r.get(6)?,
        release_reason: r.get(7)?,
        captured,
    }))
}
