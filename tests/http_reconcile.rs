//! `GET /admin/wallets/reconciliation?date=`: the report `ledger reconcile --date` prints, for
//! the admin token's own tenant and application only; a day that does not reconcile is a 200
//! with `ok: false` and each failure stated, never an error. Both backends
//! (`LEDGERCTL_TEST_BACKEND=postgres`).

mod support;

use serde_json::Value;
use support::server::Server;
use support::{s, Ledger};

const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];
const DAY: &str = "/admin/wallets/reconciliation?date=2026-04-15";

/// acme/shop's alice and bob with a day of movements on 2026-04-15, and globex's and
/// acme/games' own wallets that day.
fn ledger() -> Ledger {
    let l = Ledger::at("2026-04-14T12:00:00Z");
    let acme = |args: &[&str]| l.ok(&[&ACME[..], args].concat());
    acme(&["wallet", "create", "alice"]);
    acme(&["wallet", "create", "bob"]);
    acme(&["wallet", "deposit", "alice", "--amount", "100"]);
    l.set_clock("2026-04-15T08:00:00Z");
    acme(&["wallet", "withdraw", "alice", "--amount", "30"]);
    acme(&["wallet", "transfer", "alice", "bob", "--amount", "20"]);
    for scope in [
        ["--tenant", "globex", "--app", "shop"],
        ["--tenant", "acme", "--app", "games"],
    ] {
        l.ok(&[&scope[..], &["wallet", "create", "zed"]].concat());
        l.ok(&[&scope[..], &["wallet", "deposit", "zed", "--amount", "9"]].concat());
    }
    l
}

fn admin(l: &Ledger, tenant: &str, app: &str) -> String {
    l.token(&["--tenant", tenant, "--app", app, "token", "create", "--scope", "admin"])
}

fn users(data: &Value) -> Vec<&str> {
    data["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s(&r["user_id"]))
        .collect()
}

#[test]
fn the_route_answers_the_report_the_cli_prints_for_the_tokens_tenant_and_application_only() {
    let l = ledger();
    let server = Server::start(&l);
    let answer = server.get(&admin(&l, "acme", "shop"), DAY);
    let data = answer.ok();
    let printed = l.ok(&[&ACME[..], &["ledger", "reconcile", "--date", "2026-04-15"]].concat());
    assert_eq!(data, &printed["data"], "one report for both doors");
    assert_eq!(users(data), ["alice", "bob"]);
    assert_eq!((s(&data["tenant_id"]), s(&data["application_id"])), ("acme", "shop"));
    assert_eq!(
        (&data["ok"], &data["wallet_count"]),
        (&Value::Bool(true), &Value::from(2))
    );
    let alice = &data["records"][0];
    let row: Vec<&str> = [
        "opening_balance",
        "total_withdraw",
        "total_transfer_out",
        "closing_balance",
    ]
    .iter()
    .map(|field| s(&alice[*field]))
    .collect();
    assert_eq!(row, ["100.00", "30.00", "20.00", "50.00"]);
    assert_eq!(s(&data["records"][1]["total_transfer_in"]), "20.00");
    // Under the upstream base path, the same report.
    let upstream = server.get(&admin(&l, "acme", "shop"), &format!("/bff/wallet-service/api/v1{DAY}"));
    assert_eq!(upstream.ok()["records"], data["records"]);
    // Another tenant's or application's admin sees its own wallets, none of acme/shop's.
    for (tenant, app) in [("globex", "shop"), ("acme", "games")] {
        let theirs = server.get(&admin(&l, tenant, app), DAY);
        let data = theirs.ok();
        assert_eq!(users(data), ["zed"], "{tenant}/{app}: {data}");
        assert_eq!((s(&data["tenant_id"]), s(&data["application_id"])), (tenant, app));
    }
}

#[test]
fn a_day_that_does_not_reconcile_is_a_200_naming_the_wallet_and_its_mismatch() {
    let l = ledger();
    let withdrawal = l.texts("SELECT id FROM journal_entries WHERE kind = 'withdraw'");
    l.edit_behind_the_triggers(
        "journal_entries",
        &format!(
            "UPDATE journal_entries SET balance_before_minor = balance_before_minor - 1, balance_after_minor = balance_after_minor - 1 WHERE id = '{}'",
            withdrawal[0]
        ),
    );
    let server = Server::start(&l);
    let answer = server.get(&admin(&l, "acme", "shop"), DAY);
    assert_eq!(answer.status, 200, "a failed day is a report: {}", answer.body);
    let data = answer.ok();
    assert_eq!(
        (&data["ok"], &data["failed_count"]),
        (&Value::Bool(false), &Value::from(1))
    );
    let alice = &data["records"][0];
    assert_eq!(alice["ok"], false);
    assert_eq!(
        s(&alice["mismatch"]),
        format!(
            "{} (withdraw) starts from 99.99; the postings before it leave 100.00",
            withdrawal[0]
        )
    );
    assert_eq!(
        (&data["records"][1]["ok"], &data["records"][1]["mismatch"]),
        (&Value::Bool(true), &Value::Null)
    );
}

#[test]
fn a_missing_or_malformed_date_or_an_unknown_parameter_is_400_and_other_scopes_are_refused() {
    let l = ledger();
    let server = Server::start(&l);
    let token = admin(&l, "acme", "shop");
    for query in [
        "",
        "?date=",
        "?date=2026-4-15",
        "?date=2026-02-30",
        "?date=2026-04-15&date=2026-04-16",
        "?day=2026-04-15",
    ] {
        let before = l.snapshot();
        let answer = server.get(&token, &format!("/admin/wallets/reconciliation{query}"));
        answer.is_error(400, "invalid_request");
        assert_eq!(l.snapshot(), before);
    }
    let read = l.token(&[
        "--tenant", "acme", "--app", "shop", "token", "create", "--scope", "read",
    ]);
    server.get(&read, DAY).is_error(403, "forbidden");
    server.request("GET", DAY, &[], None).is_error(401, "unauthenticated");
}
