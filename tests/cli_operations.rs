//! The wallet operations of SPEC section 2, driven through the binary.

mod support;

use support::{s, Ledger};

#[test]
fn a_withdraw_debits_available_and_returns_the_seeds_result() {
    let l = Ledger::new();
    l.funded("usr_1", "1000.00");
    let r = l.ok(&[
        "wallet",
        "withdraw",
        "usr_1",
        "--amount",
        "50",
        "--description",
        "Balance withdrawal",
    ]);
    let (t, w) = (&r["data"]["transaction"], &r["data"]["wallet"]);
    assert_eq!(s(&t["type"]), "withdraw");
    assert_eq!(s(&t["amount"]), "50.00");
    assert_eq!(s(&t["balance_before"]), "1000.00");
    assert_eq!(s(&t["balance_after"]), "950.00");
    assert_eq!(s(&t["status"]), "completed");
    assert!(s(&t["id"]).starts_with("txn_"));
    assert_eq!(s(&w["balance"]), "950.00");
    assert_eq!(s(&w["available_balance"]), "950.00");
    assert_eq!(s(&w["frozen_balance"]), "0.00");
    l.verified();
}

#[test]
fn a_withdraw_beyond_the_available_balance_is_refused_and_changes_nothing() {
    let l = Ledger::new();
    l.funded("usr_1", "100.00");
    l.ok(&["wallet", "freeze", "usr_1", "--amount", "60"]);
    let e = l.fails(
        &["wallet", "withdraw", "usr_1", "--amount", "40.01"],
        4,
        "insufficient_balance",
    );
    assert_eq!(e["code"], 409);
    l.ok(&["wallet", "withdraw", "usr_1", "--amount", "40.00"]);
    l.verified();
}
