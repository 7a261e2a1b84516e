//! A user's wallet.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::response::Response;

use crate::ops;
use crate::output::views::{Envelope, WalletView};

use super::reachable;
use crate::http::auth::Bearer;
use crate::http::body::{json_reply, reply_response, ApiError};
use crate::http::state::State;

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
    let user_id = reachable(&caller, user_id)?;
    let scope = caller.0.scope.clone();
    let wallet = state
        .reads
        .run(move |store| ops::show_wallet(store, &scope, &user_id))
        .await?;
    Ok(reply_response(json_reply(
        200,
        &Envelope::ok(WalletView::from(&wallet), ops::now()),
    )))
}
