//! One open PostgreSQL transaction (`PgTx`) and the statement helpers every concern's file
//! uses. The client takes `&mut self` and the storage interface `&self`, so the client sits in
//! a `RefCell`, borrowed for one statement at a time: never across a caller's closure, which may
//! run statements of its own. The transaction itself is begun and ended in SQL by the store.

use std::cell::RefCell;
use std::collections::HashMap;

use ::postgres::error::SqlState;
use ::postgres::types::ToSql;
use ::postgres::{Client, Row, Statement};

use crate::error::Result;
use crate::ledger::request::{PageRequest, Paged};
use crate::store::error::StoreError;

/// A statement's bound values, in `$1, $2, …` order.
pub(super) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// One open transaction on the ledger: every query the operations need, and nothing else.
pub struct PgTx<'c> {
    tx: &'c RefCell<Client>,
    /// The session's prepared statements, by their text (see [`PgTx::prepared`]).
    statements: &'c RefCell<HashMap<String, Statement>>,
    /// A write (or a rehearsal): wallets are read with their row lock.
    writing: bool,
    lock_timeout_ms: u64,
}

impl<'c> PgTx<'c> {
    pub(super) fn new(
        client: &'c RefCell<Client>,
        statements: &'c RefCell<HashMap<String, Statement>>,
        writing: bool,
        lock_timeout_ms: u64,
    ) -> PgTx<'c> {
        PgTx {
            tx: client,
            statements,
            writing,
            lock_timeout_ms,
        }
    }

    /// `sql` prepared once per session and kept: a statement given as text is parsed and
    /// planned again on every call, one more round trip each. Every text here is built from
    /// constants, so the set stays small; a prepared statement outlives a rolled-back
    /// transaction.
    pub(super) fn prepared(&self, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.borrow_mut().prepare(sql)?;
        self.statements.borrow_mut().insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    /// Runs `f` in a savepoint, keeping apart the two ways it can fail: the outer error means
    /// the savepoint could not be opened or undone (the transaction is in doubt and must not
    /// commit), the inner one is `f`'s own failure, already undone. Rolling back to the
    /// savepoint also clears PostgreSQL's aborted state after a failed statement inside.
    pub(super) fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>> {
        self.batch("SAVEPOINT line")?;
        match f(self) {
            Ok(value) => {
                self.batch("RELEASE SAVEPOINT line")?;
                Ok(Ok(value))
            }
            Err(e) => {
                self.batch("ROLLBACK TO SAVEPOINT line")?;
                self.batch("RELEASE SAVEPOINT line")?;
                Ok(Err(e))
            }
        }
    }

    /// Runs one statement whose failure the caller recovers from, in a savepoint of its own:
    /// PostgreSQL aborts the whole transaction after any failed statement. The outer error:
    /// the savepoint could not be opened or undone; the inner one: the statement's, undone.
    pub(super) fn recoverable<T>(
        &self,
        run: impl FnOnce(&mut Client) -> std::result::Result<T, ::postgres::Error>,
    ) -> Result<std::result::Result<T, ::postgres::Error>> {
        self.batch("SAVEPOINT statement")?;
        let outcome = run(&mut self.tx.borrow_mut());
        if outcome.is_err() {
            self.batch("ROLLBACK TO SAVEPOINT statement")?;
        }
        self.batch("RELEASE SAVEPOINT statement")?;
        Ok(outcome)
    }

    /// Runs one statement that a unique index may refuse (SQLite's `unique_reference_or`
    /// queries again after its failed INSERT; here the transaction must survive the failure
    /// first). `None`: a unique index refused it, and it is undone.
    pub(super) fn unless_duplicate<T>(
        &self,
        run: impl FnOnce(&mut Client) -> std::result::Result<T, ::postgres::Error>,
    ) -> Result<Option<T>> {
        match self.recoverable(run)? {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// ` FOR UPDATE` in a write: the wallet's row lock serializes the writers of one wallet,
    /// and writers of different wallets never wait on each other. A read takes no lock (a
    /// read-only transaction refuses one).
    pub(super) fn locking(&self) -> &'static str {
        if self.writing {
            " FOR UPDATE"
        } else {
            ""
        }
    }

    /// In a write, waits for the ledger-wide lock until the transaction ends: the row lock on
    /// `ledgerctl_schema`'s one row (which migrations take too), held by one writer at a time
    /// while reads go on. For the chains of the whole ledger, audit records and seals, whose head
    /// a writer reads and then extends: under READ COMMITTED, the head read after the lock is
    /// the latest committed one. A row lock, not `LOCK TABLE`, which distributed SQL lacks.
    pub(super) fn lock_ledger_chains(&self) -> Result<()> {
        if self.writing {
            self.locked_row(
                "SELECT version FROM ledgerctl_schema WHERE id = 1 FOR UPDATE",
                &[],
                |_| Ok(()),
            )?;
        }
        Ok(())
    }

    /// Whether an id can name a stored row at all. PostgreSQL's text holds no NUL character, so
    /// an id with one (a looked-up id is checked only for its length, and a path may carry
    /// `%00`) names nothing, as it does on SQLite: found by no query, instead of failing it.
    pub(super) fn storable(id: &str) -> bool {
        !id.contains('\0')
    }

    /// The first row of a statement that may wait for a row lock: a wait past `lock_timeout`
    /// says how long it waited.
    pub(super) fn locked_row<T>(&self, sql: &str, params: Params, row: fn(&Row) -> Result<T>) -> Result<Option<T>> {
        let statement = self.prepared(sql)?;
        let found = self
            .tx
            .borrow_mut()
            .query_opt(&statement, params)
            .map_err(|source| StoreError::PostgresLock {
                lock_timeout_ms: self.lock_timeout_ms,
                source,
            })?;
        found.as_ref().map(row).transpose()
    }

    pub(super) fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.tx.borrow_mut().batch_execute(sql)?)
    }

    /// How many rows a statement changed.
    pub(super) fn execute(&self, sql: &str, params: Params) -> Result<u64> {
        let statement = self.prepared(sql)?;
        Ok(self.tx.borrow_mut().execute(&statement, params)?)
    }

    /// The one row of a statement that always answers one (an aggregate, `RETURNING`).
    pub(super) fn one(&self, sql: &str, params: Params) -> Result<Row> {
        let statement = self.prepared(sql)?;
        Ok(self.tx.borrow_mut().query_one(&statement, params)?)
    }

    /// The row of a statement that answers at most one, turned into a domain value by `row`.
    pub(super) fn first<T>(&self, sql: &str, params: Params, row: fn(&Row) -> Result<T>) -> Result<Option<T>> {
        let statement = self.prepared(sql)?;
        let found = self.tx.borrow_mut().query_opt(&statement, params)?;
        found.as_ref().map(row).transpose()
    }

    /// Every row of a statement, each turned into a domain value by `row`.
    pub(super) fn rows<T>(&self, sql: &str, params: Params, row: fn(&Row) -> Result<T>) -> Result<Vec<T>> {
        let statement = self.prepared(sql)?;
        let rows = self.tx.borrow_mut().query(&statement, params)?;
        rows.iter().map(row).collect()
    }

    /// One page of `SELECT columns FROM from_where ORDER BY order`, with the count of all its
    /// rows. Both statements are built from the one clause, so the total always counts the rows
    /// being paged. `filter` binds `$1…$n`; the page binds the two after them.
    pub(super) fn page_of<T>(
        &self,
        columns: &str,
        from_where: &str,
        order: &str,
        filter: Params,
        page: PageRequest,
        row: fn(&Row) -> Result<T>,
    ) -> Result<Paged<T>> {
        let total: i64 = self
            .one(&format!("SELECT COUNT(*) FROM {from_where}"), filter)?
            .try_get(0)?;
        let (limit, offset) = (filter.len() + 1, filter.len() + 2);
        let sql = format!("SELECT {columns} FROM {from_where} ORDER BY {order} LIMIT ${limit} OFFSET ${offset}");
        let page_size = i64::from(page.page_size);
        let page_offset = page.offset();
        let mut params = filter.to_vec();
        params.push(&page_size);
        params.push(&page_offset);
        let items = self.rows(&sql, &params, row)?;
        Ok(Paged {
            items,
            total: u64::try_from(total).unwrap_or(0),
            page,
        })
    }
}
