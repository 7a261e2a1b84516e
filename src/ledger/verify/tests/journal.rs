//! The journal checks: the hash chain, balanced postings, balance history and wallet balances.

use super::*;

// ---- the journal checks ----

#[test]
fn an_honest_ledger_passes_every_check_and_counts_what_it_checked() {
    let f = full();
    let extra = external_check("triggers", "d", Vec::new());
    let r = f.book.verify(&[], vec![extra]);
    assert!(r.ok(), "{:?}", r.broken());
    assert!(!r.damaged);
    let names: Vec<_> = r.checks.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "hash_chain",
            "entries_balance",
            "balance_history",
            "wallet_balances",
            "refund_caps",
            "transfers",
            "freezes",
            "captures",
            "triggers",
            "seals",
            "anchors"
        ]
    );
    let counts: Vec<_> = r.checks.iter().map(|c| c.checked).collect();
    assert_eq!(counts, [8, 8, 8, 2, 2, 0, 2, 0, 1, 0, 0]);
    assert_eq!((r.entries, r.wallets), (8, 2));
    let last = f.book.entries.last().unwrap();
    assert_eq!(
        r.head,
        Some(Anchor::Entry {
            seq: 8,
            hash: last.hash.clone()
        })
    );
    let w = &f.book.wallets[0];
    assert_eq!((w.available, w.frozen), (5_000, 1_000));
    assert!(small().report().ok());
}

#[test]
fn an_empty_ledger_passes_and_has_no_head() {
    let book = Book::new(&["u"]);
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!((r.entries, r.wallets, r.head), (0, 1, None));
}

#[test]
fn an_edited_entry_no_longer_matches_its_hash() {
    let mut book = small();
    book.entries[0].entry.description = Some("edited".into());
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_1 (seq 1) does not match its hash: it, or its wallet's owner, was changed"],
    );
}

#[test]
fn a_wallet_handed_to_another_owner_breaks_the_chain() {
    let mut book = small();
    book.wallets[0].user_id = "thief".into();
    let problems = only_failure(&book.report(), "hash_chain");
    assert_eq!(problems.len(), 2);
}

#[test]
fn an_entry_linked_to_another_hash_breaks_the_chain() {
    let mut book = small_in(Book::legacy(&["u"]));
    book.entries[1].prev_hash = "f".repeat(64);
    let owner = Owner::of(&book.wallets[0]);
    book.entries[1].hash = entry_hash(
        Link::Ledger { seq: 2 },
        &book.entries[1].entry,
        owner,
        &book.entries[1].prev_hash,
    );
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_2 (seq 2) does not link to the previous entry's hash"],
    );
}

#[test]
fn a_renumbered_entry_breaks_the_chain() {
    let mut book = small_in(Book::legacy(&["u"]));
    book.entries[1].seq = 3;
    book.rehash();
    let r = book.report();
    assert_problems(&r, "hash_chain", &["entry txn_2 has seq 3, expected 2"]);
    assert_eq!(r.head.unwrap().seq(), 3);
}

#[test]
fn a_removed_entry_is_named_by_its_seq_and_its_link() {
    let mut book = small_in(Book::legacy(&["u"]));
    book.entries.remove(0);
    book.wallets[0].available = -3_000;
    let r = book.report();
    let problems = check(&r, "hash_chain").problems.clone();
    assert_eq!(
        problems,
        [
            "entry txn_2 has wallet_seq 2, expected 1 in wallet wlt_u",
            "entry txn_2 has seq 2, expected 1",
            "entry txn_2 (seq 2) does not link to the previous entry's hash"
        ]
    );
}

#[test]
fn an_entry_of_a_wallet_that_does_not_exist_is_named() {
    let mut book = small();
    book.entries[1].entry.wallet_id = "wlt_ghost".into();
    book.entries[1].wallet_seq = 1;
    for p in &mut book.entries[1].entry.postings {
        p.account = p.account.replace("wlt_u", "wlt_ghost");
    }
    book.entries[1].entry.balance_before = 0;
    book.entries[1].entry.balance_after = -3_000;
    book.wallets[0].available = 10_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["entries_balance", "wallet_balances"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "entries_balance").problems,
        ["entry txn_2 names wallet wlt_ghost, which does not exist"]
    );
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["the journal has postings for wallet wlt_ghost, which does not exist"]
    );
}

#[test]
fn an_entry_in_another_currency_is_named() {
    let kwd: Currency = "KWD".parse().unwrap();
    let mut book = small();
    book.entries[1].entry.currency = kwd;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2 is not in its wallet's currency CNY"],
    );

    let mut book = small();
    for p in &mut book.entries[1].entry.postings {
        p.currency = "KWD".into();
    }
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2 is not in its wallet's currency CNY"],
    );
}

#[test]
fn postings_that_do_not_sum_to_zero_per_currency_are_named() {
    let mut book = small();
    book.entries[1].entry.postings[0].currency = "KWD".into();
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 is not in its wallet's currency CNY",
            "entry txn_2 does not balance in CNY: postings sum to -3000",
        ],
    );

    // A debit that no credit matches: the sum is shown with its sign.
    let mut book = small();
    book.entries[0].entry.postings[0].amount = 12_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_1 does not balance in CNY: postings sum to 2000",
            "entry txn_1's postings do not move its amount",
        ],
    );
}

#[test]
fn postings_that_do_not_move_the_amount_are_named() {
    // The amount no longer matches balanced postings.
    let mut book = small();
    book.entries[1].entry.amount = Amount::from_stored(2_000).unwrap();
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2's postings do not move its amount"],
    );

    // The debit moves the amount, the credit does not.
    let mut book = small();
    book.entries[1].entry.postings[1].amount = -2_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 does not balance in CNY: postings sum to 1000",
            "entry txn_2's postings do not move its amount",
        ],
    );

    // The credit moves the amount, the debit does not.
    let mut book = small();
    book.entries[1].entry.postings[0].amount = 2_000;
    book.entries[1].entry.balance_after = 8_000;
    book.wallets[0].available = 8_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 does not balance in CNY: postings sum to -1000",
            "entry txn_2's postings do not move its amount",
        ],
    );
}

#[test]
fn an_entry_without_two_postings_is_named() {
    let mut book = small();
    let credit = book.entries[0].entry.postings.pop().unwrap();
    book.entries[0].entry.postings.push(Posting {
        amount: -4_000,
        ..credit.clone()
    });
    book.entries[0].entry.postings.push(Posting {
        amount: -6_000,
        ..credit
    });
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_1 has 3 postings, not 2"],
    );

    let mut book = small();
    book.entries[0].entry.postings.clear();
    book.entries[0].entry.balance_after = 0;
    book.entries[1].entry.balance_before = 0;
    book.entries[1].entry.balance_after = -3_000;
    book.wallets[0].available = -3_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["entries_balance", "wallet_balances"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "entries_balance").problems,
        ["entry txn_1 has 0 postings, not 2"]
    );
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u has a negative balance"]
    );
}

#[test]
fn a_balance_before_that_drifts_from_the_previous_balance_after_is_named() {
    let mut book = small();
    book.entries[1].entry.balance_before = 9_000;
    book.entries[1].entry.balance_after = 6_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "balance_history",
        &["transaction txn_2 says balance_before 9000 but the wallet's previous balance_after was 10000"],
    );
}

#[test]
fn a_balance_after_that_its_postings_do_not_explain_is_named() {
    let mut f = full();
    let last = f.book.entries.len() - 1;
    f.book.entries[last].entry.balance_after += 1;
    f.book.rehash();
    assert_problems(
        &f.book.report(),
        "balance_history",
        &["transaction txn_8's balance change does not match its postings"],
    );

    // A freeze moves money between the wallet's two accounts: its total stays.
    let mut f = full();
    let id = f.freeze_active.clone();
    let e = f
        .book
        .entries
        .iter_mut()
        .find(|e| e.entry.freeze_id.as_deref() == Some(id.as_str()) && e.entry.kind == TxType::Freeze)
        .unwrap();
    let txn = e.entry.id.clone();
    e.entry.balance_after -= 1_000;
    f.book.rehash();
    let r = f.book.report();
    assert_eq!(broken(&r), ["balance_history"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "balance_history").problems[0],
        format!("transaction {txn}'s balance change does not match its postings")
    );
}

#[test]
fn cached_balances_that_differ_from_the_postings_are_named() {
    let mut f = full();
    f.book.wallets[0].available += 1;
    assert_problems(
        &f.book.report(),
        "wallet_balances",
        &["wallet wlt_u holds available 5001 / frozen 1000 but its postings give 5000 / 1000 (minor units)"],
    );

    let mut f = full();
    f.book.wallets[0].frozen = 2_000;
    let r = f.book.report();
    assert_eq!(broken(&r), ["wallet_balances", "freezes"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u holds available 5000 / frozen 2000 but its postings give 5000 / 1000 (minor units)"]
    );

    let mut f = full();
    f.book.wallets[1].available = 1;
    assert_problems(
        &f.book.report(),
        "wallet_balances",
        &["wallet wlt_v holds available 1 / frozen 0 but its postings give 0 / 0 (minor units)"],
    );
}

#[test]
fn a_negative_balance_is_named_even_when_the_postings_agree() {
    // Money withdrawn that was never there, with postings and history that agree.
    let mut book = small();
    book.entries.remove(0);
    book.entries[0].seq = 1;
    book.entries[0].wallet_seq = 1;
    book.entries[0].entry.balance_before = 0;
    book.entries[0].entry.balance_after = -3_000;
    book.wallets[0].available = -3_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "wallet_balances",
        &["wallet wlt_u has a negative balance"],
    );

    // A negative frozen balance: money moved out of the frozen account that was never in it.
    let mut book = Book::new(&["u"]);
    book.deposit(0, "10");
    let postings = &mut book.entries[0].entry.postings;
    postings[0].account = Account::WalletFrozen("wlt_u".into()).name();
    postings[1].account = Account::WalletAvailable("wlt_u".into()).name();
    book.entries[0].entry.balance_after = 0;
    book.wallets[0].available = 1_000;
    book.wallets[0].frozen = -1_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["wallet_balances", "freezes"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u has a negative balance"]
    );
    assert_eq!(
        check(&r, "freezes").problems,
        ["wallet wlt_u's active freezes add up to 0 minor units, its frozen balance is -1000"]
    );
}

// ---- the first tests, on a journal built step by step ----
/// A small chained journal: a deposit of 100.00 and a withdrawal of 30.00.
fn journal() -> (Vec<JournalRow>, Wallet) {
    let scope = Scope {
        tenant_id: "t".into(),
        application_id: "a".into(),
    };
    let mut wallet = Wallet::open(
        &scope,
        "u",
        Currency::CNY,
        "wlt_1".into(),
        "2026-01-01T00:00:00Z".parse().unwrap(),
    );
    let mut stored = Vec::new();
    let mut prev = GENESIS_HASH.to_owned();
    for (n, op) in [
        Operation::deposit("100", None, None),
        Operation::withdraw("30", None, None),
    ]
    .into_iter()
    .enumerate()
    {
        let ctx = Context {
            actor: "test".into(),
            now: "2026-01-01T00:00:00Z".parse().unwrap(),
            transaction_id: format!("txn_{n}").into(),
            freeze_id: format!("frz_{n}").into(),
        };
        let p = op.unwrap().plan(&wallet, &Referent::None, &ctx).unwrap();
        let seq = n as i64 + 1;
        let hash = entry_hash(Link::Wallet { wallet_seq: seq }, &p.entry, Owner::of(&wallet), &prev);
        stored.push(JournalRow {
            seq,
            wallet_seq: seq,
            version: ChainVersion::Wallet,
            entry: p.entry.raw(),
            prev_hash: prev.clone(),
            hash: hash.clone(),
        });
        prev = hash;
        wallet = p.wallet_after;
    }
    (stored, wallet)
}

fn report_of(entries: &[JournalRow], wallet: &Wallet) -> Report {
    let mut v = Verifier::new(&[], std::slice::from_ref(wallet), &[]);
    for e in entries {
        v.entry(e, &Rows(entries)).expect("the rows answer");
    }
    v.finish(std::slice::from_ref(wallet), &[], Vec::new())
}

#[test]
fn an_honest_journal_verifies() {
    let (entries, wallet) = journal();
    let r = report_of(&entries, &wallet);
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!((r.entries, r.wallets, wallet.available), (2, 1, 7_000));
}

#[test]
fn an_edited_description_breaks_the_chain() {
    let (mut entries, wallet) = journal();
    entries[0].entry.description = Some("edited".into());
    assert_eq!(broken(&report_of(&entries, &wallet)), ["hash_chain"]);
}

#[test]
fn an_edited_amount_breaks_the_chain_the_postings_and_the_balances() {
    let (mut entries, wallet) = journal();
    entries[1].entry.postings[0].amount = 1_000;
    entries[1].entry.postings[1].amount = -1_000;
    assert_eq!(
        broken(&report_of(&entries, &wallet)),
        ["hash_chain", "entries_balance", "balance_history", "wallet_balances"]
    );
}

#[test]
fn a_wallet_handed_to_another_owner_or_currency_breaks_the_chain() {
    let (entries, wallet) = journal();
    let stolen = Wallet {
        tenant_id: "evil".into(),
        ..wallet.clone()
    };
    assert!(broken(&report_of(&entries, &stolen)).contains(&"hash_chain"));
    let renamed = Wallet {
        currency: "KWD".parse().unwrap(),
        ..wallet
    };
    assert!(broken(&report_of(&entries, &renamed)).contains(&"entries_balance"));
}

#[test]
fn a_removed_entry_is_a_gap_in_the_chain() {
    let (mut entries, mut wallet) = journal();
    entries.remove(0);
    wallet.available = 7_000;
    let r = report_of(&entries, &wallet);
    assert!(broken(&r).contains(&"hash_chain"), "{:?}", r.broken());
}

#[test]
fn an_unbalanced_entry_is_named() {
    let (mut entries, wallet) = journal();
    entries[0].entry.postings.pop();
    let r = report_of(&entries, &wallet);
    assert!(broken(&r).contains(&"entries_balance"));
    let check = r.checks.iter().find(|c| c.name == "entries_balance").unwrap();
    assert!(
        check.problems.iter().any(|p| p.contains("has 1 postings, not 2")),
        "{:?}",
        check.problems
    );
}
