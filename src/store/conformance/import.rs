//! Rows copied in from another ledger (`ledger copy`): stored exactly as given, read back the
//! same, and refused where they would not extend their chain.

use super::{apply, at, open, plan, scope};
use crate::ledger::chain::{self, Owner};
use crate::ledger::ids::{FreezeId, TokenId};
use crate::ledger::model::{Freeze, FreezeStatus, JournalRow, StatusChange, Wallet, WalletStatus};
use crate::ledger::money::Amount;
use crate::ledger::operations::Operation;
use crate::store::{IdempotentResponse, Queries, Storage};

/// `count` deposits on `wallet`'s chain as another ledger would hold them, at seqs 5, 9, 13…
/// (the gaps a PostgreSQL ledger may have), without storing them.
fn deposits<Q: Queries>(tx: &Q, wallet: &Wallet, count: i64) -> Vec<JournalRow> {
    let mut before = wallet.clone();
    let mut rows: Vec<JournalRow> = Vec::new();
    for n in 0..count {
        let op = Operation::deposit("10.00", None, None).expect("a valid deposit");
        let planned = plan(tx, &before, &op, &format!("10:0{n}")).expect("a deposit plan");
        let head = rows.last().map(|r| (r.wallet_seq, r.hash.as_str()));
        let linked = chain::link(planned.entry, Owner::of(wallet), head);
        rows.push(linked.stored(5 + 4 * n).raw());
        before = planned.wallet_after;
    }
    rows
}

pub(super) fn imported_entries_are_read_back_exactly_at_their_seqs_and_leave_their_wallet_as_inserted<S: Storage>(
    mut store: S,
) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let rows = deposits(tx, &wallet, 3);
            tx.import_entries(&rows[..2])?;
            tx.import_entries(&rows[2..])?;
            let mut streamed = Vec::new();
            let strays = tx.for_each_entry(None, |row| {
                streamed.push(row);
                Ok(())
            })?;
            assert_eq!((streamed, strays), (rows.clone(), Vec::new()));
            let second = tx.entry(&rows[1].entry.id)?.expect("the imported entry");
            assert_eq!(second.raw(), rows[1].entry);
            assert_eq!(tx.wallet(&wallet.id)?, Some(wallet.clone()), "balances as inserted");
            let appended = apply(tx, &wallet.id, &Operation::deposit("1.00", None, None)?, "11:00")?;
            assert!(appended.seq > 13, "a new entry comes after every imported seq");
            assert_eq!(appended.wallet_seq, 4, "and extends the imported chain");
            Ok(())
        })
        .unwrap();
}

pub(super) fn an_imported_entry_that_does_not_extend_its_wallets_chain_is_refused_and_keeps_nothing<S: Storage>(
    mut store: S,
) {
    let refused = store.write(|tx| {
        let wallet = open(tx, &scope("tnt", "app"), "usr_1");
        let rows = deposits(tx, &wallet, 2);
        tx.import_entries(&rows[1..])
    });
    assert!(refused.is_err(), "an entry whose wallet_seq 1 is missing");
    let left = store.read(|tx| Ok((tx.all_wallets()?, tx.for_each_entry(None, |_| Ok(()))?)));
    assert_eq!(left.unwrap(), (Vec::new(), Vec::new()));
}

fn freeze(wallet: &Wallet, minor: i64, released: Option<&str>) -> Freeze {
    Freeze {
        id: FreezeId::mint(),
        wallet_id: wallet.id.clone(),
        amount: Amount::from_stored(minor).expect("a positive amount"),
        reason: Some("hold".into()),
        status: if released.is_some() {
            FreezeStatus::Released
        } else {
            FreezeStatus::Active
        },
        created_at: at("10:00"),
        released_at: released.map(at),
        release_reason: released.map(|_| "cleared".into()),
        captured: None,
    }
}

pub(super) fn imported_freezes_are_read_back_in_their_final_state<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let mut freezes = vec![freeze(&wallet, 3_000, None), freeze(&wallet, 500, Some("10:05"))];
            for f in &freezes {
                tx.import_freeze(f)?;
            }
            freezes.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
            assert_eq!(tx.all_freezes()?, freezes);
            assert_eq!(tx.freeze(&freezes[1].id)?.as_ref(), Some(&freezes[1]));
            assert_eq!(tx.wallet(&wallet.id)?, Some(wallet.clone()), "balances as inserted");
            Ok(())
        })
        .unwrap();
}

fn change(wallet: &Wallet, from: WalletStatus, to: WalletStatus, hh_mm: &str) -> StatusChange {
    StatusChange {
        wallet_id: wallet.id.clone(),
        from,
        to,
        reason: format!("to {}", to.as_str()),
        actor: "cli:conformance".into(),
        created_at: at(hh_mm),
    }
}

pub(super) fn imported_status_changes_keep_their_seqs_and_leave_their_wallet_as_inserted<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let mut wallet = Wallet::open(
                &scope("tnt", "app"),
                "usr_1",
                crate::ledger::money::Currency::CNY,
                crate::ledger::ids::WalletId::mint(),
                at("09:00"),
            );
            wallet.status = WalletStatus::Frozen;
            tx.insert_wallet(&wallet)?;
            let first = change(&wallet, WalletStatus::Active, WalletStatus::Closed, "10:00");
            let second = change(&wallet, WalletStatus::Closed, WalletStatus::Frozen, "10:01");
            tx.import_status_change(3, &first)?;
            tx.import_status_change(7, &second)?;
            assert_eq!(tx.all_status_changes()?, vec![(3, first), (7, second)]);
            assert_eq!(tx.wallet(&wallet.id)?, Some(wallet.clone()), "status as inserted");
            let mut active = wallet.clone();
            active.status = WalletStatus::Active;
            let next = change(&wallet, WalletStatus::Frozen, WalletStatus::Active, "11:00");
            assert!(
                tx.change_status(&wallet, &active, &next)? > 7,
                "a new change comes after them"
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn all_responses_lists_every_kept_response_by_scope_owner_and_key<S: Storage>(mut store: S) {
    let response = |tenant: &str, owner: &str, key: &str| IdempotentResponse {
        scope: scope(tenant, "app"),
        owner: owner.into(),
        key: key.into(),
        fingerprint: format!("{tenant}/{owner}/{key}"),
        status: 201,
        response: key.as_bytes().to_vec(),
        token_id: TokenId::mint(),
        created_at: at("10:00"),
    };
    let kept = vec![
        response("tnt_1", "internal", "k2"),
        response("tnt_1", "user:usr_1", "k1"),
        response("tnt_1", "user:usr_1", "k3"),
        response("tnt_2", "internal", "k1"),
    ];
    store
        .write(|tx| {
            for record in kept.iter().rev() {
                tx.record_response(record)?;
            }
            assert_eq!(tx.all_responses()?, kept);
            Ok(())
        })
        .unwrap();
}
