//! A wallet's history (`transactions`): newest first, narrowed by type, time, reference and a
//! cursor, paged with the total of the whole filtered list.

use super::{apply, at, deposit, open, page, scope};
use crate::error::Result;
use crate::ledger::ids::{TransactionId, WalletId};
use crate::ledger::model::TxType;
use crate::ledger::operations::Operation;
use crate::ledger::request::EntryFilter;
use crate::store::{Queries, Storage};

/// A wallet with a deposit (10:00, reference `r1`), a withdrawal (10:10) and a deposit (10:20),
/// and another wallet's deposit in between; the wallet's ids oldest first.
fn history<S: Storage>(store: &mut S) -> (WalletId, Vec<TransactionId>) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            let first = Operation::deposit("100.00", None, Some("r1".into()))?;
            let ids = vec![
                apply(tx, &wallet.id, &first, "10:00")?.entry.id,
                apply(tx, &wallet.id, &Operation::withdraw("1.00", None, None)?, "10:10")?
                    .entry
                    .id,
            ];
            deposit(tx, &other.id, "3.00", "10:15");
            let last = deposit(tx, &wallet.id, "2.00", "10:20").id;
            Ok((wallet.id, [ids, vec![last]].concat()))
        })
        .unwrap()
}

/// The ids and total `transactions` answers for `filter`, on a page of ten.
fn listed<Q: Queries>(tx: &Q, wallet: &WalletId, filter: &EntryFilter) -> Result<(Vec<TransactionId>, u64)> {
    let paged = tx.transactions(wallet, filter, page(1, 10))?;
    Ok((paged.items.into_iter().map(|(t, _)| t.id).collect(), paged.total))
}

pub(super) fn transactions_are_one_wallets_newest_first<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let answer = store.read(|tx| listed(tx, &wallet, &EntryFilter::default())).unwrap();
    assert_eq!(answer, (vec![ids[2].clone(), ids[1].clone(), ids[0].clone()], 3));
}

pub(super) fn transactions_filter_by_type<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let filter = EntryFilter {
        types: vec![TxType::Withdraw, TxType::Refund],
        ..EntryFilter::default()
    };
    let answer = store.read(|tx| listed(tx, &wallet, &filter)).unwrap();
    assert_eq!(answer, (vec![ids[1].clone()], 1));
}

pub(super) fn transactions_filter_from_inclusive_to_exclusive<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let filter = EntryFilter {
        from: Some(at("10:10")),
        to: Some(at("10:20")),
        ..EntryFilter::default()
    };
    let answer = store.read(|tx| listed(tx, &wallet, &filter)).unwrap();
    assert_eq!(answer, (vec![ids[1].clone()], 1));
}

pub(super) fn transactions_filter_by_reference<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let filter = EntryFilter {
        reference_id: Some("r1".into()),
        ..EntryFilter::default()
    };
    let answer = store.read(|tx| listed(tx, &wallet, &filter)).unwrap();
    assert_eq!(answer, (vec![ids[0].clone()], 1));
}

pub(super) fn transactions_before_a_cursor_are_only_the_older_ones<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let filter = EntryFilter {
        before: Some(ids[1].clone()),
        ..EntryFilter::default()
    };
    let answer = store.read(|tx| listed(tx, &wallet, &filter)).unwrap();
    assert_eq!(answer, (vec![ids[0].clone()], 1));
}

pub(super) fn transactions_pages_count_the_whole_filtered_list<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let filter = EntryFilter::default();
    let (first, second) = store
        .read(|tx| {
            Ok((
                tx.transactions(&wallet, &filter, page(1, 2))?,
                tx.transactions(&wallet, &filter, page(2, 2))?,
            ))
        })
        .unwrap();
    assert_eq!((first.total, second.total), (3, 3));
    let first: Vec<_> = first.items.into_iter().map(|(t, _)| t.id).collect();
    let second: Vec<_> = second.items.into_iter().map(|(t, _)| t.id).collect();
    assert_eq!(first, vec![ids[2].clone(), ids[1].clone()]);
    assert_eq!(second, vec![ids[0].clone()]);
}

pub(super) fn transactions_carry_the_refunded_sum_of_each<S: Storage>(mut store: S) {
    let (wallet, ids) = history(&mut store);
    let refunded = store
        .write(|tx| {
            let refund = Operation::refund(&ids[0], Some("4.00"), None, None)?;
            apply(tx, &wallet, &refund, "10:30")?;
            let paged = tx.transactions(&wallet, &EntryFilter::default(), page(1, 10))?;
            Ok(paged.items.into_iter().map(|(t, sum)| (t.id, sum)).collect::<Vec<_>>())
        })
        .unwrap();
    assert_eq!(
        refunded[1..],
        [(ids[2].clone(), 0), (ids[1].clone(), 0), (ids[0].clone(), 400)]
    );
}
