//! The audit chain: records of token and wallet status changes, stored as `ops` hashed them.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::tokens::{token_row, TOKEN_COLUMNS};
use super::wallets::all_status_changes;
use super::SqliteTx;
use crate::error::Result;
use crate::ledger::chain::{self, AuditEvent, AuditKind, AuditRecord};
use crate::ledger::ids::TokenId;
use crate::ledger::token::Token;

pub(super) const TOKEN_AUDIT_SQL: &str = "SELECT seq, kind, subject, prev_hash, hash FROM audit_events
     WHERE kind IN ('token_created', 'token_revoked') AND subject = ?1";

impl SqliteTx<'_> {
    /// A token's audit records: its creation and its revocation, each if recorded. One search of
    /// the `(kind, subject)` index (`query_plans::token_audit_seeks_on_its_index`).
    pub(super) fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)> {
        let events = self.rows(TOKEN_AUDIT_SQL, params![token_id], audit_event_row)?;
        let find = |kind| events.iter().find(|e| e.kind == kind).cloned();
        Ok((find(AuditKind::TokenCreated), find(AuditKind::TokenRevoked)))
    }

    /// The seq and hash of the audit chain's last record; `None` while it is empty.
    pub(super) fn audit_head(&self) -> Result<Option<(i64, String)>> {
        audit_head(self.q())
    }

    /// Stores an audit record already linked onto the head ([`chain::link_audit`]).
    pub(super) fn append_audit(&self, event: &AuditEvent) -> Result<()> {
        insert_audit(self.q(), event)
    }

    /// The audit chain in order, for `ledger verify`.
    pub(super) fn all_audit_events(&self) -> Result<Vec<AuditEvent>> {
        self.rows(
            "SELECT seq, kind, subject, prev_hash, hash FROM audit_events ORDER BY seq",
            [],
            audit_event_row,
        )
    }
}

fn audit_head(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

fn insert_audit(conn: &Connection, event: &AuditEvent) -> Result<()> {
    conn.prepare_cached("INSERT INTO audit_events (seq, kind, subject, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![
            event.seq,
            event.kind.as_str(),
            event.subject,
            event.prev_hash,
            event.hash
        ])?;
    Ok(())
}

/// Links `record` onto the audit chain and stores it, for the migration below only. Hashing
/// is the domain's, and every new record is hashed in `ops`; this one migration hashes here
/// because it is SQLite's own history (ledgers written before the audit chain existed), which
/// no other backend has to replay.
fn chain_record(conn: &Connection, record: &AuditRecord) -> Result<()> {
    let (seq, prev_hash) = chain::after(audit_head(conn)?);
    insert_audit(conn, &chain::link_audit(seq, record, prev_hash))
}

/// The audit records of the rows a ledger held before the audit chain existed, in order:
/// every token's creation, then every revocation, then every status change.
pub(super) fn chain_existing_rows(conn: &Connection) -> Result<()> {
    let tokens: Vec<Token> = conn
        .prepare(&format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id"))?
        .query_map([], token_row)?
        .map(|r| r?)
        .collect::<Result<_>>()?;
    for token in &tokens {
        chain_record(conn, &AuditRecord::TokenCreated(token))?;
    }
    let mut revoked: Vec<&Token> = tokens.iter().filter(|t| t.revoked_at.is_some()).collect();
    revoked.sort_by(|a, b| (&a.revoked_at, &a.id).cmp(&(&b.revoked_at, &b.id)));
    for token in revoked {
        let Some(revoked_at) = &token.revoked_at else {
            continue;
        };
        chain_record(
            conn,
            &AuditRecord::TokenRevoked {
                token_id: &token.id,
                revoked_at,
            },
        )?;
    }
    for (change_seq, change) in all_status_changes(conn)? {
        chain_record(
            conn,
            &AuditRecord::StatusChanged {
                change_seq,
                change: &change,
            },
        )?;
    }
    Ok(())
}

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
