//! Chains per wallet (schema version 6 on), ledgers chained before it, and seals.

use super::*;

/// Two wallets whose entries interleave: u, v, u, v.
fn two_wallets() -> Book {
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100");
    book.deposit(1, "50");
    book.withdraw(0, "30");
    book.payment(1, "20");
    book
}

#[test]
fn each_wallet_has_its_own_chain_numbered_from_one() {
    let book = two_wallets();
    let places: Vec<_> = book.entries.iter().map(|e| (e.seq, e.wallet_seq)).collect();
    assert_eq!(places, [(1, 1), (2, 1), (3, 2), (4, 2)]);
    assert_eq!(
        book.entries[2].prev_hash, book.entries[0].hash,
        "u's second links to u's first"
    );
    assert_eq!(
        book.entries[1].prev_hash, GENESIS_HASH,
        "v's first starts its own chain"
    );
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "hash_chain").checked, 4);
}

#[test]
fn gaps_in_the_global_seq_are_allowed_when_entries_are_chained_per_wallet() {
    // PostgreSQL allocates seq from a sequence: a failed insert leaves a gap.
    let mut book = two_wallets();
    for (e, seq) in book.entries.iter_mut().zip([3, 7, 8, 20]) {
        e.seq = seq;
    }
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(r.head.unwrap().seq(), 20);
}

#[test]
fn an_edited_entry_in_a_wallet_chain_no_longer_matches_its_hash() {
    let mut book = two_wallets();
    book.entries[2].entry.description = Some("edited".into());
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_3 (seq 3) does not match its hash: it, or its wallet's owner, was changed"],
    );
}

#[test]
fn an_entry_linked_to_another_wallets_hash_breaks_the_chain() {
    let mut book = two_wallets();
    book.entries[2].prev_hash = book.entries[1].hash.clone();
    book.entries[2].hash = book.entries[2].recomputed_hash(Owner::of(&book.wallets[0]));
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_3 (seq 3) does not link to its wallet's previous entry's hash"],
    );
}

#[test]
fn a_renumbered_or_removed_entry_in_a_wallet_is_named() {
    let mut book = two_wallets();
    book.entries[2].wallet_seq = 3;
    book.rehash();
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_3 has wallet_seq 3, expected 2 in wallet wlt_u"],
    );

    let mut book = two_wallets();
    book.entries.remove(0);
    let problems = check(&book.report(), "hash_chain").problems.clone();
    assert_eq!(
        problems,
        [
            "entry txn_3 has wallet_seq 2, expected 1 in wallet wlt_u",
            "entry txn_3 (seq 3) does not link to its wallet's previous entry's hash"
        ]
    );
}

#[test]
fn a_ledger_chained_before_version_6_goes_on_per_wallet() {
    let mut book = Book::legacy(&["u", "v"]);
    book.deposit(0, "100");
    book.deposit(1, "50");
    book.version = ChainVersion::Wallet;
    book.withdraw(0, "30");
    book.withdraw(1, "10");
    assert_eq!(
        book.entries[2].prev_hash, book.entries[0].hash,
        "onto u's last entry, a version 1 one"
    );
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());

    // A version 1 entry may not follow a version 2 one: the old chain is closed.
    book.version = ChainVersion::Ledger;
    book.deposit(0, "1");
    assert_problems(
        &book.report(),
        "hash_chain",
        &[
            "entry txn_5 (seq 5) is chained through the ledger after entries chained per wallet",
            "entry txn_5 has seq 5, expected 3",
            "entry txn_5 (seq 5) does not link to the previous entry's hash",
        ],
    );
}

#[test]
fn a_seal_anchors_every_wallet_and_verify_reports_the_last_one() {
    let mut book = two_wallets();
    let first = book.seal();
    book.deposit(0, "5");
    let second = book.seal();
    assert_eq!(book.seals[1].heads.len(), 1, "only u moved");
    let r = book.verify(&[first.clone(), second.clone()], Vec::new());
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "seals").checked, 2);
    assert_eq!(check(&r, "anchors").checked, 2);
    assert_eq!(r.seal, Some(second.clone()));
    assert!(second.to_string().starts_with("seal:2:"));

    let forged = Anchor::Seal {
        seq: 2,
        hash: "f".repeat(64),
    };
    let gone = Anchor::Seal {
        seq: 3,
        hash: second.hash().to_owned(),
    };
    assert_problems(
        &book.verify(&[forged, gone], Vec::new()),
        "anchors",
        &[
            "seal 2 no longer has the anchored hash",
            "the anchored seal 3 is gone: the ledger has 2 seal(s)",
        ],
    );
}

#[test]
fn a_wallet_cut_back_behind_its_seal_is_caught() {
    // The forger removes v's last entry and puts its balance back: v's chain is valid in
    // itself, and only the seal knows it used to be longer.
    let mut book = two_wallets();
    book.seal();
    book.entries.pop();
    book.wallets[1].available = 5_000;
    assert_problems(
        &book.report(),
        "seals",
        &["seal 1 recorded wallet wlt_v up to wallet_seq 2, which is gone from the journal"],
    );
}

#[test]
fn a_sealed_entry_rewritten_with_its_chain_is_caught() {
    let mut book = two_wallets();
    book.seal();
    book.entries[0].entry.description = Some("rewritten".into());
    book.rehash();
    let problems = only_failure(&book.report(), "seals");
    assert_eq!(
        problems,
        ["seal 1 recorded another hash for entry txn_3 of wallet wlt_u (wallet_seq 2)"],
        "the rewrite changed u's head, which the seal recorded"
    );
}

#[test]
fn an_edited_or_reordered_seal_breaks_the_seal_chain() {
    let mut book = two_wallets();
    book.seal();
    book.deposit(1, "1");
    book.seal();
    book.seals[0].actor = "mallory".into();
    assert_problems(
        &book.report(),
        "seals",
        &["seal 1 does not match its hash or does not follow seal 0"],
    );
    book.seals[0].hash = book.seals[0].recomputed_hash();
    assert_problems(
        &book.report(),
        "seals",
        &["seal 2 does not match its hash or does not follow seal 1"],
    );
    book.seals.swap(0, 1);
    assert_eq!(check(&book.report(), "seals").problems_total, 2);
}
