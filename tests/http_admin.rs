//! The `/admin/…` routes: an admin token's view of every wallet of its tenant and application.
//! Integrity: one wallet's chain and balances proven as `ledger verify` proves the ledger's; a
//! broken wallet is a report (200, `valid: false`), not an error.

mod support;

use serde_json::Value;
use support::server::Server;
use support::{s, Ledger};

const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];

fn acme(l: &Ledger, args: &[&str]) -> Value {
    l.ok(&[&ACME[..], args].concat())
}

fn token(l: &Ledger, tenant: &str, app: &str, scope: &str) -> String {
    l.token(&["--tenant", tenant, "--app", app, "token", "create", "--scope", scope])
}

/// acme/shop: alice with three entries, bob with one, carol with none; their wallet ids.
fn wallets(l: &Ledger) -> [String; 3] {
    for user in ["alice", "bob", "carol"] {
        acme(l, &["wallet", "create", user]);
    }
    acme(l, &["wallet", "deposit", "alice", "--amount", "100"]);
    acme(l, &["wallet", "deposit", "bob", "--amount", "5"]);
    acme(l, &["wallet", "withdraw", "alice", "--amount", "10"]);
    acme(l, &["wallet", "freeze", "alice", "--amount", "20"]);
    ["alice", "bob", "carol"].map(|user| s(&acme(l, &["wallet", "show", user])["data"]["wallet_id"]).to_owned())
}

fn integrity(wallet_id: &str) -> String {
    format!("/admin/wallets/{wallet_id}/integrity")
}

fn head_hash(l: &Ledger, wallet_id: &str) -> String {
    let rows = l.texts(&format!(
        "SELECT hash FROM journal_entries WHERE wallet_id = '{wallet_id}' ORDER BY wallet_seq DESC LIMIT 1"
    ));
    rows[0].clone()
}

#[test]
fn a_sound_wallet_is_valid_with_its_entries_counted_and_its_head_hash() {
    let l = Ledger::new();
    let [alice, _, carol] = wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let answer = server.get(&admin, &integrity(&alice));
    let data = answer.ok();
    assert_eq!(data["wallet_id"], alice.as_str());
    assert_eq!(data["valid"], true, "{data}");
    assert_eq!(data["total"], 3);
    assert_eq!(data["broken_at"], Value::Null);
    assert_eq!(data["last_hash"], head_hash(&l, &alice).as_str());
    let empty = server.get(&admin, &integrity(&carol));
    let data = empty.ok();
    assert_eq!((&data["valid"], &data["total"]), (&Value::Bool(true), &Value::from(0)));
    assert_eq!((&data["broken_at"], &data["last_hash"]), (&Value::Null, &Value::Null));
}

#[test]
fn a_hand_edited_entry_makes_its_wallet_invalid_at_that_entry_and_no_other_wallet() {
    let l = Ledger::new();
    let [alice, bob, _] = wallets(&l);
    l.edit_behind_the_triggers(
        "journal_entries",
        &format!("UPDATE journal_entries SET description = 'edited' WHERE wallet_id = '{alice}' AND wallet_seq = 2"),
    );
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let broken = server.get(&admin, &integrity(&alice));
    assert_eq!(broken.status, 200, "a broken wallet is a report: {}", broken.body);
    let data = broken.ok();
    assert_eq!(data["valid"], false, "{data}");
    assert_eq!(data["broken_at"], 2, "{data}");
    assert_eq!(data["total"], 3);
    let sound = server.get(&admin, &integrity(&bob));
    assert_eq!(sound.ok()["valid"], true, "{}", sound.body);
    // The CLI says the same: exit 7 for alice, 0 for bob.
    let run = l.run(&[&ACME[..], &["ledger", "verify", "--wallet", "alice"]].concat());
    assert_eq!(
        (run.code, s(&run.json["error"])),
        (7, "invariant_broken"),
        "{}",
        run.json
    );
    assert!(s(&run.json["message"]).contains("hash_chain"), "{}", run.json);
    let bob_verified = acme(&l, &["ledger", "verify", "--wallet", "bob"]);
    assert_eq!(bob_verified["data"]["ok"], true);
    assert_eq!(bob_verified["data"]["wallet"]["wallet_id"], bob.as_str());
    assert_eq!(bob_verified["data"]["wallet"]["total"], 1);
}

#[test]
fn a_cached_balance_edited_by_hand_makes_the_wallet_invalid_without_naming_an_entry() {
    let l = Ledger::new();
    let [_, bob, _] = wallets(&l);
    l.edit_behind_the_triggers(
        "wallets",
        &format!("UPDATE wallets SET available_minor = available_minor + 1 WHERE id = '{bob}'"),
    );
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let data = server.get(&admin, &integrity(&bob)).ok().clone();
    assert_eq!(
        (&data["valid"], &data["broken_at"]),
        (&Value::Bool(false), &Value::Null),
        "{data}"
    );
}

#[test]
fn only_an_admin_token_of_the_wallets_tenant_and_application_reaches_its_integrity() {
    let l = Ledger::new();
    let [alice, ..] = wallets(&l);
    let server = Server::start(&l);
    for scope in ["read", "write"] {
        let token = token(&l, "acme", "shop", scope);
        server.get(&token, &integrity(&alice)).is_error(403, "forbidden");
    }
    for (tenant, app) in [("globex", "shop"), ("acme", "games")] {
        let other = token(&l, tenant, app, "admin");
        server.get(&other, &integrity(&alice)).is_error(404, "wallet_not_found");
    }
    let admin = token(&l, "acme", "shop", "admin");
    server
        .get(&admin, &integrity("wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV"))
        .is_error(404, "wallet_not_found");
    let none = server.request("GET", &integrity(&alice), &[], None);
    none.is_error(401, "unauthenticated");
}

#[test]
fn verify_of_one_wallet_in_json_is_verify_s_envelope_with_the_wallet_s_result() {
    let l = Ledger::new();
    let [alice, ..] = wallets(&l);
    let verified = acme(&l, &["ledger", "verify", "--wallet", "alice"]);
    let data = &verified["data"];
    assert_eq!(data["ok"], true);
    assert_eq!(data["entries"], 3);
    assert_eq!(data["wallets"], 1);
    assert!(data["checks"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(data["wallet"]["last_hash"], head_hash(&l, &alice).as_str());
    assert_eq!(data["wallet"]["broken_at"], Value::Null);
    l.fails(&["ledger", "verify", "--wallet", "nobody"], 3, "wallet_not_found");
}

/// Entries written before schema 6 are chained through the whole ledger: each wallet's still
/// verifies alone, every one linked to the ledger's entry before it, whoever's that was.
#[test]
fn each_wallet_of_a_ledger_chained_before_schema_6_verifies_alone() {
    let l = Ledger::file_uninitialised();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-5.db");
    std::fs::copy(fixture, &l.db).expect("copy the fixture");
    for user in ["alice", "bob", "carol", "erin"] {
        let verified = l.ok(&["ledger", "verify", "--wallet", user]);
        assert_eq!(verified["data"]["wallet"]["valid"], true, "{user}: {verified}");
        assert!(
            verified["data"]["entries"].as_u64().is_some_and(|n| n > 0),
            "{verified}"
        );
    }
    let dave = acme(&l, &["ledger", "verify", "--wallet", "dave"]);
    assert_eq!(dave["data"]["ok"], true, "{dave}");
}

// ---------------------------------------------------------------------------------------------
// PUT /admin/wallets/{wallet_id}: a wallet's status, with the reason and the token recorded.

fn put(server: &Server, token: &str, wallet_id: &str, body: &str, key: Option<&str>) -> support::server::Answer {
    let auth = format!("Bearer {token}");
    let mut headers = vec![("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    if let Some(key) = key {
        headers.push(("Idempotency-Key", key));
    }
    server.request("PUT", &format!("/admin/wallets/{wallet_id}"), &headers, Some(body))
}

#[test]
fn an_admin_token_freezes_and_reactivates_a_wallet_recording_itself_and_the_reason() {
    let l = Ledger::new();
    let [alice, ..] = wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let frozen = put(
        &server,
        &admin,
        &alice,
        r#"{"status":"frozen","reason":"fraud review"}"#,
        None,
    );
    let data = frozen.ok();
    assert_eq!(data["wallet"]["status"], "frozen", "{data}");
    let change = &data["status_change"];
    assert_eq!(
        (&change["from_status"], &change["to_status"]),
        (&"active".into(), &"frozen".into())
    );
    assert_eq!(change["reason"], "fraud review");
    let actor = format!("token:{}", support::server::token_id(&admin));
    assert_eq!(change["actor"], actor.as_str());
    // As the CLI's `wallet status` records it: in the wallet's history and the audit chain.
    let history = acme(&l, &["wallet", "status", "alice"]);
    assert_eq!(history["items"][0]["actor"], actor.as_str(), "{history}");
    l.refused(409, "wallet_not_active", || {
        server.post(&admin, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
    let again = put(&server, &admin, &alice, r#"{"status":"frozen","reason":"still"}"#, None);
    assert_eq!(again.json["message"], "unchanged", "{}", again.body);
    assert_eq!(again.ok()["status_change"], Value::Null);
    let active = put(
        &server,
        &admin,
        &alice,
        r#"{"status":"active","reason":"cleared"}"#,
        None,
    );
    assert_eq!(active.ok()["wallet"]["status"], "active");
    assert_eq!(l.number("SELECT COUNT(*) FROM wallet_status_changes"), 2);
    l.verified();
}

#[test]
fn a_status_change_sent_twice_with_one_idempotency_key_is_applied_once_and_replayed_byte_for_byte() {
    let l = Ledger::new();
    let [_, bob, _] = wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = r#"{"status":"frozen","reason":"kyc"}"#;
    let first = put(&server, &admin, &bob, body, Some("st-1"));
    assert_eq!(first.status, 200, "{}", first.body);
    let replay = put(&server, &admin, &bob, body, Some("st-1"));
    assert_eq!((replay.status, &replay.body), (200, &first.body));
    l.refused(409, "idempotency_key_reused", || {
        put(
            &server,
            &admin,
            &bob,
            r#"{"status":"active","reason":"kyc"}"#,
            Some("st-1"),
        )
    });
    assert_eq!(l.number("SELECT COUNT(*) FROM wallet_status_changes"), 1);
}

#[test]
fn a_status_change_is_refused_with_nothing_written_when_its_body_or_wallet_is_wrong() {
    let l = Ledger::new();
    let [alice, ..] = wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    for body in [
        r#"{"status":"frozen"}"#,
        r#"{"status":"frozen","reason":"  "}"#,
        r#"{"status":"asleep","reason":"x"}"#,
        r#"{"status":"frozen","reason":"x","user_id":"bob"}"#,
        r#"{"status":1,"reason":"x"}"#,
    ] {
        l.refused(400, "invalid_request", || put(&server, &admin, &alice, body, None));
    }
    l.refused(409, "wallet_not_empty", || {
        put(&server, &admin, &alice, r#"{"status":"closed","reason":"done"}"#, None)
    });
    l.refused(404, "wallet_not_found", || {
        put(
            &server,
            &admin,
            "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV",
            r#"{"status":"frozen","reason":"x"}"#,
            None,
        )
    });
    for scope in ["read", "write"] {
        let token = token(&l, "acme", "shop", scope);
        l.refused(403, "forbidden", || {
            put(&server, &token, &alice, r#"{"status":"frozen","reason":"x"}"#, None)
        });
    }
    for (tenant, app) in [("globex", "shop"), ("acme", "games")] {
        let other = token(&l, tenant, app, "admin");
        l.refused(404, "wallet_not_found", || {
            put(&server, &other, &alice, r#"{"status":"frozen","reason":"x"}"#, None)
        });
    }
}

// ---------------------------------------------------------------------------------------------
// POST /admin/wallets/{user_id}/adjust: the manual adjustment.

#[test]
fn an_admin_token_adjusts_a_wallet_both_ways_as_wallet_adjust_does() {
    let l = Ledger::new();
    wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let credit = server.post(
        &admin,
        "/admin/wallets/bob/adjust",
        r#"{"amount":"2.50","reason":"fee returned","type":"credit"}"#,
    );
    let data = credit.ok();
    assert_eq!(data["transaction"]["type"], "adjust_credit", "{data}");
    assert_eq!(data["wallet"]["balance"], "7.50");
    let debit = server.post(
        &admin,
        "/admin/wallets/bob/adjust",
        r#"{"amount":"1","reason":"fee","type":"debit","reference_id":"adj-1"}"#,
    );
    assert_eq!(debit.ok()["wallet"]["balance"], "6.50", "{}", debit.body);
    // The same reference replays; the journal names the token and the equity account.
    let again = server.post(
        &admin,
        "/admin/wallets/bob/adjust",
        r#"{"amount":"1","reason":"fee","type":"debit","reference_id":"adj-1"}"#,
    );
    assert_eq!(again.ok()["wallet"]["balance"], "6.50");
    let actor = format!("token:{}", support::server::token_id(&admin));
    let actors =
        l.texts("SELECT actor FROM journal_entries WHERE kind IN ('adjust_credit', 'adjust_debit') ORDER BY seq");
    assert_eq!(actors, [actor.clone(), actor]);
    l.refused(409, "insufficient_balance", || {
        server.post(
            &admin,
            "/admin/wallets/bob/adjust",
            r#"{"amount":"100","reason":"too much","type":"debit"}"#,
        )
    });
    l.verified();
}

#[test]
fn an_adjustment_with_an_idempotency_key_is_written_once_and_replayed_byte_for_byte() {
    let l = Ledger::new();
    wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = r#"{"amount":"3","reason":"goodwill","type":"credit"}"#;
    let first = server.post_keyed(&admin, "adj-k", "/admin/wallets/bob/adjust", body);
    assert_eq!(first.status, 200, "{}", first.body);
    let entries = l.entries();
    let replay = server.post_keyed(&admin, "adj-k", "/admin/wallets/bob/adjust", body);
    assert_eq!((replay.status, &replay.body), (200, &first.body));
    assert_eq!(l.entries(), entries);
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(
            &admin,
            "adj-k",
            "/admin/wallets/bob/adjust",
            r#"{"amount":"4","reason":"goodwill","type":"credit"}"#,
        )
    });
}

#[test]
fn an_adjustment_is_refused_with_nothing_written_when_its_body_token_or_wallet_is_wrong() {
    let l = Ledger::new();
    wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let adjust =
        |token: &str, user: &str, body: &str| server.post(token, &format!("/admin/wallets/{user}/adjust"), body);
    for body in [
        r#"{"amount":"1","reason":"x"}"#,
        r#"{"amount":"1","reason":"x","type":"up"}"#,
        r#"{"amount":"1","reason":"x","type":true}"#,
        r#"{"amount":"1","type":"credit"}"#,
        r#"{"amount":"1","reason":"x","type":"credit","direction":"debit"}"#,
    ] {
        l.refused(400, "invalid_request", || adjust(&admin, "bob", body));
    }
    for amount in ["0", "1.001", "-1", "1e3"] {
        let body = format!(r#"{{"amount":"{amount}","reason":"x","type":"credit"}}"#);
        l.refused(422, "invalid_amount", || adjust(&admin, "bob", &body));
    }
    let body = r#"{"amount":"1","reason":"x","type":"credit"}"#;
    l.refused(404, "wallet_not_found", || adjust(&admin, "nobody", body));
    for scope in ["read", "write"] {
        let token = token(&l, "acme", "shop", scope);
        l.refused(403, "forbidden", || adjust(&token, "bob", body));
    }
    for (tenant, app) in [("globex", "shop"), ("acme", "games")] {
        let other = token(&l, tenant, app, "admin");
        l.refused(404, "wallet_not_found", || adjust(&other, "bob", body));
    }
}
