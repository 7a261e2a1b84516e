//! Freezes: funds set aside from a wallet's available balance until released.

use ::postgres::Row;

use super::PgTx;
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
    "SELECT COALESCE(SUM(amount_minor), 0)::BIGINT FROM freezes WHERE wallet_id = $1 AND status = 'active'";

impl PgTx<'_> {
    pub(super) fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>> {
        if !Self::storable(freeze_id.as_str()) {
            return Ok(None);
        }
        let sql = format!("SELECT {FREEZE_COLUMNS} FROM freezes WHERE id = $1");
        self.first(&sql, &[&freeze_id.as_str()], freeze_row)
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
            "freezes WHERE wallet_id = $1 AND ($2::text IS NULL OR status = $2)",
            "id DESC",
            &[&wallet_id.as_str(), &status],
            page,
            freeze_row,
        )
    }

    pub(super) fn all_freezes(&self) -> Result<Vec<Freeze>> {
        self.rows(
            &format!("SELECT {FREEZE_COLUMNS} FROM freezes ORDER BY id"),
            &[],
            freeze_row,
        )
    }

    /// Creates, releases or captures the freeze a plan names, in the transaction appending its
    /// entry.
    pub(super) fn apply_freeze_change(&self, change: &FreezeChange) -> Result<()> {
        match change {
            FreezeChange::None => Ok(()),
            FreezeChange::Create(f) => {
                self.execute(
                    &format!("INSERT INTO freezes ({FREEZE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"),
                    &[
                        &f.id.as_str(),
                        &f.wallet_id.as_str(),
                        &f.amount.minor(),
                        &f.reason,
                        &f.status.as_str(),
                        &f.created_at.to_string(),
                        &f.released_at.as_ref().map(Timestamp::to_string),
                        &f.release_reason,
                        &f.captured.map(|c| c.amount.minor()),
                        &f.captured.map(|c| c.at.to_string()),
                    ],
                )?;
                Ok(())
            }
            FreezeChange::Release {
                freeze_id,
                released_at,
                reason,
            } => {
                let changed = self.execute(
                    "UPDATE freezes SET status = 'released', released_at = $2, release_reason = $3
                     WHERE id = $1 AND status = 'active'",
                    &[&freeze_id.as_str(), &released_at.to_string(), reason],
                )?;
                if changed != 1 {
                    return Err(Error::internal(format!(
                        "freeze {freeze_id} was not active when released"
                    )));
                }
                Ok(())
            }
            FreezeChange::Capture { freeze_id, amount, at } => {
                let changed = self.execute(
                    "UPDATE freezes SET status = 'captured', captured_minor = $2, captured_at = $3
                     WHERE id = $1 AND status = 'active'",
                    &[&freeze_id.as_str(), &amount.minor(), &at.to_string()],
                )?;
                if changed != 1 {
                    return Err(Error::internal(format!(
                        "freeze {freeze_id} was not active when captured"
                    )));
                }
                Ok(())
            }
        }
    }
}

fn freeze_row(r: &Row) -> Result<Freeze> {
    let positive = |minor: i64| {
        Amount::from_stored(minor)
            .ok_or_else(|| Error::internal(format!("stored freeze amount {minor} is not positive")))
    };
    let status: &str = r.try_get(4)?;
    let amount = positive(r.try_get(2)?)?;
    let captured = match (r.try_get::<_, Option<i64>>(8)?, r.try_get::<_, Option<Timestamp>>(9)?) {
        (Some(minor), Some(at)) => Some(Captured {
            amount: positive(minor)?,
            at,
        }),
        _ => None,
    };
    Ok(Freeze {
        id: r.try_get(0)?,
        wallet_id: r.try_get(1)?,
        amount,
        reason: r.try_get(3)?,
        status: status.parse()?,
        created_at: r.try_get(5)?,
        released_at: r.try_get(6)?,
        release_reason: r.try_get(7)?,
        captured,
    })
}
