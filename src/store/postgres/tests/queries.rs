//! What only the PostgreSQL backend answers beyond the conformance suite: amcheck's storage
//! check, a disabled guard, the seal queries (which join the storage interface with the
//! per-wallet chains), streams longer than a chunk, the wallet row lock, and a key recorded by
//! two sessions at once.

use std::collections::HashMap;

use super::{init, TestDatabase};
use crate::error::Error;
use crate::ledger::ids::{TokenId, WalletId};
use crate::ledger::model::Scope;
use crate::ledger::seal::Seal;
use crate::store::postgres::guards::{INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, INTEGRITY_UNCHECKED};
use crate::store::postgres::PgStore;
use crate::store::{IdempotentResponse, Storage};

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

/// 1001 wallets of one scope, each with one entry and its two postings: one more than a chunk.
const PAST_A_CHUNK: &str = r#"
INSERT INTO wallets SELECT 'wlt_' || lpad(n::text, 4, '0'), 't', 'a', 'usr_' || lpad(n::text, 4, '0'), 'CNY',
    'active', 0, 0, '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z' FROM generate_series(1, 1001) AS n;
DO $$
BEGIN
    FOR n IN 1..1001 LOOP
        INSERT INTO journal_entries (seq, id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
            balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
        VALUES (n, 'txn_' || n, 'wlt_' || lpad(n::text, 4, '0'), 1, 2, 'deposit', 'CNY', 5, 0, 5, '{}', 'cli',
            '2026-04-15T10:30:00Z', '0000000000000000000000000000000000000000000000000000000000000000', 'h' || n);
        INSERT INTO postings VALUES (n, 0, 'cash', 'CNY', 5), (n, 1, 'wallet:' || n, 'CNY', -5);
    END LOOP;
END
$$;
"#;

#[test]
fn for_each_wallet_and_for_each_entry_stream_past_a_chunk_in_order_and_whole() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut store = init(&db);
    db.client().batch_execute(PAST_A_CHUNK).unwrap();
    let scope = Scope {
        tenant_id: "t".into(),
        application_id: "a".into(),
    };
    store
        .read(|tx| {
            let mut users = Vec::new();
            let count = tx.for_each_wallet(&scope, None, |w| {
                users.push(w.user_id);
                Ok(())
            })?;
            let expected: Vec<String> = (1..=1001).map(|n| format!("usr_{n:04}")).collect();
            assert_eq!((count, users), (1001, expected));
            let mut seen = Vec::new();
            let strays = tx.for_each_entry(None, |row| {
                seen.push((row.seq, row.entry.postings.len()));
                Ok(())
            })?;
            assert_eq!(strays, Vec::<i64>::new());
            assert_eq!(seen, (1..=1001).map(|seq| (seq, 2)).collect::<Vec<_>>());
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_write_waits_for_its_wallets_row_lock_and_never_for_another_wallets() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut holder = init(&db);
    db.client().batch_execute(HEADS).unwrap();
    let mut other = PgStore::open(db.config(), db.url(), 200).unwrap();
    let scope = Scope {
        tenant_id: "t".into(),
        application_id: "a".into(),
    };
    holder
        .write(|tx| {
            assert!(tx.wallet_of_user(&scope, "usr_1")?.is_some(), "holds wlt_1's row lock");
            let blocked = other.write(|o| o.wallet_of_user(&scope, "usr_1")).unwrap_err();
            assert_eq!(
                blocked.to_string(),
                Error::LedgerBusy {
                    lock_timeout_ms: Some(200)
                }
                .to_string()
            );
            assert!(other.write(|o| o.wallet_of_user(&scope, "usr_2")).unwrap().is_some());
            assert!(
                other.read(|o| o.wallet_of_user(&scope, "usr_1")).unwrap().is_some(),
                "a read never waits"
            );
            Ok(())
        })
        .unwrap();
}

/// Returns once a session of `db` waits for a lock (within ten seconds, else fails).
fn wait_for_a_lock_wait(db: &TestDatabase) {
    let mut watcher = db.client();
    for _ in 0..1000 {
        let waiting: i64 = watcher
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                &[],
            )
            .unwrap()
            .get(0);
        if waiting > 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no session of {} waited for a lock", db.name());
}

fn response(key: &str) -> IdempotentResponse {
    IdempotentResponse {
        scope: Scope {
            tenant_id: "t".into(),
            application_id: "a".into(),
        },
        owner: "internal".into(),
        key: key.into(),
        fingerprint: "f".into(),
        status: 201,
        response: b"{}".to_vec(),
        token_id: TokenId::new("tok_1"),
        created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
    }
}

#[test]
fn a_key_another_session_records_at_the_same_time_is_a_retry_never_a_second_record() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut first = init(&db);
    let (config, url) = (db.config().clone(), db.url().to_owned());
    first
        .write(|tx| {
            tx.record_response(&response("k1"))?;
            // The second session's INSERT waits on the first's uncommitted key, which commits
            // while it waits.
            let second = std::thread::spawn(move || {
                let mut second = PgStore::open(&config, &url, 10_000).unwrap();
                second.write(|tx| tx.record_response(&response("k1")))
            });
            wait_for_a_lock_wait(&db);
            Ok(second)
        })
        .map(|second| {
            let refused = second.join().unwrap().unwrap_err();
            assert!(refused.retryable(), "{refused}");
        })
        .unwrap();
    let kept: i64 = db
        .client()
        .query_one("SELECT count(*) FROM idempotency_keys", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, 1);
}
