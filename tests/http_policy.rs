//! `GET|PUT|DELETE /admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy`: an admin token's
//! own policy, changed partially, cleared, each change recorded; every refusal changes
//! nothing; and a policy's limits hold for routes as for commands, even when withdrawals from
//! CLI processes and HTTP clients race. Runs on SQLite, and on PostgreSQL with
//! `LEDGERCTL_TEST_BACKEND=postgres`.

mod support;

use serde_json::Value;
use support::scoped::{cli, token, ACME, ACME_GAMES, GLOBEX};
use support::server::{Answer, Client, Server};
use support::{s, Ledger};

const POLICY: &str = "/admin/wallets/tenants/acme/apps/shop/policy";

fn send(client: &Client, method: &str, token: &str, path: &str, key: Option<&str>, body: Option<&str>) -> Answer {
    let auth = format!("Bearer {token}");
    let mut headers = vec![("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    if let Some(key) = key {
        headers.push(("Idempotency-Key", key));
    }
    client.request(method, path, &headers, body)
}

#[test]
fn get_put_and_delete_read_change_partially_and_clear_the_tokens_own_policy() {
    let l = Ledger::new();
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let c = server.client();
    let shown = server.get(&admin, POLICY);
    let data = shown.ok();
    assert_eq!(
        (&data["tenant_id"], &data["application_id"]),
        (&Value::from("acme"), &Value::from("shop"))
    );
    assert_eq!(data["max_balance"], "0.00");
    let body = r#"{"daily_withdraw_limit":"5000.00","timezone":"Asia/Shanghai","supported_currencies":"CNY,USD"}"#;
    let put = send(&c, "PUT", &admin, POLICY, None, Some(body));
    assert_eq!(put.json["message"], "policy set", "{}", put.body);
    let put = send(&c, "PUT", &admin, POLICY, None, Some(r#"{"transfer_enabled":false}"#));
    let data = put.ok();
    assert_eq!(data["daily_withdraw_limit"], "5000.00", "kept: {data}");
    assert_eq!(data["transfer_enabled"], false);
    assert_eq!(server.get(&admin, POLICY).ok(), data);
    // The CLI reads the same policy, and the history names the token.
    assert_eq!(cli(&l, ACME, &["policy", "show"])["data"], *data);
    let history = cli(&l, ACME, &["policy", "history"]);
    assert!(
        s(&history["items"][0]["changed_by"]).starts_with("token:tok_"),
        "{history}"
    );
    let cleared = send(&c, "DELETE", &admin, POLICY, None, None);
    assert_eq!(cleared.json["message"], "policy cleared", "{}", cleared.body);
    assert_eq!(cleared.ok()["daily_withdraw_limit"], "0.00");
    l.verified();
}

#[test]
fn an_idempotency_key_replays_a_change_byte_for_byte_and_another_body_is_409() {
    let l = Ledger::new();
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let c = server.client();
    let first = send(&c, "PUT", &admin, POLICY, Some("k1"), Some(r#"{"max_balance":"100"}"#));
    first.ok();
    send(&c, "PUT", &admin, POLICY, None, Some(r#"{"max_balance":"200"}"#)).ok();
    let again = send(&c, "PUT", &admin, POLICY, Some("k1"), Some(r#"{"max_balance":"100"}"#));
    assert_eq!(again.body, first.body);
    assert_eq!(l.number("SELECT COUNT(*) FROM policy_changes"), 2);
    l.refused(409, "idempotency_key_reused", || {
        send(&c, "PUT", &admin, POLICY, Some("k1"), Some(r#"{"max_balance":"300"}"#))
    });
    l.refused(409, "idempotency_key_reused", || {
        send(&c, "DELETE", &admin, POLICY, Some("k1"), None)
    });
}

#[test]
fn bad_bodies_are_refused_and_change_nothing() {
    let l = Ledger::new();
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    let c = server.client();
    for (body, status, error) in [
        ("{", 400, "invalid_request"),
        ("[]", 400, "invalid_request"),
        ("{}", 400, "invalid_request"),
        (r#"{"daily_withdraw_limit":"1e3"}"#, 422, "invalid_amount"),
        (r#"{"daily_withdraw_limit":"-0"}"#, 422, "invalid_amount"),
        (r#"{"daily_withdraw_limit":1000}"#, 422, "invalid_amount"),
        (r#"{"max_balance":"100000000000001"}"#, 422, "invalid_amount"),
        (r#"{"max_balance":"1000000000000000000000000"}"#, 422, "invalid_amount"),
        (r#"{"timezone":"Mars/Olympus"}"#, 400, "invalid_request"),
        (r#"{"rate_limit_per_min":10}"#, 400, "invalid_request"),
        (r#"{"transfer_enabled":"no"}"#, 400, "invalid_request"),
        (r#"{"withdrawal_require_review":"true"}"#, 400, "invalid_request"),
    ] {
        l.refused(status, error, || send(&c, "PUT", &admin, POLICY, None, Some(body)));
    }
    assert_eq!(l.number("SELECT COUNT(*) FROM policy_changes"), 0);
}

#[test]
fn other_scopes_tenants_and_applications_are_refused_and_change_nothing() {
    let l = Ledger::new();
    cli(&l, ACME, &["policy", "set", "--max-balance", "100"]);
    let write = token(&l, ACME, &["--scope", "write"]);
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let globex = token(&l, GLOBEX, &["--scope", "admin"]);
    let games = token(&l, ACME_GAMES, &["--scope", "admin"]);
    let server = Server::start(&l);
    let c = server.client();
    let body = Some(r#"{"max_balance":"0"}"#);
    for method in ["GET", "PUT", "DELETE"] {
        let body = if method == "PUT" { body } else { None };
        l.refused(403, "forbidden", || send(&c, method, &write, POLICY, None, body));
        l.refused(404, "policy_not_found", || {
            send(&c, method, &globex, POLICY, None, body)
        });
        l.refused(404, "policy_not_found", || send(&c, method, &games, POLICY, None, body));
        let other = "/admin/wallets/tenants/globex/apps/shop/policy";
        l.refused(404, "policy_not_found", || send(&c, method, &admin, other, None, body));
    }
    assert_eq!(server.get(&admin, POLICY).ok()["max_balance"], "100.00");
}

#[test]
fn routes_obey_the_policy_as_commands_do() {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "create", "bob"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "500"]);
    cli(
        &l,
        ACME,
        &[
            "policy",
            "set",
            "--daily-withdraw-limit",
            "100",
            "--max-balance",
            "600",
            "--transfer-enabled",
            "false",
        ],
    );
    let write = token(&l, ACME, &["--scope", "write"]);
    let server = Server::start(&l);
    server
        .post(&write, "/wallets/alice/withdraw", r#"{"amount":"100"}"#)
        .ok();
    let over = l.refused(422, "daily_limit_exceeded", || {
        server.post(&write, "/wallets/alice/withdraw", r#"{"amount":"0.01"}"#)
    });
    assert!(s(&over.json["message"]).contains("0.00 CNY remains"), "{}", over.body);
    l.refused(422, "max_balance_exceeded", || {
        server.post(&write, "/wallets/alice/deposit", r#"{"amount":"200.01"}"#)
    });
    l.refused(422, "transfer_disabled", || {
        server.post(
            &write,
            "/wallets/transfer",
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":"1"}"#,
        )
    });
}

/// Twenty withdrawals of 15.00 against a daily limit of 100.00, half from CLI processes and
/// half from HTTP clients, all at once: each counts what the others withdrew under the wallet's
/// write lock, so exactly six pass and the day's total is 90.00, never more than the limit.
#[test]
fn racing_withdrawals_from_processes_and_clients_never_exceed_the_daily_limit_together() {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "10000"]);
    cli(&l, ACME, &["policy", "set", "--daily-withdraw-limit", "100"]);
    let write = token(&l, ACME, &["--scope", "write"]);
    let server = Server::start(&l);
    let outcomes: Vec<String> = std::thread::scope(|scope| {
        let mut racers = Vec::new();
        for _ in 0..10 {
            let mut cmd = l.cmd();
            cmd.args([
                "-o", "json", "--tenant", "acme", "--app", "shop", "wallet", "withdraw", "alice", "--amount", "15",
            ]);
            racers.push(scope.spawn(move || {
                let out = cmd.output().expect("ledgerctl runs");
                let json: Value = serde_json::from_slice(&out.stdout).expect("one envelope");
                json["error"].as_str().unwrap_or("ok").to_owned()
            }));
            let client = server.client();
            let write = write.clone();
            racers.push(scope.spawn(move || {
                let answer = client.post(&write, "/wallets/alice/withdraw", r#"{"amount":"15"}"#);
                answer.json["error"].as_str().unwrap_or("ok").to_owned()
            }));
        }
        racers.into_iter().map(|r| r.join().expect("a racer")).collect()
    });
    let passed = outcomes.iter().filter(|o| *o == "ok").count();
    let limited = outcomes.iter().filter(|o| *o == "daily_limit_exceeded").count();
    assert_eq!((passed, limited), (6, 14), "{outcomes:?}");
    let withdrawn = l.number("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entries WHERE kind = 'withdraw'");
    assert_eq!(withdrawn, 9_000);
    l.verified();
}
