//! `ledger reconcile --date`: each wallet's day from the journal (opening, movements by kind,
//! closing), days counted midnight to midnight UTC, other tenants and wallets opened later left
//! out, and a day that does not reconcile named with exit status 7, on either backend.

mod support;

use serde_json::Value;
use support::{s, Ledger};

/// alice and bob (default tenant and application) with a day of everything on 2026-04-15, a
/// deposit on each side of it, carol opened the next day and globex's dave on the day itself.
fn month() -> Ledger {
    let l = Ledger::at("2026-04-14T10:00:00Z");
    l.funded("alice", "1000.00");
    l.ok(&["wallet", "create", "bob"]);
    l.set_clock("2026-04-15T00:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "200.00"]);
    l.set_clock("2026-04-15T09:00:00Z");
    let paid = l.ok(&[
        "wallet",
        "payment",
        "alice",
        "--amount",
        "50",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
    ]);
    l.ok(&["wallet", "withdraw", "alice", "--amount", "100"]);
    l.ok(&["wallet", "freeze", "alice", "--amount", "30"]);
    l.set_clock("2026-04-15T10:00:00Z");
    let payment = s(&paid["data"]["transaction"]["id"]);
    l.ok(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--amount",
        "20",
    ]);
    l.ok(&["wallet", "transfer", "alice", "bob", "--amount", "70"]);
    l.ok(&[
        "--yes", "wallet", "adjust", "bob", "--credit", "5", "--reason", "fee back",
    ]);
    l.ok(&["--yes", "wallet", "adjust", "alice", "--debit", "1", "--reason", "fee"]);
    l.set_clock("2026-04-15T11:00:00Z");
    let deposit = l.ok(&["wallet", "deposit", "bob", "--amount", "10"]);
    let deposit = s(&deposit["data"]["transaction"]["id"]);
    l.ok(&["wallet", "refund", "bob", "--transaction-id", deposit, "--amount", "4"]);
    l.ok(&["--tenant", "globex", "wallet", "create", "dave"]);
    l.ok(&["--tenant", "globex", "wallet", "deposit", "dave", "--amount", "7"]);
    l.set_clock("2026-04-15T23:59:59Z");
    l.ok(&["wallet", "withdraw", "alice", "--amount", "9"]);
    l.set_clock("2026-04-16T00:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "500"]);
    l.ok(&["wallet", "create", "carol"]);
    l
}

fn record<'a>(report: &'a Value, user: &str) -> &'a Value {
    report["data"]["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["user_id"] == user)
        .unwrap_or_else(|| panic!("no record of {user}: {report}"))
}

fn users(report: &Value) -> Vec<&str> {
    report["data"]["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s(&r["user_id"]))
        .collect()
}

#[test]
fn a_day_reports_each_wallets_opening_movements_by_kind_and_closing_from_midnight_to_midnight_utc() {
    let l = month();
    let report = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    let d = &report["data"];
    assert_eq!(
        (
            s(&d["date"]),
            s(&d["tenant_id"]),
            s(&d["application_id"]),
            s(&d["timezone"])
        ),
        ("2026-04-15", "default", "default", "UTC")
    );
    assert_eq!(
        (
            d["wallet_count"].as_u64(),
            d["ok"].as_bool(),
            d["failed_count"].as_u64()
        ),
        (Some(2), Some(true), Some(0))
    );
    assert_eq!(
        users(&report),
        ["alice", "bob"],
        "carol opened the next day; dave is globex's"
    );
    let alice = record(&report, "alice");
    let fields = |r: &Value, names: &[&str]| -> Vec<String> { names.iter().map(|n| r[*n].to_string()).collect() };
    let totals = [
        "opening_balance",
        "total_deposit",
        "total_withdraw",
        "total_payment",
        "total_refund",
        "total_deposit_refund",
        "total_transfer_in",
        "total_transfer_out",
        "total_adjust_credit",
        "total_adjust_debit",
        "closing_balance",
        "transaction_count",
    ];
    // 1000 + 200 (at 00:00:00) - 50 - 100 + 20 - 70 - 1 - 9 (at 23:59:59); the freeze moves nothing.
    assert_eq!(
        fields(alice, &totals),
        [
            r#""1000.00""#,
            r#""200.00""#,
            r#""109.00""#,
            r#""50.00""#,
            r#""20.00""#,
            r#""0.00""#,
            r#""0.00""#,
            r#""70.00""#,
            r#""0.00""#,
            r#""1.00""#,
            r#""990.00""#,
            "8"
        ]
    );
    assert_eq!(
        (alice["ok"].as_bool(), &alice["mismatch"], s(&alice["currency"])),
        (Some(true), &Value::Null, "CNY")
    );
    assert_eq!(alice["wallet_id"], l.wallet("alice")["wallet_id"]);
    let bob = record(&report, "bob");
    assert_eq!(
        fields(bob, &totals),
        [
            r#""0.00""#,
            r#""10.00""#,
            r#""0.00""#,
            r#""0.00""#,
            r#""0.00""#,
            r#""4.00""#,
            r#""70.00""#,
            r#""0.00""#,
            r#""5.00""#,
            r#""0.00""#,
            r#""81.00""#,
            "4"
        ]
    );
    // The day before ends where this one starts; the day after starts where it ends.
    let before = l.ok(&["ledger", "reconcile", "--date", "2026-04-14"]);
    assert_eq!(s(&record(&before, "alice")["closing_balance"]), "1000.00");
    let after = l.ok(&["ledger", "reconcile", "--date", "2026-04-16"]);
    assert_eq!(users(&after), ["alice", "bob", "carol"]);
    assert_eq!(s(&record(&after, "alice")["opening_balance"]), "990.00");
    assert_eq!(s(&record(&after, "alice")["closing_balance"]), "1490.00");
    let globex = l.ok(&["--tenant", "globex", "ledger", "reconcile", "--date", "2026-04-15"]);
    assert_eq!(users(&globex), ["dave"]);
    assert_eq!(s(&record(&globex, "dave")["total_deposit"]), "7.00");
}

#[test]
fn the_report_reads_the_journal_and_changes_nothing_and_csv_has_a_row_per_wallet() {
    let l = month();
    let before = l.snapshot();
    let out = l
        .cmd()
        .args(["-o", "csv", "ledger", "reconcile", "--date", "2026-04-15"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "wallet_id,user_id,currency,opening_balance,closing_balance,total_deposit,total_withdraw,total_refund,\
total_transfer_in,total_transfer_out,total_payment,total_deposit_refund,total_adjust_credit,total_adjust_debit,\
transaction_count,ok,mismatch"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[1].contains(",alice,CNY,1000.00,990.00,200.00,109.00,20.00,0.00,70.00,50.00,0.00,0.00,1.00,8,true,"),
        "{csv}"
    );
    let table = l
        .cmd()
        .args(["ledger", "reconcile", "--date", "2026-04-15"])
        .output()
        .unwrap();
    assert!(table.status.success());
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("USER "), "piped, the header row first:\n{table}");
    assert!(table.contains("990.00") && !table.contains("mismatch"), "{table}");
    assert_eq!(l.snapshot(), before, "a report writes nothing");
    l.verified();
}

#[test]
fn an_entry_edited_by_hand_makes_its_wallets_day_a_mismatch_with_exit_status_7() {
    let l = month();
    let withdrawal =
        l.texts("SELECT id FROM journal_entries WHERE kind = 'withdraw' AND created_at = '2026-04-15T09:00:00Z'");
    let sql = format!(
        "UPDATE journal_entries SET balance_after_minor = balance_after_minor + 1 WHERE id = '{}'",
        withdrawal[0]
    );
    l.edit_behind_the_triggers("journal_entries", &sql);
    let args = ["ledger", "reconcile", "--date", "2026-04-15"];
    let failed = l.fails(&args, 7, "reconciliation_failed");
    let message = s(&failed["message"]);
    assert!(
        message.contains("alice") && message.contains(&withdrawal[0]),
        "{message}"
    );
    assert!(
        message.contains("records 1150.00 → 1050.01; its postings move -100.00"),
        "{message}"
    );
    assert!(!message.contains("bob"), "bob's day still reconciles: {message}");
    // A table and CSV print the whole report, the failure in it, and exit 7 as well.
    let table = l.cmd().args(args).output().unwrap();
    assert_eq!(table.status.code(), Some(7));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("MISMATCH") && text.contains("mismatch: alice ("),
        "{text}"
    );
    let csv = l.cmd().args(["-o", "csv"]).args(args).output().unwrap();
    assert_eq!(csv.status.code(), Some(7));
    assert!(String::from_utf8(csv.stdout).unwrap().contains(",false,"));
    // The other days of the wallet do not hold the edited entry.
    l.ok(&["ledger", "reconcile", "--date", "2026-04-14"]);
}

#[test]
fn a_date_not_written_yyyy_mm_dd_is_refused_with_exit_status_2() {
    let l = month();
    for bad in [
        "2026-4-15",
        "2026-02-30",
        "15.04.2026",
        "2026-04-15T00:00:00Z",
        "yesterday",
    ] {
        let refused = l.fails(&["ledger", "reconcile", "--date", bad], 2, "invalid_request");
        assert!(s(&refused["message"]).contains("YYYY-MM-DD"), "{refused}");
    }
}
