//! `wallet status`: freezing, reactivating and closing wallets, with who and why recorded.

mod support;

use support::{s, Ledger};

#[test]
fn a_frozen_wallet_refuses_debits_takes_credits_and_records_who_and_why() {
    let l = Ledger::new();
    l.funded("u1", "100.00");
    let r = l.ok(&["wallet", "status", "u1", "frozen", "--reason", "fraud review", "--yes"]);
    assert_eq!(r["message"], "ok");
    assert_eq!(s(&r["data"]["wallet"]["status"]), "frozen");
    let change = &r["data"]["status_change"];
    assert_eq!(
        (s(&change["from_status"]), s(&change["to_status"])),
        ("active", "frozen")
    );
    assert_eq!(
        (s(&change["reason"]), s(&change["actor"])),
        ("fraud review", "cli:tester")
    );

    for debit in [
        vec!["wallet", "withdraw", "u1", "--amount", "1"],
        vec![
            "wallet",
            "payment",
            "u1",
            "--amount",
            "1",
            "--counterparty",
            "m",
            "--new-counterparty",
        ],
        vec!["wallet", "freeze", "u1", "--amount", "1"],
        vec!["wallet", "adjust", "u1", "--debit", "1", "--reason", "fee", "--yes"],
    ] {
        l.fails(&debit, 4, "wallet_not_active");
    }
    l.ok(&["wallet", "deposit", "u1", "--amount", "5"]);
    l.ok(&[
        "wallet", "adjust", "u1", "--credit", "1", "--reason", "goodwill", "--yes",
    ]);
    assert_eq!(s(&l.wallet("u1")["balance"]), "106.00");

    l.ok(&["wallet", "status", "u1", "active", "--reason", "cleared"]);
    l.ok(&["wallet", "withdraw", "u1", "--amount", "1"]);
    let history = l.ok(&["wallet", "status", "u1"]);
    assert_eq!(history["total"], 2);
    assert_eq!(s(&history["items"][0]["to_status"]), "active", "newest first");
    assert_eq!(s(&history["items"][1]["reason"]), "fraud review");
    l.verified();
}

#[test]
fn only_an_empty_wallet_closes_and_a_closed_wallet_takes_nothing_and_stays_closed() {
    let l = Ledger::new();
    l.funded("u1", "10.00");
    let e = l.fails(
        &["wallet", "status", "u1", "closed", "--reason", "leaving", "--yes"],
        4,
        "wallet_not_empty",
    );
    assert!(s(&e["message"]).contains("10.00 CNY"), "{e}");
    l.ok(&["wallet", "withdraw", "u1", "--amount", "10"]);
    l.ok(&["wallet", "status", "u1", "closed", "--reason", "leaving", "--yes"]);
    l.fails(&["wallet", "deposit", "u1", "--amount", "1"], 4, "wallet_not_active");
    l.fails(
        &["wallet", "status", "u1", "active", "--reason", "oops"],
        4,
        "wallet_not_active",
    );
    l.verified();
}

#[test]
fn freezing_or_closing_without_a_terminal_needs_yes_and_reactivating_does_not() {
    let l = Ledger::new();
    l.funded("u1", "10.00");
    let e = l.fails(
        &["wallet", "status", "u1", "frozen", "--reason", "review"],
        2,
        "invalid_request",
    );
    assert!(s(&e["message"]).contains("--yes"), "{e}");
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "review", "--yes"]);
    l.ok(&["wallet", "status", "u1", "active", "--reason", "cleared"]);
}

#[test]
fn setting_the_status_a_wallet_has_changes_nothing_and_a_reason_is_required() {
    let l = Ledger::new();
    l.funded("u1", "10.00");
    let before = l.snapshot();
    let r = l.ok(&["wallet", "status", "u1", "active", "--reason", "again"]);
    assert_eq!(r["message"], "unchanged");
    assert!(r["data"]["status_change"].is_null());
    assert_eq!(l.snapshot(), before);
    l.fails(&["wallet", "status", "u1", "frozen", "--yes"], 2, "invalid_request");
    l.fails(
        &["wallet", "status", "u1", "frozen", "--reason", "  ", "--yes"],
        2,
        "invalid_request",
    );
    l.fails(
        &["wallet", "status", "u1", "paused", "--reason", "x", "--yes"],
        2,
        "invalid_request",
    );
    l.fails(
        &["wallet", "status", "ghost", "frozen", "--reason", "x", "--yes"],
        3,
        "wallet_not_found",
    );
}

#[test]
fn a_hand_edited_status_is_caught_by_verify() {
    let l = Ledger::file();
    l.funded("u1", "10.00");
    l.ok(&["wallet", "status", "u1", "frozen", "--reason", "review", "--yes"]);
    l.sqlite().execute("UPDATE wallets SET status = 'active'", []).unwrap();
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(run.code, 7, "{}", run.json);
    assert!(s(&run.json["message"]).contains("wallet_statuses"), "{}", run.json);
    let err = l.sqlite().execute("DELETE FROM wallet_status_changes", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}
