//! Withdrawal review (maker-checker): a request holds its amount by a freeze at once; a second
//! actor's approval captures the freeze whole to the settlement account, a rejection releases
//! it. Each step is one transaction: the request, its hold and (when the policy needs no
//! review) its approval together; a decision, its entry and the request's new status together.

use crate::error::{Error, Result};
use crate::ledger::ids::{FreezeId, TransactionId, WithdrawalRequestId};
use crate::ledger::model::{Entry, Scope, Wallet};
use crate::ledger::operations::{capture, fields, freeze, unfreeze, withdraw, Context, Load, Operation};
use crate::ledger::policy::Policy;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest, AUTO_APPROVER};
use crate::store::{Queries, Storage};

use super::operate::{apply, commit, Loader, Outcome};
use super::retry::retrying;

/// What a request, an approval or a rejection did, or found done (a replay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub request: WithdrawalRequest,
    /// The request's wallet after this step.
    pub wallet: Wallet,
    /// The entry this step wrote last: the hold of a pending request, the capture of an
    /// approved one, the release of a rejected one. `None` for a replay.
    pub entry: Option<Entry>,
    /// True when nothing was written: the same request (`reference_id`) was made before.
    pub replayed: bool,
    /// True when this call made the request (pending, or approved at once by the policy).
    pub created: bool,
}

impl Reviewed {
    /// What this step did, as its answer's message says it.
    pub fn message(&self) -> &'static str {
        match (self.replayed, self.created, self.request.status) {
            (true, _, _) => "replayed",
            (false, true, _) => "created",
            (false, false, ReviewStatus::Approved) => "approved",
            (false, false, _) => "rejected",
        }
    }
}

/// A decision as the approver gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub approve: bool,
    /// The approver's name, as `approved_by` gives it (approvals only).
    pub approved_by: Option<String>,
    pub remark: Option<String>,
}

impl Verdict {
    /// An approval or a rejection, its texts checked as every text field is.
    pub fn new(approve: bool, approved_by: Option<String>, remark: Option<String>) -> Result<Verdict> {
        if !approve && approved_by.is_some() {
            return Err(Error::invalid("approved_by", "names an approver: a rejection has none"));
        }
        Ok(Verdict {
            approve,
            approved_by: fields::text("approved_by", approved_by)?,
            remark: fields::text("remark", remark)?,
        })
    }
}

/// Asks for a withdrawal from the wallet of `user_id`, in one write transaction.
pub fn request_withdrawal<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    ask: &freeze::Request,
    actor: &str,
) -> Result<Reviewed> {
    retrying(|| store.write(|tx| request_withdrawal_in(tx, scope, user_id, ask, actor)))
}

/// [`request_withdrawal`] in a transaction the caller holds. The amount is held first (a
/// freeze, with the freeze's checks: status, funds); then the policy's withdrawal rules are
/// checked as the withdrawal's would be, so a request the approval would refuse is refused
/// now; then the request is stored pending, and approved at once when the policy needs no
/// review of it. A `reference_id` repeat replays through the freeze's own idempotency.
pub fn request_withdrawal_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    user_id: &str,
    ask: &freeze::Request,
    actor: &str,
) -> Result<Reviewed> {
    let wallet = tx
        .wallet_of_user(scope, user_id)?
        .ok_or_else(|| Error::wallet_not_found(scope, user_id))?;
    let held = apply(tx, wallet.clone(), &Operation::Freeze(ask.clone()), actor)?;
    let freeze_id = held
        .entry
        .freeze_id
        .clone()
        .ok_or_else(|| Error::internal("a freeze entry without its freeze"))?;
    if held.replayed {
        return replayed(tx, held, &freeze_id);
    }
    let loader = Loader(tx);
    let policy = loader.policy(scope)?;
    let amount = held.entry.amount;
    let ctx = super::context(actor);
    withdraw::within_policy(&wallet, amount, &policy, &loader, &ctx)?;
    let request = WithdrawalRequest {
        id: WithdrawalRequestId::mint(),
        scope: scope.clone(),
        wallet_id: wallet.id.clone(),
        user_id: wallet.user_id.clone(),
        currency: wallet.currency,
        amount,
        remark: ask.reason.clone(),
        reference_id: ask.reference_id.clone(),
        freeze_id,
        requested_by: actor.to_owned(),
        requested_at: held.entry.created_at,
        status: ReviewStatus::Pending,
        decision: None,
    };
    tx.insert_withdrawal_request(&request)?;
    approve_at_once(tx, request, held, &policy, actor)
}

/// A `reference_id` repeat: the request whose hold the reference made, as it is now; a
/// reference that made a freeze of its own is another operation's.
fn replayed<Q: Queries>(tx: &Q, held: Outcome, freeze_id: &FreezeId) -> Result<Reviewed> {
    match tx.withdrawal_request_of_freeze(freeze_id)? {
        Some(request) => Ok(Reviewed {
            wallet: held.wallet,
            request,
            entry: None,
            replayed: true,
            created: false,
        }),
        None => Err(Error::ReferenceConflict {
            reference_id: held.entry.reference_id.unwrap_or_default(),
            operation: held.entry.kind,
            wallet_id: held.entry.wallet_id,
            transaction_id: held.entry.id,
        }),
    }
}

/// A new pending request, approved at once when the policy needs no review of it.
fn approve_at_once<Q: Queries>(
    tx: &Q,
    request: WithdrawalRequest,
    held: Outcome,
    policy: &Policy,
    actor: &str,
) -> Result<Reviewed> {
    let amount = request.amount;
    if policy.needs_no_review(amount.minor(), request.currency) {
        let verdict = Verdict {
            approve: true,
            approved_by: None,
            remark: None,
        };
        // The capture is the requester's doing (the policy let it through), so its entry
        // records them; the decision records who decided: the policy.
        let approved = decide(tx, request, &verdict, (AUTO_APPROVER, actor))?;
        return Ok(Reviewed {
            created: true,
            ..approved
        });
    }
    Ok(Reviewed {
        request,
        wallet: held.wallet,
        entry: Some(held.entry),
        replayed: false,
        created: true,
    })
}

/// Approves or rejects a pending request of `scope`, in one write transaction.
pub fn decide_withdrawal<S: Storage>(
    store: &mut S,
    scope: &Scope,
    id: &WithdrawalRequestId,
    verdict: &Verdict,
    actor: &str,
) -> Result<Reviewed> {
    retrying(|| store.write(|tx| decide_withdrawal_in(tx, scope, id, verdict, actor)))
}

/// [`decide_withdrawal`] in a transaction the caller holds: the request must be of `scope`
/// (another's is not found), pending, and made by another actor than `actor`.
pub fn decide_withdrawal_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    id: &WithdrawalRequestId,
    verdict: &Verdict,
    actor: &str,
) -> Result<Reviewed> {
    let first = request_in(tx, scope, id)?;
    // A write reads a wallet under its row lock on PostgreSQL, which serialises the deciders
    // of one request: read again under it, the request shows a rival's decision, and the
    // loser is told so rather than meeting the freeze its rival ended.
    tx.wallet(&first.wallet_id)?;
    let request = request_in(tx, scope, id)?;
    if request.status != ReviewStatus::Pending {
        return Err(Error::WithdrawalNotPending {
            request_id: request.id,
            status: request.status,
        });
    }
    if request.requested_by == actor {
        return Err(Error::SameActor {
            request_id: request.id,
            actor: actor.to_owned(),
        });
    }
    decide(tx, request, verdict, (actor, actor))
}

/// Carries out `verdict` on a pending `request`: its entry (the capture, or the release)
/// appended by `by.1`, then the decision by `by.0` recorded only if the request is still
/// pending, which is what keeps a rival approver's transaction from deciding it twice.
fn decide<Q: Queries>(tx: &Q, request: WithdrawalRequest, verdict: &Verdict, by: (&str, &str)) -> Result<Reviewed> {
    let (decided_by, entry_actor) = by;
    let integrity = |what: &str| Error::StorageIntegrity {
        message: format!("withdrawal request {} names {what} that is not there", request.id),
    };
    let wallet = tx.wallet(&request.wallet_id)?.ok_or_else(|| integrity("a wallet"))?;
    let record = tx.freeze(&request.freeze_id)?.ok_or_else(|| integrity("a freeze"))?;
    let head = super::trusted(tx, &wallet)?;
    let ctx: Context = super::context(entry_actor);
    let plan = if verdict.approve {
        let description = format!("withdrawal request {}", request.id);
        capture::plan_approval(&wallet, &record, description, &Loader(tx), &ctx)?
    } else {
        unfreeze::plan_rejection(&wallet, record, verdict.remark.clone(), &ctx)?
    };
    let done = commit(tx, plan, &wallet, head)?;
    let (status, decision) = decision(verdict, decided_by, done.entry.created_at, done.entry.id.clone());
    if !tx.decide_withdrawal_request(&request.id, status, &decision)? {
        // Decided by another transaction since it was read: this one writes nothing.
        let now = tx.withdrawal_request(&request.id)?.ok_or_else(|| integrity("itself"))?;
        return Err(Error::WithdrawalNotPending {
            request_id: now.id,
            status: now.status,
        });
    }
    Ok(Reviewed {
        request: WithdrawalRequest {
            status,
            decision: Some(decision),
            ..request
        },
        wallet: done.wallet,
        entry: Some(done.entry),
        replayed: false,
        created: false,
    })
}

fn decision(
    verdict: &Verdict,
    decided_by: &str,
    at: crate::ledger::time::Timestamp,
    transaction_id: TransactionId,
) -> (ReviewStatus, Decision) {
    let status = if verdict.approve {
        ReviewStatus::Approved
    } else {
        ReviewStatus::Rejected
    };
    let decision = Decision {
        decided_by: decided_by.to_owned(),
        approved_by: verdict.approved_by.clone(),
        remark: verdict.remark.clone(),
        decided_at: at,
        transaction_id,
    };
    (status, decision)
}

/// A request of `scope`: another tenant's or application's is not found, as a missing one.
fn request_in<Q: Queries>(tx: &Q, scope: &Scope, id: &WithdrawalRequestId) -> Result<WithdrawalRequest> {
    tx.withdrawal_request(id)?
        .filter(|request| &request.scope == scope)
        .ok_or_else(|| Error::WithdrawalRequestNotFound { request_id: id.clone() })
}

/// One request of `scope`.
pub fn show_withdrawal<S: Storage>(
    store: &mut S,
    scope: &Scope,
    id: &WithdrawalRequestId,
) -> Result<WithdrawalRequest> {
    store.read(|tx| request_in(tx, scope, id))
}

/// A page of `scope`'s requests, newest first: of one user's wallet (`None`: every wallet),
/// of one status (`None`: every status). A user without a wallet is not found.
pub fn list_withdrawals<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: Option<&str>,
    status: Option<ReviewStatus>,
    page: PageRequest,
) -> Result<Paged<WithdrawalRequest>> {
    store.read(|tx| {
        let wallet_id = match user_id {
            Some(user_id) => Some(
                tx.wallet_id_of_user(scope, user_id)?
                    .ok_or_else(|| Error::wallet_not_found(scope, user_id))?,
            ),
            None => None,
        };
        tx.withdrawal_requests(scope, &ReviewFilter { wallet_id, status }, page)
    })
}
