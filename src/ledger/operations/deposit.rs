//! Deposit: money arrives from outside (the settlement account) into the wallet's available
//! balance. SPEC 5.3.

use super::fields::Movement;
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Load, Operation, Spec};
use crate::error::Result;
use crate::ledger::model::{Account, Wallet};

pub const SPEC: Spec = Spec {
    name: "deposit",
    fields: &["amount", "description", "reference_id"],
    read: |f| {
        let (user_id, movement) = Movement::read(f)?;
        Ok((Some(user_id), Operation::Deposit(movement)))
    },
};

/// A deposit's fields: an amount, a description, a reference.
pub type Request = Movement;

/// Settlement → the wallet's available balance; then the policy's `max_balance`.
pub(super) fn plan(request: &Request, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
    let currency = wallet.currency;
    let amount = request.amount.in_currency(currency)?;
    let mut draft = common.transfer(
        &Account::Settlement(currency),
        &Account::available(wallet),
        currency,
        amount,
    );
    draft.description = request.description.clone();
    let plan = post(wallet, draft, ctx, FreezeChange::None)?;
    load.policy(&wallet.scope())?
        .check_inflow(wallet, plan.wallet_after.balance())?;
    Ok(plan)
}
