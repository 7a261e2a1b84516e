//! Withdrawal review over HTTP (issue 13): `POST /wallets/{user_id}/withdraw/request` (201),
//! the user's and the application's lists, one request, and `POST
//! /admin/wallets/withdrawals/{id}/approve|reject` by an admin token other than the requester's
//! (403 same_actor otherwise), decided once even when approvers race from HTTP clients and CLI
//! processes. Every refusal changes nothing. Runs on SQLite, and on PostgreSQL with
//! `LEDGERCTL_TEST_BACKEND=postgres`.

mod support;

use serde_json::Value;
use support::scoped::{cli, token, ACME, ACME_GAMES, GLOBEX};
use support::server::{token_id, Server};
use support::{s, Ledger};

const REQUEST: &str = "/wallets/alice/withdraw/request";

/// A ledger whose acme/shop policy requires review, with alice holding 1000.00 CNY.
fn reviewed() -> Ledger {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "1000"]);
    cli(&l, ACME, &["policy", "set", "--withdrawal-require-review", "true"]);
    l
}

fn decide(verb: &str, id: &str) -> String {
    format!("/admin/wallets/withdrawals/{id}/{verb}")
}

#[test]
fn a_users_request_is_201_pending_and_another_admin_token_approves_it() {
    let l = reviewed();
    let user = token(&l, ACME, &["--scope", "write", "--user", "alice"]);
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let made = server.post(&user, REQUEST, r#"{"amount":"120.50","remark":"April payout"}"#);
    assert_eq!(
        (made.status, &made.json["code"]),
        (201, &Value::from(201)),
        "{}",
        made.body
    );
    let r = &made.json["data"];
    assert_eq!(
        (&r["status"], &r["amount"]),
        (&Value::from("pending"), &Value::from("120.50"))
    );
    assert_eq!(r["requested_by"], format!("token:{}", token_id(&user)));
    let id = s(&r["id"]).to_owned();
    let wallet = server.get(&user, "/wallets/alice").ok().clone();
    assert_eq!(
        (s(&wallet["available_balance"]), s(&wallet["frozen_balance"])),
        ("879.50", "120.50")
    );
    // The user sees it in their list; the reviewers in the pending queue.
    let mine = server.get(&user, "/wallets/alice/withdrawals?status=pending");
    assert_eq!(mine.json["items"][0]["id"], id.as_str(), "{}", mine.body);
    let queue = server.get(&admin, "/admin/wallets/withdrawals?status=pending");
    assert_eq!(queue.json["total"], 1, "{}", queue.body);
    let approved = server.post(
        &admin,
        &decide("approve", &id),
        r#"{"approved_by":"Wang","remark":"ok"}"#,
    );
    let a = approved.ok();
    assert_eq!(approved.json["message"], "approved");
    assert_eq!(
        (&a["status"], &a["approved_by"], &a["decided_by"]),
        (
            &Value::from("approved"),
            &Value::from("Wang"),
            &Value::from(format!("token:{}", token_id(&admin)))
        )
    );
    assert_eq!(server.get(&admin, &format!("/admin/wallets/withdrawals/{id}")).ok(), a);
    assert_eq!(server.get(&user, "/wallets/alice").ok()["balance"], "879.50");
    // Under the upstream base path too.
    let listed = server.get(
        &admin,
        "/bff/wallet-service/api/v1/admin/wallets/withdrawals?status=approved",
    );
    assert_eq!(listed.json["total"], 1, "{}", listed.body);
    l.verified();
}

#[test]
fn the_requesting_token_cannot_decide_and_a_request_is_decided_once() {
    let l = reviewed();
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let other = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let made = server.post(&admin, REQUEST, r#"{"amount":"10"}"#);
    let id = s(&made.json["data"]["id"]).to_owned();
    for verb in ["approve", "reject"] {
        l.refused(403, "same_actor", || server.post(&admin, &decide(verb, &id), "{}"));
    }
    let rejected = server.post(&other, &decide("reject", &id), r#"{"remark":"duplicate"}"#);
    assert_eq!(rejected.ok()["status"], "rejected");
    for verb in ["approve", "reject"] {
        l.refused(409, "withdrawal_not_pending", || {
            server.post(&other, &decide(verb, &id), "{}")
        });
    }
    l.verified();
}

#[test]
fn the_direct_withdrawal_is_409_review_required_and_a_held_freeze_cannot_be_released_directly() {
    let l = reviewed();
    let write = token(&l, ACME, &["--scope", "write"]);
    let server = Server::start(&l);
    let refused = l.refused(409, "review_required", || {
        server.post(&write, "/wallets/alice/withdraw", r#"{"amount":"1"}"#)
    });
    assert!(
        s(&refused.json["message"]).contains("/wallets/alice/withdraw/request"),
        "{}",
        refused.body
    );
    let made = server.post(&write, REQUEST, r#"{"amount":"5"}"#);
    let freeze = s(&made.json["data"]["freeze_id"]).to_owned();
    l.refused(409, "freeze_under_review", || {
        server.post(
            &write,
            "/wallets/alice/unfreeze",
            &format!(r#"{{"freeze_id":"{freeze}"}}"#),
        )
    });
    l.refused(409, "freeze_under_review", || {
        server.post(
            &write,
            "/wallets/alice/capture",
            &format!(r#"{{"freeze_id":"{freeze}"}}"#),
        )
    });
    // The batch release answers it as that freeze's failure, releasing nothing.
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let batch = server.post(
        &admin,
        "/admin/wallets/batch-unfreeze",
        &format!(r#"{{"freeze_ids":["{freeze}"]}}"#),
    );
    assert_eq!(batch.ok()["failed"], 1, "{}", batch.body);
    assert_eq!(
        l.number("SELECT COUNT(*) FROM journal_entries WHERE kind = 'unfreeze'"),
        0
    );
}

#[test]
fn bad_requests_and_other_scopes_are_refused_and_change_nothing() {
    let l = reviewed();
    let write = token(&l, ACME, &["--scope", "write"]);
    let read = token(&l, ACME, &["--scope", "read"]);
    let bob = token(&l, ACME, &["--scope", "write", "--user", "bob"]);
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let globex = token(&l, GLOBEX, &["--scope", "admin"]);
    let games = token(&l, ACME_GAMES, &["--scope", "admin"]);
    let server = Server::start(&l);
    for (body, status, error) in [
        ("{", 400, "invalid_request"),
        ("{}", 400, "invalid_request"),
        (r#"{"amount":"1","description":"x"}"#, 400, "invalid_request"),
        (r#"{"amount":1}"#, 422, "invalid_amount"),
        (r#"{"amount":"1e3"}"#, 422, "invalid_amount"),
        (r#"{"amount":"-0"}"#, 422, "invalid_amount"),
        (r#"{"amount":"0.001"}"#, 422, "invalid_amount"),
        (r#"{"amount":"100000000000000000000"}"#, 422, "invalid_amount"),
        (r#"{"amount":"1000.01"}"#, 409, "insufficient_balance"),
    ] {
        l.refused(status, error, || server.post(&write, REQUEST, body));
    }
    l.refused(403, "forbidden", || server.post(&read, REQUEST, r#"{"amount":"1"}"#));
    l.refused(404, "wallet_not_found", || {
        server.post(&bob, REQUEST, r#"{"amount":"1"}"#)
    });
    l.refused(404, "wallet_not_found", || {
        server.get(&bob, "/wallets/alice/withdrawals")
    });
    let made = server.post(&write, REQUEST, r#"{"amount":"1"}"#);
    let id = s(&made.json["data"]["id"]).to_owned();
    l.refused(403, "forbidden", || server.post(&write, &decide("approve", &id), "{}"));
    for other in [&globex, &games] {
        l.refused(404, "withdrawal_request_not_found", || {
            server.post(other, &decide("approve", &id), "{}")
        });
        l.refused(404, "withdrawal_request_not_found", || {
            server.get(other, &format!("/admin/wallets/withdrawals/{id}"))
        });
        assert_eq!(server.get(other, "/admin/wallets/withdrawals").json["total"], 0);
    }
    l.refused(400, "invalid_request", || {
        server.post(&admin, &decide("reject", &id), r#"{"approved_by":"x"}"#)
    });
    l.refused(400, "invalid_request", || {
        server.get(&admin, "/admin/wallets/withdrawals?status=open")
    });
    l.refused(404, "withdrawal_request_not_found", || {
        server.post(&admin, &decide("approve", "wdr_none"), "{}")
    });
}

#[test]
fn an_idempotency_key_replays_a_request_and_a_decision_byte_for_byte() {
    let l = reviewed();
    let write = token(&l, ACME, &["--scope", "write"]);
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let first = server.post_keyed(&write, "k1", REQUEST, r#"{"amount":"7"}"#);
    assert_eq!(first.status, 201, "{}", first.body);
    let again = server.post_keyed(&write, "k1", REQUEST, r#"{"amount":"7"}"#);
    assert_eq!((again.status, &again.body), (201, &first.body));
    assert_eq!(l.number("SELECT COUNT(*) FROM withdrawal_requests"), 1);
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(&write, "k1", REQUEST, r#"{"amount":"8"}"#)
    });
    let id = s(&first.json["data"]["id"]).to_owned();
    let approved = server.post_keyed(&admin, "k2", &decide("approve", &id), "{}");
    approved.ok();
    let again = server.post_keyed(&admin, "k2", &decide("approve", &id), "{}");
    assert_eq!(again.body, approved.body);
    // A reference_id repeat answers the request as it is now, 200.
    let body = r#"{"amount":"3","reference_id":"payout-1"}"#;
    assert_eq!(server.post(&write, REQUEST, body).status, 201);
    let replay = server.post(&write, REQUEST, body);
    assert_eq!(
        (replay.status, &replay.json["message"]),
        (200, &Value::from("replayed")),
        "{}",
        replay.body
    );
    l.verified();
}

#[test]
fn approvers_racing_from_clients_and_processes_decide_a_request_exactly_once() {
    let l = reviewed();
    let requester = token(&l, ACME, &["--scope", "write"]);
    let admins: Vec<String> = (0..3).map(|_| token(&l, ACME, &["--scope", "admin"])).collect();
    let server = Server::start(&l);
    let made = server.post(&requester, REQUEST, r#"{"amount":"999"}"#);
    let id = s(&made.json["data"]["id"]).to_owned();
    let outcomes: Vec<String> = std::thread::scope(|scope| {
        let mut racers = Vec::new();
        for (i, admin) in admins.iter().enumerate() {
            let client = server.client();
            let path = decide(if i == 1 { "reject" } else { "approve" }, &id);
            racers.push(scope.spawn(move || {
                let answer = client.post(admin, &path, "{}");
                answer.json["error"].as_str().unwrap_or("ok").to_owned()
            }));
            let mut cmd = l.cmd();
            let actor = format!("checker{i}");
            cmd.args([
                "-o",
                "json",
                "--tenant",
                "acme",
                "--app",
                "shop",
                "--lock-timeout-ms",
                "30000",
            ]);
            cmd.args(["--actor", &actor, "withdrawal", "approve", &id]);
            racers.push(scope.spawn(move || {
                let out = cmd.output().expect("ledgerctl runs");
                let json: Value = serde_json::from_slice(&out.stdout).expect("one envelope");
                json["error"].as_str().unwrap_or("ok").to_owned()
            }));
        }
        racers.into_iter().map(|r| r.join().expect("a racer")).collect()
    });
    let won = outcomes.iter().filter(|o| *o == "ok").count();
    let lost = outcomes.iter().filter(|o| *o == "withdrawal_not_pending").count();
    assert_eq!((won, lost), (1, 5), "{outcomes:?}");
    assert_eq!(
        l.number("SELECT COUNT(*) FROM journal_entries WHERE kind IN ('capture', 'unfreeze')"),
        1
    );
    l.verified();
}
