//! Creating a ledger's schema and bringing it up to date, under the version row's lock.

use ::postgres::Transaction;

use super::open::newer_schema;
use super::schema::{FIRST_VERSION, LATEST_VERSION, MIGRATIONS, SCHEMA_TABLE};
use super::PgStore;
use crate::error::Result;
use crate::store::error::StoreError;

impl PgStore {
    /// Creates the version table and every migration in one transaction: a failed `init`
    /// leaves the database as empty as it found it (PostgreSQL's DDL is transactional).
    pub(super) fn create_schema(&mut self) -> Result<()> {
        let lock_timeout_ms = self.lock_timeout_ms;
        let mut tx = self.client.get_mut().transaction()?;
        tx.batch_execute(SCHEMA_TABLE)?;
        let version = locked_version(&mut tx, lock_timeout_ms)?;
        apply_migrations(&mut tx, version)?;
        Ok(tx.commit()?)
    }

    /// Runs the migrations the ledger lacks. The version is read again under the row lock:
    /// another process may have migrated while this one waited, and then nothing is left to do.
    pub(super) fn migrate(&mut self) -> Result<()> {
        if self.schema_version()? == LATEST_VERSION {
            return Ok(());
        }
        let lock_timeout_ms = self.lock_timeout_ms;
        let mut tx = self.client.get_mut().transaction()?;
        let version = locked_version(&mut tx, lock_timeout_ms)?;
        apply_migrations(&mut tx, version)?;
        Ok(tx.commit()?)
    }

    /// The ledger's schema version: the migrations applied, numbered as SQLite's are.
    pub fn schema_version(&mut self) -> Result<i64> {
        let row = self
            .client
            .get_mut()
            .query_one("SELECT version FROM ledgerctl_schema WHERE id = 1", &[])?;
        Ok(row.get(0))
    }
}

/// The version, read with the row lock every migrating process takes first.
fn locked_version(tx: &mut Transaction<'_>, lock_timeout_ms: u64) -> Result<i64> {
    let row = tx
        .query_one("SELECT version FROM ledgerctl_schema WHERE id = 1 FOR UPDATE", &[])
        .map_err(|source| StoreError::PostgresLock {
            lock_timeout_ms,
            source,
        })?;
    Ok(row.get(0))
}

/// Applies the migrations after `version`, in order, and records the version reached.
fn apply_migrations(tx: &mut Transaction<'_>, version: i64) -> Result<()> {
    if version > LATEST_VERSION {
        return Err(newer_schema(version));
    }
    for (to, migration) in (FIRST_VERSION..).zip(MIGRATIONS) {
        if to > version {
            tx.batch_execute(migration)?;
        }
    }
    tx.execute(
        "UPDATE ledgerctl_schema SET version = $1 WHERE id = 1",
        &[&LATEST_VERSION],
    )?;
    Ok(())
}
