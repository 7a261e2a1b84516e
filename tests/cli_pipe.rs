//! A reader that goes away (`ledgerctl … | head -1`) ends ledgerctl quietly with exit 0, in
//! every format and on every output path, however far the output had got.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use support::Ledger;

/// A wallet with 100 transactions whose descriptions are long (and multi-byte), so every
/// listing is far larger than a pipe's buffer and than the output buffer.
fn long_listing() -> Ledger {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u1"]);
    let description = "€".repeat(400);
    let mut lines = String::new();
    for i in 0..100 {
        lines.push_str(&format!(
            "{{\"op\":\"deposit\",\"user_id\":\"u1\",\"amount\":\"1.00\",\"description\":\"{description} {i}\"}}\n"
        ));
    }
    let file = l.db.with_file_name("deposits.jsonl");
    std::fs::write(&file, lines).unwrap();
    let out = l.cmd().args(["batch", "--yes"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    l.ok(&["token", "create"]);
    l
}

/// Every output path: lists, records, exports, help, in each format.
fn commands() -> Vec<Vec<&'static str>> {
    let mut all = Vec::new();
    for format in ["table", "json", "csv"] {
        for args in [
            &["wallet", "history", "u1", "--page-size", "100"][..],
            &["ledger", "journal", "--page-size", "100"],
            &["wallet", "list"],
            &["wallet", "freezes", "u1"],
            &["wallet", "status", "u1"],
            &["token", "list"],
            &["ledger", "trial-balance"],
        ] {
            let mut command = vec!["-o", format];
            command.extend_from_slice(args);
            all.push(command);
        }
    }
    for format in ["table", "json"] {
        for args in [&["wallet", "show", "u1"][..], &["ledger", "verify"]] {
            let mut command = vec!["-o", format];
            command.extend_from_slice(args);
            all.push(command);
        }
    }
    for format in ["csv", "json", "hledger", "beancount"] {
        all.push(vec!["ledger", "export", "--format", format]);
    }
    all.push(vec!["completions", "bash"]);
    all.push(vec!["man"]);
    all.push(vec!["--help"]);
    all
}

fn ledgerctl(l: &Ledger, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("ledgerctl"));
    for var in [
        "LEDGERCTL_OUTPUT",
        "LEDGERCTL_TENANT",
        "LEDGERCTL_APP",
        "RUST_BACKTRACE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("LEDGERCTL_DB", l.db_arg()).env("USER", "tester").args(args);
    cmd.stderr(Stdio::piped());
    cmd
}

fn assert_quiet_success(args: &[&str], output: std::process::Output, how: &str) {
    assert_eq!(
        (output.status.code(), String::from_utf8_lossy(&output.stderr).as_ref()),
        (Some(0), ""),
        "`ledgerctl {}` with {how}",
        args.join(" ")
    );
}

#[test]
fn every_output_exits_zero_quietly_on_a_stdout_closed_before_it_writes() {
    let l = long_listing();
    for args in commands() {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let child = ledgerctl(&l, &args).stdout(writer).spawn().unwrap();
        assert_quiet_success(&args, child.wait_with_output().unwrap(), "a closed stdout");
    }
}

#[test]
fn every_output_exits_zero_quietly_when_its_reader_stops_after_the_first_line() {
    let l = long_listing();
    for args in commands() {
        for _ in 0..20 {
            let mut child = ledgerctl(&l, &args).stdout(Stdio::piped()).spawn().unwrap();
            let mut first = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut first)
                .unwrap();
            assert!(!first.is_empty(), "`ledgerctl {}` printed a line", args.join(" "));
            assert_quiet_success(&args, child.wait_with_output().unwrap(), "`| head -1`");
        }
    }
}

#[test]
fn a_usage_error_in_json_on_a_closed_stdout_is_exit_2_without_a_panic() {
    let l = Ledger::new();
    let args = ["-o", "json", "wallet", "no-such-command"];
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = ledgerctl(&l, &args)
        .stdout(writer)
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
