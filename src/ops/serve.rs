//! The server's writes: many requests in one durable transaction (group commit), each in its
//! own savepoint, so one request's failure undoes only itself, and the `Idempotency-Key` check
//! and record in the same savepoint as the write they guard.

use std::time::Instant;

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::ids::{TokenId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{Scope, Wallet, WalletStatus};
use crate::ledger::money::Currency;
use crate::ledger::operations::{freeze, Operation};
use crate::ledger::reconcile::Day;
use crate::store::{IdempotentResponse, Queries, Storage};

use super::batch_freeze::{freeze_each_in, BatchFrozen};
use super::batch_unfreeze::{unfreeze_each_in, BatchUnfrozen};
use super::operate::{execute_in, Outcome};
use super::policy::{clear_policy_in, set_policy_in, PolicyState};
use super::retry::retrying;
use super::review::{decide_withdrawal_in, request_withdrawal_in, Reviewed, Verdict};
use super::snapshot::{take_snapshot_in, SnapshotTaken};
use super::wallet::{create_wallet_in, set_status_by_id_in, StatusOutcome};

/// One write a caller asked for.
#[derive(Debug, Clone)]
pub struct WriteRequest {
    pub scope: Scope,
    /// Who is asking, as the journal records it (`token:tok_…`).
    pub actor: String,
    /// The wallet's user; `None` for the internal refund, which finds the wallet itself, and
    /// for a wallet's creation, whose work names its user, and a status change, which names its
    /// wallet by id.
    pub user_id: Option<String>,
    pub work: Work,
    pub key: Option<IdempotencyKey>,
    /// Not started after this moment: settled as [`Settled::NotStarted`], not applied.
    pub deadline: Instant,
    /// The request time limit the deadline came from, for that answer.
    pub timeout_ms: u64,
}

/// What a write does: move money (an operation), open a wallet, or change a wallet's status.
#[derive(Debug, Clone)]
pub enum Work {
    Operation(Operation),
    /// `POST /wallets`: a new wallet for this user, in this currency.
    CreateWallet {
        user_id: String,
        currency: Currency,
    },
    /// `PUT /admin/wallets/{wallet_id}`: the wallet of the request's scope with this id.
    Status {
        wallet_id: WalletId,
        to: WalletStatus,
        reason: Option<String>,
    },
    /// `POST /admin/wallets/batch-freeze`: `freeze` on each user's wallet, a savepoint each.
    BatchFreeze {
        user_ids: Vec<String>,
        freeze: Operation,
    },
    /// `POST /admin/wallets/batch-unfreeze`: `unfreeze` of each freeze (on its own wallet, in
    /// the request's scope), a savepoint each.
    BatchUnfreeze {
        freeze_ids: Vec<String>,
        reason: Option<String>,
    },
    /// `POST /wallets/snapshot`: the snapshot of this day for the request's scope.
    Snapshot {
        day: Day,
    },
    /// `PUT …/policy`: the request's scope's policy, these fields changed.
    SetPolicy {
        fields: Map<String, Value>,
    },
    /// `DELETE …/policy`: the request's scope's policy removed.
    ClearPolicy,
    /// `POST /wallets/{user_id}/withdraw/request`: a withdrawal asked for, its amount held.
    RequestWithdrawal(freeze::Request),
    /// `POST /admin/wallets/withdrawals/{id}/approve|reject`: a pending request decided.
    DecideWithdrawal {
        id: WithdrawalRequestId,
        verdict: Verdict,
    },
}

impl From<Operation> for Work {
    fn from(operation: Operation) -> Work {
        Work::Operation(operation)
    }
}

/// An `Idempotency-Key`, scoped to the tenant and application of the request and to the wallet
/// owner it names, and what identifies the request it was first sent with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key: String,
    /// `user:<user_id>` for a wallet route, `internal` for the internal refund.
    pub owner: String,
    /// SHA-256 of the method, path and body bytes.
    pub fingerprint: String,
    pub token_id: TokenId,
}

/// A finished answer: its status (the envelope's `code`) and the exact bytes sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

/// What became of one request of a group, for the server to answer with.
#[derive(Debug, Clone, Copy)]
pub enum Settled<'a> {
    /// Applied: its answer is stored with its key, if it has one.
    Applied(&'a Outcome),
    /// A wallet opened; its answer is stored with its key, if it has one.
    Created(&'a Wallet),
    /// A status change applied, or found already made (its `change` is then `None`).
    StatusChanged(&'a StatusOutcome),
    /// A batch of freezes run, each applied or refused on its own.
    BatchFrozen(&'a BatchFrozen),
    /// A batch of releases run, each applied or refused on its own.
    BatchUnfrozen(&'a BatchUnfrozen),
    /// A snapshot taken, or found taken before (its first answer again).
    Snapshot(&'a SnapshotTaken),
    /// A policy set or cleared, or found already so (its `change` is then `None`).
    Policy(&'a PolicyState),
    /// A withdrawal requested (or found requested: a replay), approved or rejected.
    Reviewed(&'a Reviewed),
    /// Ran and failed; its savepoint undid whatever it wrote.
    Failed(&'a Error),
    /// Not started: its deadline (`timeout_ms` after it arrived) had passed, or its caller
    /// had gone.
    NotStarted { timeout_ms: u64 },
    /// Not run: its `Idempotency-Key` was first sent with another request (route or body).
    KeyReused { key: &'a str },
}

/// Turns what became of a request into the answer sent, and stored with a key.
pub type Render<'a> = &'a dyn Fn(Settled) -> Reply;

/// Runs every request in one `BEGIN IMMEDIATE` transaction and commits once: all the answers
/// are durable together, after one fsync. Each request runs in a savepoint; its failure is
/// its own answer. A request past its deadline, or that `start` refuses (its caller has gone
/// or has been answered already), is not started: `start` is called under the write lock, just
/// before the request would run, and must return true only if the caller will take this
/// request's answer. A transaction the database undid for a conflict runs again whole
/// (`ops::retry`): a request `start` accepted is not asked again, and runs again in the next
/// attempt whatever its deadline, since its caller now waits for that answer. An error from
/// this function means nothing at all was written.
pub fn commit_group<S: Storage>(
    store: &mut S,
    requests: &[WriteRequest],
    start: &dyn Fn(usize) -> bool,
    render: Render,
) -> Result<Vec<Reply>> {
    let mut started = vec![false; requests.len()];
    retrying(|| store.write(|tx| run_group(tx, requests, &mut started, start, render)))
}

fn run_group<Q: Queries>(
    tx: &Q,
    requests: &[WriteRequest],
    started: &mut [bool],
    start: &dyn Fn(usize) -> bool,
    render: Render,
) -> Result<Vec<Reply>> {
    let mut replies = Vec::with_capacity(requests.len());
    for ((index, request), started) in requests.iter().enumerate().zip(started.iter_mut()) {
        // Checked here, under the write lock, so "not started" is certain.
        if !*started {
            if Instant::now() >= request.deadline || !start(index) {
                replies.push(render(Settled::NotStarted {
                    timeout_ms: request.timeout_ms,
                }));
                continue;
            }
            *started = true;
        }
        // Under BEGIN IMMEDIATE nothing should be busy; if something is (a conflict the
        // database reports included), the whole group is in doubt: give up on all of it,
        // committing nothing, and let the retry decide whether it runs again.
        let busy = |kind| kind == ErrorKind::Busy;
        let reply = match super::in_savepoint(tx, busy, |tx| run_keyed(tx, request, render))? {
            Ok(reply) => reply,
            Err(e) => render(Settled::Failed(&e)),
        };
        replies.push(reply);
    }
    Ok(replies)
}

fn run_keyed<Q: Queries>(tx: &Q, request: &WriteRequest, render: Render) -> Result<Reply> {
    if let Some(key) = &request.key {
        if let Some((fingerprint, status, body)) = tx.idempotent_response(&request.scope, &key.owner, &key.key)? {
            if fingerprint != key.fingerprint {
                return Ok(render(Settled::KeyReused { key: &key.key }));
            }
            return Ok(Reply { status, body });
        }
    }
    let reply = run_work(tx, request, render)?;
    if let Some(key) = &request.key {
        tx.record_response(&IdempotentResponse {
            scope: request.scope.clone(),
            owner: key.owner.clone(),
            key: key.key.clone(),
            fingerprint: key.fingerprint.clone(),
            status: reply.status,
            response: reply.body.clone(),
            token_id: key.token_id.clone(),
            created_at: super::now(),
        })?;
    }
    Ok(reply)
}

/// Runs the work of one request and renders what became of it.
fn run_work<Q: Queries>(tx: &Q, request: &WriteRequest, render: Render) -> Result<Reply> {
    Ok(match &request.work {
        Work::Operation(operation) => {
            let outcome = execute_in(
                tx,
                &request.scope,
                request.user_id.as_deref(),
                operation,
                &request.actor,
            )?;
            render(Settled::Applied(&outcome))
        }
        Work::CreateWallet { user_id, currency } => {
            let wallet = create_wallet_in(tx, &request.scope, user_id, *currency)?;
            render(Settled::Created(&wallet))
        }
        Work::Status { wallet_id, to, reason } => {
            let outcome = set_status_by_id_in(tx, &request.scope, wallet_id, *to, reason.clone(), &request.actor)?;
            render(Settled::StatusChanged(&outcome))
        }
        Work::BatchFreeze { user_ids, freeze } => {
            let frozen = freeze_each_in(tx, &request.scope, user_ids, freeze, &request.actor)?;
            render(Settled::BatchFrozen(&frozen))
        }
        Work::BatchUnfreeze { freeze_ids, reason } => {
            let unfrozen = unfreeze_each_in(tx, &request.scope, freeze_ids, reason.as_ref(), &request.actor)?;
            render(Settled::BatchUnfrozen(&unfrozen))
        }
        Work::Snapshot { day } => {
            let taken = take_snapshot_in(tx, &request.scope, (*day, "snapshot_date"), &request.actor)?;
            render(Settled::Snapshot(&taken))
        }
        Work::SetPolicy { fields } => {
            let state = set_policy_in(tx, &request.scope, fields, &request.actor)?;
            render(Settled::Policy(&state))
        }
        Work::ClearPolicy => {
            let state = clear_policy_in(tx, &request.scope, &request.actor)?;
            render(Settled::Policy(&state))
        }
        Work::RequestWithdrawal(ask) => {
            let user_id = request.user_id.as_deref().unwrap_or_default();
            let reviewed = request_withdrawal_in(tx, &request.scope, user_id, ask, &request.actor)?;
            render(Settled::Reviewed(&reviewed))
        }
        Work::DecideWithdrawal { id, verdict } => {
            let reviewed = decide_withdrawal_in(tx, &request.scope, id, verdict, &request.actor)?;
            render(Settled::Reviewed(&reviewed))
        }
    })
}
