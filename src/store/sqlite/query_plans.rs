//! `EXPLAIN QUERY PLAN` pins: each query that must seek on an index, not scan or sort.

use rusqlite::params;

use super::audit::TOKEN_AUDIT_SQL;
use super::freezes::ACTIVE_FROZEN_SQL;
use super::idempotency::entry_by_reference_sql;
use super::journal::{entries_where, last_entry_of_wallet_sql, POSTINGS_OF_ENTRY_SQL};
use super::policies::latest_policy_change_sql;
use super::wallets::all_wallets_sql;
use super::SqliteStore;

#[test]
fn listing_every_wallet_walks_an_index_without_sorting() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", all_wallets_sql()))
        .unwrap();
    let none: Option<String> = None;
    let plan: Vec<String> = stmt
        .query_map(params!["t", "a", none], |r| r.get::<_, String>(3))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let plan = plan.join("; ");
    assert!(plan.contains("tenant_id=? AND application_id=?"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "no sort of the whole listing: {plan}");
}

fn plan_of(store: &SqliteStore, sql: &str) -> String {
    let explain = format!("EXPLAIN QUERY PLAN {}", sql);
    let mut stmt = store.conn.prepare(&explain).unwrap();
    let rows = stmt
        .query_map(params!["w", "refund", "r"], |r| r.get::<_, String>(3))
        .unwrap();
    rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
}

#[test]
fn the_reference_lookup_is_one_index_search() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let plan = plan_of(&store, &entry_by_reference_sql());
    assert!(
        plan.contains("journal_entries_reference") && plan.contains("reference_id=?"),
        "{plan}"
    );
}

#[test]
fn one_wallets_history_seeks_on_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let sql = format!(
        "SELECT seq FROM journal_entries {} ORDER BY seq DESC",
        entries_where(true)
    );
    let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let none: Option<String> = None;
    let plan: Vec<String> = stmt
        .query_map(params!["w", none, none, none, none, none], |r| r.get::<_, String>(3))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let plan = plan.join("; ");
    assert!(plan.contains("journal_entries_wallet (wallet_id=?)"), "{plan}");
}

#[test]
fn the_counterparty_checks_read_only_their_range_of_the_account_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    for sql in [
        "SELECT EXISTS (SELECT 1 FROM postings WHERE account = ?1)",
        "SELECT DISTINCT account FROM postings WHERE account > ?1 AND account < ?2 ORDER BY account",
    ] {
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let bound = vec!["liabilities:counterparty:t:a:"; stmt.parameter_count()];
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(bound), |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("; ");
        assert!(plan.contains("postings_account"), "{sql}: {plan}");
        assert!(!plan.contains("SCAN postings"), "{sql}: {plan}");
    }
}

#[test]
fn balance_proof_seeks_on_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let explain = |sql: &str| -> String {
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = stmt.query_map(params!["w"], |r| r.get::<_, String>(3)).unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    };
    let last = explain(&last_entry_of_wallet_sql());
    assert!(last.contains("journal_entries_wallet (wallet_id=?)"), "{last}");
    assert!(!last.contains("TEMP B-TREE"), "no sort of the wallet's history: {last}");
    let frozen = explain(ACTIVE_FROZEN_SQL);
    assert!(frozen.contains("freezes_wallet (wallet_id=? AND status=?)"), "{frozen}");
}

#[test]
fn token_audit_seeks_on_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {TOKEN_AUDIT_SQL}"))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(params!["tok_1"], |r| r.get::<_, String>(3))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let plan = plan.join("; ");
    assert!(plan.contains("USING INDEX") && plan.contains("subject=?"), "{plan}");
}

#[test]
fn a_wallets_day_for_the_reconciliation_seeks_on_its_wallet_and_joins_postings_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", super::reconcile::MOVEMENTS_SQL))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(
            params!["w", "a", "f", "2026-04-15T00:00:00Z", "2026-04-16T00:00:00Z"],
            |r| r.get::<_, String>(3),
        )
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let plan = plan.join("; ");
    // The wallet's entries by their index, in seq order (no sort), each one's postings by the
    // postings' primary key: never a scan of the journal.
    assert!(plan.contains("journal_entries_wallet (wallet_id=?)"), "{plan}");
    assert!(plan.contains("SEARCH p USING PRIMARY KEY (entry_seq=?)"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn a_snapshots_last_entry_walks_its_wallets_chain_index_backwards_without_sorting() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let mut stmt = store
        .conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN {}",
            super::snapshots::LAST_ENTRY_BEFORE_SQL
        ))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(params!["w", "2026-04-16T00:00:00Z"], |r| r.get::<_, String>(3))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let plan = plan.join("; ");
    assert!(plan.contains("journal_entries_wallet_seq (wallet_id=?)"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

/// A snapshot reads every wallet's last entry with one statement: compiled once, not again
/// for each wallet it is bound to (20% of a 3,000-wallet snapshot's CPU when it was).
#[test]
fn a_snapshots_last_entry_read_is_compiled_once_for_all_its_wallets() {
    use crate::store::Storage;
    use rusqlite::StatementStatus;
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let until = crate::ops::parse_time("until", "2026-04-16").unwrap();
    store
        .read(|tx| {
            for wallet in ["wlt_1", "wlt_2", "wlt_3", "wlt_4"] {
                tx.last_entry_before(&wallet.into(), until)?;
            }
            Ok(())
        })
        .unwrap();
    let cached = store
        .conn
        .prepare_cached(super::snapshots::LAST_ENTRY_BEFORE_SQL)
        .unwrap();
    assert_eq!(cached.get_status(StatementStatus::RePrepare), 0);
}

#[test]
fn a_withdrawal_limits_sum_reads_one_index_range() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let sql = format!("EXPLAIN QUERY PLAN {}", super::policies::WITHDRAWN_SINCE_SQL);
    let mut stmt = store.conn.prepare(&sql).unwrap();
    let rows = stmt
        .query_map(params!["w", "2026-04-15T00:00:00Z"], |r| r.get::<_, String>(3))
        .unwrap();
    let plan = rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ");
    assert!(
        plan.contains("COVERING INDEX journal_entries_wallet_kind_time (wallet_id=? AND kind=? AND created_at>?)"),
        "{plan}"
    );
}

/// A user's list seeks on the wallet's index, an admin's list by status on the scope's; by
/// status, the index hands the page in id order, without sorting the scope's requests.
#[test]
fn the_withdrawal_request_lists_seek_on_their_indexes() {
    use crate::ledger::review::{ReviewFilter, ReviewStatus};
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let plan = |wallet: bool, status: bool| {
        let filter = ReviewFilter {
            wallet_id: wallet.then(|| "wlt_1".into()),
            status: status.then_some(ReviewStatus::Pending),
        };
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT id FROM {} ORDER BY id DESC LIMIT 10",
            super::review::list_where(super::review::list_table(&filter), &filter, '?')
        );
        let mut stmt = store.conn.prepare(&sql).unwrap();
        let params = ["t", "a", "wlt_1", "pending"];
        let used = &params[..2 + usize::from(wallet) + usize::from(status)];
        let rows = stmt
            .query_map(rusqlite::params_from_iter(used), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    };
    let both = plan(true, true);
    assert!(
        both.contains("withdrawal_requests_wallet (wallet_id=? AND status=?)"),
        "{both}"
    );
    assert!(!both.contains("TEMP B-TREE"), "{both}");
    let by_status = plan(false, true);
    assert!(
        by_status.contains("withdrawal_requests_scope (tenant_id=? AND application_id=? AND status=?)"),
        "{by_status}"
    );
    assert!(!by_status.contains("TEMP B-TREE"), "{by_status}");
    let one_wallet = plan(true, false);
    assert!(
        one_wallet.contains("withdrawal_requests_wallet (wallet_id=?)"),
        "{one_wallet}"
    );
}

/// The reads every batch line makes (its wallet's last entry, an entry's postings, its scope's
/// policy) stay compiled from one line to the next, and still seek on their indexes: statements
/// SQLite compiled again whenever a parameter changed cost a refund line a quarter of its time
/// (docs/performance.md).
#[test]
fn a_batch_lines_reads_are_compiled_once_and_seek() {
    use crate::ledger::operations::Operation;
    use rusqlite::StatementStatus;
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::create(&dir.path().join("l.db"), 1_000).unwrap();
    let scope = crate::ledger::model::Scope {
        tenant_id: "t".into(),
        application_id: "a".into(),
    };
    crate::ops::create_wallet(&mut store, &scope, "u", crate::ledger::money::Currency::CNY).unwrap();
    crate::ops::execute(
        &mut store,
        &scope,
        "u",
        &Operation::deposit("100.00", None, None).unwrap(),
        "test",
    )
    .unwrap();
    let payment = Operation::payment("1.00", "mch_1", true, None, None).unwrap();
    let mut refunds = Vec::new();
    for line in 0..5 {
        let paid = crate::ops::execute(&mut store, &scope, "u", &payment, "test").unwrap();
        let refund = Operation::refund(paid.entry.id.as_str(), Some("0.40"), None, None).unwrap();
        refunds.push(line_of(line, refund));
    }
    crate::ops::batch(
        &mut store,
        &scope,
        "test",
        &refunds,
        crate::ops::BatchMode::PerLine,
        &|| {},
        &mut |r| {
            r.outcome.unwrap();
        },
    )
    .unwrap();
    let reads: [(String, &[&dyn rusqlite::ToSql], &str); 3] = [
        (
            last_entry_of_wallet_sql(),
            &[&"w"],
            "journal_entries_wallet (wallet_id=?)",
        ),
        (POSTINGS_OF_ENTRY_SQL.to_owned(), &[&1_i64], "PRIMARY KEY (entry_seq=?)"),
        (
            latest_policy_change_sql(),
            &[&"t", &"a"],
            "policy_changes_scope (tenant_id=? AND application_id=?)",
        ),
    ];
    for (sql, params, index) in reads {
        // The connection's cached statement, as the lines ran it.
        let cached = store.conn.prepare_cached(&sql).unwrap();
        assert_eq!(cached.get_status(StatementStatus::RePrepare), 0, "{sql}");
        let mut explain = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let plan: Vec<String> = explain
            .query_map(params, |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("; ");
        assert!(plan.contains(index), "{sql}: {plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{sql}: {plan}");
    }
}

fn line_of(line: u64, operation: crate::ledger::operations::Operation) -> crate::ops::BatchLine {
    crate::ops::BatchLine {
        line,
        item: Ok(crate::ledger::batch::BatchItem {
            user_id: Some("u".into()),
            operation,
        }),
    }
}
