//! Money movements: every wallet operation, and the internal refund.
#![deny(clippy::wildcard_enum_match_arm)]

use crate::error::{Error, Result};
use crate::ledger::chain::{self, Owner};
use crate::ledger::ids::{FreezeId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{Account, Entry, Freeze, Scope, Wallet};
use crate::ledger::operations::{self, internal_refund, Idempotency, Load, Operation, Plan};
use crate::ledger::policy::Policy;
use crate::ledger::time::Timestamp;
use crate::store::{Queries, Storage};

use super::retry::retrying;
use super::transfer::{transfer_in, Received};

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
    /// A transfer's receiving leg; `None` for every other operation.
    pub received: Option<Box<Received>>,
}

/// Applies `operation` to the wallet of `user_id` in `scope`, in one write transaction.
pub fn execute<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    operation: &Operation,
    actor: &str,
) -> Result<Outcome> {
    retrying(|| store.write(|tx| execute_in(tx, scope, Some(user_id), operation, actor)))
}

/// The internal refund: the wallet is found from the transaction, within `scope`.
pub fn internal_refund<S: Storage>(
    store: &mut S,
    scope: &Scope,
    request: &internal_refund::Request,
    actor: &str,
) -> Result<Outcome> {
    let operation = Operation::InternalRefund(request.clone());
    retrying(|| store.write(|tx| execute_in(tx, scope, None, &operation, actor)))
}

/// Applies `operation` inside a transaction the caller holds (a batch line's or a server
/// request's savepoint), to the wallet of `user_id`, or with no user to the wallet of the
/// transaction the operation names (the internal refund).
pub fn execute_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    user_id: Option<&str>,
    operation: &Operation,
    actor: &str,
) -> Result<Outcome> {
    if let (Operation::Transfer(request), Some(from_user_id)) = (operation, user_id) {
        return transfer_in(tx, scope, from_user_id, request, operation, actor);
    }
    let wallet = match (operation.wallet_by_transaction(), user_id) {
        (Some(transaction_id), _) => wallet_of_transaction(tx, scope, transaction_id)?,
        (None, Some(user_id)) => tx
            .wallet_of_user(scope, user_id)?
            .ok_or_else(|| Error::wallet_not_found(scope, user_id))?,
        (None, None) => return Err(Error::invalid("user_id", "is required")),
    };
    apply(tx, wallet, operation, actor)
}

/// The wallet of a transaction in `scope`: another tenant's transaction is reported exactly
/// like a missing one.
fn wallet_of_transaction<Q: Queries>(tx: &Q, scope: &Scope, transaction_id: &TransactionId) -> Result<Wallet> {
    let not_found = || Error::TransactionNotFound {
        transaction_id: transaction_id.clone(),
    };
    let original = tx.entry(transaction_id)?.ok_or_else(not_found)?;
    let wallet = tx.wallet(&original.wallet_id)?.ok_or_else(not_found)?;
    if wallet.tenant_id != scope.tenant_id || wallet.application_id != scope.application_id {
        return Err(not_found());
    }
    Ok(wallet)
}

/// Plans `operation` on the wallet of `user_id` without writing anything; `None` when it would
/// be a `reference_id` replay, which writes nothing either.
pub fn preview<S: Storage>(store: &mut S, scope: &Scope, user_id: &str, operation: &Operation) -> Result<Option<Plan>> {
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

pub(super) enum Prepared {
    Replay(Outcome),
    Apply {
        plan: Plan,
        before: Wallet,
        /// The wallet's chain head the entry links to.
        head: Option<(i64, String)>,
    },
}

pub(super) fn apply<Q: Queries>(tx: &Q, wallet: Wallet, operation: &Operation, actor: &str) -> Result<Outcome> {
    let (plan, before, head) = match prepare(tx, wallet, operation, actor)? {
        Prepared::Replay(outcome) => return Ok(outcome),
        Prepared::Apply { plan, before, head } => (plan, before, head),
    };
    commit(tx, plan, &before, head)
}

/// Links a plan's entry onto its wallet's chain `head` (which [`super::trusted`] answered for
/// `before`) and appends it: how every use case that writes one entry ends.
pub(super) fn commit<Q: Queries>(tx: &Q, plan: Plan, before: &Wallet, head: Option<(i64, String)>) -> Result<Outcome> {
    let head = head.as_ref().map(|(wallet_seq, hash)| (*wallet_seq, hash.as_str()));
    let linked = chain::link(plan.entry, Owner::of(before), head);
    tx.append(&linked, &plan.freeze, before, &plan.wallet_after)?;
    let freeze = match &linked.entry.freeze_id {
        Some(id) => tx.freeze(id)?,
        None => None,
    };
    Ok(Outcome {
        entry: linked.entry,
        refunded: 0,
        wallet: plan.wallet_after,
        freeze,
        replayed: false,
        received: None,
    })
}

/// Decides what `operation` does to `wallet`: a replay of an earlier identical request, or a
/// plan built by the pure rules from the state loaded here.
pub(super) fn prepare<Q: Queries>(tx: &Q, wallet: Wallet, operation: &Operation, actor: &str) -> Result<Prepared> {
    let head = super::trusted(tx, &wallet)?;
    let request = operation.canonical(wallet.currency)?;
    if let Some(reference_id) = operation.reference_id() {
        let previous = tx.entry_by_reference(&wallet.id, operation.kind(), reference_id)?;
        if let Idempotency::Replay(_) = operations::idempotency(previous.as_ref(), &request)? {
            let entry = previous.ok_or_else(|| Error::internal("replay without an entry"))?;
            return Ok(Prepared::Replay(replay(tx, entry, wallet)?));
        }
    }
    let plan = operation.plan(&wallet, &Loader(tx), &super::context(actor))?;
    Ok(Prepared::Apply {
        plan,
        before: wallet,
        head,
    })
}

/// What an operation's rule looks up, answered from the transaction.
pub(super) struct Loader<'t, Q>(pub(super) &'t Q);

impl<Q: Queries> Load for Loader<'_, Q> {
    fn original(&self, transaction_id: &TransactionId) -> Result<(Entry, i64)> {
        let entry = self
            .0
            .entry(transaction_id)?
            .ok_or_else(|| Error::TransactionNotFound {
                transaction_id: transaction_id.clone(),
            })?;
        Ok((entry, self.0.refunded(transaction_id)?))
    }

    fn freeze(&self, freeze_id: &FreezeId) -> Result<Freeze> {
        self.0.freeze(freeze_id)?.ok_or_else(|| Error::FreezeNotFound {
            freeze_id: freeze_id.to_owned(),
        })
    }

    fn account_used(&self, account: &Account) -> Result<bool> {
        self.0.account_used(&account.name())
    }

    fn counterparties(&self, scope: &Scope) -> Result<Vec<String>> {
        self.0.accounts_under(&Account::counterparties_prefix(scope))
    }

    fn policy(&self, scope: &Scope) -> Result<Policy> {
        super::policy::current(self.0, scope)
    }

    fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64> {
        self.0.withdrawn_since(wallet_id, since)
    }

    fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequestId>> {
        Ok(self
            .0
            .withdrawal_request_of_freeze(freeze_id)?
            .map(|request| request.id))
    }
}

fn replay<Q: Queries>(tx: &Q, entry: Entry, wallet: Wallet) -> Result<Outcome> {
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
        received: None,
    })
}
