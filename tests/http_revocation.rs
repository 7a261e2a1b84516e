//! A token the server has already checked (and, on a SQLite ledger, remembers) is refused from
//! the very next request once it is revoked, whether by `ledgerctl token revoke` in another
//! process or by hand in the database, and once its row is edited; the server's own writes in
//! between change nothing of that.

mod support;

use support::server::{token_id, Server};
use support::Ledger;

use support::scoped::{cli as ok, token, ACME};

const WITHDRAW: &str = r#"{"amount":"1.00"}"#;

/// acme/shop: alice holds 100.00.
fn acme() -> Ledger {
    let l = Ledger::new();
    ok(&l, ACME, &["wallet", "create", "alice"]);
    ok(&l, ACME, &["wallet", "deposit", "alice", "--amount", "100.00"]);
    l
}

/// Requests with `write` that the server answers, each after a commit of its own writer.
fn served_with_writes_between(server: &Server, write: &str) {
    for _ in 0..3 {
        server.post(write, "/wallets/alice/withdraw", WITHDRAW).ok();
        server.get(write, "/wallets/alice").ok();
    }
}

#[test]
fn a_token_revoked_from_the_cli_while_it_is_in_use_is_401_from_its_next_request() {
    let l = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let other = token(&l, ACME, &["--scope", "write"]);
    let server = Server::start(&l);
    served_with_writes_between(&server, &write);
    server.get(&other, "/wallets/alice").ok();
    l.ok(&["token", "revoke", token_id(&write), "--yes"]);
    l.refused(401, "unauthenticated", || {
        server.post(&write, "/wallets/alice/withdraw", WITHDRAW)
    });
    server.get(&write, "/wallets/alice").is_error(401, "unauthenticated");
    // Every token was checked again in full: the one not revoked still is served.
    assert_eq!(
        server.post(&other, "/wallets/alice/withdraw", WITHDRAW).ok()["wallet"]["balance"],
        "96.00"
    );
}

#[test]
fn an_api_key_revoked_from_the_cli_while_it_is_in_use_is_401_from_its_next_request() {
    let l = acme();
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    let refund = r#"{"transaction_id":"txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#;
    // An unknown transaction is 404 to a key that authenticates: the key was checked.
    server
        .internal_refund(&key, refund)
        .is_error(404, "transaction_not_found");
    l.ok(&["token", "revoke", token_id(&key), "--yes"]);
    server.internal_refund(&key, refund).is_error(401, "unauthenticated");
}

#[test]
fn a_token_revoked_by_hand_in_the_database_while_it_is_in_use_is_401_from_its_next_request() {
    let l = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let server = Server::start(&l);
    served_with_writes_between(&server, &write);
    // No audit record: only the row says it, as it did to the server before it remembered tokens.
    l.execute(&format!(
        "UPDATE tokens SET revoked_at = '2026-01-01T00:00:00Z' WHERE id = '{}'",
        token_id(&write)
    ));
    l.refused(401, "unauthenticated", || {
        server.post(&write, "/wallets/alice/withdraw", WITHDRAW)
    });
}

#[test]
fn a_read_token_edited_by_hand_into_a_write_token_while_it_is_in_use_is_401_as_forged() {
    let l = acme();
    let read = token(&l, ACME, &["--scope", "read"]);
    let server = Server::start(&l);
    server.get(&read, "/wallets/alice").ok();
    server
        .post(&read, "/wallets/alice/withdraw", WITHDRAW)
        .is_error(403, "forbidden");
    l.edit_behind_the_triggers(
        "tokens",
        &format!("UPDATE tokens SET access = 'write' WHERE id = '{}'", token_id(&read)),
    );
    server.get(&read, "/wallets/alice").is_error(401, "unauthenticated");
    l.refused(401, "unauthenticated", || {
        server.post(&read, "/wallets/alice/withdraw", WITHDRAW)
    });
}
