//! The registry of wallet operations: one module each, holding its request type (validated
//! from the fields every front door reads), what it loads, and its rule.
//!
//! [`Operation`] lists the operations once. Every `match` over it here delegates to the
//! operation's module and names every variant: a new operation that is not wired in everywhere
//! does not compile (`clippy::wildcard_enum_match_arm` keeps it so). [`SPECS`] is the same list
//! for the front doors that read an operation by its name (batch lines, HTTP bodies).
//!
//! Adding an operation: see "Adding an operation" in ARCHITECTURE.md.
#![deny(clippy::wildcard_enum_match_arm)]

pub mod adjust;
pub mod capture;
pub mod deposit;
pub mod fields;
pub mod freeze;
pub mod internal_refund;
pub mod payment;
mod plan;
pub mod refund;
pub mod status;
pub mod transfer;
pub mod unfreeze;
pub mod withdraw;

pub use adjust::Direction;
pub use fields::{AmountText, Fields, Raw};
pub use plan::{idempotency, Context, FreezeChange, Idempotency, Plan};

use super::ids::{FreezeId, TransactionId, WalletId, WithdrawalRequestId};
use super::model::{Account, Entry, Freeze, Scope, TxType, Wallet};
use super::money::Currency;
use super::policy::Policy;
use super::time::Timestamp;
use crate::error::Result;

/// One wallet operation, validated except for what needs the wallet (currency decimals,
/// balances, status), which its rule checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    Deposit(deposit::Request),
    Payment(payment::Request),
    Withdraw(withdraw::Request),
    Freeze(freeze::Request),
    Unfreeze(unfreeze::Request),
    Refund(refund::Request),
    /// A refund named by its transaction alone, on that transaction's wallet.
    InternalRefund(internal_refund::Request),
    Adjust(adjust::Request),
    /// The sender's side of a transfer; the use case writes the receiver's leg beside it.
    Transfer(transfer::Request),
    /// A freeze's held amount posted out, all or part, the rest released.
    Capture(capture::Request),
}

/// An operation as the front doors that read it by name see it.
pub struct Spec {
    /// Its name in a batch line's `op` field.
    pub name: &'static str,
    /// The fields it reads, besides `op` and `user_id`.
    pub fields: &'static [&'static str],
    /// Reads and validates its fields, in the order their errors are reported: the wallet's
    /// user (absent for the internal refund) and the operation. What is left over is the
    /// caller's to refuse.
    pub read: fn(&mut Fields) -> Result<Named>,
}

/// An operation and the user whose wallet it names (none for the internal refund).
pub type Named = (Option<String>, Operation);

/// Every operation a batch line or an HTTP body can name, in the order error messages list them.
/// The internal refund has no name of its own: it is a `refund` without a user (its reader).
pub const SPECS: &[Spec] = &[
    deposit::SPEC,
    payment::SPEC,
    withdraw::SPEC,
    freeze::SPEC,
    unfreeze::SPEC,
    refund::SPEC,
    adjust::SPEC,
    transfer::SPEC,
    capture::SPEC,
];

/// What an operation's rule may look up in the ledger before it plans. The store answers in
/// the use cases; a [`Referent`] answers in pure tests.
pub trait Load {
    /// A transaction and how much of it has been refunded so far, in minor units;
    /// `transaction_not_found` when there is none.
    fn original(&self, transaction_id: &TransactionId) -> Result<(Entry, i64)>;
    /// A freeze record; `freeze_not_found` when there is none.
    fn freeze(&self, freeze_id: &FreezeId) -> Result<Freeze>;
    /// Whether any entry has posted to the account.
    fn account_used(&self, account: &Account) -> Result<bool>;
    /// The counterparties any entry has paid in a tenant and application.
    fn counterparties(&self, scope: &Scope) -> Result<Vec<String>>;
    /// The policy of a tenant and application: the default when it has none.
    fn policy(&self, scope: &Scope) -> Result<Policy>;
    /// Minor units a wallet's withdrawals took, counted from those made at or after `since`.
    fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64>;
    /// The withdrawal request whose amount a freeze holds, if the freeze is one's.
    fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequestId>>;
}

/// A ledger holding just one loaded thing: how pure tests hand a rule its referent.
#[derive(Debug, Clone)]
pub enum Referent {
    None,
    /// A refund's original transaction and the sum of its earlier refunds, in minor units.
    Original {
        entry: Entry,
        refunded: i64,
    },
    /// An unfreeze's or a capture's freeze record.
    Freeze(Freeze),
}

impl Load for Referent {
    fn original(&self, transaction_id: &TransactionId) -> Result<(Entry, i64)> {
        match self {
            Referent::Original { entry, refunded } => Ok((entry.clone(), *refunded)),
            Referent::None | Referent::Freeze(_) => Err(crate::error::Error::TransactionNotFound {
                transaction_id: transaction_id.to_owned(),
            }),
        }
    }

    fn freeze(&self, freeze_id: &FreezeId) -> Result<Freeze> {
        match self {
            Referent::Freeze(record) => Ok(record.clone()),
            Referent::None | Referent::Original { .. } => Err(crate::error::Error::FreezeNotFound {
                freeze_id: freeze_id.to_owned(),
            }),
        }
    }

    fn account_used(&self, account: &Account) -> Result<bool> {
        let name = account.name();
        match self {
            Referent::Original { entry, .. } => Ok(entry.postings.iter().any(|p| p.account == name)),
            Referent::None | Referent::Freeze(_) => Ok(false),
        }
    }

    fn counterparties(&self, _scope: &Scope) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    /// A pure test's ledger has no policy: the default, and nothing withdrawn before.
    fn policy(&self, _scope: &Scope) -> Result<Policy> {
        Ok(Policy::default())
    }

    fn withdrawn_since(&self, _wallet_id: &WalletId, _since: Timestamp) -> Result<i64> {
        Ok(0)
    }

    /// A pure test's freeze holds no withdrawal request.
    fn withdrawal_request_of_freeze(&self, _freeze_id: &FreezeId) -> Result<Option<WithdrawalRequestId>> {
        Ok(None)
    }
}

impl Operation {
    pub fn deposit(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        fields::Movement::new(amount, description, reference_id).map(Operation::Deposit)
    }

    pub fn payment(
        amount: &str,
        counterparty_id: &str,
        new_counterparty: bool,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        payment::Request::new(amount, counterparty_id, new_counterparty, description, reference_id)
            .map(Operation::Payment)
    }

    pub fn withdraw(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        fields::Movement::new(amount, description, reference_id).map(Operation::Withdraw)
    }

    pub fn freeze(amount: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        freeze::Request::new(amount, reason, reference_id).map(Operation::Freeze)
    }

    pub fn unfreeze(freeze_id: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        unfreeze::Request::new(freeze_id, reason, reference_id).map(Operation::Unfreeze)
    }

    pub fn refund(
        transaction_id: &str,
        amount: Option<&str>,
        reason: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        refund::Request::new(transaction_id, amount, reason, reference_id).map(Operation::Refund)
    }

    pub fn internal_refund(
        transaction_id: &str,
        amount: Option<&str>,
        reason: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        refund::Request::new(transaction_id, amount, reason, reference_id)
            .map(|refund| Operation::InternalRefund(internal_refund::Request(refund)))
    }

    pub fn adjust(direction: Direction, amount: &str, reason: &str, reference_id: Option<String>) -> Result<Operation> {
        adjust::Request::new(direction, amount, reason, reference_id).map(Operation::Adjust)
    }

    pub fn transfer(
        to_user_id: &str,
        amount: &str,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        transfer::Request::new(to_user_id, amount, description, reference_id).map(Operation::Transfer)
    }

    /// The `reference_id` that makes this operation idempotent, if any.
    pub fn reference_id(&self) -> Option<&str> {
        match self {
            Operation::Deposit(r) => r.reference_id.as_deref(),
            Operation::Payment(r) => r.reference_id.as_deref(),
            Operation::Withdraw(r) => r.reference_id.as_deref(),
            Operation::Freeze(r) => r.reference_id.as_deref(),
            Operation::Unfreeze(r) => r.reference_id.as_deref(),
            Operation::Refund(r) => r.reference_id.as_deref(),
            Operation::InternalRefund(r) => r.0.reference_id.as_deref(),
            Operation::Adjust(r) => r.reference_id.as_deref(),
            Operation::Transfer(r) => r.reference_id.as_deref(),
            Operation::Capture(r) => r.reference_id.as_deref(),
        }
    }

    /// The transaction type this operation writes.
    pub fn kind(&self) -> TxType {
        match self {
            Operation::Deposit(_) => TxType::Deposit,
            Operation::Payment(_) => TxType::Payment,
            Operation::Withdraw(_) => TxType::Withdraw,
            Operation::Freeze(_) => TxType::Freeze,
            Operation::Unfreeze(_) => TxType::Unfreeze,
            Operation::Refund(_) | Operation::InternalRefund(_) => TxType::Refund,
            Operation::Adjust(r) => r.kind(),
            Operation::Transfer(_) => TxType::TransferOut,
            Operation::Capture(_) => TxType::Capture,
        }
    }

    /// The transaction whose wallet this operation acts on (the internal refund); `None` for
    /// the operations that act on the wallet of a user they are given.
    pub fn wallet_by_transaction(&self) -> Option<&TransactionId> {
        match self {
            Operation::InternalRefund(r) => Some(r.transaction_id()),
            Operation::Deposit(_)
            | Operation::Payment(_)
            | Operation::Withdraw(_)
            | Operation::Freeze(_)
            | Operation::Unfreeze(_)
            | Operation::Refund(_)
            | Operation::Adjust(_)
            | Operation::Transfer(_)
            | Operation::Capture(_) => None,
        }
    }

    /// The canonical form of this request, stored with its entry: a `reference_id` replay is
    /// the same request only if this string is equal. Amounts are normalised to the currency's
    /// decimals, so `50` and `50.00` are the same request.
    pub fn canonical(&self, currency: Currency) -> Result<String> {
        let value = match self {
            Operation::Deposit(r) => r.canonical(TxType::Deposit, currency)?,
            Operation::Payment(r) => r.canonical(currency)?,
            Operation::Withdraw(r) => r.canonical(TxType::Withdraw, currency)?,
            Operation::Freeze(r) => r.canonical(currency)?,
            Operation::Unfreeze(r) => r.canonical(),
            Operation::Refund(r) => r.canonical(currency)?,
            Operation::InternalRefund(r) => r.canonical(currency)?,
            Operation::Adjust(r) => r.canonical(currency)?,
            Operation::Transfer(r) => r.canonical(currency)?,
            Operation::Capture(r) => r.canonical(currency)?,
        };
        // serde_json's map keeps keys sorted, so the string is stable.
        Ok(value.to_string())
    }

    /// Plans this operation on `wallet`: the one journal entry to append and the wallet as it
    /// will be. What the rule needs beyond the wallet it asks `load` for.
    pub fn plan(&self, wallet: &Wallet, load: &dyn Load, ctx: &Context) -> Result<Plan> {
        let request = self.canonical(wallet.currency)?;
        let common = plan::Common::new(self.kind(), self.reference_id(), request);
        match self {
            Operation::Deposit(r) => deposit::plan(r, wallet, load, common, ctx),
            Operation::Payment(r) => r.plan(wallet, load, common, ctx),
            Operation::Withdraw(r) => withdraw::plan(r, wallet, load, common, ctx),
            Operation::Freeze(r) => r.plan(wallet, common, ctx),
            Operation::Unfreeze(r) => r.plan(wallet, load, common, ctx),
            Operation::Refund(r) => r.plan(wallet, load, common, ctx),
            Operation::InternalRefund(r) => r.plan(wallet, load, common, ctx),
            Operation::Adjust(r) => r.plan(wallet, common, ctx),
            Operation::Transfer(r) => r.plan(wallet, load, common, ctx),
            Operation::Capture(r) => r.plan(wallet, load, common, ctx),
        }
    }
}

#[cfg(test)]
mod tests;
