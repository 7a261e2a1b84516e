//! The checks of `ledger verify` only the database can make: its indexes' integrity and the
//! triggers that keep the journal append-only. `ops::verify` runs the rest over the rows.

use super::schema::append_only_triggers;
use super::PgTx;
use crate::error::Result;
use crate::ledger::verify::{external_check, Check};
use crate::store::error::cause_of;

/// The name of the check on the database's own storage (SQLite's is `sqlite_integrity`).
pub const INTEGRITY_CHECK: &str = "postgres_integrity";
pub const INTEGRITY_DESCRIPTION: &str = "amcheck's bt_index_check finds every index of the ledger intact";
/// The same check, passed without looking: amcheck is an extension the database may lack, and
/// its absence is not damage.
pub const INTEGRITY_UNCHECKED: &str =
    "not checked: the amcheck extension is not installed in the database (CREATE EXTENSION amcheck)";

impl PgTx<'_> {
    /// amcheck's `bt_index_check` over every B-tree index of the ledger's tables, when the
    /// extension is installed; each index in a savepoint of its own, so that a damaged one is
    /// a finding and the checks of the others still run.
    pub(super) fn storage_check(&self) -> Result<Check> {
        let installed: bool = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'amcheck')",
                &[],
            )?
            .try_get(0)?;
        if !installed {
            return Ok(external_check(INTEGRITY_CHECK, INTEGRITY_UNCHECKED, Vec::new()));
        }
        let indexes = self.rows(
            "SELECT c.oid::regclass::text FROM pg_index i
             JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
             JOIN pg_am a ON a.oid = c.relam
             WHERE t.relnamespace = current_schema()::regnamespace AND a.amname = 'btree' ORDER BY 1",
            &[],
            |r| Ok(r.try_get::<_, String>(0)?),
        )?;
        let mut problems = Vec::new();
        for index in indexes {
            let checked = self.recoverable(|tx| tx.execute("SELECT bt_index_check($1::text::regclass)", &[&index]))?;
            if let Err(e) = checked {
                problems.push(format!("index {index}: {}", cause_of(&e)));
            }
        }
        Ok(external_check(INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, problems))
    }

    /// The triggers that keep the journal append-only which are not in place: absent from the
    /// ledger's tables, or disabled (`ALTER TABLE … DISABLE TRIGGER`, which SQLite cannot do).
    pub(super) fn missing_guards(&self) -> Result<Vec<String>> {
        let present = self.rows(
            "SELECT t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace",
            &[],
            |r| Ok(r.try_get::<_, String>(0)?),
        )?;
        Ok(append_only_triggers()
            .filter(|name| !present.iter().any(|p| p == name))
            .map(str::to_owned)
            .collect())
    }
}
