//! Withdraw: money leaves the wallet's available balance for outside (the settlement account).

use super::fields::Movement;
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Operation, Spec};
use crate::error::Result;
use crate::ledger::model::{Account, Wallet};

pub const SPEC: Spec = Spec {
    name: "withdraw",
    fields: &["amount", "description", "reference_id"],
    read: |f| {
        let (user_id, movement) = Movement::read(f)?;
        Ok((Some(user_id), Operation::Withdraw(movement)))
    },
};

/// A withdrawal's fields: an amount, a description, a reference.
pub type Request = Movement;

/// The wallet's available balance → settlement.
pub(super) fn plan(request: &Request, wallet: &Wallet, common: Common, ctx: &Context) -> Result<Plan> {
    let currency = wallet.currency;
    let amount = request.amount.in_currency(currency)?;
    let mut draft = common.transfer(
        &Account::available(wallet),
        &Account::Settlement(currency),
        currency,
        amount,
    );
    draft.description = request.description.clone();
    post(wallet, draft, ctx, FreezeChange::None)
}
