//! SPEC section 2, amounts: the strict grammar, through every command that takes an amount.
//! A bad amount is 422 `invalid_amount` (exit 5), never rounded or reinterpreted, and leaves
//! the ledger exactly as it was.

mod support;

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use support::{s, Ledger};

/// A ledger with three funded wallets (CNY `u`, JPY `jp`, KWD `kw`), each with a payment to
/// refund; returns the ledger and the payment ids by user.
fn ledger_with_wallets() -> (Ledger, Vec<(&'static str, String)>) {
    let l = Ledger::new();
    let mut payments = Vec::new();
    for (user, currency, deposit, paid) in [
        ("u", "CNY", "1000.00", "100.00"),
        ("jp", "JPY", "100000", "10000"),
        ("kw", "KWD", "1000.000", "100.000"),
    ] {
        l.ok(&["wallet", "create", user, "--currency", currency]);
        l.ok(&["wallet", "deposit", user, "--amount", deposit]);
        let p = l.ok(&[
            "wallet",
            "payment",
            user,
            "--counterparty",
            "mch_1",
            "--new-counterparty",
            "--amount",
            paid,
        ]);
        payments.push((user, s(&p["data"]["transaction"]["id"]).to_owned()));
    }
    (l, payments)
}

/// Every command that takes an amount, for `user`, with `amount` in its amount flag.
fn amount_commands(user: &str, payment: &str, amount: &str) -> Vec<(&'static str, Vec<String>)> {
    let args = |v: &[&str]| v.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    vec![
        ("deposit", args(&["wallet", "deposit", user, "--amount", amount])),
        ("withdraw", args(&["wallet", "withdraw", user, "--amount", amount])),
        (
            "payment",
            args(&[
                "wallet",
                "payment",
                user,
                "--counterparty",
                "mch_1",
                "--new-counterparty",
                "--amount",
                amount,
            ]),
        ),
        ("freeze", args(&["wallet", "freeze", user, "--amount", amount])),
        (
            "refund --amount",
            args(&[
                "wallet",
                "refund",
                user,
                "--transaction-id",
                payment,
                "--amount",
                amount,
            ]),
        ),
        (
            "internal refund --amount",
            args(&["refund", "--transaction-id", payment, "--amount", amount]),
        ),
        (
            "adjust --credit",
            args(&["--yes", "wallet", "adjust", user, "--credit", amount, "--reason", "fix"]),
        ),
        (
            "adjust --debit",
            args(&["--yes", "wallet", "adjust", user, "--debit", amount, "--reason", "fix"]),
        ),
    ]
}

/// Runs every amount command with every `(case, user, amount)` and asserts each is refused as
/// an invalid amount, names itself, and changes nothing.
fn assert_all_refused(cases: &[(&str, &str, String)]) {
    let (l, payments) = ledger_with_wallets();
    let before = l.snapshot();
    for (case, user, amount) in cases {
        let payment = &payments
            .iter()
            .find(|(u, _)| u == user)
            .expect("a wallet for the case")
            .1;
        for (operation, args) in amount_commands(user, payment, amount) {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let what = format!("{case} ({amount:.40?}) on {operation} for wallet {user}");
            // `fails` asserts exit 5, the error string, no data, and an unchanged ledger.
            let refused = panic::catch_unwind(AssertUnwindSafe(|| l.fails(&argv, 5, "invalid_amount")));
            let envelope = refused.unwrap_or_else(|e| panic!("{what} was not refused as it must be: {}", reason(&e)));
            assert_eq!(envelope["code"], 422, "{what}: {envelope}");
            assert!(
                s(&envelope["message"]).starts_with("invalid amount"),
                "{what}: the message says what is wrong: {envelope}"
            );
            assert_eq!(l.snapshot(), before, "{what} changed the ledger");
        }
    }
    l.verified();
}

fn reason(e: &Box<dyn Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|m| (*m).to_owned()))
        .unwrap_or_default()
}

fn cases(user: &'static str, list: &[(&'static str, &str)]) -> Vec<(&'static str, &'static str, String)> {
    list.iter()
        .map(|(case, amount)| (*case, user, (*amount).to_owned()))
        .collect()
}

#[test]
fn zero_amounts_are_invalid_on_every_operation() {
    assert_all_refused(&cases(
        "u",
        &[
            ("zero", "0"),
            ("zero with decimals", "0.00"),
            ("zero, one decimal", "0.0"),
        ],
    ));
}

#[test]
fn signed_amounts_are_invalid_on_every_operation() {
    assert_all_refused(&cases(
        "u",
        &[
            ("negative", "-5"),
            ("negative zero", "-0"),
            ("explicit plus", "+5"),
            ("negative decimal", "-5.00"),
        ],
    ));
}

#[test]
fn exponents_separators_and_bare_dots_are_invalid_on_every_operation() {
    assert_all_refused(&cases(
        "u",
        &[
            ("exponent", "1e3"),
            ("upper-case exponent", "1E3"),
            ("underscore separator", "1_000"),
            ("leading dot", ".5"),
            ("trailing dot", "5."),
            ("comma decimal", "5,00"),
            ("thousands comma", "1,000.00"),
            ("two dots", "5.0.0"),
            ("hexadecimal", "0x10"),
        ],
    ));
}

#[test]
fn whitespace_words_and_empty_amounts_are_invalid_on_every_operation() {
    assert_all_refused(&cases(
        "u",
        &[
            ("leading space", " 5"),
            ("trailing space", "5 "),
            ("NaN", "NaN"),
            ("Infinity", "Infinity"),
            ("inf", "inf"),
            ("empty string", ""),
            ("leading zeros", "007"),
            ("leading zero before decimals", "00.50"),
            ("full-width digit", "５"),
            ("exponent with decimals", "5.0e0"),
        ],
    ));
}

#[test]
fn more_decimals_than_the_currency_allows_are_invalid_on_every_operation() {
    let mut all = cases("u", &[("0.001 CNY", "0.001"), ("10.005 CNY", "10.005")]);
    all.extend(cases("jp", &[("1.5 JPY", "1.5"), ("1.0 JPY", "1.0")]));
    all.extend(cases("kw", &[("1.2345 KWD", "1.2345")]));
    assert_all_refused(&all);
}

#[test]
fn amounts_above_the_maximum_are_invalid_on_every_operation() {
    let twenty_nines = "9".repeat(20);
    let five_thousand_digits = format!("1{}", "0".repeat(4999));
    let thirty_decimals = format!("1.{}", "0".repeat(30));
    let mut all = cases(
        "u",
        &[
            ("one cent above the maximum", "1000000000000.01"),
            ("one unit above the maximum", "1000000000001"),
            ("twenty nines", &twenty_nines),
            ("a 5000-digit number", &five_thousand_digits),
            ("thirty decimals", &thirty_decimals),
        ],
    );
    all.extend(cases("jp", &[("twenty nines JPY", &twenty_nines)]));
    assert_all_refused(&all);
}

#[test]
fn a_missing_amount_flag_is_an_invalid_request_not_a_zero() {
    let (l, _) = ledger_with_wallets();
    let e = l.fails(&["wallet", "withdraw", "u"], 2, "invalid_request");
    assert_eq!(e["code"], 400);
}

#[test]
fn accepted_amounts_are_normalised_to_the_currency_decimals() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    for (input, shown, balance) in [
        ("50", "50.00", "50.00"),
        ("50.5", "50.50", "100.50"),
        ("50.00", "50.00", "150.50"),
        ("0.01", "0.01", "150.51"),
    ] {
        let r = l.ok(&["wallet", "deposit", "u", "--amount", input]);
        assert_eq!(s(&r["data"]["transaction"]["amount"]), shown, "deposit of {input:?}");
        assert_eq!(s(&r["data"]["wallet"]["balance"]), balance, "balance after {input:?}");
    }
    let w = l.ok(&["wallet", "withdraw", "u", "--amount", "0.5"]);
    assert_eq!(s(&w["data"]["transaction"]["amount"]), "0.50");
    assert_eq!(s(&w["data"]["wallet"]["available_balance"]), "150.01");

    l.ok(&["wallet", "create", "jp", "--currency", "JPY"]);
    let r = l.ok(&["wallet", "deposit", "jp", "--amount", "1500"]);
    assert_eq!(s(&r["data"]["transaction"]["amount"]), "1500", "JPY has no decimals");
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "1500");
    assert_eq!(s(&r["data"]["transaction"]["currency"]), "JPY");

    l.ok(&["wallet", "create", "kw", "--currency", "KWD"]);
    let r = l.ok(&["wallet", "deposit", "kw", "--amount", "1.234"]);
    assert_eq!(
        s(&r["data"]["transaction"]["amount"]),
        "1.234",
        "KWD has three decimals"
    );
    let r = l.ok(&["wallet", "deposit", "kw", "--amount", "2"]);
    assert_eq!(s(&r["data"]["transaction"]["amount"]), "2.000");
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "3.234");
    l.verified();
}

#[test]
fn accepted_amounts_work_on_every_operation() {
    let (l, payments) = ledger_with_wallets();
    let payment = &payments[0].1;
    let expect = |args: &[&str], field: &str, amount: &str| {
        let r = l.ok(args);
        assert_eq!(s(&r["data"][field]["amount"]), amount, "`{}`", args.join(" "));
        r
    };
    expect(&["wallet", "withdraw", "u", "--amount", "50"], "transaction", "50.00");
    expect(
        &[
            "wallet",
            "payment",
            "u",
            "--counterparty",
            "mch_2",
            "--new-counterparty",
            "--amount",
            "50.5",
        ],
        "transaction",
        "50.50",
    );
    expect(&["wallet", "freeze", "u", "--amount", "10"], "freeze", "10.00");
    expect(
        &["wallet", "refund", "u", "--transaction-id", payment, "--amount", "1.5"],
        "transaction",
        "1.50",
    );
    expect(
        &["--yes", "wallet", "adjust", "u", "--credit", "2", "--reason", "fix"],
        "transaction",
        "2.00",
    );
    let last = expect(
        &["--yes", "wallet", "adjust", "u", "--debit", "0.1", "--reason", "fix"],
        "transaction",
        "0.10",
    );
    // 1000 - 100 paid - 50 - 50.50 + 1.50 + 2 - 0.10 = 802.90, of which 10 frozen.
    assert_eq!(s(&last["data"]["wallet"]["balance"]), "802.90");
    assert_eq!(s(&last["data"]["wallet"]["frozen_balance"]), "10.00");
    assert_eq!(s(&last["data"]["wallet"]["available_balance"]), "792.90");
    l.verified();
}

#[test]
fn the_documented_maximum_is_accepted_and_one_minor_unit_more_is_not() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    l.fails(
        &["wallet", "deposit", "u", "--amount", "1000000000000.01"],
        5,
        "invalid_amount",
    );
    let r = l.ok(&["wallet", "deposit", "u", "--amount", "1000000000000"]);
    assert_eq!(s(&r["data"]["transaction"]["amount"]), "1000000000000.00");
    l.verified();
}
