//! The storage error: the SQLite, PostgreSQL or I/O failure, kept as its source, with what was
//! being done.
//!
//! Its `From` impl is the one place a storage failure becomes an [`Error`]: which kind (and so
//! exit code and HTTP status) and which message. What was being done decides it: the same
//! SQLite "busy" is a lock timeout while taking the write lock, and a bare busy elsewhere.
//! PostgreSQL's SQLSTATE decides the rest: a lock wait past `lock_timeout` is busy as SQLite's
//! is, a serialization failure, a deadlock or a concurrent duplicate is [`Error::Retry`]. A
//! connection that cannot be made or is lost ([`Failure`], [`connection_lost`]) is
//! [`Error::DatabaseUnavailable`], safe to retry, except while COMMIT is in flight
//! ([`commit_failed`]): then nobody knows whether it committed. A refused password or an unknown
//! database stays a bad `--db`: retrying cannot help.

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
            StoreError::Connect { shown, source } if connection_lost(Failure::of(&source)) => {
                Error::DatabaseUnavailable {
                    shown: Some(shown),
                    cause: cause_of(&source),
                }
            }
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
    if connection_lost(Failure::of(e)) {
        return Error::DatabaseUnavailable {
            shown: None,
            cause: cause_of(e),
        };
    }
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

/// What a PostgreSQL failure says of its connection, as far as deciding an answer needs: what
/// [`connection_lost`] reads, and what a test can build without a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure<'e> {
    /// The client had already seen its connection close.
    Closed,
    /// The socket failed: refused, reset, timed out, no route to the host.
    Io,
    /// The server answered with this SQLSTATE.
    Sql(&'e SqlState),
    /// Anything else: a malformed message, a missing password, a value that does not convert.
    Other,
}

impl Failure<'_> {
    pub(crate) fn of(e: &postgres::Error) -> Failure<'_> {
        if let Some(code) = e.code() {
            return Failure::Sql(code);
        }
        if e.is_closed() {
            return Failure::Closed;
        }
        match std::error::Error::source(e) {
            Some(source) if source.is::<io::Error>() => Failure::Io,
            _ => Failure::Other,
        }
    }
}

/// Whether the failure means the session is gone or could not start, for a reason that may pass
/// (a restart, a network failure, a full server): class 08 (connection exception), 57P01-57P03
/// (the server shutting down, crashed, or starting up) and 53300 (too many connections).
/// A refused password (28000, 28P01) or an unknown database (3D000) is not: it is the `--db`
/// that is wrong.
pub(crate) fn connection_lost(failure: Failure) -> bool {
    match failure {
        Failure::Closed | Failure::Io => true,
        Failure::Sql(code) => {
            code.code().starts_with("08")
                || [
                    SqlState::ADMIN_SHUTDOWN,
                    SqlState::CRASH_SHUTDOWN,
                    SqlState::CANNOT_CONNECT_NOW,
                    SqlState::TOO_MANY_CONNECTIONS,
                ]
                .contains(code)
        }
        Failure::Other => false,
    }
}

/// The answer to a COMMIT that failed. Lost in flight, it may have committed or not:
/// [`Error::CommitOutcomeUnknown`]. Refused by the server (a serialization failure at commit),
/// it did not, and the failure is answered as any statement's.
pub(crate) fn commit_failed(e: &postgres::Error, shown: &str) -> Error {
    lost_in_commit(Failure::of(e), shown, &cause_of(e)).unwrap_or_else(|| postgres_error(e, None))
}

fn lost_in_commit(failure: Failure, shown: &str, cause: &str) -> Option<Error> {
    connection_lost(failure).then(|| Error::CommitOutcomeUnknown {
        shown: shown.to_owned(),
        cause: cause.to_owned(),
    })
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
    use crate::error::ErrorKind;

    fn sqlite_failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_lost_or_refused_connection_is_unavailable_and_a_wrong_login_or_database_is_not() {
        for lost in [Failure::Closed, Failure::Io] {
            assert!(connection_lost(lost), "{lost:?}");
        }
        for code in ["08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"] {
            let code = SqlState::from_code(code);
            assert!(connection_lost(Failure::Sql(&code)), "{code:?}");
        }
        // Wrong password, no such role, no such database: the configuration, which a retry
        // cannot mend; serialization failures and lock timeouts have answers of their own.
        for code in ["28P01", "28000", "3D000", "40001", "40P01", "55P03", "57014", "XX000"] {
            let code = SqlState::from_code(code);
            assert!(!connection_lost(Failure::Sql(&code)), "{code:?}");
        }
        assert!(!connection_lost(Failure::Other));
    }

    #[test]
    fn a_commit_lost_in_flight_has_an_unknown_outcome_and_a_refused_one_does_not() {
        let shown = "postgres://ledger@db.internal:5432/books";
        let lost = lost_in_commit(Failure::Io, shown, "connection reset by peer").expect("unknown");
        assert_eq!(
            (lost.kind(), lost.code(), lost.retryable()),
            (ErrorKind::Internal, "commit_outcome_unknown", false)
        );
        let message = lost.to_string();
        for said in [
            shown,
            "connection reset by peer",
            "may or may not",
            "Idempotency-Key",
            "wallet history",
        ] {
            assert!(message.contains(said), "{message}");
        }
        let terminated = SqlState::ADMIN_SHUTDOWN;
        assert!(lost_in_commit(Failure::Sql(&terminated), shown, "terminated").is_some());
        assert!(lost_in_commit(Failure::Closed, shown, "connection closed").is_some());
        let serialization = SqlState::T_R_SERIALIZATION_FAILURE;
        assert_eq!(lost_in_commit(Failure::Sql(&serialization), shown, "conflict"), None);
        assert_eq!(lost_in_commit(Failure::Other, shown, "bad message"), None);
    }

    #[test]
    fn an_unavailable_database_is_busy_and_names_the_database_once_known() {
        let unnamed = Error::DatabaseUnavailable {
            shown: None,
            cause: "connection closed".to_owned(),
        };
        assert_eq!(
            (
                unnamed.kind(),
                unnamed.code(),
                unnamed.kind().exit_code(),
                unnamed.kind().http_status()
            ),
            (ErrorKind::Busy, "database_unavailable", 6, 503)
        );
        assert!(!unnamed.retryable(), "not rerun by ops::retry: the caller decides");
        let named = unnamed.on_database("postgres://ledger@db.internal/books");
        assert_eq!(
            named.to_string(),
            "the database postgres://ledger@db.internal/books is unavailable: connection closed; nothing was \
             written, safe to retry"
        );
        assert_eq!(named.clone().on_database("elsewhere"), named, "the first name stays");
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
