//! Issue 8 point 10: a wallet's cached balances are checked against what its journal proves
//! before every write, so a hand-edited balance can never be spent.

mod support;

use support::server::Server;
use support::{s, Ledger};

/// A ledger where `u` holds 100.00 of which 30.00 frozen, and `v` an empty wallet.
fn ledger() -> Ledger {
    let l = Ledger::new();
    l.funded("u", "100.00");
    l.ok(&["wallet", "freeze", "u", "--amount", "30"]);
    l.ok(&["wallet", "create", "v"]);
    l
}

/// Every kind of write on `user`, each of which must be refused with exit 7, writing nothing.
fn every_write_is_refused(l: &Ledger, user: &str, what: &str) {
    let deposit = l
        .texts("SELECT id FROM journal_entries WHERE kind = 'deposit' LIMIT 1")
        .remove(0);
    let freeze = l.texts("SELECT id FROM freezes LIMIT 1").remove(0);
    for args in [
        &["wallet", "withdraw", user, "--amount", "500"][..],
        &["wallet", "withdraw", user, "--amount", "1"],
        &["wallet", "deposit", user, "--amount", "1"],
        &["wallet", "payment", user, "--amount", "1", "--counterparty", "mch_1"],
        &["wallet", "freeze", user, "--amount", "1"],
        &["wallet", "unfreeze", user, "--freeze-id", &freeze],
        &["wallet", "refund", user, "--transaction-id", &deposit, "--amount", "1"],
        &["--yes", "wallet", "adjust", user, "--debit", "1", "--reason", "fee"],
        &["--yes", "wallet", "status", user, "frozen", "--reason", "review"],
    ] {
        let e = l.fails(args, 7, "storage_integrity");
        assert_eq!(e["code"], 500, "{what}: {e}");
        let message = s(&e["message"]);
        assert!(
            message.contains("wlt_") && message.contains("journal"),
            "{what}: {message}"
        );
    }
}

#[test]
fn a_hand_raised_available_balance_is_refused_by_every_write_and_nothing_is_written() {
    let l = ledger();
    l.edit_behind_the_triggers(
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 100000 WHERE user_id = 'u'",
    );
    assert_eq!(s(&l.wallet("u")["available_balance"]), "1070.00", "the edit took");
    every_write_is_refused(&l, "u", "available raised");
    // Another wallet, whose cache is intact, is not affected.
    l.ok(&["wallet", "deposit", "v", "--amount", "5"]);
}

#[test]
fn frozen_money_moved_to_available_by_hand_is_refused() {
    let l = ledger();
    l.edit_behind_the_triggers(
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 3000, frozen_minor = 0 WHERE user_id = 'u'",
    );
    every_write_is_refused(&l, "u", "frozen moved to available");
}

#[test]
fn a_cached_balance_edited_with_its_last_entry_is_refused_by_the_entry_hash() {
    let l = ledger();
    l.edit_behind_the_triggers(
        "journal_entries",
        "UPDATE journal_entries SET balance_after_minor = balance_after_minor + 100000
         WHERE seq = (SELECT MAX(seq) FROM journal_entries WHERE wallet_id = (SELECT id FROM wallets WHERE user_id = 'u'))",
    );
    l.edit_behind_the_triggers(
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 100000 WHERE user_id = 'u'",
    );
    every_write_is_refused(&l, "u", "wallet and last entry edited together");
}

#[test]
fn a_batch_line_on_a_hand_edited_wallet_fails_with_exit_7_and_the_others_apply() {
    let l = ledger();
    l.edit_behind_the_triggers(
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 100000 WHERE user_id = 'u'",
    );
    let file = l.db.with_file_name("lines.csv");
    std::fs::write(&file, "op,user_id,amount\nwithdraw,u,500\ndeposit,v,5\n").unwrap();
    let out = l.cmd().args(["batch", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("storage_integrity"), "{stdout}");
    assert_eq!(s(&l.wallet("v")["balance"]), "5.00");
    assert_eq!(
        s(&l.wallet("u")["available_balance"]),
        "1070.00",
        "nothing was written to u"
    );
}

#[test]
fn over_http_a_write_on_a_hand_edited_wallet_is_a_500_and_writes_nothing() {
    let l = ledger();
    let token = l.token(&["token", "create", "--scope", "write"]);
    l.edit_behind_the_triggers(
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 100000 WHERE user_id = 'u'",
    );
    let server = Server::start(&l);
    let answer = l.refused(500, "storage_integrity", || {
        server.post(&token, "/wallets/u/withdraw", r#"{"amount":"500.00"}"#)
    });
    assert!(s(&answer.json["message"]).contains("journal"), "{}", answer.body);
    server.post(&token, "/wallets/v/deposit", r#"{"amount":"5.00"}"#).ok();
}
