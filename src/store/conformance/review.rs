//! Withdrawal requests: stored as given, read back by id, by freeze and all, listed newest
//! first, decided once; a row the schema's checks refuse is not stored.

use super::{append_plan, apply, at, context, deposit, open, page, scope, Loader};
use crate::error::Result;
use crate::ledger::ids::{FreezeId, TransactionId, WithdrawalRequestId};
use crate::ledger::model::Wallet;
use crate::ledger::operations::{capture, unfreeze, Operation};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest, AUTO_APPROVER};
use crate::store::{Queries, Storage};

use super::fresh_sqlite;

/// Freezes `amount` of `wallet` at `time`: the new freeze's id.
fn hold<Q: Queries>(tx: &Q, wallet: &Wallet, amount: &str, time: &str) -> Result<FreezeId> {
    let op = Operation::freeze(amount, Some("withdrawal".into()), None)?;
    Ok(apply(tx, &wallet.id, &op, time)?.entry.freeze_id.expect("a freeze"))
}

/// A pending request of `wallet` held by `freeze_id`, asked at `time` (not stored).
fn asked<Q: Queries>(tx: &Q, wallet: &Wallet, freeze_id: FreezeId, time: &str) -> Result<WithdrawalRequest> {
    let held = tx.freeze(&freeze_id)?.expect("the freeze");
    Ok(WithdrawalRequest {
        id: WithdrawalRequestId::mint(),
        scope: wallet.scope(),
        wallet_id: wallet.id.clone(),
        user_id: wallet.user_id.clone(),
        currency: wallet.currency,
        amount: held.amount,
        remark: Some("rent".into()),
        reference_id: Some(format!("ref-{time}")),
        freeze_id,
        requested_by: "token:tok_maker".into(),
        requested_at: at(time),
        status: ReviewStatus::Pending,
        decision: None,
    })
}

/// Freezes `amount` of `wallet` at `time` and stores a pending request holding it, as the
/// request's operation does in one transaction.
fn pending<Q: Queries>(tx: &Q, wallet: &Wallet, amount: &str, time: &str) -> Result<WithdrawalRequest> {
    let request = asked(tx, wallet, hold(tx, wallet, amount, time)?, time)?;
    tx.insert_withdrawal_request(&request)?;
    Ok(request)
}

/// Captures a request's freeze whole to the settlement at `time`: the approval's entry.
fn captured<Q: Queries>(tx: &Q, request: &WithdrawalRequest, time: &str) -> Result<TransactionId> {
    // The approval's rule: a direct capture of a request's hold is refused (freeze_under_review).
    let before = tx.wallet(&request.wallet_id)?.expect("the wallet exists");
    let record = tx.freeze(&request.freeze_id)?.expect("the hold exists");
    let description = format!("withdrawal request {}", request.id);
    let plan = capture::plan_approval(&before, &record, description, &Loader(tx), &context(time))?;
    Ok(append_plan(tx, plan, &before)?.entry.id)
}

/// The rejection's rule: the request's hold released whole.
fn released<Q: Queries>(tx: &Q, request: &WithdrawalRequest, time: &str) -> Result<TransactionId> {
    let before = tx.wallet(&request.wallet_id)?.expect("the wallet exists");
    let record = tx.freeze(&request.freeze_id)?.expect("the hold exists");
    let plan = unfreeze::plan_rejection(&before, record, None, &context(time))?;
    Ok(append_plan(tx, plan, &before)?.entry.id)
}

fn approval(transaction_id: TransactionId, time: &str) -> Decision {
    Decision {
        decided_by: "token:tok_checker".into(),
        approved_by: Some("Bob".into()),
        remark: Some("checked".into()),
        decided_at: at(time),
        transaction_id,
    }
}

/// A wallet of `user_id` in tnt/app holding 100.00.
fn funded<Q: Queries>(tx: &Q, user_id: &str) -> Wallet {
    let wallet = open(tx, &scope("tnt", "app"), user_id);
    deposit(tx, &wallet.id, "100.00", "10:00");
    wallet
}

pub(super) fn a_request_is_read_back_whole_by_id_by_freeze_and_among_all<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = funded(tx, "usr_1");
            let waiting = pending(tx, &wallet, "10.00", "10:01")?;
            // One copied from another ledger in its final state: auto-approved, no approver.
            let mut done = asked(tx, &wallet, hold(tx, &wallet, "20.00", "10:02")?, "10:02")?;
            done.status = ReviewStatus::Approved;
            done.remark = None;
            let transaction_id = captured(tx, &done, "10:03")?;
            done.decision = Some(Decision {
                decided_by: AUTO_APPROVER.into(),
                approved_by: None,
                remark: None,
                ..approval(transaction_id, "10:03")
            });
            tx.insert_withdrawal_request(&done)?;
            for request in [&waiting, &done] {
                assert_eq!(tx.withdrawal_request(&request.id)?.as_ref(), Some(request));
                assert_eq!(
                    tx.withdrawal_request_of_freeze(&request.freeze_id)?.as_ref(),
                    Some(request)
                );
            }
            assert_eq!(tx.withdrawal_request(&WithdrawalRequestId::mint())?, None);
            assert_eq!(tx.withdrawal_request_of_freeze(&FreezeId::mint())?, None);
            assert_eq!(tx.all_withdrawal_requests()?, vec![waiting, done]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn withdrawal_requests_lists_newest_first_by_wallet_and_status_with_totals<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let (one, two) = (funded(tx, "usr_1"), funded(tx, "usr_2"));
            let elsewhere = open(tx, &scope("tnt", "app_2"), "usr_1");
            deposit(tx, &elsewhere.id, "100.00", "10:00");
            let first = pending(tx, &one, "1.00", "10:01")?;
            let second = pending(tx, &two, "1.00", "10:02")?;
            let third = pending(tx, &one, "1.00", "10:03")?;
            pending(tx, &elsewhere, "1.00", "10:04")?;
            let decision = approval(captured(tx, &first, "10:05")?, "10:05");
            assert!(tx.decide_withdrawal_request(&first.id, ReviewStatus::Approved, &decision)?);
            let ids = |wallet: Option<&Wallet>, status, number, size| -> Result<(Vec<WithdrawalRequestId>, u64)> {
                let filter = ReviewFilter {
                    wallet_id: wallet.map(|w| w.id.clone()),
                    status,
                };
                let paged = tx.withdrawal_requests(&scope("tnt", "app"), &filter, page(number, size))?;
                Ok((paged.items.into_iter().map(|r| r.id).collect(), paged.total))
            };
            let (a, b, c) = (first.id.clone(), second.id.clone(), third.id.clone());
            assert_eq!(ids(None, None, 1, 10)?, (vec![c.clone(), b.clone(), a.clone()], 3));
            assert_eq!(ids(None, None, 2, 2)?, (vec![a.clone()], 3));
            assert_eq!(ids(Some(&one), None, 1, 10)?, (vec![c.clone(), a.clone()], 2));
            let waiting = Some(ReviewStatus::Pending);
            assert_eq!(ids(None, waiting, 1, 10)?, (vec![c.clone(), b], 2));
            assert_eq!(ids(Some(&one), waiting, 1, 10)?, (vec![c], 1));
            assert_eq!(ids(Some(&one), Some(ReviewStatus::Approved), 1, 10)?, (vec![a], 1));
            assert_eq!(ids(Some(&two), Some(ReviewStatus::Rejected), 1, 10)?, (vec![], 0));
            assert_eq!(
                ids(Some(&elsewhere), None, 1, 10)?,
                (vec![], 0),
                "another application's"
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_request_is_decided_once_and_a_second_decision_changes_nothing<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = funded(tx, "usr_1");
            let request = pending(tx, &wallet, "10.00", "10:01")?;
            let released = released(tx, &request, "10:02")?;
            let rejection = Decision {
                approved_by: None,
                ..approval(released.clone(), "10:02")
            };
            assert!(tx.decide_withdrawal_request(&request.id, ReviewStatus::Rejected, &rejection)?);
            let decided = WithdrawalRequest {
                status: ReviewStatus::Rejected,
                decision: Some(rejection),
                ..request.clone()
            };
            assert_eq!(tx.withdrawal_request(&request.id)?, Some(decided.clone()));
            let rival = approval(released, "10:03");
            assert!(!tx.decide_withdrawal_request(&request.id, ReviewStatus::Approved, &rival)?);
            assert!(!tx.decide_withdrawal_request(&WithdrawalRequestId::mint(), ReviewStatus::Approved, &rival)?);
            assert_eq!(tx.withdrawal_request(&request.id)?, Some(decided));
            let undecided =
                tx.isolated(|tx| tx.decide_withdrawal_request(&request.id, ReviewStatus::Pending, &rival))?;
            assert!(undecided.is_err(), "a decision is approved or rejected");
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_request_breaking_the_schemas_checks_is_refused_and_keeps_nothing<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = funded(tx, "usr_1");
            let request = pending(tx, &wallet, "10.00", "10:01")?;
            let transaction_id = captured(tx, &request, "10:02")?;
            let approved = approval(transaction_id.clone(), "10:02");
            let rejected = Decision {
                approved_by: None,
                ..approved.clone()
            };
            let nowhere = approval(TransactionId::mint(), "10:02");
            let mut broken = Vec::new();
            for (status, decision, what) in [
                (ReviewStatus::Pending, Some(rejected.clone()), "pending with a decision"),
                (ReviewStatus::Approved, None, "approved without a decision"),
                (ReviewStatus::Rejected, None, "rejected without a decision"),
                (
                    ReviewStatus::Rejected,
                    Some(approved.clone()),
                    "rejected with an approver",
                ),
                (ReviewStatus::Approved, Some(nowhere), "decided by an entry that is not"),
            ] {
                let mut row = asked(tx, &wallet, hold(tx, &wallet, "1.00", "10:03")?, "10:03")?;
                (row.status, row.decision) = (status, decision);
                broken.push((row, what));
            }
            let mut twice = asked(tx, &wallet, request.freeze_id.clone(), "10:03")?;
            broken.push((twice.clone(), "a second request for one freeze"));
            twice.freeze_id = FreezeId::mint();
            broken.push((twice, "a request for a freeze that is not"));
            let mut same_id = asked(tx, &wallet, hold(tx, &wallet, "1.00", "10:03")?, "10:03")?;
            same_id.id = request.id.clone();
            broken.push((same_id, "a second request by one id"));
            for (row, what) in broken {
                let stored = tx.isolated(|tx| tx.insert_withdrawal_request(&row))?;
                assert!(stored.is_err(), "{what} is refused");
            }
            assert_eq!(tx.all_withdrawal_requests()?, vec![request]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_copy_carries_every_request_as_stored_after_the_freezes_and_entries_it_names<S: Storage>(mut store: S) {
    let stored = store
        .write(|tx| {
            let wallet = funded(tx, "usr_1");
            let waiting = pending(tx, &wallet, "10.00", "10:01")?;
            let approved = pending(tx, &wallet, "20.00", "10:02")?;
            let decision = approval(captured(tx, &approved, "10:03")?, "10:03");
            assert!(tx.decide_withdrawal_request(&approved.id, ReviewStatus::Approved, &decision)?);
            let rejected = pending(tx, &wallet, "30.00", "10:04")?;
            let released = released(tx, &rejected, "10:05")?;
            let decision = Decision {
                approved_by: None,
                ..approval(released, "10:05")
            };
            assert!(tx.decide_withdrawal_request(&rejected.id, ReviewStatus::Rejected, &decision)?);
            let all = tx.all_withdrawal_requests()?;
            let statuses: Vec<_> = all.iter().map(|r| r.status).collect();
            assert_eq!(
                statuses,
                [ReviewStatus::Pending, ReviewStatus::Approved, ReviewStatus::Rejected]
            );
            assert_eq!(all[0], waiting);
            Ok(all)
        })
        .unwrap();
    let (_dir, mut copy) = fresh_sqlite().expect("a SQLite ledger");
    let copied = crate::ops::copy(&mut store, &mut copy, |_| {}).unwrap();
    assert_eq!(copied.withdrawal_requests, 3);
    assert_eq!(copy.read(|tx| tx.all_withdrawal_requests()).unwrap(), stored);
}
