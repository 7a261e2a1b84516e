//! The storage error: the SQLite, PostgreSQL or I/O failure, kept as its source, with what was
//! being done.
//!
//! Its `From` impl is the one place a storage failure becomes an [`Error`]: which kind (and so
//! exit code and HTTP status) and which message. What was being done decides it: the same
//! SQLite "busy" is a lock timeout while taking the write lock, and a bare busy elsewhere.
//! PostgreSQL's SQLSTATE decides the rest: a lock wait past `lock_timeout` is busy as SQLite's
//! is, a serialization failure, a deadlock or a concurrent duplicate is [`Error::Retry`].

use std::io;
use std::path::{Path, PathBuf};

use postgres::error::SqlState;
use rusqlite::ErrorCode;

use crate::error::Error;

/// A failure of the ledger file, with its cause and what was being done when it happened.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A statement on an open ledger.
    #[error("storage: {source}")]
    Query {
        #[from]
        source: rusqlite::Error,
    },
    /// Opening the ledger file at `path`, or reading its header.
    #[error("cannot open {}: {source}", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    /// Taking the write lock, or a statement that waits for it, for up to `lock_timeout_ms`.
    #[error("cannot lock the ledger within {lock_timeout_ms} ms: {source}")]
    Lock {
        lock_timeout_ms: u64,
        source: rusqlite::Error,
    },
    /// Writing the file a new ledger is built in, under a temporary name.
    #[error("cannot build a new ledger: {source}")]
    Build { source: io::Error },
    /// Giving a finished build its real name `path`.
    #[error("cannot create {}: {source}", path.display())]
    Publish { path: PathBuf, source: io::Error },
    /// Syncing the folder of the ledger just created at `path`, so its name survives a crash.
    #[error("cannot sync the folder of {}: {source}", path.display())]
    SyncFolder { path: PathBuf, source: io::Error },
    /// A statement on a PostgreSQL ledger.
    #[error("storage: {}", cause_of(source))]
    Postgres {
        #[from]
        source: postgres::Error,
    },
    /// Connecting to the PostgreSQL database `shown` (its URL without the password).
    #[error("cannot connect to {shown}: {}", cause_of(source))]
    Connect { shown: String, source: postgres::Error },
    /// A PostgreSQL statement that waits for a row lock, for up to `lock_timeout_ms`.
    #[error("cannot lock the ledger within {lock_timeout_ms} ms: {}", cause_of(source))]
    PostgresLock {
        lock_timeout_ms: u64,
        source: postgres::Error,
    },
}

impl StoreError {
    pub(super) fn open(path: &Path, source: rusqlite::Error) -> StoreError {
        StoreError::Open {
            path: path.to_owned(),
            source,
        }
    }

    pub(super) fn lock(lock_timeout_ms: u64, source: rusqlite::Error) -> StoreError {
        StoreError::Lock {
            lock_timeout_ms,
            source,
        }
    }

    /// Whether the failed transaction was rolled back whole by the database because of a
    /// concurrent one, so that running it again is safe.
    pub fn retryable(&self) -> bool {
        let source = match self {
            StoreError::Postgres { source } | StoreError::PostgresLock { source, .. } => source,
            _ => return false,
        };
        source.code().is_some_and(is_conflict)
    }
}

/// A transaction that lost to a concurrent one: a serialization failure, a deadlock, or a unique
/// index refusing what a concurrent transaction committed first (an `Idempotency-Key`, a
/// `reference_id`, a wallet). Run again, the request sees what the other one wrote, and replays
/// it or is refused for it.
fn is_conflict(code: &SqlState) -> bool {
    [
        SqlState::T_R_SERIALIZATION_FAILURE,
        SqlState::T_R_DEADLOCK_DETECTED,
        SqlState::UNIQUE_VIOLATION,
    ]
    .contains(code)
}

/// A PostgreSQL error's description with its cause: the `postgres` crate's `Display` of an
/// error is only its category ("db error"), the facts are in its source. Server messages name
/// users, databases and values, never the password, which only the client holds.
pub(crate) fn cause_of(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} (SQLSTATE {})", db.message(), db.code().code());
    }
    match std::error::Error::source(e) {
        Some(source) => format!("{e}: {source}"),
        None => e.to_string(),
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        match e {
            StoreError::Query { source } => query_error(source),
            StoreError::Open { path, source } => open_error(&path, source),
            StoreError::Lock {
                lock_timeout_ms,
                source,
            } => lock_error(lock_timeout_ms, source),
            StoreError::Build { source } => Error::invalid("db", source),
            StoreError::Publish { path, source } if source.kind() == io::ErrorKind::AlreadyExists => {
                Error::LedgerExists { path }
            }
            StoreError::Publish { path, source } => {
                Error::invalid("db", format!("cannot create {}: {source}", path.display()))
            }
            StoreError::SyncFolder { path, source } => Error::internal(format!(
                "{} was created, but syncing its folder failed: {source}",
                path.display()
            )),
            StoreError::Postgres { source } => postgres_error(&source, None),
            StoreError::Connect { shown, source } => {
                Error::invalid("db", format!("cannot connect to {shown}: {}", cause_of(&source)))
            }
            StoreError::PostgresLock {
                lock_timeout_ms,
                source,
            } => postgres_error(&source, Some(lock_timeout_ms)),
        }
    }
}

/// Lets `?` turn a failed PostgreSQL statement straight into an [`Error`].
impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Error {
        StoreError::from(e).into()
    }
}

/// A PostgreSQL failure by its SQLSTATE; `lock_timeout_ms` is given where the statement was
/// waiting for a lock, so a timeout names how long it waited.
fn postgres_error(e: &postgres::Error, lock_timeout_ms: Option<u64>) -> Error {
    let Some(code) = e.code() else {
        return Error::internal(format!("storage: {}", cause_of(e)));
    };
    if is_conflict(code) {
        return Error::Retry {
            sqlstate: code.code().to_owned(),
        };
    }
    if *code == SqlState::LOCK_NOT_AVAILABLE {
        return Error::LedgerBusy { lock_timeout_ms };
    }
    if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
        return Error::ReadOnly {
            reason: format!("the ledger was opened read-only ({}); nothing was written", cause_of(e)),
        };
    }
    if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        return Error::ReadOnly {
            reason: format!(
                "the ledger cannot be written by this user ({}); nothing was written",
                cause_of(e)
            ),
        };
    }
    Error::internal(format!("storage: {}", cause_of(e)))
}

/// Lets `?` turn a failed statement straight into an [`Error`], as a [`StoreError::Query`].
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        StoreError::from(e).into()
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotALedger {
            path: path.to_path_buf(),
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
        _ => query_error(e),
    }
}

fn lock_error(lock_timeout_ms: u64, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::LedgerBusy {
            lock_timeout_ms: Some(lock_timeout_ms),
        },
        _ => query_error(e),
    }
}

fn query_error(e: rusqlite::Error) -> Error {
    // A value SQLite reads but ledgerctl did not write (a time edited into another form): the
    // file, not ledgerctl, is at fault, as with a damaged page.
    if let rusqlite::Error::FromSqlConversionFailure(_, _, reason) = &e {
        return Error::StorageIntegrity {
            message: format!("a stored value is not as ledgerctl writes it: {reason}"),
        };
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::LedgerBusy { lock_timeout_ms: None },
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

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    fn sqlite_failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn busy_while_taking_the_lock_names_the_timeout_and_busy_elsewhere_does_not() {
        let locking = Error::from(StoreError::lock(250, sqlite_failure(rusqlite::ffi::SQLITE_BUSY)));
        assert_eq!(
            locking,
            Error::LedgerBusy {
                lock_timeout_ms: Some(250)
            }
        );
        let querying = Error::from(sqlite_failure(rusqlite::ffi::SQLITE_BUSY));
        assert_eq!(querying, Error::LedgerBusy { lock_timeout_ms: None });
    }

    #[test]
    fn a_storage_error_keeps_its_source_and_what_was_being_done() {
        let path = Path::new("/ledgers/books.db");
        let opening = StoreError::open(path, sqlite_failure(rusqlite::ffi::SQLITE_CORRUPT));
        let source = opening.source().map(ToString::to_string).unwrap_or_default();
        assert!(!source.is_empty(), "the SQLite error is kept as the source");
        assert_eq!(
            Error::from(opening),
            Error::StorageIntegrity {
                message: format!("/ledgers/books.db cannot be read: {source}")
            }
        );
    }

    #[test]
    fn a_name_taken_when_publishing_a_new_ledger_is_an_existing_ledger() {
        let path = PathBuf::from("/ledgers/books.db");
        let taken = StoreError::Publish {
            path: path.clone(),
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        };
        assert_eq!(
            Error::from(taken),
            Error::LedgerExists {
                path: "/ledgers/books.db".into()
            }
        );
        let denied = Error::from(StoreError::Publish {
            path,
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        });
        assert!(
            denied
                .to_string()
                .starts_with("invalid db: cannot create /ledgers/books.db: "),
            "{denied}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_not_a_ledger_and_says_where_it_is() {
        let path = Path::new("/ledgers/books.db");
        let opening = Error::from(StoreError::open(path, sqlite_failure(rusqlite::ffi::SQLITE_NOTADB)));
        assert_eq!(
            opening.to_string(),
            "invalid db: /ledgers/books.db is not a ledgerctl ledger file"
        );
    }
}
