//! The `/admin/…` routes: an admin token's view of every wallet of its tenant and application.
//! A wallet is named by its id here (`wlt_…`); one of another tenant or application is not
//! found, never forbidden, so the answer does not say that it exists.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, Path, Query, Request};
use axum::response::Response;

use crate::error::{Error, Result};
use crate::http::auth::Bearer;
use crate::http::body::{fingerprint, idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use crate::http::middleware::Deadline;
use crate::http::schema::{AdjustRequest, BatchFreezeRequest, BatchUnfreezeRequest, UpdateWalletRequest};
use crate::http::state::State;
use crate::ledger::batch::{self, Raw};
use crate::ledger::ids::{self, WalletId};
use crate::ledger::limits::{BATCH_FREEZE_USERS_MAX, BATCH_UNFREEZE_FREEZES_MAX};
use crate::ledger::model::WalletStatus;
use crate::ledger::operations::fields::Fields;
use crate::ledger::operations::Operation;
use crate::ledger::reconcile::Day;
use crate::ops::{self, IdempotencyKey, Work, WriteRequest};
use crate::output::views::{
    BatchFreezeView, BatchUnfreezeView, Envelope, ReconciliationView, StatusResult, TransactionResult,
    WalletIntegrityView,
};

use super::{path_user, route_key, scope_request, submit, QueryParams};

/// The `wallet_id` of the path, checked as any id a user supplies.
fn path_wallet(path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let Path(wallet_id) = path.map_err(|e| Error::invalid("wallet_id", e.body_text()))?;
    ids::check_name("wallet_id", &wallet_id)?;
    Ok(wallet_id)
}

#[utoipa::path(
    get,
    path = "/admin/wallets/{wallet_id}/integrity",
    tag = "Wallet Service",
    summary = "Verify one wallet's integrity: its hash chain, entries, balance history, refunds, balances and freezes",
    description = "The checks `ledger verify` makes, on this wallet alone. A broken wallet is a 200 with `valid: false` and `broken_at`, the `wallet_seq` of its first broken entry. Needs an admin token.",
    params(("wallet_id" = String, Path, description = "Wallet ID", example = "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV")),
    responses((status = 200, description = "Integrity Verification Result", body = Envelope<WalletIntegrityView>)),
    security(("bearerAuth" = []))
)]
pub async fn integrity(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    wallet_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let wallet_id = path_wallet(wallet_id)?;
    let scope = caller.0.scope.clone();
    let id = wallet_id.clone();
    let integrity = state
        .reads
        .run(move |store| ops::verify_wallet_by_id(store, &scope, &id))
        .await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(WalletIntegrityView::new(&wallet_id, &integrity), ops::now()),
    )))
}

#[utoipa::path(
    get,
    path = "/admin/wallets/reconciliation",
    tag = "Wallet Service",
    summary = "Reconciliation: each wallet's day, opening and closing balance, movements by kind, checked",
    description = "Every wallet of the token's tenant and application opened by the day's end, in user order, as `ledgerctl ledger reconcile --date` reports it. The day runs from midnight to midnight in the policy's timezone (UTC without a policy). Balances are totals (available + frozen) from the journal's postings, never the cached balances. A wallet whose day does not reconcile (an entry that does not start where the one before it ended, recorded balances that disagree with the postings, or closing != opening + movements) is still a 200: `ok` is false, `failed_count` counts them and each such record states its `mismatch`. Needs an admin token.",
    params(("date" = String, Query, description = "The day, YYYY-MM-DD (in the policy's timezone; UTC without a policy)", example = "2026-04-14")),
    responses((status = 200, description = "OK: the report, `ok` false when any wallet's day does not reconcile", body = Envelope<ReconciliationView>)),
    security(("bearerAuth" = []))
)]
pub async fn reconciliation(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let params = QueryParams::new(query, &["date"])?;
    let date = params
        .one("date")
        .ok_or_else(|| Error::invalid("date", "is required: the day to reconcile, YYYY-MM-DD"))?;
    let day = Day::parse("date", date)?;
    let scope = caller.0.scope.clone();
    let report = state
        .reads
        .run(move |store| ops::reconcile_day(store, &scope, day))
        .await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(ReconciliationView::from(&report), ops::now()),
    )))
}

#[utoipa::path(
    put,
    path = "/admin/wallets/{wallet_id}",
    tag = "Wallet Service",
    summary = "Freeze, reactivate or close a wallet, recording the token and the reason",
    description = "The status change `ledgerctl wallet status` makes: `frozen` takes credits only, `closed` nothing (only an empty wallet; for good). A wallet already in that status is answered 200 `unchanged` with a null `status_change`. Needs an admin token.",
    params(("wallet_id" = String, Path, description = "Wallet ID", example = "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the path's wallet: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = UpdateWalletRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk", body = Envelope<StatusResult>)),
    security(("bearerAuth" = []))
)]
pub async fn update_wallet(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    wallet_id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let wallet_id = path_wallet(wallet_id)?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let (to, reason) = status_body(body.fields)?;
    let request = WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        user_id: None,
        key: key.map(|key| IdempotencyKey {
            key,
            owner: format!("wallet:{wallet_id}"),
            fingerprint: fingerprint("PUT", &path, &body.bytes),
            token_id: caller.0.id.clone(),
        }),
        work: Work::Status {
            wallet_id: WalletId::new(&wallet_id),
            to,
            reason,
        },
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, request, deadline).await
}

/// `{status, reason}`: nothing else is taken, and nothing is ignored.
fn status_body(record: Vec<(String, Raw)>) -> Result<(WalletStatus, Option<String>)> {
    const FIELDS: &[&str] = &["status", "reason"];
    if let Some((name, _)) = record.iter().find(|(name, _)| !FIELDS.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: a status change takes status, reason"),
        ));
    }
    let mut fields = Fields::new(record, FIELDS)?;
    let to = fields.required("status")?.parse()?;
    let reason = fields.take("reason")?;
    fields.finish("a status change")?;
    Ok((to, reason))
}

#[utoipa::path(
    post,
    path = "/admin/wallets/{user_id}/adjust",
    tag = "Wallet Service",
    summary = "Manual adjustment: a finance operator's correction against equity, with a reason",
    description = "The entry `ledgerctl wallet adjust USER --credit|--debit AMOUNT --reason R` writes: a credit raises the wallet's available balance, a debit lowers it (409 insufficient_balance beyond it). The token is recorded as its actor. Needs an admin token.",
    params(("user_id" = String, Path, description = "User ID", example = "alice"),
           ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the path's user: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = AdjustRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk", body = Envelope<TransactionResult>)),
    security(("bearerAuth" = []))
)]
pub async fn adjust(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let user_id = path_user(user_id)?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let operation = adjust_body(&user_id, body.fields)?;
    let request = WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        key: key.map(|key| IdempotencyKey {
            key,
            owner: format!("user:{user_id}"),
            fingerprint: fingerprint("POST", &path, &body.bytes),
            token_id: caller.0.id.clone(),
        }),
        user_id: Some(user_id),
        work: operation.into(),
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, request, deadline).await
}

/// `{amount, reason, type, reference_id?}`: upstream's `type` is the adjust operation's
/// `direction`; the rest is read as a batch line's `adjust`, by its `SPEC`.
fn adjust_body(user_id: &str, record: Vec<(String, Raw)>) -> Result<Operation> {
    const FIELDS: &[&str] = &["amount", "reason", "type", "reference_id"];
    if let Some((name, _)) = record.iter().find(|(name, _)| !FIELDS.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: an adjustment takes {}", FIELDS.join(", ")),
        ));
    }
    let mut line: Vec<(String, Raw)> = Vec::with_capacity(record.len() + 2);
    for (name, value) in record {
        if name != "type" {
            line.push((name, value));
            continue;
        }
        match &value {
            Raw::Text(direction) if direction == "credit" || direction == "debit" => {}
            Raw::Text(other) => return Err(Error::invalid("type", format!("{other:?} is not credit or debit"))),
            Raw::Bool(_) | Raw::NotText(_) => return Err(Error::invalid("type", "must be the string credit or debit")),
        }
        line.push(("direction".to_owned(), value));
    }
    if !line.iter().any(|(name, _)| name == "direction") {
        return Err(Error::invalid("type", "is required: credit or debit"));
    }
    line.push(("op".to_owned(), Raw::Text("adjust".to_owned())));
    line.push(("user_id".to_owned(), Raw::Text(user_id.to_owned())));
    Ok(batch::parse(line)?.operation)
}

#[utoipa::path(
    post,
    path = "/admin/wallets/batch-freeze",
    tag = "Wallet Service",
    summary = "Freeze the same amount on each of many wallets, each on its own",
    description = "One freeze per user, as `POST /wallets/{user_id}/freeze` makes it, each in its own savepoint: a wallet that refuses (not found, not active, insufficient balance) is a `failed` result with its error and nothing written for it, and the others stand. Answered 200 with `frozen_count` and a result per user, in the order of `user_ids`. Needs an admin token.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this route: a repeat with the same body returns the first response byte for byte, freezing nothing again; another body is 409 idempotency_key_reused")),
    request_body(content = BatchFreezeRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk, each user's result", body = Envelope<BatchFreezeView>)),
    security(("bearerAuth" = []))
)]
pub async fn batch_freeze(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let user_ids = user_ids(&body.bytes)?;
    let freeze = batch_freeze_body(body.fields)?;
    let key = key.map(|key| route_key(&caller, key, "batch-freeze", ("POST", &path, &body.bytes)));
    let request = scope_request(&caller, key, &deadline, Work::BatchFreeze { user_ids, freeze });
    submit(&state, request, deadline).await
}

/// `user_ids`: 1 to `BATCH_FREEZE_USERS_MAX` user ids, each checked, none twice (a user named
/// twice would be frozen twice, which is never what a list of users means).
fn user_ids(body: &[u8]) -> Result<Vec<String>> {
    id_list(body, ("user_ids", "user ids"), BATCH_FREEZE_USERS_MAX, ids::check_name)
}

/// The list of ids in the body's `field` (named `noun` in messages): 1 to `max` of them, each
/// passing `check`, none twice.
fn id_list(
    body: &[u8],
    (field, noun): (&str, &str),
    max: usize,
    check: for<'a> fn(&str, &'a str) -> Result<&'a str>,
) -> Result<Vec<String>> {
    let invalid = |reason: &str| Error::invalid(field, reason);
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| Error::invalid("body", format!("is not a valid JSON object: {e}")))?;
    let items = match value.get(field) {
        None | Some(serde_json::Value::Null) => return Err(invalid("is required")),
        Some(serde_json::Value::Array(items)) => items,
        Some(_) => return Err(invalid(&format!("must be a list of {noun}"))),
    };
    if items.is_empty() || items.len() > max {
        return Err(invalid(&format!("must list 1 to {max} {noun}")));
    }
    let mut listed: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let id = item.as_str().ok_or_else(|| invalid("must be a list of strings"))?;
        check(field, id)?;
        if listed.iter().any(|seen| seen == id) {
            return Err(invalid(&format!("names {id:?} twice")));
        }
        listed.push(id.to_owned());
    }
    Ok(listed)
}

/// `amount` and `reason?`, read as a freeze's; `user_ids` was read apart.
fn batch_freeze_body(record: Vec<(String, Raw)>) -> Result<Operation> {
    const FIELDS: &[&str] = &["user_ids", "amount", "reason"];
    if let Some((name, _)) = record.iter().find(|(name, _)| !FIELDS.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: a batch freeze takes {}", FIELDS.join(", ")),
        ));
    }
    let record = record.into_iter().filter(|(name, _)| name != "user_ids").collect();
    let mut fields = Fields::new(record, FIELDS)?;
    let freeze = Operation::freeze(&fields.required("amount")?, fields.take("reason")?, None)?;
    fields.finish("a batch freeze")?;
    Ok(freeze)
}

#[utoipa::path(
    post,
    path = "/admin/wallets/batch-unfreeze",
    tag = "Wallet Service",
    summary = "Release many freezes, each on its own",
    description = "One unfreeze per freeze id, as `POST /wallets/{user_id}/unfreeze` makes it on the wallet holding the freeze, each in its own savepoint: a freeze that cannot be released (not found in the token's tenant and application, already released) is a `failed` result with its error and nothing written for it, and the others stand. Answered 200 with `total`, `succeeded`, `failed`, `errors` and a result per freeze, in the order of `freeze_ids`. Needs an admin token.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this route: a repeat with the same body returns the first response byte for byte, releasing nothing again; another body is 409 idempotency_key_reused")),
    request_body(content = BatchUnfreezeRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk, each freeze's result", body = Envelope<BatchUnfreezeView>)),
    security(("bearerAuth" = []))
)]
pub async fn batch_unfreeze(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let freeze_ids = freeze_ids(&body.bytes)?;
    let reason = batch_unfreeze_reason(body.fields, &freeze_ids)?;
    let key = key.map(|key| route_key(&caller, key, "batch-unfreeze", ("POST", &path, &body.bytes)));
    let request = scope_request(&caller, key, &deadline, Work::BatchUnfreeze { freeze_ids, reason });
    submit(&state, request, deadline).await
}

/// `freeze_ids`: 1 to `BATCH_UNFREEZE_FREEZES_MAX` freeze ids, each checked, none twice (the
/// second release of one freeze would always fail, so naming it twice is a mistake).
fn freeze_ids(body: &[u8]) -> Result<Vec<String>> {
    id_list(
        body,
        ("freeze_ids", "freeze ids"),
        BATCH_UNFREEZE_FREEZES_MAX,
        ids::check_lookup,
    )
}

/// `reason?`, checked here as an unfreeze's (so a bad one refuses the whole request, not each
/// freeze); `freeze_ids` was read apart.
fn batch_unfreeze_reason(record: Vec<(String, Raw)>, freeze_ids: &[String]) -> Result<Option<String>> {
    const FIELDS: &[&str] = &["freeze_ids", "reason"];
    if let Some((name, _)) = record.iter().find(|(name, _)| !FIELDS.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: a batch unfreeze takes {}", FIELDS.join(", ")),
        ));
    }
    let record = record.into_iter().filter(|(name, _)| name != "freeze_ids").collect();
    let mut fields = Fields::new(record, FIELDS)?;
    let reason = fields.take("reason")?;
    fields.finish("a batch unfreeze")?;
    for freeze_id in freeze_ids {
        Operation::unfreeze(freeze_id, reason.clone(), None)?;
    }
    Ok(reason)
}
