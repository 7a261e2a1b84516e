//! `ledgerctl batch`: many operations from CSV or JSONL, each line on its own unless --atomic.

mod support;

use std::io::Write;

use serde_json::Value;
use support::{s, Ledger};

/// Runs `ledgerctl batch` on `contents` (written to `name`) and returns (exit, results, stderr).
fn batch(l: &Ledger, name: &str, contents: &str, flags: &[&str]) -> (i32, Vec<Value>, String) {
    let path = l.db.with_file_name(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(contents.as_bytes())
        .unwrap();
    let out = l.cmd().arg("batch").arg(&path).args(flags).output().unwrap();
    let results = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    (
        out.status.code().unwrap(),
        results,
        String::from_utf8(out.stderr).unwrap(),
    )
}

const REFUNDS_HEADER: &str = "op,user_id,transaction_id,amount,reason,reference_id\n";

#[test]
fn each_line_succeeds_or_fails_on_its_own_and_bad_lines_are_named() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    l.ok(&["wallet", "create", "u2"]);
    let csv = "op,user_id,amount,counterparty_id,reference_id,new_counterparty\n\
               deposit,u2,50,,d1,\n\
               withdraw,u2,500,,,\n\
               payment,u1,30,mch_1,p1,true\n\
               deposit,u1,1e3,,,\n\
               deposit,u1,1,mch_9,,\n\
               withdraw,u1,\"5,00\",,,\n\
               deposit,ghost,1,,,\n";
    let (code, results, stderr) = batch(&l, "ops.csv", csv, &[]);
    let summary: Vec<(u64, i64, &str)> = results
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["code"].as_i64().unwrap(),
                r["error"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (2, 200, ""),
            (3, 409, "insufficient_balance"),
            (4, 200, ""),
            (5, 422, "invalid_amount"),
            (6, 400, "invalid_request"),
            (7, 422, "invalid_amount"),
            (8, 404, "wallet_not_found"),
        ]
    );
    assert!(
        s(&results[4]["message"]).contains("deposit does not take \"counterparty_id\""),
        "{}",
        results[4]
    );
    assert_eq!(code, 4, "the exit status is the first failed line's");
    assert!(stderr.contains("7 lines: 2 applied, 0 replayed, 5 failed"), "{stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "piped: the summary line only, no progress bar or table: {stderr}"
    );
    assert_eq!(s(&l.wallet("u1")["balance"]), "70.00");
    assert_eq!(s(&l.wallet("u2")["balance"]), "50.00");
    l.verified();
}

#[test]
fn re_running_a_refund_file_replays_instead_of_refunding_twice() {
    let l = Ledger::new();
    l.funded("u1", "1000.00");
    let mut csv = String::from(REFUNDS_HEADER);
    for n in 0..5 {
        let payment = l.ok(&[
            "wallet",
            "payment",
            "u1",
            "--amount",
            "100",
            "--counterparty",
            "mch_1",
            "--new-counterparty",
        ]);
        let id = s(&payment["data"]["transaction"]["id"]).to_owned();
        csv.push_str(&format!("refund,u1,{id},40.00,return,RF-{n}\n"));
    }
    let (code, first, _) = batch(&l, "refunds.csv", &csv, &[]);
    assert_eq!(code, 0);
    assert!(first.iter().all(|r| r["message"] == "ok"));
    let after_first = l.snapshot();
    assert_eq!(s(&l.wallet("u1")["balance"]), "700.00"); // 1000 − 5×100 + 5×40

    let (code, second, stderr) = batch(&l, "refunds.csv", &csv, &[]);
    assert_eq!(code, 0, "replays are successes");
    assert!(second.iter().all(|r| r["message"] == "replayed"), "{second:?}");
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a["data"]["transaction"]["id"], b["data"]["transaction"]["id"]);
    }
    assert!(stderr.contains("0 applied, 5 replayed, 0 failed"), "{stderr}");
    assert_eq!(l.snapshot(), after_first, "a re-run writes nothing");
    l.verified();
}

#[test]
fn an_atomic_batch_applies_every_line_or_none() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    let jsonl = "{\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"60\"}\n\
                 \n\
                 {\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"60\"}\n";
    let before = l.snapshot();
    let (code, results, _) = batch(&l, "ops.jsonl", jsonl, &["--atomic"]);
    assert_eq!(
        code, 4,
        "the second withdrawal's insufficient balance, not the rollback"
    );
    assert_eq!(results[0]["line"], 1);
    assert_eq!(results[0]["error"], "batch_rolled_back");
    assert!(s(&results[0]["message"]).contains("line 3 failed"));
    assert_eq!(results[1]["line"], 3);
    assert_eq!(results[1]["error"], "insufficient_balance");
    assert_eq!(l.snapshot(), before, "nothing was committed");

    let (code, _, _) = batch(
        &l,
        "ok.jsonl",
        "{\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"60\"}\n",
        &["--atomic"],
    );
    assert_eq!(code, 0);
    assert_eq!(s(&l.wallet("u1")["balance"]), "40.00");
}

#[test]
fn a_dry_run_computes_every_line_against_the_ledger_and_commits_nothing() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    let jsonl = "{\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"60\"}\n\
                 {\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"60\"}\n\
                 {\"op\":\"deposit\",\"user_id\":\"u1\",\"amount\":50}\n";
    let before = l.snapshot();
    let (code, results, stderr) = batch(&l, "ops.jsonl", jsonl, &["--dry-run"]);
    assert_eq!(results[0]["message"], "dry run: not committed");
    assert_eq!(s(&results[0]["data"]["wallet"]["balance"]), "40.00");
    assert_eq!(
        results[1]["error"], "insufficient_balance",
        "the second line sees the first"
    );
    assert_eq!(results[2]["error"], "invalid_amount", "a JSON number is not an amount");
    assert_eq!(code, 4);
    assert!(stderr.contains("dry run, nothing committed"), "{stderr}");
    assert_eq!(l.snapshot(), before);
}

#[test]
fn a_refund_line_without_a_user_finds_the_wallet_from_the_transaction() {
    let l = Ledger::new();
    let deposit = l.funded("u1", "100.00");
    let (code, results, _) = batch(
        &l,
        "r.jsonl",
        &format!("{{\"op\":\"refund\",\"transaction_id\":\"{deposit}\",\"amount\":\"25\"}}\n"),
        &[],
    );
    assert_eq!(code, 0, "{results:?}");
    assert_eq!(
        s(&results[0]["data"]["transaction"]["original_transaction_id"]),
        deposit
    );
    assert_eq!(s(&l.wallet("u1")["balance"]), "75.00");
}

#[test]
fn a_long_batch_without_a_terminal_needs_yes() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u1"]);
    let mut csv = String::from("op,user_id,amount\n");
    for _ in 0..101 {
        csv.push_str("deposit,u1,1\n");
    }
    let before = l.snapshot();
    let (code, results, stderr) = batch(&l, "long.csv", &csv, &[]);
    assert_eq!((code, results.len()), (2, 0), "{stderr}");
    assert!(stderr.contains("pass --yes"), "{stderr}");
    assert_eq!(l.snapshot(), before);
    let (code, results, _) = batch(&l, "long.csv", &csv, &["--yes"]);
    assert_eq!((code, results.len()), (0, 101));
    assert_eq!(s(&l.wallet("u1")["balance"]), "101.00");
    l.verified();
}

#[test]
fn stdin_is_read_with_dash_and_the_format_is_sniffed() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u1"]);
    let out = l
        .cmd()
        .args(["batch", "-"])
        .write_stdin("{\"op\":\"deposit\",\"user_id\":\"u1\",\"amount\":\"7.50\"}\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(s(&l.wallet("u1")["balance"]), "7.50");
}

#[test]
fn a_failed_line_still_sets_the_exit_status_when_stdout_closes_early() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    let mut jsonl = String::new();
    for _ in 0..60 {
        jsonl.push_str("{\"op\":\"deposit\",\"user_id\":\"u\",\"amount\":\"1\"}\n");
    }
    jsonl.push_str("{\"op\":\"withdraw\",\"user_id\":\"u\",\"amount\":\"100000\"}\n");
    let path = l.db.with_file_name("pipe.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ledgerctl"))
        .env("LEDGERCTL_DB", l.db_arg())
        .env_remove("LEDGERCTL_OUTPUT")
        .arg("batch")
        .arg(&path)
        .arg("--yes")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader is gone before the first result is printed
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(4), "the withdrawal failed: not a success");
    assert!(String::from_utf8_lossy(&out.stderr).contains("61 lines: 60 applied, 0 replayed, 1 failed"));
    assert_eq!(s(&l.wallet("u")["balance"]), "60.00");
}

#[test]
fn a_jsonl_key_given_twice_fails_its_line_instead_of_taking_the_last() {
    let l = Ledger::new();
    l.funded("j1", "5000.00");
    let line = "{\"op\":\"withdraw\",\"user_id\":\"j1\",\"amount\":\"1\",\"amount\":\"4000\"}\n";
    let (code, results, _) = batch(&l, "dup.jsonl", line, &[]);
    assert_eq!(code, 2);
    assert!(
        s(&results[0]["message"]).contains("\"amount\" appears twice"),
        "{}",
        results[0]
    );
    assert_eq!(s(&l.wallet("j1")["balance"]), "5000.00");
}

#[test]
fn re_running_a_freeze_file_and_an_unfreeze_file_replays_instead_of_holding_twice() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    let freezes = "op,user_id,amount,reason,reference_id\r\n\
                   freeze,u,30,chargeback 17,hold-1\r\n\
                   freeze,u,20,,hold-2\r\n";
    let (code, first, _) = batch(&l, "freezes.csv", freezes, &[]);
    assert_eq!(code, 0, "{first:?}");
    assert!(first.iter().all(|r| r["message"] == "ok"), "{first:?}");
    let (code, again, stderr) = batch(&l, "freezes.csv", freezes, &[]);
    assert_eq!(code, 0, "{again:?}");
    assert!(stderr.contains("2 lines: 0 applied, 2 replayed, 0 failed"), "{stderr}");
    for (a, b) in first.iter().zip(&again) {
        assert_eq!(b["message"], "replayed");
        assert_eq!(
            a["data"]["freeze"]["id"], b["data"]["freeze"]["id"],
            "the same hold, not a second"
        );
    }
    assert_eq!(s(&l.wallet("u")["frozen_balance"]), "50.00");

    let hold = s(&first[0]["data"]["freeze"]["id"]).to_owned();
    let unfreezes = format!(
        "{{\"op\":\"unfreeze\",\"user_id\":\"u\",\"freeze_id\":\"{hold}\",\"reason\":\"chargeback won\",\"reference_id\":\"release-1\"}}\n"
    );
    let (code, released, _) = batch(&l, "unfreezes.jsonl", &unfreezes, &[]);
    assert_eq!(code, 0, "{released:?}");
    assert_eq!(released[0]["data"]["freeze"]["release_reason"], "chargeback won");
    let (code, again, stderr) = batch(&l, "unfreezes.jsonl", &unfreezes, &[]);
    assert_eq!(code, 0, "a re-run unfreeze replays instead of failing: {again:?}");
    assert_eq!(again[0]["message"], "replayed");
    assert_eq!(again[0]["data"]["freeze"]["status"], "released");
    assert!(stderr.contains("1 lines: 0 applied, 1 replayed, 0 failed"), "{stderr}");
    assert_eq!(s(&l.wallet("u")["frozen_balance"]), "20.00");

    // The same reference with other parameters is a conflict, and writes nothing.
    let other = "op,user_id,amount,reference_id\nfreeze,u,31,hold-1\n";
    let before = l.snapshot();
    let (code, conflict, _) = batch(&l, "other.csv", other, &[]);
    assert_eq!((code, &conflict[0]["error"]), (4, &Value::from("reference_conflict")));
    assert_eq!(l.snapshot(), before);
    l.verified();
}

/// Line numbers of a batch's results, with their `error` (empty for a success).
fn numbered(results: &[Value]) -> Vec<(u64, String)> {
    results
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["error"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn reported_lines_are_the_files_own_lines_with_crlf_endings_a_bom_and_blank_lines() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    // As Excel saves "CSV UTF-8": a byte order mark and CRLF endings; blank rows kept.
    let lines = [
        "op,user_id,amount,description",
        "",
        "deposit,u,1,first",
        "withdraw,u,5000,too much",
        "",
        "",
        "deposit,u,1,\"two",
        "lines\"",
        "withdraw,u,1e3,bad amount",
        "deposit,ghost,1,",
    ];
    let expected: Vec<(u64, String)> = vec![
        (3, String::new()),
        (4, "insufficient_balance".into()),
        // A quoted cell over two lines is reported at its first line (and refused: a line break
        // is a control character in a description).
        (7, "invalid_request".into()),
        (9, "invalid_amount".into()),
        (10, "wallet_not_found".into()),
    ];
    let crlf = format!("\u{feff}{}\r\n", lines.join("\r\n"));
    let (code, results, stderr) = batch(&l, "excel.csv", &crlf, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert_eq!(numbered(&results), expected, "CRLF");
    let lf = format!("{}\n", lines.join("\n"));
    let (_, results, _) = batch(&l, "unix.csv", &lf, &[]);
    assert_eq!(numbered(&results), expected, "LF: the same lines");

    let jsonl = "\u{feff}{\"op\":\"deposit\",\"user_id\":\"u\",\"amount\":\"1\"}\r\n\r\n\
                 {\"op\":\"withdraw\",\"user_id\":\"u\",\"amount\":\"5000\"}\r\n";
    let (_, results, _) = batch(&l, "ops.jsonl", jsonl, &[]);
    assert_eq!(
        numbered(&results),
        [(1, String::new()), (3, "insufficient_balance".to_owned())]
    );
}

#[test]
fn a_jsonl_file_with_a_byte_order_mark_is_read_as_jsonl_from_stdin() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    let out = l
        .cmd()
        .args(["batch", "-"])
        .write_stdin("\u{feff}{\"op\":\"deposit\",\"user_id\":\"u\",\"amount\":\"7.50\"}\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("1 lines: 1 applied"), "{stderr}");
    assert_eq!(s(&l.wallet("u")["balance"]), "7.50");
}

#[test]
fn a_csv_header_with_unknown_or_missing_columns_is_refused_naming_them() {
    let l = Ledger::new();
    l.funded("u", "10.00");
    let before = l.snapshot();
    // A file without a header: its first data row is not a header.
    let (code, results, stderr) = batch(&l, "noheader.csv", "withdraw,u,1.00,r1\nwithdraw,u,2.00,r2\n", &[]);
    assert_eq!((code, results.len()), (2, 0), "{stderr}");
    for named in ["\"withdraw\"", "\"1.00\"", "\"r1\"", "missing column(s) op"] {
        assert!(stderr.contains(named), "{named}: {stderr}");
    }
    let (code, _, stderr) = batch(&l, "typo.csv", "op,user_id,amout\nwithdraw,u,1\n", &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown column(s) \"amout\""), "{stderr}");
    assert!(!stderr.contains("missing"), "op is there: {stderr}");
    let out = l
        .cmd()
        .args(["-o", "json", "batch", "-", "--format", "csv"])
        .write_stdin("op,user,amount\ndeposit,u,1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let envelope: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(envelope["error"], "invalid_request");
    assert!(s(&envelope["message"]).contains("\"user\""), "{envelope}");
    assert_eq!(l.snapshot(), before, "nothing was applied");
}

#[test]
fn an_input_with_no_operation_lines_is_an_error_not_a_success() {
    let l = Ledger::new();
    l.funded("u", "10.00");
    let before = l.snapshot();
    for (name, contents) in [
        ("header-only.csv", "op,user_id,amount\r\n"),
        ("blank.jsonl", "\n\r\n\n"),
        ("empty.csv", ""),
        ("bom-only.csv", "\u{feff}"),
    ] {
        let (code, results, stderr) = batch(&l, name, contents, &[]);
        assert_eq!((code, results.len()), (2, 0), "{name}: {stderr}");
        assert!(stderr.contains("has no operation lines"), "{name}: {stderr}");
    }
    assert_eq!(l.snapshot(), before);
}

/// Standard input is read once, then its spooled copy is read for the count and again for each
/// transaction: over several commit chunks every line is applied and reported once, in order;
/// and an atomic batch read from stdin reports every line that succeeded as rolled back.
#[test]
fn a_long_stdin_batch_is_applied_chunk_by_chunk_and_an_atomic_one_rolls_back_whole() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u1"]);
    let mut jsonl = String::new();
    for _ in 0..2_500 {
        jsonl.push_str("{\"op\":\"deposit\",\"user_id\":\"u1\",\"amount\":\"0.01\"}\r\n");
    }
    let run = |flags: &[&str], input: &str| {
        let out = l
            .cmd()
            .arg("--yes")
            .arg("batch")
            .args(flags)
            .arg("-")
            .write_stdin(input)
            .output()
            .unwrap();
        let numbers: Vec<(u64, Option<String>)> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).unwrap();
                (v["line"].as_u64().unwrap(), v["error"].as_str().map(str::to_owned))
            })
            .collect();
        (
            out.status.code().unwrap(),
            numbers,
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, results, stderr) = run(&[], &jsonl);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(results, (1..=2_500).map(|n| (n, None)).collect::<Vec<_>>());
    assert_eq!(stderr, "batch: 2500 lines: 2500 applied, 0 replayed, 0 failed\n");
    assert_eq!(s(&l.wallet("u1")["balance"]), "25.00");

    jsonl.push_str("{\"op\":\"withdraw\",\"user_id\":\"u1\",\"amount\":\"1000.00\"}\n");
    let (code, results, stderr) = run(&["--atomic"], &jsonl);
    assert_eq!(code, 4, "{stderr}");
    let rolled_back = Some("batch_rolled_back".to_owned());
    let mut expected: Vec<(u64, Option<String>)> = (1..=2_500).map(|n| (n, rolled_back.clone())).collect();
    expected.push((2_501, Some("insufficient_balance".to_owned())));
    assert_eq!(results, expected);
    assert_eq!(stderr, "batch: 2501 lines: 0 applied, 0 replayed, 2501 failed\n");
    assert_eq!(s(&l.wallet("u1")["balance"]), "25.00");
    l.verified();
}
