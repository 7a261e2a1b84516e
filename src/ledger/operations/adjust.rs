//! Adjustment: an operator's correction, posted against equity (`equity:adjustments`), in
//! either direction, always with a reason.

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::model::{Account, TxType, Wallet};
use crate::ledger::money::Currency;

pub const SPEC: Spec = Spec {
    name: "adjust",
    fields: &["direction", "amount", "reason", "reference_id"],
    read: |f| {
        let direction = match f.required("direction")?.as_str() {
            "credit" => Direction::Credit,
            "debit" => Direction::Debit,
            other => return Err(Error::invalid("direction", format!("{other:?} is not credit or debit"))),
        };
        let user_id = f.required("user_id")?;
        let op = Operation::adjust(
            direction,
            &f.required("amount")?,
            &f.required("reason")?,
            f.take("reference_id")?,
        )?;
        Ok((Some(user_id), op))
    },
};

/// The direction of an operator's adjustment, seen from the wallet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Credit,
    Debit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub direction: Direction,
    pub amount: AmountText,
    pub reason: String,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(direction: Direction, amount: &str, reason: &str, reference_id: Option<String>) -> Result<Request> {
        let reason = text("reason", Some(reason.to_owned()))?
            .ok_or_else(|| Error::invalid("reason", "an adjustment needs a reason"))?;
        Ok(Request {
            direction,
            amount: AmountText::new(amount)?,
            reason,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    /// Each direction is its own transaction type.
    pub fn kind(&self) -> TxType {
        match self.direction {
            Direction::Credit => TxType::AdjustCredit,
            Direction::Debit => TxType::AdjustDebit,
        }
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": self.kind(),
            "amount": self.amount.canonical(currency)?,
            "reason": self.reason,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, common: Common, ctx: &Context) -> Result<Plan> {
        let currency = wallet.currency;
        let amount = self.amount.in_currency(currency)?;
        let (equity, available) = (Account::Adjustments(currency), Account::available(wallet));
        let mut draft = match self.direction {
            Direction::Credit => common.transfer(&equity, &available, currency, amount),
            Direction::Debit => common.transfer(&available, &equity, currency, amount),
        };
        draft.description = Some(self.reason.clone());
        post(wallet, draft, ctx, FreezeChange::None)
    }
}
