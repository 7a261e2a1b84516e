//! Tokens, never with their secret except once, at creation.

use serde::Serialize;

use crate::ledger::time::Timestamp;
use crate::ledger::token::Token;

/// A stored token: never its secret, which only `token create` prints, once.
#[derive(Debug, Default, Clone, Serialize)]
pub struct TokenView {
    pub id: String,
    /// `bearer` (Authorization header, public listener) or `internal` (X-API-Key, internal listener).
    pub kind: &'static str,
    pub tenant_id: String,
    pub application_id: String,
    pub user_id: Option<String>,
    /// `read` (GET routes) or `write` (every route).
    pub scope: &'static str,
    /// `active`, `expired` or `revoked`.
    pub status: &'static str,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub created_by: String,
    /// The label given with `token create --name`; `null` without one.
    pub name: Option<String>,
}

impl TokenView {
    pub fn new(t: &Token, now: Timestamp) -> TokenView {
        TokenView {
            id: t.id.to_string(),
            kind: t.kind.as_str(),
            tenant_id: t.scope.tenant_id.clone(),
            application_id: t.scope.application_id.clone(),
            user_id: t.user_id.clone(),
            scope: t.access.as_str(),
            status: t.state(now).as_str(),
            created_at: t.created_at.to_string(),
            expires_at: t.expires_at.map(|t| t.to_string()),
            revoked_at: t.revoked_at.map(|t| t.to_string()),
            created_by: t.actor.clone(),
            name: t.name.clone(),
        }
    }
}

/// `token create`'s result: the token and its secret, shown this once. No `Debug`: the secret
/// must not reach a log line by accident.
#[derive(Serialize)]
pub struct CreatedTokenView {
    pub token: TokenView,
    pub secret: String,
}
