//! `POST /admin/wallets/batch-freeze`: a freeze of one amount on each of many wallets, each
//! standing or falling alone (its own savepoint), answered with `frozen_count` and a result per
//! user. `POST /admin/wallets/batch-unfreeze`: the release of many freezes, each alone in the
//! same way, answered with upstream's counts and a result per freeze.

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

/// acme/shop: alice holds 100.00 (20.00 of it frozen), bob 5.00, carol nothing.
fn wallets(l: &Ledger) {
    for user in ["alice", "bob", "carol"] {
        acme(l, &["wallet", "create", user]);
    }
    acme(l, &["wallet", "deposit", "alice", "--amount", "100"]);
    acme(l, &["wallet", "deposit", "bob", "--amount", "5"]);
    acme(l, &["wallet", "freeze", "alice", "--amount", "20"]);
}

#[test]
fn a_batch_freeze_freezes_each_wallet_it_can_and_reports_each_one_it_cannot() {
    let l = Ledger::new();
    wallets(&l);
    acme(&l, &["--yes", "wallet", "status", "carol", "frozen", "--reason", "kyc"]);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = r#"{"user_ids":["alice","bob","carol","nobody"],"amount":"6.00","reason":"dispute"}"#;
    let answer = server.post(&admin, "/admin/wallets/batch-freeze", body);
    let data = answer.ok();
    assert_eq!(data["frozen_count"], 1, "{data}");
    let results = data["results"].as_array().expect("results");
    let outcome = |i: usize| {
        (
            s(&results[i]["user_id"]).to_owned(),
            s(&results[i]["status"]).to_owned(),
        )
    };
    assert_eq!(outcome(0), ("alice".to_owned(), "frozen".to_owned()));
    assert_eq!(results[0]["freeze"]["amount"], "6.00");
    assert_eq!(results[0]["freeze"]["reason"], "dispute");
    assert_eq!(results[0]["wallet"]["frozen_balance"], "26.00", "{data}");
    // bob holds 5.00: refused alone, nothing written for him.
    assert_eq!(outcome(1), ("bob".to_owned(), "failed".to_owned()));
    assert_eq!(results[1]["error"]["error"], "insufficient_balance");
    assert_eq!(results[1]["error"]["code"], 409);
    assert_eq!(results[2]["error"]["error"], "wallet_not_active");
    assert_eq!(results[3]["error"]["error"], "wallet_not_found");
    assert_eq!(results[3]["error"]["code"], 404);
    assert_eq!(
        s(&acme(&l, &["wallet", "show", "bob"])["data"]["frozen_balance"]),
        "0.00"
    );
    assert_eq!(
        l.number("SELECT COUNT(*) FROM freezes"),
        2,
        "alice's earlier freeze and this one"
    );
    l.verified();
}

#[test]
fn a_batch_freeze_with_an_idempotency_key_freezes_once_and_replays_byte_for_byte() {
    let l = Ledger::new();
    wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = r#"{"user_ids":["alice","bob"],"amount":"1"}"#;
    let first = server.post_keyed(&admin, "bf-1", "/admin/wallets/batch-freeze", body);
    assert_eq!(first.ok()["frozen_count"], 2, "{}", first.body);
    let freezes = l.number("SELECT COUNT(*) FROM freezes");
    let replay = server.post_keyed(&admin, "bf-1", "/admin/wallets/batch-freeze", body);
    assert_eq!((replay.status, &replay.body), (200, &first.body));
    assert_eq!(l.number("SELECT COUNT(*) FROM freezes"), freezes);
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(
            &admin,
            "bf-1",
            "/admin/wallets/batch-freeze",
            r#"{"user_ids":["alice"],"amount":"1"}"#,
        )
    });
}

#[test]
fn a_batch_freeze_is_refused_whole_with_nothing_written_when_its_body_or_token_is_wrong() {
    let l = Ledger::new();
    wallets(&l);
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let many: Vec<String> = (0..101).map(|i| format!("\"u{i}\"")).collect();
    let too_many = format!(r#"{{"user_ids":[{}],"amount":"1"}}"#, many.join(","));
    for body in [
        r#"{"amount":"1"}"#.to_owned(),
        r#"{"user_ids":[],"amount":"1"}"#.to_owned(),
        r#"{"user_ids":"alice","amount":"1"}"#.to_owned(),
        r#"{"user_ids":["alice",7],"amount":"1"}"#.to_owned(),
        r#"{"user_ids":["alice","alice"],"amount":"1"}"#.to_owned(),
        r#"{"user_ids":["al ice"],"amount":"1"}"#.to_owned(),
        r#"{"user_ids":["alice"]}"#.to_owned(),
        r#"{"user_ids":["alice"],"amount":"1","reference_id":"x"}"#.to_owned(),
        too_many,
    ] {
        l.refused(400, "invalid_request", || {
            server.post(&admin, "/admin/wallets/batch-freeze", &body)
        });
    }
    l.refused(422, "invalid_amount", || {
        server.post(
            &admin,
            "/admin/wallets/batch-freeze",
            r#"{"user_ids":["alice"],"amount":"1e3"}"#,
        )
    });
    // Decimals depend on each wallet's currency: too many for one wallet is that wallet's refusal.
    let before = l.snapshot();
    let answer = server.post(
        &admin,
        "/admin/wallets/batch-freeze",
        r#"{"user_ids":["alice"],"amount":"1.001"}"#,
    );
    assert_eq!(answer.ok()["results"][0]["error"]["error"], "invalid_amount");
    assert_eq!(l.snapshot(), before);
    let body = r#"{"user_ids":["alice"],"amount":"1"}"#;
    for scope in ["read", "write"] {
        let token = token(&l, "acme", "shop", scope);
        l.refused(403, "forbidden", || {
            server.post(&token, "/admin/wallets/batch-freeze", body)
        });
    }
    // Another tenant's admin reaches none of acme's wallets: each is not found, nothing written.
    let other = token(&l, "globex", "shop", "admin");
    let before = l.snapshot();
    let answer = server.post(&other, "/admin/wallets/batch-freeze", body);
    let data = answer.ok();
    assert_eq!(data["frozen_count"], 0);
    assert_eq!(data["results"][0]["error"]["error"], "wallet_not_found");
    assert_eq!(l.snapshot(), before);
}

fn freeze_id(l: &Ledger, tenant: &str, user: &str, amount: &str) -> String {
    let frozen = l.ok(&[
        "--tenant", tenant, "--app", "shop", "wallet", "freeze", user, "--amount", amount,
    ]);
    s(&frozen["data"]["freeze"]["id"]).to_owned()
}

#[test]
fn a_batch_unfreeze_releases_each_freeze_it_can_and_reports_each_one_it_cannot() {
    let l = Ledger::new();
    wallets(&l);
    let alice_first = l.texts("SELECT id FROM freezes")[0].clone();
    let alice_second = freeze_id(&l, "acme", "alice", "5");
    let bob = freeze_id(&l, "acme", "bob", "2");
    let released = freeze_id(&l, "acme", "alice", "1");
    acme(&l, &["wallet", "unfreeze", "alice", "--freeze-id", &released]);
    l.ok(&["--tenant", "globex", "--app", "shop", "wallet", "create", "gina"]);
    l.ok(&[
        "--tenant", "globex", "--app", "shop", "wallet", "deposit", "gina", "--amount", "9",
    ]);
    let globex = freeze_id(&l, "globex", "gina", "3");
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = format!(
        r#"{{"freeze_ids":["{alice_first}","{released}","{bob}","{globex}","frz_nothing","{alice_second}"],"reason":"resolved"}}"#
    );
    let answer = server.post(&admin, "/admin/wallets/batch-unfreeze", &body);
    let data = answer.ok();
    assert_eq!(
        (&data["total"], &data["succeeded"], &data["failed"]),
        (&Value::from(6), &Value::from(3), &Value::from(3)),
        "{data}"
    );
    let results = data["results"].as_array().expect("results");
    let statuses: Vec<&str> = results.iter().map(|r| s(&r["status"])).collect();
    assert_eq!(
        statuses,
        ["released", "failed", "released", "failed", "failed", "released"]
    );
    assert_eq!(results[0]["freeze_id"], alice_first.as_str());
    assert_eq!(results[0]["freeze"]["status"], "released");
    assert_eq!(results[0]["freeze"]["release_reason"], "resolved", "{data}");
    assert_eq!(results[1]["error"]["error"], "freeze_not_active");
    assert_eq!(results[1]["error"]["code"], 409);
    // Another tenant's freeze reads exactly as one that does not exist.
    assert_eq!(results[3]["error"]["error"], "freeze_not_found");
    assert_eq!(results[3]["error"]["code"], 404);
    assert_eq!(results[4]["error"]["error"], "freeze_not_found");
    assert_eq!(results[5]["wallet"]["frozen_balance"], "0.00", "{data}");
    let errors = data["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 3);
    assert!(s(&errors[0]).starts_with(&format!("{released}: ")), "{data}");
    assert_eq!(
        s(&acme(&l, &["wallet", "show", "bob"])["data"]["frozen_balance"]),
        "0.00"
    );
    let gina = l.ok(&["--tenant", "globex", "--app", "shop", "wallet", "show", "gina"]);
    assert_eq!(
        s(&gina["data"]["frozen_balance"]),
        "3.00",
        "globex's freeze is untouched"
    );
    assert_eq!(l.number("SELECT COUNT(*) FROM freezes WHERE status = 'active'"), 1);
    l.verified();
}

#[test]
fn a_batch_unfreeze_with_an_idempotency_key_releases_once_and_replays_byte_for_byte() {
    let l = Ledger::new();
    wallets(&l);
    let first_id = freeze_id(&l, "acme", "bob", "1");
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let body = format!(r#"{{"freeze_ids":["{first_id}"]}}"#);
    let first = server.post_keyed(&admin, "bu-1", "/admin/wallets/batch-unfreeze", &body);
    assert_eq!(first.ok()["succeeded"], 1, "{}", first.body);
    let before = l.snapshot();
    let replay = server.post_keyed(&admin, "bu-1", "/admin/wallets/batch-unfreeze", &body);
    assert_eq!((replay.status, &replay.body), (200, &first.body));
    assert_eq!(l.snapshot(), before);
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(
            &admin,
            "bu-1",
            "/admin/wallets/batch-unfreeze",
            r#"{"freeze_ids":["frz_other"]}"#,
        )
    });
}

#[test]
fn a_batch_unfreeze_is_refused_whole_with_nothing_written_when_its_body_or_token_is_wrong() {
    let l = Ledger::new();
    wallets(&l);
    let id = l.texts("SELECT id FROM freezes")[0].clone();
    let admin = token(&l, "acme", "shop", "admin");
    let server = Server::start(&l);
    let many: Vec<String> = (0..101).map(|i| format!("\"frz_{i}\"")).collect();
    let long = "f".repeat(129);
    for body in [
        r#"{"reason":"x"}"#.to_owned(),
        r#"{"freeze_ids":[]}"#.to_owned(),
        format!(r#"{{"freeze_ids":"{id}"}}"#),
        format!(r#"{{"freeze_ids":["{id}",7]}}"#),
        format!(r#"{{"freeze_ids":["{id}","{id}"]}}"#),
        format!(r#"{{"freeze_ids":["{id}",""]}}"#),
        format!(r#"{{"freeze_ids":["{id}","{long}"]}}"#),
        format!(r#"{{"freeze_ids":["{id}"],"reason":7}}"#),
        format!(r#"{{"freeze_ids":["{id}"],"amount":"1"}}"#),
        format!(r#"{{"freeze_ids":[{}]}}"#, many.join(",")),
    ] {
        l.refused(400, "invalid_request", || {
            server.post(&admin, "/admin/wallets/batch-unfreeze", &body)
        });
    }
    let body = format!(r#"{{"freeze_ids":["{id}"]}}"#);
    for scope in ["read", "write"] {
        let token = token(&l, "acme", "shop", scope);
        l.refused(403, "forbidden", || {
            server.post(&token, "/admin/wallets/batch-unfreeze", &body)
        });
    }
    // Another tenant's and another application's admin reach none of acme/shop's freezes.
    for (tenant, app) in [("globex", "shop"), ("acme", "pos")] {
        let other = token(&l, tenant, app, "admin");
        let before = l.snapshot();
        let answer = server.post(&other, "/admin/wallets/batch-unfreeze", &body);
        let data = answer.ok();
        assert_eq!(data["succeeded"], 0);
        assert_eq!(data["results"][0]["error"]["error"], "freeze_not_found");
        assert_eq!(l.snapshot(), before);
    }
}
