//! The routes, a file per group: each decodes its request into what the CLI would build, calls
//! the same `ops` function, and answers with the same envelope. What more than one group needs
//! (the path's user, checked; query parameters; handing a write to the writer) is here; a group
//! never imports another.

pub mod admin;
pub mod history;
pub mod policy;
pub mod service;
pub mod snapshots;
pub mod wallets;
pub mod withdrawals;
pub mod writes;

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::response::Response;
use tokio::sync::oneshot;

use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::request::PageRequest;
use crate::ops::{IdempotencyKey, Work, WriteRequest};

use super::auth::Bearer;
use super::body::{fingerprint, reply_response, ApiError};
use super::error::HttpError;
use super::middleware::Deadline;
use super::state::State;
use super::writer::{Fate, Job};

/// The internal listener's one route, and the route both listeners serve.
pub const INTERNAL_REFUND_PATH: &str = "/internal/wallet/refund";
pub const HEALTHZ_PATH: &str = "/healthz";
/// The upstream document's `basePath`: the public wallet routes are served under it as well.
pub const UPSTREAM_BASE_PATH: &str = "/bff/wallet-service/api/v1";

/// The `user_id` of the path, checked; a path that cannot be decoded is a 400 envelope too.
fn path_user(path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let Path(user_id) = path.map_err(|e| Error::invalid("user_id", e.body_text()))?;
    ids::check_name("user_id", &user_id)?;
    Ok(user_id)
}

/// A user's wallet, after the token's reach is checked.
fn reachable(caller: &Bearer, path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let user_id = path_user(path)?;
    caller.reaches(&user_id)?;
    Ok(user_id)
}

/// The `Idempotency-Key` of a route that names no one wallet (a batch, a snapshot, a policy
/// change), kept under the route's own `owner` and fingerprinted by the request's method,
/// path and body.
pub(super) fn route_key(
    caller: &Bearer,
    key: String,
    owner: &str,
    (method, path, body): (&str, &str, &[u8]),
) -> IdempotencyKey {
    IdempotencyKey {
        key,
        owner: owner.to_owned(),
        fingerprint: fingerprint(method, path, body),
        token_id: caller.0.id.clone(),
    }
}

/// A write of the caller's whole tenant and application, for the writer: no one user, the
/// work names what it touches.
pub(super) fn scope_request(
    caller: &Bearer,
    key: Option<IdempotencyKey>,
    deadline: &Deadline,
    work: Work,
) -> WriteRequest {
    WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        key,
        user_id: None,
        work,
        deadline: deadline.at.into_std(),
        timeout_ms: deadline.timeout_ms,
    }
}

/// Hands a write to the writer and waits until it is durable, has failed, or the deadline has
/// come. At the deadline a write the writer has not started is abandoned (it never will be):
/// the answer is then `request_timeout`, nothing written. A write already started is waited
/// for; it holds the write lock, so its answer is a commit away.
pub(super) async fn submit(state: &State, request: WriteRequest, deadline: Deadline) -> Result<Response, ApiError> {
    let (reply, mut answer) = oneshot::channel();
    let fate = Arc::new(Fate::default());
    let gone = || Error::internal("the ledger writer has stopped");
    let timed_out = || {
        ApiError::from(HttpError::RequestTimeout {
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

/// Query parameters, each at most once, unknown ones refused.
pub(super) struct QueryParams(pub(super) Vec<(String, String)>);

impl QueryParams {
    pub(super) fn new(
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

    pub(super) fn one(&self, name: &str) -> Option<&str> {
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

    pub(super) fn page(&self) -> Result<PageRequest> {
        PageRequest::new(self.number("page")?, self.number("page_size")?)
    }
}
