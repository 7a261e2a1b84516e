//! Policies: upstream's `dto.WalletPolicyResponse`, and a policy change as `policy history`
//! lists it.

use serde::Serialize;

use crate::ledger::policy::history::PolicyChange;
use crate::ledger::policy::{Policy, FIELDS};

/// A tenant's and application's policy, every field (the default's when none is set).
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct PolicyView {
    pub tenant_id: String,
    pub application_id: String,
    /// Every amount is a decimal string with at most 3 decimals, compared in each wallet's
    /// currency; "0.00" is no limit.
    pub min_withdraw_amount: String,
    pub daily_withdraw_limit: String,
    pub monthly_withdraw_limit: String,
    pub max_balance: String,
    /// Comma-separated currency codes new wallets may have; "" for every supported currency.
    pub supported_currencies: String,
    pub transfer_enabled: bool,
    /// Withdrawals wait for a second actor's approval (`POST /wallets/{user_id}/withdraw/request`);
    /// the direct withdrawal is then 409 review_required, except up to `auto_approve_limit`.
    pub withdrawal_require_review: bool,
    /// With review required, a withdrawal of at most this much needs none (its request is
    /// approved at once); "0.00": every withdrawal is reviewed.
    pub auto_approve_limit: String,
    /// The IANA timezone days and months of the withdrawal limits are counted in.
    pub timezone: String,
}

impl PolicyView {
    pub fn new(tenant_id: &str, application_id: &str, policy: &Policy) -> PolicyView {
        let codes: Vec<&str> = policy.supported_currencies.iter().map(|c| c.code()).collect();
        PolicyView {
            tenant_id: tenant_id.to_owned(),
            application_id: application_id.to_owned(),
            min_withdraw_amount: policy.min_withdraw_amount.to_string(),
            daily_withdraw_limit: policy.daily_withdraw_limit.to_string(),
            monthly_withdraw_limit: policy.monthly_withdraw_limit.to_string(),
            max_balance: policy.max_balance.to_string(),
            supported_currencies: codes.join(","),
            transfer_enabled: policy.transfer_enabled,
            withdrawal_require_review: policy.withdrawal_require_review,
            auto_approve_limit: policy.auto_approve_limit.to_string(),
            timezone: policy.timezone.name().to_owned(),
        }
    }
}

/// One recorded change: who, when, the policy before and after (canonical JSON text, `null`
/// for none), and the fields that differ.
#[derive(Debug, Default, Clone, Serialize)]
pub struct PolicyChangeView {
    pub seq: i64,
    pub tenant_id: String,
    pub application_id: String,
    /// `set` or `clear`.
    pub action: &'static str,
    /// The fields whose values differ, comma-separated.
    pub changed: String,
    pub old_policy: Option<String>,
    pub new_policy: Option<String>,
    pub changed_by: String,
    pub created_at: String,
    pub hash: String,
}

impl PolicyChangeView {
    pub fn new(change: &PolicyChange) -> PolicyChangeView {
        let fields = |text: &Option<String>| -> serde_json::Map<String, serde_json::Value> {
            let default = Policy::default().to_json();
            let value = text
                .as_deref()
                .and_then(|t| serde_json::from_str(t).ok())
                .unwrap_or(default);
            value.as_object().cloned().unwrap_or_default()
        };
        let (old, new) = (fields(&change.old), fields(&change.new));
        let changed: Vec<&str> = FIELDS.iter().copied().filter(|f| old.get(*f) != new.get(*f)).collect();
        PolicyChangeView {
            seq: change.seq,
            tenant_id: change.scope.tenant_id.clone(),
            application_id: change.scope.application_id.clone(),
            action: if change.new.is_some() { "set" } else { "clear" },
            changed: changed.join(","),
            old_policy: change.old.clone(),
            new_policy: change.new.clone(),
            changed_by: change.actor.clone(),
            created_at: change.created_at.to_string(),
            hash: change.hash.clone(),
        }
    }
}
