//! `POST /wallets/snapshot`, `GET /admin/wallets/snapshots` and `GET /wallets/snapshot`: the
//! snapshot `ledger snapshot --date` takes, once per tenant, application and day (201, then 200
//! with the first result), for the admin token's own tenant and application only, and read back
//! as far as each token reaches. Both backends (`LEDGERCTL_TEST_BACKEND=postgres`).

mod support;

use serde_json::Value;
use support::server::Server;
use support::{s, Ledger};

const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];
const TAKE: &str = "/wallets/snapshot";
const BODY: &str = r#"{"snapshot_date":"2026-04-15"}"#;

/// acme/shop's alice (100.00, 30.00 frozen) and bob (20.00), and globex's zed, all on
/// 2026-04-15; the server then runs on the real clock, long after that day.
fn ledger() -> Ledger {
    let l = Ledger::at("2026-04-15T08:00:00Z");
    let acme = |args: &[&str]| l.ok(&[&ACME[..], args].concat());
    acme(&["wallet", "create", "alice"]);
    acme(&["wallet", "create", "bob"]);
    acme(&["wallet", "deposit", "alice", "--amount", "120"]);
    acme(&["wallet", "freeze", "alice", "--amount", "30"]);
    acme(&["wallet", "transfer", "alice", "bob", "--amount", "20"]);
    l.ok(&["--tenant", "globex", "--app", "shop", "wallet", "create", "zed"]);
    l.ok(&[
        "--tenant", "globex", "--app", "shop", "wallet", "deposit", "zed", "--amount", "9",
    ]);
    l
}

fn token(l: &Ledger, tenant: &str, args: &[&str]) -> String {
    l.token(&[&["--tenant", tenant, "--app", "shop", "token", "create"][..], args].concat())
}

fn balances(items: &Value) -> Vec<(&str, &str, &str)> {
    items
        .as_array()
        .expect("items")
        .iter()
        .map(|r| (s(&r["user_id"]), s(&r["available_balance"]), s(&r["frozen_balance"])))
        .collect()
}

#[test]
fn a_snapshot_is_created_once_and_a_repeat_answers_the_first_result() {
    let l = ledger();
    let server = Server::start(&l);
    let admin = token(&l, "acme", &["--scope", "admin"]);
    let first = server.post(&admin, TAKE, BODY);
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(
        (&first.json["code"], s(&first.json["message"])),
        (&Value::from(201), "created")
    );
    let d = &first.json["data"];
    assert_eq!(
        (
            s(&d["snapshot_date"]),
            s(&d["tenant_id"]),
            s(&d["application_id"]),
            s(&d["snapshot_at"])
        ),
        ("2026-04-15", "acme", "shop", "2026-04-16T00:00:00Z")
    );
    assert_eq!(
        (&d["snapshot_count"], &d["wallets_total"]),
        (&Value::from(2), &Value::from(2))
    );
    let stored = l.snapshot();
    // Money moves after the day: the stored snapshot stays as it was.
    server.post(&admin, "/wallets/bob/deposit", r#"{"amount":"5"}"#).ok();
    let before_repeat = l.snapshot();
    assert_ne!(stored, before_repeat);
    let again = server.post(&admin, TAKE, BODY);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json["data"], first.json["data"], "the first result, unchanged");
    assert_eq!(l.snapshot(), before_repeat, "a repeat writes nothing");
    let listed = server.get(&admin, "/admin/wallets/snapshots");
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert_eq!(
        balances(&listed.json["items"]),
        [("alice", "70.00", "30.00"), ("bob", "20.00", "0.00")]
    );
    let printed = l.ok(&[&ACME[..], &["ledger", "snapshots"]].concat());
    assert_eq!(listed.json["items"], printed["items"], "one list for both doors");
    // Under the upstream base path, the same rows.
    let upstream = server.get(
        &admin,
        "/bff/wallet-service/api/v1/admin/wallets/snapshots?date=2026-04-15",
    );
    assert_eq!(upstream.json["items"], listed.json["items"]);
    l.verified();
}

#[test]
fn an_idempotency_key_replays_the_first_answer_byte_for_byte() {
    let l = ledger();
    let server = Server::start(&l);
    let admin = token(&l, "acme", &["--scope", "admin"]);
    let first = server.post_keyed(&admin, "snap-1", TAKE, BODY);
    assert_eq!(first.status, 201, "{}", first.body);
    let replay = server.post_keyed(&admin, "snap-1", TAKE, BODY);
    assert_eq!((replay.status, &replay.body), (201, &first.body));
    let before = l.snapshot();
    server
        .post_keyed(&admin, "snap-1", TAKE, r#"{"snapshot_date":"2026-04-14"}"#)
        .is_error(409, "idempotency_key_reused");
    assert_eq!(l.snapshot(), before);
}

#[test]
fn today_a_later_day_a_malformed_date_or_body_is_400_and_changes_nothing() {
    let l = ledger();
    let server = Server::start(&l);
    let admin = token(&l, "acme", &["--scope", "admin"]);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let before = l.snapshot();
    for day in [today.as_str(), "2099-01-01"] {
        let refused = server.post(&admin, TAKE, &format!(r#"{{"snapshot_date":"{day}"}}"#));
        refused.is_error(400, "invalid_request");
        assert!(
            s(&refused.json["message"]).contains("has not ended yet"),
            "{}",
            refused.body
        );
    }
    for body in [
        r#"{}"#,
        r#"{"snapshot_date":""}"#,
        r#"{"snapshot_date":"2026-4-15"}"#,
        r#"{"snapshot_date":"2026-02-30"}"#,
        r#"{"snapshot_date":20260415}"#,
        r#"{"snapshot_date":"2026-04-15","user_id":"alice"}"#,
    ] {
        server.post(&admin, TAKE, body).is_error(400, "invalid_request");
    }
    for query in ["", "?date=", "?date=2026-4-15", "?day=2026-04-15"] {
        server
            .get(&admin, &format!("/wallets/snapshot{query}"))
            .is_error(400, "invalid_request");
    }
    server
        .get(&admin, "/admin/wallets/snapshots?date=15.04.2026")
        .is_error(400, "invalid_request");
    assert_eq!(l.snapshot(), before);
}

#[test]
fn each_token_reads_only_what_it_reaches_and_another_tenant_sees_nothing_of_acmes() {
    let l = ledger();
    let server = Server::start(&l);
    let admin = token(&l, "acme", &["--scope", "admin"]);
    assert_eq!(server.post(&admin, TAKE, BODY).status, 201);
    let day = "/wallets/snapshot?date=2026-04-15";
    let read = token(&l, "acme", &["--scope", "read"]);
    assert_eq!(
        balances(&server.get(&read, day).json["items"]),
        [("alice", "70.00", "30.00"), ("bob", "20.00", "0.00")]
    );
    let bob = token(&l, "acme", &["--scope", "read", "--user", "bob"]);
    let own = server.get(&bob, day);
    assert_eq!(balances(&own.json["items"]), [("bob", "20.00", "0.00")], "{}", own.body);
    assert_eq!(own.json["total"], 1);
    let other_day = server.get(&read, "/wallets/snapshot?date=2026-04-14");
    assert_eq!((other_day.status, &other_day.json["total"]), (200, &Value::from(0)));
    // globex's admin: none of acme's rows; its own snapshot holds its own wallet only.
    let globex = token(&l, "globex", &["--scope", "admin"]);
    assert_eq!(server.get(&globex, "/admin/wallets/snapshots").json["total"], 0);
    assert_eq!(server.get(&globex, day).json["total"], 0);
    let theirs = server.post(&globex, TAKE, BODY);
    assert_eq!(
        (theirs.status, &theirs.json["data"]["snapshot_count"]),
        (201, &Value::from(1))
    );
    let listed = server.get(&globex, "/admin/wallets/snapshots");
    assert_eq!(balances(&listed.json["items"]), [("zed", "9.00", "0.00")]);
    let users = server.get(&admin, "/admin/wallets/snapshots?user_id=alice");
    assert_eq!(balances(&users.json["items"]), [("alice", "70.00", "30.00")]);
}
