//! `init`: a new ledger file, built whole under a temporary name and then linked into place.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{schema, SqliteStore};
use crate::error::{Error, Result};
use crate::store::error::StoreError;

impl SqliteStore {
    /// Creates a new ledger file; refuses to touch an existing one.
    ///
    /// The ledger is built whole under a temporary name in the same folder and only then linked
    /// into place, so a process killed at any moment leaves either no ledger or a complete one.
    pub fn create(path: &Path, lock_timeout_ms: u64) -> Result<SqliteStore> {
        if path.symlink_metadata().is_ok() {
            return Err(Error::LedgerExists {
                path: path.to_path_buf(),
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
        let created = SqliteStore::build(&temporary, lock_timeout_ms)
            .map_err(|e| match e {
                Error::InvalidRequest { reason, .. } => cannot(&reason),
                other => other,
            })
            .and_then(|()| publish(&temporary, path, &folder));
        // Whatever happened, the temporary name and its side files go: a published ledger lives
        // on under its real name (a hard link), a failed build is of no use to anyone.
        remove_with_side_files(&temporary);
        created?;
        SqliteStore::open(path, lock_timeout_ms)
    }

    /// Builds a complete ledger at `path`, a name nobody else uses. The schema is written in
    /// SQLite's rollback-journal mode and the file switched to WAL last, then closed (which
    /// checkpoints and removes the WAL) and fsynced: the file alone is the whole ledger.
    fn build(path: &Path, lock_timeout_ms: u64) -> Result<()> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|source| StoreError::Build { source })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .map_err(|e| StoreError::open(path, e))?;
        let mut store = SqliteStore::configure(conn, lock_timeout_ms)?;
        store.migrate()?;
        // WAL is a property of the file: set once here, every later connection inherits it.
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::open(path, e))?;
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
            .map_err(|source| StoreError::Build { source }.into())
    }
}

/// The start of the temporary names `init` builds a ledger under: hidden, beside it, named after
/// it, then the builder's process id.
fn build_prefix(file_name: &str) -> String {
    format!(".{file_name}.init-")
}

pub(super) fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
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
    std::fs::hard_link(temporary, path).map_err(|source| StoreError::Publish {
        path: path.to_owned(),
        source,
    })?;
    std::fs::remove_file(temporary)
        .and_then(|()| std::fs::File::open(folder))
        .and_then(|f| f.sync_all())
        .map_err(|source| {
            StoreError::SyncFolder {
                path: path.to_owned(),
                source,
            }
            .into()
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
