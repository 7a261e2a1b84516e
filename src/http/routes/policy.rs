//! `GET|PUT|DELETE /admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy`: an admin token's
//! own tenant's and application's policy. A path naming another tenant or application is not
//! found (`policy_not_found`), as another tenant's wallet is on the other `/admin/…` routes.

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, Request};
use axum::response::Response;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::http::auth::Bearer;
use crate::http::body::{idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use crate::http::error::HttpError;
use crate::http::middleware::Deadline;
use crate::http::schema::PolicyRequest;
use crate::http::state::State;
use crate::ledger::batch::Raw;
use crate::ledger::ids;
use crate::ops::{self, Work};
use crate::output::views::{Envelope, PolicyView};

use super::{route_key, scope_request, submit};

/// The path's tenant and application, checked as ids, and required to be the token's.
fn path_scope(
    caller: &Bearer,
    path: std::result::Result<Path<(String, String)>, PathRejection>,
) -> Result<(), ApiError> {
    let Path((tenant_id, app_id)) = path.map_err(|e| Error::invalid("path", e.body_text()))?;
    ids::check_name("tenant_id", &tenant_id)?;
    ids::check_name("app_id", &app_id)?;
    let scope = &caller.0.scope;
    if scope.tenant_id != tenant_id || scope.application_id != app_id {
        return Err(HttpError::PolicyNotFound {
            tenant_id,
            application_id: app_id,
        }
        .into());
    }
    Ok(())
}

#[utoipa::path(
    get,
    path = "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy",
    tag = "Wallet Service",
    summary = "Query Wallet Policy: the limits, currencies, transfer switch and timezone of a tenant's application",
    description = "The policy `ledgerctl policy show` prints; the default (no limits, every currency, transfers enabled, UTC) when none is set. Needs an admin token of this tenant and application; another's is 404 policy_not_found.",
    params(("tenant_id" = String, Path, description = "Tenant ID", example = "acme"),
           ("app_id" = String, Path, description = "Application ID", example = "shop")),
    responses((status = 200, description = "OK", body = Envelope<PolicyView>)),
    security(("bearerAuth" = []))
)]
pub async fn show(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    path: std::result::Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    path_scope(&caller, path)?;
    let scope = caller.0.scope.clone();
    let policy = state.reads.run(move |store| ops::show_policy(store, &scope)).await?;
    let view = PolicyView::new(&policy.scope.tenant_id, &policy.scope.application_id, &policy.policy);
    Ok(reply_response(json_reply(200, &Envelope::ok(view, ops::now()))))
}

#[utoipa::path(
    put,
    path = "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy",
    tag = "Wallet Service",
    summary = "Update Wallet Policy: change the fields given, keep the others",
    description = "A partial change, as `ledgerctl policy set` makes it: the fields the body gives are changed, the others kept (a limit is removed with \"0\", the whole policy with DELETE). Amounts are decimal strings with at most 3 decimals, compared in each wallet's currency; 0 is no limit. With `withdrawal_require_review` true, withdrawals go through withdrawal requests (the direct withdrawal is 409 review_required) except up to `auto_approve_limit`; an unknown field, an unknown timezone or a body naming no field is 400. Every change is recorded, chained, in the policy history; a change that changes nothing is 200 `unchanged` and records nothing. Needs an admin token of this tenant and application.",
    params(("tenant_id" = String, Path, description = "Tenant ID", example = "acme"),
           ("app_id" = String, Path, description = "Application ID", example = "shop"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to the policy: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = PolicyRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk, the policy now", body = Envelope<PolicyView>)),
    security(("bearerAuth" = []))
)]
pub async fn set(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    path: std::result::Result<Path<(String, String)>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    path_scope(&caller, path)?;
    let key = idempotency_key(request.headers())?;
    let uri = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let fields = policy_body(body.fields);
    let key = key.map(|key| route_key(&caller, key, "policy", ("PUT", &uri, &body.bytes)));
    let request = scope_request(&caller, key, &deadline, Work::SetPolicy { fields });
    submit(&state, request, deadline).await
}

#[utoipa::path(
    delete,
    path = "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy",
    tag = "Wallet Service",
    summary = "Delete Wallet Policy: the default holds again",
    description = "Removes the policy, as `ledgerctl policy clear` does, recording the change in the policy history, and answers the default now in force. With no policy set it is 200 `unchanged` and records nothing. Needs an admin token of this tenant and application.",
    params(("tenant_id" = String, Path, description = "Tenant ID", example = "acme"),
           ("app_id" = String, Path, description = "Application ID", example = "shop"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to the policy: a repeat returns the first response byte for byte")),
    responses((status = 200, description = "OK: durable on disk, the default policy now in force", body = Envelope<PolicyView>)),
    security(("bearerAuth" = []))
)]
pub async fn clear(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    path: std::result::Result<Path<(String, String)>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    path_scope(&caller, path)?;
    let key = idempotency_key(request.headers())?;
    let uri = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let key = key.map(|key| route_key(&caller, key, "policy", ("DELETE", &uri, b"")));
    let request = scope_request(&caller, key, &deadline, Work::ClearPolicy);
    submit(&state, request, deadline).await
}

/// The body as the JSON object `ops::set_policy` reads (the CLI's flags build the same one):
/// texts and booleans as they are; any other JSON type as `null`, which the policy's reader
/// refuses naming the field (an amount as a JSON number is `invalid_amount`).
fn policy_body(record: Vec<(String, Raw)>) -> Map<String, Value> {
    record
        .into_iter()
        .map(|(name, raw)| {
            let value = match raw {
                Raw::Text(text) => Value::String(text),
                Raw::Bool(flag) => Value::Bool(flag),
                Raw::NotText(_) => Value::Null,
            };
            (name, value)
        })
        .collect()
}
