//! Two approvers deciding one withdrawal request at once: the second's UPDATE waits on the
//! first's row lock, then finds the request no longer pending and decides nothing.

use std::time::Duration;

use super::{init, TestDatabase};
use crate::ledger::ids::WithdrawalRequestId;
use crate::ledger::review::{Decision, ReviewStatus};
use crate::store::Storage;

/// A wallet, its deposit, a freeze and the pending request `wdr_1` it holds.
const ROWS: &str = r#"
INSERT INTO wallets VALUES ('wlt_1', 't', 'a', 'usr_1', 'CNY', 'active', 400, 100,
    '2026-04-15T10:30:00Z', '2026-04-15T10:30:00Z');
INSERT INTO journal_entries (id, wallet_id, wallet_seq, chain_version, kind, currency, amount_minor,
    balance_before_minor, balance_after_minor, request, actor, created_at, prev_hash, hash)
VALUES ('txn_1', 'wlt_1', 1, 2, 'deposit', 'CNY', 500, 0, 500, '{}', 'cli', '2026-04-15T10:30:00Z',
    '0000000000000000000000000000000000000000000000000000000000000000', 'h1');
INSERT INTO freezes (id, wallet_id, amount_minor, status, created_at)
VALUES ('frz_1', 'wlt_1', 100, 'active', '2026-04-15T10:31:00Z');
INSERT INTO withdrawal_requests (id, tenant_id, application_id, wallet_id, user_id, currency, amount_minor,
    freeze_id, requested_by, requested_at, status)
VALUES ('wdr_1', 't', 'a', 'wlt_1', 'usr_1', 'CNY', 100, 'frz_1', 'cli:alice', '2026-04-15T10:31:00Z', 'pending');
"#;

#[test]
fn of_two_racing_decisions_the_second_waits_for_the_first_then_decides_nothing() {
    let Some(db) = TestDatabase::create() else { return };
    let mut store = init(&db);
    let mut first = db.client();
    first
        .batch_execute(ROWS)
        .expect("the rows are as ledgerctl writes them");
    let mut holding = first.transaction().unwrap();
    let decided = holding
        .execute(
            "UPDATE withdrawal_requests SET status = 'approved', approved_by = 'Bob', decided_by = 'cli:bob',
                 decided_at = '2026-04-15T10:32:00Z', transaction_id = 'txn_1'
             WHERE id = 'wdr_1' AND status = 'pending'",
            &[],
        )
        .unwrap();
    assert_eq!(decided, 1, "the first approver decides it, and holds the row's lock");
    let second = std::thread::spawn(move || {
        let rejection = Decision {
            decided_by: "cli:carol".into(),
            approved_by: None,
            remark: None,
            decided_at: "2026-04-15T10:33:00Z".parse().unwrap(),
            transaction_id: "txn_1".into(),
        };
        let id = WithdrawalRequestId::new("wdr_1");
        let answer = store.write(|tx| tx.decide_withdrawal_request(&id, ReviewStatus::Rejected, &rejection));
        (store, answer)
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !second.is_finished(),
        "the second decision waits on the first's row lock"
    );
    holding.commit().unwrap();
    let (mut store, answer) = second.join().unwrap();
    assert_eq!(answer, Ok(false), "no longer pending: the second decides nothing");
    let stored = store
        .read(|tx| tx.withdrawal_request(&WithdrawalRequestId::new("wdr_1")))
        .unwrap()
        .expect("the request");
    assert_eq!(stored.status, ReviewStatus::Approved);
    assert_eq!(stored.decision.map(|d| d.decided_by), Some("cli:bob".to_owned()));
}
