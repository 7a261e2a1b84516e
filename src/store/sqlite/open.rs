//! Opening an existing ledger file: read-write, or read-only where it cannot be written.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::create::side_file;
use super::{schema, SqliteStore, MIGRATIONS};
use crate::error::{Error, Result};
use crate::store::error::StoreError;

impl SqliteStore {
    /// Opens an existing ledger file, bringing its schema up to date.
    pub fn open(path: &Path, lock_timeout_ms: u64) -> Result<SqliteStore> {
        if !path.exists() {
            // Absolute, so a command run from the wrong folder says where it looked.
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            return Err(Error::LedgerNotFound { path: absolute });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        is_ledger(&conn, path)?;
        let mut store = SqliteStore::configure(conn, lock_timeout_ms)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens a ledger for a reading command. With `read_only` (`--read-only`), or when this user
    /// cannot write the file or its folder, through a read-only connection that never migrates
    /// ([`SqliteStore::open_read_only`]). Otherwise as [`SqliteStore::open`] does: its connection removes
    /// SQLite's `-wal` and `-shm` side files when it closes, which a read-only one cannot do.
    pub fn open_for_reading(path: &Path, lock_timeout_ms: u64, read_only: bool) -> Result<SqliteStore> {
        if read_only {
            return SqliteStore::open_read_only(path, lock_timeout_ms);
        }
        match SqliteStore::open(path, lock_timeout_ms) {
            Err(Error::ReadOnly { .. }) => SqliteStore::open_read_only(path, lock_timeout_ms),
            Err(Error::InvalidRequest { field, .. }) if field == "db" => {
                SqliteStore::open_read_only(path, lock_timeout_ms)
            }
            opened => opened,
        }
    }

    /// Opens an existing ledger file for reading only: SQLite refuses every write on this
    /// connection, and nothing is migrated. Works where the file or its folder cannot be
    /// written (a read-only mount, another user's 0444 file). A file whose schema is older than
    /// this ledgerctl's is refused, saying why: reading it needs a migration, which writes.
    pub fn open_read_only(path: &Path, lock_timeout_ms: u64) -> Result<SqliteStore> {
        if !path.exists() {
            return Err(Error::LedgerNotFound {
                path: path.to_path_buf(),
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
                connect_read_only(path, "mode=ro&immutable=1").map_err(|e| StoreError::open(path, e))?
            }
            Err(e) => return Err(StoreError::open(path, e).into()),
        };
        is_ledger(&conn, path)?;
        let mut store = SqliteStore::configure(conn, lock_timeout_ms)?;
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

    pub(super) fn configure(conn: Connection, lock_timeout_ms: u64) -> Result<SqliteStore> {
        conn.busy_timeout(Duration::from_millis(lock_timeout_ms))?;
        // FULL: a commit is on disk (WAL fsynced) before ledgerctl reports success.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Savepoints (one per batch line) keep their undo pages in a sub-journal: in memory it
        // costs no write syscalls. It is rollback state only; durability is the WAL's.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(SqliteStore {
            conn,
            lock_timeout_ms,
            read_only: false,
        })
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
        .map_err(|e| StoreError::open(path, e))?;
    if app_id != schema::APPLICATION_ID {
        return Err(Error::NotALedger {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}
