//! What runs around every route: the body read first (up to its limit), the request's time
//! limit, and its access-log line.

use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{Error, Result};
use crate::ledger::limits::{BODY_BYTES_MAX, BODY_READ_TIMEOUT_MS};
use crate::ops;

use super::auth::Caller;
use super::body::ApiError;
use super::error::HttpError;
use super::state::State;

/// When a request must have been started: the request timeout after it arrived.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    pub at: tokio::time::Instant,
    pub timeout_ms: u64,
}

impl Deadline {
    /// The deadline [`around`] gave the request.
    pub fn of(request: &Request) -> Result<Deadline> {
        request
            .extensions()
            .get::<Deadline>()
            .copied()
            .ok_or_else(|| Error::internal("a request reached its route without a deadline"))
    }
}

/// Every request: its body read first (up to the limit), a time limit, and one access-log line
/// (never a header, so never a secret; the id of the token that authenticated, if one did).
///
/// A write is never cut off by the time limit once it is queued: the writer itself refuses to
/// start it past its deadline, so a `request_timeout` always means "not applied".
pub async fn around(
    axum::extract::State(state): axum::extract::State<State>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let timeout_ms = state.request_timeout_ms;
    let deadline = tokio::time::Instant::now() + Duration::from_millis(timeout_ms);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let timed_out = || ApiError::from(HttpError::RequestTimeout { timeout_ms }).into_response();
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
        let mut response = ApiError::from(HttpError::PayloadTooLarge {
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
            return Err(ApiError::from(Error::invalid("body", format!("cannot be read: {e}"))).into_response());
        }
    };
    Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
}
