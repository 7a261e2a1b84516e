//! What only the PostgreSQL backend answers beyond the conformance suite: amcheck's storage
//! check, a disabled guard, and the seal queries (which join the storage interface with the
//! per-wallet chains).

use std::collections::HashMap;

use super::{init, TestDatabase};
use crate::ledger::ids::WalletId;
use crate::ledger::seal::Seal;
use crate::store::postgres::guards::{INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, INTEGRITY_UNCHECKED};
use crate::store::Storage;

#[test]
fn the_storage_check_runs_amcheck_when_it_is_installed_and_passes_saying_so_when_not() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut store = init(&db);
    let unchecked = store.read(|tx| tx.storage_check()).unwrap();
    assert_eq!(
        (unchecked.name, unchecked.description),
        (INTEGRITY_CHECK, INTEGRITY_UNCHECKED)
    );
    assert!(unchecked.ok());
    db.client().batch_execute("CREATE EXTENSION amcheck").unwrap();
    let checked = store.read(|tx| tx.storage_check()).unwrap();
    assert_eq!(
        (checked.name, checked.description),
        (INTEGRITY_CHECK, INTEGRITY_DESCRIPTION)
    );
    assert!(checked.ok(), "{:?}", checked.problems);
}

#[test]
fn a_dropped_or_disabled_guard_is_missing() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut store = init(&db);
    db.client()
        .batch_execute(
            "ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_no_update;
             DROP TRIGGER seals_no_truncate ON seals;",
        )
        .unwrap();
    let missing = store.read(|tx| tx.missing_guards()).unwrap();
    assert_eq!(missing, ["journal_entries_no_update", "seals_no_truncate"]);
}

/// Two wallets with entries of their own chains: `wlt_1` at 2 (head `h2`), `wlt_2` at 1.
const HEADS: &str = r#"
INSERT INTO wallets VALUES
    ('wlt_1', 't', 'a', 'usr_1', 'CNY', 'active', 0, 0, '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z'),
    ('wlt_2', 't', 'a', 'usr_2', 'CNY', 'active', 0, 0, '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z');
INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES ('txn_1', 'wlt_1', 1, 2, 'deposit', 'CNY', 5, 0, 5, '{}', 'cli', '2026-04-15T10:30:00Z',
        '0000000000000000000000000000000000000000000000000000000000000000', 'h1');
INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES ('txn_2', 'wlt_2', 1, 2, 'deposit', 'CNY', 5, 0, 5, '{}', 'cli', '2026-04-15T10:31:00Z',
        '0000000000000000000000000000000000000000000000000000000000000000', 'g1');
INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES ('txn_3', 'wlt_1', 2, 2, 'deposit', 'CNY', 5, 5, 10, '{}', 'cli', '2026-04-15T10:32:00Z', 'h1', 'h2');
"#;

#[test]
fn a_seal_records_every_wallets_head_and_is_read_back_whole() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut store = init(&db);
    db.client().batch_execute(HEADS).unwrap();
    let at = "2026-04-15T11:00:00Z".parse().unwrap();
    let seal = store
        .write(|tx| {
            assert_eq!(tx.last_seal()?, None);
            let heads = tx.wallet_heads()?;
            let found: Vec<_> = heads
                .iter()
                .map(|h| (h.wallet_id.as_str(), h.wallet_seq, h.hash.as_str()))
                .collect();
            assert_eq!(found, [("wlt_1", 2, "h2"), ("wlt_2", 1, "g1")]);
            let seal = Seal::next(None, heads, &tx.sealed_heads()?, at, "cli").expect("a first seal");
            tx.insert_seal(&seal)?;
            Ok(seal)
        })
        .unwrap();
    store
        .read(|tx| {
            assert_eq!(tx.last_seal()?.as_ref(), Some(&seal));
            assert_eq!(tx.all_seals()?, std::slice::from_ref(&seal));
            let sealed = HashMap::from([(WalletId::new("wlt_1"), 2), (WalletId::new("wlt_2"), 1)]);
            assert_eq!(tx.sealed_heads()?, sealed);
            Ok(())
        })
        .unwrap();
}
