//! Refund: part or all of an earlier payment, withdrawal or deposit is reversed, mirroring its
//! postings. The refunds of one transaction never add up to more than it moved. A `refund`
//! named without a user is the internal refund (`internal_refund.rs`), which shares this rule.

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{internal_refund, Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::ids::{self, TransactionId};
use crate::ledger::model::{Account, Entry, TxType, Wallet};
use crate::ledger::money::{Amount, Currency, Money};

pub const SPEC: Spec = Spec {
    name: "refund",
    fields: &["transaction_id", "amount", "reason", "reference_id"],
    read: |f| {
        let user_id = f.take("user_id")?;
        let request = Request::new(
            &f.required("transaction_id")?,
            f.take("amount")?.as_deref(),
            f.take("reason")?,
            f.take("reference_id")?,
        )?;
        // Without a user it is the internal refund: it acts on the transaction's wallet.
        let op = match user_id {
            Some(_) => Operation::Refund(request),
            None => Operation::InternalRefund(internal_refund::Request(request)),
        };
        Ok((user_id, op))
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub transaction_id: TransactionId,
    /// Absent: whatever of the original remains unrefunded.
    pub amount: Option<AmountText>,
    pub reason: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(
        transaction_id: &str,
        amount: Option<&str>,
        reason: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Request> {
        Ok(Request {
            transaction_id: TransactionId::new(ids::check_lookup("transaction_id", transaction_id)?),
            amount: amount.map(AmountText::new).transpose()?,
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        let amount = self.amount.as_ref().map(|a| a.canonical(currency)).transpose()?;
        Ok(json!({
            "op": TxType::Refund,
            "transaction_id": self.transaction_id,
            "amount": amount,
            "reason": self.reason,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        let (original, refunded) = load.original(&self.transaction_id)?;
        if original.wallet_id != wallet.id {
            return Err(Error::TransactionNotFound {
                transaction_id: original.id,
            });
        }
        if !original.kind.is_refundable() {
            return Err(Error::NotRefundable {
                transaction_id: original.id,
                kind: original.kind,
            });
        }
        let requested = self.requested(wallet.currency, &original, refunded)?;
        // The mirror of the original: what it debited is credited back, and vice versa; a
        // capture's money returns to available, its hold having ended.
        let to = (original.kind == TxType::Capture).then(|| Account::available(wallet));
        let mut draft = common.moving(original.postings.mirror(requested, to.as_ref()), requested);
        draft.counterparty_id = original.counterparty_id.clone();
        // The reason stays in the request (the transaction's `reason`), not in the description.
        draft.description = Some(format!("refund of {}", original.id));
        draft.original_id = Some(original.id);
        post(wallet, draft, ctx, FreezeChange::None)
    }

    /// The amount to refund, within what of `original` remains after `refunded`.
    fn requested(&self, currency: Currency, original: &Entry, refunded: i64) -> Result<Amount> {
        let remaining = original.amount.minor() - refunded;
        let requested = match &self.amount {
            Some(text) => text.in_currency(currency)?,
            None => Amount::from_stored(remaining).ok_or_else(|| Error::ExceedsRefundable {
                transaction_id: original.id.clone(),
                requested: None,
                remaining: Money::new(0, currency),
            })?,
        };
        if requested.minor() > remaining {
            return Err(Error::ExceedsRefundable {
                transaction_id: original.id.clone(),
                requested: Some(Money::new(requested.minor(), currency)),
                remaining: Money::new(remaining, currency),
            });
        }
        Ok(requested)
    }
}
