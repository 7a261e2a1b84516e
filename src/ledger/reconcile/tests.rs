use super::*;
use crate::ledger::model::Scope;

fn wallet() -> Wallet {
    let scope = Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    };
    let now = "2026-04-14T10:00:00Z".parse().unwrap();
    Wallet::open(&scope, "usr_1", Currency::CNY, "wlt_1".into(), now)
}

fn moved(id: &str, kind: TxType, before: i64, after: i64, wallet_postings: i64) -> Movement {
    Movement {
        id: id.into(),
        kind,
        balance_before: before,
        balance_after: after,
        wallet_postings,
        to_counterparty: false,
    }
}

#[test]
fn a_day_is_written_yyyy_mm_dd_only_and_spans_utc_midnight_to_midnight() {
    let day = Day::parse("date", "2026-04-15").unwrap();
    assert_eq!(day.start.to_string(), "2026-04-15T00:00:00Z");
    assert_eq!(day.end.to_string(), "2026-04-16T00:00:00Z");
    assert_eq!(day.before_start().to_string(), "2026-04-14T23:59:59Z");
    assert_eq!(day.last_second().to_string(), "2026-04-15T23:59:59Z");
    assert_eq!(day.text(), "2026-04-15");
    for bad in [
        "2026-4-15",
        "2026-04-31",
        "15/04/2026",
        "2026-04-15T00:00:00Z",
        " 2026-04-15",
        "",
    ] {
        let e = Day::parse("date", bad).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{bad:?}: {e}");
    }
}

#[test]
fn a_day_whose_entries_chain_from_opening_to_closing_reconciles_with_totals_by_kind() {
    let mut check = DayCheck::new(Currency::CNY, 10_000);
    check.movement(&moved("txn_1", TxType::Deposit, 10_000, 15_000, -5_000));
    check.movement(&moved("txn_2", TxType::Freeze, 15_000, 15_000, 0));
    check.movement(&moved("txn_3", TxType::Withdraw, 15_000, 13_000, 2_000));
    check.movement(&moved("txn_4", TxType::Refund, 13_000, 13_500, -500));
    check.movement(&moved("txn_5", TxType::Refund, 13_500, 13_000, 500));
    check.movement(&moved("txn_6", TxType::TransferOut, 13_000, 12_000, 1_000));
    let day = check.finish(wallet(), 12_000);
    assert_eq!(day.mismatch, None);
    assert_eq!((day.opening, day.closing, day.count), (10_000, 12_000, 6));
    let t = day.totals;
    assert_eq!(
        (t.deposit, t.withdraw, t.refund, t.deposit_refund, t.transfer_out),
        (5_000, 2_000, 500, 500, 1_000)
    );
    assert_eq!(t.net(), 2_000);
}

/// A capture of 30.00 out of a 50.00 hold moves the wallet's total by the captured 30.00 only
/// (frozen -50.00, available +20.00): a withdrawal, or a payment when it names a counterparty;
/// one that raised the balance is a mismatch.
#[test]
fn a_capture_counts_as_the_withdrawal_or_payment_it_posts_and_never_raises_the_balance() {
    let mut check = DayCheck::new(Currency::CNY, 10_000);
    check.movement(&moved("txn_1", TxType::Capture, 10_000, 7_000, 5_000 - 2_000));
    let paid = Movement {
        to_counterparty: true,
        ..moved("txn_2", TxType::Capture, 7_000, 6_000, 1_000)
    };
    check.movement(&paid);
    let day = check.finish(wallet(), 6_000);
    assert_eq!(day.mismatch, None);
    assert_eq!(
        (day.totals.withdraw, day.totals.payment, day.totals.net()),
        (3_000, 1_000, -4_000)
    );
    let mut check = DayCheck::new(Currency::CNY, 10_000);
    check.movement(&moved("txn_3", TxType::Capture, 10_000, 11_000, -1_000));
    assert_eq!(
        check.finish(wallet(), 11_000).mismatch.as_deref(),
        Some("txn_3 (capture) moves the balance by 10.00, which a capture cannot")
    );
}

#[test]
fn an_entry_that_does_not_start_where_the_postings_left_the_wallet_is_named() {
    let mut check = DayCheck::new(Currency::CNY, 10_000);
    check.movement(&moved("txn_1", TxType::Deposit, 9_000, 14_000, -5_000));
    let day = check.finish(wallet(), 15_000);
    assert_eq!(
        day.mismatch.as_deref(),
        Some("txn_1 (deposit) starts from 90.00; the postings before it leave 100.00")
    );
}

#[test]
fn an_entry_whose_recorded_balances_disagree_with_its_postings_is_named() {
    let mut check = DayCheck::new(Currency::CNY, 0);
    check.movement(&moved("txn_1", TxType::Deposit, 0, 6_000, -5_000));
    let day = check.finish(wallet(), 5_000);
    assert_eq!(
        day.mismatch.as_deref(),
        Some("txn_1 (deposit) records 0.00 → 60.00; its postings move 50.00")
    );
}

#[test]
fn a_movement_against_its_kind_and_a_freeze_that_moves_the_total_are_mismatches() {
    let mut check = DayCheck::new("JPY".parse::<Currency>().unwrap(), 100);
    check.movement(&moved("txn_1", TxType::Deposit, 100, 90, 10));
    assert_eq!(
        check.finish(wallet(), 90).mismatch.as_deref(),
        Some("txn_1 (deposit) moves the balance by -10, which a deposit cannot")
    );
    let mut check = DayCheck::new("JPY".parse::<Currency>().unwrap(), 100);
    check.movement(&moved("txn_2", TxType::Freeze, 100, 90, 10));
    assert!(check
        .finish(wallet(), 90)
        .mismatch
        .unwrap()
        .starts_with("txn_2 (freeze) moves the balance by -10"));
}

#[test]
fn a_closing_balance_the_movements_do_not_reach_is_a_mismatch_even_without_entries() {
    let day = DayCheck::new(Currency::CNY, 1_000).finish(wallet(), 1_500);
    assert_eq!(
        day.mismatch.as_deref(),
        Some("closing 15.00 is not opening 10.00 + movements 0.00 = 10.00")
    );
    let mut check = DayCheck::new(Currency::CNY, 1_000);
    check.movement(&moved("txn_1", TxType::Deposit, 1_000, 2_000, -1_000));
    let day = check.finish(wallet(), 2_500);
    assert_eq!(
        day.mismatch.as_deref(),
        Some("closing 25.00 is not opening 10.00 + movements 10.00 = 20.00")
    );
}

#[test]
fn the_report_names_each_failed_wallet_with_its_mismatch() {
    let good = DayCheck::new(Currency::CNY, 0).finish(wallet(), 0);
    let bad = DayCheck::new(Currency::CNY, 0).finish(wallet(), 1);
    let report = Reconciliation {
        day: Day::parse("date", "2026-04-15").unwrap(),
        scope: Scope {
            tenant_id: "tnt".into(),
            application_id: "app".into(),
        },
        records: vec![good.clone()],
    };
    assert!(report.ok());
    let report = Reconciliation {
        records: vec![good, bad],
        ..report
    };
    assert!(!report.ok());
    assert_eq!(
        report.failures(),
        ["usr_1 (wlt_1): closing 0.01 is not opening 0.00 + movements 0.00 = 0.00"]
    );
}

#[test]
fn a_report_holds_at_most_the_limits_wallets_and_refuses_one_more() {
    let scope = Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    };
    assert!(room_for_one_more(&scope, RECONCILIATION_WALLETS_MAX - 1).is_ok());
    let e = room_for_one_more(&scope, RECONCILIATION_WALLETS_MAX).unwrap_err();
    assert_eq!(e.code(), "invalid_request");
    assert!(e.to_string().contains("more than 100000 wallets"), "{e}");
}
