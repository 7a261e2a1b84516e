//! The transaction shapes: `write` keeps all or nothing, `isolated` undoes only its own
//! failure, `rehearse` keeps nothing, `read` answers and keeps nothing.

use super::{at, deposit, open, scope};
use crate::error::Error;
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Scope, Wallet};
use crate::ledger::money::Currency;
use crate::store::{Queries, Storage};

fn tnt() -> Scope {
    scope("tnt", "app")
}

pub(super) fn a_failed_write_keeps_nothing_of_what_it_wrote<S: Storage>(mut store: S) {
    let failed = store.write(|tx| {
        let wallet = open(tx, &tnt(), "usr_1");
        deposit(tx, &wallet.id, "1.00", "10:00");
        Err::<(), _>(Error::invalid("test", "fails after writing"))
    });
    assert_eq!(failed.unwrap_err().code(), "invalid_request");
    let (wallet, head) = store
        .read(|tx| Ok((tx.wallet_of_user(&tnt(), "usr_1")?, tx.wallet_heads()?)))
        .unwrap();
    assert_eq!((wallet, head), (None, Vec::new()));
}

pub(super) fn an_error_inside_isolated_undoes_only_that_savepoint<S: Storage>(mut store: S) {
    let inner = store
        .write(|tx| {
            let kept = open(tx, &tnt(), "usr_1");
            let inner = tx.isolated(|tx| {
                open(tx, &tnt(), "usr_2");
                deposit(tx, &kept.id, "1.00", "10:00");
                Err::<(), _>(Error::invalid("test", "fails inside"))
            })?;
            // After the savepoint, the transaction goes on and commits.
            open(tx, &tnt(), "usr_3");
            Ok(inner)
        })
        .unwrap();
    assert_eq!(inner.unwrap_err().code(), "invalid_request");
    store
        .read(|tx| {
            let kept = tx
                .wallet_of_user(&tnt(), "usr_1")?
                .expect("written before the savepoint");
            assert_eq!(kept.available, 0, "the deposit inside was undone");
            assert_eq!(tx.wallet_of_user(&tnt(), "usr_2")?, None);
            assert!(tx.wallet_of_user(&tnt(), "usr_3")?.is_some());
            assert_eq!(tx.wallet_heads()?, []);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_successful_isolated_keeps_its_writes_and_returns_its_value<S: Storage>(mut store: S) {
    let answer = store
        .write(|tx| tx.isolated(|tx| Ok(open(tx, &tnt(), "usr_1").id)))
        .unwrap()
        .unwrap();
    let stored = store.read(|tx| tx.wallet_of_user(&tnt(), "usr_1")).unwrap();
    assert_eq!(stored.map(|w| w.id), Some(answer));
}

pub(super) fn rehearse_sees_its_own_writes_and_keeps_none<S: Storage>(mut store: S) {
    let seen = store
        .rehearse(|tx| {
            let wallet = open(tx, &tnt(), "usr_1");
            deposit(tx, &wallet.id, "1.00", "10:00");
            Ok(tx.wallet(&wallet.id)?.map(|w| w.available))
        })
        .unwrap();
    assert_eq!(seen, Some(100));
    let (wallet, head) = store
        .read(|tx| Ok((tx.wallet_of_user(&tnt(), "usr_1")?, tx.wallet_heads()?)))
        .unwrap();
    assert_eq!((wallet, head), (None, Vec::new()));
}

pub(super) fn a_read_sees_what_earlier_writes_committed<S: Storage>(mut store: S) {
    let written = store.write(|tx| Ok(open(tx, &tnt(), "usr_1"))).unwrap();
    let read = store.read(|tx| tx.wallet_of_user(&tnt(), "usr_1")).unwrap();
    assert_eq!(read, Some(written));
}

pub(super) fn a_read_keeps_nothing_it_wrote<S: Storage>(mut store: S) {
    // No read path writes; if one ever did by mistake, the read must not keep it: the backend
    // refuses the write (PostgreSQL's read-only transaction) or rolls it back (SQLite).
    let wallet = Wallet::open(&tnt(), "usr_1", Currency::CNY, WalletId::mint(), at("09:00"));
    match store.read(|tx| tx.insert_wallet(&wallet)) {
        Ok(()) => {}
        Err(refused) => assert_eq!(refused.code(), "read_only"),
    }
    let kept = store.read(|tx| tx.wallet_of_user(&tnt(), "usr_1")).unwrap();
    assert_eq!(kept, None);
}
