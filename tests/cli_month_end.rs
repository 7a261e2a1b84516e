//! Month-end: the trial balance as of a moment (and as CSV), exports of a period, times as
//! people type them, hledger descriptions, and wallets named with their users.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{s, Ledger};

/// The instant a point-in-time test's first group of entries is stamped with (the ledger's
/// clock is pinned: no test sleeps to separate timestamps).
const BEFORE: &str = "2026-04-15T10:00:00Z";
/// The moment between the two groups.
const THEN: &str = "2026-04-15T10:30:00Z";
/// The instant of the second group.
const AFTER: &str = "2026-04-15T11:00:00Z";

/// A moment strictly between the entries made so far (at [`BEFORE`]) and those that follow
/// (at [`AFTER`]), as the ledger prints times.
fn moment_between(l: &Ledger) -> String {
    l.set_clock(THEN);
    let then = s(&l.ok(&["wallet", "list"])["timestamp"]).to_owned();
    assert_eq!(then, THEN, "the envelope is stamped with the pinned clock");
    l.set_clock(AFTER);
    then
}

/// `2026-04-15T10:30:00Z` as people type it: `2026-04-15 10:30:00`.
fn spaced(rfc3339: &str) -> String {
    rfc3339.trim_end_matches('Z').replacen('T', " ", 1)
}

fn account<'a>(tb: &'a Value, name: &str) -> &'a Value {
    tb["data"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == name)
        .unwrap_or_else(|| panic!("no {name} in {tb}"))
}

/// Two periods: a deposit of 100 and a credit adjustment of 3 before `then`; a withdrawal of
/// 40 and a payment of 10 after it. Returns the ledger, `then` and u1's wallet id.
fn two_periods() -> (Ledger, String, String) {
    let l = Ledger::at(BEFORE);
    l.funded("u1", "100.00");
    l.ok(&[
        "wallet", "adjust", "u1", "--credit", "3", "--reason", "goodwill", "--yes",
    ]);
    let then = moment_between(&l);
    l.ok(&["wallet", "withdraw", "u1", "--amount", "40"]);
    l.ok(&[
        "wallet",
        "payment",
        "u1",
        "--amount",
        "10",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
    ]);
    let wallet_id = s(&l.wallet("u1")["wallet_id"]).to_owned();
    (l, then, wallet_id)
}

#[test]
fn the_trial_balance_at_a_moment_has_the_balances_of_that_moment() {
    let (l, then, wallet_id) = two_periods();
    let available = format!("liabilities:wallet:{wallet_id}:available");

    let past = l.ok(&["ledger", "trial-balance", "--at", &then]);
    assert_eq!(s(&account(&past, "assets:settlement:CNY")["balance"]), "100.00");
    assert_eq!(s(&account(&past, &available)["balance"]), "103.00");
    assert_eq!(s(&account(&past, "equity:adjustments:CNY")["balance"]), "-3.00");
    assert!(
        past["data"]["accounts"].as_array().unwrap().len() == 3,
        "no counterparty yet: {past}"
    );
    assert_eq!(past["data"]["balanced"], true);
    assert_eq!(s(&past["data"]["as_of"]), then);

    let typed = l.ok(&["ledger", "trial-balance", "--at", &spaced(&then)]);
    assert_eq!(
        typed["data"], past["data"],
        "`YYYY-MM-DD HH:MM:SS` is the same UTC moment"
    );

    let now = l.ok(&["ledger", "trial-balance"]);
    assert_eq!(s(&account(&now, "assets:settlement:CNY")["balance"]), "60.00");
    assert_eq!(s(&account(&now, &available)["balance"]), "53.00");
    assert!(now["data"].get("as_of").is_none_or(Value::is_null));

    let before = l.ok(&["ledger", "trial-balance", "--at", "2000-01-01"]);
    assert_eq!(before["data"]["accounts"].as_array().unwrap().len(), 0);
    l.fails(
        &["ledger", "trial-balance", "--at", "end of March"],
        2,
        "invalid_request",
    );
}

#[test]
fn the_trial_balance_prints_as_csv_with_each_wallets_user_and_negative_balances_as_numbers() {
    let (l, _, wallet_id) = two_periods();
    let out = l.cmd().args(["-o", "csv", "ledger", "trial-balance"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let json = l.ok(&["ledger", "trial-balance"]);
    let accounts = json["data"]["accounts"].as_array().unwrap();
    assert_eq!(rows.len(), accounts.len(), "a row per account");
    for (row, account) in rows.iter().zip(accounts) {
        assert_eq!(row.len(), header.len());
        for field in ["account", "currency", "debit", "credit", "balance", "normal_side"] {
            assert_eq!(&row[col(field)], s(&account[field]), "{field}");
        }
    }
    let equity = rows
        .iter()
        .find(|r| &r[col("account")] == "equity:adjustments:CNY")
        .unwrap();
    assert_eq!(&equity[col("balance")], "-3.00", "a negative amount stays a number");
    assert_eq!(&equity[col("user_id")], "");
    let wallet = rows.iter().find(|r| r[col("account")].contains(&wallet_id)).unwrap();
    assert_eq!(
        (
            &wallet[col("user_id")],
            &wallet[col("tenant_id")],
            &wallet[col("application_id")]
        ),
        ("u1", "default", "default")
    );
    let available = format!("liabilities:wallet:{wallet_id}:available");
    assert_eq!(s(&account(&json, &available)["user_id"]), "u1");

    let table = l.cmd().args(["ledger", "trial-balance"]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    let line = table.lines().find(|line| line.contains(&wallet_id)).unwrap();
    assert!(
        line.contains("u1"),
        "the table names the user beside the wallet: {line}"
    );
}

fn export(l: &Ledger, args: &[&str]) -> String {
    let out = l.cmd().args(["ledger", "export"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_export_covers_the_period_from_since_up_to_until_exclusive() {
    let (l, then, _) = two_periods();
    let types = |text: &str| -> Vec<String> {
        text.lines()
            .map(|line| {
                serde_json::from_str::<Value>(line).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let first = export(&l, &["--format", "json", "--until", &then]);
    assert_eq!(types(&first), ["deposit", "adjust_credit"]);
    let second = export(
        &l,
        &[
            "--format",
            "json",
            "--since",
            &spaced(&then),
            "--until",
            "2999-01-01 00:00:00",
        ],
    );
    assert_eq!(types(&second), ["withdraw", "payment"]);
    assert_eq!(
        export(&l, &["--format", "json", "--since", &then, "--until", &then]),
        ""
    );
    let all = export(&l, &["--format", "json"]);
    assert_eq!(format!("{first}{second}"), all);
    l.fails(
        &["ledger", "export", "--format", "csv", "--until", "soon"],
        2,
        "invalid_request",
    );
}

#[test]
fn times_are_read_as_rfc_3339_or_as_a_utc_date_and_time_with_a_space() {
    let (l, then, _) = two_periods();
    let typed = spaced(&then);
    assert_eq!(
        l.ok(&["wallet", "show", "u1", "--at", &typed])["data"]["balance"],
        "103.00"
    );
    assert_eq!(l.ok(&["wallet", "history", "u1", "--from", &typed])["total"], 2);
    assert_eq!(l.ok(&["ledger", "journal", "--to", &typed])["total"], 2);
    l.fails(
        &["wallet", "show", "u1", "--at", "2026-04-15 10:30"],
        2,
        "invalid_request",
    );
}

#[test]
fn exports_name_each_wallets_user_and_the_hledger_description_is_the_transactions() {
    let l = Ledger::new();
    l.funded("u1", "10.00");
    l.ok(&["--tenant", "acme", "--app", "shop", "wallet", "create", "u2"]);
    l.ok(&[
        "--tenant",
        "acme",
        "--app",
        "shop",
        "wallet",
        "deposit",
        "u2",
        "--amount",
        "5",
        "--description",
        "salary April; bonus",
    ]);

    let lines: Vec<Value> = export(&l, &["--format", "json"])
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        (
            s(&lines[1]["user_id"]),
            s(&lines[1]["tenant_id"]),
            s(&lines[1]["application_id"])
        ),
        ("u2", "acme", "shop")
    );

    let csv_text = export(&l, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let user = header.iter().position(|h| h == "user_id").unwrap();
    let users: Vec<String> = reader.records().map(|r| r.unwrap()[user].to_owned()).collect();
    assert_eq!(users, ["u1", "u1", "u2", "u2"]);

    let beancount = export(&l, &["--format", "beancount"]);
    assert!(beancount.contains("user_id: \"u2\""), "{beancount}");

    let journal = export(&l, &["--format", "hledger"]);
    assert!(journal.contains("user:u2"), "{journal}");
    let file = l.db.with_file_name("export.journal");
    std::fs::write(&file, &journal).unwrap();
    let found = Command::new("sh").args(["-c", "command -v hledger"]).output().unwrap();
    if !found.status.success() {
        assert!(
            std::env::var("LEDGERCTL_REQUIRE_EXPORT_TOOLS").is_err(),
            "hledger is required (LEDGERCTL_REQUIRE_EXPORT_TOOLS is set) but not installed"
        );
        eprintln!("note: hledger is not installed; skipping its check");
        return;
    }
    let hledger = |query: &[&str]| {
        let out = Command::new("hledger")
            .arg("-f")
            .arg(&file)
            .args(["reg", "-O", "csv"])
            .args(query)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let by_description = hledger(&["desc:salary April"]);
    assert_eq!(by_description.lines().count(), 1 + 2, "{by_description}");
    assert!(by_description.contains("5.00"), "{by_description}");
    let u2_id = s(&lines[1]["id"]).to_owned();
    assert_eq!(
        hledger(&[&format!("code:{u2_id}")]),
        by_description,
        "the id is the code"
    );
    assert_eq!(hledger(&["tag:user=u2"]), by_description, "the user is a tag");
}
