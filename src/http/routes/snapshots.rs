//! Snapshots: taking one (`POST /wallets/snapshot`, an admin token, though the path is not
//! under `/admin`: it writes for every wallet of the application), and reading the stored rows
//! (`GET /admin/wallets/snapshots`, the application's; `GET /wallets/snapshot`, a day's rows as
//! far as the token reaches: a user-bound token its own user's row only).

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Query, Request};
use axum::response::Response;

use crate::error::{Error, Result};
use crate::ledger::batch::Raw;
use crate::ledger::ids;
use crate::ledger::operations::Fields;
use crate::ledger::reconcile::Day;
use crate::ledger::request::PageRequest;
use crate::ledger::snapshot::SnapshotFilter;
use crate::ops::{self, Work};
use crate::output::views::{Envelope, ListEnvelope, SnapshotCreateView, WalletSnapshotView};

use super::{route_key, scope_request, submit, QueryParams};
use crate::http::auth::Bearer;
use crate::http::body::{idempotency_key, json_reply, reply_response, ApiError, JsonBody};
use crate::http::middleware::Deadline;
use crate::http::schema::SnapshotRequest;
use crate::http::state::State;

#[utoipa::path(
    post,
    path = "/wallets/snapshot",
    tag = "Wallet Service",
    summary = "Snapshot every wallet's balances at the end of a day that has ended, once per day",
    description = "As `ledgerctl ledger snapshot --date` does: every wallet of the token's tenant and application opened by the day's end gets a row of its available, frozen and total balance from the journal's postings up to the day's end (midnight in the tenant's and application's policy timezone, UTC without a policy) and its last entry by then, which `ledger verify` proves against the journal. Answered 201 when this request took it; a day already snapshotted is answered 200 with the first answer's data (`already taken`), storing nothing. Today or a later day is 400: its balances could still change. Needs an admin token.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant and application and to this route: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = SnapshotRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Created: durable on disk", body = Envelope<SnapshotCreateView>),
        (status = 200, description = "Already taken: the snapshot as it was first taken, nothing stored", body = Envelope<SnapshotCreateView>),
    ),
    security(("bearerAuth" = []))
)]
pub async fn take_snapshot(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    request: Request,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let key = idempotency_key(request.headers())?;
    let path = request.uri().path().to_owned();
    let deadline = Deadline::of(&request)?;
    let body = JsonBody::from_request(request, &()).await?;
    let day = snapshot_body(body.fields)?;
    // The route owns its key: a snapshot names no one wallet.
    let key = key.map(|key| route_key(&caller, key, "snapshot", ("POST", &path, &body.bytes)));
    let request = scope_request(&caller, key, &deadline, Work::Snapshot { day });
    submit(&state, request, deadline).await
}

/// `{snapshot_date}`: nothing else is taken, and nothing is ignored.
fn snapshot_body(record: Vec<(String, Raw)>) -> Result<Day> {
    const FIELDS: &[&str] = &["snapshot_date"];
    if let Some((name, _)) = record.iter().find(|(name, _)| !FIELDS.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: a snapshot takes snapshot_date"),
        ));
    }
    let mut fields = Fields::new(record, FIELDS)?;
    let date = fields.required("snapshot_date")?;
    fields.finish("a snapshot")?;
    Day::parse("snapshot_date", &date)
}

#[utoipa::path(
    get,
    path = "/admin/wallets/snapshots",
    tag = "Wallet Service",
    summary = "The stored snapshots of the token's tenant and application: a row per wallet and day, newest day first",
    description = "Every stored snapshot row, as `ledgerctl ledger snapshots` lists them, newest day first and then by user; `date` and `user_id` narrow it. Needs an admin token.",
    params(
        ("date" = Option<String>, Query, description = "Only this day's rows, YYYY-MM-DD", example = "2026-04-14"),
        ("user_id" = Option<String>, Query, description = "Only this user's rows", example = "alice"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<WalletSnapshotView>)),
    security(("bearerAuth" = []))
)]
pub async fn list_snapshots(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.admin()?;
    let params = QueryParams::new(query, &["date", "user_id", "page", "page_size"])?;
    let filter = SnapshotFilter {
        date: params
            .one("date")
            .map(|d| Day::parse("date", d))
            .transpose()?
            .map(|d| d.date),
        user_id: params
            .one("user_id")
            .map(|u| ids::check_name("user_id", u).map(str::to_owned))
            .transpose()?,
    };
    rows(&state, &caller, filter, params.page()?).await
}

#[utoipa::path(
    get,
    path = "/wallets/snapshot",
    tag = "Wallet Service",
    summary = "A day's stored snapshot rows, as far as the token reaches",
    description = "The rows of the day's snapshot: a token bound to a user gets its own user's row only; any other token (read, write or admin) every wallet's of its tenant and application, by user. A day with no snapshot (or none reachable) answers no items.",
    params(
        ("date" = String, Query, description = "The day, YYYY-MM-DD", example = "2026-04-14"),
        ("page" = Option<u32>, Query, description = "From 1, default 1"),
        ("page_size" = Option<u32>, Query, description = "1 to 100, default 20"),
    ),
    responses((status = 200, description = "OK", body = ListEnvelope<WalletSnapshotView>)),
    security(("bearerAuth" = []))
)]
pub async fn snapshot_of_day(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    query: std::result::Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = QueryParams::new(query, &["date", "page", "page_size"])?;
    let date = params
        .one("date")
        .ok_or_else(|| Error::invalid("date", "is required: the day, YYYY-MM-DD"))?;
    let filter = SnapshotFilter {
        date: Some(Day::parse("date", date)?.date),
        user_id: caller.0.user_id.clone(),
    };
    rows(&state, &caller, filter, params.page()?).await
}

async fn rows(state: &State, caller: &Bearer, filter: SnapshotFilter, page: PageRequest) -> Result<Response, ApiError> {
    let scope = caller.0.scope.clone();
    let rows = state
        .reads
        .run(move |store| ops::list_snapshots(store, &scope, &filter, page))
        .await?;
    let list = ListEnvelope::new(&rows, |s| WalletSnapshotView::from(s), ops::now());
    Ok(reply_response(json_reply(200, &list)))
}
