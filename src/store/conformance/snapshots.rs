//! Snapshots: a run and its rows stored as given and read back, once per scope and day, pages
//! newest day first, and the wallet's last entry before an instant.

use chrono::NaiveDate;

use super::{at, deposit, open, page, scope};
use crate::ledger::model::Wallet;
use crate::ledger::reconcile::Day;
use crate::ledger::snapshot::{LastEntry, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::store::{Queries, Storage};

fn date(text: &str) -> NaiveDate {
    Day::parse("date", text).expect("a date").date
}

fn run(wallet: &Wallet, day: &str, count: u64) -> SnapshotRun {
    let day = Day::parse("date", day).expect("a date");
    SnapshotRun {
        scope: wallet.scope(),
        date: day.date,
        snapshot_at: day.end,
        wallets_total: 3,
        snapshot_count: count,
        actor: "cli:conformance".into(),
        created_at: at("23:00"),
        timezone: "UTC".into(),
    }
}

fn row(wallet: &Wallet, day: &str, available: i64, last: Option<LastEntry>) -> WalletSnapshot {
    let day = Day::parse("date", day).expect("a date");
    WalletSnapshot::of(wallet, &day, available, 5, last).expect("a row")
}

pub(super) fn a_snapshot_is_read_back_as_stored_and_taken_once_per_scope_and_day<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let alice = open(tx, &scope("tnt", "app"), "alice");
            let bob = open(tx, &scope("tnt", "app"), "bob");
            let carol = open(tx, &scope("tnt", "other"), "carol");
            let entry = deposit(tx, &alice.id, "1.00", "10:00");
            let stored = tx.last_entry_before(&alice.id, at("10:01"))?.expect("an entry");
            let rows = vec![
                row(&alice, "2026-04-14", 100, Some(stored.clone())),
                row(&bob, "2026-04-14", 0, None),
            ];
            tx.insert_snapshot(&run(&alice, "2026-04-14", 2), &rows)?;
            tx.insert_snapshot(&run(&carol, "2026-04-14", 1), &[row(&carol, "2026-04-14", 7, None)])?;
            tx.insert_snapshot(
                &run(&alice, "2026-04-15", 1),
                &[row(&alice, "2026-04-15", 200, Some(stored))],
            )?;
            assert_eq!(
                tx.snapshot_run(&scope("tnt", "app"), date("2026-04-14"))?,
                Some(run(&alice, "2026-04-14", 2))
            );
            assert_eq!(tx.snapshot_run(&scope("tnt", "app"), date("2026-04-13"))?, None);
            assert_eq!(tx.snapshot_run(&scope("tnt", "nope"), date("2026-04-14"))?, None);
            let all = tx.snapshots(&scope("tnt", "app"), &SnapshotFilter::default(), page(1, 10))?;
            let shown: Vec<(&str, NaiveDate)> = all.items.iter().map(|r| (r.user_id.as_str(), r.date)).collect();
            assert_eq!(
                shown,
                [
                    ("alice", date("2026-04-15")),
                    ("alice", date("2026-04-14")),
                    ("bob", date("2026-04-14"))
                ],
                "newest day first, then by user; carol's application apart"
            );
            assert_eq!(all.items[1], rows[0], "a row reads back as stored");
            assert_eq!(all.items[1].last.as_ref().map(|l| &l.transaction_id), Some(&entry.id));
            let bobs = SnapshotFilter {
                date: Some(date("2026-04-14")),
                user_id: Some("bob".into()),
            };
            assert_eq!(
                tx.snapshots(&scope("tnt", "app"), &bobs, page(1, 10))?.items,
                [rows[1].clone()]
            );
            let second = tx.snapshots(&scope("tnt", "app"), &SnapshotFilter::default(), page(2, 2))?;
            assert_eq!((second.items.len(), second.total), (1, 3));
            assert_eq!(tx.all_snapshots()?.len(), 4);
            assert_eq!(tx.all_snapshot_runs()?.len(), 3);
            Ok(())
        })
        .unwrap();
    let again = store.write(|tx| {
        let alice = tx.wallet_of_user(&scope("tnt", "app"), "alice")?.expect("alice");
        tx.insert_snapshot(&run(&alice, "2026-04-14", 0), &[])
    });
    assert!(again.is_err(), "a second snapshot of one scope and day is refused");
}

pub(super) fn last_entry_before_is_the_wallets_highest_entry_made_before_the_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            assert_eq!(tx.last_entry_before(&wallet.id, at("23:00"))?, None);
            deposit(tx, &wallet.id, "1.00", "10:00");
            let second = deposit(tx, &wallet.id, "2.00", "11:00");
            deposit(tx, &other.id, "3.00", "11:30");
            deposit(tx, &wallet.id, "4.00", "12:00");
            let last = tx
                .last_entry_before(&wallet.id, at("12:00"))?
                .expect("two entries before noon");
            assert_eq!((last.wallet_seq, &last.transaction_id), (2, &second.id));
            assert_eq!(
                tx.last_entry_before(&wallet.id, at("10:00"))?,
                None,
                "until is exclusive"
            );
            assert_eq!(
                tx.last_entry_before(&wallet.id, at("12:01"))?.map(|l| l.wallet_seq),
                Some(3)
            );
            Ok(())
        })
        .unwrap();
}
