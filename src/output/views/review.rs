//! Withdrawal requests: upstream's `dto.WithdrawalRequestResponse` (`id`, `user_id`, `amount`,
//! `status`), plus what a reviewer needs: who asked and when, the hold, and the decision.

use serde::Serialize;

use crate::ledger::review::WithdrawalRequest;

/// `dto.WithdrawalRequestResponse`, plus the wallet, the hold, who asked and who decided.
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct WithdrawalRequestView {
    #[schema(example = "wdr_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    pub id: String,
    #[schema(example = "usr_example_001")]
    pub user_id: String,
    pub wallet_id: String,
    #[schema(example = "100.50")]
    pub amount: String,
    #[schema(example = "CNY")]
    pub currency: String,
    /// `pending` (the amount held), `approved` (withdrawn) or `rejected` (released).
    #[schema(example = "pending")]
    pub status: String,
    #[schema(nullable, value_type = Option<String>)]
    pub remark: Option<String>,
    #[schema(nullable, value_type = Option<String>)]
    pub reference_id: Option<String>,
    /// The freeze that holds the amount while the request waits.
    pub freeze_id: String,
    /// Who asked: `token:tok_…`, or `cli:` and the CLI's actor.
    pub requested_by: String,
    pub requested_at: String,
    /// The name the approval gave as `approved_by`; null otherwise.
    #[schema(nullable, value_type = Option<String>)]
    pub approved_by: Option<String>,
    /// Who decided (never the requester): a token, a CLI actor, or `policy:auto_approve` when
    /// the policy needed no review of it; null while pending.
    #[schema(nullable, value_type = Option<String>)]
    pub decided_by: Option<String>,
    #[schema(nullable, value_type = Option<String>)]
    pub decided_at: Option<String>,
    /// The approval's or rejection's remark.
    #[schema(nullable, value_type = Option<String>)]
    pub decision_remark: Option<String>,
    /// The entry that carried the decision out: the capture of the hold (approved) or its
    /// release (rejected); null while pending.
    #[schema(nullable, value_type = Option<String>)]
    pub transaction_id: Option<String>,
}

impl From<&WithdrawalRequest> for WithdrawalRequestView {
    fn from(r: &WithdrawalRequest) -> WithdrawalRequestView {
        let decision = r.decision.as_ref();
        WithdrawalRequestView {
            id: r.id.to_string(),
            user_id: r.user_id.clone(),
            wallet_id: r.wallet_id.to_string(),
            amount: r.currency.format(r.amount.minor()),
            currency: r.currency.code().to_owned(),
            status: r.status.as_str().to_owned(),
            remark: r.remark.clone(),
            reference_id: r.reference_id.clone(),
            freeze_id: r.freeze_id.to_string(),
            requested_by: r.requested_by.clone(),
            requested_at: r.requested_at.to_string(),
            approved_by: decision.and_then(|d| d.approved_by.clone()),
            decided_by: decision.map(|d| d.decided_by.clone()),
            decided_at: decision.map(|d| d.decided_at.to_string()),
            decision_remark: decision.and_then(|d| d.remark.clone()),
            transaction_id: decision.map(|d| d.transaction_id.to_string()),
        }
    }
}
