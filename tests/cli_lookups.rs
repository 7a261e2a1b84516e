//! Support lookups: one transaction or freeze by its id, a wallet by its own id, wallets by
//! status or all of them; always inside --tenant/--app.

mod support;

use support::{s, Ledger};

#[test]
fn transaction_show_finds_any_transaction_of_the_tenant_with_its_wallet_and_user() {
    let l = Ledger::new();
    let deposit = l.funded("alice", "100");
    l.funded("bob", "5");
    l.ok(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        &deposit,
        "--amount",
        "30",
    ]);
    let shown = l.ok(&["transaction", "show", &deposit]);
    let data = &shown["data"];
    assert_eq!(s(&data["transaction"]["id"]), deposit);
    assert_eq!(s(&data["transaction"]["type"]), "deposit");
    assert_eq!(s(&data["transaction"]["refunded_amount"]), "30.00");
    assert_eq!(s(&data["wallet"]["user_id"]), "alice");
    assert_eq!(s(&data["wallet"]["balance"]), "70.00");

    let table = l.cmd().args(["transaction", "show", &deposit]).output().unwrap();
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains(&deposit) && text.contains("alice"), "{text}");
}

#[test]
fn freeze_show_finds_a_freeze_record_with_its_wallet_and_user() {
    let l = Ledger::new();
    l.funded("alice", "100");
    let freeze = l.ok(&["wallet", "freeze", "alice", "--amount", "40", "--reason", "dispute"]);
    let freeze_id = s(&freeze["data"]["freeze"]["id"]).to_owned();
    let shown = l.ok(&["freeze", "show", &freeze_id]);
    assert_eq!(s(&shown["data"]["freeze"]["id"]), freeze_id);
    assert_eq!(s(&shown["data"]["freeze"]["status"]), "active");
    assert_eq!(s(&shown["data"]["freeze"]["amount"]), "40.00");
    assert_eq!(s(&shown["data"]["wallet"]["user_id"]), "alice");
    assert_eq!(s(&shown["data"]["wallet"]["frozen_balance"]), "40.00");
}

#[test]
fn lookups_by_id_never_reach_another_tenant_or_application() {
    let l = Ledger::new();
    l.ok(&["--tenant", "a", "wallet", "create", "u"]);
    let deposit = l.ok(&["--tenant", "a", "wallet", "deposit", "u", "--amount", "10"]);
    let txn = s(&deposit["data"]["transaction"]["id"]).to_owned();
    let wallet_id = s(&deposit["data"]["wallet"]["wallet_id"]).to_owned();
    let freeze = l.ok(&["--tenant", "a", "wallet", "freeze", "u", "--amount", "1"]);
    let frz = s(&freeze["data"]["freeze"]["id"]).to_owned();
    l.ok(&["--tenant", "a", "transaction", "show", &txn]);
    l.ok(&["--tenant", "a", "freeze", "show", &frz]);
    l.ok(&["--tenant", "a", "wallet", "show", &wallet_id]);
    for scope in [
        ["--tenant", "b", "--app", "default"],
        ["--tenant", "a", "--app", "other"],
    ] {
        let e = l.fails(
            &[&scope[..], &["transaction", "show", &txn]].concat(),
            3,
            "transaction_not_found",
        );
        assert!(!e.to_string().contains("\"u\""), "nothing about the wallet leaks: {e}");
        l.fails(&[&scope[..], &["freeze", "show", &frz]].concat(), 3, "freeze_not_found");
        l.fails(
            &[&scope[..], &["wallet", "show", &wallet_id]].concat(),
            3,
            "wallet_not_found",
        );
    }
    l.fails(
        &["--tenant", "a", "transaction", "show", "txn_nothing"],
        3,
        "transaction_not_found",
    );
    l.fails(
        &["--tenant", "a", "freeze", "show", "frz_nothing"],
        3,
        "freeze_not_found",
    );
    l.fails(&["--tenant", "a", "transaction", "show", ""], 2, "invalid_request");
}

#[test]
fn wallet_show_takes_a_wallet_id_as_well_as_a_user_id() {
    let l = Ledger::new();
    l.funded("alice", "12.50");
    let by_user = l.wallet("alice");
    let wallet_id = s(&by_user["wallet_id"]).to_owned();
    let by_id = l.ok(&["wallet", "show", &wallet_id])["data"].clone();
    assert_eq!(by_id, by_user);
    let at = l.ok(&["wallet", "show", &wallet_id, "--at", "2999-01-01"]);
    assert_eq!(s(&at["data"]["balance"]), "12.50");
}

#[test]
fn wallet_not_found_names_the_tenant_and_application_searched() {
    let l = Ledger::new();
    l.ok(&["--tenant", "acme", "wallet", "create", "alice"]);
    let e = l.fails(&["--app", "shop", "wallet", "show", "alice"], 3, "wallet_not_found");
    let message = s(&e["message"]);
    assert!(
        message.contains("alice") && message.contains("tenant default") && message.contains("application shop"),
        "{message}"
    );
    let e = l.fails(
        &["--app", "shop", "wallet", "deposit", "alice", "--amount", "1"],
        3,
        "wallet_not_found",
    );
    assert!(s(&e["message"]).contains("application shop"), "{e}");
}

#[test]
fn wallet_list_filters_by_status() {
    let l = Ledger::new();
    for user in ["a", "b", "c", "d"] {
        l.ok(&["wallet", "create", user]);
    }
    l.ok(&["--yes", "wallet", "status", "b", "frozen", "--reason", "review"]);
    l.ok(&["--yes", "wallet", "status", "c", "closed", "--reason", "left"]);
    l.ok(&["--tenant", "other", "wallet", "create", "x"]);
    let users = |args: &[&str]| -> Vec<String> {
        let list = l.ok(&[&["wallet", "list"], args].concat());
        let items = list["items"].as_array().expect("items").clone();
        assert_eq!(list["total"], items.len(), "{list}");
        items.iter().map(|w| s(&w["user_id"]).to_owned()).collect()
    };
    assert_eq!(users(&[]), ["a", "b", "c", "d"]);
    assert_eq!(users(&["--status", "active"]), ["a", "d"]);
    assert_eq!(users(&["--status", "frozen"]), ["b"]);
    assert_eq!(users(&["--status", "closed", "--all"]), ["c"]);
    l.fails(&["wallet", "list", "--status", "gone"], 2, "invalid_request");
}

#[test]
fn wallet_list_all_has_no_page_limit_in_every_format() {
    let l = Ledger::new();
    let wallets = 105;
    for i in 0..wallets {
        l.ok(&["wallet", "create", &format!("u{i:03}")]);
    }
    l.ok(&["--tenant", "other", "wallet", "create", "x"]);
    let paged = l.ok(&["wallet", "list", "--page-size", "100"]);
    assert_eq!(paged["items"].as_array().unwrap().len(), 100, "a page stops at 100");

    let all = l.ok(&["wallet", "list", "--all"]);
    let items = all["items"].as_array().expect("items");
    assert_eq!((items.len(), all["total"].as_u64()), (wallets, Some(wallets as u64)));
    assert_eq!(s(&items[104]["user_id"]), "u104");
    assert_eq!(all["pagination"]["has_next"], false);
    assert!(all["timestamp"].is_string());

    let csv = l.cmd().args(["-o", "csv", "wallet", "list", "--all"]).output().unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(
        csv.lines().count(),
        wallets + 1,
        "a header and one row per wallet:\n{csv}"
    );
    assert!(csv.starts_with("wallet_id,"), "{csv}");

    let table = l.cmd().args(["wallet", "list", "--all"]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    // Piped, a table is its header and rows only (the count is a footer on a terminal).
    assert!(table.contains("u104"), "{table}");
    assert_eq!(table.lines().count(), wallets + 1, "{table}");
    assert!(!table.contains("\"x\""), "{table}");

    l.fails(&["wallet", "list", "--all", "--page", "2"], 2, "invalid_request");
}
