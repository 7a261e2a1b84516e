//! The SQLite ledger file: one connection, its transactions, and the queries by concern.

mod audit;
mod columns;
mod create;
mod freezes;
pub(in crate::store) mod idempotency;
mod journal;
mod migrate;
mod open;
mod policies;
mod queries;
#[cfg(test)]
mod query_plans;
mod reads;
mod reconcile;
pub(in crate::store) mod review;
mod review_schema;
mod schema;
mod seals;
pub(in crate::store) mod snapshots;
mod tokens;
mod verify;
pub(in crate::store) mod wallets;

use rusqlite::{Connection, Row, TransactionBehavior};

use crate::error::{Error, Result};
use crate::ledger::request::{PageRequest, Paged};
use crate::store::error::StoreError;
use crate::store::Storage;

pub use open::has_ledger_header;
pub use schema::{APPEND_ONLY_TRIGGERS, MIGRATIONS};

/// An open ledger file.
pub struct SqliteStore {
    conn: Connection,
    lock_timeout_ms: u64,
    /// Opened with [`SqliteStore::open_read_only`]: every write is refused before it starts.
    read_only: bool,
}

impl Storage for SqliteStore {
    type Tx<'c> = SqliteTx<'c>;

    /// One `BEGIN IMMEDIATE` transaction: all of it commits, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&SqliteTx) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.run(TransactionBehavior::Immediate, Keep::Everything, f)
    }

    /// One consistent snapshot; never blocks writers, never blocked by them. A read keeps
    /// nothing: it ends in a rollback, so a write made inside one by mistake is undone.
    fn read<T>(&mut self, f: impl FnOnce(&SqliteTx) -> Result<T>) -> Result<T> {
        self.run(TransactionBehavior::Deferred, Keep::Nothing, f)
    }

    /// Under the write lock as [`Storage::write`], then rolled back: a dry run sees the real
    /// ledger and the effect of its own earlier lines, and leaves no trace.
    fn rehearse<T>(&mut self, f: impl FnOnce(&SqliteTx) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.run(TransactionBehavior::Immediate, Keep::Nothing, f)
    }

    /// `PRAGMA user_version`.
    fn schema_version(&mut self) -> Result<i64> {
        SqliteStore::schema_version(self)
    }
}

impl SqliteStore {
    /// `PRAGMA data_version`: it differs from its last reading on this connection whenever any
    /// other connection (this process's or another's) has committed since. A read of the WAL
    /// index in shared memory, never a lock wait.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?)
    }

    /// `PRAGMA schema_version`, the schema's cookie: it moves whenever the schema changes (a
    /// trigger dropped, say). Not `user_version`, the count of migrations applied.
    pub fn schema_cookie(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("PRAGMA schema_version")?
            .query_row([], |r| r.get(0))?)
    }

    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly {
                reason: "the ledger was opened read-only; nothing was written".to_owned(),
            });
        }
        Ok(())
    }

    /// Runs `f` in one transaction; an error from `f` rolls it back (the transaction is dropped),
    /// and a success ends as `keep` says.
    fn run<T>(
        &mut self,
        behavior: TransactionBehavior,
        keep: Keep,
        f: impl FnOnce(&SqliteTx) -> Result<T>,
    ) -> Result<T> {
        let lock_timeout_ms = self.lock_timeout_ms;
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(|e| StoreError::lock(lock_timeout_ms, e))?;
        let wrapped = SqliteTx { tx, lock_timeout_ms };
        let value = f(&wrapped)?;
        match keep {
            Keep::Everything => wrapped.tx.commit().map_err(|e| StoreError::lock(lock_timeout_ms, e))?,
            Keep::Nothing => wrapped.tx.rollback()?,
        }
        Ok(value)
    }
}

/// How a transaction that succeeded ends.
enum Keep {
    /// Commit: a write.
    Everything,
    /// Roll back: a read, or a rehearsal.
    Nothing,
}

/// One open transaction on the ledger: every query the operations need, and nothing else.
pub struct SqliteTx<'conn> {
    tx: rusqlite::Transaction<'conn>,
    lock_timeout_ms: u64,
}

impl SqliteTx<'_> {
    pub(super) fn q(&self) -> &Connection {
        &self.tx
    }

    /// Runs `f` in a savepoint, so that if it fails only what `f` wrote is undone, keeping apart
    /// the two ways it can fail: the outer error means the savepoint could not be opened or
    /// undone (the transaction is in doubt and must not commit), the inner one is `f`'s own
    /// failure, already undone.
    pub(super) fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>> {
        let run = |sql: &str| -> Result<()> {
            self.q().prepare_cached(sql)?.execute([])?;
            Ok(())
        };
        run("SAVEPOINT line")?;
        match f(self) {
            Ok(value) => {
                run("RELEASE line")?;
                Ok(Ok(value))
            }
            Err(e) => {
                run("ROLLBACK TO line")?;
                run("RELEASE line")?;
                Ok(Err(e))
            }
        }
    }

    /// Every row of a query, each turned into a domain value by `row`.
    pub(super) fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: fn(&Row) -> rusqlite::Result<Result<T>>,
    ) -> Result<Vec<T>> {
        self.q()
            .prepare_cached(sql)?
            .query_map(params, row)?
            .map(|r| r?)
            .collect()
    }

    /// One page of `SELECT columns FROM from_where ORDER BY order`, with the count of all its
    /// rows. Both queries are built from the one clause, so the total always counts the rows
    /// being paged. `filter` binds `?1…?n`; the page binds the two after them.
    pub(super) fn page_of<T>(
        &self,
        columns: &str,
        from_where: &str,
        order: &str,
        filter: &[&dyn rusqlite::ToSql],
        page: PageRequest,
        row: fn(&Row) -> rusqlite::Result<Result<T>>,
    ) -> Result<Paged<T>> {
        let total = self.count(&format!("SELECT COUNT(*) FROM {from_where}"), filter)?;
        let (limit, offset) = (filter.len() + 1, filter.len() + 2);
        let sql = format!("SELECT {columns} FROM {from_where} ORDER BY {order} LIMIT ?{limit} OFFSET ?{offset}");
        let page_offset = page.offset();
        let mut params = filter.to_vec();
        params.push(&page.page_size);
        params.push(&page_offset);
        let items = self.rows(&sql, params.as_slice(), row)?;
        Ok(Paged { items, total, page })
    }

    fn count(&self, sql: &str, params: impl rusqlite::Params) -> Result<u64> {
        let n: i64 = self.q().prepare_cached(sql)?.query_row(params, |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
