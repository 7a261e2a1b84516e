//! The `snapshots` check: a stored snapshot agrees with the journal up to its instant, and
//! each kind of edit to one fails exactly this check.

use super::*;
use crate::ledger::reconcile::Day;
use crate::ledger::snapshot::{LastEntry, WalletSnapshot};
use crate::ledger::time::Timestamp;

/// Wallet u: a deposit of 100.00 and a freeze of 30.00, both on 2026-01-01; wallet v: nothing.
fn book() -> Book {
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100");
    book.freeze(0, "30");
    book
}

/// Wallet `w`'s snapshot of `date` holding these balances and last entry.
fn row(book: &Book, w: usize, date: &str, available: i64, frozen: i64, last: Option<usize>) -> WalletSnapshot {
    let day = Day::parse("date", date).unwrap();
    let last = last.map(|i| {
        let e = &book.entries[i];
        LastEntry {
            wallet_seq: e.wallet_seq,
            transaction_id: e.entry.id.clone(),
            hash: e.hash.clone(),
        }
    });
    WalletSnapshot::of(&book.wallets[w], &day, available, frozen, last).unwrap()
}

/// The snapshots the ledger would have taken: the day before the entries, and their day.
fn honest(book: &Book) -> Vec<WalletSnapshot> {
    vec![
        row(book, 0, "2025-12-31", 0, 0, None),
        row(book, 0, "2026-01-01", 7000, 3000, Some(1)),
        row(book, 1, "2026-01-01", 0, 0, None),
    ]
}

fn verified(book: &Book, rows: Vec<WalletSnapshot>) -> Report {
    let mut snapshots = Snapshots::new(rows);
    book.entries.iter().for_each(|e| snapshots.entry(e));
    book.verify(&[], vec![snapshots.finish()])
}

#[test]
fn honest_snapshots_pass_every_check_each_counted() {
    let book = book();
    let r = verified(&book, honest(&book));
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, SNAPSHOTS_CHECK).checked, 3);
}

#[test]
fn a_later_entry_counts_toward_later_snapshots_only() {
    let mut book = book();
    let deposit = book.deposit(0, "5");
    let at: Timestamp = "2026-01-03T12:00:00Z".parse().unwrap();
    book.entry(&deposit).created_at = at;
    book.rehash();
    let mut rows = honest(&book);
    rows.push(row(&book, 0, "2026-01-03", 7500, 3000, Some(2)));
    let r = verified(&book, rows);
    assert!(r.ok(), "{:?}", r.broken());
}

#[test]
fn a_stored_balance_the_postings_do_not_give_fails_snapshots() {
    let book = book();
    let mut rows = honest(&book);
    rows[1] = row(&book, 0, "2026-01-01", 7100, 3000, Some(1));
    let r = verified(&book, rows);
    assert_problems(
        &r,
        SNAPSHOTS_CHECK,
        &["the snapshot of wallet wlt_u (u) on 2026-01-01 stores available 71.00; the journal's postings up to 2026-01-02T00:00:00Z give 70.00"],
    );
}

#[test]
fn a_total_that_is_not_available_plus_frozen_fails_snapshots() {
    let book = book();
    let mut rows = honest(&book);
    rows[1].balance = 9000;
    let problems = only_failure(&verified(&book, rows), SNAPSHOTS_CHECK);
    assert!(problems[0].contains("stores balance 90.00"), "{problems:?}");
}

#[test]
fn a_recorded_last_entry_that_is_not_the_wallets_last_by_then_fails_snapshots() {
    let book = book();
    let mut rows = honest(&book);
    rows[1] = row(&book, 0, "2026-01-01", 7000, 3000, Some(0));
    let problems = only_failure(&verified(&book, rows.clone()), SNAPSHOTS_CHECK);
    assert!(problems[0].contains("records its last entry as txn_1"), "{problems:?}");
    rows[1].last.as_mut().unwrap().wallet_seq = 2;
    rows[1].last.as_mut().unwrap().hash = "0".repeat(64);
    let problems = only_failure(&verified(&book, rows), SNAPSHOTS_CHECK);
    assert!(problems[0].contains("hash 0000"), "{problems:?}");
}

#[test]
fn an_entry_left_out_of_a_snapshot_fails_snapshots() {
    let book = book();
    let mut rows = honest(&book);
    rows[0] = row(&book, 0, "2025-12-31", 0, 0, Some(0));
    rows[2] = row(&book, 1, "2026-01-01", 0, 0, None);
    let problems = only_failure(&verified(&book, rows), SNAPSHOTS_CHECK);
    assert_eq!(
        problems,
        [
            "the snapshot of wallet wlt_u (u) on 2025-12-31 records its last entry as txn_1 (wallet_seq 1, hash "
                .to_owned()
                + &book.entries[0].hash
                + "); the journal's is no entry"
        ]
    );
}
