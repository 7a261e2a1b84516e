//! Policies as pure values: their amounts, fields, windows and rules.

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use super::rules::Withdrawn;
use super::*;
use crate::ledger::model::{Scope, Wallet};
use crate::ledger::money::Amount;
use crate::ledger::time::Timestamp;

fn fields(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap()
}

fn set(value: Value) -> Result<Policy> {
    Policy::default().changed(&fields(value))
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn wallet(code: &str, balance_minor: i64) -> Wallet {
    let scope = Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    };
    let mut w = Wallet::open(
        &scope,
        "usr_1",
        code.parse().unwrap(),
        "wlt_1".into(),
        at("2026-01-01T00:00:00Z"),
    );
    w.available = balance_minor;
    w
}

fn minor(code: &str, text: &str) -> Amount {
    code.parse::<Currency>().unwrap().parse_amount(text).unwrap()
}

#[test]
fn policy_amounts_take_the_strict_grammar_zero_and_at_most_three_decimals() {
    assert_eq!(Limit::parse("0").unwrap(), Limit::default());
    assert_eq!(Limit::parse("10.5").unwrap().thousandths(), 10_500);
    assert_eq!(Limit::parse("0.125").unwrap().to_string(), "0.125");
    assert_eq!(Limit::parse("5000").unwrap().to_string(), "5000.00");
    assert_eq!(
        Limit::parse("100000000000000").unwrap().to_string(),
        "100000000000000.00"
    );
    for bad in [
        "",
        "-0",
        "1e3",
        "+5",
        ".5",
        "5.",
        "0.1234",
        "007",
        "1_000",
        " 5",
        "100000000000000.001",
        "99999999999999999999",
    ] {
        let e = Limit::parse(bad).unwrap_err();
        assert_eq!(e.code(), "invalid_amount", "{bad:?}");
    }
}

#[test]
fn a_change_keeps_the_fields_it_does_not_name_and_refuses_unknown_ones() {
    let first = set(json!({"daily_withdraw_limit": "100", "timezone": "Asia/Shanghai"})).unwrap();
    let second = first.changed(&fields(json!({"max_balance": "50.00"}))).unwrap();
    assert_eq!(second.daily_withdraw_limit.to_string(), "100.00");
    assert_eq!(second.timezone.name(), "Asia/Shanghai");
    assert_eq!(second.max_balance.to_string(), "50.00");
    assert_eq!(
        set(json!({"rate_limit_per_min": 5})).unwrap_err().code(),
        "invalid_request"
    );
    assert_eq!(set(json!({})).unwrap_err().code(), "invalid_request");
    assert_eq!(set(json!({"max_balance": 100})).unwrap_err().code(), "invalid_amount");
    assert_eq!(
        set(json!({"transfer_enabled": "false"})).unwrap_err().code(),
        "invalid_request"
    );
}

#[test]
fn review_is_stored_and_false_is_the_default() {
    let reviewed = set(json!({"withdrawal_require_review": true})).unwrap();
    assert!(reviewed.withdrawal_require_review);
    assert_eq!(Policy::from_stored(&reviewed.canonical()).unwrap(), reviewed);
    assert_eq!(
        set(json!({"withdrawal_require_review": false})).unwrap(),
        Policy::default()
    );
}

#[test]
fn only_a_set_auto_approve_limit_lets_a_withdrawal_past_review() {
    use crate::ledger::money::Currency;
    assert!(Policy::default().needs_no_review(1_000_000, Currency::CNY));
    let every = set(json!({"withdrawal_require_review": true})).unwrap();
    assert!(!every.needs_no_review(1, Currency::CNY));
    let limited = set(json!({"withdrawal_require_review": true, "auto_approve_limit": "100.00"})).unwrap();
    assert!(limited.needs_no_review(10_000, Currency::CNY));
    assert!(!limited.needs_no_review(10_001, Currency::CNY));
    let jpy = Currency::from_any_case("JPY").unwrap();
    assert!(limited.needs_no_review(100, jpy));
    assert!(!limited.needs_no_review(101, jpy));
}

#[test]
fn timezones_are_iana_names_spelled_exactly() {
    assert_eq!(
        set(json!({"timezone": "Europe/Berlin"})).unwrap().timezone.name(),
        "Europe/Berlin"
    );
    for bad in ["Mars/Olympus", "asia/shanghai", "", "+08:00", "CST "] {
        assert_eq!(
            set(json!({"timezone": bad})).unwrap_err().code(),
            "invalid_request",
            "{bad:?}"
        );
    }
}

#[test]
fn currencies_are_supported_codes_each_once() {
    let p = set(json!({"supported_currencies": "cny,USD"})).unwrap();
    assert_eq!(p.to_json()["supported_currencies"], "CNY,USD");
    for bad in ["CNY,CNY", "XYZ", "CNY,", ","] {
        assert_eq!(
            set(json!({"supported_currencies": bad})).unwrap_err().code(),
            "invalid_request",
            "{bad:?}"
        );
    }
    assert!(p.check_currency("USD".parse().unwrap()).is_ok());
    assert_eq!(
        p.check_currency("JPY".parse().unwrap()).unwrap_err().code(),
        "currency_not_allowed"
    );
}

#[test]
fn a_stored_policy_reads_back_only_in_its_canonical_form() {
    let p = set(json!({"min_withdraw_amount": "1", "supported_currencies": "USD", "transfer_enabled": false})).unwrap();
    assert_eq!(Policy::from_stored(&p.canonical()).unwrap(), p);
    let respelled = p.canonical().replace("\"1.00\"", "\"1\"");
    assert!(Policy::from_stored(&respelled).is_err());
}

#[test]
fn days_and_months_start_at_midnight_in_the_policy_timezone() {
    let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
    // 16:30 UTC is 00:30 the next day in Shanghai: its day began at 16:00 UTC.
    assert_eq!(
        day_start(shanghai, at("2026-04-15T16:30:00Z")),
        at("2026-04-15T16:00:00Z")
    );
    assert_eq!(
        day_start(shanghai, at("2026-04-15T15:59:59Z")),
        at("2026-04-14T16:00:00Z")
    );
    assert_eq!(
        month_start(shanghai, at("2026-04-30T16:00:00Z")),
        at("2026-04-30T16:00:00Z")
    );
    assert_eq!(
        month_start(shanghai, at("2026-04-30T15:59:59Z")),
        at("2026-03-31T16:00:00Z")
    );
    assert_eq!(
        day_start(Tz::UTC, at("2026-04-15T23:59:59Z")),
        at("2026-04-15T00:00:00Z")
    );
    // Santiago skipped midnight on 2026-09-06 (clocks went from 00:00 to 01:00): that day starts at 01:00 local.
    let santiago: Tz = "America/Santiago".parse().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
    assert_eq!(local_midnight(santiago, date), at("2026-09-06T04:00:00Z"));
}

#[test]
fn withdrawal_limits_pass_at_the_limit_and_refuse_one_minor_unit_over() {
    let p = set(json!({"min_withdraw_amount": "10", "daily_withdraw_limit": "100", "monthly_withdraw_limit": "150"}))
        .unwrap();
    let w = wallet("CNY", 1_000_000);
    let used = |day, month| Withdrawn { day, month };
    assert!(p.check_withdraw(&w, minor("CNY", "10.00"), used(0, 0)).is_ok());
    assert_eq!(
        p.check_withdraw(&w, minor("CNY", "9.99"), used(0, 0))
            .unwrap_err()
            .code(),
        "below_min_withdraw"
    );
    assert!(p.check_withdraw(&w, minor("CNY", "40.00"), used(6_000, 6_000)).is_ok());
    let e = p
        .check_withdraw(&w, minor("CNY", "40.01"), used(6_000, 6_000))
        .unwrap_err();
    assert_eq!(e.code(), "daily_limit_exceeded");
    let message = e.to_string();
    for part in ["100.00 CNY", "60.00 CNY already withdrawn", "40.00 CNY remains", "UTC"] {
        assert!(message.contains(part), "{message}");
    }
    assert!(p.check_withdraw(&w, minor("CNY", "50.00"), used(0, 10_000)).is_ok());
    assert_eq!(
        p.check_withdraw(&w, minor("CNY", "50.01"), used(0, 10_000))
            .unwrap_err()
            .code(),
        "monthly_limit_exceeded"
    );
}

#[test]
fn a_limit_is_compared_exactly_in_each_wallet_currency() {
    let p = set(json!({"daily_withdraw_limit": "10.5"})).unwrap();
    let none = Withdrawn::default();
    assert!(p.check_withdraw(&wallet("JPY", 100), minor("JPY", "10"), none).is_ok());
    assert!(p.check_withdraw(&wallet("JPY", 100), minor("JPY", "11"), none).is_err());
    assert!(p
        .check_withdraw(&wallet("KWD", 100_000), minor("KWD", "10.500"), none)
        .is_ok());
    assert!(p
        .check_withdraw(&wallet("KWD", 100_000), minor("KWD", "10.501"), none)
        .is_err());
}

#[test]
fn max_balance_passes_at_the_maximum_and_zero_is_no_limit() {
    let p = set(json!({"max_balance": "100"})).unwrap();
    let w = wallet("CNY", 5_000);
    assert!(p.check_inflow(&w, 10_000).is_ok());
    let e = p.check_inflow(&w, 10_001).unwrap_err();
    assert_eq!(e.code(), "max_balance_exceeded");
    assert!(e.to_string().contains("100.00 CNY"), "{e}");
    assert!(Policy::default().check_inflow(&w, i64::MAX / 1_000).is_ok());
}

#[test]
fn transfers_can_be_switched_off() {
    let w = wallet("CNY", 0);
    assert!(Policy::default().check_transfer(&w).is_ok());
    let off = set(json!({"transfer_enabled": false})).unwrap();
    assert_eq!(off.check_transfer(&w).unwrap_err().code(), "transfer_disabled");
}
