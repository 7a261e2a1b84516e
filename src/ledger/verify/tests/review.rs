//! The `withdrawal_requests` check: each request against its wallet, its freeze, the freeze's
//! entry and its decision's entry. Only the requests are tampered with here, so every other
//! check still passes and each broken rule names itself.

use super::*;
use crate::ledger::ids::WithdrawalRequestId;
use crate::ledger::operations::capture;
use crate::ledger::review::{Decision, ReviewStatus, WithdrawalRequest, AUTO_APPROVER};
use crate::ledger::time::Timestamp;

const MAKER: &str = "cli:alice";
const CHECKER: &str = "cli:bob";

fn hour(h: u32) -> Timestamp {
    format!("2026-01-01T{h:02}:00:00Z").parse().unwrap()
}

impl Book {
    /// Applies `op` to wallet `w` as `actor` at `hour`: the new transaction's id.
    fn apply_as(&mut self, w: usize, op: Operation, referent: Referent, actor: &str, at: Timestamp) -> TransactionId {
        let ctx = Context {
            actor: actor.into(),
            now: at,
            ..self.context()
        };
        let plan = op.plan(&self.wallets[w], &referent, &ctx).unwrap();
        self.push(w, plan);
        ctx.transaction_id
    }

    /// Wallet `w`'s request to withdraw `amount`, held by a freeze the maker made at `at`.
    fn ask(&mut self, w: usize, amount: &str, at: Timestamp) -> WithdrawalRequest {
        let op = Operation::freeze(amount, None, None).unwrap();
        self.apply_as(w, op, Referent::None, MAKER, at);
        let freeze = self.freezes.last().unwrap().clone();
        let wallet = &self.wallets[w];
        WithdrawalRequest {
            id: WithdrawalRequestId::new(format!("wdr_{}", self.entries.len())),
            scope: wallet.scope(),
            wallet_id: wallet.id.clone(),
            user_id: wallet.user_id.clone(),
            currency: wallet.currency,
            amount: freeze.amount,
            remark: None,
            reference_id: None,
            freeze_id: freeze.id,
            requested_by: MAKER.into(),
            requested_at: at,
            status: ReviewStatus::Pending,
            decision: None,
        }
    }

    /// Captures `r`'s freeze (`amount`, `None`: whole; to `counterparty`, `None`: the
    /// settlement) as `actor` at `at`, and records the request approved by `decided_by`.
    fn approve(&mut self, r: &mut WithdrawalRequest, decided_by: &str, actor: &str, at: Timestamp) {
        self.capture_as(r, None, None, actor, at);
        let txn = self.entries.last().unwrap().entry.id.clone();
        let approved_by = (decided_by != AUTO_APPROVER).then(|| "Bob".to_owned());
        r.status = ReviewStatus::Approved;
        r.decision = Some(decision(decided_by, approved_by, at, txn));
    }

    fn capture_as(
        &mut self,
        r: &WithdrawalRequest,
        amount: Option<&str>,
        to: Option<&str>,
        actor: &str,
        at: Timestamp,
    ) {
        let record = self.freezes.iter().find(|f| f.id == r.freeze_id).unwrap().clone();
        let request = capture::Request::new(r.freeze_id.as_str(), amount, to, to.is_some(), None, None).unwrap();
        self.apply_as(0, Operation::Capture(request), Referent::Freeze(record), actor, at);
    }

    /// Releases `r`'s freeze as the checker at `at`, and records the request rejected.
    fn reject(&mut self, r: &mut WithdrawalRequest, at: Timestamp) {
        let record = self.freezes.iter().find(|f| f.id == r.freeze_id).unwrap().clone();
        let op = Operation::unfreeze(r.freeze_id.as_str(), None, None).unwrap();
        let txn = self.apply_as(0, op, Referent::Freeze(record), CHECKER, at);
        r.status = ReviewStatus::Rejected;
        r.decision = Some(decision(CHECKER, None, at, txn));
    }

    fn review(&self, requests: &[WithdrawalRequest]) -> Report {
        let mut v = Verifier::new(&[], &self.wallets, &self.seals);
        for e in &self.entries {
            v.entry(e, &Rows(&self.entries)).expect("the rows answer");
        }
        v.withdrawal_requests(requests.to_vec());
        v.finish(&self.wallets, &self.freezes, Vec::new())
    }
}

fn decision(decided_by: &str, approved_by: Option<String>, at: Timestamp, transaction_id: TransactionId) -> Decision {
    Decision {
        decided_by: decided_by.into(),
        approved_by,
        remark: None,
        decided_at: at,
        transaction_id,
    }
}

/// Wallet 0 holding 100.00 with four requests: pending (10.00), approved by the checker
/// (20.00), rejected by the checker (30.00) and auto-approved (5.00), each decided an hour
/// after the one before.
fn reviewed() -> (Book, Vec<WithdrawalRequest>) {
    let mut book = Book::new(&["u"]);
    book.deposit(0, "100");
    let pending = book.ask(0, "10", hour(1));
    let mut approved = book.ask(0, "20", hour(1));
    book.approve(&mut approved, CHECKER, CHECKER, hour(2));
    let mut rejected = book.ask(0, "30", hour(1));
    book.reject(&mut rejected, hour(3));
    let mut auto = book.ask(0, "5", hour(4));
    book.approve(&mut auto, AUTO_APPROVER, MAKER, hour(4));
    (book, vec![pending, approved, rejected, auto])
}

/// The report with request `i` changed by `tamper`, expected to fail the check alone with
/// `problems` (each prefixed with the request's id).
fn tampered(i: usize, tamper: impl FnOnce(&mut WithdrawalRequest), problems: &[&str]) {
    let (book, mut requests) = reviewed();
    tamper(&mut requests[i]);
    let id = requests[i].id.clone();
    let expected: Vec<String> = problems
        .iter()
        .map(|p| format!("withdrawal request {id} {p}"))
        .collect();
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_problems(&book.review(&requests), "withdrawal_requests", &expected);
}

fn decided(r: &mut WithdrawalRequest) -> &mut Decision {
    r.decision.as_mut().unwrap()
}

#[test]
fn honest_requests_pass_and_are_counted_after_captures() {
    let (book, requests) = reviewed();
    let r = book.review(&requests);
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "withdrawal_requests").checked, 4);
    let names: Vec<&str> = r.checks.iter().map(|c| c.name).collect();
    let at = names.iter().position(|n| *n == "withdrawal_requests").unwrap();
    assert_eq!(names[at - 1], "captures");
    assert!(
        !book.report().checks.iter().any(|c| c.name == "withdrawal_requests"),
        "only when given"
    );
}

#[test]
fn a_request_of_another_user_or_wallet_fails() {
    tampered(
        0,
        |r| r.user_id = "v".into(),
        &["does not match its wallet wlt_u's tenant, application, user or currency"],
    );
    tampered(
        0,
        |r| r.scope.tenant_id = "t2".into(),
        &["does not match its wallet wlt_u's tenant, application, user or currency"],
    );
    tampered(
        0,
        |r| r.wallet_id = "wlt_v".into(),
        &[
            "names wallet wlt_v, which does not exist",
            "is not held by its freeze frz_2: another wallet or amount",
        ],
    );
}

#[test]
fn a_request_not_held_by_its_freeze_fails() {
    tampered(
        0,
        |r| r.amount = Amount::from_stored(999).unwrap(),
        &["is not held by its freeze frz_2: another wallet or amount"],
    );
    tampered(
        0,
        |r| r.freeze_id = "frz_none".into(),
        &["names freeze frz_none, which has no record"],
    );
}

#[test]
fn a_request_its_freezes_maker_did_not_ask_then_fails() {
    const NOT_ASKED: &str = "was not asked by its freeze frz_2's actor at its time";
    tampered(0, |r| r.requested_by = "cli:mallory".into(), &[NOT_ASKED]);
    tampered(0, |r| r.requested_at = hour(9), &[NOT_ASKED]);
}

#[test]
fn a_pending_request_whose_freeze_ended_fails() {
    tampered(
        2,
        |r| (r.status, r.decision) = (ReviewStatus::Pending, None),
        &["is pending but its freeze frz_5 is released"],
    );
    tampered(
        1,
        |r| r.decision = None,
        &["is approved but its decision says otherwise"],
    );
}

#[test]
fn a_decision_by_the_requester_fails() {
    tampered(
        1,
        |r| decided(r).decided_by = MAKER.into(),
        &[
            "is decided by its requester cli:alice",
            "was not decided at its entry txn_4's time by its entry's actor",
        ],
    );
}

#[test]
fn the_auto_approver_only_approves_and_names_no_approver() {
    tampered(
        2,
        |r| decided(r).decided_by = AUTO_APPROVER.into(),
        &[
            "is rejected by policy:auto_approve with approver None",
            "was not decided at its entry txn_6's time by its entry's actor",
        ],
    );
    tampered(
        3,
        |r| decided(r).approved_by = Some("Bob".into()),
        &["is approved by policy:auto_approve with approver Some(\"Bob\")"],
    );
    tampered(
        2,
        |r| decided(r).approved_by = Some("Bob".into()),
        &["is rejected by cli:bob with approver Some(\"Bob\")"],
    );
}

#[test]
fn a_decision_at_another_time_or_by_another_entrys_actor_fails() {
    const NOT_DECIDED: &str = "was not decided at its entry txn_4's time by its entry's actor";
    tampered(1, |r| decided(r).decided_at = hour(9), &[NOT_DECIDED]);
    tampered(1, |r| decided(r).decided_by = "cli:carol".into(), &[NOT_DECIDED]);
    // An auto-approval's entry is the requester's.
    tampered(
        3,
        |r| r.requested_by = CHECKER.into(),
        &[
            "was not asked by its freeze frz_7's actor at its time",
            "was not decided at its entry txn_8's time by its entry's actor",
        ],
    );
}

#[test]
fn a_decision_naming_the_wrong_entry_fails() {
    tampered(
        1,
        |r| decided(r).transaction_id = "txn_1".into(),
        &["names decision entry txn_1, which ends no freeze"],
    );
    tampered(
        1,
        |r| {
            let d = decided(r);
            (d.transaction_id, d.decided_at) = ("txn_6".into(), hour(3));
        },
        &["is approved but its entry txn_6 has not captured whole to the settlement its freeze frz_3"],
    );
    tampered(
        2,
        |r| {
            let d = decided(r);
            (d.transaction_id, d.decided_at) = ("txn_4".into(), hour(2));
        },
        &["is rejected but its entry txn_4 has not released its freeze frz_5"],
    );
    tampered(
        1,
        |r| r.status = ReviewStatus::Rejected,
        &[
            "is rejected by cli:bob with approver Some(\"Bob\")",
            "is rejected but its entry txn_4 has not released its freeze frz_3",
            "is rejected but its freeze frz_3's record is not released",
        ],
    );
}

#[test]
fn an_approval_captured_in_part_or_to_a_counterparty_fails() {
    let mut book = Book::new(&["u"]);
    book.deposit(0, "100");
    let mut part = book.ask(0, "20", hour(1));
    book.capture_as(&part, Some("10"), None, CHECKER, hour(2));
    let mut paid = book.ask(0, "20", hour(1));
    book.capture_as(&paid, None, Some("mch_1"), CHECKER, hour(2));
    for (r, txn) in [(&mut part, "txn_3"), (&mut paid, "txn_5")] {
        r.status = ReviewStatus::Approved;
        r.decision = Some(decision(CHECKER, None, hour(2), txn.into()));
    }
    assert_problems(&book.review(&[part, paid]), "withdrawal_requests", &[
        "withdrawal request wdr_2 is approved but its entry txn_3 has not captured whole to the settlement its freeze frz_2",
        "withdrawal request wdr_2 is approved but its freeze frz_2's record is not captured whole to the settlement",
        "withdrawal request wdr_4 is approved but its entry txn_5 has not captured whole to the settlement its freeze frz_4",
    ]);
}
