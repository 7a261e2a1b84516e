//! Wallet status change: active, frozen (takes only credits) or closed (takes nothing, for
//! good). Not a money movement: it writes a status change record, not a journal entry.

use std::fmt;

use super::fields::text;
use super::plan::Context;
use crate::error::{Error, Result};
use crate::ledger::model::{StatusChange, TxType, Wallet, WalletStatus};
use crate::ledger::money::Money;

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
            status: wallet.status,
            operation: WalletAction::Reopen(to),
        });
    }
    if to == WalletStatus::Closed && wallet.balance() != 0 {
        return Err(Error::WalletNotEmpty {
            wallet_id: wallet.id.clone(),
            balance: Money::new(wallet.balance(), wallet.currency),
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

/// What a wallet's status refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalletAction {
    /// An entry of this kind.
    Post(TxType),
    /// A status change out of `closed`, to this status.
    Reopen(WalletStatus),
}

impl fmt::Display for WalletAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalletAction::Post(kind) => write!(f, "{kind}"),
            WalletAction::Reopen(to) => write!(f, "reopening it as {}", to.as_str()),
        }
    }
}
