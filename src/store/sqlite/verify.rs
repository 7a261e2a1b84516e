//! `ledger verify` over the whole file: the journal streamed through a verifier, then the
//! database's own checks.

use super::Tx;
use super::APPEND_ONLY_TRIGGERS;
use crate::error::{Error, Result};
use crate::ledger::model::StatusChange;
use crate::ledger::verify::{
    check_audit, check_statuses, external_check, Anchor, Check, Report, Verifier, INTEGRITY_CHECK,
    INTEGRITY_DESCRIPTION,
};

impl Tx<'_> {
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
            verifier.entry(&stored);
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
}
