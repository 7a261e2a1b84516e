use std::collections::HashMap;

use ::postgres::error::SqlState;
use ::postgres::Client;

use super::{init, TestDatabase};
use crate::store::postgres::{append_only_triggers, NO_TRUNCATE_TRIGGERS};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One row in every ledger table, each as ledgerctl would write it.
const ROWS: &str = r#"
INSERT INTO wallets VALUES ('wlt_1', 't', 'a', 'usr_1', 'CNY', 'active', 500, 0,
    '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z');
INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES ('txn_1', 'wlt_1', 1, 2, 'deposit', 'CNY', 500, 0, 500, '{}', 'cli',
    '2026-04-15T10:30:00Z', '0000000000000000000000000000000000000000000000000000000000000000', 'h1');
INSERT INTO postings VALUES (1, 0, 'wallet:wlt_1:available', 'CNY', -500), (1, 1, 'cash', 'CNY', 500);
INSERT INTO freezes (id, wallet_id, amount_minor, reason, status, created_at)
VALUES ('frz_1', 'wlt_1', 100, 'audit', 'active', '2026-04-15T10:30:00Z');
INSERT INTO wallet_status_changes (wallet_id, from_status, to_status, reason, actor, created_at)
VALUES ('wlt_1', 'active', 'frozen', 'audit', 'cli', '2026-04-15T10:30:00Z');
INSERT INTO tokens (id, kind, tenant_id, application_id, access, secret_sha256, created_at, actor)
VALUES ('tok_1', 'bearer', 't', 'a', 'write', repeat('a', 64), '2026-04-15T10:30:00Z', 'cli');
INSERT INTO idempotency_keys VALUES ('t', 'a', 'user:usr_1', 'k1', 'f', 200, '\x7b7d', 'tok_1',
    '2026-04-15T10:30:00Z');
INSERT INTO audit_events VALUES (1, 'token_created', 'tok_1',
    '0000000000000000000000000000000000000000000000000000000000000000', 'a1');
INSERT INTO seals VALUES (1, '2026-04-15T10:30:00Z', 'cli',
    '0000000000000000000000000000000000000000000000000000000000000000', 's1');
INSERT INTO seal_heads VALUES (1, 'wlt_1', 1, 'h1');
INSERT INTO snapshots VALUES ('t', 'a', '2026-04-15', '2026-04-16T00:00:00Z', 1, 1, 'cli',
    '2026-04-16T10:00:00Z', 'UTC');
INSERT INTO snapshot_balances VALUES ('wlt_1', '2026-04-15', '2026-04-16T00:00:00Z', 500, 0, 500, 1,
    'txn_1', 'h1');
INSERT INTO policy_changes VALUES (1, 'tnt', 'app', NULL, '{}', 'cli:test', '2026-04-15T10:00:00Z',
    '0000000000000000000000000000000000000000000000000000000000000000', 'p1');
INSERT INTO withdrawal_requests (id, tenant_id, application_id, wallet_id, user_id, currency, amount_minor,
    freeze_id, requested_by, requested_at, status)
VALUES ('wdr_1', 't', 'a', 'wlt_1', 'usr_1', 'CNY', 100, 'frz_1', 'cli:alice', '2026-04-15T10:30:00Z', 'pending');
"#;

/// The seals' guards' message: SQLite's seals come with its per-wallet chains' migration, and
/// say the same.
const SEALS_MESSAGE: &str = "seals are append-only";

/// A ledger holding [`ROWS`], and a session on it.
fn ledger_with_rows() -> Option<(TestDatabase, Client)> {
    let db = TestDatabase::create()?;
    init(&db);
    let mut client = db.client();
    client
        .batch_execute(ROWS)
        .expect("the rows are as ledgerctl writes them");
    Some((db, client))
}

/// What the database answered `sql` with: the message of the guard that refused it, checked
/// to be refused as a broken integrity constraint (or a CHECK, for `code`).
fn refusal(client: &mut Client, sql: &str, code: &SqlState) -> String {
    let e = client
        .batch_execute(sql)
        .err()
        .unwrap_or_else(|| panic!("accepted: {sql}"));
    let db = e.as_db_error().unwrap_or_else(|| panic!("{sql}: {e}"));
    assert_eq!(db.code(), code, "{sql}: {}", db.message());
    db.message().to_owned()
}

fn refused(client: &mut Client, sql: &str) -> String {
    refusal(client, sql, &SqlState::INTEGRITY_CONSTRAINT_VIOLATION)
}

/// Each SQLite trigger's message, by its name, as the latest SQLite migration defines it.
fn sqlite_messages() -> HashMap<String, String> {
    let mut messages = HashMap::new();
    for migration in crate::store::MIGRATIONS {
        for definition in migration.split("CREATE TRIGGER ").skip(1) {
            let name = definition.split_whitespace().next().unwrap_or_default();
            let Some((_, raised)) = definition.split_once("RAISE(ABORT, '") else {
                continue;
            };
            let message = raised.split("')").next().unwrap_or_default().replace("''", "'");
            messages.insert(name.to_owned(), message);
        }
    }
    messages
}

#[test]
fn every_append_only_trigger_refuses_updates_deletes_and_truncates_with_the_message_sqlite_gives() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    let statements = [
        (
            "journal_entries_no_update",
            "UPDATE journal_entries SET description = 'edited'",
        ),
        ("journal_entries_no_delete", "DELETE FROM journal_entries"),
        (
            "postings_no_update",
            "UPDATE postings SET amount_minor = amount_minor * 2",
        ),
        ("postings_no_delete", "DELETE FROM postings"),
        ("freezes_no_delete", "DELETE FROM freezes"),
        ("freezes_release_only", "UPDATE freezes SET amount_minor = 1"),
        ("wallets_no_delete", "DELETE FROM wallets"),
        ("wallets_identity_fixed", "UPDATE wallets SET currency = 'USD'"),
        (
            "wallet_status_changes_no_update",
            "UPDATE wallet_status_changes SET reason = 'other'",
        ),
        ("wallet_status_changes_no_delete", "DELETE FROM wallet_status_changes"),
        ("tokens_no_delete", "DELETE FROM tokens"),
        ("tokens_revoke_only", "UPDATE tokens SET access = 'read'"),
        ("audit_events_no_update", "UPDATE audit_events SET subject = 'tok_2'"),
        ("audit_events_no_delete", "DELETE FROM audit_events"),
        ("seals_no_update", "UPDATE seals SET actor = 'mallory'"),
        ("seals_no_delete", "DELETE FROM seals"),
        ("seal_heads_no_update", "UPDATE seal_heads SET wallet_seq = 2"),
        ("seal_heads_no_delete", "DELETE FROM seal_heads"),
        ("snapshots_no_update", "UPDATE snapshots SET snapshot_count = 0"),
        ("snapshots_no_delete", "DELETE FROM snapshots"),
        (
            "snapshot_balances_no_update",
            "UPDATE snapshot_balances SET available_minor = 1",
        ),
        ("snapshot_balances_no_delete", "DELETE FROM snapshot_balances"),
        (
            "policy_changes_no_update",
            "UPDATE policy_changes SET actor = 'mallory'",
        ),
        ("policy_changes_no_delete", "DELETE FROM policy_changes"),
        ("withdrawal_requests_no_delete", "DELETE FROM withdrawal_requests"),
        (
            "withdrawal_requests_decide_once",
            "UPDATE withdrawal_requests SET amount_minor = 1",
        ),
    ];
    let sqlite = sqlite_messages();
    for (trigger, sql) in statements {
        let expected = sqlite.get(trigger).map_or(SEALS_MESSAGE, String::as_str);
        assert_eq!(refused(&mut client, sql), expected, "{trigger}");
    }
    let truncates = NO_TRUNCATE_TRIGGERS
        .iter()
        .filter_map(|t| t.strip_suffix("_no_truncate"));
    let mut truncated = 0;
    for table in truncates {
        truncated += 1;
        let expected = match sqlite.get(&format!("{table}_no_delete")) {
            Some(message) => message.as_str(),
            None if table.starts_with("seal") => SEALS_MESSAGE,
            None => "idempotency keys are kept: a repeated request must find its response",
        };
        // CASCADE: the tables other tables refer to can only be truncated together with them;
        // the named table's own trigger fires first.
        assert_eq!(
            refused(&mut client, &format!("TRUNCATE {table} CASCADE")),
            expected,
            "{table}"
        );
    }
    let chains = [
        "journal_entries_chain",
        "audit_events_chain",
        "seals_chain",
        "policy_changes_chain",
    ];
    let guarded = statements.len() + truncated + chains.len();
    assert_eq!(guarded, append_only_triggers().count(), "every trigger is tried");
    let kept: i64 = client
        .query_one(
            "SELECT (SELECT count(*) FROM postings) + (SELECT count(*) FROM idempotency_keys)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(kept, 3);
}

#[test]
fn the_guarded_updates_still_allow_the_one_change_they_guard() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    client
        .batch_execute(
            "UPDATE freezes SET status = 'released', released_at = '2026-04-16T00:00:00Z', release_reason = 'done';
             UPDATE tokens SET revoked_at = '2026-04-16T00:00:00Z';
             UPDATE wallets SET available_minor = 400, frozen_minor = 100, status = 'frozen',
                 updated_at = '2026-04-16T00:00:00Z'",
        )
        .expect("a release, a revocation and a balance change are allowed");
    let again = "UPDATE freezes SET status = 'released', released_at = '2026-04-17T00:00:00Z'";
    assert_eq!(
        refused(&mut client, again),
        "a freeze record ends once: released or captured"
    );
    let revoke_again = "UPDATE tokens SET revoked_at = '2026-04-17T00:00:00Z'";
    assert_eq!(refused(&mut client, revoke_again), "a token can only be revoked, once");
    const DECIDE: &str = "UPDATE withdrawal_requests SET status = 'rejected', decided_by = 'cli:bob',
         decided_at = '2026-04-16T00:00:00Z', transaction_id = 'txn_1'";
    const ONCE: &str = "a withdrawal request is decided once: approved or rejected";
    let smuggled = DECIDE.replace("status = 'rejected',", "status = 'rejected', amount_minor = 50,");
    assert_eq!(
        refused(&mut client, &smuggled),
        ONCE,
        "a decision changes only its own columns"
    );
    client.batch_execute(DECIDE).expect("a pending request is decided");
    for again in [
        "UPDATE withdrawal_requests SET status = 'approved', approved_by = 'Bob'",
        "UPDATE withdrawal_requests SET decision_remark = 'later'",
    ] {
        assert_eq!(refused(&mut client, again), ONCE, "{again}");
    }
}

/// An entry of `wallet` numbered `wallet_seq` in its chain, linked to `prev_hash`.
fn entry(id: &str, wallet_seq: i64, chain_version: i16, prev_hash: &str) -> String {
    format!(
        "INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor, \
         balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash) \
         VALUES ('{id}', 'wlt_1', {wallet_seq}, {chain_version}, 'deposit', 'CNY', 1, 0, 1, '{{}}', 'cli', \
         '2026-04-15T10:30:00Z', '{prev_hash}', 'hash_of_{id}')"
    )
}

#[test]
fn a_wallet_chain_entry_must_take_the_next_wallet_seq_and_link_to_the_wallets_last_hash() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    const BROKEN: &str = "journal entry does not extend the hash chain";
    for wrong in [
        entry("txn_2", 3, 2, "h1"),
        entry("txn_2", 1, 2, GENESIS),
        entry("txn_2", 2, 2, GENESIS),
        entry("txn_2", 2, 2, "hash_of_nothing"),
        entry("txn_2", 2, 3, "h1"),
        // Once a wallet chain exists, the ledger-wide chain cannot go on.
        entry("txn_2", 2, 1, "h1"),
    ] {
        assert_eq!(refused(&mut client, &wrong), BROKEN, "{wrong}");
    }
    client
        .batch_execute(&entry("txn_2", 2, 2, "h1"))
        .expect("the next entry");
    client
        .batch_execute(&entry("txn_3", 3, 2, "hash_of_txn_2"))
        .expect("and the one after");
}

#[test]
fn ledger_chain_entries_take_the_next_seq_and_link_to_the_last_entry_before_any_wallet_chain() {
    let Some(db) = TestDatabase::create() else { return };
    init(&db);
    let mut client = db.client();
    client
        .batch_execute(ROWS.split(";\nINSERT INTO journal_entries").next().unwrap())
        .unwrap();
    const BROKEN: &str = "journal entry does not extend the hash chain";
    let with_seq = |sql: String, seq: i64| {
        sql.replace("(id, ", "(seq, id, ")
            .replace("VALUES (", &format!("VALUES ({seq}, "))
    };
    client
        .batch_execute(&with_seq(entry("txn_1", 1, 1, GENESIS), 1))
        .unwrap();
    for wrong in [
        with_seq(entry("txn_2", 2, 1, "hash_of_txn_1"), 3),
        with_seq(entry("txn_2", 2, 1, GENESIS), 2),
        with_seq(entry("txn_2", 3, 1, "hash_of_txn_1"), 2),
    ] {
        assert_eq!(refused(&mut client, &wrong), BROKEN, "{wrong}");
    }
    client
        .batch_execute(&with_seq(entry("txn_2", 2, 1, "hash_of_txn_1"), 2))
        .unwrap();
    // A wallet's first wallet chain entry links to its last ledger chain entry.
    client
        .batch_execute(&with_seq(entry("txn_3", 3, 2, "hash_of_txn_2"), 3))
        .unwrap();
    let late = with_seq(entry("txn_4", 4, 1, "hash_of_txn_3"), 4);
    assert_eq!(refused(&mut client, &late), BROKEN);
}

#[test]
fn an_audit_record_must_take_the_next_seq_and_link_to_the_last_records_hash() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    let record = |seq: i64, prev_hash: &str| {
        format!("INSERT INTO audit_events VALUES ({seq}, 'token_revoked', 'tok_1', '{prev_hash}', 'a{seq}')")
    };
    for wrong in [record(3, "a1"), record(2, GENESIS), record(1, GENESIS)] {
        assert_eq!(
            refused(&mut client, &wrong),
            "audit record does not extend the hash chain"
        );
    }
    client.batch_execute(&record(2, "a1")).unwrap();
}

#[test]
fn a_seal_must_take_the_next_seq_and_link_to_the_last_seals_hash() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    let seal = |seq: i64, prev_hash: &str| {
        format!("INSERT INTO seals VALUES ({seq}, '2026-04-15T11:00:00Z', 'cli', '{prev_hash}', 's{seq}')")
    };
    for wrong in [seal(3, "s1"), seal(2, GENESIS), seal(1, GENESIS)] {
        assert_eq!(refused(&mut client, &wrong), "seal does not extend the seal chain");
    }
    client.batch_execute(&seal(2, "s1")).unwrap();
}

#[test]
fn a_time_in_any_other_spelling_than_ledgerctls_is_refused() {
    let Some((_db, mut client)) = ledger_with_rows() else {
        return;
    };
    for spelling in [
        "2026-04-15 10:30:00+00",
        "2026-04-15T10:30:00+00:00",
        "2026-04-15T10:30:00.000Z",
    ] {
        for sql in [
            format!("UPDATE wallets SET updated_at = '{spelling}'"),
            format!("UPDATE tokens SET revoked_at = '{spelling}'"),
            entry("txn_2", 2, 2, "h1").replace("'2026-04-15T10:30:00Z'", &format!("'{spelling}'")),
        ] {
            refusal(&mut client, &sql, &SqlState::CHECK_VIOLATION);
        }
    }
}

#[test]
fn text_sorts_by_its_bytes_as_in_sqlite_whatever_the_databases_locale() {
    let Some((db, mut client)) = ledger_with_rows() else {
        return;
    };
    client
        .batch_execute(
            "INSERT INTO wallets SELECT 'wlt_' || u, 't', 'a', u, 'CNY', 'active', 0, 0, created_at, updated_at
             FROM wallets, unnest(ARRAY['b', 'B', 'a', '_']) AS u",
        )
        .unwrap();
    let order: Vec<String> = client
        .query("SELECT user_id FROM wallets ORDER BY user_id", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(order, ["B", "_", "a", "b", "usr_1"]);
    let other_collation: Vec<String> = client
        .query(
            "SELECT table_name || '.' || column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert!(
        other_collation.is_empty(),
        "{} sorts by its locale: {other_collation:?}",
        db.name()
    );
}
