//! Wallet status changes: recorded with the wallet's new status, listed, and read as of a
//! past instant (what `ops` derives a past wallet from).

use super::{at, deposit, open, page, scope};
use crate::ledger::model::{StatusChange, Wallet, WalletStatus};
use crate::ledger::time::Timestamp;
use crate::store::{Queries, Storage};

/// `wallet` moved to `to` at `now`, and the change that records it.
fn moved(wallet: &Wallet, to: WalletStatus, now: Timestamp) -> (Wallet, StatusChange) {
    let change = StatusChange {
        wallet_id: wallet.id.clone(),
        from: wallet.status,
        to,
        reason: format!("to {}", to.as_str()),
        actor: "cli:conformance".into(),
        created_at: now,
    };
    let mut after = wallet.clone();
    after.status = to;
    after.updated_at = now;
    (after, change)
}

pub(super) fn a_status_change_is_recorded_with_the_wallets_new_status<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let (frozen, change) = moved(&wallet, WalletStatus::Frozen, at("10:00"));
            let first_seq = tx.change_status(&wallet, &frozen, &change)?;
            assert_eq!(tx.wallet(&wallet.id)?, Some(frozen.clone()));
            let (active, back) = moved(&frozen, WalletStatus::Active, at("11:00"));
            let second_seq = tx.change_status(&frozen, &active, &back)?;
            assert!(second_seq > first_seq, "seqs follow the order of the changes");
            assert_eq!(
                tx.all_status_changes()?,
                vec![(first_seq, change.clone()), (second_seq, back.clone())]
            );
            let listed = tx.status_changes(&wallet.id, page(1, 1))?;
            assert_eq!((listed.items, listed.total), (vec![back], 2), "newest first");
            assert_eq!(tx.status_changes(&wallet.id, page(2, 1))?.items, vec![change]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_status_change_from_a_status_the_wallet_no_longer_has_is_refused<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let (frozen, change) = moved(&wallet, WalletStatus::Frozen, at("10:00"));
            tx.change_status(&wallet, &frozen, &change)?;
            let (closed, stale) = moved(&wallet, WalletStatus::Closed, at("11:00"));
            assert!(tx.isolated(|tx| tx.change_status(&wallet, &closed, &stale))?.is_err());
            assert_eq!(tx.wallet(&wallet.id)?.map(|w| w.status), Some(WalletStatus::Frozen));
            assert_eq!(tx.all_status_changes()?.len(), 1, "the refused change is not kept");
            Ok(())
        })
        .unwrap();
}

pub(super) fn status_at_is_the_last_change_up_to_the_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            assert_eq!(tx.status_at(&wallet.id, at("12:00"))?, None, "never changed");
            let (frozen, change) = moved(&wallet, WalletStatus::Frozen, at("10:00"));
            tx.change_status(&wallet, &frozen, &change)?;
            let (closed, close) = moved(&frozen, WalletStatus::Closed, at("11:00"));
            tx.change_status(&frozen, &closed, &close)?;
            assert_eq!(tx.status_at(&wallet.id, at("09:59"))?, None);
            assert_eq!(tx.status_at(&wallet.id, at("10:00"))?, Some(WalletStatus::Frozen));
            assert_eq!(tx.status_at(&wallet.id, at("12:00"))?, Some(WalletStatus::Closed));
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            assert_eq!(tx.status_at(&other.id, at("12:00"))?, None, "another wallet's changes");
            Ok(())
        })
        .unwrap();
}

pub(super) fn last_change_at_is_the_latest_entry_or_status_change_up_to_the_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            assert_eq!(tx.last_change_at(&wallet.id, at("12:00"))?, None);
            deposit(tx, &wallet.id, "1.00", "10:00");
            let current = tx.wallet(&wallet.id)?.expect("the wallet");
            let (frozen, change) = moved(&current, WalletStatus::Frozen, at("11:00"));
            tx.change_status(&current, &frozen, &change)?;
            assert_eq!(tx.last_change_at(&wallet.id, at("09:59"))?, None);
            assert_eq!(tx.last_change_at(&wallet.id, at("10:30"))?, Some(at("10:00")));
            assert_eq!(tx.last_change_at(&wallet.id, at("12:00"))?, Some(at("11:00")));
            Ok(())
        })
        .unwrap();
}
