//! The server's writes: many requests in one durable transaction (group commit), each in its
//! own savepoint, so one request's failure undoes only itself, and the `Idempotency-Key` check
//! and record in the same savepoint as the write they guard.

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::model::Scope;
use crate::ledger::request::Operation;
use crate::store::{IdempotentResponse, Store, Tx};

use super::operate::{execute_in, refund_by_transaction_in, Outcome};

/// One write a caller asked for.
#[derive(Debug, Clone)]
pub struct WriteRequest {
    pub scope: Scope,
    /// Who is asking, as the journal records it (`token:tok_…`).
    pub actor: String,
    /// The wallet's user; `None` for the internal refund, which finds the wallet itself.
    pub user_id: Option<String>,
    pub operation: Operation,
    pub key: Option<IdempotencyKey>,
}

/// An `Idempotency-Key`, scoped to the tenant and application of the request, and what
/// identifies the request it was first sent with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key: String,
    /// SHA-256 of the method, path and body bytes.
    pub fingerprint: String,
    pub token_id: String,
}

/// A finished response: the HTTP status and the exact body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Turns an outcome (or a failure) into the response sent, and stored with a key.
pub type Render<'a> = &'a dyn Fn(&Result<Outcome>) -> Reply;

/// Runs every request in one `BEGIN IMMEDIATE` transaction and commits once: all the answers
/// are durable together, after one fsync. Each request runs in a savepoint. When the commit
/// itself fails, nothing was written and the error is every request's answer.
pub fn commit_group(store: &mut Store, requests: &[WriteRequest], render: Render) -> Result<Vec<Reply>> {
    store.write(|tx| {
        let mut replies = Vec::with_capacity(requests.len());
        for request in requests {
            let reply = match tx.savepoint(|tx| run_keyed(tx, request, render)) {
                Ok(reply) => reply,
                Err(e) if matches!(e.kind(), ErrorKind::Internal | ErrorKind::Busy) => return Err(e),
                Err(e) => render(&Err(e)),
            };
            replies.push(reply);
        }
        Ok(replies)
    })
}

fn run_keyed(tx: &Tx, request: &WriteRequest, render: Render) -> Result<Reply> {
    if let Some(key) = &request.key {
        if let Some((fingerprint, status, body)) = tx.idempotent_response(&request.scope, &key.key)? {
            if fingerprint != key.fingerprint {
                return Err(Error::IdempotencyConflict { key: key.key.clone() });
            }
            return Ok(Reply { status, body });
        }
    }
    let outcome = match &request.user_id {
        Some(user_id) => execute_in(tx, &request.scope, user_id, &request.operation, &request.actor)?,
        None => refund_by_transaction_in(tx, &request.scope, &request.operation, &request.actor)?,
    };
    let reply = render(&Ok(outcome));
    if let Some(key) = &request.key {
        tx.record_response(&IdempotentResponse {
            scope: request.scope.clone(),
            key: key.key.clone(),
            fingerprint: key.fingerprint.clone(),
            status: reply.status,
            response: reply.body.clone(),
            token_id: key.token_id.clone(),
            created_at: super::now(),
        })?;
    }
    Ok(reply)
}
