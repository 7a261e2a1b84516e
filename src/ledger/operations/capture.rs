//! Capture: a freeze's held amount is posted, all of it or part, as a withdrawal (to the
//! settlement account) or as a payment to a counterparty, and the rest is released to the
//! available balance, in one entry that ends the freeze `captured`. A freeze ends once: by
//! one capture or one unfreeze. Card authorisations' capture, TigerBeetle's post-pending.
//!
//! The checks, in order: the amount's grammar and then its decimals in the wallet's currency
//! (422, as every operation's), the freeze (of this wallet, else not found; active, else 409),
//! the amount against what is held (more is 422 `exceeds_held_amount`, as a refund past its
//! original), the counterparty (a payment's rule for one never paid before), then the
//! wallet's status (active only: a capture moves money out, as a withdrawal does).

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::payment::{counterparty_account, known_counterparty};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::status::WalletAction;
use super::{Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::ids::{self, FreezeId};
use crate::ledger::model::{Account, Freeze, FreezeStatus, Postings, TxType, Wallet, WalletStatus};
use crate::ledger::money::{Amount, Currency, Money};

pub const SPEC: Spec = Spec {
    name: "capture",
    fields: &[
        "freeze_id",
        "amount",
        "counterparty_id",
        "new_counterparty",
        "description",
        "reference_id",
    ],
    read: |f| {
        let user_id = f.required("user_id")?;
        let op = Operation::Capture(Request::new(
            &f.required("freeze_id")?,
            f.take("amount")?.as_deref(),
            f.take("counterparty_id")?.as_deref(),
            f.flag("new_counterparty")?,
            f.take("description")?,
            f.take("reference_id")?,
        )?);
        Ok((Some(user_id), op))
    },
};

/// Where a capture's money goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Out of the ledger, as a withdrawal: the settlement account of the wallet's currency.
    Settlement,
    /// To a counterparty of the wallet's tenant and application, as a payment.
    Counterparty {
        counterparty_id: String,
        /// The caller allows a counterparty never paid before (a payment's `new_counterparty`).
        new_counterparty: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub freeze_id: FreezeId,
    /// Absent: the whole held amount.
    pub amount: Option<AmountText>,
    pub target: Target,
    pub description: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(
        freeze_id: &str,
        amount: Option<&str>,
        counterparty_id: Option<&str>,
        new_counterparty: bool,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Request> {
        let freeze_id = FreezeId::new(ids::check_lookup("freeze_id", freeze_id)?);
        let amount = amount.map(AmountText::new).transpose()?;
        let target = match counterparty_id {
            Some(id) => Target::Counterparty {
                counterparty_id: ids::check_name("counterparty_id", id)?.to_owned(),
                new_counterparty,
            },
            None if new_counterparty => {
                return Err(Error::invalid(
                    "new_counterparty",
                    "names no counterparty: give counterparty_id with it",
                ))
            }
            None => Target::Settlement,
        };
        Ok(Request {
            freeze_id,
            amount,
            target,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    /// As a payment's, `new_counterparty` is a permission, not a parameter: a retry with or
    /// without it is the same capture.
    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        let amount = self.amount.as_ref().map(|a| a.canonical(currency)).transpose()?;
        let counterparty_id = match &self.target {
            Target::Settlement => None,
            Target::Counterparty { counterparty_id, .. } => Some(counterparty_id),
        };
        Ok(json!({
            "op": TxType::Capture,
            "freeze_id": self.freeze_id,
            "amount": amount,
            "counterparty_id": counterparty_id,
            "description": self.description,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        let record = load.freeze(&self.freeze_id)?;
        // The freeze is judged before the amount is held to it: a capture of a released
        // freeze is a 409 whatever its amount.
        capturable(wallet, &record)?;
        not_under_review(load, &record)?;
        let amount = self
            .amount
            .as_ref()
            .map(|a| a.in_currency(wallet.currency))
            .transpose()?;
        let capture = Capture {
            amount,
            target: &self.target,
            description: self.description.clone(),
            reviewed: false,
        };
        plan_capture(wallet, &record, capture, load, common, ctx)
    }
}

/// What a capture posts of a freeze: `amount` (`None`: all it holds) to `target`.
#[derive(Debug)]
pub struct Capture<'a> {
    pub amount: Option<Amount>,
    pub target: &'a Target,
    pub description: Option<String>,
    /// A withdrawal request's approval: its review is what it is. Any other capture to the
    /// settlement is refused as a direct withdrawal is when the policy requires review
    /// (`review_required`), or a hold of its own would step around the review.
    pub reviewed: bool,
}

/// Whether `record` can be captured on `wallet`: a freeze of another wallet is not found (as
/// an unfreeze's), one already ended is not active.
pub fn capturable(wallet: &Wallet, record: &Freeze) -> Result<()> {
    if record.wallet_id != wallet.id {
        return Err(Error::FreezeNotFound {
            freeze_id: record.id.clone(),
        });
    }
    if record.status != FreezeStatus::Active {
        return Err(Error::FreezeNotActive {
            freeze_id: record.id.clone(),
            status: record.status,
        });
    }
    Ok(())
}

/// Refuses to end, by a capture or an unfreeze of its own, an active freeze that holds a
/// withdrawal request (which is then pending): only the request's approval or rejection ends it.
pub(super) fn not_under_review(load: &dyn Load, record: &Freeze) -> Result<()> {
    match load.withdrawal_request_of_freeze(&record.id)? {
        Some(request_id) => Err(Error::FreezeUnderReview {
            freeze_id: record.id.clone(),
            request_id,
        }),
        None => Ok(()),
    }
}

/// Withdrawal review's approval: the whole of the request's freeze captured to the settlement
/// account, past the check that keeps its freeze from being captured directly. The policy's
/// withdrawal limits hold for it as for any capture to the settlement.
pub fn plan_approval(
    wallet: &Wallet,
    record: &Freeze,
    description: String,
    load: &dyn Load,
    ctx: &Context,
) -> Result<Plan> {
    let request = Request {
        freeze_id: record.id.clone(),
        amount: None,
        target: Target::Settlement,
        description: Some(description),
        reference_id: None,
    };
    let common = Common::new(TxType::Capture, None, request.canonical(wallet.currency)?.to_string());
    let capture = Capture {
        amount: None,
        target: &request.target,
        description: request.description.clone(),
        reviewed: true,
    };
    plan_capture(wallet, record, capture, load, common, ctx)
}

/// The rule: `capture` of `record` on `wallet`, one entry (frozen → the target for the
/// captured amount, frozen → available for the rest) ending the freeze. Withdrawal review's
/// approval is this rule with the whole amount to the settlement account.
pub(super) fn plan_capture(
    wallet: &Wallet,
    record: &Freeze,
    capture: Capture<'_>,
    load: &dyn Load,
    common: Common,
    ctx: &Context,
) -> Result<Plan> {
    capturable(wallet, record)?;
    let currency = wallet.currency;
    let held = record.amount;
    let captured = capture.amount.unwrap_or(held);
    if captured.minor() > held.minor() {
        return Err(Error::ExceedsHeld {
            freeze_id: record.id.clone(),
            requested: Money::new(captured.minor(), currency),
            held: Money::new(held.minor(), currency),
        });
    }
    let (out, counterparty_id) = match capture.target {
        Target::Settlement => (Account::Settlement(currency), None),
        Target::Counterparty {
            counterparty_id,
            new_counterparty,
        } => {
            if !new_counterparty {
                known_counterparty(load, wallet, counterparty_id)?;
            }
            (
                counterparty_account(wallet, counterparty_id),
                Some(counterparty_id.clone()),
            )
        }
    };
    // `post` lets a frozen wallet take what raises its available balance, which a capture's
    // released rest does; but a capture moves money out, so only an active wallet captures.
    if wallet.status != WalletStatus::Active {
        return Err(Error::WalletNotActive {
            wallet_id: wallet.id.clone(),
            status: wallet.status,
            operation: WalletAction::Post(TxType::Capture),
        });
    }
    let postings = Postings::capture(
        &Account::frozen(wallet),
        &out,
        &Account::available(wallet),
        currency,
        held,
        captured,
    );
    let (to_settlement, reviewed) = (counterparty_id.is_none(), capture.reviewed);
    let mut draft = common.moving(postings, captured);
    draft.counterparty_id = counterparty_id;
    draft.description = capture.description;
    draft.freeze_id = Some(record.id.clone());
    let change = FreezeChange::Capture {
        freeze_id: record.id.clone(),
        amount: captured,
        at: ctx.now,
    };
    let plan = post(wallet, draft, ctx, change)?;
    if to_settlement {
        as_withdrawal(wallet, captured, reviewed, load, ctx)?;
    }
    Ok(plan)
}

/// To the settlement a capture is a withdrawal, and the policy's withdrawal rules hold for
/// it, checked last as a withdrawal's are: review (unless it is a request's approval), then
/// the minimum and the limits. To a counterparty it is a payment, which no policy limits.
fn as_withdrawal(wallet: &Wallet, captured: Amount, reviewed: bool, load: &dyn Load, ctx: &Context) -> Result<()> {
    let policy = load.policy(&wallet.scope())?;
    if !reviewed {
        super::withdraw::reviewed(wallet, captured, &policy)?;
    }
    super::withdraw::within_policy(wallet, captured, &policy, load, ctx)
}

#[cfg(test)]
mod tests;
