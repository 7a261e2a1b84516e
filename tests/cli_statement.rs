//! `ledger reconcile --statement FILE.csv`: a provider's statement matched against the
//! settlement entries of --tenant/--app's wallets by reference and signed amount; unmatched
//! lines and entries are exit 4, a bad file exit 2 naming the line with nothing matched, on
//! either backend.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{s, Ledger};

/// alice's settlement movements on 2026-04-01 and 04-02 (references dep-1, dep-2, wd-1 and the
/// refunds rf-1 of wd-1 and rf-2 of dep-2), a payment and a transfer (no settlement posting),
/// globex's own dep-1, and dep-3 on 04-03.
fn ledger() -> Ledger {
    let l = Ledger::at("2026-04-01T09:00:00Z");
    l.ok(&["wallet", "create", "alice"]);
    l.ok(&["wallet", "create", "bob"]);
    l.ok(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "100.00",
        "--reference-id",
        "dep-1",
    ]);
    let dep2 = l.ok(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "50.00",
        "--reference-id",
        "dep-2",
    ]);
    l.set_clock("2026-04-02T23:59:59Z");
    let wd1 = l.ok(&[
        "wallet",
        "withdraw",
        "alice",
        "--amount",
        "30.00",
        "--reference-id",
        "wd-1",
    ]);
    let refund = |original: &Value, amount: &str, reference: &str| {
        let id = s(&original["data"]["transaction"]["id"]);
        l.ok(&[
            "wallet",
            "refund",
            "alice",
            "--transaction-id",
            id,
            "--amount",
            amount,
            "--reference-id",
            reference,
        ]);
    };
    refund(&wd1, "10.00", "rf-1");
    refund(&dep2, "5.00", "rf-2");
    l.ok(&[
        "wallet",
        "payment",
        "alice",
        "--amount",
        "1",
        "--counterparty",
        "m",
        "--new-counterparty",
    ]);
    l.ok(&["wallet", "transfer", "alice", "bob", "--amount", "2"]);
    l.ok(&["--tenant", "globex", "wallet", "create", "zed"]);
    l.ok(&[
        "--tenant",
        "globex",
        "wallet",
        "deposit",
        "zed",
        "--amount",
        "9",
        "--reference-id",
        "dep-1",
    ]);
    l.set_clock("2026-04-03T00:00:00Z");
    l.ok(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "7.00",
        "--reference-id",
        "dep-3",
    ]);
    l
}

/// A statement file beside the ledger (kept as long as the test's temporary folder).
fn statement(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const EVERY_LINE: &str = "date,amount,reference,memo\n\
2026-04-01,100.00,dep-1,first\n\
2026-04-01,50,dep-2,\n\
2026-04-02,-30.00,wd-1,payout\n\
2026-04-02T23:59:59Z,10.00,rf-1,\n\
2026-04-02,-5.00,rf-2,\n";

fn rows(report: &Value) -> Vec<(String, String)> {
    report["data"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                s(&r["status"]).to_owned(),
                r["reference"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_statement_of_every_settlement_movement_matches_by_reference_and_signed_amount() {
    let l = ledger();
    let (_dir, path) = statement(EVERY_LINE);
    let before = l.snapshot();
    let report = l.ok(&["ledger", "reconcile", "--statement", path.to_str().unwrap()]);
    let d = &report["data"];
    assert_eq!(
        (s(&d["from"]), s(&d["to"]), s(&d["currency"])),
        ("2026-04-01", "2026-04-02", "CNY")
    );
    assert_eq!(
        (d["ok"].as_bool(), d["matched"].as_u64(), d["outside_period"].as_u64()),
        (Some(true), Some(5), Some(0))
    );
    let first = &d["rows"][0];
    assert_eq!(
        (
            s(&first["statement_amount"]),
            s(&first["ledger_amount"]),
            s(&first["type"])
        ),
        ("100.00", "100.00", "deposit")
    );
    assert_eq!((first["line"].as_u64(), s(&first["user_id"])), (Some(2), "alice"));
    assert_eq!(
        s(&d["rows"][4]["ledger_amount"]),
        "-5.00",
        "a refund of a deposit pays out"
    );
    assert_eq!(l.snapshot(), before, "matching writes nothing");
}

#[test]
fn unmatched_lines_and_entries_and_other_amounts_are_each_named_with_exit_status_4() {
    let l = ledger();
    let (_dir, path) = statement(
        "date,amount,reference\n\
         2026-04-01,100.00,dep-1\n\
         2026-04-02,-30.01,wd-1\n\
         2026-04-02,10.00,rf-1\n\
         2026-04-02,-5.00,rf-2\n\
         2026-04-02,12.00,bank-fee\n",
    );
    let file = path.to_str().unwrap();
    let failed = l.fails(&["ledger", "reconcile", "--statement", file], 4, "statement_unmatched");
    assert_eq!(
        s(&failed["message"]),
        "the statement does not match the ledger: 3 matched, 1 missing in the ledger, 1 missing in the statement, \
         1 amount mismatch(es): line 3 (wd-1) / txn_#0000000000000000000000004: amount_mismatch; line 6 (bank-fee): \
         missing_in_ledger; txn_#0000000000000000000000003: missing_in_statement"
            .replace("txn_#0000000000000000000000004", &id_of(&l, "wd-1"))
            .replace("txn_#0000000000000000000000003", &id_of(&l, "dep-2"))
    );
    let csv = l
        .cmd()
        .args(["-o", "csv", "ledger", "reconcile", "--statement", file])
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(4));
    let csv = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "status,reference,date,statement_amount,ledger_amount,line,transaction_id,type,user_id"
    );
    assert!(
        lines[2].starts_with("amount_mismatch,wd-1,2026-04-02,-30.01,-30.00,3,txn_"),
        "{csv}"
    );
    assert!(
        lines[5].starts_with("missing_in_ledger,bank-fee,2026-04-02,12.00,,6,,,"),
        "{csv}"
    );
    assert!(
        lines[6].starts_with("missing_in_statement,dep-2,2026-04-01,,50.00,,txn_"),
        "{csv}"
    );
    let table = l
        .cmd()
        .args(["ledger", "reconcile", "--statement", file])
        .output()
        .unwrap();
    assert_eq!(table.status.code(), Some(4));
    assert!(String::from_utf8(table.stdout).unwrap().starts_with("STATUS "));
}

fn id_of(l: &Ledger, reference: &str) -> String {
    l.texts(&format!("SELECT id FROM journal_entries WHERE reference_id = '{reference}' AND wallet_id IN (SELECT id FROM wallets WHERE tenant_id = 'default')"))[0].clone()
}

#[test]
fn from_and_to_choose_the_period_and_lines_outside_it_are_left_out() {
    let l = ledger();
    let (_dir, path) = statement(EVERY_LINE);
    let file = path.to_str().unwrap();
    // Through 04-03: dep-3 is in the ledger's period and not on the statement.
    let failed = l.fails(
        &["ledger", "reconcile", "--statement", file, "--to", "2026-04-03"],
        4,
        "statement_unmatched",
    );
    assert!(s(&failed["message"]).ends_with(": missing_in_statement"), "{failed}");
    let report = l
        .cmd()
        .args([
            "-o",
            "json",
            "ledger",
            "reconcile",
            "--statement",
            file,
            "--from",
            "2026-04-02",
        ])
        .output()
        .unwrap();
    assert_eq!(
        report.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&report.stdout)
    );
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(report["data"]["outside_period"], 2, "{report}");
    assert_eq!(
        rows(&report).iter().map(|(_, r)| r.as_str()).collect::<Vec<_>>(),
        ["wd-1", "rf-1", "rf-2"]
    );
    let late = l.fails(
        &[
            "ledger",
            "reconcile",
            "--statement",
            file,
            "--from",
            "2026-04-03",
            "--to",
            "2026-04-03",
        ],
        4,
        "statement_unmatched",
    );
    assert!(
        s(&late["message"]).ends_with(&format!("0 matched, 0 missing in the ledger, 1 missing in the statement, 0 amount mismatch(es): {}: missing_in_statement", id_of(&l, "dep-3"))),
        "{late}"
    );
}

#[test]
fn columns_are_found_by_the_names_given_in_a_file_with_a_bom_and_crlf_lines() {
    let l = ledger();
    let (_dir, path) = statement(
        "\u{feff}Booked,Ref,Value\r\n2026-04-01,dep-1,100.00\r\n2026-04-01,dep-2,50.00\r\n2026-04-02,wd-1,-30\r\n2026-04-02,rf-1,10\r\n2026-04-02,rf-2,-5\r\n",
    );
    let file = path.to_str().unwrap();
    let args = [
        "ledger",
        "reconcile",
        "--statement",
        file,
        "--date-column",
        "Booked",
        "--amount-column",
        "Value",
        "--reference-column",
        "Ref",
    ];
    assert_eq!(l.ok(&args)["data"]["matched"], 5);
    // Amounts are read in --currency: 100.00 is not a JPY amount, and a JPY statement is matched
    // against assets:settlement:JPY alone (alice's entries are CNY).
    let jpy = [&args[..], &["--currency", "jpy"]].concat();
    let refused = l.fails(&jpy, 2, "invalid_request");
    assert!(
        s(&refused["message"]).contains("line 2: invalid amount \"100.00\": JPY"),
        "{refused}"
    );
    let (_yen, yen) = statement("date,amount,reference\n2026-04-01,100,dep-1\n");
    let failed = l.fails(
        &[
            "ledger",
            "reconcile",
            "--statement",
            yen.to_str().unwrap(),
            "--currency",
            "JPY",
        ],
        4,
        "statement_unmatched",
    );
    assert!(
        s(&failed["message"]).contains("0 matched, 1 missing in the ledger, 0 missing in the statement"),
        "{failed}"
    );
}

#[test]
fn a_bad_statement_is_exit_2_naming_its_line_and_nothing_is_matched() {
    let l = ledger();
    for (text, named) in [
        ("date,amount\n2026-04-01,1.00\n", "line 1"),
        ("date,amount,reference\n2026-04-01,1.001,a\n", "line 2"),
        (
            "date,amount,reference\n2026-04-01,1.00,a\n2026-04-01,+1.00,b\n",
            "line 3",
        ),
        ("date,amount,reference\n2026-04-01,1.00,a\n2026-04-01,1e3,b\n", "line 3"),
        ("date,amount,reference\n04/01/2026,1.00,a\n", "line 2"),
        ("date,amount,reference\n2026-04-01,1.00\n", "line 2"),
        ("date,amount,reference\n", "statement"),
    ] {
        let (_dir, path) = statement(text);
        let refused = l.fails(
            &["ledger", "reconcile", "--statement", path.to_str().unwrap()],
            2,
            "invalid_request",
        );
        assert!(s(&refused["message"]).contains(named), "{text:?}: {refused}");
    }
    l.fails(
        &["ledger", "reconcile", "--statement", "/nonexistent/statement.csv"],
        2,
        "invalid_request",
    );
    let (_dir, path) = statement(EVERY_LINE);
    l.fails(
        &[
            "ledger",
            "reconcile",
            "--statement",
            path.to_str().unwrap(),
            "--currency",
            "XXX",
        ],
        2,
        "invalid_request",
    );
    l.fails(
        &[
            "ledger",
            "reconcile",
            "--statement",
            path.to_str().unwrap(),
            "--from",
            "2026-04-05",
            "--to",
            "2026-04-01",
        ],
        2,
        "invalid_request",
    );
}
