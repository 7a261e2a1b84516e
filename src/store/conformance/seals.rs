//! Seals: the wallet heads, seals kept as given and read back with their heads, and a seal
//! that does not extend the seal chain refused.

use std::collections::HashMap;

use super::{at, deposit, open, scope};
use crate::ledger::ids::WalletId;
use crate::ledger::seal::{Head, Seal};
use crate::store::{Queries, Storage};

fn heads_now<Q: Queries>(tx: &Q) -> Vec<Head> {
    tx.wallet_heads().expect("the wallet heads")
}

pub(super) fn seals_are_read_back_with_their_heads_and_sealed_heads_are_the_last_sealed<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            assert_eq!((tx.last_seal()?, tx.all_seals()?), (None, Vec::new()));
            let u = open(tx, &scope("tnt", "app"), "usr_1");
            let v = open(tx, &scope("tnt", "app"), "usr_2");
            deposit(tx, &u.id, "1.00", "10:00");
            deposit(tx, &v.id, "2.00", "10:01");
            let first =
                Seal::next(None, heads_now(tx), &tx.sealed_heads()?, at("10:02"), "auditor").expect("the first seal");
            tx.insert_seal(&first)?;
            deposit(tx, &u.id, "3.00", "10:03");
            let sealed = tx.sealed_heads()?;
            assert_eq!(sealed, HashMap::from([(u.id.clone(), 1), (v.id.clone(), 1)]));
            let second =
                Seal::next(Some((1, &first.hash)), heads_now(tx), &sealed, at("10:04"), "auditor").expect("u moved");
            assert_eq!(second.heads.len(), 1);
            tx.insert_seal(&second)?;
            assert_eq!(tx.last_seal()?, Some(second.clone()));
            assert_eq!(tx.all_seals()?, [first, second]);
            let sealed: HashMap<WalletId, i64> = tx.sealed_heads()?;
            assert_eq!(sealed, HashMap::from([(u.id, 2), (v.id, 1)]));
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_seal_that_does_not_extend_the_seal_chain_is_refused<S: Storage>(mut store: S) {
    let first = store
        .write(|tx| {
            let seal = Seal::next(None, Vec::new(), &HashMap::new(), at("10:00"), "auditor").expect("a seal");
            tx.insert_seal(&seal)?;
            Ok(seal)
        })
        .unwrap();
    // A second seal 1, and a seal 2 linked to another hash.
    let moved = || {
        vec![Head {
            wallet_id: WalletId::mint(),
            wallet_seq: 1,
            hash: "e".repeat(64),
        }]
    };
    let forged = Seal::next(None, moved(), &HashMap::new(), at("10:01"), "auditor").expect("a seal");
    let mut relinked =
        Seal::next(Some((1, &first.hash)), moved(), &HashMap::new(), at("10:01"), "auditor").expect("a seal");
    relinked.prev_hash = "f".repeat(64);
    relinked.hash = relinked.recomputed_hash();
    for seal in [forged, relinked] {
        store.write(|tx| tx.insert_seal(&seal)).expect_err("refused");
    }
    assert_eq!(store.read(|tx| tx.all_seals()).unwrap(), [first]);
}
