//! The two listeners' routers: which route is served where, and what every route goes through.

use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::middleware;
use axum::routing::{get, post, put};
use axum::Router;

use crate::ledger::limits::BODY_BYTES_MAX;

use super::body::ApiError;
use super::error::HttpError;
use super::middleware::around;
use super::routes::{
    admin, history, policy, service, snapshots, wallets, withdrawals, writes, HEALTHZ_PATH, INTERNAL_REFUND_PATH,
    UPSTREAM_BASE_PATH,
};
use super::state::State;

/// The public listener: the wallet routes, at their own paths and again under the upstream
/// document's base path, /healthz and /openapi.json.
pub fn public_router(state: State) -> Router {
    let wallets = Router::new()
        .route("/wallets/{user_id}", get(wallets::wallet))
        // The wallet-side routes of issue 12.
        .route("/wallets", get(wallets::list).post(wallets::create))
        .route("/wallets/{user_id}/balance", get(wallets::balance))
        .route("/transactions/{transaction_id}", get(wallets::transaction))
        .route("/wallets/{user_id}/transactions", get(history::transactions))
        .route("/wallets/{user_id}/freezes", get(history::freezes))
        .route("/wallets/{user_id}/deposit", post(writes::deposit))
        .route("/wallets/{user_id}/payment", post(writes::payment))
        .route("/wallets/{user_id}/withdraw", post(writes::withdraw))
        .route("/wallets/{user_id}/freeze", post(writes::freeze))
        .route("/wallets/{user_id}/unfreeze", post(writes::unfreeze))
        .route("/wallets/{user_id}/capture", post(writes::capture))
        .route("/wallets/{user_id}/refund", post(writes::refund))
        .route("/wallets/transfer", post(writes::transfer))
        // The administration routes (an admin token), one block.
        .route("/admin/wallets/{wallet_id}", put(admin::update_wallet))
        .route("/admin/wallets/{wallet_id}/integrity", get(admin::integrity))
        .route("/admin/wallets/reconciliation", get(admin::reconciliation))
        .route("/admin/wallets/{user_id}/adjust", post(admin::adjust))
        .route("/admin/wallets/batch-freeze", post(admin::batch_freeze))
        .route("/admin/wallets/batch-unfreeze", post(admin::batch_unfreeze))
        // Snapshots (issue 13): a static segment, so neither path is taken for a user or wallet id.
        .route(
            "/wallets/snapshot",
            post(snapshots::take_snapshot).get(snapshots::snapshot_of_day),
        )
        .route("/admin/wallets/snapshots", get(snapshots::list_snapshots))
        .route(
            "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy",
            get(policy::show).put(policy::set).delete(policy::clear),
        )
        // Withdrawal review (issue 13): `withdrawals` is a static segment, taken before a
        // wallet or user id in the same place.
        .route("/wallets/{user_id}/withdraw/request", post(withdrawals::request))
        .route("/wallets/{user_id}/withdrawals", get(withdrawals::of_user))
        .route("/admin/wallets/withdrawals", get(withdrawals::of_application))
        .route("/admin/wallets/withdrawals/{id}", get(withdrawals::show))
        .route("/admin/wallets/withdrawals/{id}/approve", post(withdrawals::approve))
        .route("/admin/wallets/withdrawals/{id}/reject", post(withdrawals::reject));
    // A nested route sees its path without the prefix, so a request is the same request (and
    // its Idempotency-Key's fingerprint the same) under either path.
    let public = Router::new()
        .merge(wallets.clone())
        .nest(UPSTREAM_BASE_PATH, wallets)
        .route("/openapi.json", get(service::openapi_json));
    common(public, state)
}

/// The internal listener: the internal refund (and /healthz for its own monitoring).
pub fn internal_router(state: State) -> Router {
    common(
        Router::new().route(INTERNAL_REFUND_PATH, post(writes::internal_refund)),
        state,
    )
}

fn common(router: Router<State>, state: State) -> Router {
    router
        .route(HEALTHZ_PATH, get(service::healthz))
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_BYTES_MAX))
        .layer(middleware::from_fn_with_state(state.clone(), around))
        .with_state(state)
}

async fn route_not_found(uri: Uri) -> ApiError {
    ApiError::from(HttpError::RouteNotFound {
        path: uri.path().to_owned(),
    })
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::from(HttpError::MethodNotAllowed {
        method: method.to_string(),
        path: uri.path().to_owned(),
    })
}
