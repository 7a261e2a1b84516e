//! The use cases. Each opens one transaction, loads state through the store, asks the pure
//! rules in [`crate::ledger`] what to do and appends the result: the only layer that sees both.
//! The CLI and the HTTP server call these, and nothing below them.

mod batch;
mod ledger;
mod operate;
mod wallet;

pub use batch::{batch, BatchLine, BatchMode, LineResult};
pub use ledger::{init, trial_balance, verify, TrialBalance, TrialBalanceLine, TrialBalanceTotal};
pub use operate::{execute, preview, refund_by_transaction, Outcome};
pub use wallet::{
    create_wallet, freezes, history, list_wallets, preview_status, set_status, show_wallet, status_history,
    StatusOutcome,
};

use crate::ledger::ids::{mint, FREEZE_PREFIX, TRANSACTION_PREFIX};
use crate::ledger::rules::Context;

/// The current time as the ledger writes it: RFC 3339, UTC, whole seconds, with a `Z`.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn context(actor: &str) -> Context {
    Context {
        actor: actor.to_owned(),
        now: now(),
        transaction_id: mint(TRANSACTION_PREFIX),
        freeze_id: mint(FREEZE_PREFIX),
    }
}
