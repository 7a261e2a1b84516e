//! Inspecting: balances as of a past moment, filtered and paged histories, the journal, CSV.

mod support;

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
    let then = l.ok(&["wallet", "list"])["timestamp"].as_str().unwrap().to_owned();
    assert_eq!(then, THEN, "the envelope is stamped with the pinned clock");
    l.set_clock(AFTER);
    then
}

#[test]
fn wallet_show_at_gives_the_balances_and_status_of_that_moment() {
    let l = Ledger::at(BEFORE);
    l.funded("u1", "100.00");
    l.ok(&["wallet", "freeze", "u1", "--amount", "30"]);
    let then = moment_between(&l);
    l.ok(&["wallet", "withdraw", "u1", "--amount", "50"]);
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "review", "--yes"]);

    let past = l.ok(&["wallet", "show", "u1", "--at", &then])["data"].clone();
    assert_eq!(
        (
            s(&past["balance"]),
            s(&past["frozen_balance"]),
            s(&past["available_balance"])
        ),
        ("100.00", "30.00", "70.00")
    );
    assert_eq!(s(&past["status"]), "active");
    assert_eq!(s(&past["as_of"]), then);
    let now = l.wallet("u1");
    assert_eq!((s(&now["balance"]), s(&now["status"])), ("50.00", "frozen"));
    assert!(now.get("as_of").is_none());

    l.fails(&["wallet", "show", "u1", "--at", "2000-01-01"], 3, "wallet_not_found");
    l.fails(&["wallet", "show", "u1", "--at", "last tuesday"], 2, "invalid_request");
}

#[test]
fn history_filters_by_type_time_and_reference_and_pages() {
    let l = Ledger::at(BEFORE);
    l.funded("u1", "100.00");
    l.ok(&["wallet", "withdraw", "u1", "--amount", "1", "--reference-id", "wd-1"]);
    let then = moment_between(&l);
    for _ in 0..3 {
        l.ok(&[
            "wallet",
            "payment",
            "u1",
            "--amount",
            "2",
            "--counterparty",
            "m",
            "--new-counterparty",
        ]);
    }
    let count = |args: &[&str]| {
        let mut all = vec!["wallet", "history", "u1"];
        all.extend_from_slice(args);
        l.ok(&all)["total"].as_u64().unwrap()
    };
    assert_eq!(count(&[]), 5);
    assert_eq!(count(&["--type", "payment"]), 3);
    assert_eq!(count(&["--type", "payment", "--type", "deposit"]), 4);
    assert_eq!(count(&["--from", &then]), 3);
    assert_eq!(count(&["--to", &then]), 2, "--to is exclusive");
    assert_eq!(count(&["--reference-id", "wd-1"]), 1);
    let page = l.ok(&[
        "wallet",
        "history",
        "u1",
        "--type",
        "payment",
        "--page-size",
        "2",
        "--page",
        "2",
    ]);
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["pagination"]["total_pages"], 2);
    l.fails(&["wallet", "history", "u1", "--type", "transfer"], 2, "invalid_request");
}

#[test]
fn the_journal_lists_every_wallets_entries_with_balanced_postings() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    l.funded("u2", "40.00");
    l.ok(&[
        "wallet",
        "payment",
        "u2",
        "--amount",
        "15",
        "--counterparty",
        "m",
        "--new-counterparty",
    ]);
    let journal = l.ok(&["ledger", "journal"]);
    assert_eq!(journal["total"], 3);
    let newest = &journal["items"][0];
    assert_eq!(s(&newest["type"]), "payment");
    let postings = newest["postings"].as_array().unwrap();
    assert_eq!(
        (s(&postings[0]["amount"]), s(&postings[1]["amount"])),
        ("15.00", "-15.00")
    );
    assert!(s(&postings[1]["account"]).starts_with("liabilities:counterparty:"));
    let wallet_id = s(&l.wallet("u2")["wallet_id"]).to_owned();
    assert_eq!(l.ok(&["ledger", "journal", "--wallet-id", &wallet_id])["total"], 2);
}

#[test]
fn list_commands_print_csv_for_spreadsheets_and_others_refuse_it() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    l.ok(&[
        "wallet",
        "withdraw",
        "u1",
        "--amount",
        "7.5",
        "--description",
        "cash, at desk",
    ]);
    let out = l.cmd().args(["-o", "csv", "wallet", "history", "u1"]).output().unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let description = header.iter().position(|h| h == "description").unwrap();
    assert_eq!(&rows[0][description], "cash, at desk", "commas are quoted");
    let amount = header.iter().position(|h| h == "amount").unwrap();
    assert_eq!(&rows[0][amount], "7.50");

    let journal = l.cmd().args(["-o", "csv", "ledger", "journal"]).output().unwrap();
    assert_eq!(
        String::from_utf8(journal.stdout).unwrap().lines().count(),
        1 + 4,
        "a row per posting"
    );

    let refused = l.cmd().args(["-o", "csv", "wallet", "show", "u1"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("csv is for the list commands"));
}
