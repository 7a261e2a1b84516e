//! The audit chain: records of token and wallet status changes, stored as `ops` hashed them.

use ::postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::chain::{AuditEvent, AuditKind};
use crate::ledger::ids::TokenId;

impl PgTx<'_> {
    /// A token's audit records: its creation and its revocation, each if recorded. One search of
    /// the `(kind, subject)` index.
    pub(super) fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)> {
        let events = self.rows(
            "SELECT seq, kind, subject, prev_hash, hash FROM audit_events
             WHERE kind IN ('token_created', 'token_revoked') AND subject = $1",
            &[&token_id.as_str()],
            audit_event_row,
        )?;
        let find = |kind| events.iter().find(|e| e.kind == kind).cloned();
        Ok((find(AuditKind::TokenCreated), find(AuditKind::TokenRevoked)))
    }

    /// The seq and hash of the audit chain's last record; `None` while it is empty.
    pub(super) fn audit_head(&self) -> Result<Option<(i64, String)>> {
        self.lock_ledger_chains()?;
        self.first(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
            &[],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }

    /// Stores an audit record already linked onto the head (`chain::link_audit`).
    pub(super) fn append_audit(&self, event: &AuditEvent) -> Result<()> {
        self.execute(
            "INSERT INTO audit_events (seq, kind, subject, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)",
            &[
                &event.seq,
                &event.kind.as_str(),
                &event.subject,
                &event.prev_hash,
                &event.hash,
            ],
        )?;
        Ok(())
    }

    /// The audit chain in order, for `ledger verify`.
    pub(super) fn all_audit_events(&self) -> Result<Vec<AuditEvent>> {
        self.rows(
            "SELECT seq, kind, subject, prev_hash, hash FROM audit_events ORDER BY seq",
            &[],
            audit_event_row,
        )
    }
}

fn audit_event_row(r: &Row) -> Result<AuditEvent> {
    let kind: &str = r.try_get(1)?;
    Ok(AuditEvent {
        seq: r.try_get(0)?,
        kind: kind.parse()?,
        subject: r.try_get(2)?,
        prev_hash: r.try_get(3)?,
        hash: r.try_get(4)?,
    })
}
