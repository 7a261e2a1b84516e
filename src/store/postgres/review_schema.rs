//! Schema version 12: withdrawal requests, kept out of `schema.rs` (already past 500 lines).

/// Version 12: withdrawal requests, as SQLite's version 12 (the same table, checks, indexes,
/// guards and messages), with a time column's CHECK on its one spelling and a guard against
/// TRUNCATE, as every table here has.
pub(super) const P12_WITHDRAWAL_REQUESTS: &str = r#"
CREATE TABLE withdrawal_requests (
    id              TEXT COLLATE "C" PRIMARY KEY,
    tenant_id       TEXT COLLATE "C" NOT NULL,
    application_id  TEXT COLLATE "C" NOT NULL,
    wallet_id       TEXT COLLATE "C" NOT NULL REFERENCES wallets (id),
    user_id         TEXT COLLATE "C" NOT NULL,
    currency        TEXT COLLATE "C" NOT NULL,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    remark          TEXT COLLATE "C",
    reference_id    TEXT COLLATE "C",
    freeze_id       TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES freezes (id),
    requested_by    TEXT COLLATE "C" NOT NULL,
    requested_at    TEXT COLLATE "C" NOT NULL
                    CHECK (requested_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'),
    status          TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    approved_by     TEXT COLLATE "C",
    decided_by      TEXT COLLATE "C",
    decided_at      TEXT COLLATE "C"
                    CHECK (decided_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'),
    decision_remark TEXT COLLATE "C",
    transaction_id  TEXT COLLATE "C" REFERENCES journal_entries (id),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'pending') = (transaction_id IS NULL)),
    CHECK (status <> 'pending' OR decision_remark IS NULL),
    CHECK (approved_by IS NULL OR status = 'approved')
);
CREATE INDEX withdrawal_requests_scope ON withdrawal_requests (tenant_id, application_id, status, id);
CREATE INDEX withdrawal_requests_wallet ON withdrawal_requests (wallet_id, status, id);
CREATE TRIGGER withdrawal_requests_no_delete BEFORE DELETE ON withdrawal_requests FOR EACH ROW
EXECUTE FUNCTION ledgerctl_refuse('withdrawal requests are never deleted');
CREATE TRIGGER withdrawal_requests_no_truncate BEFORE TRUNCATE ON withdrawal_requests FOR EACH STATEMENT
EXECUTE FUNCTION ledgerctl_refuse('withdrawal requests are never deleted');
CREATE TRIGGER withdrawal_requests_decide_once BEFORE UPDATE ON withdrawal_requests FOR EACH ROW
WHEN (NOT (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected')
           AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.tenant_id IS NOT DISTINCT FROM OLD.tenant_id
           AND NEW.application_id IS NOT DISTINCT FROM OLD.application_id
           AND NEW.wallet_id IS NOT DISTINCT FROM OLD.wallet_id
           AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
           AND NEW.currency IS NOT DISTINCT FROM OLD.currency
           AND NEW.amount_minor IS NOT DISTINCT FROM OLD.amount_minor
           AND NEW.remark IS NOT DISTINCT FROM OLD.remark
           AND NEW.reference_id IS NOT DISTINCT FROM OLD.reference_id
           AND NEW.freeze_id IS NOT DISTINCT FROM OLD.freeze_id
           AND NEW.requested_by IS NOT DISTINCT FROM OLD.requested_by
           AND NEW.requested_at IS NOT DISTINCT FROM OLD.requested_at))
EXECUTE FUNCTION ledgerctl_refuse('a withdrawal request is decided once: approved or rejected');
"#;
