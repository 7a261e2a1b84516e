//! Wallets: stored and read back, scoped to their tenant and application, listed and paged.

use super::{open, page, scope};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Wallet, WalletStatus};
use crate::ledger::money::Currency;
use crate::store::{Queries, Storage};

pub(super) fn an_inserted_wallet_is_read_back_whole_by_id_and_by_user<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            let wallet = open(tx, &tnt, "usr_1");
            assert_eq!(tx.wallet(&wallet.id)?, Some(wallet.clone()));
            assert_eq!(tx.wallet_of_user(&tnt, "usr_1")?, Some(wallet));
            assert_eq!(tx.wallet(&WalletId::mint())?, None);
            assert_eq!(tx.wallet_of_user(&tnt, "usr_2")?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_wallet_is_not_found_by_its_user_in_another_tenant_or_application<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            open(tx, &scope("tnt", "app"), "usr_1");
            assert_eq!(tx.wallet_of_user(&scope("tnt_2", "app"), "usr_1")?, None);
            assert_eq!(tx.wallet_of_user(&scope("tnt", "app_2"), "usr_1")?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn the_same_user_has_one_wallet_per_scope<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            let first = open(tx, &tnt, "usr_1");
            let other_tenant = open(tx, &scope("tnt_2", "app"), "usr_1");
            assert_ne!(first.id, other_tenant.id);
            assert_eq!(tx.wallet_of_user(&tnt, "usr_1")?.map(|w| w.id), Some(first.id));
            // A second wallet for the same user in the same scope is refused.
            let twin = Wallet::open(&tnt, "usr_1", Currency::CNY, WalletId::mint(), super::at("10:00"));
            assert!(tx.insert_wallet(&twin).is_err());
            Ok(())
        })
        .unwrap();
}

pub(super) fn wallets_pages_one_scope_in_id_order_with_the_total_of_all_pages<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            let ids: Vec<WalletId> = ["usr_c", "usr_a", "usr_b"]
                .iter()
                .map(|u| open(tx, &tnt, u).id)
                .collect();
            open(tx, &scope("tnt_2", "app"), "usr_x");
            let first = tx.wallets(&tnt, None, page(1, 2))?;
            let second = tx.wallets(&tnt, None, page(2, 2))?;
            assert_eq!(
                (first.total, second.total),
                (3, 3),
                "the other tenant's wallet is not counted"
            );
            let listed: Vec<WalletId> = first.items.into_iter().chain(second.items).map(|w| w.id).collect();
            assert_eq!(listed, ids, "minted ids sort in minting order");
            assert!(tx.wallets(&tnt, None, page(3, 2))?.items.is_empty());
            Ok(())
        })
        .unwrap();
}

pub(super) fn wallets_filters_by_status_and_counts_only_the_matches<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            open(tx, &tnt, "usr_1");
            let mut frozen = Wallet::open(&tnt, "usr_2", Currency::CNY, WalletId::mint(), super::at("09:00"));
            frozen.status = WalletStatus::Frozen;
            tx.insert_wallet(&frozen)?;
            let listed = tx.wallets(&tnt, Some(WalletStatus::Frozen), page(1, 10))?;
            assert_eq!((listed.total, listed.items), (1, vec![frozen]));
            assert_eq!(tx.wallets(&tnt, Some(WalletStatus::Closed), page(1, 10))?.total, 0);
            assert_eq!(tx.wallets(&tnt, None, page(1, 10))?.total, 2);
            Ok(())
        })
        .unwrap();
}

pub(super) fn for_each_wallet_hands_one_scope_in_user_id_order_and_counts_them<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            // Minted in another order than their users', so id order would fail the test.
            for user in ["usr_c", "usr_a", "usr_b"] {
                open(tx, &tnt, user);
            }
            open(tx, &scope("tnt", "app_2"), "usr_0");
            let mut users = Vec::new();
            let count = tx.for_each_wallet(&tnt, None, |w| {
                users.push(w.user_id);
                Ok(())
            })?;
            assert_eq!(count, 3);
            assert_eq!(users, ["usr_a", "usr_b", "usr_c"]);
            let frozen = tx.for_each_wallet(&tnt, Some(WalletStatus::Frozen), |_| Ok(()))?;
            assert_eq!(frozen, 0);
            Ok(())
        })
        .unwrap();
}

pub(super) fn all_wallets_lists_every_scope_in_id_order<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let ids = vec![
                open(tx, &scope("tnt_b", "app"), "usr_1").id,
                open(tx, &scope("tnt_a", "app"), "usr_1").id,
                open(tx, &scope("tnt_a", "app_2"), "usr_1").id,
            ];
            let listed: Vec<WalletId> = tx.all_wallets()?.into_iter().map(|w| w.id).collect();
            assert_eq!(listed, ids);
            Ok(())
        })
        .unwrap();
}
