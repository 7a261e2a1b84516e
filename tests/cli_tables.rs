//! Tables: on a terminal they fit its width (ids and amounts whole, descriptions cut short or
//! left out first); piped, they are plain aligned columns, with no box drawing, for awk and cut.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{s, Ledger};

const BOX_DRAWING: [char; 12] = ['│', '┆', '─', '┌', '┐', '└', '┘', '├', '┤', '╞', '═', '┼'];

/// A wallet with long ids everywhere and a long description.
fn busy() -> Ledger {
    let l = Ledger::new();
    l.funded("u1", "1000.00");
    l.ok(&[
        "wallet",
        "deposit",
        "u1",
        "--amount",
        "25.50",
        "--description",
        "salary_for_April_paid_by_ACME_Corporation_Limited_with_a_long_note",
    ]);
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
    l.ok(&[
        "wallet",
        "refund",
        "u1",
        "--transaction-id",
        &payment,
        "--amount",
        "20",
        "--reference-id",
        "r-1",
    ]);
    l.ok(&["wallet", "freeze", "u1", "--amount", "5", "--reason", "review"]);
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "audit", "--yes"]);
    l.ok(&["token", "create", "--user", "u1"]);
    l
}

fn lists() -> Vec<Vec<&'static str>> {
    vec![
        vec!["wallet", "history", "u1"],
        vec!["wallet", "list"],
        vec!["wallet", "freezes", "u1"],
        vec!["wallet", "status", "u1"],
        vec!["ledger", "journal"],
        vec!["ledger", "trial-balance"],
        vec!["ledger", "reconcile", "--date", today()],
        vec!["token", "list"],
    ]
}

/// Today in UTC, the day `busy`'s entries were made (the report of any other day has no rows).
fn today() -> &'static str {
    Box::leak(chrono::Utc::now().format("%Y-%m-%d").to_string().into_boxed_str())
}

fn ids(l: &Ledger) -> Vec<String> {
    let history = l.ok(&["wallet", "history", "u1"]);
    let mut ids: Vec<String> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["id"]).to_owned())
        .collect();
    ids.push(s(&l.wallet("u1")["wallet_id"]).to_owned());
    ids
}

#[test]
fn piped_tables_are_plain_aligned_columns_that_awk_splits_into_the_headers_fields() {
    let l = busy();
    for args in lists() {
        let out = l.cmd().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains(BOX_DRAWING),
            "`{}` draws boxes when piped:\n{text}",
            args.join(" ")
        );
        let lines: Vec<&str> = text.lines().collect();
        let header = lines[0];
        assert!(
            header.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c == ' '),
            "`{}`: the first line is the header row: {header}",
            args.join(" ")
        );
        let fields = header.split_whitespace().count();
        // Column starts: where each header word begins; every row's cells start there too.
        let starts: Vec<usize> = header
            .char_indices()
            .filter(|&(i, c)| c != ' ' && (i == 0 || header.as_bytes()[i - 1] == b' '))
            .map(|(i, _)| i)
            .collect();
        for line in &lines[1..] {
            // Only the last column may be free text with spaces (a description, a reason).
            let found = line.split_whitespace().count();
            assert!(
                found == fields || (found > fields && (header.ends_with("DESCRIPTION") || header.ends_with("REASON"))),
                "`{}`: awk sees the header's {fields} fields in {line:?}",
                args.join(" ")
            );
            assert!(line.len() >= *starts.last().unwrap(), "{line:?}");
        }
        assert!(lines.len() > 1, "`{}` has rows", args.join(" "));
    }
    let history = String::from_utf8(l.cmd().args(["wallet", "history", "u1"]).output().unwrap().stdout).unwrap();
    for id in ids(&l).iter().take(4) {
        assert!(history.contains(id.as_str()), "every id in full: {id}");
    }
    assert!(history.contains("salary_for_April_paid_by_ACME_Corporation_Limited_with_a_long_note"));
}

/// `ledgerctl ARGS` on a pseudo-terminal (`script`), `COLUMNS` wide; its screen, lines without `\r`.
fn on_terminal(l: &Ledger, columns: &str, args: &[&str]) -> Option<String> {
    let found = Command::new("sh").args(["-c", "command -v script"]).output().unwrap();
    if !found.status.success() {
        eprintln!("note: script (util-linux) is not installed; skipping the terminal layout check");
        return None;
    }
    let binary = assert_cmd::cargo::cargo_bin("ledgerctl");
    let command = std::iter::once(binary.display().to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LEDGERCTL_DB", l.db_arg())
        .env("COLUMNS", columns)
        .env("USER", "tester")
        .env_remove("LEDGERCTL_OUTPUT")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    Some(String::from_utf8(out.stdout).unwrap().replace('\r', ""))
}

#[test]
fn on_an_80_column_terminal_no_line_is_wider_and_ids_and_amounts_stay_whole() {
    let l = busy();
    let ids = ids(&l);
    for args in lists() {
        let Some(screen) = on_terminal(&l, "80", &args) else {
            return;
        };
        for line in screen.lines() {
            assert!(
                line.chars().count() <= 80,
                "`{}` at 80 columns: {} wide: {line:?}\n{screen}",
                args.join(" "),
                line.chars().count()
            );
        }
        assert!(!screen.contains(BOX_DRAWING), "{screen}");
    }
    let history = on_terminal(&l, "80", &["wallet", "history", "u1"]).unwrap();
    for id in ids.iter().take(4) {
        assert!(history.contains(id.as_str()), "{id} whole at 80 columns:\n{history}");
    }
    for amount in ["1000.00", "25.50", "200.00", "20.00", "1025.50"] {
        assert!(history.contains(amount), "{amount} at 80 columns:\n{history}");
    }
    assert!(!history.contains("salary_for_April_paid_by_ACME_Corporation_Limited_with_a_long_note"));
    assert!(history.contains("--wide or -o json"), "{history}");
    let list = on_terminal(&l, "80", &["wallet", "list"]).unwrap();
    assert!(list.contains(&ids[ids.len() - 1]), "the wallet id whole:\n{list}");

    let wide = on_terminal(&l, "80", &["--wide", "wallet", "history", "u1"]).unwrap();
    assert!(wide.contains("salary_for_April_paid_by_ACME_Corporation_Limited_with_a_long_note"));
    assert!(!wide.contains("--wide or -o json"), "{wide}");
    let roomy = on_terminal(&l, "200", &["wallet", "history", "u1"]).unwrap();
    assert!(roomy.contains("DESCRIPTION") && roomy.contains("REFERENCE"), "{roomy}");
    let json: Value = serde_json::from_str(&on_terminal(&l, "80", &["-o", "json", "wallet", "list"]).unwrap()).unwrap();
    assert_eq!(json["total"], 1, "-o json is unchanged on a terminal");
}
