//! A transfer between two wallets: both legs in the one transaction the caller holds (a
//! command's, a batch line's savepoint, a server request's), or neither.

use crate::error::{Error, Result};
use crate::ledger::chain::{self, Owner};
use crate::ledger::ids::{FreezeId, TransactionId};
use crate::ledger::model::{Entry, Scope, TxType, Wallet};
use crate::ledger::operations::{transfer, Context, Operation};
use crate::store::Queries;

use super::operate::{prepare, Outcome, Prepared};

/// The receiver's side of a transfer, beside the sender's in an [`Outcome`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The `transfer_in` entry.
    pub entry: Entry,
    /// The receiver's wallet after it (as it is now, for a replay).
    pub wallet: Wallet,
}

/// Applies the transfer `request` (`operation` is it) from `from_user_id`'s wallet in `scope`.
///
/// Both wallets are locked in id order before either is read (on PostgreSQL a row lock each;
/// SQLite's one write lock is held already), so two transfers between the same wallets in
/// opposite directions queue rather than deadlock. Two different wallets are required; then a
/// `reference_id` seen before replays both legs (even if the receiver has been frozen since);
/// otherwise the sender's leg is planned by the rules of every operation (amount, status,
/// funds, limits), the receiver is checked (currency, status), its leg planned, and both are
/// appended.
pub(super) fn transfer_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    from_user_id: &str,
    request: &transfer::Request,
    operation: &Operation,
    actor: &str,
) -> Result<Outcome> {
    let (sender, receiver) = lock_both(tx, scope, from_user_id, &request.to_user_id)?;
    if sender.id == receiver.id {
        // Refused before anything else: such a request can never have been applied.
        request.check_receiver(&sender, &receiver)?;
    }
    let (plan, sender, sender_head) = match prepare(tx, sender, operation, actor)? {
        Prepared::Replay(mut outcome) => {
            let entry = tx
                .entry_naming(&outcome.entry.id, TxType::TransferIn)?
                .ok_or_else(|| Error::internal(format!("transfer {} has no transfer_in", outcome.entry.id)))?;
            outcome.received = Some(Box::new(Received {
                entry,
                wallet: receiver,
            }));
            return Ok(outcome);
        }
        Prepared::Apply { plan, before, head } => {
            request.check_receiver(&before, &receiver)?;
            (plan, before, head)
        }
    };
    let receiver_head = super::trusted(tx, &receiver)?;
    // The receiver's leg shares the sender's moment: one transaction, one time.
    let ctx = Context {
        actor: actor.to_owned(),
        now: plan.entry.created_at,
        transaction_id: TransactionId::mint(),
        freeze_id: FreezeId::mint(),
    };
    let incoming = request.plan_in(&receiver, &plan.entry, &ctx, &super::policy::current(tx, scope)?)?;

    let sender_head = sender_head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
    let out = chain::link(plan.entry, Owner::of(&sender), sender_head);
    tx.append(&out, &plan.freeze, &sender, &plan.wallet_after)?;
    let receiver_head = receiver_head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
    let into = chain::link(incoming.entry, Owner::of(&receiver), receiver_head);
    tx.append(&into, &incoming.freeze, &receiver, &incoming.wallet_after)?;
    Ok(Outcome {
        entry: out.entry,
        refunded: 0,
        wallet: plan.wallet_after,
        freeze: None,
        replayed: false,
        received: Some(Box::new(Received {
            entry: into.entry,
            wallet: incoming.wallet_after,
        })),
    })
}

/// The sender's and the receiver's wallets, each in `scope` (another tenant's or application's
/// wallet is not found, as one that does not exist), locked in wallet id order.
fn lock_both<Q: Queries>(tx: &Q, scope: &Scope, from_user_id: &str, to_user_id: &str) -> Result<(Wallet, Wallet)> {
    let id_of = |user_id: &str| {
        tx.wallet_id_of_user(scope, user_id)?
            .ok_or_else(|| Error::wallet_not_found(scope, user_id))
    };
    let (from, to) = (id_of(from_user_id)?, id_of(to_user_id)?);
    let lock = |id| tx.wallet(id)?.ok_or_else(|| Error::internal("a wallet vanished"));
    if from == to {
        let wallet = lock(&from)?;
        return Ok((wallet.clone(), wallet));
    }
    if from.as_str() < to.as_str() {
        let sender = lock(&from)?;
        Ok((sender, lock(&to)?))
    } else {
        let receiver = lock(&to)?;
        Ok((lock(&from)?, receiver))
    }
}
