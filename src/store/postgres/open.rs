//! Connecting to a PostgreSQL ledger: `init` in an empty database, opening (with migrations),
//! and a read-only opening that never migrates.

use std::collections::HashMap;

use ::postgres::{Config, NoTls};

use super::schema::LATEST_VERSION;
use super::PgStore;
use crate::error::{Error, Result};
use crate::ledger::limits::LOCK_TIMEOUT_MS_MAX;
use crate::store::error::StoreError;

/// How many of a database's other tables an error names before it says how many more there are.
const TABLES_NAMED_MAX: usize = 5;

impl PgStore {
    /// Creates a ledger in the empty database `config` names; refuses a database that already
    /// holds a ledger, or any other table.
    pub fn create(config: &Config, shown: &str, lock_timeout_ms: u64) -> Result<PgStore> {
        PgStore::create_unnamed(config, shown, lock_timeout_ms).map_err(|e| e.on_database(shown))
    }

    fn create_unnamed(config: &Config, shown: &str, lock_timeout_ms: u64) -> Result<PgStore> {
        let mut store = PgStore::connect(config, shown, lock_timeout_ms, false)?;
        let tables = store.tables()?;
        if !tables.is_empty() {
            return Err(store.not_empty(&tables));
        }
        match store.create_schema() {
            Ok(()) => Ok(store),
            // Another `init` created it between the look and the creation, and won.
            Err(e) => {
                let tables = store.tables()?;
                Err(if tables.is_empty() { e } else { store.not_empty(&tables) })
            }
        }
    }

    /// Opens the ledger in the database `config` names, bringing its schema up to date.
    pub fn open(config: &Config, shown: &str, lock_timeout_ms: u64) -> Result<PgStore> {
        let opened = PgStore::connect(config, shown, lock_timeout_ms, false).and_then(|mut store| {
            store.is_ledger()?;
            store.migrate()?;
            Ok(store)
        });
        opened.map_err(|e| e.on_database(shown))
    }

    /// Opens the ledger for reading only: the session refuses every write, and nothing is
    /// migrated. A ledger whose schema is older than this ledgerctl's is refused, saying why:
    /// reading it needs a migration, which writes.
    pub fn open_read_only(config: &Config, shown: &str, lock_timeout_ms: u64) -> Result<PgStore> {
        PgStore::open_read_only_unnamed(config, shown, lock_timeout_ms).map_err(|e| e.on_database(shown))
    }

    fn open_read_only_unnamed(config: &Config, shown: &str, lock_timeout_ms: u64) -> Result<PgStore> {
        let mut store = PgStore::connect(config, shown, lock_timeout_ms, true)?;
        store.is_ledger()?;
        let version = store.schema_version()?;
        if version > LATEST_VERSION {
            return Err(newer_schema(version));
        }
        if version < LATEST_VERSION {
            return Err(Error::ReadOnly {
                reason: format!(
                    "{shown} has schema version {version} and this ledgerctl reads version {LATEST_VERSION}: it must \
                     be migrated first, which writes to it. Run any command on it once without --read-only, as a \
                     user who can write it; nothing was read or written"
                ),
            });
        }
        Ok(store)
    }

    /// One session with ledgerctl's settings: a commit is durable before it is reported
    /// (whatever the server's default), and a lock is waited for at most `lock_timeout_ms`.
    fn connect(config: &Config, shown: &str, lock_timeout_ms: u64, read_only: bool) -> Result<PgStore> {
        let mut client = config.connect(NoTls).map_err(|source| StoreError::Connect {
            shown: shown.to_owned(),
            source,
        })?;
        // PostgreSQL reads a lock_timeout of 0 as "wait forever", SQLite's 0 as "never wait".
        let lock_timeout = lock_timeout_ms.clamp(1, LOCK_TIMEOUT_MS_MAX).to_string();
        let read_only_setting = if read_only { "on" } else { "off" };
        client.execute(
            "SELECT set_config('synchronous_commit', 'on', false), set_config('lock_timeout', $1, false), \
             set_config('default_transaction_read_only', $2, false)",
            &[&lock_timeout, &read_only_setting],
        )?;
        Ok(PgStore {
            client: std::cell::RefCell::new(client),
            shown: shown.to_owned(),
            lock_timeout_ms,
            read_only,
            statements: std::cell::RefCell::new(HashMap::new()),
            answered_at: std::time::Instant::now(),
            lost: false,
        })
    }

    /// The tables of the session's schema, by name: all of them, also those this user may not
    /// read (which `information_schema` would leave out).
    fn tables(&mut self) -> Result<Vec<String>> {
        let rows = self.client.get_mut().query(
            "SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY 1",
            &[],
        )?;
        Ok(rows.iter().map(|row| row.get(0)).collect())
    }

    /// Refuses a database that holds no ledger: an empty one as SQLite refuses a missing file,
    /// one with other tables as not a ledger.
    fn is_ledger(&mut self) -> Result<()> {
        let tables = self.tables()?;
        if tables.iter().any(|t| t == "ledgerctl_schema") {
            return Ok(());
        }
        if tables.is_empty() {
            return Err(Error::LedgerNotFound {
                path: self.shown.clone().into(),
            });
        }
        Err(Error::invalid(
            "db",
            format!(
                "{} is not a ledgerctl ledger: it holds other tables ({}) and no ledgerctl_schema",
                self.shown,
                named(&tables)
            ),
        ))
    }

    /// Why `init` refuses a database holding `tables`: a ledger already, or something else.
    fn not_empty(&self, tables: &[String]) -> Error {
        if tables.iter().any(|t| t == "ledgerctl_schema") {
            return Error::LedgerExists {
                path: self.shown.clone().into(),
            };
        }
        Error::invalid(
            "db",
            format!(
                "{} already holds tables that are not a ledgerctl ledger ({}): init creates a ledger only in an \
                 empty database",
                self.shown,
                named(tables)
            ),
        )
    }
}

/// The error for a ledger written by a newer ledgerctl, which this one must not misread.
pub(super) fn newer_schema(version: i64) -> Error {
    Error::internal(format!(
        "this ledger has schema version {version}, newer than this ledgerctl knows ({LATEST_VERSION}); upgrade \
         ledgerctl"
    ))
}

fn named(tables: &[String]) -> String {
    let mut names = tables
        .iter()
        .take(TABLES_NAMED_MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if tables.len() > TABLES_NAMED_MAX {
        names.push_str(&format!(" and {} more", tables.len() - TABLES_NAMED_MAX));
    }
    names
}
