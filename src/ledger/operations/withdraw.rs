//! Withdraw: money leaves the wallet's available balance for outside (the settlement account).

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Operation, Spec};
use crate::error::Result;
use crate::ledger::model::{Account, TxType, Wallet};
use crate::ledger::money::Currency;

pub const SPEC: Spec = Spec {
    name: "withdraw",
    fields: &["amount", "description", "reference_id"],
    read: |f| {
        let user_id = f.required("user_id")?;
        let op = Operation::withdraw(&f.required("amount")?, f.take("description")?, f.take("reference_id")?)?;
        Ok((Some(user_id), op))
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub amount: AmountText,
    pub description: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Request> {
        Ok(Request {
            amount: AmountText::new(amount)?,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": TxType::Withdraw,
            "amount": self.amount.canonical(currency)?,
            "description": self.description,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, common: Common, ctx: &Context) -> Result<Plan> {
        let currency = wallet.currency;
        let amount = self.amount.in_currency(currency)?;
        let mut draft = common.transfer(
            &Account::available(wallet),
            &Account::Settlement(currency),
            currency,
            amount,
        );
        draft.description = self.description.clone();
        post(wallet, draft, ctx, FreezeChange::None)
    }
}
