//! The service's own routes, served without a token: its health and its OpenAPI document.

use axum::response::Response;

use crate::error::Error;
use crate::ops::{self, Reply};
use crate::output::views::{Envelope, HealthView};

use crate::http::body::{json_reply, reply_response, ApiError};
use crate::http::state::State;

/// Liveness and readiness: the ledger file answers a read and the writer is running.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "Operations",
    summary = "Liveness and readiness (no token needed)",
    responses((status = 200, description = "The ledger answers and the writer runs", body = Envelope<crate::output::views::HealthView>))
)]
pub async fn healthz(axum::extract::State(state): axum::extract::State<State>) -> Result<Response, ApiError> {
    if state.writes.is_closed() {
        return Err(Error::internal("the ledger writer has stopped").into());
    }
    let schema_version = state.reads.run(ops::schema_version).await?;
    let data = HealthView {
        status: "ok".to_owned(),
        schema_version,
    };
    Ok(reply_response(json_reply(200, &Envelope::ok(data, ops::now()))))
}

#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "Operations",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI document of every route", content_type = "application/json"))
)]
pub async fn openapi_json(axum::extract::State(state): axum::extract::State<State>) -> Response {
    reply_response(Reply {
        status: 200,
        body: state.openapi.to_vec(),
    })
}
