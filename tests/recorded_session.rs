//! A recorded session of every command the CLI offers and every HTTP route, in every output
//! format that applies, failures included, compared byte for byte with the golden files under
//! `tests/golden/` (random ids, secrets, hashes and server times replaced by placeholders).
//! It pins what a refactor must not change. `LEDGERCTL_BLESS=1 cargo test --test
//! recorded_session` rewrites the files after an intended change; review their diff.

mod recording;
mod support;

use recording::http::{Door, Http};
use recording::Session;

const DAY1: &str = "2026-03-01T09:00:00Z";
const DAY2: &str = "2026-03-02T10:30:00Z";
const DAY3: &str = "2026-03-03T16:45:00Z";
const DAY4: &str = "2026-03-04T08:00:00Z";

/// Every output format of a read: the table, JSON, CSV (refused by non-list commands), every
/// column in full, and a narrow terminal.
fn every_format(s: &mut Session, args: &[&str]) {
    s.run(args);
    for format in [["-o", "json"], ["-o", "csv"]] {
        s.run(&[&format[..], args].concat());
    }
    s.run(&[&["--wide"], args].concat());
    s.run_with(&[("COLUMNS", "60")], None, args);
}

#[test]
fn every_command_prints_and_exits_as_recorded() {
    let mut s = Session::at(DAY1);
    let ids = opening(&mut s);
    s.clock(DAY2);
    let ids = moving_money(&mut s, ids);
    s.clock(DAY3);
    statuses_and_adjustments(&mut s);
    refused_amounts_and_ids(&mut s, &ids);
    s.clock(DAY4);
    tokens(&mut s);
    reads(&mut s, &ids);
    s.check("cli_session.txt");
}

/// The ids later commands name.
struct Ids {
    deposit: String,
    payment: String,
    withdraw: String,
    freeze_id: String,
    freeze_txn: String,
    alice_wallet: String,
}

fn opening(s: &mut Session) -> Ids {
    s.run(&["init"]);
    s.run(&["init"]);
    s.run(&["wallet", "create", "alice"]);
    let alice_wallet = s
        .run(&["-o", "json", "wallet", "show", "alice"])
        .field("/data/wallet_id");
    s.run(&["-o", "json", "wallet", "create", "bob", "--currency", "usd"]);
    s.run(&["wallet", "create", "carol", "--currency", "JPY"]);
    s.run(&["-o", "json", "wallet", "create", "dave", "--currency", "KWD"]);
    s.run(&["wallet", "create", "erin", "--currency", "EUR"]);
    s.run(&["wallet", "create", "alice"]);
    s.run(&["-o", "json", "wallet", "create", "alice"]);
    s.run(&["wallet", "create", "zed", "--currency", "XXX"]);
    s.run(&["-o", "json", "wallet", "create", "a b"]);
    let deposit = s.run(&["wallet", "deposit", "alice", "--amount", "100"]);
    assert_eq!(deposit.code, 0);
    let deposit = s
        .run(&[
            "-o",
            "json",
            "wallet",
            "deposit",
            "alice",
            "--amount",
            "500.50",
            "--description",
            "salary, March",
            "--reference-id",
            "dep-1",
        ])
        .field("/data/transaction/id");
    s.run(&[
        "-o",
        "json",
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "500.5",
        "--reference-id",
        "dep-1",
    ]);
    s.run(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "500.5",
        "--reference-id",
        "dep-1",
    ]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "7",
        "--reference-id",
        "dep-1",
    ]);
    s.run(&["-o", "json", "wallet", "deposit", "bob", "--amount", "250"]);
    s.run(&["wallet", "deposit", "carol", "--amount", "1000"]);
    s.run(&["wallet", "deposit", "dave", "--amount", "12.345"]);
    s.run(&["-o", "json", "wallet", "deposit", "erin", "--amount", "0.01"]);
    Ids {
        deposit,
        payment: String::new(),
        withdraw: String::new(),
        freeze_id: String::new(),
        freeze_txn: String::new(),
        alice_wallet,
    }
}

fn moving_money(s: &mut Session, mut ids: Ids) -> Ids {
    s.run(&["wallet", "payment", "alice", "--counterparty", "shop", "--amount", "10"]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "payment",
        "alice",
        "--counterparty",
        "shop",
        "--amount",
        "10",
    ]);
    ids.payment = s
        .run(&[
            "-o",
            "json",
            "wallet",
            "payment",
            "alice",
            "--counterparty",
            "shop",
            "--new-counterparty",
            "--amount",
            "40.00",
            "--description",
            "order 17",
            "--reference-id",
            "pay-1",
        ])
        .field("/data/transaction/id");
    s.run(&["wallet", "payment", "alice", "--counterparty", "shpo", "--amount", "1"]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "payment",
        "alice",
        "--counterparty",
        "shpo",
        "--amount",
        "1",
    ]);
    s.run(&[
        "wallet",
        "payment",
        "alice",
        "--counterparty",
        "shop",
        "--amount",
        "2.50",
    ]);
    s.run(&[
        "wallet",
        "payment",
        "bob",
        "--counterparty",
        "shop",
        "--new-counterparty",
        "--amount",
        "3",
    ]);
    s.run(&[
        "wallet",
        "withdraw",
        "alice",
        "--amount",
        "20",
        "--description",
        "to bank",
    ]);
    ids.withdraw = s
        .run(&[
            "-o",
            "json",
            "wallet",
            "withdraw",
            "alice",
            "--amount",
            "15",
            "--reference-id",
            "wd-1",
        ])
        .field("/data/transaction/id");
    s.run(&["wallet", "withdraw", "alice", "--amount", "100000"]);
    s.run(&["-o", "json", "wallet", "withdraw", "alice", "--amount", "100000"]);
    s.run(&["wallet", "freeze", "alice", "--amount", "30", "--reason", "dispute 4"]);
    let freeze = s.run(&[
        "-o",
        "json",
        "wallet",
        "freeze",
        "alice",
        "--amount",
        "12.00",
        "--reason",
        "chargeback",
        "--reference-id",
        "frz-1",
    ]);
    ids.freeze_id = freeze.field("/data/freeze/id");
    let freezes = s.run(&["-o", "json", "wallet", "history", "alice", "--type", "freeze"]);
    ids.freeze_txn = freezes.field("/items/0/id");
    s.run(&[
        "-o",
        "json",
        "wallet",
        "freeze",
        "alice",
        "--amount",
        "12",
        "--reason",
        "chargeback",
        "--reference-id",
        "frz-1",
    ]);
    s.run(&["wallet", "freeze", "alice", "--amount", "1000000"]);
    s.run(&[
        "wallet",
        "unfreeze",
        "alice",
        "--freeze-id",
        &ids.freeze_id,
        "--reason",
        "resolved",
    ]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "unfreeze",
        "alice",
        "--freeze-id",
        &ids.freeze_id,
    ]);
    s.run(&[
        "wallet",
        "unfreeze",
        "alice",
        "--freeze-id",
        "frz_01ARZ3NDEKTSV4RRFFQ69G5FAV",
    ]);
    s.run(&["wallet", "unfreeze", "bob", "--freeze-id", &ids.freeze_id]);
    refunds(s, &ids);
    ids
}

fn refunds(s: &mut Session, ids: &Ids) {
    let payment = ids.payment.as_str();
    s.run(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--amount",
        "4",
        "--reason",
        "one item back",
    ]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--reference-id",
        "ref-1",
    ]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--reference-id",
        "ref-1",
    ]);
    s.run(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--amount",
        "0.01",
    ]);
    s.run(&["wallet", "refund", "alice", "--transaction-id", &ids.freeze_txn]);
    s.run(&["wallet", "refund", "bob", "--transaction-id", payment]);
    s.run(&[
        "refund",
        "--transaction-id",
        &ids.withdraw,
        "--amount",
        "5",
        "--reason",
        "bank returned part",
    ]);
    s.run(&["-o", "json", "refund", "--transaction-id", &ids.withdraw]);
    s.run(&["-o", "json", "refund", "--transaction-id", &ids.withdraw]);
    s.run(&["refund", "--transaction-id", &ids.deposit, "--amount", "0.50"]);
    s.run(&["refund", "--transaction-id", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
}

fn statuses_and_adjustments(s: &mut Session) {
    s.run(&[
        "--yes",
        "wallet",
        "adjust",
        "alice",
        "--credit",
        "5",
        "--reason",
        "fee returned",
    ]);
    s.run(&[
        "-o",
        "json",
        "--yes",
        "wallet",
        "adjust",
        "alice",
        "--debit",
        "2",
        "--reason",
        "fee",
        "--reference-id",
        "adj-1",
    ]);
    s.run(&[
        "-o",
        "json",
        "--yes",
        "wallet",
        "adjust",
        "alice",
        "--credit",
        "2",
        "--reason",
        "fee",
        "--reference-id",
        "adj-1",
    ]);
    s.run(&["wallet", "adjust", "alice", "--credit", "1", "--reason", "no terminal"]);
    s.run(&["--yes", "wallet", "adjust", "alice", "--credit", "1"]);
    s.run(&[
        "--yes", "wallet", "adjust", "alice", "--credit", "1", "--debit", "1", "--reason", "x",
    ]);
    s.run(&[
        "--yes", "wallet", "adjust", "alice", "--debit", "100000", "--reason", "too much",
    ]);
    s.run(&["wallet", "status", "bob", "frozen", "--reason", "kyc review"]);
    s.run(&["--yes", "wallet", "status", "bob", "frozen", "--reason", "kyc review"]);
    s.run(&["wallet", "withdraw", "bob", "--amount", "1"]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "payment",
        "bob",
        "--counterparty",
        "shop",
        "--amount",
        "1",
    ]);
    s.run(&["wallet", "deposit", "bob", "--amount", "1"]);
    s.run(&["--yes", "wallet", "status", "bob", "frozen", "--reason", "again"]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "status",
        "bob",
        "active",
        "--reason",
        "kyc passed",
    ]);
    s.run(&["--yes", "wallet", "status", "carol", "closed", "--reason", "left"]);
    s.run(&["wallet", "status", "carol", "active"]);
    s.run(&["--yes", "wallet", "withdraw", "erin", "--amount", "0.01"]);
    s.run(&[
        "--yes",
        "wallet",
        "status",
        "erin",
        "closed",
        "--reason",
        "account closed",
    ]);
    s.run(&["wallet", "deposit", "erin", "--amount", "1"]);
    s.run(&["--yes", "wallet", "status", "erin", "active", "--reason", "reopened"]);
    s.run(&[
        "--yes",
        "wallet",
        "status",
        "dave",
        "frozen",
        "--reason",
        "sanctions check",
    ]);
    every_format(s, &["wallet", "status", "bob"]);
    s.run(&["wallet", "status", "bob", "--page", "2", "--page-size", "1"]);
}

fn refused_amounts_and_ids(s: &mut Session, ids: &Ids) {
    for amount in [
        "1e3",
        "-0",
        "0.001",
        "0",
        "-5",
        "",
        "abc",
        "1,00",
        " 1",
        "+1",
        "99999999999999999999",
    ] {
        s.run(&["-o", "json", "wallet", "deposit", "alice", "--amount", amount]);
    }
    s.run(&["wallet", "deposit", "alice", "--amount", "1e3"]);
    s.run(&["wallet", "deposit", "carol", "--amount", "1.5"]);
    s.run(&["wallet", "deposit", "dave", "--amount", "1.2345"]);
    s.run(&["wallet", "freeze", "alice", "--amount", "-0"]);
    s.run(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        &ids.payment,
        "--amount",
        "0.001",
    ]);
    s.run(&["wallet", "show", "nobody"]);
    s.run(&["-o", "json", "wallet", "deposit", "nobody", "--amount", "1"]);
    s.run(&["wallet", "show", "wlt_01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
    s.run(&["transaction", "show", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
    s.run(&["-o", "json", "transaction", "show", "nope"]);
    s.run(&["freeze", "show", "frz_01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
    s.run(&["--tenant", "other", "transaction", "show", &ids.payment]);
    s.run(&["--tenant", "other", "-o", "json", "wallet", "list"]);
    s.run(&["--read-only", "wallet", "deposit", "alice", "--amount", "1"]);
    s.run(&["--read-only", "-o", "json", "wallet", "show", "alice"]);
    s.run(&["-o", "csv", "wallet", "show", "alice"]);
    s.run(&["wallet", "history", "alice", "--type", "bogus"]);
    s.run(&["wallet", "history", "alice", "--from", "yesterday"]);
    s.run(&["wallet", "list", "--page-size", "101"]);
    s.run(&["wallet", "list", "--page", "0"]);
    s.run(&["wallet"]);
    s.run(&["wallet", "deposit", "alice"]);
    s.run(&["bogus"]);
    s.run(&["--version"]);
}

fn tokens(s: &mut Session) {
    s.run(&["token", "create"]);
    let write = s
        .run(&[
            "-o",
            "json",
            "token",
            "create",
            "--scope",
            "write",
            "--name",
            "ops team",
            "--expires",
            "30d",
        ])
        .field("/data/token/id");
    s.run(&[
        "token",
        "create",
        "--user",
        "alice",
        "--expires",
        "2035-12-31T00:00:00Z",
        "--name",
        "alice app",
    ]);
    s.run(&[
        "-o",
        "json",
        "--tenant",
        "acme",
        "--app",
        "shop",
        "token",
        "create",
        "--internal",
        "--scope",
        "write",
    ]);
    s.run(&["token", "create", "--expires", "5000d"]);
    s.run(&["token", "create", "--expires", "soon"]);
    s.run(&["token", "create", "--scope", "admin"]);
    s.run(&["token", "revoke", &write]);
    s.run(&["--yes", "token", "revoke", &write]);
    s.run(&["-o", "json", "--yes", "token", "revoke", &write]);
    s.run(&["--yes", "token", "revoke", "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
    s.run(&["--yes", "token", "revoke", "not-a-token"]);
    every_format(s, &["token", "list"]);
    s.run(&["token", "list", "--page", "2", "--page-size", "2"]);
}

fn reads(s: &mut Session, ids: &Ids) {
    every_format(s, &["wallet", "show", "alice"]);
    s.run(&["wallet", "show", &ids.alice_wallet]);
    s.run(&["wallet", "show", "alice", "--at", "2026-03-02"]);
    s.run(&["-o", "json", "wallet", "show", "alice", "--at", "2026-03-01 12:00:00"]);
    s.run(&["wallet", "show", "alice", "--at", "2020-01-01"]);
    every_format(s, &["wallet", "list"]);
    s.run(&["wallet", "list", "--status", "frozen"]);
    s.run(&["-o", "json", "wallet", "list", "--status", "closed"]);
    s.run(&["wallet", "list", "--all"]);
    s.run(&["-o", "json", "wallet", "list", "--all"]);
    s.run(&["-o", "csv", "wallet", "list", "--all"]);
    s.run(&["-o", "json", "wallet", "list", "--page", "2", "--page-size", "2"]);
    every_format(s, &["wallet", "history", "alice"]);
    s.run(&["wallet", "history", "alice", "--type", "payment", "--type", "refund"]);
    s.run(&[
        "-o",
        "json",
        "wallet",
        "history",
        "alice",
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-03",
    ]);
    s.run(&["wallet", "history", "alice", "--reference-id", "dep-1"]);
    s.run(&[
        "-o",
        "csv",
        "wallet",
        "history",
        "alice",
        "--page",
        "2",
        "--page-size",
        "3",
    ]);
    every_format(s, &["wallet", "freezes", "alice"]);
    s.run(&["wallet", "freezes", "alice", "--status", "active"]);
    s.run(&["-o", "json", "wallet", "freezes", "alice", "--status", "released"]);
    every_format(s, &["transaction", "show", &ids.payment]);
    s.run(&["transaction", "show", &ids.freeze_txn]);
    every_format(s, &["freeze", "show", &ids.freeze_id]);
    ledger_reads(s, ids);
}

fn ledger_reads(s: &mut Session, ids: &Ids) {
    every_format(s, &["ledger", "verify"]);
    let anchor = s.run(&["-o", "json", "ledger", "verify"]).field("/data/head/anchor");
    s.run(&["ledger", "verify", "--anchor", &anchor]);
    s.run(&[
        "ledger",
        "verify",
        "--anchor",
        "3:0000000000000000000000000000000000000000000000000000000000000000",
    ]);
    s.run(&["ledger", "verify", "--anchor", "nonsense"]);
    every_format(s, &["ledger", "trial-balance"]);
    s.run(&["ledger", "trial-balance", "--at", "2026-03-02"]);
    s.run(&["-o", "json", "ledger", "trial-balance", "--at", "2026-03-01T09:00:00Z"]);
    every_format(s, &["ledger", "journal"]);
    s.run(&[
        "ledger",
        "journal",
        "--wallet-id",
        &ids.alice_wallet,
        "--type",
        "freeze",
        "--type",
        "unfreeze",
    ]);
    s.run(&[
        "-o",
        "json",
        "ledger",
        "journal",
        "--from",
        "2026-03-03",
        "--page-size",
        "2",
    ]);
    s.run(&["ledger", "journal", "--reference-id", "pay-1"]);
    for format in ["csv", "json", "hledger", "beancount"] {
        s.run(&["ledger", "export", "--format", format]);
    }
    s.run(&[
        "ledger",
        "export",
        "--format",
        "csv",
        "--since",
        "2026-03-02",
        "--until",
        "2026-03-03",
    ]);
    s.run(&["-o", "json", "ledger", "export", "--format", "json"]);
    s.run(&["ledger", "export", "--format", "xml"]);
}

/// The help of every command and subcommand, found by walking `Commands:` from the top: a new
/// command is recorded without being listed here. Kept apart from the session so an intended
/// change of wording is blessed and reviewed on its own.
#[test]
fn every_help_text_reads_as_recorded() {
    let mut s = Session::at(DAY1);
    let mut pending: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = s.run(&args);
        assert_eq!(help.code, 0, "{}", help.stderr);
        for name in subcommands(&help.stdout).into_iter().rev() {
            pending.push([path.clone(), vec![name]].concat());
        }
    }
    s.run(&["help", "wallet", "deposit"]);
    s.run(&["wallet", "-h"]);
    s.check("help.txt");
}

/// The names listed under `Commands:` in a help text, `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter(|line| line.starts_with("  ") && !line[2..].starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn batches_print_and_exit_as_recorded() {
    let mut s = Session::at(DAY1);
    s.run(&["init"]);
    s.run(&["wallet", "create", "alice"]);
    s.run(&["wallet", "create", "bob", "--currency", "JPY"]);
    let csv = "op,user_id,amount,description,reference_id,counterparty_id,reason,freeze_id,transaction_id,direction,new_counterparty\n\
               deposit,alice,100.00,opening,b-1,,,,,,\n\
               payment,alice,10,,b-2,shop,,,,,true\n\
               withdraw,alice,5,,,,,,,,\n\
               freeze,alice,3,,,,hold,,,,\n\
               adjust,alice,1,,,,correction,,,credit,\n\
               deposit,bob,500,,,,,,,,\n\
               deposit,bob,1.5,,,,,,,,\n\
               withdraw,alice,1000,,,,,,,,\n\
               deposit,nobody,1,,,,,,,,\n";
    let dir = s.dir();
    std::fs::write(dir.join("ops.csv"), csv).unwrap();
    let file = dir.join("ops.csv").to_string_lossy().into_owned();
    s.run(&["batch", "--dry-run", &file]);
    s.run(&["-o", "json", "batch", "--dry-run", &file]);
    s.run(&["batch", "--atomic", &file]);
    s.run(&["batch", &file]);
    s.run(&["batch", &file]);
    let history = s.run(&["-o", "json", "wallet", "history", "alice", "--type", "payment"]);
    let payment = history.field("/items/0/id");
    let freeze = s
        .run(&["-o", "json", "wallet", "freezes", "alice"])
        .field("/items/0/id");
    let jsonl = format!(
        "{{\"op\":\"unfreeze\",\"user_id\":\"alice\",\"freeze_id\":\"{freeze}\",\"reason\":\"done\"}}\n\
         {{\"op\":\"refund\",\"transaction_id\":\"{payment}\",\"amount\":\"2\"}}\n\
         {{\"op\":\"refund\",\"user_id\":\"alice\",\"transaction_id\":\"{payment}\",\"reference_id\":\"r-2\"}}\n\
         {{\"op\":\"adjust\",\"user_id\":\"alice\",\"amount\":\"1\",\"direction\":\"debit\",\"reason\":\"fix\"}}\n\
         {{\"op\":\"deposit\",\"user_id\":\"alice\",\"amount\":\"1e3\"}}\n\
         {{\"op\":\"teleport\",\"user_id\":\"alice\"}}\n\
         {{\"op\":\"deposit\",\"user_id\":\"alice\",\"amount\":\"1\",\"colour\":\"red\"}}\n\
         not json\n"
    );
    std::fs::write(dir.join("ops.jsonl"), &jsonl).unwrap();
    let jsonl_file = dir.join("ops.jsonl").to_string_lossy().into_owned();
    s.run(&["batch", "--dry-run", &jsonl_file]);
    s.run(&["--yes", "batch", &jsonl_file]);
    s.run_with(
        &[],
        Some("{\"op\":\"deposit\",\"user_id\":\"bob\",\"amount\":\"7\"}\n"),
        &["batch", "-"],
    );
    s.run_with(
        &[],
        Some("op,user_id,amount\ndeposit,bob,8\n"),
        &["batch", "--format", "csv", "-"],
    );
    s.run_with(
        &[],
        Some("op,user,amount\ndeposit,bob,8\n"),
        &["batch", "--format", "csv", "-"],
    );
    s.run_with(
        &[],
        Some("user_id,amount\nbob,8\n"),
        &["-o", "json", "batch", "--format", "csv", "-"],
    );
    s.run_with(&[], Some(""), &["batch", "-"]);
    s.run(&["batch", "/nonexistent/ops.csv"]);
    s.run(&["ledger", "verify"]);
    s.run(&["wallet", "history", "alice"]);
    s.check("batch_session.txt");
}

#[test]
fn every_http_route_answers_as_recorded() {
    let mut s = Session::at(DAY1);
    s.run(&["init"]);
    s.run(&["wallet", "create", "alice"]);
    s.run(&["wallet", "create", "bob", "--currency", "USD"]);
    s.run(&["wallet", "deposit", "alice", "--amount", "100"]);
    s.run(&["wallet", "deposit", "bob", "--amount", "50"]);
    let token = |s: &mut Session, args: &[&str]| {
        s.run(&[&["-o", "json", "token", "create"], args].concat())
            .field("/data/secret")
    };
    let write = token(&mut s, &["--scope", "write"]);
    let read = token(&mut s, &[]);
    let alice = token(&mut s, &["--scope", "write", "--user", "alice"]);
    let internal = token(&mut s, &["--internal"]);
    let revoked = token(&mut s, &["--scope", "write"]);
    let revoked_id = revoked.split_once('.').unwrap().0.to_owned();
    s.run(&["--yes", "token", "revoke", &revoked_id]);
    let http = Http::start(&s);
    let (public, internal_addr) = (http.server.public.clone(), http.server.internal.clone());
    s.literal(&public, "<public listener>");
    s.literal(&internal_addr, "<internal listener>");
    let tokens = Tokens {
        write,
        read,
        alice,
        internal,
        revoked,
    };
    http_reads(&mut s, &http, &tokens);
    http_writes(&mut s, &http, &tokens);
    http_refusals(&mut s, &http, &tokens);
    let (code, stderr) = http.server.stop();
    s.record(
        "serve stopped by SIGTERM",
        &[("exit", &format!("{code}\n")), ("stderr", &stderr)],
    );
    s.check("http_session.txt");
}

struct Tokens {
    write: String,
    read: String,
    alice: String,
    internal: String,
    revoked: String,
}

fn http_reads(s: &mut Session, http: &Http, t: &Tokens) {
    http.send(s, Door::Public, "GET", "/healthz", &[], None);
    http.send(s, Door::Internal, "GET", "/healthz", &[], None);
    http.send(s, Door::Public, "GET", "/openapi.json", &[], None);
    http.bearer(s, &t.read, "GET", "/wallets/alice", None);
    http.bearer(s, &t.read, "GET", "/wallets/bob", None);
    http.bearer(s, &t.read, "GET", "/wallets/nobody", None);
    http.bearer(s, &t.read, "GET", "/wallets/alice/transactions", None);
    http.bearer(s, &t.read, "GET", "/wallets/alice/freezes", None);
    http.bearer(s, &t.alice, "GET", "/wallets/alice", None);
    http.bearer(s, &t.alice, "GET", "/wallets/bob", None);
}

fn http_writes(s: &mut Session, http: &Http, t: &Tokens) {
    let w = t.write.as_str();
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/deposit",
        Some(r#"{"amount":"10.00","description":"top up","reference_id":"h-1"}"#),
    );
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/deposit",
        Some(r#"{"amount":"10","reference_id":"h-1"}"#),
    );
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/deposit",
        Some(r#"{"amount":"11","reference_id":"h-1"}"#),
    );
    let paid = http
        .bearer(
            s,
            w,
            "POST",
            "/wallets/alice/payment",
            Some(r#"{"amount":"20","counterparty_id":"shop","new_counterparty":true}"#),
        )
        .field("/data/transaction/id");
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/payment",
        Some(r#"{"amount":"1","counterparty_id":"shpo"}"#),
    );
    http.bearer(s, w, "POST", "/wallets/alice/withdraw", Some(r#"{"amount":"5"}"#));
    http.bearer(s, w, "POST", "/wallets/alice/withdraw", Some(r#"{"amount":"5000"}"#));
    let frozen = http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/freeze",
        Some(r#"{"amount":"7","reason":"hold"}"#),
    );
    let freeze_id = frozen.field("/data/freeze/id");
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/unfreeze",
        Some(&format!(r#"{{"freeze_id":"{freeze_id}","reason":"ok"}}"#)),
    );
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/unfreeze",
        Some(&format!(r#"{{"freeze_id":"{freeze_id}"}}"#)),
    );
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/refund",
        Some(&format!(r#"{{"transaction_id":"{paid}","amount":"3","reason":"r"}}"#)),
    );
    let key = |k: &'static str| {
        let auth = format!("Bearer {w}");
        move |s: &mut Session, body: &str| {
            let headers = [
                ("Authorization", auth.as_str()),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", k),
            ];
            http.send(s, Door::Public, "POST", "/wallets/bob/deposit", &headers, Some(body));
        }
    };
    let keyed = key("k-1");
    keyed(s, r#"{"amount":"2"}"#);
    keyed(s, r#"{"amount":"2"}"#);
    keyed(s, r#"{"amount":"3"}"#);
    let refund = format!(r#"{{"transaction_id":"{paid}","amount":"2"}}"#);
    let internal = [("X-API-Key", t.internal.as_str()), ("Content-Type", "application/json")];
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &internal,
        Some(&refund),
    );
    let keyed = [
        ("X-API-Key", t.internal.as_str()),
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "ik-1"),
    ];
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &keyed,
        Some(&format!(r#"{{"transaction_id":"{paid}"}}"#)),
    );
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &keyed,
        Some(&format!(r#"{{"transaction_id":"{paid}"}}"#)),
    );
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &internal,
        Some(&refund),
    );
    let cursor = http
        .bearer(s, &t.read, "GET", "/wallets/alice/transactions?page_size=2", None)
        .json()["next_cursor"]
        .as_str()
        .map(str::to_owned);
    if let Some(cursor) = cursor {
        http.bearer(
            s,
            &t.read,
            "GET",
            &format!("/wallets/alice/transactions?page_size=2&cursor={cursor}"),
            None,
        );
    }
    http.bearer(
        s,
        &t.read,
        "GET",
        "/wallets/alice/transactions?type=payment,refund",
        None,
    );
    http.bearer(
        s,
        &t.read,
        "GET",
        "/wallets/alice/transactions?reference_id=h-1&page=1",
        None,
    );
    http.bearer(s, &t.read, "GET", "/wallets/alice/freezes?status=released", None);
}

fn http_refusals(s: &mut Session, http: &Http, t: &Tokens) {
    let w = t.write.as_str();
    let deposit = Some(r#"{"amount":"1"}"#);
    http.send(s, Door::Public, "GET", "/wallets/alice", &[], None);
    http.bearer(
        s,
        "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.nonsense",
        "GET",
        "/wallets/alice",
        None,
    );
    http.bearer(s, &t.revoked, "GET", "/wallets/alice", None);
    http.bearer(s, &t.read, "POST", "/wallets/alice/deposit", deposit);
    http.bearer(s, &t.alice, "POST", "/wallets/bob/deposit", deposit);
    http.bearer(s, &t.internal, "GET", "/wallets/alice", None);
    for amount in ["1e3", "-0", "0.001", "0", ""] {
        http.bearer(
            s,
            w,
            "POST",
            "/wallets/alice/deposit",
            Some(&format!(r#"{{"amount":"{amount}"}}"#)),
        );
    }
    http.bearer(s, w, "POST", "/wallets/alice/deposit", Some(r#"{"amount":1}"#));
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/deposit",
        Some(r#"{"amount":"1","colour":"red"}"#),
    );
    http.bearer(s, w, "POST", "/wallets/alice/deposit", Some(r#"{"amount":"1""#));
    http.bearer(s, w, "POST", "/wallets/alice/deposit", None);
    let auth = format!("Bearer {w}");
    let text = [("Authorization", auth.as_str()), ("Content-Type", "text/plain")];
    http.send(s, Door::Public, "POST", "/wallets/alice/deposit", &text, deposit);
    http.bearer(s, w, "POST", "/wallets/nobody/deposit", deposit);
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/unfreeze",
        Some(r#"{"freeze_id":"frz_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#),
    );
    http.bearer(
        s,
        w,
        "POST",
        "/wallets/alice/refund",
        Some(r#"{"transaction_id":"txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#),
    );
    http.bearer(s, &t.read, "GET", "/wallets/alice/transactions?colour=red", None);
    http.bearer(s, &t.read, "GET", "/wallets/alice/transactions?page_size=1000", None);
    http.bearer(s, &t.read, "GET", "/wallets/alice/transactions?type=bogus", None);
    http.bearer(s, &t.read, "GET", "/wallets/alice/transactions?cursor=nonsense", None);
    http.bearer(s, &t.read, "GET", "/nowhere", None);
    http.bearer(s, w, "DELETE", "/wallets/alice", None);
    http.bearer(s, w, "GET", "/wallets/alice/deposit", None);
    http.bearer(
        s,
        w,
        "POST",
        "/internal/wallet/refund",
        Some(r#"{"transaction_id":"x"}"#),
    );
    let wrong = [("X-API-Key", w), ("Content-Type", "application/json")];
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &wrong,
        Some(r#"{"transaction_id":"x"}"#),
    );
    http.send(
        s,
        Door::Internal,
        "POST",
        "/internal/wallet/refund",
        &[],
        Some(r#"{"transaction_id":"x"}"#),
    );
    http.send(
        s,
        Door::Internal,
        "GET",
        "/wallets/alice",
        &[("Authorization", &auth)],
        None,
    );
}
