//! Withdrawal review (maker-checker): a withdrawal asked for is held at once, by a freeze
//! linked to its request, and leaves the ledger only when a second actor approves it (the
//! freeze captured whole to the settlement account); a rejection releases the hold. A
//! request is decided once, and never by the actor who made it.

use std::fmt;
use std::str::FromStr;

use super::ids::{FreezeId, TransactionId, WalletId, WithdrawalRequestId};
use super::model::Scope;
use super::money::{Amount, Currency};
use super::time::Timestamp;
use crate::error::{Error, Result};

/// Who decides a request the policy lets through without a person's review: the request's
/// `decided_by` then, which no actor of a person or a token can be.
pub const AUTO_APPROVER: &str = "policy:auto_approve";

/// Where a request stands: `pending` until it is decided, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    Pending,
    Approved,
    Rejected,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Approved => "approved",
            ReviewStatus::Rejected => "rejected",
        }
    }
}

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReviewStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<ReviewStatus> {
        match s {
            "pending" => Ok(ReviewStatus::Pending),
            "approved" => Ok(ReviewStatus::Approved),
            "rejected" => Ok(ReviewStatus::Rejected),
            other => Err(Error::invalid(
                "status",
                format!("{other:?} is not one of pending, approved, rejected"),
            )),
        }
    }
}

/// A withdrawal request, as stored: what was asked, by whom, the freeze holding its amount,
/// and its decision once there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithdrawalRequest {
    pub id: WithdrawalRequestId,
    pub scope: Scope,
    pub wallet_id: WalletId,
    pub user_id: String,
    pub currency: Currency,
    pub amount: Amount,
    pub remark: Option<String>,
    pub reference_id: Option<String>,
    /// The freeze that holds the amount while the request waits: one request per freeze.
    pub freeze_id: FreezeId,
    /// The actor who asked (`token:tok_…`, `cli:alice`).
    pub requested_by: String,
    pub requested_at: Timestamp,
    pub status: ReviewStatus,
    /// `None` exactly while the request is pending.
    pub decision: Option<Decision>,
}

/// How a request was decided, by whom and when, and the entry that carried it out: the
/// capture of its freeze (approved) or the freeze's release (rejected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The actor who decided (`token:tok_…`, `cli:bob`, or [`AUTO_APPROVER`]): never the
    /// requester.
    pub decided_by: String,
    /// The approver's name as the approval gave it (`approved_by`); `None` for a rejection.
    pub approved_by: Option<String>,
    pub remark: Option<String>,
    pub decided_at: Timestamp,
    pub transaction_id: TransactionId,
}

/// Which requests a list shows: of one wallet (a user's own list) and of one status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewFilter {
    pub wallet_id: Option<WalletId>,
    pub status: Option<ReviewStatus>,
}
