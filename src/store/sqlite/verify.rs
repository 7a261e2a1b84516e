//! The checks of `ledger verify` only the database can make: its pages' integrity and the
//! triggers that keep the journal append-only. `ops::verify` runs the rest over the rows.

use super::SqliteTx;
use super::APPEND_ONLY_TRIGGERS;
use crate::error::{Error, Result};
use crate::ledger::verify::{external_check, Check, INTEGRITY_CHECK, INTEGRITY_DESCRIPTION};

impl SqliteTx<'_> {
    /// SQLite's own check of the file's pages (`PRAGMA integrity_check`), as a verify check.
    pub(super) fn storage_check(&self) -> Result<Check> {
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

    /// The triggers that keep the journal append-only which are not in place.
    pub(super) fn missing_guards(&self) -> Result<Vec<String>> {
        let present: Vec<String> = self
            .q()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(APPEND_ONLY_TRIGGERS
            .iter()
            .filter(|name| !present.iter().any(|p| p == *name))
            .map(|name| (*name).to_owned())
            .collect())
    }
}
