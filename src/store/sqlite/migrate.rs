//! Bringing a ledger file's schema up to date, under the write lock.

use rusqlite::{Connection, TransactionBehavior};

use super::audit::chain_existing_rows;
use super::{schema, SqliteStore, MIGRATIONS};
use crate::error::{Error, Result};
use crate::store::error::StoreError;

impl SqliteStore {
    pub(super) fn migrate(&mut self) -> Result<()> {
        let version = |conn: &Connection| -> Result<usize> {
            let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            Ok(usize::try_from(v).unwrap_or(usize::MAX))
        };
        if version(&self.conn)? == MIGRATIONS.len() {
            return Ok(());
        }
        let lock_timeout_ms = self.lock_timeout_ms;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::lock(lock_timeout_ms, e))?;
        // Read again under the lock: another process may have migrated meanwhile.
        let current = version(&tx)?;
        if current > MIGRATIONS.len() {
            return Err(Error::internal(format!(
                "this ledger has schema version {current}, newer than this ledgerctl knows ({}); upgrade ledgerctl",
                MIGRATIONS.len()
            )));
        }
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(current) {
            tx.execute_batch(migration)?;
            if schema::chains_existing_rows(migration) {
                chain_existing_rows(&tx)?;
            }
            if let Some(kinds) = schema::rewritten_journal_kinds(migration) {
                reload_rewritten_schema(&tx, kinds)?;
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
        }
        tx.commit().map_err(|e| StoreError::lock(lock_timeout_ms, e).into())
    }

    /// The schema version of the file (the number of migrations applied).
    pub(super) fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// After a migration rewrote a definition in `sqlite_schema`: bumps the schema's version so
/// that this and every other connection rereads it, and proves the rewrite took: the journal's
/// definition names `kinds` (a file whose definition did not read as expected is refused, not
/// half migrated).
fn reload_rewritten_schema(tx: &Connection, kinds: &str) -> Result<()> {
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    let definition: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'journal_entries'",
        [],
        |r| r.get(0),
    )?;
    if !definition.contains(kinds) {
        return Err(Error::internal(
            "the journal's definition is not the one this migration widens: the file was not migrated",
        ));
    }
    Ok(())
}
