//! Freeze: part of the available balance is held (moved to the wallet's frozen account), under
//! a freeze record an unfreeze later releases. The balance is unchanged.

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Operation, Spec};
use crate::error::Result;
use crate::ledger::model::{Account, Freeze, FreezeStatus, TxType, Wallet};
use crate::ledger::money::Currency;

pub const SPEC: Spec = Spec {
    name: "freeze",
    fields: &["amount", "reason", "reference_id"],
    read: |f| {
        let user_id = f.required("user_id")?;
        let op = Operation::freeze(&f.required("amount")?, f.take("reason")?, f.take("reference_id")?)?;
        Ok((Some(user_id), op))
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub amount: AmountText,
    pub reason: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(amount: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Request> {
        Ok(Request {
            amount: AmountText::new(amount)?,
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": TxType::Freeze,
            "amount": self.amount.canonical(currency)?,
            "reason": self.reason,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, common: Common, ctx: &Context) -> Result<Plan> {
        let currency = wallet.currency;
        let amount = self.amount.in_currency(currency)?;
        let mut draft = common.transfer(&Account::available(wallet), &Account::frozen(wallet), currency, amount);
        draft.description = self.reason.clone();
        draft.freeze_id = Some(ctx.freeze_id.clone());
        let record = Freeze {
            id: ctx.freeze_id.clone(),
            wallet_id: wallet.id.clone(),
            amount,
            reason: self.reason.clone(),
            status: FreezeStatus::Active,
            created_at: ctx.now,
            released_at: None,
            release_reason: None,
            captured: None,
        };
        post(wallet, draft, ctx, FreezeChange::Create(record))
    }
}
