//! Wallets: opening one, listing them, a user's wallet and its balances, and any of their
//! transactions by its id.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, Path, Query, Request};
use axum::response::Response;

use crate::error::{Error, Result};
use crate::ledger::batch::Raw;
use crate::ledger::model::{Wallet, WalletStatus};
use crate::ledger::money::Currency;
use crate::ledger::operations::Fields;
use crate::ops::{self, IdempotencyKey, Work, WriteRequest};
use crate::output::views::{BalanceView, Envelope, ListEnvelope, TransactionResult, TransactionView, WalletView};

use super::{reachable, submit, QueryParams};
use crate::http::auth::Bearer;
use crate::http::body::{fingerprint, idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use crate::http::error::HttpError;
use crate::http::middleware::Deadline;
use crate::http::schema::CreateWalletRequest;
use crate::http::state::State;

/// The fields `POST /wallets` takes.
pub(crate) const CREATE_FIELDS: &[&str] = &["user_id", "currency"];

/// `POST /wallets`'s body: the user and the currency (CNY when left out, as `wallet create`).
/// A field the route does not take is refused, never ignored.
fn create_body(record: Vec<(String, Raw)>) -> Result<(String, Option<String>), ApiError> {
    if let Some((name, _)) = record.iter().find(|(name, _)| !CREATE_FIELDS.contains(&name.as_str())) {
        let reason = format!(
            "unknown field {name:?}: POST /wallets takes {}",
            CREATE_FIELDS.join(", ")
        );
        return Err(Error::invalid(name.clone(), reason).into());
    }
    let mut fields = Fields::new(record, CREATE_FIELDS)?;
    let user_id = fields.required("user_id")?;
    let currency = fields.take("currency")?;
    fields.finish("POST /wallets")?;
    crate::ledger::ids::check_name("user_id", &user_id)?;
    Ok((user_id, currency))
}

/// A currency code of a body: one the ledger does not know is 422, as the issue asks of this
/// route (the CLI's `--currency` stays an invalid argument).
fn body_currency(code: Option<&str>) -> Result<Currency, ApiError> {
    let Some(code) = code else { return Ok(Currency::CNY) };
    Currency::from_any_case(code).map_err(|_| {
        ApiError::from(HttpError::UnsupportedCurrency {
            code: code.to_owned(),
            supported: Currency::supported().collect::<Vec<_>>().join(", "),
        })
    })
}

#[utoipa::path(
    post,
    path = "/wallets",
    tag = "Wallet Service",
    summary = "Create a wallet for a user (one per user in the token's tenant and application)",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this route: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = CreateWalletRequest, content_type = "application/json"),
    responses((status = 201, description = "Created: durable on disk", body = Envelope<WalletView>)),
    security(("bearerAuth" = []))
)]
pub async fn create(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    request: Request,
) -> Result<Response, ApiError> {
    caller.writer()?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let (user_id, currency) = create_body(body.fields)?;
    let currency = body_currency(currency.as_deref())?;
    // Creating reveals nothing about another user's wallet, so a token bound to another user is
    // told plainly that it may not (403), unlike a read of that wallet (404).
    if caller.0.user_id.as_deref().is_some_and(|own| own != user_id) {
        return Err(HttpError::Forbidden {
            reason: format!(
                "token {} is bound to another user; it may only open its own user's wallet",
                caller.0.id
            ),
        }
        .into());
    }
    let request = WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        key: key.map(|key| IdempotencyKey {
            key,
            // The route, not the body's user: the same key with another user is a reuse (409).
            owner: "wallets".to_owned(),
            fingerprint: fingerprint("POST", &path, &body.bytes),
            token_id: caller.0.id.clone(),
        }),
        user_id: None,
        work: Work::CreateWallet { user_id, currency },
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    };
    submit(&state, request, deadline).await
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
pub async fn wallet(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let wallet = reachable_wallet(&state, &caller, user_id).await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(WalletView::from(&wallet), ops::now()),
    )))
}

/// The wallet of the path's user, if the token reaches it (else as if it did not exist).
async fn reachable_wallet(
    state: &State,
    caller: &Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Wallet, ApiError> {
    let user_id = reachable(caller, user_id)?;
    let scope = caller.0.scope.clone();
    Ok(state
        .reads
        .run(move |store| ops::show_wallet(store, &scope, &user_id))
        .await?)
}

#[utoipa::path(
    get,
    path = "/wallets",
    tag = "Wallet Service",
    summary = "The wallets the token reaches (its tenant and application; a user-bound token: its user's), oldest first",
    params(
        ("status" = Option<String>, Query, description = "Only wallets with this status: active, frozen or closed"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<WalletView>)),
    security(("bearerAuth" = []))
)]
pub async fn list(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = QueryParams::new(query, &["status", "page", "page_size"])?;
    let page = params.page()?;
    let status = params.one("status").map(str::parse::<WalletStatus>).transpose()?;
    let scope = caller.0.scope.clone();
    let bound_to = caller.0.user_id.clone();
    let wallets = state
        .reads
        .run(move |store| ops::list_reachable_wallets(store, &scope, bound_to.as_deref(), status, page))
        .await?;
    let list = ListEnvelope::new(&wallets, |w| WalletView::from(w), ops::now());
    Ok(reply_response(json_reply(200, &list)))
}

#[utoipa::path(
    get,
    path = "/wallets/{user_id}/balance",
    tag = "Wallet Service",
    summary = "A user's balances alone: balance, frozen and available (upstream's BalanceResponse)",
    params(("user_id" = String, Path, description = "User ID", example = "alice")),
    responses((status = 200, description = "OK", body = Envelope<BalanceView>)),
    security(("bearerAuth" = []))
)]
pub async fn balance(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let wallet = reachable_wallet(&state, &caller, user_id).await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(BalanceView::from(&wallet), ops::now()),
    )))
}

#[utoipa::path(
    get,
    path = "/transactions/{transaction_id}",
    tag = "Wallet Service",
    summary = "One transaction by its id, with its wallet, within the token's reach (404 otherwise)",
    params(("transaction_id" = String, Path, description = "Transaction ID", example = "txn_01JH4Q3V8Z6X2C5N7B9M1K0P3R")),
    responses((status = 200, description = "OK", body = Envelope<TransactionResult>)),
    security(("bearerAuth" = []))
)]
pub async fn transaction(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    transaction_id: std::result::Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(transaction_id) = transaction_id.map_err(|e| Error::invalid("transaction_id", e.body_text()))?;
    let scope = caller.0.scope.clone();
    let (entry, refunded, wallet) = state
        .reads
        .run(move |store| ops::show_transaction(store, &scope, &transaction_id))
        .await?;
    // Another user's transaction, for a token bound to a user, reads exactly as one that does
    // not exist, as another tenant's does: the answer never says whether it exists.
    if caller.0.user_id.as_deref().is_some_and(|own| own != wallet.user_id) {
        return Err(Error::TransactionNotFound {
            transaction_id: entry.id,
        }
        .into());
    }
    let result = TransactionResult {
        transaction: TransactionView::new(&entry, refunded),
        wallet: WalletView::from(&wallet),
    };
    Ok(reply_response(json_reply(200, &Envelope::ok(result, ops::now()))))
}
