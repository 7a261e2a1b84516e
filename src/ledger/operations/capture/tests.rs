//! The capture rule in process: its postings, its checks in their order, and its freeze change.

use super::*;
use crate::ledger::model::{Scope, WalletStatus};
use crate::ledger::operations::{Context, Referent};

fn ctx() -> Context {
    Context {
        actor: "cli:test".into(),
        now: "2026-04-15T10:30:00Z".parse().unwrap(),
        transaction_id: "txn_2".into(),
        freeze_id: "frz_2".into(),
    }
}

/// A CNY wallet holding 900.00 available and 100.00 frozen under `frz_9`.
fn held() -> (Wallet, Freeze) {
    let scope = Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    };
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let mut w = Wallet::open(&scope, "usr_1", Currency::CNY, "wlt_1".into(), now);
    (w.available, w.frozen) = (90_000, 10_000);
    let record = Freeze {
        id: "frz_9".into(),
        wallet_id: "wlt_1".into(),
        amount: Amount::from_stored(10_000).unwrap(),
        reason: None,
        status: FreezeStatus::Active,
        created_at: now,
        released_at: None,
        release_reason: None,
        captured: None,
    };
    (w, record)
}

fn capture(amount: Option<&str>, counterparty: Option<&str>) -> Operation {
    let new = counterparty.is_some();
    Operation::Capture(Request::new("frz_9", amount, counterparty, new, None, Some("c1".into())).unwrap())
}

fn plan(w: &Wallet, record: &Freeze, op: &Operation) -> Result<Plan> {
    op.plan(w, &Referent::Freeze(record.clone()), &ctx())
}

#[test]
fn a_part_capture_posts_the_amount_out_and_releases_the_rest_in_one_entry() {
    let (w, record) = held();
    let p = plan(&w, &record, &capture(Some("60"), None)).unwrap();
    let postings: Vec<(&str, i64)> = p
        .entry
        .postings
        .iter()
        .map(|p| (p.account.as_str(), p.amount))
        .collect();
    assert_eq!(
        postings,
        [
            ("liabilities:wallet:wlt_1:frozen", 10_000),
            ("assets:settlement:CNY", -6_000),
            ("liabilities:wallet:wlt_1:available", -4_000),
        ]
    );
    assert_eq!((p.entry.kind, p.entry.amount.minor()), (TxType::Capture, 6_000));
    assert_eq!((p.entry.balance_before, p.entry.balance_after), (100_000, 94_000));
    assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (94_000, 0));
    assert_eq!(p.entry.freeze_id.as_deref(), Some("frz_9"));
    let at = "2026-04-15T10:30:00Z".parse().unwrap();
    let (freeze_id, amount) = ("frz_9".into(), Amount::from_stored(6_000).unwrap());
    assert_eq!(p.freeze, FreezeChange::Capture { freeze_id, amount, at });
}

#[test]
fn a_whole_capture_to_a_counterparty_is_a_two_posting_payment() {
    let (w, record) = held();
    let p = plan(&w, &record, &capture(None, Some("mch_1"))).unwrap();
    let accounts: Vec<&str> = p.entry.postings.iter().map(|p| p.account.as_str()).collect();
    assert_eq!(
        accounts,
        [
            "liabilities:wallet:wlt_1:frozen",
            "liabilities:counterparty:tnt:app:mch_1"
        ]
    );
    assert_eq!(p.entry.counterparty_id.as_deref(), Some("mch_1"));
    assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (90_000, 0));
}

#[test]
fn a_capture_is_refused_in_order_decimals_freeze_held_counterparty_then_status() {
    let (mut w, record) = held();
    let code = |w: &Wallet, record: &Freeze, op: Operation| plan(w, record, &op).unwrap_err().code();
    let elsewhere = Freeze {
        wallet_id: "wlt_2".into(),
        ..record.clone()
    };
    // The amount's decimals are the currency's, judged first as for every operation.
    assert_eq!(code(&w, &elsewhere, capture(Some("0.001"), None)), "invalid_amount");
    assert_eq!(code(&w, &elsewhere, capture(Some("1000"), None)), "freeze_not_found");
    for status in [FreezeStatus::Released, FreezeStatus::Captured] {
        let ended = Freeze {
            status,
            ..record.clone()
        };
        assert_eq!(code(&w, &ended, capture(Some("1000"), None)), "freeze_not_active");
    }
    assert_eq!(code(&w, &record, capture(Some("0"), None)), "invalid_amount");
    assert_eq!(code(&w, &record, capture(Some("100.01"), None)), "exceeds_held_amount");
    let unknown = Operation::Capture(Request::new("frz_9", None, Some("mch_x"), false, None, None).unwrap());
    assert_eq!(code(&w, &record, unknown), "counterparty_not_found");
    w.status = WalletStatus::Frozen;
    assert_eq!(code(&w, &record, capture(Some("100.01"), None)), "exceeds_held_amount");
    assert_eq!(code(&w, &record, capture(None, None)), "wallet_not_active");
}

#[test]
fn its_fields_are_checked_at_the_door_and_new_counterparty_needs_a_counterparty() {
    for bad in ["-0", "1e3", "", " 5", "+5", ".5"] {
        let e = Request::new("frz_9", Some(bad), None, false, None, None).unwrap_err();
        assert_eq!(e.code(), "invalid_amount", "{bad:?}");
    }
    let e = Request::new("frz_9", None, None, true, None, None).unwrap_err();
    assert_eq!(e.code(), "invalid_request");
    assert_eq!(
        Request::new("", None, None, false, None, None).unwrap_err().code(),
        "invalid_request"
    );
}

#[test]
fn the_same_capture_with_or_without_new_counterparty_is_one_request() {
    let with = Request::new("frz_9", Some("5"), Some("m"), true, None, None).unwrap();
    let without = Request::new("frz_9", Some("5.00"), Some("m"), false, None, None).unwrap();
    let all = Request::new("frz_9", None, Some("m"), false, None, None).unwrap();
    let canonical = |r: &Request| r.canonical(Currency::CNY).unwrap();
    assert_eq!(canonical(&with), canonical(&without));
    assert_ne!(canonical(&with), canonical(&all));
}
