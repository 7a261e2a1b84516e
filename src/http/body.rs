//! Request bodies in, envelopes out: the JSON body of a write, the `Idempotency-Key` header,
//! and every error as the seeds' `SimpleResponse` with its status.

use crate::ledger::chain::sha256_hex;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::{Classified, Error};
use crate::ledger::batch::{json_record, Raw};
use crate::ledger::limits::IDEMPOTENCY_KEY_LEN_MAX;
use crate::ops::{Reply, Settled};
use crate::output::views::{
    outcome_message, snapshot_envelope, BatchFreezeView, BatchUnfreezeView, Envelope, ErrorEnvelope, OutcomeView,
    PolicyView, StatusResult, WalletView, WithdrawalRequestView,
};

use super::error::{Failure, HttpError};

/// A failure on its way out as a response.
#[derive(Debug)]
pub struct ApiError(pub Failure);

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        ApiError(Failure::Domain(e))
    }
}

impl From<HttpError> for ApiError {
    fn from(e: HttpError) -> ApiError {
        ApiError(Failure::Http(e))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        reply_response(error_reply(&self.0))
    }
}

/// The error envelope of `e`, rendered once.
pub fn error_reply(e: &impl Classified) -> Reply {
    json_reply(e.kind().http_status(), &ErrorEnvelope::new(e, crate::ops::now()))
}

pub fn json_reply(status: u16, value: &impl serde::Serialize) -> Reply {
    match serde_json::to_vec(value) {
        Ok(body) => Reply { status, body },
        Err(e) => Reply {
            status: 500,
            body: format!(
                "{{\"code\":500,\"message\":\"cannot render the response: {e}\",\"error\":\"internal_error\"}}"
            )
            .into_bytes(),
        },
    }
}

/// A finished reply as an HTTP response; its bytes are sent as they are (a replay's too).
pub fn reply_response(reply: Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        reply.body,
    )
        .into_response()
}

/// The reply to a write: the operation's envelope (`replayed` for a `reference_id` repeat), a
/// new wallet's 201, or why it was not applied.
pub fn render_settled(settled: Settled) -> Reply {
    match settled {
        Settled::Applied(outcome) => json_reply(
            200,
            &Envelope::with_message(outcome_message(outcome), OutcomeView::from(outcome), crate::ops::now()),
        ),
        Settled::Created(wallet) => json_reply(201, &Envelope::created(WalletView::from(wallet), crate::ops::now())),
        Settled::StatusChanged(outcome) => {
            let result = StatusResult::from(outcome);
            json_reply(
                200,
                &Envelope::with_message(result.message(), &result, crate::ops::now()),
            )
        }
        Settled::BatchFrozen(frozen) => {
            json_reply(200, &Envelope::ok(BatchFreezeView::from(frozen), crate::ops::now()))
        }
        Settled::BatchUnfrozen(unfrozen) => {
            json_reply(200, &Envelope::ok(BatchUnfreezeView::from(unfrozen), crate::ops::now()))
        }
        Settled::Snapshot(taken) => {
            let envelope = snapshot_envelope(taken, crate::ops::now());
            json_reply(envelope.code, &envelope)
        }
        Settled::Policy(state) => json_reply(
            200,
            &Envelope::with_message(
                state.message(),
                PolicyView::new(&state.scope.tenant_id, &state.scope.application_id, &state.policy),
                crate::ops::now(),
            ),
        ),
        Settled::Reviewed(reviewed) => {
            let view = WithdrawalRequestView::from(&reviewed.request);
            let now = crate::ops::now();
            if reviewed.created {
                json_reply(201, &Envelope::created(view, now))
            } else {
                json_reply(200, &Envelope::with_message(reviewed.message(), view, now))
            }
        }
        Settled::Failed(e) => error_reply(e),
        Settled::NotStarted { timeout_ms } => error_reply(&HttpError::RequestTimeout { timeout_ms }),
        Settled::KeyReused { key } => error_reply(&HttpError::IdempotencyConflict { key: key.to_owned() }),
    }
}

/// The body of a write: a JSON object of text fields, checked as a batch line is, with its raw
/// bytes kept for the idempotency fingerprint.
pub struct JsonBody {
    pub fields: Vec<(String, Raw)>,
    pub bytes: Bytes,
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<JsonBody, ApiError> {
        let headers = request.headers();
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(HttpError::UnsupportedMediaType.into());
        }
        // The size limit was enforced when the body was read, before the route ran (middleware.rs).
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| Error::invalid("body", rejection.body_text()))?;
        let text = std::str::from_utf8(&bytes).map_err(|_| Error::invalid("body", "is not UTF-8"))?;
        let fields = json_record("body", text)?;
        Ok(JsonBody { fields, bytes })
    }
}

/// The `Idempotency-Key` header, if sent: 1 to 255 visible ASCII characters.
pub fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, Error> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let invalid = || {
        Error::invalid(
            "Idempotency-Key",
            format!("must be 1 to {IDEMPOTENCY_KEY_LEN_MAX} visible ASCII characters"),
        )
    };
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > IDEMPOTENCY_KEY_LEN_MAX || !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(invalid());
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

/// What makes two requests "the same" for an idempotency key: method, path and body bytes.
pub fn fingerprint(method: &str, path: &str, body: &[u8]) -> String {
    sha256_hex(&[method.as_bytes(), b" ", path.as_bytes(), b"\n", body])
}

/// Generated request bodies for the extractor, in a file of their own (tests only).
#[cfg(test)]
mod fuzz;
