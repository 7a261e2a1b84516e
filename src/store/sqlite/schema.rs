//! The ledger file's schema, as ordered migrations. `PRAGMA user_version` is the number of
//! migrations applied; a file is brought up to date under the write lock when it is opened.

use super::review_schema::V12_WITHDRAWAL_REQUESTS;

/// Marks a SQLite file as a ledgerctl ledger (`PRAGMA application_id`, "LDGR").
pub const APPLICATION_ID: i32 = 0x4C44_4752;

/// Each migration runs once, in order, in one transaction with the `user_version` bump.
pub const MIGRATIONS: &[&str] = &[
    V1_LEDGER,
    V2_WALLET_STATUS_CHANGES,
    V3_TOKENS_AND_IDEMPOTENCY,
    V4_FREEZE_RELEASE_REASON,
    V5_AUDIT_CHAIN_AND_TOKEN_NAMES,
    V6_WALLET_CHAINS_AND_SEALS,
    V7_ADMIN_TOKENS,
    V8_TRANSFERS,
    V9_CAPTURES,
    V10_SNAPSHOTS,
    V11_POLICIES,
    V12_WITHDRAWAL_REQUESTS,
];

/// Whether `migration` is the one after which the rows already in the file are chained into
/// the audit chain (hashes SQLite cannot compute). Found by its text, not its place, so the
/// list may be reordered at a merge.
pub fn chains_existing_rows(migration: &str) -> bool {
    migration == V5_AUDIT_CHAIN_AND_TOKEN_NAMES
}

/// What the journal's definition must hold after `migration`, when it rewrites that definition
/// in `sqlite_schema` (a constraint widened in place): the schema's version number must then
/// be bumped, so that every connection rereads it, and the rewrite proven to have happened.
pub fn rewritten_journal_kinds(migration: &str) -> Option<&'static str> {
    match migration {
        m if m == V8_TRANSFERS => Some(TRANSFER_KINDS),
        m if m == V9_CAPTURES => Some(CAPTURE_KINDS),
        _ => None,
    }
}

/// What the journal's `kind` check names once version 8 has widened it.
const TRANSFER_KINDS: &str = "'adjust_credit', 'adjust_debit', 'transfer_out', 'transfer_in'))";

/// What the journal's `kind` check names once the captures' migration has widened it.
const CAPTURE_KINDS: &str = "'transfer_out', 'transfer_in', 'capture'))";

/// The names of the triggers that make the journal append-only; `ledger verify` checks that
/// they are all still there.
pub const APPEND_ONLY_TRIGGERS: &[&str] = &[
    "journal_entries_no_update",
    "journal_entries_no_delete",
    "journal_entries_chain",
    "postings_no_update",
    "postings_no_delete",
    "freezes_no_delete",
    "freezes_release_only",
    "wallets_no_delete",
    "wallets_identity_fixed",
    "wallet_status_changes_no_update",
    "wallet_status_changes_no_delete",
    "tokens_no_delete",
    "tokens_revoke_only",
    "audit_events_no_update",
    "audit_events_no_delete",
    "audit_events_chain",
    "seals_no_update",
    "seals_no_delete",
    "seals_chain",
    "seal_heads_no_update",
    "seal_heads_no_delete",
    "snapshots_no_update",
    "snapshots_no_delete",
    "snapshot_balances_no_update",
    "snapshot_balances_no_delete",
    "policy_changes_no_update",
    "policy_changes_no_delete",
    "policy_changes_chain",
    "withdrawal_requests_no_delete",
    "withdrawal_requests_decide_once",
];

const V1_LEDGER: &str = r#"
CREATE TABLE wallets (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    application_id  TEXT NOT NULL,
    user_id         TEXT NOT NULL,
    currency        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'frozen', 'closed')),
    -- Cached balances in minor units; `ledger verify` proves them against the postings.
    available_minor INTEGER NOT NULL CHECK (available_minor >= 0),
    frozen_minor    INTEGER NOT NULL CHECK (frozen_minor >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (tenant_id, application_id, user_id)
) STRICT;

-- One row per journal entry, which is also the wallet transaction the API returns.
CREATE TABLE journal_entries (
    seq                  INTEGER PRIMARY KEY,
    id                   TEXT NOT NULL UNIQUE,
    wallet_id            TEXT NOT NULL REFERENCES wallets (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'withdraw', 'freeze',
                              'unfreeze', 'refund', 'adjust_credit', 'adjust_debit')),
    currency             TEXT NOT NULL,
    amount_minor         INTEGER NOT NULL CHECK (amount_minor > 0),
    balance_before_minor INTEGER NOT NULL,
    balance_after_minor  INTEGER NOT NULL,
    counterparty_id      TEXT,
    description          TEXT,
    reference_id         TEXT,
    original_id          TEXT REFERENCES journal_entries (id),
    freeze_id            TEXT,
    request              TEXT NOT NULL,
    actor                TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    prev_hash            TEXT NOT NULL,
    hash                 TEXT NOT NULL UNIQUE
) STRICT;

-- reference_id is unique per wallet and operation (both adjust directions are one operation).
CREATE UNIQUE INDEX journal_entries_reference ON journal_entries (
    wallet_id,
    (CASE kind WHEN 'adjust_debit' THEN 'adjust_credit' ELSE kind END),
    reference_id
) WHERE reference_id IS NOT NULL;
CREATE INDEX journal_entries_wallet ON journal_entries (wallet_id, seq);
CREATE INDEX journal_entries_original ON journal_entries (original_id) WHERE original_id IS NOT NULL;

CREATE TABLE postings (
    entry_seq    INTEGER NOT NULL REFERENCES journal_entries (seq),
    idx          INTEGER NOT NULL,
    account      TEXT NOT NULL,
    currency     TEXT NOT NULL,
    -- Signed: positive debits, negative credits.
    amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
    PRIMARY KEY (entry_seq, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX postings_account ON postings (account, currency);

CREATE TABLE freezes (
    id           TEXT PRIMARY KEY,
    wallet_id    TEXT NOT NULL REFERENCES wallets (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    reason       TEXT,
    status       TEXT NOT NULL CHECK (status IN ('active', 'released')),
    created_at   TEXT NOT NULL,
    released_at  TEXT,
    CHECK ((status = 'active') = (released_at IS NULL))
) STRICT;
CREATE INDEX freezes_wallet ON freezes (wallet_id, status);

-- The journal is append-only, enforced here and not only by the code.
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: corrections are new entries'); END;
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: corrections are new entries'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only'); END;

-- Entries are numbered 1, 2, 3… and each links to the previous entry's hash.
CREATE TRIGGER journal_entries_chain BEFORE INSERT ON journal_entries
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal_entries)
  OR NEW.prev_hash IS NOT COALESCE(
       (SELECT hash FROM journal_entries ORDER BY seq DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'journal entry does not extend the hash chain'); END;

-- A freeze record changes once, from active to released, and is never deleted.
CREATE TRIGGER freezes_no_delete BEFORE DELETE ON freezes
BEGIN SELECT RAISE(ABORT, 'freeze records are never deleted'); END;
CREATE TRIGGER freezes_release_only BEFORE UPDATE ON freezes
WHEN NOT (OLD.status = 'active' AND NEW.status = 'released' AND NEW.released_at IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.wallet_id IS OLD.wallet_id
          AND NEW.amount_minor IS OLD.amount_minor AND NEW.reason IS OLD.reason
          AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'a freeze record can only be released, once'); END;

-- Wallets are never deleted (closed instead) and never change owner or currency.
CREATE TRIGGER wallets_no_delete BEFORE DELETE ON wallets
BEGIN SELECT RAISE(ABORT, 'wallets are never deleted: close them'); END;
CREATE TRIGGER wallets_identity_fixed
BEFORE UPDATE OF id, tenant_id, application_id, user_id, currency, created_at ON wallets
WHEN NEW.id IS NOT OLD.id OR NEW.tenant_id IS NOT OLD.tenant_id
  OR NEW.application_id IS NOT OLD.application_id OR NEW.user_id IS NOT OLD.user_id
  OR NEW.currency IS NOT OLD.currency OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a wallet''s owner and currency never change'); END;
"#;

/// Who changed a wallet's status, when and why; append-only like the journal.
const V2_WALLET_STATUS_CHANGES: &str = r#"
CREATE TABLE wallet_status_changes (
    seq         INTEGER PRIMARY KEY,
    wallet_id   TEXT NOT NULL REFERENCES wallets (id),
    from_status TEXT NOT NULL CHECK (from_status IN ('active', 'frozen', 'closed')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('active', 'frozen', 'closed')),
    reason      TEXT NOT NULL CHECK (reason <> ''),
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX wallet_status_changes_wallet ON wallet_status_changes (wallet_id, seq);
CREATE TRIGGER wallet_status_changes_no_update BEFORE UPDATE ON wallet_status_changes
BEGIN SELECT RAISE(ABORT, 'wallet_status_changes is append-only'); END;
CREATE TRIGGER wallet_status_changes_no_delete BEFORE DELETE ON wallet_status_changes
BEGIN SELECT RAISE(ABORT, 'wallet_status_changes is append-only'); END;
"#;

/// Credentials for `serve` (only the hash of each secret) and the responses of requests sent with
/// an `Idempotency-Key`, kept so a repeat is answered byte for byte without writing again.
const V3_TOKENS_AND_IDEMPOTENCY: &str = r#"
CREATE TABLE tokens (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('bearer', 'internal')),
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    user_id        TEXT,
    access         TEXT NOT NULL CHECK (access IN ('read', 'write')),
    secret_sha256  TEXT NOT NULL CHECK (length(secret_sha256) = 64),
    created_at     TEXT NOT NULL,
    expires_at     TEXT,
    revoked_at     TEXT,
    actor          TEXT NOT NULL
) STRICT;
-- A token is never deleted, and the only change it takes is its revocation, once.
CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted: revoke them'); END;
CREATE TRIGGER tokens_revoke_only BEFORE UPDATE ON tokens
WHEN NOT (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.tenant_id IS OLD.tenant_id
          AND NEW.application_id IS OLD.application_id AND NEW.user_id IS OLD.user_id
          AND NEW.access IS OLD.access AND NEW.secret_sha256 IS OLD.secret_sha256
          AND NEW.created_at IS OLD.created_at AND NEW.expires_at IS OLD.expires_at
          AND NEW.actor IS OLD.actor)
BEGIN SELECT RAISE(ABORT, 'a token can only be revoked, once'); END;
-- Keys are scoped to a tenant, application and wallet owner ('user:<id>', or 'internal' for the
-- internal refund): one user's keys neither block nor reveal another's.
CREATE TABLE idempotency_keys (
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    owner          TEXT NOT NULL,
    key            TEXT NOT NULL,
    -- SHA-256 of the method, path and body: the same key with another request is a conflict.
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    response    BLOB NOT NULL,
    token_id    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, application_id, owner, key)
) STRICT;
"#;

/// Why a freeze was released (`unfreeze --reason`), kept on its record beside the freeze's own
/// reason. Set only together with the release: `freezes_release_only` refuses every update of
/// a released record, so it cannot change afterwards. Older records have none.
const V4_FREEZE_RELEASE_REASON: &str = r#"
ALTER TABLE freezes ADD COLUMN release_reason TEXT;
"#;

/// Tokens and wallet status changes join a hash chain of their own, the audit chain: one record
/// per token made, per revocation, per status change, each hashing that row's content and the
/// previous record's hash. Rows already in the file are chained by ledgerctl right after this
/// SQL, in order (tokens by creation, then revocations, then status changes): the migration
/// vouches for them as they were when it ran. Tokens also get an optional `name`.
const V5_AUDIT_CHAIN_AND_TOKEN_NAMES: &str = r#"
ALTER TABLE tokens ADD COLUMN name TEXT;
DROP TRIGGER tokens_revoke_only;
CREATE TRIGGER tokens_revoke_only BEFORE UPDATE ON tokens
WHEN NOT (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.tenant_id IS OLD.tenant_id
          AND NEW.application_id IS OLD.application_id AND NEW.user_id IS OLD.user_id
          AND NEW.access IS OLD.access AND NEW.secret_sha256 IS OLD.secret_sha256
          AND NEW.created_at IS OLD.created_at AND NEW.expires_at IS OLD.expires_at
          AND NEW.actor IS OLD.actor AND NEW.name IS OLD.name)
BEGIN SELECT RAISE(ABORT, 'a token can only be revoked, once'); END;
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('token_created', 'token_revoked', 'status_changed')),
    -- A token's id, or a status change's seq.
    subject   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE,
    UNIQUE (kind, subject)
) STRICT;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events)
  OR NEW.prev_hash IS NOT COALESCE(
       (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit record does not extend the hash chain'); END;
"#;

/// Every entry from here on extends its own wallet's hash chain (`chain_version` 2: its hash
/// covers its `wallet_seq` and links to its wallet's previous entry), so writes to different
/// wallets never wait on one chain head. Entries already in the file keep the ledger-wide chain
/// they were hashed in (`chain_version` 1) and are numbered within their wallets here; no hash
/// covers `wallet_seq`, so no evidence changes, and `ledger verify` checks the numbers. Seals
/// record every wallet's head, chained, so that one anchor still proves every wallet's history.
const V6_WALLET_CHAINS_AND_SEALS: &str = r#"
ALTER TABLE journal_entries ADD COLUMN wallet_seq INTEGER CHECK (wallet_seq >= 1);
ALTER TABLE journal_entries ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1
    CHECK (chain_version IN (1, 2));
DROP TRIGGER journal_entries_no_update;
UPDATE journal_entries SET wallet_seq = numbered.n
FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY wallet_id ORDER BY seq) AS n FROM journal_entries) AS numbered
WHERE numbered.seq = journal_entries.seq;
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: corrections are new entries'); END;
CREATE UNIQUE INDEX journal_entries_wallet_seq ON journal_entries (wallet_id, wallet_seq);

-- An entry is its wallet's next; a version 1 entry also extends the ledger-wide chain, and only
-- until the first version 2 entry (a ledger copied in from an older file is inserted in order).
DROP TRIGGER journal_entries_chain;
CREATE TRIGGER journal_entries_chain BEFORE INSERT ON journal_entries
WHEN NEW.wallet_seq IS NOT COALESCE(
       (SELECT MAX(wallet_seq) FROM journal_entries WHERE wallet_id = NEW.wallet_id), 0) + 1
  OR CASE NEW.chain_version
       WHEN 2 THEN NEW.prev_hash IS NOT COALESCE(
         (SELECT hash FROM journal_entries WHERE wallet_id = NEW.wallet_id ORDER BY wallet_seq DESC LIMIT 1),
         '0000000000000000000000000000000000000000000000000000000000000000')
       WHEN 1 THEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal_entries)
         OR NEW.prev_hash IS NOT COALESCE(
           (SELECT hash FROM journal_entries ORDER BY seq DESC LIMIT 1),
           '0000000000000000000000000000000000000000000000000000000000000000')
         OR (SELECT chain_version FROM journal_entries ORDER BY seq DESC LIMIT 1) IS 2
       ELSE 1 END
BEGIN SELECT RAISE(ABORT, 'journal entry does not extend the hash chain'); END;

CREATE TABLE seals (
    seq        INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    actor      TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
) STRICT;
-- The wallet heads a seal recorded: those that moved since the seal before.
CREATE TABLE seal_heads (
    seal_seq   INTEGER NOT NULL REFERENCES seals (seq),
    wallet_id  TEXT NOT NULL REFERENCES wallets (id),
    wallet_seq INTEGER NOT NULL CHECK (wallet_seq >= 1),
    hash       TEXT NOT NULL,
    PRIMARY KEY (seal_seq, wallet_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX seal_heads_wallet ON seal_heads (wallet_id, wallet_seq);
CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
CREATE TRIGGER seals_chain BEFORE INSERT ON seals
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM seals)
  OR NEW.prev_hash IS NOT COALESCE(
       (SELECT hash FROM seals ORDER BY seq DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'seal does not extend the seal chain'); END;
CREATE TRIGGER seal_heads_no_update BEFORE UPDATE ON seal_heads
BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
CREATE TRIGGER seal_heads_no_delete BEFORE DELETE ON seal_heads
BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
"#;

/// A third token scope, `admin`, for the `/admin/…` routes. SQLite cannot alter a CHECK, so the
/// tokens table is rebuilt: every row copied with its rowid, the columns in their old order
/// (`name` last, where version 5 added it), then its two guards re-created as version 5 left
/// them. No other trigger or view names the table, and audit records hash a token's content,
/// never its place, so the audit chain verifies unchanged.
const V7_ADMIN_TOKENS: &str = r#"
CREATE TABLE tokens_v7 (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('bearer', 'internal')),
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    user_id        TEXT,
    access         TEXT NOT NULL CHECK (access IN ('read', 'write', 'admin')),
    secret_sha256  TEXT NOT NULL CHECK (length(secret_sha256) = 64),
    created_at     TEXT NOT NULL,
    expires_at     TEXT,
    revoked_at     TEXT,
    actor          TEXT NOT NULL,
    name           TEXT,
    -- An admin token reaches every wallet of its application: it is never bound to one user.
    CHECK (access <> 'admin' OR user_id IS NULL)
) STRICT;
INSERT INTO tokens_v7 (rowid, id, kind, tenant_id, application_id, user_id, access, secret_sha256,
                       created_at, expires_at, revoked_at, actor, name)
SELECT rowid, id, kind, tenant_id, application_id, user_id, access, secret_sha256,
       created_at, expires_at, revoked_at, actor, name
FROM tokens ORDER BY rowid;
DROP TABLE tokens;
ALTER TABLE tokens_v7 RENAME TO tokens;
CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted: revoke them'); END;
CREATE TRIGGER tokens_revoke_only BEFORE UPDATE ON tokens
WHEN NOT (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.tenant_id IS OLD.tenant_id
          AND NEW.application_id IS OLD.application_id AND NEW.user_id IS OLD.user_id
          AND NEW.access IS OLD.access AND NEW.secret_sha256 IS OLD.secret_sha256
          AND NEW.created_at IS OLD.created_at AND NEW.expires_at IS OLD.expires_at
          AND NEW.actor IS OLD.actor AND NEW.name IS OLD.name)
BEGIN SELECT RAISE(ABORT, 'a token can only be revoked, once'); END;
"#;

/// Transfers: the journal takes the two legs of a transfer (`transfer_out`, `transfer_in`).
/// SQLite cannot alter a CHECK constraint, and rebuilding the journal would copy every entry
/// and re-create its guards; instead the constraint's text is widened in place, the documented
/// way to loosen a constraint (sqlite.org/lang_altertable.html, "making other kinds of table
/// schema changes"): no stored row changes, and every row the old check admitted the new one
/// admits. The migration code then bumps the schema's version and checks the new text is there.
const V8_TRANSFERS: &str = r#"
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''adjust_credit'', ''adjust_debit''))',
                       '''adjust_credit'', ''adjust_debit'', ''transfer_out'', ''transfer_in''))')
WHERE type = 'table' AND name = 'journal_entries';
PRAGMA writable_schema = OFF;
"#;

/// Captures: the journal takes `capture` entries (its kind check widened in place, as
/// `V8_TRANSFERS` did, and last, after the DDL, so that nothing runs on the stale definition
/// before the migration code rereads it), and a freeze can end `captured`, with the amount
/// captured and when. The freezes table is rebuilt for its new checks (each status has its
/// own fields: `released_at` only when released, the captured amount, at most the held one,
/// and time only when captured), its rows copied with their rowids, then its index and two
/// guards re-created, the update guard letting an active freeze end once, either way. No
/// foreign key names the table and no hash covers a freeze record.
const V9_CAPTURES: &str = r#"
CREATE TABLE freezes_v9 (
    id             TEXT PRIMARY KEY,
    wallet_id      TEXT NOT NULL REFERENCES wallets (id),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    reason         TEXT,
    status         TEXT NOT NULL CHECK (status IN ('active', 'released', 'captured')),
    created_at     TEXT NOT NULL,
    released_at    TEXT,
    release_reason TEXT,
    captured_minor INTEGER CHECK (captured_minor > 0 AND captured_minor <= amount_minor),
    captured_at    TEXT,
    CHECK ((status = 'released') = (released_at IS NOT NULL)),
    CHECK ((status = 'captured') = (captured_minor IS NOT NULL)),
    CHECK ((status = 'captured') = (captured_at IS NOT NULL))
) STRICT;
INSERT INTO freezes_v9 (rowid, id, wallet_id, amount_minor, reason, status, created_at, released_at,
                        release_reason)
SELECT rowid, id, wallet_id, amount_minor, reason, status, created_at, released_at, release_reason
FROM freezes ORDER BY rowid;
DROP TABLE freezes;
ALTER TABLE freezes_v9 RENAME TO freezes;
CREATE INDEX freezes_wallet ON freezes (wallet_id, status);
CREATE TRIGGER freezes_no_delete BEFORE DELETE ON freezes
BEGIN SELECT RAISE(ABORT, 'freeze records are never deleted'); END;
CREATE TRIGGER freezes_release_only BEFORE UPDATE ON freezes
WHEN NOT (OLD.status = 'active' AND NEW.status IN ('released', 'captured')
          AND NEW.id IS OLD.id AND NEW.wallet_id IS OLD.wallet_id
          AND NEW.amount_minor IS OLD.amount_minor AND NEW.reason IS OLD.reason
          AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'a freeze record ends once: released or captured'); END;

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''transfer_out'', ''transfer_in''))',
                       '''transfer_out'', ''transfer_in'', ''capture''))')
WHERE type = 'table' AND name = 'journal_entries';
PRAGMA writable_schema = OFF;
"#;

/// Snapshots: each wallet's balances at the end of a day, taken once per tenant, application
/// and day (`snapshots`, whose first answer every repeat gives again) and kept as they were
/// taken (`snapshot_balances`, one row per wallet; `ledger verify` proves each against the
/// journal). Both are append-only, as the journal is.
const V10_SNAPSHOTS: &str = r#"
CREATE TABLE snapshots (
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    snapshot_date  TEXT NOT NULL CHECK (snapshot_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    snapshot_at    TEXT NOT NULL,
    wallets_total  INTEGER NOT NULL CHECK (wallets_total >= 0),
    snapshot_count INTEGER NOT NULL CHECK (snapshot_count >= 0 AND snapshot_count <= wallets_total),
    actor          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    -- The policy's timezone whose midnight ended the day (`snapshot_at`), when it was taken.
    timezone       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, application_id, snapshot_date)
) STRICT, WITHOUT ROWID;
CREATE TABLE snapshot_balances (
    wallet_id       TEXT NOT NULL REFERENCES wallets (id),
    snapshot_date   TEXT NOT NULL,
    snapshot_at     TEXT NOT NULL,
    available_minor INTEGER NOT NULL,
    frozen_minor    INTEGER NOT NULL,
    balance_minor   INTEGER NOT NULL,
    -- The wallet's last entry by snapshot_at: all three, or none (no entry yet).
    last_wallet_seq INTEGER CHECK (last_wallet_seq >= 1),
    last_entry_id   TEXT,
    last_hash       TEXT,
    CHECK ((last_wallet_seq IS NULL) = (last_entry_id IS NULL) AND (last_entry_id IS NULL) = (last_hash IS NULL)),
    PRIMARY KEY (wallet_id, snapshot_date)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are kept as taken'); END;
CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are kept as taken'); END;
CREATE TRIGGER snapshot_balances_no_update BEFORE UPDATE ON snapshot_balances
BEGIN SELECT RAISE(ABORT, 'snapshots are kept as taken'); END;
CREATE TRIGGER snapshot_balances_no_delete BEFORE DELETE ON snapshot_balances
BEGIN SELECT RAISE(ABORT, 'snapshots are kept as taken'); END;
"#;

/// Policies: each change of a tenant's and application's policy, append-only and chained by
/// hash (numbered by ledgerctl, max + 1, as the audit chain is); a scope's policy is its last
/// change's `new_policy` (none: the default). The journal's index by wallet, kind, time,
/// amount and counterparty answers a withdrawal limit's sum of the day's or month's
/// withdrawals and captures to the settlement from the index alone, without reading the
/// wallet's other entries or any row.
const V11_POLICIES: &str = r#"
CREATE TABLE policy_changes (
    seq            INTEGER PRIMARY KEY,
    tenant_id      TEXT NOT NULL,
    application_id TEXT NOT NULL,
    old_policy     TEXT,
    new_policy     TEXT,
    actor          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX policy_changes_scope ON policy_changes (tenant_id, application_id, seq);
CREATE TRIGGER policy_changes_no_update BEFORE UPDATE ON policy_changes
BEGIN SELECT RAISE(ABORT, 'policy_changes is append-only'); END;
CREATE TRIGGER policy_changes_no_delete BEFORE DELETE ON policy_changes
BEGIN SELECT RAISE(ABORT, 'policy_changes is append-only'); END;
CREATE TRIGGER policy_changes_chain BEFORE INSERT ON policy_changes
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM policy_changes)
  OR NEW.prev_hash IS NOT COALESCE(
       (SELECT hash FROM policy_changes ORDER BY seq DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'policy change does not extend the hash chain'); END;
CREATE INDEX journal_entries_wallet_kind_time ON journal_entries (wallet_id, kind, created_at, amount_minor,
    counterparty_id);
"#;
