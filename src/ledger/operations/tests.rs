//! The rules of every operation, as pure functions over a wallet and what they load.

use super::status::change_status;
use super::*;
use crate::error::Result;
use crate::ledger::model::{FreezeStatus, NormalSide, Scope, WalletStatus};
use crate::ledger::money::Amount;

fn ctx(n: u32) -> Context {
    Context {
        actor: "cli:test".into(),
        now: "2026-04-15T10:30:00Z".parse().unwrap(),
        transaction_id: format!("txn_{n}").into(),
        freeze_id: format!("frz_{n}").into(),
    }
}

fn wallet(currency: Currency, available: i64, frozen: i64) -> Wallet {
    let scope = Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    };
    let mut w = Wallet::open(
        &scope,
        "usr_1",
        currency,
        "wlt_1".into(),
        "2026-01-01T00:00:00Z".parse().unwrap(),
    );
    w.available = available;
    w.frozen = frozen;
    w
}

fn run(w: &Wallet, op: Operation) -> Result<Plan> {
    op.plan(w, &Referent::None, &ctx(1))
}

/// Every plan's postings sum to zero and its wallet moves exactly as its postings say.
fn assert_consistent(before: &Wallet, p: &Plan) {
    assert_eq!(p.entry.postings.iter().map(|x| x.amount).sum::<i64>(), 0);
    assert_eq!(p.entry.balance_before, before.balance());
    assert_eq!(p.entry.balance_after, p.wallet_after.balance());
    assert!(p.wallet_after.available >= 0 && p.wallet_after.frozen >= 0);
}

#[test]
fn a_deposit_debits_settlement_and_credits_the_wallet() {
    let w = wallet(Currency::CNY, 0, 0);
    let p = run(&w, Operation::deposit("1000", None, None).unwrap()).unwrap();
    assert_consistent(&w, &p);
    assert_eq!(p.entry.postings[0].account, "assets:settlement:CNY");
    assert_eq!(p.entry.postings[0].amount, 100_000);
    assert_eq!(p.entry.postings[1].account, "liabilities:wallet:wlt_1:available");
    assert_eq!(p.wallet_after.available, 100_000);
}

#[test]
fn debits_need_the_available_balance_not_the_total() {
    let w = wallet(Currency::CNY, 90_000, 10_000); // SPEC: 1000.00 total, 100.00 frozen
    assert_eq!(w.balance(), 100_000);
    for op in [
        Operation::withdraw("900.01", None, None).unwrap(),
        Operation::payment("900.01", "mch_1", true, None, None).unwrap(),
        Operation::freeze("900.01", None, None).unwrap(),
        Operation::adjust(Direction::Debit, "900.01", "fix", None).unwrap(),
    ] {
        let kind = op.kind();
        assert_eq!(run(&w, op).unwrap_err().code(), "insufficient_balance", "{kind}");
    }
    let p = run(&w, Operation::withdraw("900.00", None, None).unwrap()).unwrap();
    assert_consistent(&w, &p);
    assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (0, 10_000));
}

#[test]
fn a_freeze_moves_available_to_frozen_and_leaves_the_balance() {
    let w = wallet(Currency::CNY, 100_000, 0);
    let p = run(
        &w,
        Operation::freeze("100.00", Some("Dispute freeze".into()), None).unwrap(),
    )
    .unwrap();
    assert_consistent(&w, &p);
    assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (90_000, 10_000));
    assert_eq!(p.entry.balance_before, p.entry.balance_after);
    let FreezeChange::Create(record) = &p.freeze else {
        panic!("a freeze creates a record")
    };
    assert_eq!(
        (record.id.as_str(), record.status, record.amount.minor()),
        ("frz_1", FreezeStatus::Active, 10_000)
    );
}

#[test]
fn an_unfreeze_releases_only_an_active_freeze_of_this_wallet() {
    let w = wallet(Currency::CNY, 90_000, 10_000);
    let record = Freeze {
        id: "frz_9".into(),
        wallet_id: "wlt_1".into(),
        amount: Amount::from_stored(10_000).unwrap(),
        reason: None,
        status: FreezeStatus::Active,
        created_at: "2026-04-10T00:00:00Z".parse().unwrap(),
        released_at: None,
        release_reason: None,
        captured: None,
    };
    let op = Operation::unfreeze("frz_01ARZ3NDEKTSV4RRFFQ69G5FAV", Some("cleared".into()), None).unwrap();
    let p = op.plan(&w, &Referent::Freeze(record.clone()), &ctx(2)).unwrap();
    assert_consistent(&w, &p);
    assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (100_000, 0));
    assert_eq!(
        p.freeze,
        FreezeChange::Release {
            freeze_id: "frz_9".into(),
            released_at: "2026-04-15T10:30:00Z".parse().unwrap(),
            reason: Some("cleared".into()),
        }
    );

    let released = Freeze {
        status: FreezeStatus::Released,
        ..record.clone()
    };
    assert_eq!(
        op.plan(&w, &Referent::Freeze(released), &ctx(2)).unwrap_err().code(),
        "freeze_not_active"
    );
    let elsewhere = Freeze {
        wallet_id: "wlt_2".into(),
        ..record
    };
    assert_eq!(
        op.plan(&w, &Referent::Freeze(elsewhere), &ctx(2)).unwrap_err().code(),
        "freeze_not_found"
    );
}

fn original(w: &Wallet, op: Operation) -> Entry {
    run(w, op).unwrap().entry
}

fn refund(w: &Wallet, of: &Entry, refunded: i64, amount: Option<&str>) -> Result<Plan> {
    let op = Operation::refund("txn_01ARZ3NDEKTSV4RRFFQ69G5FAV", amount, Some("return".into()), None).unwrap();
    let referent = Referent::Original {
        entry: of.clone(),
        refunded,
    };
    op.plan(w, &referent, &ctx(3))
}

#[test]
fn a_refund_mirrors_its_original_and_is_capped_by_what_remains() {
    let w = wallet(Currency::CNY, 100_000, 0);
    let payment = original(&w, Operation::payment("200", "mch_1", true, None, None).unwrap());
    let after_payment = wallet(Currency::CNY, 80_000, 0);
    let p = refund(&after_payment, &payment, 0, Some("50")).unwrap();
    assert_consistent(&after_payment, &p);
    assert_eq!(
        p.entry.postings[0].account, payment.postings[1].account,
        "the counterparty gives back"
    );
    assert_eq!(
        p.entry.postings[1].account, payment.postings[0].account,
        "the wallet is credited"
    );
    assert_eq!(p.entry.original_id.as_deref(), Some("txn_1"));
    assert_eq!(p.entry.counterparty_id.as_deref(), Some("mch_1"));
    assert_eq!(p.entry.description.as_deref(), Some("refund of txn_1"));
    assert_eq!(p.entry.reason().as_deref(), Some("return"));

    let rest = refund(&after_payment, &payment, 5_000, None).unwrap();
    assert_eq!(rest.entry.amount.minor(), 15_000, "absent amount: the whole remainder");
    assert_eq!(
        refund(&after_payment, &payment, 5_000, Some("150.01"))
            .unwrap_err()
            .code(),
        "exceeds_refundable_amount"
    );
    assert_eq!(
        refund(&after_payment, &payment, 20_000, None).unwrap_err().code(),
        "exceeds_refundable_amount"
    );
}

#[test]
fn the_internal_refund_is_the_refund_of_the_transaction_it_names() {
    let w = wallet(Currency::CNY, 100_000, 0);
    let payment = original(&w, Operation::payment("200", "mch_1", true, None, None).unwrap());
    let after_payment = wallet(Currency::CNY, 80_000, 0);
    let referent = Referent::Original {
        entry: payment,
        refunded: 0,
    };
    let (txn, reason, reference) = ("txn_1", Some("return".to_owned()), Some("r1".to_owned()));
    let internal = Operation::internal_refund(txn, Some("50"), reason.clone(), reference.clone()).unwrap();
    let by_user = Operation::refund(txn, Some("50"), reason, reference).unwrap();
    assert_eq!(
        internal.wallet_by_transaction().map(|t| t.as_str()),
        Some(txn),
        "it names no user"
    );
    assert_eq!(by_user.wallet_by_transaction(), None);
    assert_eq!(internal.kind(), TxType::Refund);
    assert_eq!(internal.reference_id(), Some("r1"));
    // One stored request: a reference_id repeated through the other door is a replay.
    assert_eq!(internal.canonical(Currency::CNY), by_user.canonical(Currency::CNY));
    assert_eq!(
        internal.plan(&after_payment, &referent, &ctx(3)).unwrap(),
        by_user.plan(&after_payment, &referent, &ctx(3)).unwrap()
    );
}

#[test]
fn a_refund_line_names_the_internal_refund_when_it_names_no_user() {
    let fields = |user: Option<&str>| {
        let mut raw = vec![("transaction_id".to_owned(), Raw::Text("txn_1".into()))];
        raw.extend(user.map(|u| ("user_id".to_owned(), Raw::Text(u.into()))));
        raw
    };
    let known = ["user_id", "transaction_id"];
    let read = |user| (refund::SPEC.read)(&mut Fields::new(fields(user), &known).unwrap()).unwrap();
    assert!(matches!(read(None), (None, Operation::InternalRefund(_))));
    assert!(matches!(read(Some("usr_1")), (Some(_), Operation::Refund(_))));
}

#[test]
fn a_deposit_refund_takes_money_back_and_needs_it_available() {
    let w = wallet(Currency::CNY, 0, 0);
    let deposit = original(&w, Operation::deposit("100", None, None).unwrap());
    let spent = wallet(Currency::CNY, 3_000, 7_000);
    assert_eq!(
        refund(&spent, &deposit, 0, Some("30.01")).unwrap_err().code(),
        "insufficient_balance"
    );
    let p = refund(&spent, &deposit, 0, Some("30")).unwrap();
    assert_consistent(&spent, &p);
    assert_eq!(p.entry.postings[1].account, "assets:settlement:CNY");
}

#[test]
fn only_payments_withdrawals_and_deposits_are_refundable() {
    let w = wallet(Currency::CNY, 100_000, 0);
    for op in [
        Operation::freeze("1", None, None).unwrap(),
        Operation::adjust(Direction::Credit, "1", "fix", None).unwrap(),
        Operation::adjust(Direction::Debit, "1", "fix", None).unwrap(),
    ] {
        let entry = original(&w, op);
        assert_eq!(
            refund(&w, &entry, 0, Some("1")).unwrap_err().code(),
            "not_refundable",
            "{}",
            entry.kind
        );
    }
    let payment = original(&w, Operation::payment("10", "mch_1", true, None, None).unwrap());
    let a_refund = refund(&w, &payment, 0, Some("1")).unwrap().entry;
    assert_eq!(
        refund(&w, &a_refund, 0, Some("1")).unwrap_err().code(),
        "not_refundable"
    );
    let other_wallet = Entry {
        wallet_id: "wlt_2".into(),
        ..payment
    };
    assert_eq!(
        refund(&w, &other_wallet, 0, Some("1")).unwrap_err().code(),
        "transaction_not_found"
    );
}

#[test]
fn a_frozen_wallet_takes_credits_and_refuses_debits_a_closed_one_refuses_all() {
    let mut w = wallet(Currency::CNY, 100_000, 0);
    w.status = WalletStatus::Frozen;
    assert!(run(&w, Operation::deposit("1", None, None).unwrap()).is_ok());
    assert!(run(&w, Operation::adjust(Direction::Credit, "1", "fix", None).unwrap()).is_ok());
    for op in [
        Operation::withdraw("1", None, None).unwrap(),
        Operation::freeze("1", None, None).unwrap(),
    ] {
        assert_eq!(run(&w, op).unwrap_err().code(), "wallet_not_active");
    }
    w.status = WalletStatus::Closed;
    assert_eq!(
        run(&w, Operation::deposit("1", None, None).unwrap())
            .unwrap_err()
            .code(),
        "wallet_not_active"
    );
}

#[test]
fn only_an_empty_wallet_closes_and_a_closed_one_stays_closed() {
    let w = wallet(Currency::CNY, 0, 1);
    let why = || Some("fraud review".to_owned());
    assert_eq!(
        change_status(&w, WalletStatus::Closed, why(), &ctx(1))
            .unwrap_err()
            .code(),
        "wallet_not_empty"
    );
    let (frozen, change) = change_status(&w, WalletStatus::Frozen, why(), &ctx(1))
        .unwrap()
        .unwrap();
    assert_eq!(
        (change.from, change.to, frozen.status),
        (WalletStatus::Active, WalletStatus::Frozen, WalletStatus::Frozen)
    );
    assert_eq!(change.reason, "fraud review");
    assert_eq!(
        change_status(&frozen, WalletStatus::Frozen, why(), &ctx(1)).unwrap(),
        None,
        "already frozen"
    );
    assert_eq!(
        change_status(&w, WalletStatus::Frozen, None, &ctx(1))
            .unwrap_err()
            .code(),
        "invalid_request"
    );

    let empty = wallet(Currency::CNY, 0, 0);
    let (closed, _) = change_status(&empty, WalletStatus::Closed, why(), &ctx(1))
        .unwrap()
        .unwrap();
    assert_eq!(
        change_status(&closed, WalletStatus::Active, why(), &ctx(1))
            .unwrap_err()
            .code(),
        "wallet_not_active"
    );
}

#[test]
fn adjustments_post_against_equity() {
    let w = wallet("JPY".parse().unwrap(), 500, 0);
    let credit = run(
        &w,
        Operation::adjust(Direction::Credit, "100", "bank fee refund", None).unwrap(),
    )
    .unwrap();
    assert_consistent(&w, &credit);
    assert_eq!(credit.entry.postings[0].account, "equity:adjustments:JPY");
    assert_eq!(credit.wallet_after.available, 600);
    let debit = run(
        &w,
        Operation::adjust(Direction::Debit, "500", "duplicate deposit", None).unwrap(),
    )
    .unwrap();
    assert_eq!(debit.wallet_after.available, 0);
    assert_eq!(NormalSide::of("equity:adjustments:JPY"), NormalSide::Credit);
}

#[test]
fn decimals_are_checked_against_the_wallet_currency() {
    let w = wallet(Currency::CNY, 0, 0);
    assert_eq!(
        run(&w, Operation::deposit("0.001", None, None).unwrap())
            .unwrap_err()
            .code(),
        "invalid_amount"
    );
    let jpy = wallet("JPY".parse().unwrap(), 0, 0);
    assert_eq!(
        run(&jpy, Operation::deposit("1.5", None, None).unwrap())
            .unwrap_err()
            .code(),
        "invalid_amount"
    );
}

#[test]
fn deposits_cannot_push_a_balance_past_the_limit() {
    let w = wallet(Currency::CNY, Currency::CNY.balance_max_minor() - 1, 0);
    let err = run(&w, Operation::deposit("0.02", None, None).unwrap()).unwrap_err();
    assert_eq!(err.code(), "balance_limit_exceeded");
}

#[test]
fn a_reference_repeat_replays_the_same_request_and_refuses_another() {
    let w = wallet(Currency::CNY, 100_000, 0);
    let op = Operation::withdraw("50", None, Some("wd_1".into())).unwrap();
    let first = run(&w, op.clone()).unwrap().entry;
    assert_eq!(idempotency(None, &first.request).unwrap(), Idempotency::Apply);
    let same = Operation::withdraw("50.00", None, Some("wd_1".into())).unwrap();
    assert_eq!(
        idempotency(Some(&first), &same.canonical(Currency::CNY).unwrap()).unwrap(),
        Idempotency::Replay("txn_1".into())
    );
    let other = Operation::withdraw("51", None, Some("wd_1".into())).unwrap();
    let err = idempotency(Some(&first), &other.canonical(Currency::CNY).unwrap()).unwrap_err();
    assert_eq!(err.code(), "reference_conflict");
}

#[test]
fn grammar_is_checked_before_the_wallet_is_known() {
    assert_eq!(
        Operation::withdraw("1e3", None, None).unwrap_err().code(),
        "invalid_amount"
    );
    // Decimals depend on the currency, so 0.001 passes here and fails in CNY later.
    let op = Operation::withdraw("0.001", None, None).unwrap();
    let Operation::Withdraw(withdraw::Request { amount, .. }) = op else {
        unreachable!()
    };
    assert!(amount.in_currency(Currency::CNY).is_err());
}

#[test]
fn canonical_requests_normalise_amounts() {
    let a = Operation::withdraw("50", Some("x".into()), Some("r1".into())).unwrap();
    let b = Operation::withdraw("50.00", Some(" x ".into()), Some("r1".into())).unwrap();
    let c = Operation::withdraw("50.01", Some("x".into()), Some("r1".into())).unwrap();
    assert_eq!(a.canonical(Currency::CNY).unwrap(), b.canonical(Currency::CNY).unwrap());
    assert_ne!(a.canonical(Currency::CNY).unwrap(), c.canonical(Currency::CNY).unwrap());
}

#[test]
fn adjustments_need_a_reason_and_ids_are_checked() {
    assert!(Operation::adjust(Direction::Credit, "1", "  ", None).is_err());
    assert!(Operation::adjust(Direction::Credit, "1", "typo fix", None).is_ok());
    assert!(Operation::unfreeze("", None, None).is_err());
    assert!(Operation::refund(&"x".repeat(129), None, None, None).is_err());
    assert!(Operation::payment("1", "a:b", true, None, None).is_err());
    assert!(Operation::deposit("1", Some("a\u{7}".into()), None).is_err());
}
