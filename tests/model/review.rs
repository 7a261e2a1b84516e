//! Withdrawal review in the reference model, from docs/accounting.md "## Withdrawal review":
//! a request is a freeze of the amount (the freeze's rules and its reference_id, shared with
//! the wallet's freezes), then the policy's withdrawal rules as a withdrawal's; it is approved
//! at once (a capture of the whole hold to the settlement) when the policy needs no review of
//! it. A pending request is decided once, never by its requester: an approval is that capture
//! (active wallet, the limits as of now), a rejection the hold's release. A held request's
//! freeze is ended by nothing else; with review required the direct withdrawal and a capture
//! of a hold of its own to the settlement are refused over the auto-approval limit.

use super::{Expect, Kind, Model, Posted, Status};

/// Who acts on requests: two actors, so that a decider is sometimes the requester.
pub const ACTORS: [&str; 2] = ["model", "checker"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    Pending,
    Approved,
    Rejected,
}

#[derive(Debug, Clone)]
pub struct ModelRequest {
    pub id: String,
    pub wallet: usize,
    pub freeze: usize,
    pub amount: i64,
    pub actor: usize,
    pub state: ReviewState,
}

/// What a decision does to its request's wallet: one entry, the capture or the release.
fn decision_entry(r: &ModelRequest, approve: bool) -> Posted {
    let mut posted = Posted {
        wallet: r.wallet,
        kind: if approve { Kind::Capture } else { Kind::Unfreeze },
        amount: r.amount,
        available_change: if approve { 0 } else { r.amount },
        frozen_change: -r.amount,
        creates_freeze: false,
        releases: None,
        captures: None,
        refund_of: None,
        pays: None,
        receives: None,
        reference: None,
    };
    if approve {
        posted.captures = Some(r.freeze);
    } else {
        posted.releases = Some(r.freeze);
    }
    posted
}

impl Model {
    /// The request holding freeze `f`, if one does.
    pub fn request_of_freeze(&self, f: usize) -> Option<usize> {
        self.requests.iter().position(|r| r.freeze == f)
    }

    /// Refuses to end, by an unfreeze or a capture of its own, a freeze a request holds (an
    /// active one's request is pending).
    pub(super) fn not_under_review(&self, f: usize) -> Result<(), &'static str> {
        match self.request_of_freeze(f) {
            Some(_) => Err("freeze_under_review"),
            None => Ok(()),
        }
    }

    /// A withdrawal request: its hold (as the freeze `hold` was predicted), then the policy.
    pub(super) fn ask(&self, hold: Expect, actor: usize) -> Result<Expect, &'static str> {
        match hold {
            Expect::Replay { entry, .. } => {
                let f = self
                    .freezes
                    .iter()
                    .position(|f| f.created_by == entry)
                    .ok_or("reference_conflict")?;
                let request = self.request_of_freeze(f).ok_or("reference_conflict")?;
                Ok(Expect::AskReplay { request })
            }
            Expect::Posted(freeze) => {
                let w = &self.wallets[freeze.wallet];
                let policy = self.policy_of(w.scope);
                policy.withdraw(freeze.amount, self.withdrawn(freeze.wallet), w.exponent)?;
                let auto = policy.needs_no_review(freeze.amount, w.exponent);
                Ok(Expect::Asked { freeze, auto, actor })
            }
            other => Ok(other),
        }
    }

    /// A decision of the request `id` in `scope` by `actor`.
    pub(super) fn decide_request(
        &self,
        scope: usize,
        id: &str,
        approve: bool,
        actor: usize,
    ) -> Result<Expect, &'static str> {
        let index = self
            .requests
            .iter()
            .position(|r| r.id == id && self.wallets[r.wallet].scope == scope)
            .ok_or("withdrawal_request_not_found")?;
        let r = &self.requests[index];
        if r.state != ReviewState::Pending {
            return Err("withdrawal_not_pending");
        }
        if r.actor == actor {
            return Err("same_actor");
        }
        let w = &self.wallets[r.wallet];
        if approve {
            // A capture moves money out: an active wallet only; then the limits as of now.
            if w.status != Status::Active {
                return Err("wallet_not_active");
            }
            self.policy_of(w.scope)
                .withdraw(r.amount, self.withdrawn(r.wallet), w.exponent)?;
        } else if w.status == Status::Closed {
            return Err("wallet_not_active");
        }
        Ok(Expect::Decided {
            request: index,
            approve,
            posted: decision_entry(r, approve),
        })
    }

    /// Records a new request: its hold's entry and freeze, and when it was approved at once,
    /// the capture.
    pub fn commit_ask(&mut self, freeze: &Posted, auto: bool, actor: usize, ids: AskIds<'_>) {
        self.commit_posted(freeze, ids.freeze_entry, Some(ids.freeze));
        let f = self.freezes.len() - 1;
        let amount = freeze.amount;
        self.requests.push(ModelRequest {
            id: ids.request.to_owned(),
            wallet: freeze.wallet,
            freeze: f,
            amount,
            actor,
            state: ReviewState::Pending,
        });
        if auto {
            let index = self.requests.len() - 1;
            let capture = decision_entry(&self.requests[index], true);
            self.commit_posted(&capture, ids.capture_entry.expect("an approval's entry"), None);
            self.requests[index].state = ReviewState::Approved;
        }
    }

    /// Records a decision and its entry.
    pub fn commit_decision(&mut self, request: usize, approve: bool, posted: &Posted, entry_id: &str) {
        self.commit_posted(posted, entry_id, None);
        self.requests[request].state = if approve {
            ReviewState::Approved
        } else {
            ReviewState::Rejected
        };
    }
}

/// The ids the ledger gave a new request's parts.
pub struct AskIds<'a> {
    pub request: &'a str,
    pub freeze_entry: &'a str,
    pub freeze: &'a str,
    pub capture_entry: Option<&'a str>,
}
