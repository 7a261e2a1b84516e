//! Payment: money leaves the wallet's available balance for a counterparty (a merchant) of
//! the wallet's tenant and application. A counterparty never paid before must be allowed with
//! `new_counterparty`: a typo in its id (`mch_stroe`) must not open an account only a refund
//! can empty.

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::limits::COUNTERPARTY_SUGGESTIONS_MAX;
use crate::ledger::model::{Account, TxType, Wallet};
use crate::ledger::money::Currency;

pub const SPEC: Spec = Spec {
    name: "payment",
    fields: &[
        "amount",
        "counterparty_id",
        "new_counterparty",
        "description",
        "reference_id",
    ],
    read: |f| {
        let user_id = f.required("user_id")?;
        let op = Operation::payment(
            &f.required("amount")?,
            &f.required("counterparty_id")?,
            f.flag("new_counterparty")?,
            f.take("description")?,
            f.take("reference_id")?,
        )?;
        Ok((Some(user_id), op))
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub amount: AmountText,
    pub counterparty_id: String,
    /// The caller says the counterparty may be one never paid before (else a typo in its id
    /// would silently open a new account).
    pub new_counterparty: bool,
    pub description: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(
        amount: &str,
        counterparty_id: &str,
        new_counterparty: bool,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Request> {
        Ok(Request {
            amount: AmountText::new(amount)?,
            counterparty_id: ids::check_name("counterparty_id", counterparty_id)?.to_owned(),
            new_counterparty,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    /// `new_counterparty` is a permission, not a parameter of the payment: a retry with or
    /// without it is the same payment (and payments stored before it existed still replay).
    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": TxType::Payment,
            "amount": self.amount.canonical(currency)?,
            "counterparty_id": self.counterparty_id,
            "description": self.description,
            "reference_id": self.reference_id,
        }))
    }

    pub(super) fn plan(&self, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        if !self.new_counterparty {
            known_counterparty(load, wallet, &self.counterparty_id)?;
        }
        let currency = wallet.currency;
        let amount = self.amount.in_currency(currency)?;
        let counterparty = counterparty_account(wallet, &self.counterparty_id);
        let mut draft = common.transfer(&Account::available(wallet), &counterparty, currency, amount);
        draft.counterparty_id = Some(self.counterparty_id.clone());
        draft.description = self.description.clone();
        post(wallet, draft, ctx, FreezeChange::None)
    }
}

pub(super) fn counterparty_account(wallet: &Wallet, counterparty_id: &str) -> Account {
    Account::Counterparty {
        tenant_id: wallet.tenant_id.clone(),
        application_id: wallet.application_id.clone(),
        counterparty_id: counterparty_id.to_owned(),
    }
}

/// Refuses a counterparty never paid before in the wallet's tenant and application. The hint
/// lists only names of the same tenant and application.
pub(super) fn known_counterparty(load: &dyn Load, wallet: &Wallet, counterparty_id: &str) -> Result<()> {
    if load.account_used(&counterparty_account(wallet, counterparty_id))? {
        return Ok(());
    }
    let known = load.counterparties(&wallet.scope())?;
    Err(Error::CounterpartyNotFound {
        counterparty_id: counterparty_id.to_owned(),
        closest: ids::closest(counterparty_id, &known, COUNTERPARTY_SUGGESTIONS_MAX)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}
