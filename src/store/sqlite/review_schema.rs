//! Schema version 12: withdrawal requests, kept out of `schema.rs` (already past 500 lines).

/// Withdrawal requests (maker-checker review): one row per request, holding its amount by the
/// freeze it names (one request per freeze). A row is inserted pending, or, copied from
/// another ledger, in its final state; its decision is written once. The checks tie the
/// decision's columns to the status: none while pending; who, when and the entry that carried
/// it out once decided; an approver's name only on an approved one. The guards keep every row
/// (no delete) and let an update only decide a pending row, touching only the decision's
/// columns: a decided request never changes again. Times are stored as freezes store theirs.
pub(super) const V12_WITHDRAWAL_REQUESTS: &str = r#"
CREATE TABLE withdrawal_requests (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    application_id  TEXT NOT NULL,
    wallet_id       TEXT NOT NULL REFERENCES wallets (id),
    user_id         TEXT NOT NULL,
    currency        TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
    remark          TEXT,
    reference_id    TEXT,
    freeze_id       TEXT NOT NULL UNIQUE REFERENCES freezes (id),
    requested_by    TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    approved_by     TEXT,
    decided_by      TEXT,
    decided_at      TEXT,
    decision_remark TEXT,
    transaction_id  TEXT REFERENCES journal_entries (id),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'pending') = (transaction_id IS NULL)),
    CHECK (status <> 'pending' OR decision_remark IS NULL),
    CHECK (approved_by IS NULL OR status = 'approved')
) STRICT;
CREATE INDEX withdrawal_requests_scope ON withdrawal_requests (tenant_id, application_id, status, id);
CREATE INDEX withdrawal_requests_wallet ON withdrawal_requests (wallet_id, status, id);
CREATE TRIGGER withdrawal_requests_no_delete BEFORE DELETE ON withdrawal_requests
BEGIN SELECT RAISE(ABORT, 'withdrawal requests are never deleted'); END;
CREATE TRIGGER withdrawal_requests_decide_once BEFORE UPDATE ON withdrawal_requests
WHEN NOT (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected')
          AND NEW.id IS OLD.id AND NEW.tenant_id IS OLD.tenant_id
          AND NEW.application_id IS OLD.application_id AND NEW.wallet_id IS OLD.wallet_id
          AND NEW.user_id IS OLD.user_id AND NEW.currency IS OLD.currency
          AND NEW.amount_minor IS OLD.amount_minor AND NEW.remark IS OLD.remark
          AND NEW.reference_id IS OLD.reference_id AND NEW.freeze_id IS OLD.freeze_id
          AND NEW.requested_by IS OLD.requested_by AND NEW.requested_at IS OLD.requested_at)
BEGIN SELECT RAISE(ABORT, 'a withdrawal request is decided once: approved or rejected'); END;
"#;

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use crate::store::SqliteStore;

    /// A wallet, the deposit and the freeze a pending request `wdr_1` holds, as ledgerctl writes
    /// them (the journal's chain trigger checks the entry's link).
    const ROWS: &str = r#"
INSERT INTO wallets VALUES ('wlt_1', 't', 'a', 'usr_1', 'CNY', 'active', 400, 100,
    '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z');
INSERT INTO journal_entries (seq, id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES (1, 'txn_1', 'wlt_1', 1, 2, 'deposit', 'CNY', 500, 0, 500, '{}', 'cli', '2026-04-15T10:30:00Z',
    '0000000000000000000000000000000000000000000000000000000000000000', 'h1');
INSERT INTO freezes (id, wallet_id, amount_minor, status, created_at)
VALUES ('frz_1', 'wlt_1', 100, 'active', '2026-04-15T10:31:00Z');
INSERT INTO withdrawal_requests (id, tenant_id, application_id, wallet_id, user_id, currency, amount_minor,
    freeze_id, requested_by, requested_at, status)
VALUES ('wdr_1', 't', 'a', 'wlt_1', 'usr_1', 'CNY', 100, 'frz_1', 'cli:alice', '2026-04-15T10:31:00Z', 'pending');
"#;

    const DECIDE: &str = "UPDATE withdrawal_requests SET status = 'rejected', decided_by = 'cli:bob',
         decided_at = '2026-04-15T10:32:00Z', transaction_id = 'txn_1' WHERE id = 'wdr_1'";

    fn ledger() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        drop(SqliteStore::create(&path, 1_000).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        conn.execute_batch(ROWS).expect("the rows are as ledgerctl writes them");
        (dir, conn)
    }

    fn refused(conn: &Connection, sql: &str) -> String {
        conn.execute_batch(sql)
            .err()
            .unwrap_or_else(|| panic!("accepted: {sql}"))
            .to_string()
    }

    #[test]
    fn a_request_is_never_deleted_and_only_decided_once_in_its_decision_columns() {
        let (_dir, conn) = ledger();
        const ONCE: &str = "a withdrawal request is decided once: approved or rejected";
        assert!(refused(&conn, "DELETE FROM withdrawal_requests").contains("withdrawal requests are never deleted"));
        for sql in [
            "UPDATE withdrawal_requests SET amount_minor = 1",
            "UPDATE withdrawal_requests SET requested_by = 'cli:bob'",
            "UPDATE withdrawal_requests SET remark = 'edited'",
            "UPDATE withdrawal_requests SET user_id = 'usr_2'",
        ] {
            assert!(refused(&conn, sql).contains(ONCE), "{sql}");
        }
        // Deciding while changing a request's own column is refused whole.
        let smuggled = DECIDE.replace("status = 'rejected',", "status = 'rejected', amount_minor = 50,");
        assert!(refused(&conn, &smuggled).contains(ONCE));
        conn.execute_batch(DECIDE).expect("a pending request is decided");
        for sql in [
            "UPDATE withdrawal_requests SET status = 'approved', approved_by = 'Bob'",
            "UPDATE withdrawal_requests SET decision_remark = 'later'",
            "UPDATE withdrawal_requests SET status = 'pending', decided_by = NULL, decided_at = NULL,
                 transaction_id = NULL",
        ] {
            assert!(refused(&conn, sql).contains(ONCE), "{sql}");
        }
        assert!(refused(&conn, "DELETE FROM withdrawal_requests").contains("never deleted"));
        let status: String = conn
            .query_row("SELECT status FROM withdrawal_requests", [], |r| r.get(0))
            .unwrap();
        assert_eq!(status, "rejected");
    }

    #[test]
    fn a_decision_must_fill_its_columns_as_its_status_says() {
        let (_dir, conn) = ledger();
        for sql in [
            "UPDATE withdrawal_requests SET status = 'approved'",
            "UPDATE withdrawal_requests SET status = 'rejected', decided_by = 'cli:bob', transaction_id = 'txn_1'",
            &DECIDE.replace("status = 'rejected',", "status = 'rejected', approved_by = 'Bob',"),
            &DECIDE.replace("'txn_1'", "'txn_404'"),
        ] {
            let message = refused(&conn, sql);
            assert!(message.contains("constraint failed"), "{sql}: {message}");
        }
    }
}
