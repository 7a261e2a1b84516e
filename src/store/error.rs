//! How a SQLite failure reads to the user: which error kind, exit code and message it is.

use std::path::Path;

use rusqlite::ErrorCode;

use crate::error::Error;

pub(super) fn open_error(path: &Path, e: rusqlite::Error) -> Error {
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

pub(super) fn busy_or(e: rusqlite::Error, lock_timeout_ms: u64) -> Error {
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
