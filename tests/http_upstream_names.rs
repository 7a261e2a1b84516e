//! Issue 12, the upstream document's names over HTTP: `GET /wallets/{user_id}/transactions`'s
//! `status`, `start_date` and `end_date`, and the public routes under the document's base path.

mod support;

use serde_json::Value;
use support::server::Server;
use support::{s, Ledger};

use support::scoped::{cli, token, ACME, GLOBEX};

/// alice in acme/shop: 1000.00 deposited, 100.00 of it frozen (SPEC's example).
fn spec_example() -> (Ledger, Server) {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "1000.00"]);
    cli(&l, ACME, &["wallet", "freeze", "alice", "--amount", "100.00"]);
    let server = Server::start(&l);
    (l, server)
}

/// alice in acme/shop with four deposits around 2026-04-15 (UTC): 1.00 a second before it,
/// 2.00 at its first second, 3.00 at its last, 4.00 a second after it.
fn around_a_day() -> (Ledger, Server, String) {
    let l = Ledger::at("2026-04-14T23:59:59Z");
    cli(&l, ACME, &["wallet", "create", "alice"]);
    for (at, amount) in [
        ("2026-04-14T23:59:59Z", "1.00"),
        ("2026-04-15T00:00:00Z", "2.00"),
        ("2026-04-15T23:59:59Z", "3.00"),
        ("2026-04-16T00:00:00Z", "4.00"),
    ] {
        l.set_clock(at);
        cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", amount]);
    }
    let read = token(&l, ACME, &["--scope", "read"]);
    let server = Server::start(&l);
    (l, server, read)
}

fn amounts(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["amount"]))
        .collect()
}

#[test]
fn start_date_and_end_date_are_inclusive_a_date_of_its_whole_utc_day_an_instant_of_its_second() {
    let (l, server, read) = around_a_day();
    let history = |query: &str| {
        let answer = server.get(&read, &format!("/wallets/alice/transactions?{query}"));
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        answer.json
    };
    let day = history("start_date=2026-04-15&end_date=2026-04-15");
    assert_eq!(amounts(&day), ["3.00", "2.00"]);
    let by_cli = cli(
        &l,
        ACME,
        &[
            "wallet",
            "history",
            "alice",
            "--from",
            "2026-04-15",
            "--to",
            "2026-04-16",
        ],
    );
    assert_eq!(day["items"], by_cli["items"]);
    assert_eq!(amounts(&history("end_date=2026-04-15")), ["3.00", "2.00", "1.00"]);
    assert_eq!(amounts(&history("start_date=2026-04-15T23:59:59Z")), ["4.00", "3.00"]);
    assert_eq!(amounts(&history("end_date=2026-04-15T00:00:00Z")), ["2.00", "1.00"]);
    assert_eq!(
        amounts(&history("end_date=2026-04-15T08:00:00%2B08:00")),
        ["2.00", "1.00"]
    );
    assert_eq!(amounts(&history("type=deposit&start_date=2026-04-16")), ["4.00"]);
    assert_eq!(amounts(&history("status=completed")), ["4.00", "3.00", "2.00", "1.00"]);
    assert_eq!(
        amounts(&history(
            "status=completed&start_date=2026-04-15&to=2026-04-15T12:00:00Z"
        )),
        ["2.00"]
    );
}

#[test]
fn invalid_upstream_filters_are_400_and_change_nothing() {
    let (l, server, read) = around_a_day();
    for query in [
        "status=pending",
        "status=",
        "start_date=yesterday",
        "start_date=2026-04-15%2010:00:00",
        "end_date=2026-13-01",
        "end_date=2026-04-15T25:00:00Z",
        "start_date=2026-04-15&from=2026-04-15",
        "end_date=2026-04-15&to=2026-04-16",
        "start_date=2026-04-15&start_date=2026-04-16",
        "type=bogus",
    ] {
        l.refused(400, "invalid_request", || {
            server.get(&read, &format!("/wallets/alice/transactions?{query}"))
        });
    }
}

const UPSTREAM: &str = "/bff/wallet-service/api/v1";

#[test]
fn the_public_routes_answer_the_same_under_the_upstream_base_path() {
    let (l, server) = spec_example();
    let write = token(&l, ACME, &["--scope", "write"]);
    for path in [
        "/wallets/alice",
        "/wallets/alice/balance",
        "/wallets",
        "/wallets/alice/freezes",
    ] {
        let direct = server.get(&write, path);
        let based = server.get(&write, &format!("{UPSTREAM}{path}"));
        assert_eq!(based.status, 200, "{path}: {}", based.body);
        assert_eq!(based.json["data"], direct.json["data"], "{path}");
        assert_eq!(based.json["items"], direct.json["items"], "{path}");
    }
    let created = server.post(&write, &format!("{UPSTREAM}/wallets"), r#"{"user_id":"bob"}"#);
    assert_eq!(created.status, 201, "{}", created.body);
    // An Idempotency-Key names one request under either path: replayed, not reused.
    let body = r#"{"amount":"5.00"}"#;
    let first = server.post_keyed(&write, "w1", &format!("{UPSTREAM}/wallets/alice/withdraw"), body);
    assert_eq!(first.status, 200, "{}", first.body);
    let before = l.snapshot();
    let again = server.post_keyed(&write, "w1", "/wallets/alice/withdraw", body);
    assert_eq!((again.status, &again.body), (200, &first.body));
    assert_eq!(l.snapshot(), before);
    assert_eq!(
        cli(&l, ACME, &["wallet", "balance", "alice"])["data"]["balance"],
        "995.00"
    );
    // The administration routes too, as the OpenAPI document's servers say of every route.
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let wallet_id = cli(&l, ACME, &["wallet", "show", "alice"])["data"]["wallet_id"]
        .as_str()
        .expect("wallet id")
        .to_owned();
    let path = format!("/admin/wallets/{wallet_id}/integrity");
    let based = server.get(&admin, &format!("{UPSTREAM}{path}"));
    assert_eq!(based.status, 200, "{}", based.body);
    assert_eq!(based.json["data"], server.get(&admin, &path).json["data"]);
    assert_eq!(based.json["data"]["valid"], true, "{}", based.body);
}

#[test]
fn under_the_base_path_refusals_and_unknown_routes_read_as_at_the_root() {
    let (l, server) = spec_example();
    let read = token(&l, ACME, &["--scope", "read"]);
    l.refused(401, "unauthenticated", || {
        server.request("GET", &format!("{UPSTREAM}/wallets"), &[], None)
    });
    l.refused(403, "forbidden", || {
        server.post(
            &read,
            &format!("{UPSTREAM}/wallets/alice/withdraw"),
            r#"{"amount":"1.00"}"#,
        )
    });
    let other = token(&l, GLOBEX, &["--scope", "read"]);
    l.refused(404, "wallet_not_found", || {
        server.get(&other, &format!("{UPSTREAM}/wallets/alice"))
    });
    l.refused(405, "method_not_allowed", || {
        server.get(&read, &format!("{UPSTREAM}/wallets/alice/withdraw"))
    });
    for path in [
        format!("{UPSTREAM}/openapi.json"),
        format!("{UPSTREAM}/wallets/alice/stats"),
        "/bff/wallet/api/v1/wallets".to_owned(),
    ] {
        l.refused(404, "route_not_found", || server.get(&read, &path));
    }
}
