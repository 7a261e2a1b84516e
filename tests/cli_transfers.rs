//! `wallet transfer FROM TO` and batch `transfer` lines: both legs in one transaction, every
//! refusal with its exit code and error leaving the ledger exactly as it was, replays, and the
//! legs neither refundable nor anything but paired in `ledger verify`.

mod support;

use serde_json::Value;
use support::Ledger;

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// alice holds 100.00 CNY, bob an empty CNY wallet.
fn two() -> Ledger {
    let l = Ledger::new();
    l.funded("alice", "100.00");
    l.ok(&["wallet", "create", "bob"]);
    l
}

#[test]
fn a_transfer_writes_a_leg_in_each_wallet_and_moves_the_amount() {
    let l = two();
    let sent = l.ok(&[
        "wallet",
        "transfer",
        "alice",
        "bob",
        "--amount",
        "30.50",
        "--description",
        "rent",
        "--reference-id",
        "t-1",
    ]);
    let d = &sent["data"];
    assert_eq!(sent["message"], "ok");
    let (out, into) = (&d["from_transaction"], &d["to_transaction"]);
    assert_eq!((s(&out["type"]), s(&into["type"])), ("transfer_out", "transfer_in"));
    assert_eq!((s(&out["amount"]), s(&into["amount"])), ("30.50", "30.50"));
    assert_eq!(
        (s(&out["balance_after"]), s(&into["balance_after"])),
        ("69.50", "30.50")
    );
    assert_eq!(
        into["original_transaction_id"], out["id"],
        "the receiver's leg names the sender's"
    );
    assert_eq!((s(&out["reference_id"]), &into["reference_id"]), ("t-1", &Value::Null));
    assert_eq!((s(&out["description"]), s(&into["description"])), ("rent", "rent"));
    assert_eq!(out["created_at"], into["created_at"], "one transaction, one moment");
    assert_eq!(
        (s(&d["from_wallet"]["user_id"]), s(&d["to_wallet"]["user_id"])),
        ("alice", "bob")
    );
    assert_eq!(s(&d["from_wallet"]["available_balance"]), "69.50");
    assert_eq!(s(&d["to_wallet"]["available_balance"]), "30.50");
    assert_eq!(out["refunded_amount"], Value::Null, "a transfer is not refundable");
    // Each leg is in its own wallet's history, and found by its id.
    let history = |user: &str| l.ok(&["wallet", "history", user])["items"].clone();
    assert_eq!(history("alice")[0]["id"], out["id"]);
    assert_eq!(history("bob")[0]["id"], into["id"]);
    let shown = l.ok(&["transaction", "show", s(&into["id"])]);
    assert_eq!(shown["data"]["wallet"]["user_id"], "bob");
    // The clearing account nets to zero: the trial balance names it with nothing on it.
    let trial = l.ok(&["ledger", "trial-balance"]);
    let clearing = trial["data"]["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["account"] == "liabilities:transfers:CNY")
        .cloned()
        .unwrap_or_else(|| panic!("the clearing account is in the trial balance: {trial}"));
    assert_eq!(clearing["balance"], "0.00", "{clearing}");
    l.verified();
    let verify = l.ok(&["ledger", "verify"]);
    let transfers = verify["data"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "transfers")
        .cloned()
        .expect("the transfers check");
    assert_eq!(
        (transfers["ok"].clone(), transfers["checked"].clone()),
        (true.into(), 2.into())
    );
}

#[test]
fn a_repeated_reference_replays_both_legs_and_other_fields_conflict() {
    let l = two();
    let args = [
        "wallet",
        "transfer",
        "alice",
        "bob",
        "--amount",
        "10",
        "--reference-id",
        "t-1",
    ];
    let first = l.ok(&args);
    let entries = l.entries();
    let again = l.ok(&[
        "wallet",
        "transfer",
        "alice",
        "bob",
        "--amount",
        "10.00",
        "--reference-id",
        "t-1",
    ]);
    assert_eq!(again["message"], "replayed");
    assert_eq!(again["data"]["from_transaction"], first["data"]["from_transaction"]);
    assert_eq!(again["data"]["to_transaction"], first["data"]["to_transaction"]);
    assert_eq!(l.entries(), entries, "a replay writes nothing");
    l.ok(&["wallet", "create", "carol"]);
    for other in [
        &[
            "wallet",
            "transfer",
            "alice",
            "bob",
            "--amount",
            "11",
            "--reference-id",
            "t-1",
        ][..],
        &[
            "wallet",
            "transfer",
            "alice",
            "carol",
            "--amount",
            "10",
            "--reference-id",
            "t-1",
        ],
    ] {
        l.fails(other, 4, "reference_conflict");
    }
    // The reference is the sender's: bob may use the same one for his own transfer.
    l.ok(&[
        "wallet",
        "transfer",
        "bob",
        "alice",
        "--amount",
        "1",
        "--reference-id",
        "t-1",
    ]);
    l.verified();
}

#[test]
fn every_refusal_names_its_error_and_leaves_the_ledger_as_it_was() {
    let l = two();
    l.ok(&["wallet", "create", "usd", "--currency", "USD"]);
    l.ok(&["--tenant", "other", "wallet", "create", "bob"]);
    let t = |to: &str, amount: &str| -> Vec<String> {
        ["wallet", "transfer", "alice", to, "--amount", amount]
            .iter()
            .map(|a| a.to_string())
            .collect()
    };
    let cases: [(Vec<String>, i32, &str); 12] = [
        (t("alice", "1"), 2, "invalid_request"),
        (t("nobody", "1"), 3, "wallet_not_found"),
        (t("b@d/", "1"), 2, "invalid_request"),
        (t("usd", "1"), 5, "invalid_amount"),
        (t("bob", "100.01"), 4, "insufficient_balance"),
        (t("bob", "0.001"), 5, "invalid_amount"),
        (t("bob", "-0"), 5, "invalid_amount"),
        (t("bob", "1e3"), 5, "invalid_amount"),
        (t("bob", "0"), 5, "invalid_amount"),
        (t("bob", "99999999999999999999"), 5, "invalid_amount"),
        (
            ["wallet", "transfer", "nobody", "bob", "--amount", "1"]
                .map(String::from)
                .to_vec(),
            3,
            "wallet_not_found",
        ),
        // Another tenant's wallet of the same user name is not reachable from this one.
        (
            [
                "--tenant", "other", "wallet", "transfer", "bob", "alice", "--amount", "1",
            ]
            .map(String::from)
            .to_vec(),
            3,
            "wallet_not_found",
        ),
    ];
    for (args, exit, error) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        l.fails(&args, *exit, error);
    }
    l.verified();
}

#[test]
fn a_frozen_or_closed_wallet_neither_sends_nor_receives() {
    let l = two();
    l.ok(&["wallet", "create", "carol"]);
    l.ok(&["--yes", "wallet", "status", "carol", "closed", "--reason", "gone"]);
    l.fails(
        &["wallet", "transfer", "alice", "carol", "--amount", "1"],
        4,
        "wallet_not_active",
    );
    l.ok(&["--yes", "wallet", "status", "bob", "frozen", "--reason", "review"]);
    // A frozen wallet still takes a deposit, but not a transfer: a freeze stops movements
    // between users.
    l.ok(&["wallet", "deposit", "bob", "--amount", "5"]);
    l.fails(
        &["wallet", "transfer", "alice", "bob", "--amount", "1"],
        4,
        "wallet_not_active",
    );
    l.fails(
        &["wallet", "transfer", "bob", "alice", "--amount", "1"],
        4,
        "wallet_not_active",
    );
    l.ok(&["wallet", "status", "bob", "active", "--reason", "cleared"]);
    l.ok(&["wallet", "transfer", "bob", "alice", "--amount", "5"]);
    l.verified();
}

#[test]
fn neither_leg_of_a_transfer_can_be_refunded() {
    let l = two();
    let sent = l.ok(&["wallet", "transfer", "alice", "bob", "--amount", "10"]);
    let out = s(&sent["data"]["from_transaction"]["id"]).to_owned();
    let into = s(&sent["data"]["to_transaction"]["id"]).to_owned();
    l.fails(
        &["wallet", "refund", "alice", "--transaction-id", &out],
        4,
        "not_refundable",
    );
    l.fails(
        &["wallet", "refund", "bob", "--transaction-id", &into],
        4,
        "not_refundable",
    );
    l.verified();
}

/// Runs `ledgerctl batch` on `contents` (written to `name`): (exit, one envelope per line).
fn batch(l: &Ledger, name: &str, contents: &str) -> (i32, Vec<Value>) {
    let path = l.db.with_file_name(name);
    std::fs::write(&path, contents).unwrap();
    let out = l.cmd().arg("batch").arg(&path).output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    (out.status.code().unwrap(), lines)
}

#[test]
fn batch_transfer_lines_move_money_as_the_command_does() {
    let l = two();
    let csv = "op,from_user_id,to_user_id,amount,reference_id\n\
               transfer,alice,bob,10.00,b-1\n\
               transfer,alice,bob,10.00,b-1\n\
               transfer,bob,alice,500.00,b-2\n\
               transfer,alice,alice,1.00,b-3\n";
    let before = l.entries();
    let (code, lines) = batch(&l, "transfers.csv", csv);
    assert_ne!(code, 0, "two lines were refused: {lines:?}");
    let answer = |i: usize| &lines[i];
    assert_eq!(answer(0)["message"], "ok", "{lines:?}");
    assert_eq!(answer(1)["message"], "replayed", "{lines:?}");
    assert_eq!(answer(2)["error"], "insufficient_balance", "{lines:?}");
    assert_eq!(answer(3)["error"], "invalid_request", "{lines:?}");
    assert_eq!(answer(0)["data"]["to_wallet"]["available_balance"], "10.00");
    assert_eq!(l.entries(), before + 2, "one transfer, two legs");
    // A transfer line names its users as the HTTP body does: `user_id` is not one of them.
    let (code, lines) = batch(
        &l,
        "one.jsonl",
        r#"{"op":"transfer","user_id":"alice","to_user_id":"bob","amount":"1.00"}"#,
    );
    assert_ne!(code, 0, "{lines:?}");
    assert_eq!(lines[0]["error"], "invalid_request", "{lines:?}");
    assert_eq!(s(&l.wallet("bob")["balance"]), "10.00");
    l.verified();
}
