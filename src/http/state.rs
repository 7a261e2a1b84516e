//! What the whole server shares: how it runs ([`Config`]), where it listens ([`Bound`]), and
//! the [`State`] every handler gets: the read connections, the remembered tokens, the writer's
//! queue and the log.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use crate::ledger::limits::SHUTDOWN_GRACE_EXTRA_MS;
use crate::ops::TokenCache;

use super::log::Log;
use super::reads::Reads;
use super::writer::Job;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: crate::store::DbLocation,
    pub lock_timeout_ms: u64,
    /// Writes committed together at most (1: a transaction per request).
    pub commit_group_max: usize,
    /// One line per request on stderr.
    pub access_log: bool,
    /// How long a request may wait to be started (`--request-timeout-ms`).
    pub request_timeout_ms: u64,
}

impl Config {
    /// How long a shutdown waits for requests in flight.
    pub(super) fn grace(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms.saturating_add(SHUTDOWN_GRACE_EXTRA_MS))
    }
}

/// The addresses the listeners are bound to (port 0 becomes a real port here).
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    pub public: SocketAddr,
    pub internal: SocketAddr,
}

/// What every handler shares.
#[derive(Clone)]
pub struct State {
    pub reads: Reads,
    /// Tokens already checked, answered without a read while no token changed.
    pub tokens: Arc<TokenCache>,
    pub writes: mpsc::Sender<Job>,
    pub log: Log,
    pub access_log: bool,
    pub request_timeout_ms: u64,
    /// The OpenAPI document, rendered once the listeners' addresses are known.
    pub openapi: Arc<[u8]>,
}

impl State {
    pub fn new(config: &Config, writes: mpsc::Sender<Job>, log: Log, openapi: Vec<u8>) -> State {
        State {
            reads: Reads::new(config.db.clone(), config.lock_timeout_ms),
            tokens: Arc::new(TokenCache::new(&config.db)),
            writes,
            log,
            access_log: config.access_log,
            request_timeout_ms: config.request_timeout_ms,
            openapi: openapi.into(),
        }
    }
}
