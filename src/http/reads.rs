//! Read connections for GET routes and token checks: opened on demand, kept for reuse (while
//! they still answer), at most `READ_CONNECTIONS_MAX` in use at once. Each read runs on a blocking thread in its own snapshot
//! (WAL readers never block the writer, nor are blocked by it).

use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::ledger::limits::READ_CONNECTIONS_MAX;
use crate::store::{DbLocation, Store};

#[derive(Clone)]
pub struct Reads {
    db: Arc<DbLocation>,
    lock_timeout_ms: u64,
    idle: Arc<Idle>,
    permits: Arc<Semaphore>,
}

impl Reads {
    pub fn new(db: DbLocation, lock_timeout_ms: u64) -> Reads {
        Reads {
            db: Arc::new(db),
            lock_timeout_ms,
            idle: Arc::new(Idle(Mutex::new(Vec::new()))),
            permits: Arc::new(Semaphore::new(READ_CONNECTIONS_MAX)),
        }
    }

    /// Runs `f` on a read connection, off the async threads.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce(&mut Store) -> Result<T> + Send + 'static) -> Result<T> {
        // The permit goes with the blocking task: a read outlives a caller that gave up on it,
        // and must still count against the limit until it ends.
        let permit = self.permits.clone().acquire_owned().await.map_err(Error::internal)?;
        let reads = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut store = match reads.idle_alive() {
                Some(store) => store,
                None => Store::open(&reads.db, reads.lock_timeout_ms)?,
            };
            let value = f(&mut store);
            // A connection whose read failed is dropped, not reused: its state is unknown.
            if value.is_ok() {
                if let Ok(mut idle) = reads.idle.0.lock() {
                    idle.push(store);
                }
            }
            value
        })
        .await
        .map_err(|e| Error::internal(format!("a read task failed: {e}")))?
    }
}

impl Reads {
    /// An idle connection that can still be used. One the database has ended (a restart, a
    /// terminated session) is closed here rather than failing the read it would have served.
    fn idle_alive(&self) -> Option<Store> {
        loop {
            let mut store = self.idle.0.lock().ok()?.pop()?;
            if store.is_alive() {
                return Some(store);
            }
        }
    }
}

/// The connections kept for reuse. The last clone of the pool may be dropped on one of the
/// server's async threads; a PostgreSQL connection closes by blocking on a runtime of its own,
/// which tokio refuses there, so they are closed on a plain thread.
struct Idle(Mutex<Vec<Store>>);

impl Drop for Idle {
    fn drop(&mut self) {
        let stores = std::mem::take(self.0.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner()));
        if !stores.is_empty() {
            let _ = std::thread::spawn(move || drop(stores)).join();
        }
    }
}
