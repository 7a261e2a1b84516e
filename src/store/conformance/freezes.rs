//! Freezes: created by a freeze's plan, read back, listed per wallet, released by an unfreeze.

use super::{append_plan, apply, at, context, deposit, open, page, scope};
use crate::error::Result;
use crate::ledger::ids::{FreezeId, WalletId};
use crate::ledger::model::{Freeze, FreezeStatus};
use crate::ledger::operations::{capture, Operation, Referent};
use crate::store::{Queries, Storage};

fn freeze_op(amount: &str) -> Operation {
    Operation::freeze(amount, Some("dispute".into()), None).expect("a valid freeze")
}

/// Freezes `amount` of a wallet at `time`; the new freeze's id.
fn freeze<Q: Queries>(tx: &Q, wallet_id: &WalletId, amount: &str, time: &str) -> Result<FreezeId> {
    Ok(apply(tx, wallet_id, &freeze_op(amount), time)?
        .entry
        .freeze_id
        .expect("a freeze"))
}

pub(super) fn a_freezes_plan_stores_an_active_freeze_and_moves_available_to_frozen<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            let entry = apply(tx, &wallet.id, &freeze_op("30.00"), "10:01")?.entry;
            let id = entry.freeze_id.expect("a freeze entry names its freeze");
            let record = tx.freeze(&id)?.expect("the freeze is stored");
            assert_eq!(
                (record.wallet_id.clone(), record.amount.minor(), record.status),
                (wallet.id.clone(), 3_000, FreezeStatus::Active)
            );
            assert_eq!(
                (record.reason.as_deref(), record.created_at),
                (Some("dispute"), at("10:01"))
            );
            let after = tx.wallet(&wallet.id)?.expect("the wallet");
            assert_eq!((after.available, after.frozen), (7_000, 3_000));
            assert_eq!(tx.freeze(&FreezeId::mint())?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn an_unfreeze_releases_its_freeze_with_the_time_and_reason<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            let id = freeze(tx, &wallet.id, "30.00", "10:01")?;
            let unfreeze = Operation::unfreeze(&id, Some("cleared".into()), None)?;
            apply(tx, &wallet.id, &unfreeze, "10:02")?;
            let record = tx.freeze(&id)?.expect("the freeze");
            assert_eq!(record.status, FreezeStatus::Released);
            assert_eq!(record.released_at, Some(at("10:02")));
            assert_eq!(record.release_reason.as_deref(), Some("cleared"));
            let after = tx.wallet(&wallet.id)?.expect("the wallet");
            assert_eq!((after.available, after.frozen), (10_000, 0));
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_release_of_a_freeze_no_longer_active_is_refused<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            let id = freeze(tx, &wallet.id, "30.00", "10:01")?;
            let stale: Freeze = tx.freeze(&id)?.expect("the freeze");
            let unfreeze = Operation::unfreeze(&id, None, None)?;
            apply(tx, &wallet.id, &unfreeze, "10:02")?;
            // A plan made from the freeze as it was before its release: the store must refuse.
            // Its entry is planned on the wallet as it stood while frozen, and leaves the stored
            // balances as they are, so only the freeze's own guard can refuse it.
            let before = tx.wallet(&wallet.id)?.expect("the wallet");
            let mut frozen = before.clone();
            (frozen.available, frozen.frozen) = (7_000, 3_000);
            let mut plan = unfreeze.plan(&frozen, &Referent::Freeze(stale), &context("10:03"))?;
            plan.wallet_after = before.clone();
            let refused = tx.isolated(|tx| append_plan(tx, plan, &before))?;
            assert_eq!(refused.unwrap_err().code(), "internal_error");
            assert_eq!(tx.freeze(&id)?.map(|f| f.released_at), Some(Some(at("10:02"))));
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_capture_ends_its_freeze_captured_and_a_stale_second_end_is_refused<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            let id = freeze(tx, &wallet.id, "30.00", "10:01")?;
            let stale: Freeze = tx.freeze(&id)?.expect("the freeze");
            let capture = Operation::Capture(capture::Request::new(&id, Some("20.00"), None, false, None, None)?);
            let entry = apply(tx, &wallet.id, &capture, "10:02")?.entry;
            assert_eq!(entry.postings.len(), 3, "frozen out, settlement and the released rest");
            let record = tx.freeze(&id)?.expect("the freeze");
            assert_eq!((record.status, record.released_at), (FreezeStatus::Captured, None));
            let captured = record.captured.expect("its capture");
            assert_eq!((captured.amount.minor(), captured.at), (2_000, at("10:02")));
            let read = tx.entry(&entry.id)?.expect("the capture");
            assert_eq!(read.postings, entry.postings);
            let after = tx.wallet(&wallet.id)?.expect("the wallet");
            assert_eq!((after.available, after.frozen), (8_000, 0));
            // An unfreeze planned from the freeze as it was: only the freeze's guard refuses it.
            let before = after.clone();
            let mut frozen = before.clone();
            (frozen.available, frozen.frozen) = (7_000, 3_000);
            let unfreeze = Operation::unfreeze(&id, None, None)?;
            let mut plan = unfreeze.plan(&frozen, &Referent::Freeze(stale), &context("10:03"))?;
            plan.wallet_after = before.clone();
            let refused = tx.isolated(|tx| append_plan(tx, plan, &before))?;
            assert_eq!(refused.unwrap_err().code(), "internal_error");
            assert_eq!(tx.freeze(&id)?.map(|f| f.status), Some(FreezeStatus::Captured));
            Ok(())
        })
        .unwrap();
}

pub(super) fn freezes_of_wallet_lists_newest_first_filtered_by_status_with_totals<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            deposit(tx, &wallet.id, "100.00", "10:00");
            deposit(tx, &other.id, "100.00", "10:00");
            let freeze_id = |time| freeze(tx, &wallet.id, "1.00", time);
            let (old, new) = (freeze_id("10:01")?, freeze_id("10:02")?);
            apply(tx, &other.id, &freeze_op("1.00"), "10:03")?;
            apply(tx, &wallet.id, &Operation::unfreeze(&old, None, None)?, "10:04")?;
            let ids = |status| -> crate::error::Result<(Vec<FreezeId>, u64)> {
                let paged = tx.freezes_of_wallet(&wallet.id, status, page(1, 10))?;
                Ok((paged.items.into_iter().map(|f| f.id).collect(), paged.total))
            };
            assert_eq!(ids(None)?, (vec![new.clone(), old.clone()], 2));
            assert_eq!(ids(Some(FreezeStatus::Active))?, (vec![new], 1));
            assert_eq!(ids(Some(FreezeStatus::Released))?, (vec![old], 1));
            assert_eq!(tx.freezes_of_wallet(&wallet.id, None, page(2, 1))?.items.len(), 1);
            Ok(())
        })
        .unwrap();
}

pub(super) fn all_freezes_lists_every_wallets_freezes_by_id<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let one = open(tx, &scope("tnt", "app"), "usr_1");
            let two = open(tx, &scope("tnt_2", "app"), "usr_1");
            deposit(tx, &one.id, "10.00", "10:00");
            deposit(tx, &two.id, "10.00", "10:00");
            let mut ids = vec![
                freeze(tx, &two.id, "2.00", "10:01")?,
                freeze(tx, &one.id, "1.00", "10:02")?,
            ];
            ids.sort();
            let listed: Vec<FreezeId> = tx.all_freezes()?.into_iter().map(|f| f.id).collect();
            assert_eq!(listed, ids);
            Ok(())
        })
        .unwrap();
}
