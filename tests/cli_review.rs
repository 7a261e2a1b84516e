//! Withdrawal review (maker-checker) from the command line (issue 13): `withdrawal
//! request|list|show|approve|reject`. A request holds its amount at once; another actor
//! approves (one capture entry, frozen → settlement) or rejects (the hold released); a request
//! is decided once, never by its requester; the direct withdrawal is refused while the policy
//! requires review, except up to its auto-approval limit. Every refusal leaves the ledger as it
//! was. Runs on SQLite, and on PostgreSQL with `LEDGERCTL_TEST_BACKEND=postgres`.

mod support;

use serde_json::Value;
use support::{s, Ledger};

/// A ledger whose policy requires review, with alice holding 1000.00 CNY.
fn reviewed() -> Ledger {
    let l = Ledger::new();
    l.funded("alice", "1000");
    l.ok(&["policy", "set", "--withdrawal-require-review", "true"]);
    l
}

/// `withdrawal request alice --amount A`, by the OS user (`cli:tester`); its `data`.
fn request(l: &Ledger, amount: &str) -> Value {
    l.ok(&[
        "withdrawal",
        "request",
        "alice",
        "--amount",
        amount,
        "--remark",
        "payout",
    ])["data"]
        .clone()
}

/// The same command as another actor.
fn as_actor<'a>(actor: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    [&["--actor", actor][..], args].concat()
}

fn balances(l: &Ledger) -> (String, String, String) {
    let w = l.wallet("alice");
    (
        s(&w["balance"]).to_owned(),
        s(&w["available_balance"]).to_owned(),
        s(&w["frozen_balance"]).to_owned(),
    )
}

#[test]
fn a_request_holds_the_amount_and_another_actors_approval_withdraws_it_in_one_capture() {
    let l = reviewed();
    let r = request(&l, "300.00");
    assert_eq!(r["status"], "pending");
    assert_eq!(r["requested_by"], "cli:tester");
    assert!(s(&r["id"]).starts_with("wdr_"), "{r}");
    assert_eq!(r["decided_by"], Value::Null);
    // Held at once: the total is unchanged, the available part cannot be spent.
    assert_eq!(balances(&l), ("1000.00".into(), "700.00".into(), "300.00".into()));
    l.fails(
        &[
            "wallet",
            "payment",
            "alice",
            "--amount",
            "700.01",
            "--counterparty",
            "shop",
            "--new-counterparty",
        ],
        4,
        "insufficient_balance",
    );
    let id = s(&r["id"]);
    let approved = l.ok(&as_actor(
        "bob",
        &[
            "withdrawal",
            "approve",
            id,
            "--approved-by",
            "Bob Lee",
            "--remark",
            "ok",
        ],
    ));
    assert_eq!(approved["message"], "approved");
    let a = &approved["data"];
    assert_eq!(
        (&a["status"], &a["decided_by"], &a["approved_by"], &a["decision_remark"]),
        (
            &Value::from("approved"),
            &Value::from("cli:bob"),
            &Value::from("Bob Lee"),
            &Value::from("ok")
        )
    );
    assert_eq!(balances(&l), ("700.00".into(), "700.00".into(), "0.00".into()));
    // One entry: the capture of the request's hold, to the settlement account, by the approver.
    let txn = l.ok(&["transaction", "show", s(&a["transaction_id"])])["data"]["transaction"].clone();
    assert_eq!(
        (&txn["type"], &txn["amount"]),
        (&Value::from("capture"), &Value::from("300.00"))
    );
    assert_eq!(txn["freeze_id"], r["freeze_id"]);
    assert_eq!(txn["counterparty_id"], Value::Null);
    assert_eq!(
        l.texts("SELECT actor FROM journal_entries WHERE kind = 'capture'"),
        ["cli:bob"]
    );
    let freeze = l.ok(&["freeze", "show", s(&r["freeze_id"])])["data"]["freeze"].clone();
    assert_eq!(freeze["status"], "captured");
    assert_eq!(l.ok(&["withdrawal", "show", id])["data"], *a);
    l.verified();
}

#[test]
fn the_requester_cannot_decide_their_own_request_and_nothing_changes() {
    let l = reviewed();
    let id = request(&l, "100")["id"].as_str().unwrap().to_owned();
    for verb in ["approve", "reject"] {
        let refused = l.fails(&["withdrawal", verb, &id], 2, "same_actor");
        assert!(s(&refused["message"]).contains("cli:tester"), "{refused}");
        // --actor naming the same actor is the same actor.
        l.fails(&as_actor("tester", &["withdrawal", verb, &id]), 2, "same_actor");
    }
    // And an actor that asked through --actor is held to it too.
    let other = l.ok(&as_actor("carol", &["withdrawal", "request", "alice", "--amount", "5"]))["data"].clone();
    l.fails(
        &as_actor("carol", &["withdrawal", "approve", s(&other["id"])]),
        2,
        "same_actor",
    );
    l.ok(&["withdrawal", "approve", s(&other["id"])]);
    l.verified();
}

#[test]
fn a_rejection_releases_the_hold_and_a_request_is_decided_once() {
    let l = reviewed();
    let id = request(&l, "250")["id"].as_str().unwrap().to_owned();
    let rejected = l.ok(&as_actor(
        "bob",
        &["withdrawal", "reject", &id, "--remark", "wrong account"],
    ));
    assert_eq!(rejected["message"], "rejected");
    let d = &rejected["data"];
    assert_eq!(
        (&d["status"], &d["approved_by"]),
        (&Value::from("rejected"), &Value::Null)
    );
    assert_eq!(balances(&l), ("1000.00".into(), "1000.00".into(), "0.00".into()));
    let freeze = l.ok(&["freeze", "show", s(&d["freeze_id"])])["data"]["freeze"].clone();
    assert_eq!(
        (&freeze["status"], &freeze["release_reason"]),
        (&Value::from("released"), &Value::from("wrong account"))
    );
    for verb in ["approve", "reject"] {
        let again = l.fails(
            &as_actor("dave", &["withdrawal", verb, &id]),
            4,
            "withdrawal_not_pending",
        );
        assert!(s(&again["message"]).contains("already rejected"), "{again}");
    }
    let approved = request(&l, "10")["id"].as_str().unwrap().to_owned();
    l.ok(&as_actor("bob", &["withdrawal", "approve", &approved]));
    l.fails(
        &as_actor("dave", &["withdrawal", "reject", &approved]),
        4,
        "withdrawal_not_pending",
    );
    l.verified();
}

#[test]
fn a_held_requests_freeze_is_ended_only_by_its_decision() {
    let l = reviewed();
    let r = request(&l, "100");
    let freeze = s(&r["freeze_id"]);
    let refused = l.fails(
        &["wallet", "unfreeze", "alice", "--freeze-id", freeze],
        4,
        "freeze_under_review",
    );
    assert!(s(&refused["message"]).contains(s(&r["id"])), "{refused}");
    l.fails(
        &["wallet", "capture", "alice", "--freeze-id", freeze],
        4,
        "freeze_under_review",
    );
    l.fails(
        &[
            "wallet",
            "capture",
            "alice",
            "--freeze-id",
            freeze,
            "--counterparty",
            "shop",
            "--new-counterparty",
        ],
        4,
        "freeze_under_review",
    );
    // A freeze of its own is released as before.
    let own = l.ok(&["wallet", "freeze", "alice", "--amount", "1"])["data"]["freeze"]["id"].clone();
    l.ok(&["wallet", "unfreeze", "alice", "--freeze-id", s(&own)]);
    l.verified();
}

#[test]
fn with_review_required_a_direct_withdrawal_is_refused_except_up_to_the_auto_approval_limit() {
    let l = reviewed();
    let refused = l.fails(
        &["wallet", "withdraw", "alice", "--amount", "0.01"],
        4,
        "review_required",
    );
    assert!(s(&refused["message"]).contains("withdrawal request alice"), "{refused}");
    // Nor can a hold of its own be captured to the settlement around the review; paid to a
    // counterparty it is a payment, which review does not hold.
    let own = l.ok(&["wallet", "freeze", "alice", "--amount", "20"])["data"]["freeze"]["id"].clone();
    l.fails(
        &["wallet", "capture", "alice", "--freeze-id", s(&own), "--amount", "10"],
        4,
        "review_required",
    );
    l.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        s(&own),
        "--counterparty",
        "shop",
        "--new-counterparty",
    ]);
    l.ok(&["policy", "set", "--auto-approve-limit", "50"]);
    let over = l.fails(
        &["wallet", "withdraw", "alice", "--amount", "50.01"],
        4,
        "review_required",
    );
    assert!(s(&over["message"]).contains("over 50.00 CNY"), "{over}");
    l.ok(&["wallet", "withdraw", "alice", "--amount", "50.00"]);
    // A request within the limit is approved at once, by the policy, in the same command.
    let auto = request(&l, "50");
    assert_eq!(
        (&auto["status"], &auto["decided_by"]),
        (&Value::from("approved"), &Value::from("policy:auto_approve"))
    );
    assert_eq!(request(&l, "50.01")["status"], "pending");
    // The auto-approved capture is the requester's entry.
    let actor = l.texts(&format!(
        "SELECT actor FROM journal_entries WHERE id = '{}'",
        s(&auto["transaction_id"])
    ));
    assert_eq!(actor, ["cli:tester"]);
    // Without review every request is approved at once.
    l.ok(&["policy", "set", "--withdrawal-require-review", "false"]);
    assert_eq!(request(&l, "500")["decided_by"], "policy:auto_approve");
    // 1000 less 20 paid, 50 withdrawn, 50 and 500 approved at once; 50.01 still held.
    assert_eq!(balances(&l), ("380.00".into(), "329.99".into(), "50.01".into()));
    l.verified();
}

#[test]
fn the_policys_limits_hold_when_the_request_is_made_and_again_when_it_is_approved() {
    let l = Ledger::at("2026-04-15T10:00:00Z");
    l.funded("alice", "1000");
    l.ok(&[
        "policy",
        "set",
        "--withdrawal-require-review",
        "true",
        "--daily-withdraw-limit",
        "100",
        "--auto-approve-limit",
        "30",
        "--min-withdraw-amount",
        "5",
    ]);
    l.fails(
        &["withdrawal", "request", "alice", "--amount", "4.99"],
        5,
        "below_min_withdraw",
    );
    l.fails(
        &["withdrawal", "request", "alice", "--amount", "100.01"],
        5,
        "daily_limit_exceeded",
    );
    let id = request(&l, "80")["id"].as_str().unwrap().to_owned();
    // Pending requests do not count; money that left does.
    l.ok(&["wallet", "withdraw", "alice", "--amount", "30"]);
    let refused = l.fails(
        &as_actor("bob", &["withdrawal", "approve", &id]),
        5,
        "daily_limit_exceeded",
    );
    assert!(
        s(&refused["message"]).contains("30.00 CNY already withdrawn today"),
        "{refused}"
    );
    assert_eq!(l.ok(&["withdrawal", "show", &id])["data"]["status"], "pending");
    // The next day the same approval passes.
    l.set_clock("2026-04-16T00:00:01Z");
    l.ok(&as_actor("bob", &["withdrawal", "approve", &id]));
    l.verified();
}

#[test]
fn a_reference_id_repeat_answers_the_request_and_other_fields_conflict() {
    let l = reviewed();
    let args = [
        "withdrawal",
        "request",
        "alice",
        "--amount",
        "40",
        "--reference-id",
        "payout-7",
    ];
    let first = l.ok(&args);
    assert_eq!(first["message"], "created");
    let again = l.ok(&args);
    assert_eq!(again["message"], "replayed");
    assert_eq!(again["data"], first["data"]);
    assert_eq!(l.number("SELECT COUNT(*) FROM withdrawal_requests"), 1);
    l.fails(
        &[
            "withdrawal",
            "request",
            "alice",
            "--amount",
            "41",
            "--reference-id",
            "payout-7",
        ],
        4,
        "reference_conflict",
    );
    // A freeze of its own with the reference is not a request: asking with it conflicts.
    l.ok(&["wallet", "freeze", "alice", "--amount", "3", "--reference-id", "hold-1"]);
    l.fails(
        &[
            "withdrawal",
            "request",
            "alice",
            "--amount",
            "3",
            "--reference-id",
            "hold-1",
        ],
        4,
        "reference_conflict",
    );
    // Once decided, the repeat answers the request as it is now.
    l.ok(&as_actor("bob", &["withdrawal", "approve", s(&first["data"]["id"])]));
    assert_eq!(l.ok(&args)["data"]["status"], "approved");
    l.verified();
}

#[test]
fn bad_requests_are_refused_and_write_nothing() {
    let l = reviewed();
    for (amount, exit, error) in [
        ("1e3", 5, "invalid_amount"),
        ("-0", 5, "invalid_amount"),
        ("0", 5, "invalid_amount"),
        ("0.001", 5, "invalid_amount"),
        ("99999999999999999999", 5, "invalid_amount"),
        ("1000.01", 4, "insufficient_balance"),
    ] {
        l.fails(&["withdrawal", "request", "alice", "--amount", amount], exit, error);
    }
    l.fails(
        &["withdrawal", "request", "nobody", "--amount", "1"],
        3,
        "wallet_not_found",
    );
    l.fails(
        &["withdrawal", "approve", "wdr_missing"],
        3,
        "withdrawal_request_not_found",
    );
    l.fails(
        &["withdrawal", "show", "wdr_missing"],
        3,
        "withdrawal_request_not_found",
    );
    l.fails(&["withdrawal", "list", "--status", "done"], 2, "invalid_request");
    l.fails(&["--actor", "bob smith", "withdrawal", "list"], 2, "invalid_request");
    let id = request(&l, "1")["id"].as_str().unwrap().to_owned();
    l.fails(
        &["--tenant", "globex", "--actor", "bob", "withdrawal", "approve", &id],
        3,
        "withdrawal_request_not_found",
    );
    l.fails(
        &["--app", "games", "withdrawal", "show", &id],
        3,
        "withdrawal_request_not_found",
    );
    l.ok(&["--yes", "wallet", "status", "alice", "frozen", "--reason", "audit"]);
    l.fails(
        &as_actor("bob", &["withdrawal", "approve", &id]),
        4,
        "wallet_not_active",
    );
    l.verified();
}

#[test]
fn lists_filter_by_status_and_user_newest_first_and_print_csv() {
    let l = reviewed();
    l.funded("bob", "100");
    let first = request(&l, "1")["id"].as_str().unwrap().to_owned();
    let second = request(&l, "2")["id"].as_str().unwrap().to_owned();
    l.ok(&["withdrawal", "request", "bob", "--amount", "3"]);
    l.ok(&as_actor("checker", &["withdrawal", "reject", &first]));
    let all = l.ok(&["withdrawal", "list"]);
    assert_eq!(all["total"], 3);
    assert_eq!(all["items"][1]["id"], second.as_str());
    let pending = l.ok(&["withdrawal", "list", "--status", "pending", "--user", "alice"]);
    let ids: Vec<&str> = pending["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| s(&i["id"]))
        .collect();
    assert_eq!(ids, [second.as_str()]);
    assert_eq!(l.ok(&["withdrawal", "list", "--status", "rejected"])["total"], 1);
    l.fails(&["withdrawal", "list", "--user", "nobody"], 3, "wallet_not_found");
    let csv = l.cmd().args(["-o", "csv", "withdrawal", "list"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with("id,user_id,wallet_id,amount,currency,status,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 4, "{text}");
}

#[test]
fn two_approvers_racing_decide_a_request_exactly_once() {
    let l = reviewed();
    let id = request(&l, "600")["id"].as_str().unwrap().to_owned();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let racers: Vec<_> = ["bob", "carol", "dave", "erin"]
        .iter()
        .enumerate()
        .map(|(i, actor)| {
            let (mut cmd, barrier) = (l.cmd(), barrier.clone());
            let verb = if i % 2 == 0 { "approve" } else { "reject" };
            cmd.args([
                "-o",
                "json",
                "--lock-timeout-ms",
                "30000",
                "--actor",
                actor,
                "withdrawal",
                verb,
                &id,
            ]);
            std::thread::spawn(move || {
                barrier.wait();
                cmd.output().expect("ledgerctl runs")
            })
        })
        .collect();
    let answers: Vec<(i32, Value)> = racers
        .into_iter()
        .map(|racer| {
            let out = racer.join().expect("a racer");
            (
                out.status.code().unwrap_or(-1),
                serde_json::from_slice(&out.stdout).expect("an envelope"),
            )
        })
        .collect();
    let won: Vec<&Value> = answers.iter().filter(|(code, _)| *code == 0).map(|(_, v)| v).collect();
    assert_eq!(won.len(), 1, "exactly one decides: {answers:?}");
    for (code, answer) in answers.iter().filter(|(code, _)| *code != 0) {
        assert_eq!(
            (*code, &answer["error"]),
            (4, &Value::from("withdrawal_not_pending")),
            "{answer}"
        );
    }
    let decisions = l.number("SELECT COUNT(*) FROM journal_entries WHERE kind IN ('capture', 'unfreeze')");
    assert_eq!(decisions, 1);
    let status = s(&won[0]["data"]["status"]).to_owned();
    let expected = if status == "approved" { "400.00" } else { "1000.00" };
    assert_eq!(l.wallet("alice")["balance"], expected);
    l.verified();
}
