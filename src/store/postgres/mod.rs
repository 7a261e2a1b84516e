//! The PostgreSQL ledger: one connection, its schema, and bringing that schema up to date.
//!
//! A [`PgStore`] owns one `postgres::Client` (synchronous: each client blocks on a runtime of its
//! own, so it is used from plain threads and `spawn_blocking`, never on an async worker). Every
//! session commits durably (`synchronous_commit = on`) and waits for a lock at most
//! `--lock-timeout-ms`, as SQLite's busy timeout does.

mod migrate;
mod open;
mod schema;
#[doc(hidden)]
pub mod testing;
#[cfg(test)]
mod tests;

pub use schema::{APPEND_ONLY_TRIGGERS, FIRST_VERSION, LATEST_VERSION, MIGRATIONS};

/// An open PostgreSQL ledger.
pub struct PgStore {
    client: ::postgres::Client,
    /// The database's URL without its password: what messages name it by.
    shown: String,
    lock_timeout_ms: u64,
    /// Opened with [`PgStore::open_read_only`]: the session refuses every write.
    read_only: bool,
}

impl PgStore {
    /// The database's URL without its password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Whether this session was opened read-only.
    pub fn read_only(&self) -> bool {
        self.read_only
    }
}
