//! Money movements: every wallet operation, and the internal refund.

use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::limits::COUNTERPARTY_SUGGESTIONS_MAX;
use crate::ledger::model::{Account, Entry, Freeze, Scope, Wallet};
use crate::ledger::request::Operation;
use crate::ledger::rules::{self, Idempotency, Plan, Referent};
use crate::store::{Store, Tx};

/// What an operation did, or what it had done when it is a `reference_id` replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub entry: Entry,
    /// How much of `entry` has been refunded so far, in minor units.
    pub refunded: i64,
    pub wallet: Wallet,
    /// The freeze record of a freeze or unfreeze.
    pub freeze: Option<Freeze>,
    /// True when nothing was written because the same request had been applied before.
    pub replayed: bool,
}

/// Applies `operation` to the wallet of `user_id` in `scope`, in one write transaction.
pub fn execute(store: &mut Store, scope: &Scope, user_id: &str, operation: &Operation, actor: &str) -> Result<Outcome> {
    store.write(|tx| execute_in(tx, scope, user_id, operation, actor))
}

/// [`execute`] inside a transaction the caller holds (a batch line's savepoint).
pub fn execute_in(tx: &Tx, scope: &Scope, user_id: &str, operation: &Operation, actor: &str) -> Result<Outcome> {
    let wallet = tx
        .wallet_of_user(scope, user_id)?
        .ok_or_else(|| Error::wallet_not_found(scope, user_id))?;
    apply(tx, wallet, operation, actor)
}

/// The internal refund: the wallet is found from the transaction, within `scope`.
pub fn refund_by_transaction(store: &mut Store, scope: &Scope, operation: &Operation, actor: &str) -> Result<Outcome> {
    store.write(|tx| refund_by_transaction_in(tx, scope, operation, actor))
}

/// [`refund_by_transaction`] inside a transaction the caller holds.
pub fn refund_by_transaction_in(tx: &Tx, scope: &Scope, operation: &Operation, actor: &str) -> Result<Outcome> {
    let Operation::Refund { transaction_id, .. } = operation else {
        return Err(Error::internal("refund_by_transaction needs a refund"));
    };
    let not_found = || Error::TransactionNotFound {
        transaction_id: transaction_id.clone(),
    };
    let original = tx.entry(transaction_id)?.ok_or_else(not_found)?;
    let wallet = tx.wallet(&original.wallet_id)?.ok_or_else(not_found)?;
    // Another tenant's transaction is reported exactly like a missing one.
    if wallet.tenant_id != scope.tenant_id || wallet.application_id != scope.application_id {
        return Err(not_found());
    }
    apply(tx, wallet, operation, actor)
}

/// Plans `operation` on the wallet of `user_id` without writing anything; `None` when it would
/// be a `reference_id` replay, which writes nothing either.
pub fn preview(store: &mut Store, scope: &Scope, user_id: &str, operation: &Operation) -> Result<Option<Plan>> {
    store.read(|tx| {
        let wallet = tx
            .wallet_of_user(scope, user_id)?
            .ok_or_else(|| Error::wallet_not_found(scope, user_id))?;
        match prepare(tx, wallet, operation, "preview")? {
            Prepared::Replay(_) => Ok(None),
            Prepared::Apply { plan, .. } => Ok(Some(plan)),
        }
    })
}

enum Prepared {
    Replay(Outcome),
    Apply { plan: Plan, before: Wallet },
}

fn apply(tx: &Tx, wallet: Wallet, operation: &Operation, actor: &str) -> Result<Outcome> {
    let (plan, before) = match prepare(tx, wallet, operation, actor)? {
        Prepared::Replay(outcome) => return Ok(outcome),
        Prepared::Apply { plan, before } => (plan, before),
    };
    let stored = tx.append(&plan, &before)?;
    let freeze = match &stored.entry.freeze_id {
        Some(id) => tx.freeze(id)?,
        None => None,
    };
    Ok(Outcome {
        entry: stored.entry,
        refunded: 0,
        wallet: plan.wallet_after,
        freeze,
        replayed: false,
    })
}

/// Decides what `operation` does to `wallet`: a replay of an earlier identical request, or a
/// plan built by the pure rules from the state loaded here.
fn prepare(tx: &Tx, wallet: Wallet, operation: &Operation, actor: &str) -> Result<Prepared> {
    super::trusted(tx, &wallet)?;
    let request = operation.canonical(wallet.currency)?;
    if let Some(reference_id) = operation.reference_id() {
        let previous = tx.entry_by_reference(&wallet.id, operation.kind(), reference_id)?;
        if let Idempotency::Replay(_) = rules::idempotency(previous.as_ref(), &request)? {
            let entry = previous.ok_or_else(|| Error::internal("replay without an entry"))?;
            return Ok(Prepared::Replay(replay(tx, entry, wallet)?));
        }
    }
    if let Operation::Payment {
        counterparty_id,
        new_counterparty: false,
        ..
    } = operation
    {
        known_counterparty(tx, &wallet, counterparty_id)?;
    }
    let referent = match operation {
        Operation::Refund { transaction_id, .. } => {
            let entry = tx.entry(transaction_id)?.ok_or_else(|| Error::TransactionNotFound {
                transaction_id: transaction_id.clone(),
            })?;
            let refunded = tx.refunded(transaction_id)?;
            Referent::Original { entry, refunded }
        }
        Operation::Unfreeze { freeze_id, .. } => {
            Referent::Freeze(tx.freeze(freeze_id)?.ok_or_else(|| Error::FreezeNotFound {
                freeze_id: freeze_id.clone(),
            })?)
        }
        _ => Referent::None,
    };
    let plan = rules::plan(&wallet, operation, referent, &super::context(actor))?;
    Ok(Prepared::Apply { plan, before: wallet })
}

/// A payment to a counterparty never paid before in the wallet's tenant and application needs
/// `new_counterparty`: a typo (`mch_stroe`) must not open a new account that only a refund can
/// empty. The hint lists only names of the same tenant and application.
fn known_counterparty(tx: &Tx, wallet: &Wallet, counterparty_id: &str) -> Result<()> {
    let account = |counterparty_id: &str| Account::Counterparty {
        tenant_id: wallet.tenant_id.clone(),
        application_id: wallet.application_id.clone(),
        counterparty_id: counterparty_id.to_owned(),
    };
    if tx.account_used(&account(counterparty_id).name())? {
        return Ok(());
    }
    let known = tx.accounts_under(&account("").name())?;
    Err(Error::CounterpartyNotFound {
        counterparty_id: counterparty_id.to_owned(),
        closest: ids::closest(counterparty_id, &known, COUNTERPARTY_SUGGESTIONS_MAX)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

fn replay(tx: &Tx, entry: Entry, wallet: Wallet) -> Result<Outcome> {
    let refunded = tx.refunded(&entry.id)?;
    let freeze = match &entry.freeze_id {
        Some(id) => tx.freeze(id)?,
        None => None,
    };
    Ok(Outcome {
        entry,
        refunded,
        wallet,
        freeze,
        replayed: true,
    })
}
