//! A wallet's history: its transactions and its freeze records, newest first, a page at a time.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::response::Response;

use crate::http::auth::Bearer;
use crate::http::body::{json_reply, reply_response, ApiError};
use crate::http::state::State;
use crate::ledger::model::FreezeStatus;
use crate::ops;
use crate::output::views::{FreezeView, ListEnvelope, TransactionView};

use super::{reachable, QueryParams};

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
        ("status" = Option<String>, Query, description = "completed: every posted transaction is (any other value is 400)"),
        ("start_date" = Option<String>, Query, description = "Upstream's name for the start, inclusive: a date (YYYY-MM-DD, from its midnight UTC) or an RFC 3339 time; not with `from`"),
        ("end_date" = Option<String>, Query, description = "Upstream's name for the end, inclusive: a date (YYYY-MM-DD) covers its whole UTC day, an RFC 3339 time its own second; not with `to`"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<TransactionView>)),
    security(("bearerAuth" = []))
)]
pub async fn transactions(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user_id = reachable(&caller, user_id)?;
    let params = QueryParams::new(
        query,
        &[
            "cursor",
            "page",
            "page_size",
            "type",
            "from",
            "to",
            "reference_id",
            "status",
            "start_date",
            "end_date",
        ],
    )?;
    let page = params.page()?;
    let types = params
        .0
        .iter()
        .filter(|(n, _)| n == "type")
        .flat_map(|(_, v)| v.split(','));
    let mut filter = ops::entry_filter(
        types,
        params.one("from"),
        params.one("to"),
        params.one("reference_id"),
        params.one("cursor"),
    )?;
    ops::upstream_filter(
        &mut filter,
        params.one("status"),
        params.one("start_date"),
        params.one("end_date"),
    )?;
    let scope = caller.0.scope.clone();
    let (_, entries) = state
        .reads
        .run(move |store| ops::history(store, &scope, &user_id, &filter, page))
        .await?;
    let mut list = ListEnvelope::new(&entries, |(e, refunded)| TransactionView::new(e, *refunded), ops::now());
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
        ("status" = Option<String>, Query, description = "active, released or captured"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<FreezeView>)),
    security(("bearerAuth" = []))
)]
pub async fn freezes(
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
    let list = ListEnvelope::new(&records, |f| FreezeView::new(f, wallet.currency), ops::now());
    Ok(reply_response(json_reply(200, &list)))
}
