//! `wallet capture USER --freeze-id F` and batch `capture` lines: a hold posted whole or in
//! part as a withdrawal or a payment in one entry, the freeze ended once, every refusal with
//! its exit code and error leaving the ledger exactly as it was, replays, refunds of a capture,
//! racing captures, and the day still reconciling. On whichever backend the tests run on.

mod support;

use std::sync::{Arc, Barrier};
use std::thread;

use serde_json::Value;
use support::{s, Ledger};

/// alice holds 100.00 CNY, 50.00 of it frozen; the freeze's id.
fn held() -> (Ledger, String) {
    let l = Ledger::new();
    l.funded("alice", "100.00");
    let id = freeze(&l, "alice", "50.00");
    (l, id)
}

fn freeze(l: &Ledger, user: &str, amount: &str) -> String {
    let frozen = l.ok(&["wallet", "freeze", user, "--amount", amount]);
    s(&frozen["data"]["freeze"]["id"]).to_owned()
}

fn balances(l: &Ledger, user: &str) -> (String, String, String) {
    let w = l.wallet(user);
    let field = |k: &str| s(&w[k]).to_owned();
    (field("balance"), field("frozen_balance"), field("available_balance"))
}

fn postings(l: &Ledger, transaction_id: &str) -> Vec<Vec<Option<String>>> {
    l.rows(&format!(
        "SELECT p.account, CAST(p.amount_minor AS TEXT) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq \
         WHERE e.id = '{transaction_id}' ORDER BY p.idx"
    ))
}

fn row(cells: &[&str]) -> Vec<Option<String>> {
    cells.iter().map(|c| Some((*c).to_owned())).collect()
}

#[test]
fn a_part_capture_withdraws_the_amount_and_releases_the_rest_in_one_entry() {
    let (l, freeze_id) = held();
    let wallet_id = s(&l.wallet("alice")["wallet_id"]).to_owned();
    let captured = l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--amount",
        "30.00",
        "--description",
        "order 7 shipped",
        "--reference-id",
        "c-1",
    ]);
    let d = &captured["data"];
    let t = &d["transaction"];
    assert_eq!((s(&t["type"]), s(&t["amount"])), ("capture", "30.00"));
    assert_eq!((s(&t["balance_before"]), s(&t["balance_after"])), ("100.00", "70.00"));
    assert_eq!(
        (s(&t["freeze_id"]), &t["counterparty_id"]),
        (freeze_id.as_str(), &Value::Null)
    );
    assert_eq!(s(&t["refunded_amount"]), "0.00", "a capture is refundable");
    assert_eq!(
        (s(&d["freeze"]["status"]), s(&d["freeze"]["captured_amount"])),
        ("captured", "30.00")
    );
    assert_eq!(d["freeze"]["captured_at"], t["created_at"]);
    assert_eq!(d["freeze"]["released_at"], Value::Null);
    assert_eq!(balances(&l, "alice"), ("70.00".into(), "0.00".into(), "70.00".into()));
    assert_eq!(
        postings(&l, s(&t["id"])),
        [
            row(&[&format!("liabilities:wallet:{wallet_id}:frozen"), "5000"]),
            row(&["assets:settlement:CNY", "-3000"]),
            row(&[&format!("liabilities:wallet:{wallet_id}:available"), "-2000"]),
        ]
    );
    let shown = l.ok(&["freeze", "show", &freeze_id]);
    assert_eq!(s(&shown["data"]["freeze"]["captured_amount"]), "30.00");
    let listed = l.ok(&["wallet", "freezes", "alice", "--status", "captured"]);
    assert_eq!(
        (listed["total"].as_u64(), &listed["items"][0]["id"]),
        (Some(1), &shown["data"]["freeze"]["id"])
    );
    // The same capture again replays it; other fields under its reference are a conflict.
    let again = l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--amount",
        "30",
        "--description",
        "order 7 shipped",
        "--reference-id",
        "c-1",
    ]);
    assert_eq!(
        (s(&again["message"]), &again["data"]["transaction"]["id"]),
        ("replayed", &t["id"])
    );
    l.fails(
        &[
            "wallet",
            "capture",
            "alice",
            "--freeze-id",
            &freeze_id,
            "--amount",
            "20",
            "--reference-id",
            "c-1",
        ],
        4,
        "reference_conflict",
    );
    l.verified();
}

#[test]
fn a_whole_capture_to_a_counterparty_is_a_payment_and_its_table_names_the_freeze() {
    let (l, freeze_id) = held();
    l.fails(
        &[
            "wallet",
            "capture",
            "alice",
            "--freeze-id",
            &freeze_id,
            "--counterparty",
            "mch_new",
        ],
        3,
        "counterparty_not_found",
    );
    let args = [
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--counterparty",
        "mch_new",
        "--new-counterparty",
    ];
    let table = l.cmd().args(["-o", "table"]).args(args).output().expect("runs");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(table.status.success(), "{text}");
    let rows: Vec<Vec<&str>> = text.lines().map(|x| x.split_whitespace().collect()).collect();
    for expected in [
        vec!["type", "capture"],
        vec!["counterparty", "mch_new"],
        vec!["freeze", freeze_id.as_str()],
        vec!["captured", "50.00"],
    ] {
        assert!(rows.contains(&expected), "{expected:?} in:\n{text}");
    }
    assert_eq!(balances(&l, "alice"), ("50.00".into(), "0.00".into(), "50.00".into()));
    let history = l.ok(&["wallet", "history", "alice", "--type", "capture"]);
    let t = &history["items"][0];
    assert_eq!((s(&t["amount"]), s(&t["counterparty_id"])), ("50.00", "mch_new"));
    // A payment to it since needs no permission: the capture paid it.
    l.ok(&[
        "wallet",
        "payment",
        "alice",
        "--amount",
        "1.00",
        "--counterparty",
        "mch_new",
    ]);
    l.verified();
}

#[test]
fn a_freeze_ends_once_released_or_captured() {
    let (l, freeze_id) = held();
    l.ok(&["wallet", "unfreeze", "alice", "--freeze-id", &freeze_id]);
    let refused = l.fails(
        &["wallet", "capture", "alice", "--freeze-id", &freeze_id],
        4,
        "freeze_not_active",
    );
    assert!(s(&refused["message"]).contains("already released"), "{refused}");
    let other = freeze(&l, "alice", "10.00");
    l.ok(&["wallet", "capture", "alice", "--freeze-id", &other, "--amount", "4.00"]);
    let twice = l.fails(
        &["wallet", "capture", "alice", "--freeze-id", &other],
        4,
        "freeze_not_active",
    );
    assert!(s(&twice["message"]).contains("already captured"), "{twice}");
    l.fails(
        &["wallet", "unfreeze", "alice", "--freeze-id", &other],
        4,
        "freeze_not_active",
    );
    l.verified();
}

#[test]
fn every_refusal_has_its_exit_code_and_error_and_changes_nothing() {
    let (l, freeze_id) = held();
    l.funded("bob", "10.00");
    let bobs = freeze(&l, "bob", "5.00");
    let capture = |user: &str, id: &str, amount: &str| -> Vec<String> {
        ["wallet", "capture", user, "--freeze-id", id, "--amount", amount]
            .map(str::to_owned)
            .to_vec()
    };
    let run = |args: Vec<String>, exit, error| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        l.fails(&args, exit, error);
    };
    run(capture("alice", &bobs, "1"), 3, "freeze_not_found");
    run(capture("alice", "frz_abc123", "1"), 3, "freeze_not_found");
    run(capture("nobody", &freeze_id, "1"), 3, "wallet_not_found");
    run(capture("alice", &freeze_id, "50.01"), 5, "exceeds_held_amount");
    for bad in ["-0", "1e3", "0.001", "0", "0.00", "+1", " 1"] {
        run(capture("alice", &freeze_id, bad), 5, "invalid_amount");
    }
    run(capture("alice", "", "1"), 2, "invalid_request");
    l.ok(&["--yes", "wallet", "status", "alice", "frozen", "--reason", "kyc"]);
    run(capture("alice", &freeze_id, "1"), 4, "wallet_not_active");
    // A frozen wallet's hold can still be released.
    l.ok(&["wallet", "unfreeze", "alice", "--freeze-id", &freeze_id]);
    l.verified();
}

#[test]
fn a_capture_is_refundable_up_to_its_captured_amount_back_to_available() {
    let (l, freeze_id) = held();
    let captured = l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--amount",
        "30.00",
    ]);
    let id = s(&captured["data"]["transaction"]["id"]).to_owned();
    l.fails(
        &[
            "wallet",
            "refund",
            "alice",
            "--transaction-id",
            &id,
            "--amount",
            "30.01",
        ],
        5,
        "exceeds_refundable_amount",
    );
    let refund = l.ok(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        &id,
        "--amount",
        "10.00",
    ]);
    assert_eq!(s(&refund["data"]["transaction"]["original_transaction_id"]), id);
    assert_eq!(balances(&l, "alice"), ("80.00".into(), "0.00".into(), "80.00".into()));
    l.ok(&["wallet", "refund", "alice", "--transaction-id", &id]);
    assert_eq!(balances(&l, "alice"), ("100.00".into(), "0.00".into(), "100.00".into()));
    let shown = l.ok(&["transaction", "show", &id]);
    assert_eq!(s(&shown["data"]["transaction"]["refunded_amount"]), "30.00");
    l.fails(
        &["wallet", "refund", "alice", "--transaction-id", &id],
        5,
        "exceeds_refundable_amount",
    );
    l.verified();
}

#[test]
fn batch_capture_lines_capture_replay_and_fail_on_their_own() {
    let (l, freeze_id) = held();
    let other = freeze(&l, "alice", "20.00");
    let file = l.db.with_file_name("captures.csv");
    std::fs::write(
        &file,
        format!(
            "op,user_id,freeze_id,amount,counterparty_id,new_counterparty,reference_id\n\
             capture,alice,{freeze_id},10.00,,,b-1\n\
             capture,alice,{freeze_id},10.00,,,b-1\n\
             capture,alice,{other},,mch_1,true,b-2\n\
             capture,alice,{other},,,,b-3\n"
        ),
    )
    .expect("write the batch");
    let out = l.cmd().arg("batch").arg(&file).output().expect("ledgerctl runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{stdout}");
    let lines: Vec<Value> = stdout.lines().map(|x| serde_json::from_str(x).expect("json")).collect();
    assert_eq!(lines[0]["data"]["transaction"]["type"], "capture");
    assert_eq!(lines[1]["message"], "replayed");
    assert_eq!(lines[2]["data"]["transaction"]["counterparty_id"], "mch_1");
    assert_eq!(
        (lines[3]["line"].as_u64(), s(&lines[3]["error"])),
        (Some(5), "freeze_not_active")
    );
    assert_eq!(balances(&l, "alice"), ("70.00".into(), "0.00".into(), "70.00".into()));
    l.verified();
}

#[test]
fn two_processes_capturing_one_freeze_at_once_exactly_one_wins() {
    const RACERS: usize = 6;
    for round in 0..3 {
        let l = Arc::new(Ledger::new());
        l.funded("alice", "100.00");
        let freeze_id = freeze(&l, "alice", "50.00");
        let barrier = Arc::new(Barrier::new(RACERS));
        let handles: Vec<_> = (0..RACERS)
            .map(|i| {
                let (l, barrier, freeze_id) = (Arc::clone(&l), Arc::clone(&barrier), freeze_id.clone());
                thread::spawn(move || {
                    // Half capture, half release: whichever ends the freeze first wins.
                    let verb = if i % 2 == 0 { "capture" } else { "unfreeze" };
                    let mut cmd = l.cmd();
                    cmd.args([
                        "-o",
                        "json",
                        "--lock-timeout-ms",
                        "30000",
                        "wallet",
                        verb,
                        "alice",
                        "--freeze-id",
                        &freeze_id,
                    ]);
                    barrier.wait();
                    let out = cmd.output().expect("ledgerctl runs");
                    let json: Value = serde_json::from_slice(&out.stdout).expect("an envelope");
                    (out.status.code(), json)
                })
            })
            .collect();
        let outcomes: Vec<(Option<i32>, Value)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let won: Vec<_> = outcomes.iter().filter(|(code, _)| *code == Some(0)).collect();
        assert_eq!(won.len(), 1, "round {round}: {outcomes:?}");
        for (code, json) in outcomes.iter().filter(|(code, _)| *code != Some(0)) {
            assert_eq!((*code, s(&json["error"])), (Some(4), "freeze_not_active"), "{json}");
        }
        let ended = l.number("SELECT COUNT(*) FROM journal_entries WHERE kind IN ('capture', 'unfreeze')");
        assert_eq!(ended, 1, "round {round}: one entry ended the freeze");
        l.verified();
    }
}

#[test]
fn a_day_with_captures_reconciles_counting_them_as_withdrawals_and_payments() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.funded("alice", "100.00");
    let first = freeze(&l, "alice", "50.00");
    let second = freeze(&l, "alice", "20.00");
    l.ok(&["wallet", "capture", "alice", "--freeze-id", &first, "--amount", "30.00"]);
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &second,
        "--amount",
        "5.00",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
    ]);
    let report = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    let record = &report["data"]["records"][0];
    assert_eq!(report["data"]["ok"], true, "{report}");
    assert_eq!(
        (
            s(&record["total_withdraw"]),
            s(&record["total_payment"]),
            s(&record["closing_balance"])
        ),
        ("30.00", "5.00", "65.00"),
        "{record}"
    );
    l.verified();
}

/// A captured freeze edited by hand to claim another captured amount: `ledger verify` exits 7
/// naming the `captures` check (and only it), from the rows as either backend stores them.
#[test]
fn a_captured_freeze_edited_by_hand_fails_ledger_verify_on_its_captures_check() {
    let (l, freeze_id) = held();
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--amount",
        "30.00",
    ]);
    l.edit_behind_the_triggers(
        "freezes",
        &format!("UPDATE freezes SET captured_minor = 2000 WHERE id = '{freeze_id}'"),
    );
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(
        (run.code, s(&run.json["error"])),
        (7, "invariant_broken"),
        "{}",
        run.json
    );
    let message = s(&run.json["message"]);
    assert!(
        message.starts_with("ledger verify found 1 broken invariant(s): captures ("),
        "{message}"
    );
    assert!(
        message.contains(&format!("freeze {freeze_id} records 2000 minor units captured")),
        "{message}"
    );
    for other in ["freezes", "wallet_balances", "entries_balance", "hash_chain"] {
        assert!(
            !message.contains(&format!("{other} (")),
            "{other} broken too: {message}"
        );
    }
}

/// A capture to the settlement is matched against a provider's statement line by its reference
/// and amount, as the withdrawal it is; a capture paid to a counterparty never touches the
/// settlement, so it is not a statement item.
#[test]
fn a_capture_to_the_settlement_matches_its_statement_line() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.ok(&["wallet", "create", "alice"]);
    l.ok(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "100.00",
        "--reference-id",
        "d-1",
    ]);
    let first = freeze(&l, "alice", "50.00");
    let second = freeze(&l, "alice", "10.00");
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &first,
        "--amount",
        "20.00",
        "--reference-id",
        "c-1",
    ]);
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &second,
        "--counterparty",
        "mch_1",
        "--new-counterparty",
    ]);
    let statement = l.db.with_file_name("statement.csv");
    let lines = "date,amount,reference\n2026-04-15,100.00,d-1\n2026-04-15,-20.00,c-1\n";
    std::fs::write(&statement, lines).expect("write the statement");
    let args = [
        "ledger",
        "reconcile",
        "--statement",
        statement.to_str().expect("a path"),
        "--from",
        "2026-04-15",
    ];
    let matched = l.ok(&args);
    assert_eq!(matched["data"]["matched"], 2, "{matched}");
    let items = matched["data"]["rows"].clone();
    let capture = items
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["type"] == "capture")
        .cloned()
        .unwrap_or_else(|| panic!("the capture is a settlement item: {matched}"));
    assert_eq!(
        (s(&capture["status"]), s(&capture["reference"])),
        ("matched", "c-1"),
        "{capture}"
    );
    let captures = items
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["type"] == "capture")
        .count();
    assert_eq!(captures, 1, "only the capture to the settlement: {matched}");
}
