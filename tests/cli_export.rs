//! `ledger export`: csv, JSON Lines, hledger and beancount, each reconciled with the trial balance.
//! hledger and beancount are run for real when installed; `.ci/run` installs them and sets
//! LEDGERCTL_REQUIRE_EXPORT_TOOLS=1, so in CI a missing tool is a failure, not a skip.

mod support;

use std::collections::{BTreeMap, HashMap};
use std::process::Command;

use serde_json::Value;
use support::{s, Ledger};

/// A ledger with every kind of entry, two currencies and a counterparty id beancount must rename.
fn busy_ledger() -> Ledger {
    let l = Ledger::new();
    let deposit = l.funded("u1", "1000.00");
    l.ok(&["wallet", "create", "u2", "--currency", "JPY"]);
    l.ok(&[
        "wallet",
        "deposit",
        "u2",
        "--amount",
        "5000",
        "--description",
        "say \"hi\"; #1 \\o/",
    ]);
    let payment = l.ok(&[
        "wallet",
        "payment",
        "u1",
        "--amount",
        "200",
        "--counterparty",
        "alice@example.com",
        "--new-counterparty",
    ]);
    let payment_id = s(&payment["data"]["transaction"]["id"]).to_owned();
    l.ok(&[
        "wallet",
        "refund",
        "u1",
        "--transaction-id",
        &payment_id,
        "--amount",
        "50",
    ]);
    l.ok(&["wallet", "refund", "u1", "--transaction-id", &deposit, "--amount", "10"]);
    l.ok(&["wallet", "freeze", "u1", "--amount", "100"]);
    l.ok(&["wallet", "withdraw", "u1", "--amount", "40.50"]);
    l.ok(&["wallet", "adjust", "u2", "--debit", "7", "--reason", "fee", "--yes"]);
    l.ok(&[
        "wallet",
        "adjust",
        "u1",
        "--credit",
        "0.01",
        "--reason",
        "rounding claim",
        "--yes",
    ]);
    // A capture of part of a hold, paid to the counterparty: one entry of three postings.
    let held = l.ok(&["wallet", "freeze", "u1", "--amount", "20"]);
    let held_id = s(&held["data"]["freeze"]["id"]).to_owned();
    l.ok(&[
        "wallet",
        "capture",
        "u1",
        "--freeze-id",
        &held_id,
        "--amount",
        "12.50",
        "--counterparty",
        "alice@example.com",
    ]);
    // A transfer: its two legs and the clearing account, which nets to zero.
    l.ok(&["wallet", "create", "u3"]);
    l.ok(&[
        "wallet",
        "transfer",
        "u1",
        "u3",
        "--amount",
        "12.34",
        "--description",
        "split",
    ]);
    l
}

fn export(l: &Ledger, format: &str) -> String {
    let out = l.cmd().args(["ledger", "export", "--format", format]).output().unwrap();
    assert!(
        out.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The trial balance as {account: "signed amount CURRENCY"}, debits positive.
fn trial_balance(l: &Ledger) -> BTreeMap<String, String> {
    let tb = l.ok(&["ledger", "trial-balance"]);
    tb["data"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let signed = if a["normal_side"] == "debit" {
                s(&a["balance"]).to_owned()
            } else {
                negate(s(&a["balance"]))
            };
            (s(&a["account"]).to_owned(), format!("{signed} {}", s(&a["currency"])))
        })
        .collect()
}

fn negate(amount: &str) -> String {
    match amount.strip_prefix('-') {
        Some(positive) => positive.to_owned(),
        None if amount.trim_start_matches(['0', '.']).is_empty() => amount.to_owned(),
        None => format!("-{amount}"),
    }
}

/// The tool to run, or None when it is not installed and CI did not require it (the test then
/// says `skipped: …` where `cargo test` shows it).
fn tool(name: &str) -> Option<String> {
    support::tool_installed(name, "LEDGERCTL_REQUIRE_EXPORT_TOOLS").then(|| name.to_owned())
}

#[test]
fn the_hledger_export_is_accepted_by_hledger_and_balances_to_the_trial_balance() {
    let l = busy_ledger();
    let journal = l.db.with_file_name("export.journal");
    std::fs::write(&journal, export(&l, "hledger")).unwrap();
    let Some(hledger) = tool("hledger") else { return };
    let out = Command::new(hledger)
        .arg("-f")
        .arg(&journal)
        .args(["bal", "-O", "csv", "--no-total", "--flat"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hledger refused the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut balances = BTreeMap::new();
    for row in csv::Reader::from_reader(out.stdout.as_slice()).records() {
        let row = row.unwrap();
        balances.insert(row[0].to_owned(), row[1].to_owned());
    }
    // hledger leaves out an account whose balance is zero (the transfers clearing account).
    let mut expected = trial_balance(&l);
    let clearing = expected.remove("liabilities:transfers:CNY");
    assert_eq!(
        clearing.as_deref(),
        Some("0.00 CNY"),
        "the clearing account nets to zero"
    );
    assert_eq!(balances, expected);
}

#[test]
fn the_beancount_export_is_accepted_by_beancount_and_balances_to_the_trial_balance() {
    let l = busy_ledger();
    let file = l.db.with_file_name("export.beancount");
    std::fs::write(&file, export(&l, "beancount")).unwrap();
    let Some(bean_check) = tool("bean-check") else { return };
    let check = Command::new(bean_check).arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "bean-check refused the export: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let script = format!("{}/tests/support/beancount_balances.py", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3").arg(script).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let balances: BTreeMap<String, String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(balances, trial_balance(&l));
}

#[test]
fn the_csv_export_has_a_row_per_posting_that_sums_to_the_trial_balance() {
    let l = busy_ledger();
    let text = export(&l, "csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..3], ["seq", "transaction_id", "created_at"]);
    let mut cents: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        rows += 1;
        let amount = |text: &str| {
            if text.is_empty() {
                0
            } else {
                text.replace('.', "").parse::<i64>().unwrap()
            }
        };
        *cents.entry((row[5].to_owned(), row[6].to_owned())).or_default() += amount(&row[7]) - amount(&row[8]);
    }
    let entries = l.ok(&["ledger", "verify"])["data"]["entries"].as_u64().unwrap();
    assert_eq!(rows, 2 * entries + 1, "two postings per entry, three for the capture's");
    let tb = trial_balance(&l);
    assert_eq!(cents.len(), tb.len());
    for ((account, currency), sum) in cents {
        let expected = &tb[&account];
        let digits = expected.trim_end_matches(&format!(" {currency}")).replace('.', "");
        assert_eq!(sum, digits.parse::<i64>().unwrap(), "{account}");
    }
    assert!(
        text.contains("\"say \"\"hi\"\"; #1 \\o/\""),
        "free text is quoted, not mangled"
    );
}

#[test]
fn the_json_export_has_one_entry_per_line_ending_at_the_journal_head() {
    let l = busy_ledger();
    let lines: Vec<Value> = export(&l, "json")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let head = l.ok(&["ledger", "verify"])["data"]["head"].clone();
    assert_eq!(lines.len() as u64, head["seq"].as_u64().unwrap());
    let last = lines.last().unwrap();
    assert_eq!(last["hash"], head["hash"]);
    // Each entry links to the one before it in its wallet, numbered 1, 2, 3… there.
    let mut heads: HashMap<String, (u64, Value)> = HashMap::new();
    for entry in &lines {
        let wallet = s(&entry["wallet_id"]).to_owned();
        let (n, prev) = heads.get(&wallet).cloned().unwrap_or((0, Value::from("0".repeat(64))));
        assert_eq!(
            (&entry["wallet_seq"], &entry["chain_version"]),
            (&Value::from(n + 1), &Value::from(2))
        );
        assert_eq!(entry["prev_hash"], prev, "{entry}");
        heads.insert(wallet, (n + 1, entry["hash"].clone()));
    }
    for entry in &lines {
        let postings = entry["postings"].as_array().unwrap();
        if entry["type"] == "capture" {
            // The hold out of frozen, then the captured amount and the released rest.
            let amounts: Vec<&str> = postings.iter().map(|p| s(&p["amount"])).collect();
            assert_eq!(amounts, ["20.00", "-12.50", "-7.50"], "{entry}");
            continue;
        }
        assert_eq!(postings.len(), 2);
        assert_eq!(negate(s(&postings[0]["amount"])), s(&postings[1]["amount"]), "{entry}");
    }
}

#[test]
fn since_limits_the_export_and_bad_times_are_refused() {
    let l = busy_ledger();
    let future = export_since(&l, "2999-01-01");
    assert_eq!(future.lines().count(), 1, "only the csv header: {future}");
    let past = export_since(&l, "2000-01-01T00:00:00+08:00");
    assert_eq!(past, export(&l, "csv"));
    l.fails(
        &["ledger", "export", "--format", "csv", "--since", "yesterday"],
        2,
        "invalid_request",
    );
}

fn export_since(l: &Ledger, since: &str) -> String {
    let out = l
        .cmd()
        .args(["ledger", "export", "--format", "csv", "--since", since])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Ledger accounts whose names a write token holder chose to collide once mapped: ids that
/// differ only by `_`, `-`, `.` or `@`, by case (tenants `A` and `a`), and a counterparty
/// literally named like the old exporter's hashed name for another.
fn adversarial_ledger() -> Ledger {
    use sha2::{Digest, Sha256};
    let l = Ledger::new();
    let digest = Sha256::digest(b"liabilities:counterparty:default:default:m_1");
    let hashed = format!(
        "m-1-{:02x}{:02x}{:02x}{:02x}",
        digest[0], digest[1], digest[2], digest[3]
    );
    let counterparties = [
        "m_1", "m-1", &hashed, "m.1", "m@1", "M_1", "M-1", "m--1", "m-U1", "0m", "_m", "-m", "X-m", "Xm",
    ];
    for (tenant, app) in [
        ("default", "default"),
        ("A", "a"),
        ("a", "a"),
        ("a", "A"),
        ("a_", "a"),
        ("a", "_a"),
    ] {
        let scoped = |args: &[&str]| {
            let mut all = vec!["--tenant", tenant, "--app", app];
            all.extend_from_slice(args);
            l.ok(&all)
        };
        scoped(&["wallet", "create", "u"]);
        scoped(&["wallet", "deposit", "u", "--amount", "1000"]);
        for (i, counterparty) in counterparties.iter().enumerate() {
            let amount = format!("{}.{:02}", i + 1, tenant.len() + app.len());
            let pay = format!("--counterparty={counterparty}");
            scoped(&[
                "wallet",
                "payment",
                "u",
                "--amount",
                &amount,
                &pay,
                "--new-counterparty",
            ]);
        }
    }
    l
}

#[test]
fn adversarial_account_names_stay_distinct_in_beancount_and_hledger_and_balance_to_the_trial_balance() {
    let l = adversarial_ledger();
    let tb = trial_balance(&l);
    assert_eq!(
        tb.len(),
        1 + 6 + 6 * 14,
        "settlement, six wallets, 84 counterparty accounts"
    );

    let file = l.db.with_file_name("adversarial.beancount");
    std::fs::write(&file, export(&l, "beancount")).unwrap();
    if let Some(bean_check) = tool("bean-check") {
        let check = Command::new(bean_check).arg(&file).output().unwrap();
        assert!(
            check.status.success(),
            "bean-check refused the export: {}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
        let script = format!("{}/tests/support/beancount_balances.py", env!("CARGO_MANIFEST_DIR"));
        let out = Command::new("python3").arg(script).arg(&file).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let balances: BTreeMap<String, String> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(balances, tb);
    }

    let journal = l.db.with_file_name("adversarial.journal");
    std::fs::write(&journal, export(&l, "hledger")).unwrap();
    if let Some(hledger) = tool("hledger") {
        let out = Command::new(hledger)
            .arg("-f")
            .arg(&journal)
            .args(["bal", "-O", "csv", "--no-total", "--flat"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut balances = BTreeMap::new();
        for row in csv::Reader::from_reader(out.stdout.as_slice()).records() {
            let row = row.unwrap();
            balances.insert(row[0].to_owned(), row[1].to_owned());
        }
        assert_eq!(balances, tb);
    }
}
