//! Withdrawal review (maker-checker): a user's request (`POST /wallets/{user_id}/withdraw/request`,
//! its amount held at once), the lists (a user's, the application's), one request, and the
//! decision of an admin token other than the requester's (`…/approve`, `…/reject`).

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, Path, Query, Request};
use axum::response::Response;

use crate::error::{Error, Result};
use crate::http::auth::Bearer;
use crate::http::body::{fingerprint, idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use crate::http::middleware::Deadline;
use crate::http::schema::{ApproveWithdrawalRequest, RejectWithdrawalRequest, WithdrawalRequestBody};
use crate::http::state::State;
use crate::ledger::batch::Raw;
use crate::ledger::ids::{self, WithdrawalRequestId};
use crate::ledger::operations::{freeze, Fields};
use crate::ledger::request::PageRequest;
use crate::ledger::review::ReviewStatus;
use crate::ops::{self, IdempotencyKey, Verdict, Work, WriteRequest};
use crate::output::views::{Envelope, ListEnvelope, WithdrawalRequestView};

use super::{reachable, route_key, scope_request, submit, QueryParams};

/// A body of exactly `known` fields: an unknown one is refused, never ignored.
fn body_fields(record: Vec<(String, Raw)>, known: &[&str], what: &str) -> Result<Fields> {
    if let Some((name, _)) = record.iter().find(|(name, _)| !known.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: {what} takes {}", known.join(", ")),
        ));
    }
    Fields::new(record, known)
}

#[utoipa::path(
    post,
    path = "/wallets/{user_id}/withdraw/request",
    tag = "Wallet Service",
    summary = "Request Withdrawal: hold the amount until another actor approves or rejects it",
    description = "As `ledgerctl withdrawal request` does: the amount is held at once (a freeze linked to the request, so it cannot be spent meanwhile), after the checks a withdrawal has (wallet active, funds, the policy's minimum and daily and monthly limits). Answered 201 with the request `pending`; when the policy does not require review, or the amount is within its `auto_approve_limit`, the request is approved at once (201, `approved`, `decided_by` policy:auto_approve) and the money has left. A `reference_id` repeat with the same fields answers 200 with the request as it is now (`replayed`). Needs a write token reaching the user.",
    params(("user_id" = String, Path, description = "User ID", example = "alice"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the path's user: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = WithdrawalRequestBody, content_type = "application/json"),
    responses(
        (status = 201, description = "Created: durable on disk, pending (or approved at once)", body = Envelope<WithdrawalRequestView>),
        (status = 200, description = "A reference_id repeat: the request as it is now, nothing written", body = Envelope<WithdrawalRequestView>),
    ),
    security(("bearerAuth" = []))
)]
pub async fn request(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    caller.writer()?;
    let user_id = reachable(&caller, user_id)?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let mut fields = body_fields(
        body.fields,
        &["amount", "remark", "reference_id"],
        "a withdrawal request",
    )?;
    let ask = freeze::Request::new(
        &fields.required("amount")?,
        fields.take("remark")?,
        fields.take("reference_id")?,
    )?;
    fields.finish("a withdrawal request")?;
    let write = WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        key: key.map(|key| IdempotencyKey {
            key,
            owner: format!("user:{user_id}"),
            fingerprint: fingerprint("POST", &path, &body.bytes),
            token_id: caller.0.id.clone(),
        }),
        user_id: Some(user_id),
        work: Work::RequestWithdrawal(ask),
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, write, deadline).await
}

/// `?status=`: one of the three, checked.
fn status_of(params: &QueryParams) -> Result<Option<ReviewStatus>> {
    params.one("status").map(str::parse).transpose()
}

#[utoipa::path(
    get,
    path = "/wallets/{user_id}/withdrawals",
    tag = "Wallet Service",
    summary = "Withdrawal Request List: a user's requests, newest first",
    description = "As `ledgerctl withdrawal list --user` lists them. Any token reaching the user.",
    params(
        ("user_id" = String, Path, description = "User ID", example = "alice"),
        ("status" = Option<String>, Query, description = "Only this status: pending, approved or rejected"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<WithdrawalRequestView>)),
    security(("bearerAuth" = []))
)]
pub async fn of_user(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user_id = reachable(&caller, user_id)?;
    let params = QueryParams::new(query, &["status", "page", "page_size"])?;
    list(&state, &caller, Some(user_id), status_of(&params)?, params.page()?).await
}

#[utoipa::path(
    get,
    path = "/admin/wallets/withdrawals",
    tag = "Wallet Service",
    summary = "Withdrawal Application List: the application's requests, newest first",
    description = "As `ledgerctl withdrawal list` lists them: every request of the token's tenant and application, narrowed by `status` and `user_id`. The reviewers' queue is `?status=pending`. Needs an admin token.",
    params(
        ("status" = Option<String>, Query, description = "Only this status: pending, approved or rejected"),
        ("user_id" = Option<String>, Query, description = "Only this user's requests", example = "alice"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<WithdrawalRequestView>)),
    security(("bearerAuth" = []))
)]
pub async fn of_application(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let params = QueryParams::new(query, &["status", "user_id", "page", "page_size"])?;
    let user_id = params
        .one("user_id")
        .map(|u| ids::check_name("user_id", u).map(str::to_owned))
        .transpose()?;
    list(&state, &caller, user_id, status_of(&params)?, params.page()?).await
}

async fn list(
    state: &State,
    caller: &Bearer,
    user_id: Option<String>,
    status: Option<ReviewStatus>,
    page: PageRequest,
) -> Result<Response, ApiError> {
    let scope = caller.0.scope.clone();
    let requests = state
        .reads
        .run(move |store| ops::list_withdrawals(store, &scope, user_id.as_deref(), status, page))
        .await?;
    let list = ListEnvelope::new(&requests, |r| WithdrawalRequestView::from(r), ops::now());
    Ok(reply_response(json_reply(200, &list)))
}

/// The path's request id, checked as a looked-up id is.
fn path_request(path: std::result::Result<Path<String>, PathRejection>) -> Result<WithdrawalRequestId> {
    let Path(id) = path.map_err(|e| Error::invalid("id", e.body_text()))?;
    Ok(WithdrawalRequestId::new(ids::check_lookup("id", &id)?))
}

#[utoipa::path(
    get,
    path = "/admin/wallets/withdrawals/{id}",
    tag = "Wallet Service",
    summary = "One withdrawal request of the application",
    description = "As `ledgerctl withdrawal show` prints it; another tenant's or application's is 404 withdrawal_request_not_found. Needs an admin token.",
    params(("id" = String, Path, description = "Withdrawal Application ID", example = "wdr_01ARZ3NDEKTSV4RRFFQ69G5FAV")),
    responses((status = 200, description = "OK", body = Envelope<WithdrawalRequestView>)),
    security(("bearerAuth" = []))
)]
pub async fn show(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let id = path_request(id)?;
    let scope = caller.0.scope.clone();
    let request = state
        .reads
        .run(move |store| ops::show_withdrawal(store, &scope, &id))
        .await?;
    let view = WithdrawalRequestView::from(&request);
    Ok(reply_response(json_reply(200, &Envelope::ok(view, ops::now()))))
}

#[utoipa::path(
    post,
    path = "/admin/wallets/withdrawals/{id}/approve",
    tag = "Wallet Service",
    summary = "Approve Withdrawal: the held amount leaves (one capture entry, frozen to settlement)",
    description = "As `ledgerctl withdrawal approve` does, once: the request must be pending (409 withdrawal_not_pending otherwise, also for the loser of two approvers racing) and made by another actor than this token (403 same_actor: maker-checker). The policy's minimum and daily and monthly limits are checked again, as of now (422). `approved_by` is recorded as given, beside the token that decided. Needs an admin token.",
    params(("id" = String, Path, description = "Withdrawal Application ID", example = "wdr_01ARZ3NDEKTSV4RRFFQ69G5FAV"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this request: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = ApproveWithdrawalRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk, approved and withdrawn", body = Envelope<WithdrawalRequestView>)),
    security(("bearerAuth" = []))
)]
pub async fn approve(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    decide(state, caller, id, request, true).await
}

#[utoipa::path(
    post,
    path = "/admin/wallets/withdrawals/{id}/reject",
    tag = "Wallet Service",
    summary = "Reject Withdrawal: the hold is released to the available balance",
    description = "As `ledgerctl withdrawal reject` does, once: the request must be pending (409 withdrawal_not_pending otherwise) and made by another actor than this token (403 same_actor). Needs an admin token.",
    params(("id" = String, Path, description = "Withdrawal Application ID", example = "wdr_01ARZ3NDEKTSV4RRFFQ69G5FAV"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this request: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = RejectWithdrawalRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk, rejected and released", body = Envelope<WithdrawalRequestView>)),
    security(("bearerAuth" = []))
)]
pub async fn reject(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    decide(state, caller, id, request, false).await
}

async fn decide(
    state: State,
    caller: Bearer,
    id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
    approve: bool,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let id = path_request(id)?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let verdict = if approve {
        let mut fields = body_fields(body.fields, &["approved_by", "remark"], "an approval")?;
        let verdict = Verdict::new(true, fields.take("approved_by")?, fields.take("remark")?)?;
        fields.finish("an approval")?;
        verdict
    } else {
        let mut fields = body_fields(body.fields, &["remark"], "a rejection")?;
        let verdict = Verdict::new(false, None, fields.take("remark")?)?;
        fields.finish("a rejection")?;
        verdict
    };
    // The key belongs to the request decided: either decision of it shares the key's space.
    let owner = format!("withdrawal:{id}");
    let key = key.map(|key| route_key(&caller, key, &owner, ("POST", &path, &body.bytes)));
    let write = scope_request(&caller, key, &deadline, Work::DecideWithdrawal { id, verdict });
    submit(&state, write, deadline).await
}
