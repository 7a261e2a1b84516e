//! The routes: each decodes its request into what the CLI would build, calls the same `ops`
//! function, and answers with the same envelope.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request};
use axum::http::{header, HeaderValue, Method, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, Result};
use crate::ledger::batch::{self, Raw};
use crate::ledger::ids;
use crate::ledger::limits::{BODY_BYTES_MAX, BODY_READ_TIMEOUT_MS};
use crate::ledger::model::FreezeStatus;
use crate::ledger::request::PageRequest;
use crate::ops::{self, IdempotencyKey, Outcome, Reply, WriteRequest};
use crate::output::views::{
    outcome_message, Envelope, FreezeResult, FreezeView, ListEnvelope, OutcomeView, TransactionResult, TransactionView,
    WalletView,
};

use super::auth::{Bearer, Caller, InternalKey};
use super::body::{error_reply, fingerprint, idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use super::log::Log;
use super::openapi::{DepositRequest, FreezeRequest, PaymentRequest, RefundRequest, UnfreezeRequest, WithdrawRequest};
use super::reads::Reads;
use super::writer::{Fate, Job};
use super::Config;

/// What every handler shares.
#[derive(Clone)]
pub struct State {
    pub reads: Reads,
    writes: mpsc::Sender<Job>,
    log: Log,
    access_log: bool,
    request_timeout_ms: u64,
    /// The OpenAPI document, rendered once the listeners' addresses are known.
    openapi: Arc<[u8]>,
}

impl State {
    pub fn new(config: &Config, writes: mpsc::Sender<Job>, log: Log, openapi: Vec<u8>) -> State {
        State {
            reads: Reads::new(config.db.clone(), config.lock_timeout_ms),
            writes,
            log,
            access_log: config.access_log,
            request_timeout_ms: config.request_timeout_ms,
            openapi: openapi.into(),
        }
    }
}

/// When a request must have been started: the request timeout after it arrived.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: tokio::time::Instant,
    timeout_ms: u64,
}

/// The public listener: the wallet routes, /healthz and /openapi.json.
pub fn public_router(state: State) -> Router {
    let wallets = Router::new()
        .route("/wallets/{user_id}", get(wallet))
        .route("/wallets/{user_id}/transactions", get(transactions))
        .route("/wallets/{user_id}/freezes", get(freezes))
        .route("/wallets/{user_id}/deposit", post(deposit))
        .route("/wallets/{user_id}/payment", post(payment))
        .route("/wallets/{user_id}/withdraw", post(withdraw))
        .route("/wallets/{user_id}/freeze", post(freeze))
        .route("/wallets/{user_id}/unfreeze", post(unfreeze))
        .route("/wallets/{user_id}/refund", post(refund))
        .route("/openapi.json", get(openapi_json));
    common(wallets, state)
}

/// The internal listener: the internal refund (and /healthz for its own monitoring).
pub fn internal_router(state: State) -> Router {
    common(
        Router::new().route(super::openapi::INTERNAL_REFUND_PATH, post(internal_refund)),
        state,
    )
}

fn common(router: Router<State>, state: State) -> Router {
    router
        .route(super::openapi::HEALTHZ_PATH, get(healthz))
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_BYTES_MAX))
        .layer(middleware::from_fn_with_state(state.clone(), around))
        .with_state(state)
}

/// Every request: its body read first (up to the limit), a time limit, and one access-log line
/// (never a header, so never a secret; the id of the token that authenticated, if one did).
///
/// A write is never cut off by the time limit once it is queued: the writer itself refuses to
/// start it past its deadline, so a `request_timeout` always means "not applied".
async fn around(axum::extract::State(state): axum::extract::State<State>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let timeout_ms = state.request_timeout_ms;
    let deadline = tokio::time::Instant::now() + Duration::from_millis(timeout_ms);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let timed_out = || ApiError(Error::RequestTimeout { timeout_ms }).into_response();
    let caller = Caller::default();
    let body_deadline = deadline.min(tokio::time::Instant::now() + Duration::from_millis(BODY_READ_TIMEOUT_MS));
    let response = match tokio::time::timeout_at(body_deadline, buffered(request)).await {
        Err(_) => timed_out(),
        Ok(Err(refused)) => refused,
        Ok(Ok(mut request)) => {
            request.extensions_mut().insert(Deadline {
                at: deadline,
                timeout_ms,
            });
            request.extensions_mut().insert(caller.clone());
            if method == Method::POST {
                next.run(request).await
            } else {
                tokio::time::timeout_at(deadline, next.run(request))
                    .await
                    .unwrap_or_else(|_| timed_out())
            }
        }
    };
    if state.access_log {
        state.log.line(format!(
            "{} {method} {path} {} {}us token={}",
            ops::now(),
            response.status().as_u16(),
            started.elapsed().as_micros(),
            caller.token_id().unwrap_or("-")
        ));
    }
    response
}

/// Reads the whole body before any handler runs, so that every answer, a 401 included, leaves
/// the connection clean for the client's next request. A body over `BODY_BYTES_MAX` is refused
/// without being read past the limit (a declared one without reading at all), and the connection
/// is closed, since the rest of that body is still on it.
async fn buffered(request: Request) -> std::result::Result<Request, Response> {
    let too_large = || {
        let mut response = ApiError(Error::PayloadTooLarge {
            limit_bytes: BODY_BYTES_MAX,
        })
        .into_response();
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        response
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_BYTES_MAX as u64) {
        return Err(too_large());
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, BODY_BYTES_MAX).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let over_limit =
                std::error::Error::source(&e).is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if over_limit {
                return Err(too_large());
            }
            return Err(ApiError(Error::invalid("body", format!("cannot be read: {e}"))).into_response());
        }
    };
    Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
}

async fn route_not_found(uri: Uri) -> ApiError {
    ApiError(Error::RouteNotFound {
        path: uri.path().to_owned(),
    })
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError(Error::MethodNotAllowed {
        method: method.to_string(),
        path: uri.path().to_owned(),
    })
}

/// The reply to a write: the operation's envelope (`replayed` for a `reference_id` repeat).
pub fn render_outcome(result: &Result<Outcome>) -> Reply {
    match result {
        Ok(outcome) => json_reply(
            200,
            &Envelope::with_message(outcome_message(outcome), OutcomeView::from(outcome), &ops::now()),
        ),
        Err(e) => error_reply(e),
    }
}

/// The fields each write route's body takes: the seeds' request bodies (and the CLI's flags).
pub const DEPOSIT_FIELDS: &[&str] = &["amount", "description", "reference_id"];
pub const PAYMENT_FIELDS: &[&str] = &[
    "amount",
    "counterparty_id",
    "new_counterparty",
    "description",
    "reference_id",
];
pub const WITHDRAW_FIELDS: &[&str] = &["amount", "description", "reference_id"];
pub const FREEZE_FIELDS: &[&str] = &["amount", "reason", "reference_id"];
pub const UNFREEZE_FIELDS: &[&str] = &["freeze_id", "reason", "reference_id"];
pub const REFUND_FIELDS: &[&str] = &["transaction_id", "amount", "reason", "reference_id"];

/// Decodes a write body for `op` exactly as a batch line is decoded, after refusing any field
/// the route does not document: an unknown field is an error, never silently ignored.
fn operation(
    op: &str,
    fields: &[&str],
    user_id: Option<&str>,
    mut record: Vec<(String, Raw)>,
) -> Result<batch::BatchItem> {
    if let Some((name, _)) = record.iter().find(|(name, _)| !fields.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: {op} takes {}", fields.join(", ")),
        ));
    }
    record.push(("op".to_owned(), Raw::Text(op.to_owned())));
    if let Some(user_id) = user_id {
        record.push(("user_id".to_owned(), Raw::Text(user_id.to_owned())));
    }
    batch::parse(record)
}

/// A write on a user's wallet: the token must write and reach the wallet; then the body.
async fn wallet_write(
    state: State,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    op: &str,
    fields: &[&str],
    request: Request,
) -> Result<Response, ApiError> {
    caller.writer()?;
    let user_id = path_user(user_id)?;
    caller.reaches(&user_id)?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = deadline_of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let item = operation(op, fields, Some(&user_id), body.fields)?;
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
        operation: item.operation,
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, write, deadline).await
}

fn deadline_of(request: &Request) -> Result<Deadline> {
    request
        .extensions()
        .get::<Deadline>()
        .copied()
        .ok_or_else(|| Error::internal("a request reached its route without a deadline"))
}

/// The `user_id` of the path, checked; a path that cannot be decoded is a 400 envelope too.
fn path_user(path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let Path(user_id) = path.map_err(|e| Error::invalid("user_id", e.body_text()))?;
    ids::check_name("user_id", &user_id)?;
    Ok(user_id)
}

/// Hands a write to the writer and waits until it is durable, has failed, or the deadline has
/// come. At the deadline a write the writer has not started is abandoned (it never will be):
/// the answer is then `request_timeout`, nothing written. A write already started is waited
/// for; it holds the write lock, so its answer is a commit away.
async fn submit(state: &State, request: WriteRequest, deadline: Deadline) -> Result<Response, ApiError> {
    let (reply, mut answer) = oneshot::channel();
    let fate = Arc::new(Fate::default());
    let gone = || Error::internal("the ledger writer has stopped");
    let timed_out = || {
        ApiError(Error::RequestTimeout {
            timeout_ms: deadline.timeout_ms,
        })
    };
    let job = Job {
        request,
        reply,
        fate: fate.clone(),
    };
    match tokio::time::timeout_at(deadline.at, state.writes.send(job)).await {
        Err(_) => return Err(timed_out()),
        Ok(sent) => sent.map_err(|_| gone())?,
    }
    let reply = match tokio::time::timeout_at(deadline.at, &mut answer).await {
        Ok(reply) => reply.map_err(|_| gone())?,
        Err(_) if fate.abandon() => return Err(timed_out()),
        Err(_) => answer.await.map_err(|_| gone())?,
    };
    Ok(reply_response(reply))
}

macro_rules! write_route {
    ($name:ident, $op:literal, $fields:expr, $summary:literal, $body:ty, $result:ty) => {
        #[utoipa::path(
            post,
            path = concat!("/wallets/{user_id}/", $op),
            tag = "Wallet Service",
            summary = $summary,
            params(("user_id" = String, Path, description = "User ID", example = "alice"),
                   ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the path's user: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
            request_body(content = $body, content_type = "application/json"),
            responses((status = 200, description = "OK: durable on disk", body = $result)),
            security(("bearerAuth" = []))
        )]
        async fn $name(
            axum::extract::State(state): axum::extract::State<State>,
            caller: Bearer,
            user_id: std::result::Result<Path<String>, PathRejection>,
            request: Request,
        ) -> Result<Response, ApiError> {
            wallet_write(state, caller, user_id, $op, $fields, request).await
        }
    };
}

write_route!(
    deposit,
    "deposit",
    DEPOSIT_FIELDS,
    "Deposit to a user's wallet (Dr settlement, Cr wallet)",
    DepositRequest,
    Envelope<TransactionResult>
);
write_route!(
    payment,
    "payment",
    PAYMENT_FIELDS,
    "Pay a counterparty from a user's wallet",
    PaymentRequest,
    Envelope<TransactionResult>
);
write_route!(
    withdraw,
    "withdraw",
    WITHDRAW_FIELDS,
    "Withdraw from a user's wallet",
    WithdrawRequest,
    Envelope<TransactionResult>
);
write_route!(
    freeze,
    "freeze",
    FREEZE_FIELDS,
    "Freeze funds in a user's wallet",
    FreezeRequest,
    Envelope<FreezeResult>
);
write_route!(
    unfreeze,
    "unfreeze",
    UNFREEZE_FIELDS,
    "Unfreeze funds in a user's wallet",
    UnfreezeRequest,
    Envelope<FreezeResult>
);
write_route!(
    refund,
    "refund",
    REFUND_FIELDS,
    "Refund to a user's wallet",
    RefundRequest,
    Envelope<TransactionResult>
);

/// The internal refund: the wallet is found from the transaction, within the key's tenant and
/// application.
#[utoipa::path(
    post,
    path = "/internal/wallet/refund",
    tag = "Wallet Service - Internal Interface",
    summary = "Internal service call to refund (served on the internal listener only)",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key, scoped to the key's tenant and application (and to this route)")),
    request_body(content = RefundRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk", body = Envelope<TransactionResult>)),
    security(("apiKey" = []))
)]
async fn internal_refund(
    axum::extract::State(state): axum::extract::State<State>,
    InternalKey(token): InternalKey,
    request: Request,
) -> Result<Response, ApiError> {
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = deadline_of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let item = operation("refund", REFUND_FIELDS, None, body.fields)?;
    let write = WriteRequest {
        scope: token.scope.clone(),
        actor: format!("token:{}", token.id),
        user_id: None,
        operation: item.operation,
        key: key.map(|key| IdempotencyKey {
            key,
            owner: "internal".to_owned(),
            fingerprint: fingerprint("POST", &path, &body.bytes),
            token_id: token.id.clone(),
        }),
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, write, deadline).await
}

/// A user's wallet, after the token's reach is checked.
fn reachable(caller: &Bearer, path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let user_id = path_user(path)?;
    caller.reaches(&user_id)?;
    Ok(user_id)
}

#[utoipa::path(
    get,
    path = "/wallets/{user_id}",
    tag = "Wallet Service",
    summary = "A user's wallet: balance, frozen and available",
    params(("user_id" = String, Path, description = "User ID", example = "alice")),
    responses((status = 200, description = "OK", body = Envelope<WalletView>)),
    security(("bearerAuth" = []))
)]
async fn wallet(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let user_id = reachable(&caller, user_id)?;
    let scope = caller.0.scope.clone();
    let wallet = state
        .reads
        .run(move |store| ops::show_wallet(store, &scope, &user_id))
        .await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(WalletView::from(&wallet), &ops::now()),
    )))
}

/// Query parameters, each at most once, unknown ones refused.
struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    fn new(
        query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
        known: &[&str],
    ) -> Result<QueryParams> {
        let Query(pairs) = query.map_err(|e| Error::invalid("query", e.body_text()))?;
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                return Err(Error::invalid(
                    name.clone(),
                    format!("unknown query parameter {name:?} (known: {})", known.join(", ")),
                ));
            }
            if name != "type" && pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(Error::invalid(name.clone(), "appears twice"));
            }
        }
        Ok(QueryParams(pairs))
    }

    fn one(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn number(&self, name: &str) -> Result<Option<u32>> {
        self.one(name)
            .map(|v| {
                v.parse::<u32>()
                    .map_err(|_| Error::invalid(name, format!("{v:?} is not a positive whole number")))
            })
            .transpose()
    }

    fn page(&self) -> Result<PageRequest> {
        PageRequest::new(self.number("page")?, self.number("page_size")?)
    }
}

#[utoipa::path(
    get,
    path = "/wallets/{user_id}/transactions",
    tag = "Wallet Service",
    summary = "A wallet's transactions, newest first, with cursor pagination",
    params(
        ("user_id" = String, Path, description = "User ID", example = "alice"),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page: only older transactions"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
        ("page" = Option<u32>, Query, description = "Page from 1 within the (cursor's) list, default 1"),
        ("type" = Option<String>, Query, description = "Only these types (repeat, or comma-separated): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit"),
        ("from" = Option<String>, Query, description = "From this moment, inclusive (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date)"),
        ("to" = Option<String>, Query, description = "Before this moment, exclusive"),
        ("reference_id" = Option<String>, Query, description = "Only this reference"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<TransactionView>)),
    security(("bearerAuth" = []))
)]
async fn transactions(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user_id = reachable(&caller, user_id)?;
    let params = QueryParams::new(
        query,
        &["cursor", "page", "page_size", "type", "from", "to", "reference_id"],
    )?;
    let page = params.page()?;
    let types = params
        .0
        .iter()
        .filter(|(n, _)| n == "type")
        .flat_map(|(_, v)| v.split(','));
    let filter = ops::entry_filter(
        types,
        params.one("from"),
        params.one("to"),
        params.one("reference_id"),
        params.one("cursor"),
    )?;
    let scope = caller.0.scope.clone();
    let (_, entries) = state
        .reads
        .run(move |store| ops::history(store, &scope, &user_id, &filter, page))
        .await?;
    let mut list = ListEnvelope::new(
        &entries,
        |(e, refunded)| TransactionView::new(e, *refunded),
        &ops::now(),
    );
    if list.pagination.has_next {
        list.next_cursor = list.items.last().map(|t| t.id.clone());
    }
    Ok(reply_response(json_reply(200, &list)))
}

#[utoipa::path(
    get,
    path = "/wallets/{user_id}/freezes",
    tag = "Wallet Service",
    summary = "A wallet's freeze records, newest first",
    params(
        ("user_id" = String, Path, description = "User ID", example = "alice"),
        ("status" = Option<String>, Query, description = "active or released"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<FreezeView>)),
    security(("bearerAuth" = []))
)]
async fn freezes(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user_id = reachable(&caller, user_id)?;
    let params = QueryParams::new(query, &["status", "page", "page_size"])?;
    let page = params.page()?;
    let status = params.one("status").map(str::parse::<FreezeStatus>).transpose()?;
    let scope = caller.0.scope.clone();
    let (wallet, records) = state
        .reads
        .run(move |store| ops::freezes(store, &scope, &user_id, status, page))
        .await?;
    let list = ListEnvelope::new(&records, |f| FreezeView::new(f, wallet.currency), &ops::now());
    Ok(reply_response(json_reply(200, &list)))
}

/// Liveness and readiness: the ledger file answers a read and the writer is running.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "Operations",
    summary = "Liveness and readiness (no token needed)",
    responses((status = 200, description = "The ledger answers and the writer runs", body = Envelope<crate::output::views::HealthView>))
)]
async fn healthz(axum::extract::State(state): axum::extract::State<State>) -> Result<Response, ApiError> {
    if state.writes.is_closed() {
        return Err(Error::internal("the ledger writer has stopped").into());
    }
    let schema_version = state.reads.run(|store| store.schema_version()).await?;
    let data = crate::output::views::HealthView {
        status: "ok".to_owned(),
        schema_version,
    };
    Ok(reply_response(json_reply(200, &Envelope::ok(data, &ops::now()))))
}

#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "Operations",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI document of every route", content_type = "application/json"))
)]
async fn openapi_json(axum::extract::State(state): axum::extract::State<State>) -> Response {
    reply_response(Reply {
        status: 200,
        body: state.openapi.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Vec<(String, Raw)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Raw::Text(v.to_string())))
            .collect()
    }

    #[test]
    fn a_body_is_decoded_as_a_batch_line_of_its_route() {
        let item = operation("withdraw", WITHDRAW_FIELDS, Some("alice"), text(&[("amount", "5.00")])).unwrap();
        assert_eq!(item.user_id.as_deref(), Some("alice"));
        let refund = operation(
            "refund",
            REFUND_FIELDS,
            None,
            text(&[("transaction_id", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV")]),
        );
        assert_eq!(refund.unwrap().user_id, None);
    }

    #[test]
    fn fields_a_route_does_not_document_are_refused() {
        for stray in ["user_id", "op", "direction", "freeze_id", "amout"] {
            let e = operation(
                "withdraw",
                WITHDRAW_FIELDS,
                Some("alice"),
                text(&[("amount", "5"), (stray, "x")]),
            )
            .unwrap_err();
            assert_eq!(e.code(), "invalid_request", "{stray}");
            assert!(e.to_string().contains("unknown field"), "{e}");
        }
    }
}
