//! Refund caps, freeze records, anchors, and the cached balances a write starts from.

use super::*;

// ---- refunds ----

/// A store that has none of the entries: what the verifier is told about originals.
struct NoOriginals;

impl Originals for NoOriginals {
    fn original(&self, _: &TransactionId, _: i64) -> crate::error::Result<Option<RefundedOriginal>> {
        Ok(None)
    }
}

#[test]
fn a_refunds_original_is_what_the_store_answers_not_what_the_verifier_kept() {
    // The verifier keeps no refundable entry in memory (a ledger of millions would not fit):
    // it judges a refund by the store's answer alone, even when it streamed the original.
    let mut book = Book::new(&["u"]);
    let deposit = book.deposit(0, "100");
    let refund = book.refund(0, &deposit, Some("40"));
    let mut v = Verifier::new(&[], &book.wallets, &[]);
    for e in &book.entries {
        v.entry(e, &NoOriginals).expect("no store error");
    }
    let r = v.finish(&book.wallets, &book.freezes, Vec::new());
    assert_problems(
        &r,
        "refund_caps",
        &[&format!(
            "refund {refund} names {deposit}, which is not an earlier refundable transaction of its wallet"
        )],
    );
    assert!(book.report().ok(), "{:?}", book.report().broken());
}

#[test]
fn refunds_up_to_their_original_pass_and_beyond_it_fail() {
    let mut f = full();
    let payment = f.payment.clone();
    let last_refund = f.book.entries[3].entry.id.clone();
    f.book.entry(&last_refund).amount = Amount::from_stored(2_600).unwrap();
    f.book.rehash();
    let r = f.book.report();
    assert_eq!(broken(&r), ["entries_balance", "refund_caps"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "refund_caps").problems,
        [format!(
            "refunds of {payment} add up to 4100 minor units, more than its 4000"
        )]
    );

    // One refund of the whole original, then one more minor unit.
    let mut book = Book::new(&["u"]);
    let deposit = book.deposit(0, "100");
    book.refund(0, &deposit, None);
    assert!(book.report().ok(), "{:?}", book.report().broken());
    book.deposit(0, "1");
    let extra = book.entries.last().unwrap().entry.id.clone();
    book.entry(&extra).kind = TxType::Refund;
    book.entry(&extra).original_id = Some(deposit.clone().into());
    book.rehash();
    assert_problems(
        &book.report(),
        "refund_caps",
        &[&format!(
            "refunds of {deposit} add up to 10100 minor units, more than its 10000"
        )],
    );
}

#[test]
fn a_refund_must_name_an_earlier_refundable_transaction_of_its_wallet() {
    // An original that is not refundable (a freeze), that does not exist, or none at all.
    for original in [Some("frz"), Some("txn_404"), None] {
        let mut f = full();
        let refund = f.book.entries[2].entry.id.clone();
        let named = match original {
            Some("frz") => Some(f.book.entries[4].entry.id.clone()),
            other => other.map(Into::into),
        };
        f.book.entry(&refund).original_id = named.clone();
        f.book.rehash();
        let shown = named.unwrap_or_else(|| "(none)".into());
        assert_problems(
            &f.book.report(),
            "refund_caps",
            &[&format!(
                "refund {refund} names {shown}, which is not an earlier refundable transaction of its wallet"
            )],
        );
    }

    // Another wallet's payment.
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100");
    book.deposit(1, "100");
    let theirs = book.payment(1, "40");
    let refund = book.refund(1, &theirs, Some("10"));
    let e = book.entries.iter_mut().find(|e| e.entry.id == refund).unwrap();
    e.entry.wallet_id = "wlt_u".into();
    e.wallet_seq = 2;
    for p in &mut e.entry.postings {
        p.account = p.account.replace("wlt_v", "wlt_u");
    }
    e.entry.balance_before = 10_000;
    e.entry.balance_after = 11_000;
    book.wallets[0].available = 11_000;
    book.wallets[1].available = 6_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "refund_caps",
        &[&format!(
            "refund {refund} names {theirs}, which is not an earlier refundable transaction of its wallet"
        )],
    );
}

// ---- freezes ----

#[test]
fn a_freeze_record_whose_amount_differs_from_the_journal_is_named() {
    let mut f = full();
    let id = f.freeze_released.clone();
    f.book.freeze_record(&id).amount = Amount::from_stored(2_500).unwrap();
    assert_problems(
        &f.book.report(),
        "freezes",
        &[&format!("freeze {id}'s amount differs from its journal entry")],
    );

    let mut f = full();
    let id = f.freeze_active.clone();
    f.book.freeze_record(&id).amount = Amount::from_stored(500).unwrap();
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id}'s amount differs from its journal entry"),
            "wallet wlt_u's active freezes add up to 500 minor units, its frozen balance is 1000",
        ],
    );
}

#[test]
fn a_freeze_record_whose_status_differs_from_the_journal_is_named() {
    let mut f = full();
    let id = f.freeze_released.clone();
    f.book.freeze_record(&id).status = FreezeStatus::Active;
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id} is active but the journal disagrees"),
            "wallet wlt_u's active freezes add up to 3000 minor units, its frozen balance is 1000",
        ],
    );

    let mut f = full();
    let id = f.freeze_active.clone();
    f.book.freeze_record(&id).status = FreezeStatus::Released;
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id} is released but the journal disagrees"),
            "wallet wlt_u's active freezes add up to 0 minor units, its frozen balance is 1000",
        ],
    );
}

#[test]
fn a_freeze_record_without_a_journal_entry_is_named() {
    let mut f = full();
    let mut forged = f.book.freezes[0].clone();
    forged.id = "frz_forged".into();
    forged.wallet_id = "wlt_v".into();
    f.book.freezes.push(forged);
    assert_problems(&f.book.report(), "freezes", &["freeze frz_forged has no journal entry"]);
    assert_eq!(check(&f.book.report(), "freezes").checked, 3);

    let mut f = full();
    let mut forged = f.book.freezes[1].clone();
    forged.id = "frz_forged".into();
    f.book.freezes.push(forged);
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            "freeze frz_forged has no journal entry",
            "wallet wlt_u's active freezes add up to 2000 minor units, its frozen balance is 1000",
        ],
    );
}

// ---- anchors ----

#[test]
fn anchors_still_in_the_journal_pass() {
    let f = full();
    let anchors: Vec<Anchor> = f.book.entries[..3]
        .iter()
        .map(|e| Anchor::Entry {
            seq: e.seq,
            hash: e.hash.clone(),
        })
        .collect();
    let r = f.book.verify(&anchors, Vec::new());
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "anchors").checked, 3);
}

#[test]
fn an_anchor_whose_entry_changed_is_named() {
    let mut book = small();
    let anchor = Anchor::Entry {
        seq: 1,
        hash: book.entries[0].hash.clone(),
    };
    book.entries[0].entry.description = Some("edited".into());
    book.rehash();
    assert_problems(
        &book.verify(&[anchor], Vec::new()),
        "anchors",
        &["entry txn_1 (seq 1) no longer has the anchored hash"],
    );
}

#[test]
fn anchors_past_the_end_of_the_journal_are_named_in_order() {
    let book = small();
    let anchor = |seq| Anchor::Entry {
        seq,
        hash: "a".repeat(64),
    };
    assert_problems(
        &book.verify(&[anchor(9), anchor(3)], Vec::new()),
        "anchors",
        &[
            "the anchored entry seq 3 is gone: the journal ends at seq 2",
            "the anchored entry seq 9 is gone: the journal ends at seq 2",
        ],
    );
}

// ---- cached balances before a write ----

fn proof(book: &Book) -> BalanceProof {
    BalanceProof {
        last_entry: book.entries.last().cloned(),
        active_frozen: book
            .freezes
            .iter()
            .filter(|f| f.status == FreezeStatus::Active)
            .map(|f| f.amount.minor())
            .sum(),
    }
}

#[test]
fn cached_balances_the_journal_proves_pass() {
    let f = full();
    assert_eq!(check_cached_balances(&f.book.wallets[0], &proof(&f.book)), Ok(()));
    let empty = Book::new(&["u"]);
    assert_eq!(check_cached_balances(&empty.wallets[0], &proof(&empty)), Ok(()));
}

#[test]
fn cached_balances_the_journal_does_not_prove_fail() {
    let f = full();
    let p = proof(&f.book);
    let w = &f.book.wallets[0];
    let expect = |available, frozen| {
        format!(
            "wallet wlt_u holds available {available} / frozen {frozen} (minor units) but its journal proves a balance of 6000 with 1000 frozen by active freezes"
        )
    };
    let more = Wallet {
        available: 5_001,
        ..w.clone()
    };
    assert_eq!(check_cached_balances(&more, &p), Err(expect(5_001, 1_000)));
    // The total still holds, but less of it is frozen than the active freezes hold.
    let moved = Wallet {
        available: 6_000,
        frozen: 0,
        ..w.clone()
    };
    assert_eq!(check_cached_balances(&moved, &p), Err(expect(6_000, 0)));
    let overflow = Wallet {
        available: i64::MAX,
        ..w.clone()
    };
    assert!(check_cached_balances(&overflow, &p).is_err());

    let empty = Book::new(&["u"]);
    let rich = Wallet {
        available: 1,
        ..empty.wallets[0].clone()
    };
    assert!(check_cached_balances(&rich, &proof(&empty)).is_err());
}

#[test]
fn a_last_entry_that_no_longer_matches_its_hash_fails_the_cached_balances() {
    let mut f = full();
    let mut p = proof(&f.book);
    p.last_entry.as_mut().unwrap().entry.balance_after += 100;
    f.book.wallets[0].available += 100;
    assert_eq!(
        check_cached_balances(&f.book.wallets[0], &p),
        Err("wallet wlt_u's last journal entry txn_8 (seq 8) does not match its hash".into())
    );
}
