//! SPEC sections 3 and 4: the envelope, the seeds' field names, lists and paging, where output
//! goes, tenancy, confirmation, and the conflicts of wallets and freezes.

mod support;

use std::collections::BTreeSet;
use std::os::unix::ffi::OsStrExt;

use serde_json::Value;
use support::{s, Ledger};

const WALLET_FIELDS: [&str; 11] = [
    "wallet_id",
    "tenant_id",
    "application_id",
    "user_id",
    "currency",
    "balance",
    "frozen_balance",
    "available_balance",
    "status",
    "created_at",
    "updated_at",
];

const TRANSACTION_FIELDS: [&str; 12] = [
    "id",
    "wallet_id",
    "type",
    "amount",
    "currency",
    "balance_before",
    "balance_after",
    "counterparty_id",
    "description",
    "reference_id",
    "status",
    "created_at",
];

const FREEZE_FIELDS: [&str; 8] = [
    "id",
    "wallet_id",
    "amount",
    "reason",
    "status",
    "created_at",
    "released_at",
    "release_reason",
];

const PAGINATION_FIELDS: [&str; 6] = ["page", "page_size", "total", "total_pages", "has_next", "has_prev"];

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, with plausible field values.
fn assert_rfc3339(what: &str, v: &Value) {
    let t = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: a timestamp string, got {v}"));
    let b = t.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    let num = |range: std::ops::Range<usize>| t[range].parse::<u32>().unwrap();
    let shape = b.len() == 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z';
    assert!(shape, "{what}: {t:?} is not YYYY-MM-DDTHH:MM:SSZ");
    assert!(
        (1..=12).contains(&num(5..7)) && (1..=31).contains(&num(8..10)),
        "{what}: {t}"
    );
    assert!(num(11..13) < 24 && num(14..16) < 60 && num(17..19) < 61, "{what}: {t}");
    assert!(num(0..4) >= 2024, "{what}: {t} is in the past");
}

/// Runs `ledgerctl ARGS` (no `-o`), returning (exit code, stdout, stderr).
fn table_mode(l: &Ledger, args: &[&str]) -> (i32, String, String) {
    let out = l.cmd().args(args).output().expect("ledgerctl runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_usage_errors_are_one_invalid_request_envelope() {
    let l = Ledger::new();
    l.funded("u", "100");
    for args in [
        &["wallet", "deposit", "u"][..],
        &["wallet", "withdraw", "u", "--amount", "5", "--bogus"],
        &["wallet", "frobnicate"],
        &["wallet"],
        &["wallet", "show"],
        &["wallet", "list", "--page-size", "ten"],
        &["wallet", "freezes", "u", "--status", "melted"],
        &[
            "wallet", "adjust", "u", "--credit", "5", "--debit", "5", "--reason", "x", "--yes",
        ],
        &["wallet", "adjust", "u", "--yes", "--credit", "5"],
        &["refund"],
    ] {
        let what = args.join(" ");
        let before = l.snapshot();
        let out = l.cmd().arg("-o").arg("json").args(args).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "`{what}`: one line on stdout:\n{stdout}");
        let e: Value = serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("`{what}`: {err}: {stdout}"));
        assert_eq!(out.status.code(), Some(2), "`{what}`: {e}");
        assert_eq!(e["error"], "invalid_request", "`{what}`: {e}");
        assert_eq!(e["code"], 400, "`{what}`: {e}");
        assert!(e["message"].as_str().is_some_and(|m| m.len() > 10), "`{what}`: {e}");
        assert!(e.get("data").is_none(), "`{what}`: {e}");
        assert_rfc3339(&what, &e["timestamp"]);
        assert_eq!(l.snapshot(), before, "`{what}`");
    }
}

#[test]
fn json_output_can_come_from_the_environment_or_follow_the_subcommand() {
    let l = Ledger::new();
    let out = l
        .cmd()
        .env("LEDGERCTL_OUTPUT", "json")
        .args(["wallet", "deposit", "u"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).expect("one envelope");
    assert_eq!(
        (out.status.code(), &e["error"]),
        (Some(2), &Value::from("invalid_request"))
    );
    let out = l
        .cmd()
        .args(["wallet", "show", "nobody", "-o", "json"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).expect("one envelope");
    assert_eq!(
        (out.status.code(), &e["error"]),
        (Some(3), &Value::from("wallet_not_found"))
    );
    for spelling in ["--output=json", "-ojson"] {
        let out = l.cmd().args([spelling, "wallet", "deposit", "u"]).output().unwrap();
        let e: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|err| panic!("{spelling}: {err}: {}", String::from_utf8_lossy(&out.stdout)));
        assert_eq!(
            (out.status.code(), &e["error"]),
            (Some(2), &Value::from("invalid_request")),
            "{spelling}"
        );
    }
    // Even arguments that are not UTF-8 get their envelope.
    let out = l
        .cmd()
        .args(["-o", "json", "wallet", "show"])
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).expect("one envelope");
    assert_eq!(
        (out.status.code(), &e["error"]),
        (Some(2), &Value::from("invalid_request")),
        "{e}"
    );
}

#[test]
fn table_mode_prints_errors_on_stderr_and_nothing_on_stdout() {
    let l = Ledger::new();
    l.funded("u", "100");
    for (args, exit, error) in [
        (
            &["wallet", "withdraw", "u", "--amount", "500"][..],
            4,
            "insufficient_balance",
        ),
        (&["wallet", "show", "nobody"], 3, "wallet_not_found"),
        (&["wallet", "deposit", "u", "--amount", "1e3"], 5, "invalid_amount"),
        (&["wallet", "deposit", "u"], 2, "--amount"),
        (&["wallet", "list", "--page-size", "101"], 2, "invalid_request"),
    ] {
        let before = l.snapshot();
        let (code, stdout, stderr) = table_mode(&l, args);
        let what = args.join(" ");
        assert_eq!(code, exit, "`{what}`: {stderr}");
        assert_eq!(stdout, "", "`{what}` printed on stdout");
        assert!(stderr.contains(error), "`{what}`: stderr names {error}: {stderr}");
        assert_eq!(l.snapshot(), before);
    }
}

#[test]
fn table_mode_prints_results_on_stdout_and_nothing_on_stderr() {
    let l = Ledger::new();
    l.funded("u", "100");
    let (code, stdout, stderr) = table_mode(&l, &["wallet", "withdraw", "u", "--amount", "12.5"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert!(stdout.contains("12.50"), "{stdout}");
    assert!(stdout.contains("87.50"), "{stdout}");
    assert!(!stdout.trim_start().starts_with('{'), "a table, not JSON: {stdout}");
}

#[test]
fn wallet_show_has_the_seeds_wallet_fields() {
    let l = Ledger::new();
    l.ok(&[
        "--tenant",
        "tnt_xyz789",
        "--app",
        "app_abc123",
        "wallet",
        "create",
        "usr_abc123",
    ]);
    let r = l.ok(&[
        "--tenant",
        "tnt_xyz789",
        "--app",
        "app_abc123",
        "wallet",
        "show",
        "usr_abc123",
    ]);
    assert_eq!(keys(&r), BTreeSet::from(["code", "message", "data", "timestamp"]));
    assert_eq!(s(&r["message"]), "ok");
    assert_rfc3339("envelope timestamp", &r["timestamp"]);
    let w = &r["data"];
    assert_eq!(keys(w), BTreeSet::from(WALLET_FIELDS));
    assert!(s(&w["wallet_id"]).starts_with("wlt_"), "{w}");
    assert_eq!(s(&w["tenant_id"]), "tnt_xyz789");
    assert_eq!(s(&w["application_id"]), "app_abc123");
    assert_eq!(s(&w["user_id"]), "usr_abc123");
    assert_eq!(s(&w["currency"]), "CNY", "CNY by default");
    assert_eq!(s(&w["status"]), "active");
    for field in ["balance", "frozen_balance", "available_balance"] {
        assert_eq!(s(&w[field]), "0.00", "{field}");
    }
    assert_rfc3339("created_at", &w["created_at"]);
    assert_rfc3339("updated_at", &w["updated_at"]);
    assert!(s(&w["updated_at"]) >= s(&w["created_at"]));
}

#[test]
fn operation_results_carry_the_seeds_transaction_fields() {
    let l = Ledger::new();
    l.funded("u", "1000");
    let r = l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "usr_xyz456",
        "--new-counterparty",
        "--amount",
        "100",
        "--description",
        "Account payment",
        "--reference-id",
        "order_123",
    ]);
    assert_eq!(keys(&r["data"]), BTreeSet::from(["transaction", "wallet"]));
    let t = &r["data"]["transaction"];
    let present = keys(t);
    for field in TRANSACTION_FIELDS {
        assert!(present.contains(field), "transaction field {field} in {t}");
    }
    assert!(s(&t["id"]).starts_with("txn_"));
    assert_eq!(t["wallet_id"], r["data"]["wallet"]["wallet_id"]);
    assert_eq!(
        (s(&t["type"]), s(&t["amount"]), s(&t["currency"])),
        ("payment", "100.00", "CNY")
    );
    assert_eq!((s(&t["balance_before"]), s(&t["balance_after"])), ("1000.00", "900.00"));
    assert_eq!(
        (s(&t["counterparty_id"]), s(&t["description"]), s(&t["reference_id"])),
        ("usr_xyz456", "Account payment", "order_123")
    );
    assert_eq!(s(&t["status"]), "completed");
    assert_rfc3339("transaction created_at", &t["created_at"]);
    assert_eq!(keys(&r["data"]["wallet"]), BTreeSet::from(WALLET_FIELDS));
}

#[test]
fn a_freeze_leaves_the_balance_and_moves_available_to_frozen() {
    let l = Ledger::new();
    l.funded("u", "1000.00");
    let r = l.ok(&["wallet", "freeze", "u", "--amount", "100", "--reason", "Dispute freeze"]);
    assert_eq!(keys(&r["data"]), BTreeSet::from(["freeze", "wallet"]));
    let f = &r["data"]["freeze"];
    assert_eq!(keys(f), BTreeSet::from(FREEZE_FIELDS));
    assert!(s(&f["id"]).starts_with("frz_"), "{f}");
    assert_eq!(
        (s(&f["amount"]), s(&f["status"]), s(&f["reason"])),
        ("100.00", "active", "Dispute freeze")
    );
    assert_eq!(f["released_at"], Value::Null);
    assert_rfc3339("freeze created_at", &f["created_at"]);
    let w = l.wallet("u");
    assert_eq!(
        (s(&w["balance"]), s(&w["frozen_balance"]), s(&w["available_balance"])),
        ("1000.00", "100.00", "900.00"),
        "SPEC's example"
    );
    let id = s(&f["id"]).to_owned();
    let released = l.ok(&["wallet", "unfreeze", "u", "--freeze-id", &id]);
    let f = &released["data"]["freeze"];
    assert_eq!((s(&f["id"]), s(&f["status"])), (id.as_str(), "released"));
    assert_rfc3339("released_at", &f["released_at"]);
    let w = &released["data"]["wallet"];
    assert_eq!(
        (s(&w["balance"]), s(&w["frozen_balance"]), s(&w["available_balance"])),
        ("1000.00", "0.00", "1000.00")
    );
    // In the history, a freeze and an unfreeze move nothing out of `balance`.
    let history = l.ok(&["wallet", "history", "u"]);
    let kinds: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["type"]))
        .collect();
    assert_eq!(kinds, ["unfreeze", "freeze", "deposit"], "{history}");
    for t in &history["items"].as_array().unwrap()[..2] {
        assert_eq!(
            (s(&t["balance_before"]), s(&t["balance_after"])),
            ("1000.00", "1000.00"),
            "{t}"
        );
        assert_eq!(s(&t["amount"]), "100.00", "{t}");
        assert_eq!(s(&t["freeze_id"]), id, "{t}");
    }
    l.verified();
}

/// Checks a list envelope's shape and pagination; returns its items.
fn list(l: &Ledger, args: &[&str], expect: (u64, u64, u64, u64, bool, bool)) -> Vec<Value> {
    let r = l.ok(args);
    let what = args.join(" ");
    assert_eq!(
        keys(&r),
        BTreeSet::from(["code", "message", "items", "total", "pagination", "timestamp"]),
        "`{what}`: {r}"
    );
    let p = &r["pagination"];
    assert_eq!(keys(p), BTreeSet::from(PAGINATION_FIELDS), "`{what}`");
    let (page, page_size, total, total_pages, has_next, has_prev) = expect;
    assert_eq!(
        (
            p["page"].as_u64(),
            p["page_size"].as_u64(),
            p["total"].as_u64(),
            p["total_pages"].as_u64(),
            p["has_next"].as_bool(),
            p["has_prev"].as_bool()
        ),
        (
            Some(page),
            Some(page_size),
            Some(total),
            Some(total_pages),
            Some(has_next),
            Some(has_prev)
        ),
        "`{what}`: {p}"
    );
    assert_eq!(r["total"].as_u64(), Some(total), "`{what}`");
    r["items"].as_array().expect("items").clone()
}

#[test]
fn lists_have_items_total_and_pagination() {
    let l = Ledger::new();
    for user in ["u1", "u2", "u3"] {
        l.funded(user, "100");
    }
    let wallets = list(&l, &["wallet", "list"], (1, 20, 3, 1, false, false));
    assert_eq!(wallets.len(), 3);
    for w in &wallets {
        assert_eq!(keys(w), BTreeSet::from(WALLET_FIELDS));
    }
    let users: BTreeSet<&str> = wallets.iter().map(|w| s(&w["user_id"])).collect();
    assert_eq!(users, BTreeSet::from(["u1", "u2", "u3"]));

    l.ok(&["wallet", "withdraw", "u1", "--amount", "10"]);
    let history = list(&l, &["wallet", "history", "u1"], (1, 20, 2, 1, false, false));
    assert_eq!(s(&history[0]["type"]), "withdraw", "newest first");
    assert_eq!(s(&history[1]["type"]), "deposit");

    let first = l.ok(&["wallet", "freeze", "u1", "--amount", "5"]);
    l.ok(&["wallet", "freeze", "u1", "--amount", "6"]);
    let first_id = s(&first["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "u1", "--freeze-id", &first_id]);
    let freezes = list(&l, &["wallet", "freezes", "u1"], (1, 20, 2, 1, false, false));
    for f in &freezes {
        assert_eq!(keys(f), BTreeSet::from(FREEZE_FIELDS));
    }
    let active = list(
        &l,
        &["wallet", "freezes", "u1", "--status", "active"],
        (1, 20, 1, 1, false, false),
    );
    assert_eq!(s(&active[0]["amount"]), "6.00");
    let released = list(
        &l,
        &["wallet", "freezes", "u1", "--status", "released"],
        (1, 20, 1, 1, false, false),
    );
    assert_eq!(s(&released[0]["id"]), first_id);

    let empty = list(&l, &["wallet", "freezes", "u2"], (1, 20, 0, 0, false, false));
    assert!(empty.is_empty());
}

#[test]
fn a_page_size_above_one_hundred_or_a_page_zero_is_an_invalid_request() {
    let l = Ledger::new();
    l.funded("u", "100");
    for list in [
        &["wallet", "list"][..],
        &["wallet", "history", "u"],
        &["wallet", "freezes", "u"],
    ] {
        for bad in [&["--page-size", "101"][..], &["--page-size", "0"], &["--page", "0"]] {
            let args: Vec<&str> = list.iter().chain(bad).copied().collect();
            let e = l.fails(&args, 2, "invalid_request");
            assert_eq!(e["code"], 400, "`{}`: {e}", args.join(" "));
        }
        let args: Vec<&str> = list.iter().chain(&["--page-size", "100"]).copied().collect();
        l.ok(&args);
    }
}

#[test]
fn paging_through_25_transactions_ten_at_a_time_takes_three_pages() {
    let l = Ledger::new();
    l.funded("u", "1.00");
    for i in 2..=25 {
        l.ok(&["wallet", "deposit", "u", "--amount", &format!("{i}")]);
    }
    let page = |n: u64, expect| {
        list(
            &l,
            &["wallet", "history", "u", "--page-size", "10", "--page", &n.to_string()],
            expect,
        )
    };
    let p1 = page(1, (1, 10, 25, 3, true, false));
    let p2 = page(2, (2, 10, 25, 3, true, true));
    let p3 = page(3, (3, 10, 25, 3, false, true));
    assert_eq!((p1.len(), p2.len(), p3.len()), (10, 10, 5));
    let amounts: Vec<String> = p1
        .iter()
        .chain(&p2)
        .chain(&p3)
        .map(|t| s(&t["amount"]).to_owned())
        .collect();
    let expected: Vec<String> = (1..=25).rev().map(|i| format!("{i}.00")).collect();
    assert_eq!(amounts, expected, "every transaction once, newest first");
    let beyond = page(4, (4, 10, 25, 3, false, true));
    assert!(beyond.is_empty());
}

#[test]
fn a_wallet_of_one_tenant_is_invisible_to_another() {
    let l = Ledger::new();
    l.ok(&["--tenant", "a", "wallet", "create", "u"]);
    l.ok(&["--tenant", "a", "wallet", "deposit", "u", "--amount", "100"]);
    for args in [
        &["--tenant", "b", "wallet", "show", "u"][..],
        &["--tenant", "b", "wallet", "history", "u"],
        &["--tenant", "b", "wallet", "freezes", "u"],
        &["--tenant", "b", "wallet", "withdraw", "u", "--amount", "1"],
        &["--tenant", "b", "wallet", "deposit", "u", "--amount", "1"],
        &["wallet", "show", "u"],
        &["--tenant", "a", "--app", "other", "wallet", "show", "u"],
    ] {
        let e = l.fails(args, 3, "wallet_not_found");
        assert_eq!(e["code"], 404, "`{}`", args.join(" "));
    }
    let listed = list(&l, &["--tenant", "b", "wallet", "list"], (1, 20, 0, 0, false, false));
    assert!(listed.is_empty(), "{listed:?}");
    list(&l, &["--tenant", "a", "wallet", "list"], (1, 20, 1, 1, false, false));

    // Tenant b may have its own wallet for the same user, independent of a's.
    l.ok(&["--tenant", "b", "wallet", "create", "u"]);
    l.ok(&["--tenant", "b", "wallet", "deposit", "u", "--amount", "7"]);
    let a = l.ok(&["--tenant", "a", "wallet", "show", "u"]);
    let b = l.ok(&["--tenant", "b", "wallet", "show", "u"]);
    assert_eq!((s(&a["data"]["balance"]), s(&b["data"]["balance"])), ("100.00", "7.00"));
    assert_ne!(a["data"]["wallet_id"], b["data"]["wallet_id"]);
    l.verified();
}

#[test]
fn an_adjustment_without_yes_and_without_a_terminal_is_refused() {
    let l = Ledger::new();
    l.funded("u", "100");
    let e = l.fails(
        &["wallet", "adjust", "u", "--credit", "5", "--reason", "goodwill"],
        2,
        "invalid_request",
    );
    assert!(
        s(&e["message"]).contains("--yes"),
        "the message says how to confirm: {e}"
    );
    l.fails(
        &["wallet", "adjust", "u", "--debit", "5", "--reason", "fee"],
        2,
        "invalid_request",
    );
    let credit = l.ok(&[
        "--yes", "wallet", "adjust", "u", "--credit", "5", "--reason", "goodwill",
    ]);
    let t = &credit["data"]["transaction"];
    assert_eq!((s(&t["type"]), s(&t["amount"])), ("adjust_credit", "5.00"));
    assert_eq!(s(&t["description"]), "goodwill", "the reason is recorded");
    let debit = l.ok(&["wallet", "adjust", "u", "--debit", "2", "--reason", "fee", "-y"]);
    assert_eq!(s(&debit["data"]["wallet"]["balance"]), "103.00");
    l.verified();
}

#[test]
fn an_adjustment_needs_a_reason() {
    let l = Ledger::new();
    l.funded("u", "100");
    for args in [
        &["--yes", "wallet", "adjust", "u", "--credit", "5"][..],
        &["--yes", "wallet", "adjust", "u", "--credit", "5", "--reason", ""],
        &["--yes", "wallet", "adjust", "u", "--credit", "5", "--reason", "   "],
    ] {
        l.fails(args, 2, "invalid_request");
    }
    assert_eq!(s(&l.wallet("u")["balance"]), "100.00");
}

#[test]
fn a_debit_adjustment_needs_the_available_balance() {
    let l = Ledger::new();
    l.funded("u", "100");
    l.ok(&["wallet", "freeze", "u", "--amount", "40"]);
    let e = l.fails(
        &["--yes", "wallet", "adjust", "u", "--debit", "60.01", "--reason", "fee"],
        4,
        "insufficient_balance",
    );
    assert_eq!(e["code"], 409);
    l.ok(&["--yes", "wallet", "adjust", "u", "--debit", "60", "--reason", "fee"]);
}

#[test]
fn unfreezing_a_released_freeze_is_a_conflict() {
    let l = Ledger::new();
    l.funded("u", "100");
    let f = l.ok(&["wallet", "freeze", "u", "--amount", "30"]);
    let id = s(&f["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "u", "--freeze-id", &id]);
    let e = l.fails(&["wallet", "unfreeze", "u", "--freeze-id", &id], 4, "freeze_not_active");
    assert_eq!(e["code"], 409);
    assert!(s(&e["message"]).contains("released"), "{e}");
    let w = l.wallet("u");
    assert_eq!(
        (s(&w["frozen_balance"]), s(&w["available_balance"])),
        ("0.00", "100.00")
    );
}

#[test]
fn unfreezing_another_wallets_freeze_or_an_unknown_id_is_not_found() {
    let l = Ledger::new();
    l.funded("u", "100");
    l.funded("v", "100");
    let f = l.ok(&["wallet", "freeze", "u", "--amount", "30"]);
    let id = s(&f["data"]["freeze"]["id"]).to_owned();
    let e = l.fails(&["wallet", "unfreeze", "v", "--freeze-id", &id], 3, "freeze_not_found");
    assert_eq!(e["code"], 404);
    l.fails(
        &[
            "wallet",
            "unfreeze",
            "u",
            "--freeze-id",
            "frz_01ARZ3NDEKTSV4RRFFQ69G5FAV",
        ],
        3,
        "freeze_not_found",
    );
    // Whatever its shape, an id that names no freeze is not found; only an empty one is malformed.
    for unknown in ["frz_abc123", "frz_nope"] {
        l.fails(
            &["wallet", "unfreeze", "u", "--freeze-id", unknown],
            3,
            "freeze_not_found",
        );
    }
    let txn = s(&l.ok(&["wallet", "history", "u"])["items"][0]["id"]).to_owned();
    l.fails(&["wallet", "unfreeze", "u", "--freeze-id", &txn], 3, "freeze_not_found");
    l.fails(&["wallet", "unfreeze", "u", "--freeze-id", ""], 2, "invalid_request");
    assert_eq!(s(&l.wallet("u")["frozen_balance"]), "30.00");
}

#[test]
fn creating_the_same_wallet_twice_is_a_conflict() {
    let l = Ledger::new();
    let first = l.ok(&["wallet", "create", "u"]);
    let wallet_id = s(&first["data"]["wallet_id"]).to_owned();
    for args in [
        &["wallet", "create", "u"][..],
        &["wallet", "create", "u", "--currency", "USD"],
    ] {
        let e = l.fails(args, 4, "wallet_exists");
        assert_eq!(e["code"], 409);
        assert!(s(&e["message"]).contains(&wallet_id), "names the existing wallet: {e}");
    }
    assert_eq!(s(&l.wallet("u")["currency"]), "CNY");
}

#[test]
fn an_unknown_currency_is_an_invalid_request() {
    let l = Ledger::new();
    for currency in ["XXX", "", "BTC", "CNY ", "cnyx"] {
        let e = l.fails(&["wallet", "create", "u", "--currency", currency], 2, "invalid_request");
        assert_eq!(e["code"], 400, "{currency:?}: {e}");
    }
    let r = l.ok(&["wallet", "create", "u", "--currency", "KWD"]);
    assert_eq!(s(&r["data"]["currency"]), "KWD");
    assert_eq!(s(&r["data"]["balance"]), "0.000");
}

#[test]
fn error_envelopes_are_the_seeds_simple_response_plus_error() {
    let l = Ledger::new();
    let e = l.fails(&["wallet", "show", "nobody"], 3, "wallet_not_found");
    assert_eq!(keys(&e), BTreeSet::from(["code", "message", "error", "timestamp"]));
    assert_eq!(e["code"], 404);
    assert!(s(&e["message"]).contains("nobody"), "{e}");
    assert_rfc3339("error timestamp", &e["timestamp"]);
}

#[test]
fn a_lock_timeout_beyond_what_sqlite_takes_is_a_usage_error_not_a_panic() {
    let l = Ledger::new();
    let run = l.run(&["--lock-timeout-ms", "2147483648", "wallet", "list"]);
    assert_eq!(run.code, 2, "{}", run.json);
    assert_eq!(run.json["error"], "invalid_request");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// What `args` print on stdout, with exit status 0.
fn succeeding_stdout(l: &Ledger, args: &[&str]) -> String {
    let out = l.cmd().args(args).output().expect("ledgerctl runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// `--version` or `-V` alone is answered before the command tree is built, exactly as clap
/// answers it with anything else on the line (and without a ledger).
#[test]
fn the_version_is_the_same_answered_alone_or_through_the_parser() {
    let l = Ledger::uninitialised();
    let run = |args: &[&str]| succeeding_stdout(&l, args);
    let expected = format!("ledgerctl {}\n", env!("CARGO_PKG_VERSION"));
    for alone in [&["--version"][..], &["-V"]] {
        assert_eq!(run(alone), expected, "{alone:?}");
    }
    // Through clap: a global option before it.
    assert_eq!(run(&["--wide", "--version"]), expected);
    assert!(!l.db.exists(), "no ledger is created or opened");
}

/// The long help ends with the exit statuses and the environment however it is asked for
/// (`--help` anywhere on the line, or the `help` subcommand), though that reference is only
/// built when a line may print help.
#[test]
fn the_long_help_ends_with_the_reference_however_it_is_asked_for() {
    let l = Ledger::uninitialised();
    let help = |args: &[&str]| succeeding_stdout(&l, args);
    let long = help(&["--help"]);
    assert!(
        long.contains("Exit status:\n") && long.contains("Environment:\n  LEDGERCTL_"),
        "{long}"
    );
    assert_eq!(help(&["help"]), long);
    assert_eq!(help(&["--wide", "--help"]), long);
    // The short help ends with the one-line summary of the exit codes instead.
    let short = help(&["-h"]);
    assert!(
        short.contains("Exit codes: 0 ok") && !short.contains("Exit status:"),
        "{short}"
    );
    assert!(!l.db.exists(), "no ledger is created or opened");
}
