//! Withdraw: money leaves the wallet's available balance for outside (the settlement account).

use super::fields::Movement;
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::model::{Account, Wallet};
use crate::ledger::money::Amount;
use crate::ledger::policy::rules::Withdrawn;
use crate::ledger::policy::{day_start, month_start, Policy, Stated};

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

/// The wallet's available balance → settlement; then the policy: review (a policy requiring
/// it takes withdrawals as requests, except up to its auto-approval limit), its minimum and
/// its daily and monthly limits, counting the wallet's withdrawals since the day and month
/// began in the policy's timezone (refunds of them give nothing back: a limit counts money
/// that left).
pub(super) fn plan(request: &Request, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
    let currency = wallet.currency;
    let amount = request.amount.in_currency(currency)?;
    let mut draft = common.transfer(
        &Account::available(wallet),
        &Account::Settlement(currency),
        currency,
        amount,
    );
    draft.description = request.description.clone();
    let plan = post(wallet, draft, ctx, FreezeChange::None)?;
    let policy = load.policy(&wallet.scope())?;
    reviewed(wallet, amount, &policy)?;
    within_policy(wallet, amount, &policy, load, ctx)?;
    Ok(plan)
}

/// Money leaving for the settlement without a withdrawal request: refused when the policy
/// requires review of this amount (`review_required`, naming the request route).
pub(super) fn reviewed(wallet: &Wallet, amount: Amount, policy: &Policy) -> Result<()> {
    let currency = wallet.currency;
    if policy.needs_no_review(amount.minor(), currency) {
        return Ok(());
    }
    Err(Error::ReviewRequired {
        tenant_id: wallet.tenant_id.clone(),
        application_id: wallet.application_id.clone(),
        user_id: wallet.user_id.clone(),
        auto_approve_limit: policy
            .auto_approve_limit
            .is_set()
            .then_some(Stated(policy.auto_approve_limit, currency)),
    })
}

/// The policy's minimum and its daily and monthly limits for `amount` leaving `wallet` for
/// the settlement account: a withdrawal, or a capture of a hold as one. The money already out
/// counts both, so a hold captured to the settlement cannot step around a limit. A withdrawal
/// request is checked against them when it is made and again when it is approved.
pub fn within_policy(wallet: &Wallet, amount: Amount, policy: &Policy, load: &dyn Load, ctx: &Context) -> Result<()> {
    // Each sum only for a limit that is set: it reads the wallet's withdrawals of the period.
    let mut withdrawn = Withdrawn::default();
    if policy.daily_withdraw_limit.is_set() {
        withdrawn.day = load.withdrawn_since(&wallet.id, day_start(policy.timezone, ctx.now))?;
    }
    if policy.monthly_withdraw_limit.is_set() {
        withdrawn.month = load.withdrawn_since(&wallet.id, month_start(policy.timezone, ctx.now))?;
    }
    policy.check_withdraw(wallet, amount, withdrawn)
}
