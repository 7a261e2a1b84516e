//! Wallet status change: active, frozen (takes only credits) or closed (takes nothing, for
//! good). Not a money movement: it writes a status change record, not a journal entry.

use super::fields::text;
use super::plan::Context;
use crate::error::{Error, Result};
use crate::ledger::model::{StatusChange, Wallet, WalletStatus};

/// Plans a change of a wallet's status. `None` when the wallet already has it (nothing to do).
///
/// A closed wallet stays closed, and only an empty wallet (balance 0, so no active freeze
/// either) can be closed. A reason is always required: it is the audit trail.
pub fn change_status(
    wallet: &Wallet,
    to: WalletStatus,
    reason: Option<String>,
    ctx: &Context,
) -> Result<Option<(Wallet, StatusChange)>> {
    let reason = text("reason", reason)?.ok_or_else(|| Error::invalid("reason", "a status change needs a reason"))?;
    if wallet.status == to {
        return Ok(None);
    }
    if wallet.status == WalletStatus::Closed {
        return Err(Error::WalletNotActive {
            wallet_id: wallet.id.clone(),
            status: wallet.status.as_str().to_owned(),
            operation: format!("reopening it as {}", to.as_str()),
        });
    }
    if to == WalletStatus::Closed && wallet.balance() != 0 {
        return Err(Error::WalletNotEmpty {
            wallet_id: wallet.id.clone(),
            balance: format!("{} {}", wallet.currency.format(wallet.balance()), wallet.currency),
        });
    }
    let mut after = wallet.clone();
    after.status = to;
    after.updated_at = ctx.now;
    let change = StatusChange {
        wallet_id: wallet.id.clone(),
        from: wallet.status,
        to,
        reason,
        actor: ctx.actor.clone(),
        created_at: ctx.now,
    };
    Ok(Some((after, change)))
}
