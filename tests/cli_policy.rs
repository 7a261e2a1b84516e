//! Policies from the command line (issue 13): `policy show|set|clear|history`, and every limit
//! enforced by the rules themselves, so a command, a batch line and a route obey alike. Each
//! rule at its boundary: exactly the limit passes, one minor unit over is refused and writes
//! nothing; days and months counted in the policy's timezone. Runs on SQLite, and on
//! PostgreSQL with `LEDGERCTL_TEST_BACKEND=postgres`.

mod support;

use serde_json::Value;
use support::{s, Ledger};

fn set(l: &Ledger, args: &[&str]) -> Value {
    l.ok(&[&["policy", "set"][..], args].concat())
}

fn withdraw(l: &Ledger, user: &str, amount: &str) -> Value {
    l.ok(&["wallet", "withdraw", user, "--amount", amount])
}

/// `wallet capture alice` of `amount` of the hold `freeze`, to the settlement.
fn capture<'a>(freeze: &'a str, amount: &'a str) -> [&'a str; 7] {
    ["wallet", "capture", "alice", "--freeze-id", freeze, "--amount", amount]
}

fn refused_withdrawal(l: &Ledger, user: &str, amount: &str, error: &str) -> String {
    let e = l.fails(&["wallet", "withdraw", user, "--amount", amount], 5, error);
    s(&e["message"]).to_owned()
}

#[test]
fn without_a_policy_the_default_holds_and_set_changes_only_the_given_fields() {
    let l = Ledger::new();
    let shown = l.ok(&["policy", "show"]);
    let data = &shown["data"];
    assert_eq!(data["daily_withdraw_limit"], "0.00");
    assert_eq!(data["supported_currencies"], "");
    assert_eq!(
        (&data["transfer_enabled"], &data["timezone"]),
        (&Value::Bool(true), &Value::from("UTC"))
    );
    let first = set(&l, &["--daily-withdraw-limit", "100", "--timezone", "Asia/Shanghai"]);
    assert_eq!(first["message"], "policy set");
    let second = set(&l, &["--max-balance", "50.5"]);
    let data = &second["data"];
    assert_eq!(data["daily_withdraw_limit"], "100.00", "kept: {data}");
    assert_eq!(data["timezone"], "Asia/Shanghai", "kept: {data}");
    assert_eq!(data["max_balance"], "50.50");
    assert_eq!(l.ok(&["policy", "show"])["data"], *data);
    // The same values again change nothing and record nothing.
    assert_eq!(set(&l, &["--max-balance", "50.50"])["message"], "unchanged");
    let cleared = l.ok(&["policy", "clear"]);
    assert_eq!(cleared["message"], "policy cleared");
    assert_eq!(cleared["data"]["daily_withdraw_limit"], "0.00");
    assert_eq!(l.ok(&["policy", "clear"])["message"], "unchanged");
    // Another tenant's and application's policy is its own.
    set(&l, &["--min-withdraw-amount", "5"]);
    let other = l.ok(&["--tenant", "globex", "policy", "show"]);
    assert_eq!(other["data"]["min_withdraw_amount"], "0.00");
    l.verified();
}

#[test]
fn history_lists_every_change_newest_first_with_old_and_new_and_who() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    set(&l, &["--daily-withdraw-limit", "100"]);
    l.set_clock("2026-04-15T11:00:00Z");
    set(&l, &["--daily-withdraw-limit", "200", "--transfer-enabled", "false"]);
    l.ok(&["policy", "clear"]);
    let history = l.ok(&["policy", "history"]);
    assert_eq!(history["total"], 3);
    let items = history["items"].as_array().unwrap();
    assert_eq!(items[0]["action"], "clear");
    assert_eq!(items[0]["new_policy"], Value::Null);
    assert_eq!(items[1]["changed"], "daily_withdraw_limit,transfer_enabled");
    assert_eq!(items[1]["old_policy"], items[2]["new_policy"]);
    assert_eq!(items[2]["old_policy"], Value::Null);
    assert_eq!(items[2]["created_at"], "2026-04-15T10:00:00Z");
    assert_eq!(items[2]["changed_by"], "cli:tester");
    let csv = l.cmd().args(["-o", "csv", "policy", "history"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with(
            "seq,tenant_id,application_id,action,changed,old_policy,new_policy,changed_by,created_at,hash\n"
        ),
        "{text}"
    );
    assert_eq!(text.lines().count(), 4, "{text}");
    l.verified();
}

#[test]
fn bad_policy_values_are_refused_and_record_nothing() {
    let l = Ledger::new();
    for (args, exit, error) in [
        (["--daily-withdraw-limit", "1e3"], 5, "invalid_amount"),
        (["--daily-withdraw-limit", "-0"], 5, "invalid_amount"),
        (["--max-balance", "100000000000000.001"], 5, "invalid_amount"),
        (["--max-balance", "99999999999999999999999999"], 5, "invalid_amount"),
        (["--min-withdraw-amount", "0.0001"], 5, "invalid_amount"),
        (["--timezone", "Mars/Olympus"], 2, "invalid_request"),
        (["--supported-currencies", "CNY,XXX"], 2, "invalid_request"),
        (["--auto-approve-limit", "1e3"], 5, "invalid_amount"),
    ] {
        l.fails(&[&["policy", "set"][..], &args[..]].concat(), exit, error);
    }
    l.fails(&["policy", "set"], 2, "invalid_request");
    assert_eq!(l.number("SELECT COUNT(*) FROM policy_changes"), 0);
    // Review off is what holds already: accepted, nothing to record.
    assert_eq!(
        set(&l, &["--withdrawal-require-review", "false"])["message"],
        "unchanged"
    );
}

#[test]
fn the_minimum_withdrawal_passes_exactly_and_refuses_one_minor_unit_under() {
    let l = Ledger::new();
    l.funded("alice", "100");
    set(&l, &["--min-withdraw-amount", "10"]);
    let message = refused_withdrawal(&l, "alice", "9.99", "below_min_withdraw");
    assert!(message.contains("minimum withdrawal of 10.00 CNY"), "{message}");
    withdraw(&l, "alice", "10.00");
}

#[test]
fn a_daily_limit_passes_exactly_and_refuses_one_minor_unit_over_stating_used_and_remaining() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.funded("alice", "1000");
    set(&l, &["--daily-withdraw-limit", "100"]);
    withdraw(&l, "alice", "60");
    let message = refused_withdrawal(&l, "alice", "40.01", "daily_limit_exceeded");
    for part in [
        "daily withdrawal limit of 100.00 CNY",
        "60.00 CNY already withdrawn today (UTC)",
        "40.00 CNY remains",
    ] {
        assert!(message.contains(part), "{message}");
    }
    withdraw(&l, "alice", "40.00");
    refused_withdrawal(&l, "alice", "0.01", "daily_limit_exceeded");
    // The limit is per wallet.
    l.funded("bob", "1000");
    withdraw(&l, "bob", "100");
}

#[test]
fn a_day_starts_at_midnight_in_the_policy_timezone() {
    // 15:59:59 UTC is 23:59:59 in Shanghai; a second later its next day starts, not UTC's.
    let l = Ledger::at("2026-04-15T15:59:59Z");
    l.funded("alice", "1000");
    set(&l, &["--daily-withdraw-limit", "100", "--timezone", "Asia/Shanghai"]);
    withdraw(&l, "alice", "100");
    refused_withdrawal(&l, "alice", "0.01", "daily_limit_exceeded");
    l.set_clock("2026-04-15T16:00:00Z");
    withdraw(&l, "alice", "100");
    // Under UTC the same two instants are one day: the second withdrawal would not pass.
    let m = Ledger::at("2026-04-15T15:59:59Z");
    m.funded("alice", "1000");
    set(&m, &["--daily-withdraw-limit", "100"]);
    withdraw(&m, "alice", "100");
    m.set_clock("2026-04-15T16:00:00Z");
    refused_withdrawal(&m, "alice", "100", "daily_limit_exceeded");
}

#[test]
fn a_monthly_limit_counts_the_policy_timezones_month_and_starts_again_with_the_next() {
    // New York is UTC-4 in April: its April ends at 2026-05-01T03:59:59Z.
    let l = Ledger::at("2026-04-01T04:00:00Z");
    l.funded("alice", "1000");
    set(
        &l,
        &["--monthly-withdraw-limit", "150", "--timezone", "America/New_York"],
    );
    withdraw(&l, "alice", "100");
    l.set_clock("2026-05-01T03:59:59Z");
    withdraw(&l, "alice", "50");
    let message = refused_withdrawal(&l, "alice", "0.01", "monthly_limit_exceeded");
    assert!(
        message.contains("150.00 CNY already withdrawn this month (America/New_York)"),
        "{message}"
    );
    l.set_clock("2026-05-01T04:00:00Z");
    withdraw(&l, "alice", "150");
}

/// A hold captured to the settlement is a withdrawal: the minimum and the limits hold for it,
/// and it counts against them; captured to a counterparty it is a payment, which they do not
/// limit. A refused capture writes nothing and leaves the hold active.
#[test]
fn a_capture_to_the_settlement_obeys_and_counts_against_the_withdrawal_limits() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.funded("alice", "1000");
    set(&l, &["--daily-withdraw-limit", "100", "--min-withdraw-amount", "5"]);
    let hold = |amount: &str| {
        let held = l.ok(&["wallet", "freeze", "alice", "--amount", amount]);
        s(&held["data"]["freeze"]["id"]).to_owned()
    };
    let big = hold("150");
    let before = l.snapshot();
    l.fails(&capture(&big, "100.01"), 5, "daily_limit_exceeded");
    l.fails(&capture(&big, "4.99"), 5, "below_min_withdraw");
    assert_eq!(l.snapshot(), before, "a refused capture writes nothing");
    l.ok(&capture(&big, "60"));
    // The 60.00 captured counts: 40.00 remains for withdrawals and captures alike.
    refused_withdrawal(&l, "alice", "40.01", "daily_limit_exceeded");
    let small = hold("50");
    l.fails(&capture(&small, "40.01"), 5, "daily_limit_exceeded");
    // To a counterparty it is a payment: no withdrawal limit applies, and it counts for none.
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &small,
        "--counterparty",
        "shop",
        "--new-counterparty",
    ]);
    withdraw(&l, "alice", "40.00");
    l.verified();
}

#[test]
fn a_refunded_withdrawal_does_not_give_its_limit_back() {
    let l = Ledger::new();
    l.funded("alice", "1000");
    set(&l, &["--daily-withdraw-limit", "100"]);
    let id = s(&withdraw(&l, "alice", "100")["data"]["transaction"]["id"]).to_owned();
    l.ok(&["wallet", "refund", "alice", "--transaction-id", &id]);
    refused_withdrawal(&l, "alice", "0.01", "daily_limit_exceeded");
}

#[test]
fn max_balance_passes_exactly_refuses_one_minor_unit_over_and_counts_incoming_transfers() {
    let l = Ledger::new();
    l.funded("alice", "90");
    l.funded("bob", "50");
    set(&l, &["--max-balance", "100"]);
    let over = l.fails(
        &["wallet", "deposit", "alice", "--amount", "10.01"],
        5,
        "max_balance_exceeded",
    );
    assert!(s(&over["message"]).contains("max_balance of 100.00 CNY"), "{over}");
    l.ok(&["wallet", "deposit", "alice", "--amount", "10"]);
    l.fails(
        &["wallet", "transfer", "bob", "alice", "--amount", "0.01"],
        5,
        "max_balance_exceeded",
    );
    // Corrections are not inflows a policy limits: an operator's credit adjustment still lands.
    l.ok(&[
        "--yes",
        "wallet",
        "adjust",
        "alice",
        "--credit",
        "1",
        "--reason",
        "correction",
    ]);
    assert_eq!(l.wallet("alice")["balance"], "101.00");
    l.verified();
}

#[test]
fn a_transfer_is_refused_while_the_policy_disables_transfers() {
    let l = Ledger::new();
    l.funded("alice", "90");
    l.ok(&["wallet", "create", "bob"]);
    set(&l, &["--transfer-enabled", "false"]);
    let e = l.fails(
        &["wallet", "transfer", "alice", "bob", "--amount", "1"],
        5,
        "transfer_disabled",
    );
    assert!(s(&e["message"]).contains("transfers are disabled"), "{e}");
    set(&l, &["--transfer-enabled", "true"]);
    l.ok(&["wallet", "transfer", "alice", "bob", "--amount", "1"]);
}

#[test]
fn a_wallet_in_a_currency_the_policy_does_not_support_cannot_be_opened_but_old_ones_keep_working() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "yuki", "--currency", "JPY"]);
    set(&l, &["--supported-currencies", "CNY,USD"]);
    let e = l.fails(
        &["wallet", "create", "ken", "--currency", "JPY"],
        5,
        "currency_not_allowed",
    );
    assert!(s(&e["message"]).contains("supported: CNY,USD"), "{e}");
    l.ok(&["wallet", "create", "sam", "--currency", "USD"]);
    l.ok(&["wallet", "deposit", "yuki", "--amount", "500"]);
    l.ok(&["wallet", "withdraw", "yuki", "--amount", "100"]);
}

#[test]
fn batch_lines_obey_the_policy_line_by_line() {
    let l = Ledger::new();
    l.funded("alice", "1000");
    set(&l, &["--daily-withdraw-limit", "100"]);
    let file = l.db.with_file_name("lines.jsonl");
    std::fs::write(
        &file,
        "{\"op\":\"withdraw\",\"user_id\":\"alice\",\"amount\":\"70\"}\n\
         {\"op\":\"withdraw\",\"user_id\":\"alice\",\"amount\":\"30.01\"}\n\
         {\"op\":\"withdraw\",\"user_id\":\"alice\",\"amount\":\"30\"}\n",
    )
    .unwrap();
    let out = l.cmd().args(["batch"]).arg(&file).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[1]["error"], "daily_limit_exceeded", "{text}");
    assert_eq!(l.wallet("alice")["balance"], "900.00");
}

#[test]
fn verify_catches_a_policy_change_edited_by_hand() {
    let l = Ledger::new();
    set(&l, &["--daily-withdraw-limit", "100"]);
    set(&l, &["--daily-withdraw-limit", "200"]);
    l.verified();
    l.edit_behind_the_triggers(
        "policy_changes",
        "UPDATE policy_changes SET new_policy = replace(new_policy, '200.00', '900.00') WHERE seq = 2",
    );
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(run.code, 7, "{}", run.json);
    let message = s(&run.json["message"]);
    assert!(
        message.contains("policy change seq 2 does not match its hash"),
        "{message}"
    );
}

#[test]
fn the_database_refuses_to_update_or_delete_a_policy_change() {
    let l = Ledger::new();
    set(&l, &["--daily-withdraw-limit", "100"]);
    for sql in ["UPDATE policy_changes SET actor = 'x'", "DELETE FROM policy_changes"] {
        let refused = match &l.postgres {
            Some(database) => database.client().batch_execute(sql).map_err(|e| match e.as_db_error() {
                Some(db) => db.message().to_owned(),
                None => e.to_string(),
            }),
            None => l.sqlite().execute_batch(sql).map_err(|e| e.to_string()),
        };
        let e = refused.expect_err("refused");
        assert!(e.contains("policy_changes is append-only"), "{e}");
    }
}

#[test]
fn a_reconciliation_day_runs_from_midnight_to_midnight_in_the_policy_timezone() {
    // 17:00 UTC on the 15th is 01:00 on the 16th in Shanghai.
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.ok(&["wallet", "create", "alice"]);
    l.set_clock("2026-04-15T17:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "5"]);
    let utc = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    assert_eq!(utc["data"]["timezone"], "UTC");
    assert_eq!(utc["data"]["records"][0]["total_deposit"], "5.00", "{utc}");
    set(&l, &["--timezone", "Asia/Shanghai"]);
    let day = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    assert_eq!(day["data"]["timezone"], "Asia/Shanghai");
    assert_eq!(day["data"]["records"][0]["total_deposit"], "0.00", "{day}");
    let next = l.ok(&["ledger", "reconcile", "--date", "2026-04-16"]);
    assert_eq!(next["data"]["records"][0]["total_deposit"], "5.00", "{next}");
    assert_eq!(next["data"]["records"][0]["opening_balance"], "0.00", "{next}");
}
