//! The `transfers` check: both legs of every transfer, paired, and the clearing account at zero.

use super::*;

/// Wallet 0 funded with 100.00 sends 30.00 to wallet 1.
fn sent() -> (Book, String, String) {
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100");
    let (out, into) = book.transfer(0, 1, "30");
    (book, out, into)
}

#[test]
fn a_transfer_passes_every_check_with_both_legs_counted() {
    let (mut book, ..) = sent();
    book.transfer(1, 0, "30");
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "transfers").checked, 4);
    assert_eq!((book.wallets[0].available, book.wallets[1].available), (10000, 0));
}

#[test]
fn a_transfer_out_without_its_transfer_in_fails_transfers() {
    let (mut book, out, into) = sent();
    book.entries.retain(|e| e.entry.id != into);
    book.wallets[1].available = 0;
    let r = book.report();
    let problems = &check(&r, "transfers").problems;
    assert_eq!(
        problems,
        &[
            format!("transfer_out {out} has no transfer_in"),
            "the transfers clearing account in CNY holds -3000 minor units, not zero".to_owned()
        ]
    );
}

#[test]
fn a_transfer_in_naming_anything_but_a_waiting_transfer_out_fails_transfers() {
    let (mut book, out, into) = sent();
    let deposit = book.entries[0].entry.id.to_string();
    book.entry(&into).original_id = Some(deposit.clone().into());
    book.rehash();
    let r = book.report();
    assert_eq!(
        check(&r, "transfers").problems[..2],
        [
            format!("transfer_in {into} names {deposit}, which is not an earlier transfer_out without its transfer_in"),
            format!("transfer_out {out} has no transfer_in"),
        ]
    );
}

#[test]
fn a_transfer_in_the_senders_own_wallet_or_of_another_amount_fails_transfers() {
    let (mut book, _, into) = sent();
    book.entry(&into).wallet_id = book.wallets[0].id.clone();
    book.rehash();
    let problems = check(&book.report(), "transfers").problems.clone();
    assert!(
        problems.contains(&format!("transfer_in {into} is in the sender's own wallet")),
        "{problems:?}"
    );
}

#[test]
fn another_entry_posting_to_the_clearing_account_fails_transfers() {
    let mut book = Book::new(&["u"]);
    let deposit = book.deposit(0, "100");
    for p in book.entry(&deposit).postings.iter_mut() {
        if p.account.starts_with("assets:settlement") {
            p.account = "liabilities:transfers:CNY".into();
        }
    }
    book.rehash();
    let r = book.report();
    assert!(
        check(&r, "transfers").problems[0]
            .contains(&format!("deposit {deposit} posts to the transfers clearing account")),
        "{:?}",
        r.broken()
    );
}

/// One wallet's integrity pairs its legs with the other wallet's, met as skipped entries, and
/// judges nothing of the other wallet's own.
#[test]
fn one_wallets_check_pairs_its_legs_with_the_other_wallets() {
    let (book, ..) = sent();
    for w in 0..2 {
        let wallets = std::slice::from_ref(&book.wallets[w]);
        let mut v = Verifier::new(&[], wallets, &[]);
        for e in &book.entries {
            if e.entry.wallet_id == book.wallets[w].id {
                v.entry(e, &Rows(&book.entries)).expect("the rows answer");
            } else {
                v.skip(e);
            }
        }
        let r = v.finish(wallets, &[], Vec::new());
        assert!(r.ok(), "wallet {w}: {:?}", r.broken());
        assert_eq!(check(&r, "transfers").checked, 1);
    }
}
