//! `ledgerctl serve`: the seeds' HTTP API over the same operations as the CLI.
//!
//! Handlers decode a request into the same validated [`Operation`](crate::ledger::request::Operation)
//! the CLI builds, call [`ops`](crate::ops), and answer with the same envelope. Writes go to one
//! writer thread that commits every request waiting at that moment in one transaction (group
//! commit, a savepoint each); reads and token checks use a small set of read connections.

mod api;
mod auth;
mod body;
mod openapi;
mod reads;
mod writer;

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::store::Store;

pub use openapi::document;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub lock_timeout_ms: u64,
    /// Writes committed together at most (1: a transaction per request).
    pub commit_group_max: usize,
    /// One line per request on stderr.
    pub access_log: bool,
}

/// The addresses the listeners are bound to (port 0 becomes a real port here).
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    pub public: SocketAddr,
    pub internal: SocketAddr,
}

/// Binds both listeners, reports them through `started`, and serves until SIGINT or SIGTERM.
/// On a signal the listeners stop accepting, requests in flight finish, and the writer commits
/// what it holds before this returns: an answered write is never lost.
pub fn run(
    config: &Config,
    listen: &str,
    internal_listen: &str,
    started: &mut dyn FnMut(&Bound) -> std::io::Result<()>,
) -> Result<()> {
    // Open (and migrate) the ledger before binding: a wrong --db fails fast, as in every command.
    let store = Store::open(&config.db, config.lock_timeout_ms)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::internal(format!("cannot start the server runtime: {e}")))?;
    runtime.block_on(async {
        let public = bind("listen", listen).await?;
        let internal = bind("internal-listen", internal_listen).await?;
        let bound = Bound {
            public: public.local_addr().map_err(Error::internal)?,
            internal: internal.local_addr().map_err(Error::internal)?,
        };
        if bound.public == bound.internal {
            return Err(Error::invalid("internal-listen", "must differ from --listen"));
        }
        started(&bound).map_err(|e| Error::internal(format!("cannot report the listeners: {e}")))?;
        serve(config, store, public, internal, shutdown_signal()).await
    })
}

async fn bind(flag: &str, addr: &str) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::invalid(flag, format!("cannot listen on {addr}: {e}")))
}

/// Serves on listeners the caller has bound until `shutdown` completes, then drains.
pub async fn serve(
    config: &Config,
    store: Store,
    public: tokio::net::TcpListener,
    internal: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let (writes, writer) = writer::start(store, config.commit_group_max)?;
    let state = api::State::new(config, writes);
    let (stop, _) = tokio::sync::watch::channel(false);
    let stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let public_server =
        axum::serve(public, api::public_router(state.clone())).with_graceful_shutdown(stopped(stop.subscribe()));
    let internal_server =
        axum::serve(internal, api::internal_router(state)).with_graceful_shutdown(stopped(stop.subscribe()));
    let signal = async move {
        shutdown.await;
        let _ = stop.send(true);
    };
    let (served_public, served_internal, ()) =
        tokio::join!(async { public_server.await }, async { internal_server.await }, signal);
    // Both routers (and every sender to the writer) are gone now: the writer finishes its last
    // group, commits it and ends.
    let written = tokio::task::spawn_blocking(move || writer.join())
        .await
        .map_err(Error::internal)?
        .map_err(|_| Error::internal("the writer thread panicked"));
    served_public.map_err(|e| Error::internal(format!("public listener: {e}")))?;
    served_internal.map_err(|e| Error::internal(format!("internal listener: {e}")))?;
    written
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(_) => return interrupt.await.unwrap_or(()),
        };
        tokio::select! {
            _ = interrupt => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
    eprintln!("ledgerctl serve: shutting down: finishing requests in flight");
}
