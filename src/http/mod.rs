//! `ledgerctl serve`: the seeds' HTTP API over the same operations as the CLI.
//!
//! Handlers decode a request into the same validated [`Operation`](crate::ledger::operations::Operation)
//! the CLI builds, call [`ops`](crate::ops), and answer with the same envelope. Writes go to one
//! writer thread that commits every request waiting at that moment in one transaction (group
//! commit, a savepoint each); reads and token checks use a small set of read connections.
//!
//! # The dependency rule
//!
//! Imports between these modules point one way, up this list: a module uses only modules on
//! the lines above its own, never one on its own line or below; a submodule uses its parent,
//! never a sibling (the route groups stay apart). Nothing imports this file, whose re-exports
//! are for the rest of the crate. `layers.rs` checks the rule on the source.
//!
//! 1. `error`: the conditions only HTTP meets, and what a request fails with
//! 2. `log`, `reads`, `body`, `schema`: the log thread, the read connections,
//!    request bodies in and replies out, the request bodies as the document describes them
//! 3. `writer`: the group commit, rendering each outcome through `body`
//! 4. `state`: how the server runs and what every handler shares (reads, the writer's queue)
//! 5. `auth`: who is calling
//! 6. `middleware`: around every route: the body read first, the deadline, the access log
//! 7. `routes`: the handlers, a file per group
//! 8. `openapi`, `router`: the document of the routes, and which listener serves which route
//! 9. this file: binds the listeners, serves, and shuts down

mod auth;
mod body;
mod error;
#[cfg(test)]
mod layers;
mod log;
mod middleware;
mod openapi;
mod reads;
mod router;
mod routes;
mod schema;
mod state;
mod writer;

use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};

use crate::error::{Error, Result};
use crate::ledger::limits::{CONNECTIONS_MAX, HEADER_READ_TIMEOUT_MS, POSTGRES_WRITERS};
use crate::store::{DbLocation, Reconnecting, Store};

pub use error::HttpError;
pub use openapi::document;
pub use state::{Bound, Config};

/// Binds both listeners, reports them through `started`, and serves until SIGINT or SIGTERM.
///
/// On a signal the listeners stop accepting and requests in flight finish, for at most
/// the request timeout plus `SHUTDOWN_GRACE_EXTRA_MS` (a second signal stops waiting). Then the writer commits what it has
/// started and this returns. Answers are sent only after their commit, so a write answered 200
/// is never lost; a write that was never answered was either not started or is found by its
/// `Idempotency-Key` or `reference_id`.
pub fn run(
    config: &Config,
    listen: &str,
    internal_listen: &str,
    started: &mut dyn FnMut(&Bound) -> std::io::Result<()>,
) -> Result<()> {
    // Open (and migrate) the ledger before binding: a wrong --db fails fast, as in every command.
    let (stores, group_max) = open_writers(config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::internal(format!("cannot start the server runtime: {e}")))?;
    let (log, log_writer) = log::Log::start();
    let (stop, stopped) = watch::channel(false);
    let (hurry, hurried) = watch::channel(false);
    // Stopping the writer must not depend on the connections: it ends when its queue's last
    // sender is gone, which at the latest is when the runtime below is dropped.
    let writer_stop = stop.clone();
    let (writes, writer) = writer::start(stores, group_max, log.clone(), move || {
        let _ = writer_stop.send(true);
    })?;
    let served: Result<()> = runtime.block_on(async {
        let public = bind("listen", listen).await?;
        let internal = bind("internal-listen", internal_listen).await?;
        let bound = Bound {
            public: public.local_addr().map_err(Error::internal)?,
            internal: internal.local_addr().map_err(Error::internal)?,
        };
        started(&bound).map_err(|e| Error::internal(format!("cannot report the listeners: {e}")))?;
        let state = state::State::new(config, writes, log.clone(), openapi::served_bytes(&bound));
        let grace = config.grace();
        tokio::spawn(signals(stop, hurry, log.clone(), grace));
        let public = serve(
            public,
            router::public_router(state.clone()),
            stopped.clone(),
            hurried.clone(),
            grace,
        );
        let internal = serve(internal, router::internal_router(state), stopped, hurried, grace);
        tokio::join!(public, internal);
        Ok(())
    });
    // Drops every task still holding a connection (only after the grace period), and with them
    // the last senders to the writer.
    runtime.shutdown_timeout(Duration::from_secs(1));
    // Every writer is joined, a panicked one included.
    let writer_panicked = writer.into_iter().map(|w| w.join().is_err()).filter(|&p| p).count() > 0;
    log.line(format!("{} ledgerctl serve: stopped", crate::ops::now()));
    drop(log);
    log_writer.finish();
    served?;
    if writer_panicked {
        return Err(Error::internal(
            "the writer thread failed; writes already answered 200 are durable",
        ));
    }
    Ok(())
}

/// The writers' stores and the size of their groups: SQLite's one writer groups up to
/// `--commit-group-max`, PostgreSQL's `POSTGRES_WRITERS` run one request each. Each store is
/// reopened in the same way if its connection is lost.
fn open_writers(config: &Config) -> Result<(Vec<Reconnecting>, usize)> {
    let (writers, group_max) = match config.db {
        DbLocation::Path(_) => (1, config.commit_group_max),
        DbLocation::Postgres { .. } => (POSTGRES_WRITERS, 1),
    };
    let stores = (0..writers)
        .map(|_| {
            let store = Store::open(&config.db, config.lock_timeout_ms)?;
            Ok(Reconnecting::new(store, config.db.clone(), config.lock_timeout_ms))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((stores, group_max))
}

async fn bind(flag: &str, addr: &str) -> Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| Error::invalid(flag, format!("cannot listen on {addr}: {e}")))
}

/// The first SIGINT or SIGTERM starts the shutdown; a second one ends the grace period.
async fn signals(stop: watch::Sender<bool>, hurry: watch::Sender<bool>, log: log::Log, grace: Duration) {
    shutdown_signal().await;
    log.line(format!(
        "{} ledgerctl serve: shutting down: finishing requests in flight (at most {} s; a second signal stops waiting)",
        crate::ops::now(),
        grace.as_secs()
    ));
    let _ = stop.send(true);
    shutdown_signal().await;
    log.line(format!(
        "{} ledgerctl serve: second signal: not waiting any longer",
        crate::ops::now()
    ));
    let _ = hurry.send(true);
}

/// Accepts connections until `stop`, at most `CONNECTIONS_MAX` at once, each with a time limit
/// on its request headers; then waits for the open ones to finish, for at most the grace period.
async fn serve(
    listener: TcpListener,
    router: axum::Router,
    mut stop: watch::Receiver<bool>,
    mut hurry: watch::Receiver<bool>,
    grace: Duration,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(CONNECTIONS_MAX));
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: wait a little rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(Duration::from_millis(HEADER_READ_TIMEOUT_MS))
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    let grace = tokio::time::sleep(grace);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = grace => {}
        _ = hurry.wait_for(|hurry| *hurry) => {}
    }
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
}
