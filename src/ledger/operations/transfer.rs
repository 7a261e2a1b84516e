//! Transfer: money moves from one wallet's available balance to another wallet of the same
//! tenant, application and currency. Each wallet has a hash chain of its own, so a transfer is
//! two entries written in one transaction, one in each chain: `transfer_out` (the sender's
//! available balance → `liabilities:transfers:<CUR>`) and `transfer_in` (that clearing account
//! → the receiver's available balance), the second naming the first as its original. Each
//! entry balances on its own, and the clearing account nets to zero (`ledger verify`'s
//! `transfers` check). A transfer is not refundable: it is undone by a transfer back.

use serde_json::{json, Value};

use super::fields::{reference, text, AmountText};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::status::WalletAction;
use super::{Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::model::{Account, Entry, TxType, Wallet, WalletStatus};
use crate::ledger::money::{AmountRefusal, Currency};
use crate::ledger::policy::Policy;

pub const SPEC: Spec = Spec {
    name: "transfer",
    fields: &["from_user_id", "to_user_id", "amount", "description", "reference_id"],
    read: |f| {
        let from_user_id = f.required("from_user_id")?;
        ids::check_name("from_user_id", &from_user_id)?;
        let op = Operation::transfer(
            &f.required("to_user_id")?,
            &f.required("amount")?,
            f.take("description")?,
            f.take("reference_id")?,
        )?;
        Ok((Some(from_user_id), op))
    },
};

/// A transfer as the sender asks for it: the sender is the wallet it is applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub to_user_id: String,
    pub amount: AmountText,
    pub description: Option<String>,
    /// The sender's: it makes the transfer idempotent among the sender's transfers.
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(
        to_user_id: &str,
        amount: &str,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Request> {
        Ok(Request {
            to_user_id: ids::check_name("to_user_id", to_user_id)?.to_owned(),
            amount: AmountText::new(amount)?,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": TxType::TransferOut,
            "to_user_id": self.to_user_id,
            "amount": self.amount.canonical(currency)?,
            "description": self.description,
            "reference_id": self.reference_id,
        }))
    }

    /// The sender's leg: its available balance → the clearing account. Status and funds are
    /// `post`'s: a frozen or closed sender cannot send; then the policy, which may have
    /// switched transfers off.
    pub(super) fn plan(&self, sender: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        let currency = sender.currency;
        let amount = self.amount.in_currency(currency)?;
        let mut draft = common.transfer(
            &Account::available(sender),
            &Account::Transfers(currency),
            currency,
            amount,
        );
        draft.description = self.description.clone();
        let plan = post(sender, draft, ctx, FreezeChange::None)?;
        load.policy(&sender.scope())?.check_transfer(sender)?;
        Ok(plan)
    }

    /// Whether `receiver` can take a transfer from `sender`: another wallet (400), in the same
    /// currency (422, as an amount that cannot be moved), and active (409: a frozen wallet
    /// takes credits from outside, but a transfer is a movement between users that a freeze is
    /// there to stop). The use case checks "another wallet" first and the rest once the
    /// sender's leg is planned: the sender's answers (a replay among them) come first.
    pub fn check_receiver(&self, sender: &Wallet, receiver: &Wallet) -> Result<()> {
        if receiver.id == sender.id {
            return Err(Error::invalid(
                "to_user_id",
                "is the sender: a transfer moves money between two wallets",
            ));
        }
        if receiver.currency != sender.currency {
            return Err(Error::InvalidAmount {
                input: self.amount.as_str().to_owned(),
                reason: AmountRefusal::OtherCurrency(sender.currency, receiver.currency),
            });
        }
        if receiver.status != WalletStatus::Active {
            return Err(Error::WalletNotActive {
                wallet_id: receiver.id.clone(),
                status: receiver.status,
                operation: WalletAction::Post(TxType::TransferIn),
            });
        }
        Ok(())
    }

    /// The receiver's leg of the transfer whose sender's leg is `out`: the clearing account →
    /// the receiver's available balance, the same amount and description, naming `out` as its
    /// original. `ctx` holds the leg's own transaction id. The `reference_id` stays the
    /// sender's alone: two senders may use the same one. Money arriving counts against the
    /// `max_balance` of `policy` (the receiver's, which is the sender's: one scope).
    pub fn plan_in(&self, receiver: &Wallet, out: &Entry, ctx: &Context, policy: &Policy) -> Result<Plan> {
        let currency = receiver.currency;
        let common = Common::new(TxType::TransferIn, None, out.request.clone());
        let mut draft = common.transfer(
            &Account::Transfers(currency),
            &Account::available(receiver),
            currency,
            out.amount,
        );
        draft.description = out.description.clone();
        draft.original_id = Some(out.id.clone());
        let plan = post(receiver, draft, ctx, FreezeChange::None)?;
        policy.check_inflow(receiver, plan.wallet_after.balance())?;
        Ok(plan)
    }
}
