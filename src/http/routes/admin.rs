//! The `/admin/…` routes: an admin token's view of every wallet of its tenant and application.
//! A wallet is named by its id here (`wlt_…`); one of another tenant or application is not
//! found, never forbidden, so the answer does not say that it exists.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::response::Response;

use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ops;
use crate::output::views::{Envelope, WalletIntegrityView};

use crate::http::auth::Bearer;
use crate::http::body::{json_reply, reply_response, ApiError};
use crate::http::state::State;

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
