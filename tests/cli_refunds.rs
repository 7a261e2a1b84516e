//! SPEC section 2, refunds: what may be refunded, how much, by whom, and what it posts.

mod support;

use serde_json::Value;
use support::{s, Ledger, TRANSACTION_KEYS};

const UNKNOWN_TXN: &str = "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV";

fn txn_id(envelope: &Value) -> String {
    s(&envelope["data"]["transaction"]["id"]).to_owned()
}

/// A wallet `u` funded with 1000.00 that paid 200.00 to `mch_1`; returns the payment's id.
fn paid(l: &Ledger) -> String {
    l.funded("u", "1000.00");
    txn_id(&l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
        "--amount",
        "200.00",
        "--description",
        "order 42",
    ]))
}

fn refund(l: &Ledger, user: &str, txn: &str, amount: Option<&str>) -> Value {
    let mut args = vec!["wallet", "refund", user, "--transaction-id", txn];
    if let Some(amount) = amount {
        args.extend(["--amount", amount]);
    }
    l.ok(&args)
}

/// The transaction `id` as `wallet history` shows it.
fn in_history(l: &Ledger, user: &str, id: &str) -> Value {
    let history = l.ok(&["wallet", "history", user, "--page-size", "100"]);
    history["items"]
        .as_array()
        .expect("history items")
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the history of {user}: {history}"))
        .clone()
}

/// The trial balance line of the one account whose name starts with `prefix` and contains
/// `part`.
fn account(l: &Ledger, prefix: &str, part: &str) -> Value {
    let tb = l.ok(&["ledger", "trial-balance"]);
    assert_eq!(tb["data"]["balanced"], true, "{tb}");
    let matching: Vec<&Value> = tb["data"]["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .filter(|a| s(&a["account"]).starts_with(prefix) && s(&a["account"]).contains(part))
        .collect();
    assert_eq!(matching.len(), 1, "one {prefix}…{part} account: {tb}");
    matching[0].clone()
}

#[test]
fn partial_refunds_of_a_payment_then_the_remainder_when_the_amount_is_absent() {
    let l = Ledger::new();
    let payment = paid(&l);
    let first = refund(&l, "u", &payment, Some("50"));
    assert_eq!(s(&first["data"]["transaction"]["amount"]), "50.00");
    assert_eq!(s(&first["data"]["transaction"]["type"]), "refund");
    assert_eq!(s(&first["data"]["transaction"]["balance_before"]), "800.00");
    assert_eq!(s(&first["data"]["transaction"]["balance_after"]), "850.00");
    let second = refund(&l, "u", &payment, Some("30.5"));
    assert_eq!(s(&second["data"]["wallet"]["balance"]), "880.50");
    let rest = refund(&l, "u", &payment, None);
    assert_eq!(
        s(&rest["data"]["transaction"]["amount"]),
        "119.50",
        "an absent amount refunds the whole remainder"
    );
    assert_eq!(s(&rest["data"]["wallet"]["balance"]), "1000.00");
    assert_eq!(s(&in_history(&l, "u", &payment)["refunded_amount"]), "200.00");
    l.verified();
}

#[test]
fn a_refund_above_the_remaining_amount_is_refused() {
    let l = Ledger::new();
    let payment = paid(&l);
    refund(&l, "u", &payment, Some("50.00"));
    let e = l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &payment,
            "--amount",
            "150.01",
        ],
        5,
        "exceeds_refundable_amount",
    );
    assert_eq!(e["code"], 422);
    assert!(
        s(&e["message"]).contains("150.00"),
        "the message names what remains: {e}"
    );
    l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &payment,
            "--amount",
            "1000",
        ],
        5,
        "exceeds_refundable_amount",
    );
    let exact = refund(&l, "u", &payment, Some("150.00"));
    assert_eq!(s(&exact["data"]["wallet"]["balance"]), "1000.00");
    l.verified();
}

#[test]
fn refunding_a_fully_refunded_transaction_is_refused() {
    let l = Ledger::new();
    let payment = paid(&l);
    refund(&l, "u", &payment, None);
    let absent = l.fails(
        &["wallet", "refund", "u", "--transaction-id", &payment],
        5,
        "exceeds_refundable_amount",
    );
    assert_eq!(absent["code"], 422);
    let cent = l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &payment,
            "--amount",
            "0.01",
        ],
        5,
        "exceeds_refundable_amount",
    );
    assert_eq!(cent["code"], 422);
    assert_eq!(s(&l.wallet("u")["balance"]), "1000.00");
    l.verified();
}

#[test]
fn refunds_of_refunds_freezes_unfreezes_and_adjustments_are_not_refundable() {
    let l = Ledger::new();
    let payment = paid(&l);
    let a_refund = txn_id(&refund(&l, "u", &payment, Some("10")));
    l.ok(&["wallet", "freeze", "u", "--amount", "20"]);
    let freeze_id = s(&l.ok(&["wallet", "freezes", "u"])["items"][0]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "u", "--freeze-id", &freeze_id]);
    l.ok(&[
        "--yes", "wallet", "adjust", "u", "--credit", "5", "--reason", "goodwill",
    ]);
    l.ok(&["--yes", "wallet", "adjust", "u", "--debit", "1", "--reason", "fee"]);
    let history = l.ok(&["wallet", "history", "u"]);
    let id_of = |kind: &str| -> String {
        let t = history["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == kind)
            .unwrap_or_else(|| panic!("a {kind} in {history}"));
        s(&t["id"]).to_owned()
    };
    assert_eq!(id_of("refund"), a_refund);
    for kind in ["refund", "freeze", "unfreeze", "adjust_credit", "adjust_debit"] {
        let id = id_of(kind);
        for amount in [None, Some("1")] {
            let mut args = vec!["wallet", "refund", "u", "--transaction-id", id.as_str()];
            if let Some(a) = amount {
                args.extend(["--amount", a]);
            }
            let e = l.fails(&args, 4, "not_refundable");
            assert_eq!(e["code"], 409, "refund of a {kind}: {e}");
            assert!(s(&e["message"]).contains(kind), "the message names the {kind}: {e}");
        }
        l.fails(&["refund", "--transaction-id", &id], 4, "not_refundable");
    }
    l.verified();
}

#[test]
fn a_refund_of_a_deposit_needs_the_available_balance() {
    let l = Ledger::new();
    let deposit = l.funded("u", "100.00");
    l.ok(&["wallet", "freeze", "u", "--amount", "60"]);
    let e = l.fails(
        &["wallet", "refund", "u", "--transaction-id", &deposit],
        4,
        "insufficient_balance",
    );
    assert_eq!(e["code"], 409);
    l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &deposit,
            "--amount",
            "40.01",
        ],
        4,
        "insufficient_balance",
    );
    let r = refund(&l, "u", &deposit, Some("40"));
    let w = &r["data"]["wallet"];
    assert_eq!(
        (s(&w["balance"]), s(&w["frozen_balance"]), s(&w["available_balance"])),
        ("60.00", "60.00", "0.00")
    );
    // The money goes back out through settlement: 100 in, 40 back out.
    assert_eq!(s(&account(&l, "assets:settlement:", "CNY")["balance"]), "60.00");
    l.verified();
}

#[test]
fn a_refund_of_a_withdrawal_credits_the_wallet_and_settlement() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    let withdrawal = txn_id(&l.ok(&["wallet", "withdraw", "u", "--amount", "70"]));
    let r = refund(&l, "u", &withdrawal, None);
    assert_eq!(s(&r["data"]["transaction"]["amount"]), "70.00");
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "100.00");
    assert_eq!(s(&account(&l, "assets:settlement:", "CNY")["balance"]), "100.00");
    l.verified();
}

#[test]
fn a_transaction_of_another_wallet_is_not_found() {
    let l = Ledger::new();
    let payment = paid(&l);
    l.funded("v", "500");
    let e = l.fails(
        &["wallet", "refund", "v", "--transaction-id", &payment],
        3,
        "transaction_not_found",
    );
    assert_eq!(e["code"], 404);
    assert!(s(&e["message"]).contains(&payment), "{e}");
    assert_eq!(s(&l.wallet("v")["balance"]), "500.00");
    assert_eq!(s(&in_history(&l, "u", &payment)["refunded_amount"]), "0.00");
}

#[test]
fn an_unknown_transaction_id_is_not_found() {
    let l = Ledger::new();
    paid(&l);
    let e = l.fails(
        &["wallet", "refund", "u", "--transaction-id", UNKNOWN_TXN],
        3,
        "transaction_not_found",
    );
    assert_eq!(e["code"], 404);
    let e = l.fails(&["refund", "--transaction-id", UNKNOWN_TXN], 3, "transaction_not_found");
    assert_eq!(e["code"], 404);
}

#[test]
fn an_id_that_names_no_transaction_is_not_found_whatever_its_shape() {
    let l = Ledger::new();
    let payment = paid(&l);
    let freeze_shaped = payment.replacen("txn_", "frz_", 1);
    let truncated = &payment[..payment.len() - 1];
    for unknown in [
        "txn_abc123",
        "nope",
        "txn_abc",
        freeze_shaped.as_str(),
        truncated,
        "order:1/2",
    ] {
        let e = l.fails(
            &["wallet", "refund", "u", "--transaction-id", unknown],
            3,
            "transaction_not_found",
        );
        assert_eq!(e["code"], 404, "transaction id {unknown:?}: {e}");
        l.fails(&["refund", "--transaction-id", unknown], 3, "transaction_not_found");
    }
}

#[test]
fn an_empty_or_over_long_transaction_id_is_an_invalid_request() {
    let l = Ledger::new();
    paid(&l);
    let long = "t".repeat(129);
    for bad in ["", long.as_str()] {
        let e = l.fails(
            &["wallet", "refund", "u", "--transaction-id", bad],
            2,
            "invalid_request",
        );
        assert_eq!(e["code"], 400, "transaction id {bad:?}: {e}");
        l.fails(&["refund", "--transaction-id", bad], 2, "invalid_request");
    }
}

#[test]
fn the_original_shows_how_much_has_been_refunded() {
    let l = Ledger::new();
    let payment = paid(&l);
    assert_eq!(s(&in_history(&l, "u", &payment)["refunded_amount"]), "0.00");
    refund(&l, "u", &payment, Some("50"));
    assert_eq!(s(&in_history(&l, "u", &payment)["refunded_amount"]), "50.00");
    refund(&l, "u", &payment, Some("25.25"));
    let original = in_history(&l, "u", &payment);
    assert_eq!(s(&original["refunded_amount"]), "75.25");
    assert_eq!(s(&original["amount"]), "200.00", "the original itself never changes");
    assert_eq!(s(&original["balance_after"]), "800.00");
}

#[test]
fn a_refund_names_its_original() {
    let l = Ledger::new();
    let payment = paid(&l);
    let r = l.ok(&[
        "wallet",
        "refund",
        "u",
        "--transaction-id",
        &payment,
        "--amount",
        "20",
        "--reason",
        "item returned",
    ]);
    let t = &r["data"]["transaction"];
    assert_eq!(s(&t["original_transaction_id"]), payment);
    assert!(
        s(&t["description"]).contains(&payment),
        "the description names the original: {t}"
    );
    assert_eq!(s(&t["reason"]), "item returned", "{t}");
    assert!(!s(&t["description"]).contains("item returned"), "{t}");
    assert_eq!(s(&t["counterparty_id"]), "mch_1");
    assert_eq!(s(&t["status"]), "completed");
    let stored = in_history(&l, "u", s(&t["id"]));
    assert_eq!(s(&stored["original_transaction_id"]), payment);
    assert_eq!(
        stored["refunded_amount"],
        Value::Null,
        "a refund is not itself refundable: {stored}"
    );
}

#[test]
fn a_refund_of_a_payment_credits_the_wallet_and_debits_the_counterparty() {
    let l = Ledger::new();
    let payment = paid(&l);
    let wallet_id = s(&l.wallet("u")["wallet_id"]).to_owned();
    refund(&l, "u", &payment, Some("50"));
    let counterparty = account(&l, "liabilities:counterparty:", "mch_1");
    assert_eq!(s(&counterparty["debit"]), "50.00", "{counterparty}");
    assert_eq!(s(&counterparty["credit"]), "200.00", "{counterparty}");
    assert_eq!(s(&counterparty["balance"]), "150.00", "{counterparty}");
    let available = account(&l, "liabilities:wallet:", &format!("{wallet_id}:available"));
    assert_eq!(s(&available["debit"]), "200.00", "{available}");
    assert_eq!(s(&available["credit"]), "1050.00", "{available}");
    assert_eq!(s(&available["balance"]), "850.00", "{available}");
    assert_eq!(s(&l.wallet("u")["balance"]), "850.00");
    l.verified();
}

#[test]
fn the_internal_refund_finds_the_wallet_from_the_transaction() {
    let l = Ledger::new();
    let payment = paid(&l);
    l.funded("v", "10");
    let r = l.ok(&["refund", "--transaction-id", &payment, "--amount", "60"]);
    assert_eq!(s(&r["data"]["wallet"]["user_id"]), "u");
    assert_eq!(s(&r["data"]["transaction"]["original_transaction_id"]), payment);
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "860.00");
    let rest = l.ok(&["refund", "--transaction-id", &payment]);
    assert_eq!(s(&rest["data"]["transaction"]["amount"]), "140.00");
    assert_eq!(s(&l.wallet("u")["balance"]), "1000.00");
    assert_eq!(s(&l.wallet("v")["balance"]), "10.00");
    l.fails(
        &["refund", "--transaction-id", &payment],
        5,
        "exceeds_refundable_amount",
    );
    l.verified();
}

#[test]
fn the_internal_refund_does_not_reach_another_tenants_transaction() {
    let l = Ledger::new();
    let payment = paid(&l);
    for scope in [["--tenant", "other"], ["--app", "other"]] {
        let e = l.fails(
            &[scope[0], scope[1], "refund", "--transaction-id", &payment],
            3,
            "transaction_not_found",
        );
        assert_eq!(e["code"], 404, "{scope:?}: {e}");
        // Reported exactly like a transaction that does not exist.
        let missing = l.fails(
            &[scope[0], scope[1], "refund", "--transaction-id", UNKNOWN_TXN],
            3,
            "transaction_not_found",
        );
        assert_eq!(
            s(&e["message"]).replace(&payment, "ID"),
            s(&missing["message"]).replace(UNKNOWN_TXN, "ID"),
            "another tenant's transaction must look like a missing one"
        );
    }
    // The same user name under another tenant is another wallet: still not found.
    l.ok(&["--tenant", "other", "wallet", "create", "u"]);
    l.ok(&["--tenant", "other", "wallet", "deposit", "u", "--amount", "1000"]);
    l.fails(
        &[
            "--tenant",
            "other",
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &payment,
        ],
        3,
        "transaction_not_found",
    );
    assert_eq!(s(&in_history(&l, "u", &payment)["refunded_amount"]), "0.00");
    l.verified();
}

#[test]
fn a_refunds_reason_is_its_own_field_and_every_transaction_has_the_same_keys() {
    let l = Ledger::new();
    let payment = paid(&l);
    l.ok(&["wallet", "withdraw", "u", "--amount", "5", "--description", "ATM"]);
    let hold = l.ok(&["wallet", "freeze", "u", "--amount", "10", "--reason", "dispute"]);
    let hold = s(&hold["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "u", "--freeze-id", &hold, "--reason", "resolved"]);
    l.ok(&[
        "--yes", "wallet", "adjust", "u", "--credit", "1", "--reason", "fee back",
    ]);
    let table = l
        .cmd()
        .args(["wallet", "refund", "u", "--transaction-id", &payment, "--amount", "20"])
        .args(["--reason", "item returned"])
        .output()
        .unwrap();
    assert!(table.status.success());
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table
            .lines()
            .any(|line| line.contains("reason") && line.contains("item returned")),
        "the table shows the reason on its own row:\n{table}"
    );

    let history = l.ok(&["wallet", "history", "u"]);
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 7, "{history}");
    for t in items {
        let mut keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, TRANSACTION_KEYS, "{t}");
    }
    let by_type = |kind: &str| items.iter().find(|t| t["type"] == kind).unwrap().clone();
    let refund = by_type("refund");
    assert_eq!(s(&refund["reason"]), "item returned");
    assert_eq!(s(&refund["description"]), format!("refund of {payment}"));
    assert_eq!(s(&by_type("unfreeze")["reason"]), "resolved");
    assert_eq!(s(&by_type("freeze")["reason"]), "dispute");
    assert_eq!(s(&by_type("adjust_credit")["reason"]), "fee back");
    for kind in ["deposit", "payment", "withdraw"] {
        assert_eq!(by_type(kind)["reason"], Value::Null, "{kind}");
    }
    assert_eq!(by_type("withdraw")["original_transaction_id"], Value::Null);
    assert_eq!(by_type("refund")["refunded_amount"], Value::Null);
    assert_eq!(by_type("deposit")["freeze_id"], Value::Null);

    let csv = l.cmd().args(["-o", "csv", "wallet", "history", "u"]).output().unwrap();
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let reason = header.iter().position(|h| h == "reason").expect("a reason column");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    let refund_row = rows.iter().find(|r| r.iter().any(|cell| cell == "refund")).unwrap();
    assert_eq!(&refund_row[reason], "item returned");
}
