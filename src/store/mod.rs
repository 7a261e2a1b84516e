//! All SQL: the ledger file, its schema and every query, with bound parameters only.
//!
//! [`Store`] owns one connection to a ledger file (WAL, `synchronous=FULL`, a busy timeout).
//! Writes run in [`Store::write`] (`BEGIN IMMEDIATE`), reads in [`Store::read`] (a snapshot);
//! both hand the closure a [`Tx`], the narrow interface the operations use.

mod schema;

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row, TransactionBehavior};

use crate::error::{Error, Result};
use crate::ledger::chain::{audit_hash, entry_hash, AuditEvent, AuditKind, AuditRecord, Owner, GENESIS_HASH};
use crate::ledger::model::{
    Account, Entry, Freeze, FreezeStatus, Posting, Scope, StatusChange, StoredEntry, TxType, Wallet, WalletStatus,
};
use crate::ledger::money::{Amount, Currency};
use crate::ledger::operations::{FreezeChange, Plan};
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::token::{Access, Token, TokenKind};
use crate::ledger::verify::{
    check_audit, check_statuses, external_check, Anchor, BalanceProof, Check, Report, Verifier, INTEGRITY_CHECK,
    INTEGRITY_DESCRIPTION,
};

pub use schema::{APPEND_ONLY_TRIGGERS, MIGRATIONS};

/// A response kept for its `Idempotency-Key`, within the tenant and application of the token
/// that sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotentResponse {
    pub scope: Scope,
    /// `user:<user_id>` or `internal`.
    pub owner: String,
    pub key: String,
    pub fingerprint: String,
    pub status: u16,
    pub response: Vec<u8>,
    pub token_id: String,
    pub created_at: String,
}

/// An open ledger file.
pub struct Store {
    conn: Connection,
    lock_timeout_ms: u64,
    /// Opened with [`Store::open_read_only`]: every write is refused before it starts.
    read_only: bool,
}

impl Store {
    /// Creates a new ledger file; refuses to touch an existing one.
    ///
    /// The ledger is built whole under a temporary name in the same folder and only then linked
    /// into place, so a process killed at any moment leaves either no ledger or a complete one.
    pub fn create(path: &Path, lock_timeout_ms: u64) -> Result<Store> {
        if path.symlink_metadata().is_ok() {
            return Err(Error::LedgerExists {
                path: path.display().to_string(),
            });
        }
        let cannot = |e: &dyn std::fmt::Display| Error::invalid("db", format!("cannot create {}: {e}", path.display()));
        let file_name = path
            .file_name()
            .ok_or_else(|| cannot(&"the path names no file"))?
            .to_string_lossy()
            .into_owned();
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        remove_abandoned_builds(&folder, &file_name);
        let temporary = folder.join(format!(
            "{}{}-{}",
            build_prefix(&file_name),
            std::process::id(),
            ulid::Ulid::new()
        ));
        let created = Store::build(&temporary, lock_timeout_ms)
            .map_err(|e| match e {
                Error::InvalidRequest { reason, .. } => cannot(&reason),
                other => other,
            })
            .and_then(|()| publish(&temporary, path, &folder));
        // Whatever happened, the temporary name and its side files go: a published ledger lives
        // on under its real name (a hard link), a failed build is of no use to anyone.
        remove_with_side_files(&temporary);
        created?;
        Store::open(path, lock_timeout_ms)
    }

    /// Builds a complete ledger at `path`, a name nobody else uses. The schema is written in
    /// SQLite's rollback-journal mode and the file switched to WAL last, then closed (which
    /// checkpoints and removes the WAL) and fsynced: the file alone is the whole ledger.
    fn build(path: &Path, lock_timeout_ms: u64) -> Result<()> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| Error::invalid("db", e))?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .map_err(|e| open_error(path, e))?;
        let mut store = Store::configure(conn, lock_timeout_ms)?;
        store.migrate()?;
        // WAL is a property of the file: set once here, every later connection inherits it.
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| open_error(path, e))?;
        if mode != "wal" {
            return Err(Error::internal(format!(
                "{} does not support WAL mode (got {mode})",
                path.display()
            )));
        }
        store.conn.close().map_err(|(_, e)| Error::from(e))?;
        if side_file(path, "-wal").exists() {
            return Err(Error::internal(format!(
                "{}: the WAL was not checkpointed when the new ledger was closed",
                path.display()
            )));
        }
        std::fs::File::open(path)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::invalid("db", e))
    }

    /// Opens an existing ledger file, bringing its schema up to date.
    pub fn open(path: &Path, lock_timeout_ms: u64) -> Result<Store> {
        if !path.exists() {
            // Absolute, so a command run from the wrong folder says where it looked.
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            return Err(Error::LedgerNotFound {
                path: absolute.display().to_string(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        is_ledger(&conn, path)?;
        let mut store = Store::configure(conn, lock_timeout_ms)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens a ledger for a reading command. With `read_only` (`--read-only`), or when this user
    /// cannot write the file or its folder, through a read-only connection that never migrates
    /// ([`Store::open_read_only`]). Otherwise as [`Store::open`] does: its connection removes
    /// SQLite's `-wal` and `-shm` side files when it closes, which a read-only one cannot do.
    pub fn open_for_reading(path: &Path, lock_timeout_ms: u64, read_only: bool) -> Result<Store> {
        if read_only {
            return Store::open_read_only(path, lock_timeout_ms);
        }
        match Store::open(path, lock_timeout_ms) {
            Err(Error::ReadOnly { .. }) => Store::open_read_only(path, lock_timeout_ms),
            Err(Error::InvalidRequest { field, .. }) if field == "db" => Store::open_read_only(path, lock_timeout_ms),
            opened => opened,
        }
    }

    /// Opens an existing ledger file for reading only: SQLite refuses every write on this
    /// connection, and nothing is migrated. Works where the file or its folder cannot be
    /// written (a read-only mount, another user's 0444 file). A file whose schema is older than
    /// this ledgerctl's is refused, saying why: reading it needs a migration, which writes.
    pub fn open_read_only(path: &Path, lock_timeout_ms: u64) -> Result<Store> {
        if !path.exists() {
            return Err(Error::LedgerNotFound {
                path: path.display().to_string(),
            });
        }
        let conn = match connect_read_only(path, "mode=ro") {
            Ok(conn) => conn,
            // SQLite shares a WAL file's index through PATH-shm; a reader that can neither
            // create nor write it cannot use the WAL at all.
            Err(e) if matches!(e.sqlite_error_code(), Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)) => {
                let wal = side_file(path, "-wal");
                if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                    return Err(Error::ReadOnly {
                        reason: format!(
                            "{} holds changes not yet copied into {}, and SQLite can only read them by rebuilding its \
                             index in {}, which this user cannot create or write. Nothing is lost: read the ledger \
                             as a user who can write its folder, or copy the ledger and its -wal file together to a \
                             writable folder and read the copy",
                            wal.display(),
                            path.display(),
                            side_file(path, "-shm").display()
                        ),
                    });
                }
                // No WAL content waits: the file alone is the whole ledger, and it cannot be
                // written here, so SQLite may read it as immutable (no index, no locks).
                connect_read_only(path, "mode=ro&immutable=1").map_err(|e| open_error(path, e))?
            }
            Err(e) => return Err(open_error(path, e)),
        };
        is_ledger(&conn, path)?;
        let mut store = Store::configure(conn, lock_timeout_ms)?;
        store.read_only = true;
        let version = store.schema_version()?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(Error::internal(format!(
                "this ledger has schema version {version}, newer than this ledgerctl knows ({known}); upgrade ledgerctl"
            )));
        }
        if version < known {
            return Err(Error::ReadOnly {
                reason: format!(
                    "{} has schema version {version} and this ledgerctl reads version {known}: it must be migrated \
                     first, which writes to it. Run any command on it once without --read-only, as a user who can \
                     write it (or on a copy); nothing was read or written",
                    path.display()
                ),
            });
        }
        Ok(store)
    }

    fn configure(conn: Connection, lock_timeout_ms: u64) -> Result<Store> {
        conn.busy_timeout(Duration::from_millis(lock_timeout_ms))?;
        // FULL: a commit is on disk (WAL fsynced) before ledgerctl reports success.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Savepoints (one per batch line) keep their undo pages in a sub-journal: in memory it
        // costs no write syscalls. It is rollback state only; durability is the WAL's.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(Store {
            conn,
            lock_timeout_ms,
            read_only: false,
        })
    }

    fn migrate(&mut self) -> Result<()> {
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
            .map_err(|e| busy_or(e, lock_timeout_ms))?;
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
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
        }
        tx.commit().map_err(|e| busy_or(e, lock_timeout_ms))
    }

    /// The schema version of the file (the number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it commits, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.transaction(TransactionBehavior::Immediate, f)
    }

    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly {
                reason: "the ledger was opened read-only; nothing was written".to_owned(),
            });
        }
        Ok(())
    }

    /// Runs `f` on one consistent snapshot; never blocks writers, never blocked by them.
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.transaction(TransactionBehavior::Deferred, f)
    }

    /// Runs `f` under the write lock as [`Store::write`] does, then rolls everything back: a
    /// dry run sees the real ledger and the effect of its own earlier lines, and leaves no trace.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.writable()?;
        let lock_timeout_ms = self.lock_timeout_ms;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, lock_timeout_ms))?;
        let wrapped = Tx { tx, lock_timeout_ms };
        let value = f(&wrapped)?;
        wrapped.tx.rollback()?;
        Ok(value)
    }

    fn transaction<T>(&mut self, behavior: TransactionBehavior, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let lock_timeout_ms = self.lock_timeout_ms;
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(|e| busy_or(e, lock_timeout_ms))?;
        let wrapped = Tx { tx, lock_timeout_ms };
        let value = f(&wrapped)?;
        wrapped.tx.commit().map_err(|e| busy_or(e, lock_timeout_ms))?;
        Ok(value)
    }
}

/// The start of the temporary names `init` builds a ledger under: hidden, beside it, named after
/// it, then the builder's process id.
fn build_prefix(file_name: &str) -> String {
    format!(".{file_name}.init-")
}

fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(side_file(path, suffix));
    }
}

/// Gives the finished build its real name without ever replacing a file there: a hard link
/// fails if the name exists, so of several racing `init`s exactly one wins (as O_EXCL did).
/// The folder is fsynced so the new name survives a crash.
fn publish(temporary: &Path, path: &Path, folder: &Path) -> Result<()> {
    match std::fs::hard_link(temporary, path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::LedgerExists {
                path: path.display().to_string(),
            })
        }
        Err(e) => return Err(Error::invalid("db", format!("cannot create {}: {e}", path.display()))),
    }
    std::fs::remove_file(temporary)
        .and_then(|()| std::fs::File::open(folder))
        .and_then(|f| f.sync_all())
        .map_err(|e| {
            Error::internal(format!(
                "{} was created, but syncing its folder failed: {e}",
                path.display()
            ))
        })
}

/// Removes what killed `init`s of this ledger name left: temporary builds whose process is gone.
/// A build whose process still runs (`/proc/<pid>` exists) is left to it.
fn remove_abandoned_builds(folder: &Path, file_name: &str) {
    if !Path::new("/proc/self").exists() {
        return; // no way to tell a live build from an abandoned one: leave them all
    }
    let prefix = build_prefix(file_name);
    let Ok(names) = std::fs::read_dir(folder) else {
        return;
    };
    for name in names.flatten().map(|e| e.file_name()) {
        let name = name.to_string_lossy();
        let Some(pid) = name.strip_prefix(&prefix).and_then(|rest| rest.split('-').next()) else {
            continue;
        };
        let abandoned = pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists();
        if abandoned {
            let _ = std::fs::remove_file(folder.join(name.as_ref()));
        }
    }
}

/// Whether a file begins as a ledger does: SQLite's magic string, and ledgerctl's application
/// id where the header keeps it (or a header cut short before it). A file that does but cannot
/// be opened is a damaged ledger, not some other file.
pub fn has_ledger_header(path: &Path) -> bool {
    use std::io::Read;
    const MAGIC: &[u8; 16] = b"SQLite format 3\0";
    // The application id is the big-endian integer at offset 68 of the 100-byte header.
    const APPLICATION_ID_AT: usize = 68;
    let mut header = Vec::with_capacity(100);
    let read = std::fs::File::open(path).and_then(|f| f.take(100).read_to_end(&mut header));
    if read.is_err() || !header.starts_with(MAGIC) {
        return false;
    }
    match header.get(APPLICATION_ID_AT..APPLICATION_ID_AT + 4) {
        Some(id) => id == schema::APPLICATION_ID.to_be_bytes(),
        None => true,
    }
}

/// A read-only connection to `path` with the URI parameters `params`, checked by reading it:
/// SQLite only finds out whether it can use the file's WAL on the first read.
fn connect_read_only(path: &Path, params: &str) -> rusqlite::Result<Connection> {
    use std::os::unix::ffi::OsStrExt;
    // A URI, so that `mode` and `immutable` apply; every byte outside the unreserved set
    // escaped, so no path (with `?`, `#` or `%` in it) can be read as parameters.
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(char::from(*byte)),
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(params);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags)?;
    conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    Ok(conn)
}

/// Refuses a SQLite file that is not a ledgerctl ledger (its `application_id` says whose it is).
fn is_ledger(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if app_id != schema::APPLICATION_ID {
        return Err(Error::NotALedger {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotALedger {
            path: path.display().to_string(),
        },
        Some(ErrorCode::ReadOnly) => Error::ReadOnly {
            reason: format!(
                "{} cannot be written by this user ({e}); nothing was written. Reading commands still work",
                path.display()
            ),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            Error::invalid("db", format!("cannot open {}: {e}", path.display()))
        }
        Some(ErrorCode::DatabaseCorrupt) => Error::StorageIntegrity {
            message: format!("{} cannot be read: {e}", path.display()),
        },
        _ => Error::from(e),
    }
}

fn busy_or(e: rusqlite::Error, lock_timeout_ms: u64) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::LedgerBusy {
            lock_timeout_ms: Some(lock_timeout_ms),
        },
        _ => Error::from(e),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                Error::LedgerBusy { lock_timeout_ms: None }
            }
            Some(ErrorCode::ReadOnly) => Error::ReadOnly {
                reason: format!("the ledger cannot be written by this user ({e}); nothing was written"),
            },
            // Damaged pages (a truncated copy, a bad disk): the file, not ledgerctl, is at fault.
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => Error::StorageIntegrity {
                message: format!("the ledger file is damaged ({e})"),
            },
            _ => Error::internal(format!("storage: {e}")),
        }
    }
}

/// One open transaction on the ledger: every query the operations need, and nothing else.
pub struct Tx<'conn> {
    tx: rusqlite::Transaction<'conn>,
    lock_timeout_ms: u64,
}

const WALLET_COLUMNS: &str =
    "id, tenant_id, application_id, user_id, currency, status, available_minor, frozen_minor, created_at, updated_at";
const ENTRY_COLUMNS: &str = "seq, id, wallet_id, kind, currency, amount_minor, balance_before_minor, balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request, actor, created_at, prev_hash, hash";
const STATUS_CHANGE_COLUMNS: &str = "wallet_id, from_status, to_status, reason, actor, created_at";
const TOKEN_COLUMNS: &str =
    "id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, expires_at, revoked_at, actor, name";
const FREEZE_COLUMNS: &str = "id, wallet_id, amount_minor, reason, status, created_at, released_at, release_reason";

impl Tx<'_> {
    fn q(&self) -> &Connection {
        &self.tx
    }

    /// Runs `f` in a savepoint: if it fails, only what `f` wrote is undone.
    pub fn savepoint<T>(&self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.isolated(f)?
    }

    /// As [`Tx::savepoint`], keeping apart the two ways it can fail: the outer error means the
    /// savepoint could not be opened or undone (the transaction is in doubt and must not commit),
    /// the inner one is `f`'s own failure, already undone.
    pub fn isolated<T>(&self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<Result<T>> {
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

    pub fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>> {
        let sql = format!(
            "SELECT {WALLET_COLUMNS} FROM wallets WHERE tenant_id = ?1 AND application_id = ?2 AND user_id = ?3"
        );
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![scope.tenant_id, scope.application_id, user_id], wallet_row)
            .optional()?
            .transpose()
    }

    pub fn wallet(&self, wallet_id: &str) -> Result<Option<Wallet>> {
        let sql = format!("SELECT {WALLET_COLUMNS} FROM wallets WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![wallet_id], wallet_row)
            .optional()?
            .transpose()
    }

    pub fn insert_wallet(&self, w: &Wallet) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO wallets ({WALLET_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ))?
            .execute(params![
                w.id,
                w.tenant_id,
                w.application_id,
                w.user_id,
                w.currency.code(),
                w.status.as_str(),
                w.available,
                w.frozen,
                w.created_at,
                w.updated_at
            ])?;
        Ok(())
    }

    pub fn wallets(&self, scope: &Scope, status: Option<WalletStatus>, page: PageRequest) -> Result<Paged<Wallet>> {
        let status = status.map(WalletStatus::as_str);
        self.page_of(
            WALLET_COLUMNS,
            "wallets WHERE tenant_id = ?1 AND application_id = ?2 AND (?3 IS NULL OR status = ?3)",
            "id",
            &[&scope.tenant_id, &scope.application_id, &status],
            page,
            wallet_row,
        )
    }

    /// Every wallet of `scope` (with `status`, if given), in user id order, handed to `each` as
    /// it is read: memory stays flat however many there are. Returns how many there were.
    pub fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        mut each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64> {
        let mut stmt = self.q().prepare_cached(&all_wallets_sql())?;
        let mut rows = stmt.query(params![
            scope.tenant_id,
            scope.application_id,
            status.map(WalletStatus::as_str)
        ])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            each(wallet_row(row)??)?;
            count += 1;
        }
        Ok(count)
    }

    /// Every wallet of the ledger, for `ledger verify`.
    pub fn all_wallets(&self) -> Result<Vec<Wallet>> {
        let sql = format!("SELECT {WALLET_COLUMNS} FROM wallets ORDER BY id");
        self.rows(&sql, [], wallet_row)
    }

    pub fn entry(&self, id: &str) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE id = ?1");
        let row = self
            .q()
            .prepare_cached(&sql)?
            .query_row(params![id], entry_row)
            .optional()?;
        self.with_postings(row)
    }

    /// The earlier entry of this operation with this `reference_id` on this wallet, if any.
    pub fn entry_by_reference(&self, wallet_id: &str, kind: TxType, reference_id: &str) -> Result<Option<Entry>> {
        let row = self
            .q()
            .prepare_cached(&entry_by_reference_sql())?
            .query_row(params![wallet_id, reference_group(kind), reference_id], entry_row)
            .optional()?;
        self.with_postings(row)
    }

    fn with_postings(&self, row: Option<Result<StoredEntry>>) -> Result<Option<Entry>> {
        let Some(stored) = row.transpose()? else {
            return Ok(None);
        };
        let mut entry = stored.entry;
        entry.postings = self.postings(stored.seq)?;
        Ok(Some(entry))
    }

    fn postings(&self, seq: i64) -> Result<Vec<Posting>> {
        self.q()
            .prepare_cached("SELECT account, currency, amount_minor FROM postings WHERE entry_seq = ?1 ORDER BY idx")?
            .query_map(params![seq], |r| {
                Ok(Posting {
                    account: r.get(0)?,
                    currency: r.get(1)?,
                    amount: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()
            .map_err(Error::from)
    }

    /// Whether any posting has ever moved this account.
    pub fn account_used(&self, account: &str) -> Result<bool> {
        Ok(self
            .q()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM postings WHERE account = ?1)")?
            .query_row(params![account], |r| r.get(0))?)
    }

    /// The names of the accounts with postings that start with `prefix`, without the prefix: a
    /// range of the account index, so only that prefix's accounts are ever read.
    pub fn accounts_under(&self, prefix: &str) -> Result<Vec<String>> {
        let end = format!("{prefix}\u{10FFFF}");
        let names: Vec<String> = self
            .q()
            .prepare_cached(
                "SELECT DISTINCT account FROM postings WHERE account > ?1 AND account < ?2 ORDER BY account",
            )?
            .query_map(params![prefix, end], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names
            .into_iter()
            .filter_map(|name| name.strip_prefix(prefix).map(str::to_owned))
            .collect())
    }

    /// The sum of all refunds of a transaction, in minor units.
    pub fn refunded(&self, original_id: &str) -> Result<i64> {
        Ok(self
            .q()
            .prepare_cached("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entries WHERE original_id = ?1")?
            .query_row(params![original_id], |r| r.get(0))?)
    }

    /// Journal entries newest first, each with the sum of its refunds: of one wallet, or of the
    /// whole ledger; narrowed by `filter`. With `postings`, each entry carries its postings.
    pub fn entries(
        &self,
        wallet_id: Option<&str>,
        filter: &EntryFilter,
        page: PageRequest,
        postings: bool,
    ) -> Result<Paged<(Entry, i64)>> {
        let types = (!filter.types.is_empty())
            .then(|| serde_json::to_string(&filter.types.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
            .transpose()
            .map_err(|e| Error::internal(e.to_string()))?;
        let from_where = format!("journal_entries {}", entries_where(wallet_id.is_some()));
        let filter_params: [&dyn rusqlite::ToSql; 6] = [
            &wallet_id,
            &filter.from,
            &filter.to,
            &filter.reference_id,
            &types,
            &filter.before,
        ];
        let stored = self.page_of(ENTRY_COLUMNS, &from_where, "seq DESC", &filter_params, page, entry_row)?;
        let mut items = Vec::with_capacity(stored.items.len());
        for stored_entry in stored.items {
            let mut entry = stored_entry.entry;
            if postings {
                entry.postings = self.postings(stored_entry.seq)?;
            }
            let refunded = self.refunded(&entry.id)?;
            items.push((entry, refunded));
        }
        Ok(Paged {
            items,
            total: stored.total,
            page,
        })
    }

    /// A wallet's available and frozen balances from its postings up to `at` (inclusive), and
    /// its status then; `None` if the wallet did not exist yet.
    pub fn wallet_at(&self, wallet: &Wallet, at: &str) -> Result<Option<Wallet>> {
        if wallet.created_at.as_str() > at {
            return Ok(None);
        }
        let sum = |account: String| -> Result<i64> {
            Ok(self
                .q()
                .prepare_cached(
                    "SELECT COALESCE(SUM(p.amount_minor), 0) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
                     WHERE p.account = ?1 AND e.created_at <= ?2",
                )?
                .query_row(params![account, at], |r| r.get::<_, i64>(0))?)
        };
        // Liabilities: credits (negative postings) raise the balance.
        let available = -sum(Account::available(wallet).name())?;
        let frozen = -sum(Account::frozen(wallet).name())?;
        let status: Option<String> = self
            .q()
            .prepare_cached(
                "SELECT to_status FROM wallet_status_changes WHERE wallet_id = ?1 AND created_at <= ?2 ORDER BY seq DESC LIMIT 1",
            )?
            .query_row(params![wallet.id, at], |r| r.get(0))
            .optional()?;
        let last_change: Option<String> = self
            .q()
            .prepare_cached(
                "SELECT MAX(t) FROM (SELECT MAX(created_at) AS t FROM journal_entries WHERE wallet_id = ?1 AND created_at <= ?2
                 UNION ALL SELECT MAX(created_at) FROM wallet_status_changes WHERE wallet_id = ?1 AND created_at <= ?2)",
            )?
            .query_row(params![wallet.id, at], |r| r.get(0))?;
        let mut then = wallet.clone();
        then.available = available;
        then.frozen = frozen;
        then.status = status
            .as_deref()
            .map(str::parse)
            .transpose()?
            .unwrap_or(WalletStatus::Active);
        then.updated_at = last_change.unwrap_or_else(|| wallet.created_at.clone());
        Ok(Some(then))
    }

    /// What the journal proves about a wallet's balances: its last entry and its active freezes.
    /// Two index seeks, whatever the wallet's history (`tests::balance_proof_seeks_on_indexes`).
    pub fn balance_proof(&self, wallet_id: &str) -> Result<BalanceProof> {
        let row = self
            .q()
            .prepare_cached(&last_entry_of_wallet_sql())?
            .query_row(params![wallet_id], entry_row)
            .optional()?;
        let last_entry = match row.transpose()? {
            Some(mut stored) => {
                stored.entry.postings = self.postings(stored.seq)?;
                Some(stored)
            }
            None => None,
        };
        let active_frozen = self
            .q()
            .prepare_cached(ACTIVE_FROZEN_SQL)?
            .query_row(params![wallet_id], |r| r.get(0))?;
        Ok(BalanceProof {
            last_entry,
            active_frozen,
        })
    }

    pub fn freeze(&self, freeze_id: &str) -> Result<Option<Freeze>> {
        let sql = format!("SELECT {FREEZE_COLUMNS} FROM freezes WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![freeze_id], freeze_row)
            .optional()?
            .transpose()
    }

    pub fn freezes_of_wallet(
        &self,
        wallet_id: &str,
        status: Option<FreezeStatus>,
        page: PageRequest,
    ) -> Result<Paged<Freeze>> {
        let status = status.map(FreezeStatus::as_str);
        self.page_of(
            FREEZE_COLUMNS,
            "freezes WHERE wallet_id = ?1 AND (?2 IS NULL OR status = ?2)",
            "id DESC",
            &[&wallet_id, &status],
            page,
            freeze_row,
        )
    }

    pub fn all_freezes(&self) -> Result<Vec<Freeze>> {
        let sql = format!("SELECT {FREEZE_COLUMNS} FROM freezes ORDER BY id");
        self.rows(&sql, [], freeze_row)
    }

    /// Every row of a query, each turned into a domain value by `row`.
    fn rows<T>(
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
    fn page_of<T>(
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

    /// Appends a plan: its entry at the end of the hash chain, its postings, the freeze change
    /// and the wallet's new balances. The caller's transaction makes it all or nothing.
    pub fn append(&self, plan: &Plan, before: &Wallet) -> Result<StoredEntry> {
        let (last_seq, prev_hash): (i64, String) = self
            .q()
            .prepare_cached("SELECT seq, hash FROM journal_entries ORDER BY seq DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or((0, GENESIS_HASH.to_owned()));
        let seq = last_seq + 1;
        let e = &plan.entry;
        let hash = entry_hash(seq, e, Owner::of(before), &prev_hash);
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO journal_entries ({ENTRY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
            ))?
            .execute(params![
                seq,
                e.id,
                e.wallet_id,
                e.kind.as_str(),
                e.currency.code(),
                e.amount.minor(),
                e.balance_before,
                e.balance_after,
                e.counterparty_id,
                e.description,
                e.reference_id,
                e.original_id,
                e.freeze_id,
                e.request,
                e.actor,
                e.created_at,
                prev_hash,
                hash
            ])
            .map_err(|err| self.unique_reference_or(err, e))?;
        let mut insert_posting = self.q().prepare_cached(
            "INSERT INTO postings (entry_seq, idx, account, currency, amount_minor) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (idx, p) in e.postings.iter().enumerate() {
            insert_posting.execute(params![seq, idx as i64, p.account, p.currency, p.amount])?;
        }
        match &plan.freeze {
            FreezeChange::None => {}
            FreezeChange::Create(f) => {
                self.q()
                    .prepare_cached(&format!(
                        "INSERT INTO freezes ({FREEZE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    ))?
                    .execute(params![
                        f.id,
                        f.wallet_id,
                        f.amount.minor(),
                        f.reason,
                        f.status.as_str(),
                        f.created_at,
                        f.released_at,
                        f.release_reason
                    ])?;
            }
            FreezeChange::Release {
                freeze_id,
                released_at,
                reason,
            } => {
                let changed = self
                    .q()
                    .prepare_cached(
                        "UPDATE freezes SET status = 'released', released_at = ?2, release_reason = ?3
                         WHERE id = ?1 AND status = 'active'",
                    )?
                    .execute(params![freeze_id, released_at, reason])?;
                if changed != 1 {
                    return Err(Error::internal(format!(
                        "freeze {freeze_id} was not active when released"
                    )));
                }
            }
        }
        self.update_balances(before, &plan.wallet_after)?;
        Ok(StoredEntry {
            seq,
            entry: e.clone(),
            prev_hash,
            hash,
        })
    }

    /// Writes a wallet's new balances, only if they are still what the plan started from.
    fn update_balances(&self, before: &Wallet, after: &Wallet) -> Result<()> {
        let changed = self
            .q()
            .prepare_cached(
                "UPDATE wallets SET available_minor = ?2, frozen_minor = ?3, updated_at = ?4
                 WHERE id = ?1 AND available_minor = ?5 AND frozen_minor = ?6",
            )?
            .execute(params![
                after.id,
                after.available,
                after.frozen,
                after.updated_at,
                before.available,
                before.frozen
            ])?;
        if changed != 1 {
            return Err(Error::internal(format!(
                "wallet {} changed under its write lock",
                before.id
            )));
        }
        Ok(())
    }

    fn unique_reference_or(&self, err: rusqlite::Error, e: &Entry) -> Error {
        // The idempotency check runs under the same write lock, so this is a second line of
        // defence: report it as the conflict it is rather than as a storage failure.
        if err.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) && e.reference_id.is_some() {
            if let Ok(Some(previous)) =
                self.entry_by_reference(&e.wallet_id, e.kind, e.reference_id.as_deref().unwrap_or_default())
            {
                return Error::ReferenceConflict {
                    reference_id: previous.reference_id.unwrap_or_default(),
                    operation: previous.kind.to_string(),
                    wallet_id: previous.wallet_id,
                    transaction_id: previous.id,
                };
            }
        }
        busy_or(err, self.lock_timeout_ms)
    }

    /// Streams the journal in `seq` order, from `since` (a stored timestamp) on, each entry with
    /// its postings. Returns the postings that belong to no entry, as `ledger verify` reports them.
    pub fn for_each_entry(
        &self,
        since: Option<&str>,
        mut f: impl FnMut(&StoredEntry) -> Result<()>,
    ) -> Result<Vec<i64>> {
        // The first seq at or after `since`: both streams start there, so postings line up.
        let first_seq: i64 = match since {
            None => 0,
            Some(since) => self
                .q()
                .prepare("SELECT COALESCE(MIN(seq), 9223372036854775807) FROM journal_entries WHERE created_at >= ?1")?
                .query_row(params![since], |r| r.get(0))?,
        };
        let mut entries = self.q().prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE seq >= ?1 ORDER BY seq"
        ))?;
        let mut postings = self.q().prepare(
            "SELECT entry_seq, account, currency, amount_minor FROM postings WHERE entry_seq >= ?1 ORDER BY entry_seq, idx",
        )?;
        let mut posting_rows = postings.query_map(params![first_seq], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Posting {
                    account: r.get(1)?,
                    currency: r.get(2)?,
                    amount: r.get(3)?,
                },
            ))
        })?;
        let mut pending = posting_rows.next().transpose()?;
        let mut strays = Vec::new();
        for row in entries.query_map(params![first_seq], entry_row)? {
            let mut stored = row??;
            // Both streams are ordered by seq: take this entry's postings, note any without one.
            while let Some((seq, posting)) = pending.take() {
                if seq > stored.seq {
                    pending = Some((seq, posting));
                    break;
                }
                if seq == stored.seq {
                    stored.entry.postings.push(posting);
                } else {
                    strays.push(seq);
                }
                pending = posting_rows.next().transpose()?;
            }
            f(&stored)?;
        }
        while let Some((seq, _)) = pending {
            strays.push(seq);
            pending = posting_rows.next().transpose()?;
        }
        Ok(strays)
    }

    /// Streams the whole journal through a verifier, then checks the database.
    pub fn verify(&self, anchors: &[Anchor]) -> Result<Report> {
        // First: on damaged pages every other check would read garbage, or stop half-way.
        let integrity = self.integrity_check()?;
        if !integrity.ok() {
            return Ok(Report::damaged(integrity));
        }
        let wallets = self.all_wallets()?;
        let mut verifier = Verifier::new(anchors, &wallets);
        let strays = self.for_each_entry(None, |stored| {
            verifier.entry(stored);
            Ok(())
        })?;
        let stray_postings = strays
            .iter()
            .map(|seq| format!("posting of seq {seq} has no journal entry"))
            .collect();
        let freezes = self.all_freezes()?;
        let changes = self.all_status_changes()?;
        let plain_changes: Vec<StatusChange> = changes.iter().map(|(_, c)| c.clone()).collect();
        let extra = vec![
            check_statuses(&wallets, &plain_changes),
            check_audit(&self.all_audit_events()?, &self.all_tokens()?, &changes),
            external_check(
                "postings_belong_to_entries",
                "every posting belongs to a journal entry",
                stray_postings,
            ),
            integrity,
            self.append_only_check()?,
        ];
        Ok(verifier.finish(&wallets, &freezes, extra))
    }

    fn integrity_check(&self) -> Result<Check> {
        let rows = (|| -> rusqlite::Result<Vec<String>> {
            self.q()
                .prepare("PRAGMA integrity_check")?
                .query_map([], |r| r.get(0))?
                .collect()
        })();
        let problems = match rows {
            Ok(rows) if rows == ["ok"] => Vec::new(),
            Ok(rows) => rows,
            // SQLite may give up on a page too damaged to describe: that is the finding.
            Err(e) => match Error::from(e) {
                Error::StorageIntegrity { message } => vec![message],
                other => return Err(other),
            },
        };
        Ok(external_check(INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, problems))
    }

    fn append_only_check(&self) -> Result<Check> {
        let present: Vec<String> = self
            .q()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let missing = APPEND_ONLY_TRIGGERS
            .iter()
            .filter(|name| !present.iter().any(|p| p == *name))
            .map(|name| format!("trigger {name} is missing: the journal is no longer protected"))
            .collect();
        Ok(external_check(
            "append_only_triggers",
            "the triggers that refuse UPDATE and DELETE of the journal are in place",
            missing,
        ))
    }

    /// Records a status change and sets the wallet's status, only if it is still `before`'s.
    pub fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<()> {
        self.q()
            .prepare_cached(
                "INSERT INTO wallet_status_changes (wallet_id, from_status, to_status, reason, actor, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                change.wallet_id,
                change.from.as_str(),
                change.to.as_str(),
                change.reason,
                change.actor,
                change.created_at
            ])?;
        append_audit(
            self.q(),
            &AuditRecord::StatusChanged {
                change_seq: self.q().last_insert_rowid(),
                change,
            },
        )?;
        let changed = self
            .q()
            .prepare_cached("UPDATE wallets SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status = ?4")?
            .execute(params![
                after.id,
                after.status.as_str(),
                after.updated_at,
                before.status.as_str()
            ])?;
        if changed != 1 {
            return Err(Error::internal(format!(
                "wallet {} changed under its write lock",
                before.id
            )));
        }
        Ok(())
    }

    /// A wallet's status changes, newest first.
    pub fn status_changes(&self, wallet_id: &str, page: PageRequest) -> Result<Paged<StatusChange>> {
        self.page_of(
            STATUS_CHANGE_COLUMNS,
            "wallet_status_changes WHERE wallet_id = ?1",
            "seq DESC",
            &[&wallet_id],
            page,
            status_change_row,
        )
    }

    pub fn insert_token(&self, t: &Token) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO tokens ({TOKEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
            ))?
            .execute(params![
                t.id,
                t.kind.as_str(),
                t.scope.tenant_id,
                t.scope.application_id,
                t.user_id,
                t.access.as_str(),
                t.secret_sha256,
                t.created_at,
                t.expires_at,
                t.revoked_at,
                t.actor,
                t.name
            ])?;
        append_audit(self.q(), &AuditRecord::TokenCreated(t))
    }

    pub fn token(&self, token_id: &str) -> Result<Option<Token>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![token_id], token_row)
            .optional()?
            .transpose()
    }

    /// Every token of every tenant, newest first.
    pub fn tokens(&self, page: PageRequest) -> Result<Paged<Token>> {
        self.page_of(
            TOKEN_COLUMNS,
            "tokens",
            "created_at DESC, id DESC",
            &[],
            page,
            token_row,
        )
    }

    /// Marks a token revoked at `now`; false when it already was.
    pub fn revoke_token(&self, token_id: &str, now: &str) -> Result<bool> {
        let changed = self
            .q()
            .prepare_cached("UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")?
            .execute(params![token_id, now])?;
        if changed == 1 {
            append_audit(
                self.q(),
                &AuditRecord::TokenRevoked {
                    token_id,
                    revoked_at: now,
                },
            )?;
        }
        Ok(changed == 1)
    }

    /// The stored response of an earlier request with this key: (fingerprint, status, body).
    pub fn idempotent_response(&self, scope: &Scope, owner: &str, key: &str) -> Result<Option<(String, u16, Vec<u8>)>> {
        Ok(self
            .q()
            .prepare_cached(
                "SELECT fingerprint, status, response FROM idempotency_keys
                 WHERE tenant_id = ?1 AND application_id = ?2 AND owner = ?3 AND key = ?4",
            )?
            .query_row(params![scope.tenant_id, scope.application_id, owner, key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    pub fn record_response(&self, record: &IdempotentResponse) -> Result<()> {
        self.q()
            .prepare_cached(
                "INSERT INTO idempotency_keys
                   (tenant_id, application_id, owner, key, fingerprint, status, response, token_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                record.scope.tenant_id,
                record.scope.application_id,
                record.owner,
                record.key,
                record.fingerprint,
                record.status,
                record.response,
                record.token_id,
                record.created_at
            ])?;
        Ok(())
    }

    /// Every status change with its seq, oldest first, for `ledger verify`.
    pub fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>> {
        all_status_changes(self.q())
    }

    /// Every token, for `ledger verify`.
    pub fn all_tokens(&self) -> Result<Vec<Token>> {
        self.rows(
            &format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY id"),
            [],
            token_row,
        )
    }

    /// A token's audit records: its creation and its revocation, each if recorded. One search of
    /// the `(kind, subject)` index (`tests::token_audit_seeks_on_its_index`).
    pub fn token_audit(&self, token_id: &str) -> Result<(Option<AuditEvent>, Option<AuditEvent>)> {
        let events = self.rows(TOKEN_AUDIT_SQL, params![token_id], audit_event_row)?;
        let find = |kind| events.iter().find(|e| e.kind == kind).cloned();
        Ok((find(AuditKind::TokenCreated), find(AuditKind::TokenRevoked)))
    }

    /// The audit chain in order, for `ledger verify`.
    pub fn all_audit_events(&self) -> Result<Vec<AuditEvent>> {
        self.rows(
            "SELECT seq, kind, subject, prev_hash, hash FROM audit_events ORDER BY seq",
            [],
            audit_event_row,
        )
    }

    /// Every account with postings from `since` on, with the date of its first one.
    pub fn accounts_first_used(&self, since: Option<&str>, until: Option<&str>) -> Result<Vec<(String, String)>> {
        let sql = "SELECT p.account, MIN(e.created_at) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
                   WHERE (?1 IS NULL OR e.created_at >= ?1) AND (?2 IS NULL OR e.created_at < ?2)
                   GROUP BY p.account ORDER BY p.account";
        self.q()
            .prepare(sql)?
            .query_map(params![since, until], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()
            .map_err(Error::from)
    }

    /// Debits and credits of every account, per currency, in minor units, of the entries up
    /// to and including `at` (a stored timestamp), or of all. Summed here in i128: SQLite's SUM
    /// stops at i64, which many large balances of one account can pass.
    pub fn account_totals(&self, at: Option<&str>) -> Result<Vec<AccountTotals>> {
        let mut totals: std::collections::BTreeMap<(String, String), (i128, i128)> = std::collections::BTreeMap::new();
        let mut stmt = match at {
            None => self
                .q()
                .prepare("SELECT account, currency, amount_minor FROM postings")?,
            Some(_) => self.q().prepare(
                "SELECT p.account, p.currency, p.amount_minor FROM postings p
                 JOIN journal_entries e ON e.seq = p.entry_seq WHERE e.created_at <= ?1",
            )?,
        };
        let mut rows = match at {
            None => stmt.query([])?,
            Some(at) => stmt.query(params![at])?,
        };
        while let Some(row) = rows.next()? {
            let amount: i64 = row.get(2)?;
            let sums = totals.entry((row.get(0)?, row.get(1)?)).or_default();
            if amount > 0 {
                sums.0 += i128::from(amount);
            } else {
                sums.1 -= i128::from(amount);
            }
        }
        Ok(totals
            .into_iter()
            .map(|((account, currency), (debit, credit))| AccountTotals {
                account,
                currency,
                debit,
                credit,
            })
            .collect())
    }
}

/// Appends `record` to the end of the audit chain.
fn append_audit(conn: &Connection, record: &AuditRecord) -> Result<()> {
    let (last_seq, prev_hash): (i64, String) = conn
        .prepare_cached("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS_HASH.to_owned()));
    let seq = last_seq + 1;
    let hash = audit_hash(seq, record, &prev_hash);
    conn.prepare_cached("INSERT INTO audit_events (seq, kind, subject, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![seq, record.kind().as_str(), record.subject(), prev_hash, hash])?;
    Ok(())
}

fn all_status_changes(conn: &Connection) -> Result<Vec<(i64, StatusChange)>> {
    let sql = format!("SELECT seq, {STATUS_CHANGE_COLUMNS} FROM wallet_status_changes ORDER BY seq");
    conn.prepare(&sql)?
        .query_map([], |r| {
            let seq: i64 = r.get(0)?;
            // status_change_row reads its columns from 0: give it a row without the seq.
            Ok((seq, status_change_at(r, 1)?))
        })?
        .map(|row| {
            let (seq, change) = row?;
            Ok((seq, change?))
        })
        .collect()
}

/// The audit records of the rows a ledger held before the audit chain existed, in order:
/// every token's creation, then every revocation, then every status change.
fn chain_existing_rows(conn: &Connection) -> Result<()> {
    let tokens: Vec<Token> = conn
        .prepare(&format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id"))?
        .query_map([], token_row)?
        .map(|r| r?)
        .collect::<Result<_>>()?;
    for token in &tokens {
        append_audit(conn, &AuditRecord::TokenCreated(token))?;
    }
    let mut revoked: Vec<&Token> = tokens.iter().filter(|t| t.revoked_at.is_some()).collect();
    revoked.sort_by(|a, b| (&a.revoked_at, &a.id).cmp(&(&b.revoked_at, &b.id)));
    for token in revoked {
        let revoked_at = token.revoked_at.as_deref().unwrap_or_default();
        append_audit(
            conn,
            &AuditRecord::TokenRevoked {
                token_id: &token.id,
                revoked_at,
            },
        )?;
    }
    for (change_seq, change) in all_status_changes(conn)? {
        append_audit(
            conn,
            &AuditRecord::StatusChanged {
                change_seq,
                change: &change,
            },
        )?;
    }
    Ok(())
}

/// One line of the trial balance, in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountTotals {
    pub account: String,
    pub currency: String,
    pub debit: i128,
    pub credit: i128,
}

/// The operation a `reference_id` is unique within: both adjust directions are one operation.
/// Must match the expression of the `journal_entries_reference` index.
const REFERENCE_GROUP_SQL: &str = "(CASE kind WHEN 'adjust_debit' THEN 'adjust_credit' ELSE kind END)";

fn reference_group(kind: TxType) -> &'static str {
    match kind {
        TxType::AdjustDebit => TxType::AdjustCredit.as_str(),
        other => other.as_str(),
    }
}

/// Spelled with the index's own expression, so it is one index lookup, not a scan of the
/// wallet's whole history (which made long batches quadratic).
fn entry_by_reference_sql() -> String {
    format!(
        "SELECT {ENTRY_COLUMNS} FROM journal_entries
         WHERE wallet_id = ?1 AND {REFERENCE_GROUP_SQL} = ?2 AND reference_id = ?3 AND reference_id IS NOT NULL"
    )
}

/// The filter of [`Tx::entries`]. One wallet's list is spelled `wallet_id = ?1` so that it seeks
/// on `(wallet_id, seq)`; `?1 IS NULL OR wallet_id = ?1` made SQLite scan every tenant's journal.
fn entries_where(one_wallet: bool) -> String {
    let wallet = if one_wallet { "wallet_id = ?1" } else { "?1 IS NULL" };
    format!(
        "WHERE {wallet} AND (?2 IS NULL OR created_at >= ?2) AND (?3 IS NULL OR created_at < ?3)
           AND (?4 IS NULL OR reference_id = ?4) AND (?5 IS NULL OR kind IN (SELECT value FROM json_each(?5)))
           AND (?6 IS NULL OR seq < (SELECT seq FROM journal_entries WHERE id = ?6))"
    )
}

fn last_entry_of_wallet_sql() -> String {
    format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE wallet_id = ?1 ORDER BY seq DESC LIMIT 1")
}

const ACTIVE_FROZEN_SQL: &str =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM freezes WHERE wallet_id = ?1 AND status = 'active'";

const TOKEN_AUDIT_SQL: &str = "SELECT seq, kind, subject, prev_hash, hash FROM audit_events
     WHERE kind IN ('token_created', 'token_revoked') AND subject = ?1";

fn audit_event_row(r: &Row) -> rusqlite::Result<Result<AuditEvent>> {
    let kind: String = r.get(1)?;
    let kind = match kind.parse() {
        Ok(kind) => kind,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(AuditEvent {
        seq: r.get(0)?,
        kind,
        subject: r.get(2)?,
        prev_hash: r.get(3)?,
        hash: r.get(4)?,
    }))
}

fn currency_of(code: &str) -> Result<Currency> {
    code.parse()
        .map_err(|_| Error::internal(format!("unknown currency {code:?} in ledger")))
}

fn wallet_row(r: &Row) -> rusqlite::Result<Result<Wallet>> {
    let currency: String = r.get(4)?;
    let status: String = r.get(5)?;
    let parsed = (|| -> Result<(Currency, WalletStatus)> {
        let status = status
            .parse()
            .map_err(|_| Error::internal(format!("unknown wallet status {status:?} in ledger")))?;
        Ok((currency_of(&currency)?, status))
    })();
    let (currency, status) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Wallet {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        application_id: r.get(2)?,
        user_id: r.get(3)?,
        currency,
        status,
        available: r.get(6)?,
        frozen: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    }))
}

fn entry_row(r: &Row) -> rusqlite::Result<Result<StoredEntry>> {
    let kind: String = r.get(3)?;
    let currency: String = r.get(4)?;
    let amount: i64 = r.get(5)?;
    let parsed = (|| -> Result<(TxType, Currency, Amount)> {
        let amount = Amount::from_stored(amount)
            .ok_or_else(|| Error::internal(format!("stored amount {amount} is not positive")))?;
        Ok((kind.parse()?, currency_of(&currency)?, amount))
    })();
    let (kind, currency, amount) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(StoredEntry {
        seq: r.get(0)?,
        entry: Entry {
            id: r.get(1)?,
            wallet_id: r.get(2)?,
            kind,
            currency,
            amount,
            balance_before: r.get(6)?,
            balance_after: r.get(7)?,
            counterparty_id: r.get(8)?,
            description: r.get(9)?,
            reference_id: r.get(10)?,
            original_id: r.get(11)?,
            freeze_id: r.get(12)?,
            request: r.get(13)?,
            actor: r.get(14)?,
            created_at: r.get(15)?,
            postings: Vec::new(),
        },
        prev_hash: r.get(16)?,
        hash: r.get(17)?,
    }))
}

fn status_change_row(r: &Row) -> rusqlite::Result<Result<StatusChange>> {
    status_change_at(r, 0)
}

/// A status change from the row's columns `first`, `first + 1`, …
fn status_change_at(r: &Row, first: usize) -> rusqlite::Result<Result<StatusChange>> {
    let from: String = r.get(first + 1)?;
    let to: String = r.get(first + 2)?;
    let parsed = (|| -> Result<(WalletStatus, WalletStatus)> { Ok((from.parse()?, to.parse()?)) })();
    let (from, to) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(StatusChange {
        wallet_id: r.get(first)?,
        from,
        to,
        reason: r.get(first + 3)?,
        actor: r.get(first + 4)?,
        created_at: r.get(first + 5)?,
    }))
}

fn token_row(r: &Row) -> rusqlite::Result<Result<Token>> {
    let kind: String = r.get(1)?;
    let access: String = r.get(5)?;
    let parsed = (|| -> Result<(TokenKind, Access)> { Ok((kind.parse()?, access.parse()?)) })();
    let (kind, access) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Token {
        id: r.get(0)?,
        kind,
        scope: Scope {
            tenant_id: r.get(2)?,
            application_id: r.get(3)?,
        },
        user_id: r.get(4)?,
        access,
        secret_sha256: r.get(6)?,
        created_at: r.get(7)?,
        expires_at: r.get(8)?,
        revoked_at: r.get(9)?,
        actor: r.get(10)?,
        name: r.get(11)?,
    }))
}

fn freeze_row(r: &Row) -> rusqlite::Result<Result<Freeze>> {
    let amount: i64 = r.get(2)?;
    let status: String = r.get(4)?;
    let parsed = (|| -> Result<(Amount, FreezeStatus)> {
        let amount = Amount::from_stored(amount)
            .ok_or_else(|| Error::internal(format!("stored freeze amount {amount} is not positive")))?;
        Ok((amount, status.parse()?))
    })();
    let (amount, status) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Freeze {
        id: r.get(0)?,
        wallet_id: r.get(1)?,
        amount,
        reason: r.get(3)?,
        status,
        created_at: r.get(5)?,
        released_at: r.get(6)?,
        release_reason: r.get(7)?,
    }))
}

/// `wallet list --all`. In user id order, the order of the (tenant, application, user) unique
/// index, so SQLite walks the index instead of sorting every row in memory first (which an
/// `ORDER BY id` would, holding the whole listing).
fn all_wallets_sql() -> String {
    format!(
        "SELECT {WALLET_COLUMNS} FROM wallets \
         WHERE tenant_id = ?1 AND application_id = ?2 AND (?3 IS NULL OR status = ?3) ORDER BY user_id"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_every_wallet_walks_an_index_without_sorting() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", all_wallets_sql()))
            .unwrap();
        let none: Option<String> = None;
        let plan: Vec<String> = stmt
            .query_map(params!["t", "a", none], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("; ");
        assert!(plan.contains("tenant_id=? AND application_id=?"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "no sort of the whole listing: {plan}");
    }

    fn plan_of(store: &Store, sql: &str) -> String {
        let explain = format!("EXPLAIN QUERY PLAN {}", sql);
        let mut stmt = store.conn.prepare(&explain).unwrap();
        let rows = stmt
            .query_map(params!["w", "refund", "r"], |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    }

    #[test]
    fn the_reference_lookup_is_one_index_search() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        let plan = plan_of(&store, &entry_by_reference_sql());
        assert!(
            plan.contains("journal_entries_reference") && plan.contains("reference_id=?"),
            "{plan}"
        );
    }

    #[test]
    fn one_wallets_history_seeks_on_its_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        let sql = format!(
            "SELECT seq FROM journal_entries {} ORDER BY seq DESC",
            entries_where(true)
        );
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let none: Option<String> = None;
        let plan: Vec<String> = stmt
            .query_map(params!["w", none, none, none, none, none], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("; ");
        assert!(plan.contains("journal_entries_wallet (wallet_id=?)"), "{plan}");
    }

    #[test]
    fn the_counterparty_checks_read_only_their_range_of_the_account_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        for sql in [
            "SELECT EXISTS (SELECT 1 FROM postings WHERE account = ?1)",
            "SELECT DISTINCT account FROM postings WHERE account > ?1 AND account < ?2 ORDER BY account",
        ] {
            let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let bound = vec!["liabilities:counterparty:t:a:"; stmt.parameter_count()];
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(bound), |r| r.get::<_, String>(3))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let plan = plan.join("; ");
            assert!(plan.contains("postings_account"), "{sql}: {plan}");
            assert!(!plan.contains("SCAN postings"), "{sql}: {plan}");
        }
    }

    #[test]
    fn balance_proof_seeks_on_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        let explain = |sql: &str| -> String {
            let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let rows = stmt.query_map(params!["w"], |r| r.get::<_, String>(3)).unwrap();
            rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
        };
        let last = explain(&last_entry_of_wallet_sql());
        assert!(last.contains("journal_entries_wallet (wallet_id=?)"), "{last}");
        assert!(!last.contains("TEMP B-TREE"), "no sort of the wallet's history: {last}");
        let frozen = explain(ACTIVE_FROZEN_SQL);
        assert!(frozen.contains("freezes_wallet (wallet_id=? AND status=?)"), "{frozen}");
    }

    #[test]
    fn token_audit_seeks_on_its_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("l.db"), 1_000).unwrap();
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {TOKEN_AUDIT_SQL}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(params!["tok_1"], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("; ");
        assert!(plan.contains("USING INDEX") && plan.contains("subject=?"), "{plan}");
    }

    #[test]
    fn adjust_directions_share_a_reference_group_like_the_index() {
        assert_eq!(
            reference_group(TxType::AdjustDebit),
            reference_group(TxType::AdjustCredit)
        );
        assert_eq!(reference_group(TxType::Refund), "refund");
        assert!(
            schema::MIGRATIONS[0].contains(REFERENCE_GROUP_SQL),
            "the index and the query must spell it alike"
        );
    }
}
