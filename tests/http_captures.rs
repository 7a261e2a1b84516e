//! `POST /wallets/{user_id}/capture` on a running server: whole and part, to the settlement and
//! to a counterparty, the token's reach (another tenant's freeze and another user's freeze are
//! not found), a freeze ended once either way, bad amounts, replays by `reference_id` and
//! `Idempotency-Key`, and two clients capturing one freeze at once. Every refusal changes
//! nothing (`Ledger::refused`).

mod support;

use std::thread;

use support::server::Server;
use support::{s, Ledger};

const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];

/// alice with 100.00 (50.00 of it frozen) and bob with 10.00 (5.00 frozen) in acme/shop, a
/// globex/shop alice with a freeze of her own, and the server. The three freezes' ids.
struct World {
    l: Ledger,
    server: Server,
    alices: String,
    bobs: String,
    globex: String,
}

fn cli(l: &Ledger, scope: &[&str], args: &[&str]) -> serde_json::Value {
    l.ok(&[scope, args].concat())
}

fn freeze(l: &Ledger, scope: &[&str], user: &str, amount: &str) -> String {
    let frozen = cli(l, scope, &["wallet", "freeze", user, "--amount", amount]);
    s(&frozen["data"]["freeze"]["id"]).to_owned()
}

fn world() -> World {
    let l = Ledger::new();
    let globex = ["--tenant", "globex", "--app", "shop"];
    for (scope, user, amount) in [(&ACME, "alice", "100"), (&ACME, "bob", "10"), (&globex, "alice", "100")] {
        cli(&l, scope, &["wallet", "create", user]);
        cli(&l, scope, &["wallet", "deposit", user, "--amount", amount]);
    }
    let alices = freeze(&l, &ACME, "alice", "50");
    let bobs = freeze(&l, &ACME, "bob", "5");
    let globex = freeze(&l, &globex, "alice", "50");
    let server = Server::start(&l);
    World {
        l,
        server,
        alices,
        bobs,
        globex,
    }
}

fn token(l: &Ledger, args: &[&str]) -> String {
    l.token(&[&ACME[..], &["token", "create"], args].concat())
}

fn path(user: &str) -> String {
    format!("/wallets/{user}/capture")
}

#[test]
fn a_part_capture_answers_its_transaction_freeze_and_wallet() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    let body = format!(
        r#"{{"freeze_id":"{}","amount":"20.00","description":"shipped"}}"#,
        w.alices
    );
    let answer = w.server.post(&write, &path("alice"), &body);
    let d = answer.ok();
    assert_eq!(
        (s(&d["transaction"]["type"]), s(&d["transaction"]["amount"])),
        ("capture", "20.00")
    );
    assert_eq!(s(&d["transaction"]["freeze_id"]), w.alices);
    assert_eq!(
        (s(&d["freeze"]["status"]), s(&d["freeze"]["captured_amount"])),
        ("captured", "20.00")
    );
    assert_eq!(
        (
            s(&d["wallet"]["balance"]),
            s(&d["wallet"]["frozen_balance"]),
            s(&d["wallet"]["available_balance"])
        ),
        ("80.00", "0.00", "80.00")
    );
    // The freeze as the freezes route lists it, and the capture as the transaction route shows it.
    let listed = w.server.get(&write, "/wallets/alice/freezes?status=captured").json;
    assert_eq!(s(&listed["items"][0]["captured_amount"]), "20.00", "{listed}");
    let shown = w
        .server
        .get(&write, &format!("/transactions/{}", s(&d["transaction"]["id"])));
    assert_eq!(s(&shown.ok()["transaction"]["type"]), "capture");
    w.l.verified();
}

#[test]
fn a_whole_capture_to_a_counterparty_is_a_payment() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    let unknown = format!(r#"{{"freeze_id":"{}","counterparty_id":"mch_9"}}"#, w.alices);
    w.l.refused(404, "counterparty_not_found", || {
        w.server.post(&write, &path("alice"), &unknown)
    });
    let body = format!(
        r#"{{"freeze_id":"{}","counterparty_id":"mch_9","new_counterparty":true}}"#,
        w.alices
    );
    let answer = w.server.post(&write, &path("alice"), &body);
    let d = answer.ok();
    assert_eq!(
        (s(&d["transaction"]["amount"]), s(&d["transaction"]["counterparty_id"])),
        ("50.00", "mch_9")
    );
    assert_eq!(s(&d["wallet"]["available_balance"]), "50.00");
    w.l.verified();
}

#[test]
fn another_tenants_or_another_users_freeze_is_not_found_and_a_bound_token_reaches_its_user_only() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    for freeze_id in [&w.globex, &w.bobs, &"frz_abc123".to_owned()] {
        let body = format!(r#"{{"freeze_id":"{freeze_id}"}}"#);
        w.l.refused(404, "freeze_not_found", || w.server.post(&write, &path("alice"), &body));
    }
    let bobs_token = token(&w.l, &["--scope", "write", "--user", "bob"]);
    let body = format!(r#"{{"freeze_id":"{}"}}"#, w.alices);
    w.l.refused(404, "wallet_not_found", || {
        w.server.post(&bobs_token, &path("alice"), &body)
    });
    let read = token(&w.l, &["--scope", "read"]);
    w.l.refused(403, "forbidden", || w.server.post(&read, &path("alice"), &body));
    let bob_own = format!(r#"{{"freeze_id":"{}"}}"#, w.bobs);
    w.server.post(&bobs_token, &path("bob"), &bob_own).ok();
    w.l.verified();
}

#[test]
fn a_freeze_ends_once_and_bad_amounts_and_bodies_are_refused() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    let with = |amount: &str| format!(r#"{{"freeze_id":"{}","amount":"{amount}"}}"#, w.alices);
    let cases: Vec<(String, u16, &str)> = vec![
        (with("50.01"), 422, "exceeds_held_amount"),
        (with("-0"), 422, "invalid_amount"),
        (with("1e3"), 422, "invalid_amount"),
        (with("0.001"), 422, "invalid_amount"),
        (
            format!(r#"{{"freeze_id":"{}","amount":5}}"#, w.alices),
            422,
            "invalid_amount",
        ),
        (
            format!(r#"{{"freeze_id":"{}","new_counterparty":true}}"#, w.alices),
            400,
            "invalid_request",
        ),
        (
            format!(r#"{{"freeze_id":"{}","reason":"x"}}"#, w.alices),
            400,
            "invalid_request",
        ),
        (r#"{"amount":"1"}"#.to_owned(), 400, "invalid_request"),
    ];
    for (body, status, error) in &cases {
        w.l.refused(*status, error, || w.server.post(&write, &path("alice"), body));
    }
    let unfreeze = format!(r#"{{"freeze_id":"{}"}}"#, w.alices);
    w.server.post(&write, "/wallets/alice/unfreeze", &unfreeze).ok();
    w.l.refused(409, "freeze_not_active", || {
        w.server.post(&write, &path("alice"), &with("1"))
    });
    // Release after capture: bob's freeze captured, then neither route can end it again.
    let bobs = format!(r#"{{"freeze_id":"{}","amount":"1"}}"#, w.bobs);
    w.server.post(&write, &path("bob"), &bobs).ok();
    let again = format!(r#"{{"freeze_id":"{}"}}"#, w.bobs);
    w.l.refused(409, "freeze_not_active", || {
        w.server.post(&write, "/wallets/bob/unfreeze", &again)
    });
    w.l.refused(409, "freeze_not_active", || w.server.post(&write, &path("bob"), &again));
    w.l.verified();
}

#[test]
fn an_idempotency_key_or_a_reference_replays_the_capture_once() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    let body = format!(r#"{{"freeze_id":"{}","amount":"10"}}"#, w.alices);
    let first = w.server.post_keyed(&write, "k-1", &path("alice"), &body);
    let again = w.server.post_keyed(&write, "k-1", &path("alice"), &body);
    assert_eq!(
        (first.status, &first.body),
        (again.status, &again.body),
        "byte for byte"
    );
    let other = format!(r#"{{"freeze_id":"{}","amount":"11"}}"#, w.alices);
    w.l.refused(409, "idempotency_key_reused", || {
        w.server.post_keyed(&write, "k-1", &path("alice"), &other)
    });
    let referenced = format!(r#"{{"freeze_id":"{}","reference_id":"r-1"}}"#, w.bobs);
    let first = w.server.post(&write, &path("bob"), &referenced);
    let applied = first.ok();
    let entries = w.l.entries();
    let replay = w.server.post(&write, &path("bob"), &referenced);
    assert_eq!(replay.json["message"], "replayed");
    assert_eq!(replay.json["data"]["transaction"]["id"], applied["transaction"]["id"]);
    assert_eq!(w.l.entries(), entries);
    let conflicting = format!(r#"{{"freeze_id":"{}","amount":"1","reference_id":"r-1"}}"#, w.bobs);
    w.l.refused(409, "reference_conflict", || {
        w.server.post(&write, &path("bob"), &conflicting)
    });
    w.l.verified();
}

/// Many clients capture and release one freeze at once: exactly one request ends it, every
/// other is 409 `freeze_not_active`, and the wallet moved once.
#[test]
fn clients_racing_to_end_one_freeze_exactly_one_wins() {
    let w = world();
    let write = token(&w.l, &["--scope", "write"]);
    let capture = format!(r#"{{"freeze_id":"{}","amount":"30"}}"#, w.alices);
    let release = format!(r#"{{"freeze_id":"{}"}}"#, w.alices);
    let statuses: Vec<(u16, String)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|i| {
                let (server, write) = (&w.server, &write);
                let (route, body) = if i % 2 == 0 {
                    (path("alice"), capture.clone())
                } else {
                    ("/wallets/alice/unfreeze".to_owned(), release.clone())
                };
                scope.spawn(move || {
                    let answer = server.post(write, &route, &body);
                    (answer.status, answer.json["error"].as_str().unwrap_or("").to_owned())
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let won = statuses.iter().filter(|(status, _)| *status == 200).count();
    assert_eq!(won, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|(status, error)| *status == 200 || (*status == 409 && error == "freeze_not_active")),
        "{statuses:?}"
    );
    assert_eq!(
        w.l.number("SELECT COUNT(*) FROM journal_entries WHERE kind IN ('capture', 'unfreeze')"),
        1
    );
    w.l.verified();
}
