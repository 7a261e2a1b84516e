//! SPEC section 2, idempotency: `--reference-id` makes a repeat safe. The same request replays
//! the original and writes nothing; another request under the same reference is a conflict.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{s, Ledger};

fn txn(envelope: &Value) -> &Value {
    &envelope["data"]["transaction"]
}

fn txn_id(envelope: &Value) -> String {
    s(&txn(envelope)["id"]).to_owned()
}

/// Runs `args` twice: the first applies (message "ok"), the second replays (message
/// "replayed", same transaction, nothing written). Returns the first envelope.
fn applies_then_replays(l: &Ledger, args: &[&str]) -> Value {
    let first = l.ok(args);
    assert_eq!(s(&first["message"]), "ok", "`{}`: {first}", args.join(" "));
    let before = l.snapshot();
    let again = l.ok(args);
    assert_eq!(s(&again["message"]), "replayed", "`{}`: {again}", args.join(" "));
    assert_eq!(
        txn_id(&again),
        txn_id(&first),
        "`{}` replays the same transaction",
        args.join(" ")
    );
    for field in [
        "type",
        "amount",
        "balance_before",
        "balance_after",
        "reference_id",
        "description",
    ] {
        assert_eq!(txn(&again)[field], txn(&first)[field], "`{}`: {field}", args.join(" "));
    }
    assert_eq!(
        l.snapshot(),
        before,
        "the replay of `{}` wrote something",
        args.join(" ")
    );
    first
}

#[test]
fn a_repeat_with_the_same_parameters_replays_the_original_and_writes_nothing() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    let deposit = applies_then_replays(
        &l,
        &[
            "wallet",
            "deposit",
            "u",
            "--amount",
            "1000",
            "--reference-id",
            "dep-1",
            "--description",
            "top-up",
        ],
    );
    assert_eq!(s(&txn(&deposit)["reference_id"]), "dep-1");
    applies_then_replays(
        &l,
        &["wallet", "withdraw", "u", "--amount", "100", "--reference-id", "wd-1"],
    );
    let payment = applies_then_replays(
        &l,
        &[
            "wallet",
            "payment",
            "u",
            "--counterparty",
            "mch_1",
            "--new-counterparty",
            "--amount",
            "200",
            "--reference-id",
            "pay-1",
        ],
    );
    let payment_id = txn_id(&payment);
    applies_then_replays(
        &l,
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &payment_id,
            "--amount",
            "50",
            "--reference-id",
            "rf-1",
        ],
    );
    applies_then_replays(
        &l,
        &[
            "--yes",
            "wallet",
            "adjust",
            "u",
            "--credit",
            "7",
            "--reason",
            "fix",
            "--reference-id",
            "adj-1",
        ],
    );
    // 1000 − 100 − 200 + 50 + 7, each once.
    assert_eq!(s(&l.wallet("u")["balance"]), "757.00");
    assert_eq!(l.ok(&["wallet", "history", "u"])["total"], 5);
    l.verified();
}

#[test]
fn a_replay_in_table_mode_says_nothing_was_written() {
    let l = Ledger::new();
    l.funded("u", "100");
    l.ok(&["wallet", "withdraw", "u", "--amount", "10", "--reference-id", "wd-1"]);
    let before = l.snapshot();
    let out = l
        .cmd()
        .args(["wallet", "withdraw", "u", "--amount", "10", "--reference-id", "wd-1"])
        .output()
        .expect("ledgerctl runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Replayed"), "{stdout}");
    assert!(stdout.contains("wd-1"), "{stdout}");
    assert_eq!(l.snapshot(), before);
}

#[test]
fn fifty_and_fifty_point_zero_zero_are_the_same_parameters() {
    let l = Ledger::new();
    l.funded("u", "1000");
    let first = l.ok(&["wallet", "withdraw", "u", "--amount", "50", "--reference-id", "wd-1"]);
    let before = l.snapshot();
    for same in ["50.00", "50.0", "50"] {
        let again = l.ok(&["wallet", "withdraw", "u", "--amount", same, "--reference-id", "wd-1"]);
        assert_eq!(s(&again["message"]), "replayed", "{same}: {again}");
        assert_eq!(txn_id(&again), txn_id(&first), "{same}");
    }
    // Surrounding spaces of a description are not part of it either.
    l.ok(&[
        "wallet",
        "deposit",
        "u",
        "--amount",
        "5",
        "--description",
        "x",
        "--reference-id",
        "d-1",
    ]);
    let before_desc = l.snapshot();
    let again = l.ok(&[
        "wallet",
        "deposit",
        "u",
        "--amount",
        "5.00",
        "--description",
        " x ",
        "--reference-id",
        "d-1",
    ]);
    assert_eq!(s(&again["message"]), "replayed", "{again}");
    assert_eq!(l.snapshot(), before_desc);
    assert_ne!(before, before_desc);
    assert_eq!(s(&l.wallet("u")["balance"]), "955.00");
}

#[test]
fn a_repeat_with_a_different_amount_is_a_reference_conflict() {
    let l = Ledger::new();
    l.funded("u", "1000");
    let first = l.ok(&["wallet", "withdraw", "u", "--amount", "50", "--reference-id", "wd-1"]);
    for other in ["50.01", "49.99", "500"] {
        let e = l.fails(
            &["wallet", "withdraw", "u", "--amount", other, "--reference-id", "wd-1"],
            4,
            "reference_conflict",
        );
        assert_eq!(e["code"], 409, "{other}: {e}");
        assert!(
            s(&e["message"]).contains(&txn_id(&first)),
            "the conflict names the earlier transaction: {e}"
        );
        assert!(s(&e["message"]).contains("wd-1"), "{e}");
    }
    assert_eq!(s(&l.wallet("u")["balance"]), "950.00");
    l.verified();
}

#[test]
fn a_repeat_with_a_different_description_or_counterparty_is_a_reference_conflict() {
    let l = Ledger::new();
    l.funded("u", "1000");
    l.ok(&[
        "wallet",
        "deposit",
        "u",
        "--amount",
        "10",
        "--description",
        "salary",
        "--reference-id",
        "d-1",
    ]);
    l.fails(
        &[
            "wallet",
            "deposit",
            "u",
            "--amount",
            "10",
            "--description",
            "bonus",
            "--reference-id",
            "d-1",
        ],
        4,
        "reference_conflict",
    );
    l.fails(
        &["wallet", "deposit", "u", "--amount", "10", "--reference-id", "d-1"],
        4,
        "reference_conflict",
    );
    l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
        "--amount",
        "10",
        "--reference-id",
        "p-1",
    ]);
    l.fails(
        &[
            "wallet",
            "payment",
            "u",
            "--counterparty",
            "mch_2",
            "--new-counterparty",
            "--amount",
            "10",
            "--reference-id",
            "p-1",
        ],
        4,
        "reference_conflict",
    );
    assert_eq!(s(&l.wallet("u")["balance"]), "1000.00");
    l.verified();
}

#[test]
fn a_refund_repeat_under_the_same_reference_must_name_the_same_refund() {
    let l = Ledger::new();
    l.funded("u", "1000");
    let p1 = txn_id(&l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "m",
        "--new-counterparty",
        "--amount",
        "100",
    ]));
    let p2 = txn_id(&l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "m",
        "--new-counterparty",
        "--amount",
        "100",
    ]));
    // "The rest" of a payment, re-run after it was refunded in full: a replay, not a 422.
    let first = applies_then_replays(
        &l,
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &p1,
            "--reference-id",
            "r-1",
        ],
    );
    assert_eq!(s(&txn(&first)["amount"]), "100.00");
    l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &p2,
            "--reference-id",
            "r-1",
        ],
        4,
        "reference_conflict",
    );
    l.fails(
        &[
            "wallet",
            "refund",
            "u",
            "--transaction-id",
            &p1,
            "--amount",
            "100",
            "--reference-id",
            "r-1",
        ],
        4,
        "reference_conflict",
    );
    assert_eq!(s(&l.wallet("u")["balance"]), "900.00");
    l.verified();
}

#[test]
fn the_same_reference_on_another_operation_or_wallet_is_independent() {
    let l = Ledger::new();
    l.funded("u", "1000");
    l.funded("v", "1000");
    let deposit = l.ok(&["wallet", "deposit", "u", "--amount", "10", "--reference-id", "ref-1"]);
    let withdraw = l.ok(&["wallet", "withdraw", "u", "--amount", "20", "--reference-id", "ref-1"]);
    let payment = l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "m",
        "--new-counterparty",
        "--amount",
        "30",
        "--reference-id",
        "ref-1",
    ]);
    let other_wallet = l.ok(&["wallet", "deposit", "v", "--amount", "10", "--reference-id", "ref-1"]);
    let ids = [&deposit, &withdraw, &payment, &other_wallet].map(txn_id);
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            assert_ne!(a, b, "each is its own transaction");
        }
    }
    for e in [&deposit, &withdraw, &payment, &other_wallet] {
        assert_eq!(s(&e["message"]), "ok", "{e}");
    }
    assert_eq!(s(&l.wallet("u")["balance"]), "960.00");
    assert_eq!(s(&l.wallet("v")["balance"]), "1010.00");
    l.verified();
}

#[test]
fn adjust_credit_and_debit_share_one_reference_space() {
    let l = Ledger::new();
    l.funded("u", "100");
    let credit = l.ok(&[
        "--yes",
        "wallet",
        "adjust",
        "u",
        "--credit",
        "5",
        "--reason",
        "fix",
        "--reference-id",
        "adj-1",
    ]);
    let e = l.fails(
        &[
            "--yes",
            "wallet",
            "adjust",
            "u",
            "--debit",
            "5",
            "--reason",
            "fix",
            "--reference-id",
            "adj-1",
        ],
        4,
        "reference_conflict",
    );
    assert!(s(&e["message"]).contains(&txn_id(&credit)), "{e}");
    l.fails(
        &[
            "--yes",
            "wallet",
            "adjust",
            "u",
            "--credit",
            "5",
            "--reason",
            "other",
            "--reference-id",
            "adj-1",
        ],
        4,
        "reference_conflict",
    );
    assert_eq!(s(&l.wallet("u")["balance"]), "105.00");
    l.verified();
}

#[test]
fn a_refused_operation_does_not_use_up_its_reference() {
    let l = Ledger::new();
    l.funded("u", "10");
    l.fails(
        &["wallet", "withdraw", "u", "--amount", "50", "--reference-id", "wd-1"],
        4,
        "insufficient_balance",
    );
    l.ok(&["wallet", "deposit", "u", "--amount", "40"]);
    let later = l.ok(&["wallet", "withdraw", "u", "--amount", "50", "--reference-id", "wd-1"]);
    assert_eq!(s(&later["message"]), "ok");
    assert_eq!(s(&later["data"]["wallet"]["balance"]), "0.00");
}

#[test]
fn a_replay_after_later_activity_returns_the_original_transaction() {
    let l = Ledger::new();
    l.funded("u", "100");
    let first = l.ok(&["wallet", "withdraw", "u", "--amount", "30", "--reference-id", "wd-1"]);
    l.ok(&["wallet", "deposit", "u", "--amount", "1000"]);
    let again = l.ok(&["wallet", "withdraw", "u", "--amount", "30", "--reference-id", "wd-1"]);
    assert_eq!(s(&again["message"]), "replayed");
    assert_eq!(txn_id(&again), txn_id(&first));
    assert_eq!(s(&txn(&again)["balance_after"]), "70.00");
    assert_eq!(s(&l.wallet("u")["balance"]), "1070.00");
}

const BATCH_REFUNDS: &str = r#"
set -u
while read -r txn amount ref; do
  if [ "$amount" = "-" ]; then
    "$LEDGERCTL" -o json wallet refund u --transaction-id "$txn" --reference-id "$ref"
  else
    "$LEDGERCTL" -o json wallet refund u --transaction-id "$txn" --amount "$amount" --reference-id "$ref"
  fi
  echo "exit=$?"
done < "$REFUNDS"
"#;

/// Runs the batch refund loop; returns each refund's (exit code, envelope).
fn run_batch(l: &Ledger, refunds: &std::path::Path) -> Vec<(i32, Value)> {
    let out = Command::new("bash")
        .arg("-c")
        .arg(BATCH_REFUNDS)
        .env("LEDGERCTL", env!("CARGO_BIN_EXE_ledgerctl"))
        .env("LEDGERCTL_DB", l.db_arg())
        .env("REFUNDS", refunds)
        .env_remove("LEDGERCTL_OUTPUT")
        .env_remove("LEDGERCTL_TENANT")
        .env_remove("LEDGERCTL_APP")
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    lines
        .chunks(2)
        .map(|pair| {
            let json: Value = serde_json::from_str(pair[0]).unwrap_or_else(|e| panic!("{e}: {stdout}"));
            let code = pair[1]
                .strip_prefix("exit=")
                .expect("exit line")
                .parse()
                .expect("exit code");
            (code, json)
        })
        .collect()
}

#[test]
fn re_running_a_batch_refund_loop_leaves_the_balances_of_the_first_run() {
    let l = Ledger::new();
    l.funded("u", "1000");
    let payments: Vec<String> = (1..=5)
        .map(|i| {
            let amount = format!("{}", i * 20);
            txn_id(&l.ok(&[
                "wallet",
                "payment",
                "u",
                "--counterparty",
                "mch_1",
                "--new-counterparty",
                "--amount",
                &amount,
            ]))
        })
        .collect();
    // Payments of 20, 40, 60, 80, 100: refund 10 of each of the first three, the rest of the others.
    let file = l.db.with_file_name("refunds.txt");
    let lines: Vec<String> = payments
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{t} {} refund-{i}", if i < 3 { "10" } else { "-" }))
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n").expect("write the refund list");

    let first = run_batch(&l, &file);
    assert_eq!(first.len(), 5);
    for (i, (code, json)) in first.iter().enumerate() {
        assert_eq!((*code, s(&json["message"])), (0, "ok"), "refund {i}: {json}");
    }
    let after_first = l.snapshot();
    // 1000 − 300 paid + 30 + 80 + 100 refunded.
    assert_eq!(s(&l.wallet("u")["balance"]), "910.00");

    let second = run_batch(&l, &file);
    assert_eq!(second.len(), 5);
    for (i, ((code, json), (_, original))) in second.iter().zip(&first).enumerate() {
        assert_eq!((*code, s(&json["message"])), (0, "replayed"), "refund {i}: {json}");
        assert_eq!(txn_id(json), txn_id(original), "refund {i}");
    }
    assert_eq!(l.snapshot(), after_first, "the second run wrote something");
    assert_eq!(s(&l.wallet("u")["balance"]), "910.00");
    l.verified();
}

#[test]
fn a_replay_succeeds_even_when_the_operation_would_now_be_refused() {
    let l = Ledger::new();
    l.funded("u", "100");
    let first = l.ok(&["wallet", "withdraw", "u", "--amount", "100", "--reference-id", "all"]);
    assert_eq!(s(&first["data"]["wallet"]["balance"]), "0.00");
    let before = l.snapshot();
    let again = l.ok(&["wallet", "withdraw", "u", "--amount", "100", "--reference-id", "all"]);
    assert_eq!(s(&again["message"]), "replayed", "{again}");
    assert_eq!(txn_id(&again), txn_id(&first));
    assert_eq!(l.snapshot(), before);
    l.fails(
        &["wallet", "withdraw", "u", "--amount", "100", "--reference-id", "other"],
        4,
        "insufficient_balance",
    );
}

#[test]
fn a_reference_id_is_any_printable_text_up_to_128_characters_compared_byte_for_byte() {
    let l = Ledger::new();
    l.funded("u", "100");
    let provider_keys = [
        "order:2026/04/15#1".to_owned(),
        "k".repeat(70),
        "é".repeat(128),
        " padded ".to_owned(),
        "退款 #7".to_owned(),
    ];
    for key in &provider_keys {
        let first = l.ok(&["wallet", "withdraw", "u", "--amount", "1", "--reference-id", key]);
        assert_eq!(s(&txn(&first)["reference_id"]), key.as_str(), "kept as typed");
        let again = l.ok(&["wallet", "withdraw", "u", "--amount", "1", "--reference-id", key]);
        assert_eq!(again["message"], "replayed", "{key:?}");
        assert_eq!(txn_id(&again), txn_id(&first));
        let filtered = l.ok(&["wallet", "history", "u", "--reference-id", key]);
        assert_eq!(filtered["total"], 1, "{key:?}");
    }
    // Byte for byte: no trimming, so " padded " and "padded" are two references.
    let trimmed = l.ok(&["wallet", "withdraw", "u", "--amount", "1", "--reference-id", "padded"]);
    assert_eq!(trimmed["message"], "ok");
    assert_eq!(s(&l.wallet("u")["balance"]), "94.00");
    l.verified();
}

#[test]
fn an_empty_over_long_or_control_character_reference_id_is_an_invalid_request() {
    let l = Ledger::new();
    l.funded("u", "100");
    let long = "r".repeat(129);
    for bad in ["", "ref\n1", "a\tb", "bell\u{7}", long.as_str()] {
        let e = l.fails(
            &["wallet", "withdraw", "u", "--amount", "1", "--reference-id", bad],
            2,
            "invalid_request",
        );
        assert_eq!(e["code"], 400, "{bad:?}: {e}");
    }
}

#[test]
fn freeze_and_unfreeze_take_a_reference_and_replay_like_every_write() {
    let l = Ledger::new();
    l.funded("u", "100");
    let hold = [
        "wallet",
        "freeze",
        "u",
        "--amount",
        "30",
        "--reason",
        "dispute",
        "--reference-id",
        "h-1",
    ];
    let first = l.ok(&hold);
    let again = l.ok(&hold);
    assert_eq!(again["message"], "replayed");
    assert_eq!(again["data"]["freeze"]["id"], first["data"]["freeze"]["id"]);
    assert_eq!(s(&l.wallet("u")["frozen_balance"]), "30.00");
    l.fails(
        &["wallet", "freeze", "u", "--amount", "30", "--reference-id", "h-1"],
        4,
        "reference_conflict",
    );

    let id = s(&first["data"]["freeze"]["id"]).to_owned();
    let release = [
        "wallet",
        "unfreeze",
        "u",
        "--freeze-id",
        &id,
        "--reason",
        "resolved",
        "--reference-id",
        "r-1",
    ];
    let released = l.ok(&release);
    assert_eq!(s(&released["data"]["freeze"]["release_reason"]), "resolved");
    assert_eq!(
        s(&released["data"]["freeze"]["reason"]),
        "dispute",
        "the freeze's own reason stays"
    );
    let again = l.ok(&release);
    assert_eq!(again["message"], "replayed", "not freeze_not_active: {again}");
    l.fails(
        &[
            "wallet",
            "unfreeze",
            "u",
            "--freeze-id",
            &id,
            "--reason",
            "other",
            "--reference-id",
            "r-1",
        ],
        4,
        "reference_conflict",
    );
    // Without a reference a second unfreeze is still refused: nothing says it is a repeat.
    l.fails(&["wallet", "unfreeze", "u", "--freeze-id", &id], 4, "freeze_not_active");
    let listed = l.ok(&["wallet", "freezes", "u"]);
    assert_eq!(s(&listed["items"][0]["release_reason"]), "resolved");
    assert_eq!(s(&l.wallet("u")["frozen_balance"]), "0.00");
    l.verified();
}
