//! Issue 8 point 11: tokens, their revocations and wallet status changes are hash-chained like
//! the journal (the audit chain), so `ledger verify` catches a hand edit of any of them, naming
//! the row, even when the triggers were dropped to make it and put back after.

mod support;

use support::server::token_id;
use support::{s, Ledger};

/// Tokens of every kind (one revoked) and a wallet whose status went frozen and back.
struct Audited {
    ledger: Ledger,
    read: String,
    revoked: String,
}

fn audited() -> Audited {
    let ledger = Ledger::new();
    ledger.funded("u", "10");
    ledger.ok(&["--yes", "wallet", "status", "u", "frozen", "--reason", "review"]);
    ledger.ok(&["wallet", "status", "u", "active", "--reason", "cleared"]);
    let read = token_id(&ledger.token(&["token", "create", "--name", "support dashboard"])).to_owned();
    ledger.token(&["token", "create", "--scope", "write", "--user", "u"]);
    ledger.token(&["token", "create", "--internal"]);
    let revoked = token_id(&ledger.token(&["token", "create", "--scope", "write"])).to_owned();
    ledger.ok(&["--yes", "token", "revoke", &revoked]);
    ledger.verified();
    Audited { ledger, read, revoked }
}

/// `ledger verify` must exit 7 naming `audit_chain` and `row` in its first problem.
fn caught(l: &Ledger, row: &str, what: &str) -> String {
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(run.code, 7, "{what}: verify must exit 7: {}", run.json);
    assert_eq!(run.json["error"], "invariant_broken", "{what}");
    let message = s(&run.json["message"]).to_owned();
    let audit = message
        .split("; ")
        .find_map(|part| part.find("audit_chain (").map(|at| &part[at..]))
        .unwrap_or_else(|| panic!("{what}: audit_chain is not named: {message}"));
    assert!(audit.contains(row), "{what}: the problem names {row}: {audit}");
    message
}

#[test]
fn widening_a_read_token_to_write_is_caught_naming_the_token() {
    let a = audited();
    let sql = format!("UPDATE tokens SET access = 'write' WHERE id = '{}'", a.read);
    a.ledger.edit_behind_the_triggers("tokens", &sql);
    caught(&a.ledger, &a.read, "read widened to write");
}

#[test]
fn un_revoking_a_token_is_caught_naming_the_token() {
    let a = audited();
    let sql = format!("UPDATE tokens SET revoked_at = NULL WHERE id = '{}'", a.revoked);
    a.ledger.edit_behind_the_triggers("tokens", &sql);
    caught(&a.ledger, &a.revoked, "un-revoked");
}

#[test]
fn moving_a_token_to_another_tenant_app_or_user_is_caught_naming_the_token() {
    for set in [
        "tenant_id = 'evil'",
        "application_id = 'other'",
        "user_id = 'mallory'",
        "name = 'renamed'",
    ] {
        let a = audited();
        let sql = format!("UPDATE tokens SET {set} WHERE id = '{}'", a.read);
        a.ledger.edit_behind_the_triggers("tokens", &sql);
        caught(&a.ledger, &a.read, set);
    }
}

#[test]
fn replacing_a_tokens_secret_hash_or_expiry_is_caught_naming_the_token() {
    for set in [
        format!("secret_sha256 = '{}'", "ab".repeat(32)),
        "expires_at = '2999-01-01T00:00:00Z'".to_owned(),
    ] {
        let a = audited();
        let sql = format!("UPDATE tokens SET {set} WHERE id = '{}'", a.read);
        a.ledger.edit_behind_the_triggers("tokens", &sql);
        caught(&a.ledger, &a.read, &set);
    }
}

#[test]
fn a_token_row_inserted_by_hand_is_caught_naming_it() {
    let a = audited();
    let forged = "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV";
    let sql = format!(
        "INSERT INTO tokens (id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, actor)
         VALUES ('{forged}', 'bearer', 'default', 'default', NULL, 'write', '{}', '2026-01-01T00:00:00Z', 'cli:mallory')",
        "cd".repeat(32)
    );
    a.ledger.edit_behind_the_triggers("tokens", &sql);
    caught(&a.ledger, forged, "forged token");
}

#[test]
fn an_edited_or_deleted_status_change_is_caught_naming_it() {
    let a = audited();
    a.ledger.edit_behind_the_triggers(
        "wallet_status_changes",
        "UPDATE wallet_status_changes SET reason = 'nothing to see' WHERE seq = 1",
    );
    caught(&a.ledger, "status change seq 1", "reason edited");

    // Both changes deleted: the wallet's status (active) still agrees with no changes at all,
    // so only the audit chain can tell.
    let a = audited();
    a.ledger.edit_behind_the_triggers(
        "wallet_status_changes",
        "DELETE FROM wallet_status_changes WHERE seq = 2",
    );
    a.ledger.edit_behind_the_triggers(
        "wallet_status_changes",
        "DELETE FROM wallet_status_changes WHERE seq = 1",
    );
    let message = caught(&a.ledger, "status change seq 1", "changes deleted");
    assert!(
        !message.contains("wallet_statuses"),
        "the status check alone is fooled: {message}"
    );
}

#[test]
fn token_list_shows_each_tokens_name() {
    let a = audited();
    let list = a.ledger.ok(&["token", "list"]);
    let named: Vec<&serde_json::Value> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["id"] == a.read.as_str())
        .collect();
    assert_eq!(named[0]["name"], "support dashboard", "{list}");
    let unnamed = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["name"].is_null())
        .count();
    assert_eq!(unnamed, 3, "a token without --name has a null name: {list}");
    let table = a.ledger.cmd().args(["token", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("support dashboard"));
    let bad = a.ledger.run(&["token", "create", "--name", "tab\there"]);
    assert_eq!(
        (bad.code, s(&bad.json["error"])),
        (2, "invalid_request"),
        "{}",
        bad.json
    );
}

/// A ledger file written by ledgerctl before the audit chain existed (schema version 3, made by
/// the code of commit 4dc88ef: two wallets, a status change back and forth, four tokens, one
/// revoked), committed as a fixture.
const SCHEMA_3_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-3.db");

#[test]
fn a_ledger_written_before_the_audit_chain_opens_verifies_and_has_its_old_rows_chained() {
    let l = Ledger::file_uninitialised();
    std::fs::copy(SCHEMA_3_FIXTURE, &l.db).unwrap();
    // Any write brings the file up to date; every command and verify then work on it.
    l.ok(&["wallet", "deposit", "alice", "--amount", "1"]);
    let version: i64 = l.sqlite().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert!(version >= 4, "migrated: {version}");
    l.verified();
    let tokens = l.ok(&["token", "list"]);
    assert_eq!(tokens["total"], 4, "{tokens}");
    let records: i64 = l
        .sqlite()
        .query_row("SELECT COUNT(*) FROM audit_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(records, 4 + 1 + 2, "four tokens, one revocation, two status changes");
    // The rows the migration chained are now protected like new ones.
    let old = s(&tokens["items"][3]["id"]).to_owned();
    let sql = format!("UPDATE tokens SET access = 'write', user_id = NULL WHERE id = '{old}'");
    l.edit_behind_the_triggers("tokens", &sql);
    caught(&l, &old, "a pre-migration token widened");
}

#[test]
fn over_http_a_token_widened_un_revoked_or_forged_by_hand_is_refused() {
    use support::server::Server;
    let l = Ledger::file();
    l.funded("u", "100");
    let widened = l.token(&["token", "create", "--scope", "read"]);
    let revoked = l.token(&["token", "create", "--scope", "write"]);
    l.ok(&["--yes", "token", "revoke", token_id(&revoked)]);
    let honest = l.token(&["token", "create", "--scope", "write"]);
    let widen = format!("UPDATE tokens SET access = 'write' WHERE id = '{}'", token_id(&widened));
    l.edit_behind_the_triggers("tokens", &widen);
    let unrevoke = format!(
        "UPDATE tokens SET revoked_at = NULL WHERE id = '{}'",
        token_id(&revoked)
    );
    l.edit_behind_the_triggers("tokens", &unrevoke);
    // A forged row whose secret the forger knows: the hash of 64 zeros.
    let forged_id = "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV";
    let secret = "0".repeat(64);
    let forged = format!("{forged_id}.{secret}");
    let secret_sha256 = {
        use sha2::Digest;
        sha2::Sha256::digest(secret.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let insert = format!(
        "INSERT INTO tokens (id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, actor)
         VALUES ('{forged_id}', 'bearer', 'default', 'default', NULL, 'write', '{secret_sha256}', '2026-01-01T00:00:00Z', 'cli:mallory')"
    );
    l.edit_behind_the_triggers("tokens", &insert);
    let server = Server::start(&l);
    for (what, token) in [("widened", &widened), ("un-revoked", &revoked), ("forged", &forged)] {
        let answer = l.refused(401, "unauthenticated", || {
            server.post(token, "/wallets/u/withdraw", r#"{"amount":"1.00"}"#)
        });
        assert_eq!(answer.status, 401, "{what}");
    }
    server.post(&honest, "/wallets/u/withdraw", r#"{"amount":"1.00"}"#).ok();
}
