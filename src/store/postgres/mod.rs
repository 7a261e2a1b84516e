//! The PostgreSQL ledger: one connection, its schema, and bringing that schema up to date.
//!
//! A [`PgStore`] owns one `postgres::Client` (synchronous: each client blocks on a runtime of its
//! own, so it is used from plain threads and `spawn_blocking`, never on an async worker). Every
//! session commits durably (`synchronous_commit = on`) and waits for a lock at most
//! `--lock-timeout-ms`, as SQLite's busy timeout does.

mod audit;
mod columns;
mod freezes;
pub(super) mod guards;
mod idempotency;
mod import;
mod journal;
mod migrate;
mod open;
mod policies;
mod queries;
mod reads;
mod reconcile;
mod review;
mod review_schema;
mod schema;
mod seals;
mod snapshots;
#[doc(hidden)]
pub mod testing;
#[cfg(test)]
mod tests;
mod tokens;
mod transaction;
mod wallets;

use std::collections::HashMap;

use std::cell::RefCell;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::ledger::limits::{CONNECTION_CHECK_IDLE_MS, CONNECTION_CHECK_TIMEOUT_MS};
use crate::store::error::commit_failed;
use crate::store::Storage;

pub use schema::{append_only_triggers, FIRST_VERSION, LATEST_VERSION, MIGRATIONS, NO_TRUNCATE_TRIGGERS};
pub use transaction::PgTx;

/// An open PostgreSQL ledger.
pub struct PgStore {
    /// In a cell: a transaction ([`PgTx`]) borrows it for one statement at a time, as the
    /// storage interface's `&self` queries need.
    client: RefCell<::postgres::Client>,
    /// The database's URL without its password: what messages name it by.
    shown: String,
    lock_timeout_ms: u64,
    /// Opened with [`PgStore::open_read_only`]: the session refuses every write.
    read_only: bool,
    /// The statements this session has prepared, by their text.
    statements: RefCell<HashMap<String, ::postgres::Statement>>,
    /// When the session last answered: one that answered lately is trusted to be there.
    answered_at: Instant,
    /// A statement failed because the session was lost: the server's last word may still be
    /// unread, so the client does not know yet that it is closed.
    lost: bool,
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

    /// Whether the session can still be used. The client learns that the server ended it (a
    /// restart, `pg_terminate_backend`, a dropped network) only when it next reads from the
    /// socket, so a session idle for more than `CONNECTION_CHECK_IDLE_MS` is asked an empty
    /// query first, waiting at most `CONNECTION_CHECK_TIMEOUT_MS`. Under load no time is spent
    /// on this: a session that answered within the idle bound is trusted.
    pub fn is_alive(&mut self) -> bool {
        let client = self.client.get_mut();
        if self.lost || client.is_closed() {
            return false;
        }
        if self.answered_at.elapsed() < Duration::from_millis(CONNECTION_CHECK_IDLE_MS) {
            return true;
        }
        let alive = client
            .is_valid(Duration::from_millis(CONNECTION_CHECK_TIMEOUT_MS))
            .is_ok();
        if alive {
            self.answered_at = Instant::now();
        }
        alive
    }
}

impl Storage for PgStore {
    type Tx<'c> = PgTx<'c>;

    /// One `READ COMMITTED` transaction with explicit row locks: all of it commits, or none of
    /// it. A deadlock or a concurrent duplicate fails it whole (`Error::Retry`), never half.
    fn write<T>(&mut self, f: impl FnOnce(&PgTx) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.run(Mode::Write, f)
    }

    /// One `REPEATABLE READ READ ONLY` snapshot: every statement of `f` sees the same ledger,
    /// and PostgreSQL refuses any write in it.
    fn read<T>(&mut self, f: impl FnOnce(&PgTx) -> Result<T>) -> Result<T> {
        self.run(Mode::Read, f)
    }

    /// A write, rolled back: a dry run sees the real ledger and its own earlier lines, and
    /// leaves no trace.
    fn rehearse<T>(&mut self, f: impl FnOnce(&PgTx) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.run(Mode::Rehearse, f)
    }

    /// The `ledgerctl_schema` row.
    fn schema_version(&mut self) -> Result<i64> {
        PgStore::schema_version(self).map_err(|e| e.on_database(&self.shown))
    }
}

/// What a transaction is for, which decides how it begins and how it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Read,
    Rehearse,
}

impl PgStore {
    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly {
                reason: "the ledger was opened read-only; nothing was written".to_owned(),
            });
        }
        Ok(())
    }

    /// Runs `f` in one transaction; an error from `f` rolls it back, and a success commits only
    /// a write. The transaction is begun and ended here in SQL, not as a `postgres::Transaction`
    /// borrowing the client, so that a [`PgTx`] holds only shared borrows of the cells: ones
    /// that the store over every backend can hand on. A connection lost on the way names this
    /// database.
    fn run<T>(&mut self, mode: Mode, f: impl FnOnce(&PgTx) -> Result<T>) -> Result<T> {
        match self.run_unnamed(mode, f) {
            Ok(value) => {
                self.answered_at = Instant::now();
                Ok(value)
            }
            Err(e) => {
                self.lost |= matches!(
                    e,
                    Error::DatabaseUnavailable { .. } | Error::CommitOutcomeUnknown { .. }
                );
                Err(e.on_database(&self.shown))
            }
        }
    }

    fn run_unnamed<T>(&mut self, mode: Mode, f: impl FnOnce(&PgTx) -> Result<T>) -> Result<T> {
        let begin = match mode {
            // Explicit locks, not SERIALIZABLE's conflict detection: a write locks its wallet's
            // row before it reads anything of the wallet, and the ledger-wide chains take one
            // row lock (`lock_ledger_chains`), so writers of one wallet queue instead of failing
            // one another; a unique index refusing a concurrent duplicate reruns the request.
            Mode::Write | Mode::Rehearse => "BEGIN ISOLATION LEVEL READ COMMITTED",
            Mode::Read => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        self.client.get_mut().batch_execute(begin)?;
        let tx = PgTx::new(&self.client, &self.statements, mode != Mode::Read, self.lock_timeout_ms);
        let value = f(&tx);
        if let (Ok(_), Mode::Write) = (&value, mode) {
            self.commit()?;
            return value;
        }
        let ended = self.client.get_mut().batch_execute("ROLLBACK");
        let value = value?;
        ended?;
        Ok(value)
    }

    /// COMMIT, telling apart the two ways a lost connection ends it. Seen closed before COMMIT
    /// is sent, nothing was committed (`database_unavailable`); lost once it is on its way, the
    /// server may have committed before the connection went (`commit_outcome_unknown`).
    fn commit(&mut self) -> Result<()> {
        let client = self.client.get_mut();
        if client.is_closed() {
            return Err(Error::DatabaseUnavailable {
                shown: None,
                cause: "the connection closed before COMMIT was sent".to_owned(),
            });
        }
        client
            .batch_execute("COMMIT")
            .map_err(|e| commit_failed(&e, &self.shown))
    }
}
