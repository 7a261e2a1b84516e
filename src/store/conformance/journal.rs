//! The journal: appended entries read back, the chain head, refunds, lookups by reference,
//! streaming, and the guarded balance update.

use super::{append_plan, apply, at, deposit, open, plan, scope};
use crate::ledger::chain::GENESIS_HASH;
use crate::ledger::ids::TransactionId;
use crate::ledger::model::TxType;
use crate::ledger::operations::{Direction, Operation};
use crate::store::{Queries, Storage};

pub(super) fn an_appended_entry_is_read_back_with_its_postings_and_moves_its_wallet<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let entry = deposit(tx, &wallet.id, "1000.00", "10:00");
            let read = tx.entry(&entry.id)?.expect("the entry is stored");
            assert_eq!(read, entry);
            assert_eq!(read.postings.len(), 2);
            let after = tx.wallet(&wallet.id)?.expect("the wallet");
            assert_eq!((after.available, after.frozen), (100_000, 0));
            assert_eq!(after.updated_at, at("10:00"));
            assert_eq!(tx.entry(&TransactionId::mint())?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn each_wallet_chain_starts_at_genesis_and_its_head_follows_its_last_entry<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            assert_eq!(tx.wallet_heads()?, []);
            let u = open(tx, &scope("tnt", "app"), "usr_1");
            let v = open(tx, &scope("tnt", "app"), "usr_2");
            let op = Operation::deposit("5.00", None, None)?;
            let first = apply(tx, &u.id, &op, "10:00")?;
            assert_eq!(
                (first.seq, first.wallet_seq, first.prev_hash.as_str()),
                (1, 1, GENESIS_HASH)
            );
            let other = apply(tx, &v.id, &op, "10:01")?;
            assert_eq!(
                (other.seq, other.wallet_seq, other.prev_hash.as_str()),
                (2, 1, GENESIS_HASH)
            );
            let second = apply(tx, &u.id, &op, "10:02")?;
            assert_eq!((second.seq, second.wallet_seq), (3, 2));
            assert_eq!(second.prev_hash, first.hash, "linked to its wallet's last entry");
            let mut heads = tx.wallet_heads()?;
            heads.sort_by_key(|h| h.wallet_seq);
            let heads: Vec<_> = heads.into_iter().map(|h| (h.wallet_id, h.wallet_seq, h.hash)).collect();
            assert_eq!(heads, [(v.id, 1, other.hash), (u.id, 2, second.hash)]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn refunded_sums_every_refund_of_one_transaction_only<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let first = deposit(tx, &wallet.id, "100.00", "10:00");
            let second = deposit(tx, &wallet.id, "100.00", "10:01");
            for (amount, time) in [("10.00", "10:02"), ("2.50", "10:03")] {
                let refund = Operation::refund(&first.id, Some(amount), None, None)?;
                apply(tx, &wallet.id, &refund, time)?;
            }
            assert_eq!(tx.refunded(&first.id)?, 1_250);
            assert_eq!(tx.refunded(&second.id)?, 0);
            Ok(())
        })
        .unwrap();
}

pub(super) fn refund_original_is_the_entry_with_its_wallets_refunds_before_the_refund<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let first = deposit(tx, &wallet.id, "100.00", "10:00");
            let second = deposit(tx, &wallet.id, "100.00", "10:01");
            let mut refunds = Vec::new();
            for (amount, time) in [("10.00", "10:02"), ("2.50", "10:03")] {
                let refund = Operation::refund(&first.id, Some(amount), None, None)?;
                refunds.push(apply(tx, &wallet.id, &refund, time)?.seq);
            }
            let of = |id: &TransactionId, before: i64| {
                tx.refund_original(id, before)
                    .map(|o| o.map(|o| (o.wallet_id, o.kind, o.amount, o.refunded_before)))
            };
            let original = tx.refund_original(&first.id, refunds[1])?.expect("the original");
            assert!(original.seq < refunds[0]);
            assert_eq!(
                of(&first.id, refunds[0])?,
                Some((wallet.id.clone(), TxType::Deposit, 10_000, 0))
            );
            assert_eq!(
                of(&first.id, refunds[1])?,
                Some((wallet.id.clone(), TxType::Deposit, 10_000, 1_000))
            );
            assert_eq!(
                of(&first.id, i64::MAX)?,
                Some((wallet.id.clone(), TxType::Deposit, 10_000, 1_250))
            );
            assert_eq!(
                of(&second.id, i64::MAX)?,
                Some((wallet.id.clone(), TxType::Deposit, 10_000, 0))
            );
            assert_eq!(of(&TransactionId::mint(), i64::MAX)?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn entries_lists_newest_first_of_one_wallet_or_of_the_ledger_with_refunded_sums<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let mine = open(tx, &scope("tnt", "app"), "usr_1");
            let theirs = open(tx, &scope("tnt_2", "app"), "usr_1");
            let old = deposit(tx, &mine.id, "100.00", "10:00");
            let other = deposit(tx, &theirs.id, "7.00", "10:01");
            let refund = Operation::refund(&old.id, Some("1.00"), None, None)?;
            let new = apply(tx, &mine.id, &refund, "10:02")?.entry;
            let filter = Default::default();
            let listed = tx.entries(Some(&mine.id), &filter, super::page(1, 10))?;
            assert_eq!(listed.total, 2);
            assert_eq!(listed.items, vec![(new.clone(), 0), (old.clone(), 100)]);
            let ledger = tx.entries(None, &filter, super::page(1, 10))?;
            let ids: Vec<_> = ledger.items.iter().map(|(e, _)| e.id.clone()).collect();
            assert_eq!((ledger.total, ids), (3, vec![new.id, other.id, old.id]));
            Ok(())
        })
        .unwrap();
}

pub(super) fn entry_by_reference_is_per_wallet_and_operation_with_both_adjust_directions_one<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            let op = Operation::deposit("5.00", None, Some("r1".into()))?;
            let entry = apply(tx, &wallet.id, &op, "10:00")?.entry;
            assert_eq!(tx.entry_by_reference(&wallet.id, TxType::Deposit, "r1")?, Some(entry));
            assert_eq!(tx.entry_by_reference(&wallet.id, TxType::Withdraw, "r1")?, None);
            assert_eq!(tx.entry_by_reference(&other.id, TxType::Deposit, "r1")?, None);
            assert_eq!(tx.entry_by_reference(&wallet.id, TxType::Deposit, "r2")?, None);
            let adjust = Operation::adjust(Direction::Credit, "1.00", "fix", Some("r9".into()))?;
            let credit = apply(tx, &wallet.id, &adjust, "10:01")?.entry;
            assert_eq!(
                tx.entry_by_reference(&wallet.id, TxType::AdjustDebit, "r9")?,
                Some(credit)
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_second_entry_with_a_used_reference_is_refused_as_a_conflict<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let op = Operation::deposit("5.00", None, Some("r1".into()))?;
            apply(tx, &wallet.id, &op, "10:00")?;
            // The rule does not look the reference up; the store's unique reference must.
            let again = apply(tx, &wallet.id, &op, "10:01").unwrap_err();
            assert_eq!(again.code(), "reference_conflict");
            Ok(())
        })
        .unwrap();
}

pub(super) fn for_each_entry_streams_in_chain_order_from_since_with_postings<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            for time in ["10:00", "10:05", "10:10"] {
                deposit(tx, &wallet.id, "1.00", time);
            }
            let mut seen = Vec::new();
            let strays = tx.for_each_entry(Some(at("10:05")), |row| {
                seen.push((row.seq, row.entry.created_at, row.entry.postings.len()));
                Ok(())
            })?;
            assert!(strays.is_empty());
            assert_eq!(seen, vec![(2, at("10:05"), 2), (3, at("10:10"), 2)]);
            let mut all = 0;
            tx.for_each_entry(None, |_| {
                all += 1;
                Ok(())
            })?;
            assert_eq!(all, 3);
            let mut later = 0;
            tx.for_each_entry(Some(at("11:00")), |_| {
                later += 1;
                Ok(())
            })?;
            assert_eq!(later, 0);
            Ok(())
        })
        .unwrap();
}

pub(super) fn an_append_over_a_stale_wallet_is_refused_and_its_transaction_keeps_nothing<S: Storage>(mut store: S) {
    let wallet = store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "10.00", "10:00");
            Ok(wallet)
        })
        .unwrap();
    let head = store.read(|tx| tx.wallet_heads()).unwrap();
    let refused = store
        .write(|tx| {
            let stale = tx.wallet(&wallet.id)?.expect("the wallet");
            let op = Operation::deposit("1.00", None, None)?;
            let late = plan(tx, &stale, &op, "10:02")?;
            deposit(tx, &wallet.id, "2.00", "10:01");
            append_plan(tx, late, &stale)
        })
        .unwrap_err();
    assert_eq!(refused.code(), "internal_error");
    store
        .read(|tx| {
            assert_eq!(tx.wallet_heads()?, head, "neither deposit was kept");
            assert_eq!(tx.wallet(&wallet.id)?.map(|w| w.available), Some(1_000));
            Ok(())
        })
        .unwrap();
}

pub(super) fn balance_proof_is_the_wallets_last_entry_and_its_active_freezes<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let tnt = scope("tnt", "app");
            let wallet = open(tx, &tnt, "usr_1");
            let empty = tx.balance_proof(&wallet.id)?;
            assert_eq!((empty.last_entry, empty.active_frozen), (None, 0));
            deposit(tx, &wallet.id, "100.00", "10:00");
            let op = Operation::freeze("30.00", Some("dispute".into()), None)?;
            let frozen = apply(tx, &wallet.id, &op, "10:01")?;
            let other = open(tx, &tnt, "usr_2");
            deposit(tx, &other.id, "5.00", "10:02");
            let proof = tx.balance_proof(&wallet.id)?;
            let last = proof.last_entry.expect("the wallet has entries");
            assert_eq!((last.seq, last.hash), (frozen.seq, frozen.hash), "its own last entry");
            assert_eq!(proof.active_frozen, 3_000);
            Ok(())
        })
        .unwrap();
}
