//! The retry alone (its bound, its pauses, what it reruns), then every write path of `ops`
//! over [`Flaky`], a SQLite ledger whose database refuses chosen transactions as a concurrent
//! PostgreSQL writer would make it: each write lands exactly once, and what a request does
//! outside its transaction (a batch's progress and results, a server request's start) happens
//! once.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::{backoff, backoff_ceiling, retrying_with};
use crate::error::{Error, ErrorKind, Result};
use crate::ledger::batch::BatchItem;
use crate::ledger::ids::TokenId;
use crate::ledger::limits::{RETRY_ATTEMPTS_MAX, RETRY_BACKOFF_BASE_MS, RETRY_BACKOFF_CAP_MS};
use crate::ledger::model::{Scope, WalletStatus};
use crate::ledger::operations::Operation;
use crate::ledger::request::{EntryFilter, PageRequest};
use crate::ledger::token::{Access, TokenKind};
use crate::ops::{self, BatchLine, BatchMode, IdempotencyKey, LineResult, Reply, Settled, WriteRequest};
use crate::store::{SqliteStore, SqliteTx, Storage};

/// What a store reports for a transaction the database undid because of a concurrent one.
fn conflict() -> Error {
    Error::Retry {
        sqlstate: "40001".to_owned(),
    }
}

/// Runs `attempt` under the retry with its pauses recorded instead of slept.
fn retried<T>(attempt: impl FnMut() -> Result<T>) -> (Result<T>, Vec<u32>) {
    let mut pauses = Vec::new();
    let answer = retrying_with(attempt, |n| pauses.push(n));
    (answer, pauses)
}

#[test]
fn a_conflict_runs_the_attempt_again_until_it_succeeds() {
    let mut runs = 0;
    let (answer, pauses) = retried(|| {
        runs += 1;
        if runs < 3 {
            Err(conflict())
        } else {
            Ok(runs)
        }
    });
    assert_eq!(answer, Ok(3));
    assert_eq!(pauses, [0, 1]);
}

#[test]
fn attempts_stop_at_the_limit_and_answer_the_last_conflict_as_ledger_busy() {
    let mut runs = 0;
    let (answer, pauses) = retried(|| -> Result<()> {
        runs += 1;
        Err(conflict())
    });
    assert_eq!(runs, RETRY_ATTEMPTS_MAX);
    assert_eq!(pauses, (0..RETRY_ATTEMPTS_MAX - 1).collect::<Vec<_>>());
    let e = answer.unwrap_err();
    assert_eq!(e, conflict());
    assert_eq!(
        (e.kind(), e.code(), e.kind().http_status()),
        (ErrorKind::Busy, "ledger_busy", 503)
    );
    let message = e.to_string();
    assert!(message.contains("nothing was written, safe to retry"), "{message}");
    for internal in [
        "postgres", "select", "update", "insert", "wallets", "journal", "deadlock",
    ] {
        assert!(!message.to_lowercase().contains(internal), "{message}");
    }
}

#[test]
fn an_error_that_is_not_a_conflict_is_never_retried() {
    let not_conflicts = [
        Error::LedgerBusy {
            lock_timeout_ms: Some(5),
        },
        Error::invalid("amount", "is required"),
        // Safe to send again, but by the caller, who was told so; rerunning here would hide a
        // database that is down behind a slower answer.
        Error::DatabaseUnavailable {
            shown: Some("postgres://ledger@db/books".to_owned()),
            cause: "connection refused".to_owned(),
        },
    ];
    for e in not_conflicts {
        let mut runs = 0;
        let (answer, pauses) = retried(|| -> Result<()> {
            runs += 1;
            Err(e.clone())
        });
        assert_eq!((runs, pauses, answer), (1, vec![], Err(e)));
    }
}

#[test]
fn a_commit_whose_outcome_is_unknown_is_never_run_again() {
    let unknown = Error::CommitOutcomeUnknown {
        shown: "postgres://ledger@db/books".to_owned(),
        cause: "connection reset by peer".to_owned(),
    };
    let mut runs = 0;
    let (answer, pauses) = retried(|| -> Result<()> {
        runs += 1;
        Err(unknown.clone())
    });
    assert_eq!((runs, pauses, answer), (1, vec![], Err(unknown)));
}

#[test]
fn each_pause_is_random_up_to_a_bound_that_doubles_from_the_base_to_the_cap() {
    let ms = Duration::from_millis;
    let ceilings: Vec<Duration> = (0..8).map(backoff_ceiling).collect();
    assert_eq!(
        ceilings,
        [ms(5), ms(10), ms(20), ms(40), ms(80), ms(160), ms(250), ms(250)]
    );
    assert_eq!(ceilings[0], ms(RETRY_BACKOFF_BASE_MS));
    for n in [7, 31, 32, 64, u32::MAX] {
        assert_eq!(backoff_ceiling(n), ms(RETRY_BACKOFF_CAP_MS), "retry {n}");
    }
    for n in [0, 1, 6, 40, u32::MAX] {
        let ceiling = backoff_ceiling(n);
        assert_eq!(backoff(n, Some(0)), Duration::ZERO);
        assert_eq!(backoff(n, None), ceiling, "no randomness: the whole bound");
        for random in [1, 4_999, 5_000, 5_001, 0x9e37_79b9_7f4a_7c15, u64::MAX] {
            assert!(backoff(n, Some(random)) <= ceiling, "retry {n}, random {random}");
        }
    }
    // Every pause of the bound is reachable, to the microsecond.
    assert_eq!(backoff(0, Some(5_000)), ms(5));
    assert_eq!(backoff(0, Some(5_001)), Duration::ZERO);
    let drawn: Vec<Duration> = (0..64).map(|_| backoff(2, super::random())).collect();
    assert!(drawn.iter().all(|d| *d <= ms(20)));
    assert!(drawn.windows(2).any(|w| w[0] != w[1]), "jittered: {drawn:?}");
}

/// How the database treats one transaction that takes the write lock.
enum Fault {
    /// Refuses it before any of it runs.
    Before,
    /// Lets it run whole, then refuses its COMMIT and rolls it back.
    AtCommit,
    /// Another writer commits this first; then the transaction is refused before it runs, as
    /// the loser of a race on the same rows.
    Overtaken(Box<dyn FnOnce(&mut SqliteStore)>),
    /// Lets it run whole, rolls it back and reports this error, which is no conflict.
    Fails(Error),
}

/// A SQLite ledger that meets each of its next write-lock transactions with the next fault.
struct Flaky {
    inner: SqliteStore,
    faults: VecDeque<Fault>,
    /// How many transactions ran their closure.
    runs: usize,
    _dir: TempDir,
}

impl Flaky {
    fn new() -> Flaky {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let inner = SqliteStore::create(&dir.path().join("ledger.db"), 5_000).expect("a new ledger");
        Flaky {
            inner,
            faults: VecDeque::new(),
            runs: 0,
            _dir: dir,
        }
    }

    fn then(&mut self, fault: Fault) -> &mut Flaky {
        self.faults.push_back(fault);
        self
    }

    /// A transaction under the write lock, kept if `keep` and no fault is due.
    fn locked<T>(&mut self, keep: bool, f: impl FnOnce(&SqliteTx<'_>) -> Result<T>) -> Result<T> {
        let undone_with = match self.faults.pop_front() {
            None => {
                self.runs += 1;
                return if keep {
                    self.inner.write(f)
                } else {
                    self.inner.rehearse(f)
                };
            }
            Some(Fault::Before) => return Err(conflict()),
            Some(Fault::Overtaken(other)) => {
                other(&mut self.inner);
                return Err(conflict());
            }
            Some(Fault::AtCommit) => conflict(),
            Some(Fault::Fails(e)) => e,
        };
        self.runs += 1;
        self.inner.rehearse(f).and(Err(undone_with))
    }
}

impl Storage for Flaky {
    type Tx<'c> = SqliteTx<'c>;

    fn write<T>(&mut self, f: impl FnOnce(&SqliteTx<'_>) -> Result<T>) -> Result<T> {
        self.locked(true, f)
    }

    fn read<T>(&mut self, f: impl FnOnce(&SqliteTx<'_>) -> Result<T>) -> Result<T> {
        self.inner.read(f)
    }

    fn rehearse<T>(&mut self, f: impl FnOnce(&SqliteTx<'_>) -> Result<T>) -> Result<T> {
        self.locked(false, f)
    }

    fn schema_version(&mut self) -> Result<i64> {
        self.inner.schema_version()
    }
}

fn scope() -> Scope {
    Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    }
}

/// A ledger with the wallet of `usr_1`, holding 100.00 USD.
fn funded() -> Flaky {
    let mut store = Flaky::new();
    ops::create_wallet(&mut store, &scope(), "usr_1", "USD".parse().unwrap()).unwrap();
    let deposit = Operation::deposit("100.00", None, None).unwrap();
    ops::execute(&mut store, &scope(), "usr_1", &deposit, "test").unwrap();
    store.runs = 0;
    store
}

/// The wallet's available balance in minor units and its number of journal entries; and that
/// the whole ledger still verifies.
fn state(store: &mut Flaky) -> (i64, u64) {
    let page = PageRequest::new(None, Some(100)).unwrap();
    let (wallet, history) = ops::history(store, &scope(), "usr_1", &EntryFilter::default(), page).unwrap();
    let report = ops::verify(store, &[]).unwrap();
    assert!(report.checks.iter().all(|c| c.ok()), "{report:?}");
    (wallet.available, history.total)
}

#[test]
fn an_operation_refused_before_it_runs_or_at_its_commit_is_applied_once_by_a_rerun() {
    let mut store = funded();
    store.then(Fault::Before).then(Fault::AtCommit);
    let withdraw = Operation::withdraw("30.00", None, None).unwrap();
    let outcome = ops::execute(&mut store, &scope(), "usr_1", &withdraw, "test").unwrap();
    assert_eq!(store.runs, 2, "the refused commit's run, then the kept one");
    assert_eq!(outcome.wallet.available, 7_000);
    assert_eq!(state(&mut store), (7_000, 2));
}

#[test]
fn a_failure_that_is_no_conflict_runs_its_transaction_once_and_is_the_answer() {
    let mut store = funded();
    let unknown = Error::internal("the connection was lost during COMMIT: outcome unknown");
    store.then(Fault::Fails(unknown.clone()));
    let withdraw = Operation::withdraw("30.00", None, None).unwrap();
    assert_eq!(
        ops::execute(&mut store, &scope(), "usr_1", &withdraw, "test"),
        Err(unknown)
    );
    assert_eq!(store.runs, 1);
    assert_eq!(state(&mut store), (10_000, 1));
}

fn line(line: u64, user_id: &str, operation: Operation) -> BatchLine {
    BatchLine {
        line,
        item: Ok(BatchItem {
            user_id: Some(user_id.to_owned()),
            operation,
        }),
    }
}

/// Three lines: two withdrawals and one a rule refuses.
fn three_lines() -> Vec<BatchLine> {
    vec![
        line(1, "usr_1", Operation::withdraw("10.00", None, None).unwrap()),
        line(2, "usr_1", Operation::withdraw("500.00", None, None).unwrap()),
        line(3, "usr_1", Operation::withdraw("20.00", None, None).unwrap()),
    ]
}

/// Each emitted line's number, with its error's name if it failed.
type Emitted = Vec<(u64, Option<&'static str>)>;

/// Runs a batch of `lines`; how many times progress was called, and what was emitted.
fn run_batch(store: &mut Flaky, lines: &[BatchLine], mode: BatchMode) -> (Result<()>, usize, Emitted) {
    let progressed = Cell::new(0);
    let mut emitted = Vec::new();
    let mut emit = |r: LineResult| emitted.push((r.line, r.outcome.err().map(|e| e.code())));
    let progress = || progressed.set(progressed.get() + 1);
    let done = ops::batch(store, &scope(), "test", lines, mode, &progress, &mut emit);
    (done, progressed.get(), emitted)
}

#[test]
fn a_rerun_batch_chunk_counts_and_emits_each_line_once_after_its_commit() {
    let mut store = funded();
    store.then(Fault::AtCommit).then(Fault::AtCommit);
    let (done, progressed, emitted) = run_batch(&mut store, &three_lines(), BatchMode::PerLine);
    assert_eq!(done, Ok(()));
    assert_eq!(store.runs, 3);
    assert_eq!(progressed, 3);
    assert_eq!(emitted, [(1, None), (2, Some("insufficient_balance")), (3, None)]);
    assert_eq!(state(&mut store), (7_000, 3));
}

#[test]
fn a_rerun_atomic_batch_commits_once_and_emits_each_line_once() {
    let mut store = funded();
    store.then(Fault::AtCommit);
    let mut lines = three_lines();
    lines.remove(1);
    let (done, progressed, emitted) = run_batch(&mut store, &lines, BatchMode::Atomic);
    assert_eq!(done, Ok(()));
    assert_eq!((store.runs, progressed), (2, 2));
    assert_eq!(emitted, [(1, None), (3, None)]);
    assert_eq!(state(&mut store), (7_000, 3));
}

#[test]
fn a_rerun_atomic_batch_with_a_failing_line_rolls_back_and_emits_each_line_once() {
    let mut store = funded();
    store.then(Fault::Before);
    let (done, progressed, emitted) = run_batch(&mut store, &three_lines(), BatchMode::Atomic);
    assert_eq!(done, Ok(()));
    assert_eq!((store.runs, progressed), (1, 3));
    let rolled_back = Some("batch_rolled_back");
    assert_eq!(
        emitted,
        [(1, rolled_back), (2, Some("insufficient_balance")), (3, rolled_back)]
    );
    assert_eq!(state(&mut store), (10_000, 1));
}

#[test]
fn a_rerun_dry_run_counts_and_emits_each_line_once_and_writes_nothing() {
    let mut store = funded();
    store.then(Fault::AtCommit);
    let (done, progressed, emitted) = run_batch(&mut store, &three_lines(), BatchMode::DryRun);
    assert_eq!(done, Ok(()));
    assert_eq!((store.runs, progressed), (2, 3));
    assert_eq!(emitted, [(1, None), (2, Some("insufficient_balance")), (3, None)]);
    assert_eq!(state(&mut store), (10_000, 1));
}

fn render(settled: Settled) -> Reply {
    let (status, body) = match settled {
        Settled::Applied(outcome) => (200, outcome.entry.id.as_str().to_owned()),
        Settled::Created(wallet) => (201, wallet.id.as_str().to_owned()),
        Settled::StatusChanged(outcome) => (200, outcome.wallet.status.as_str().to_owned()),
        Settled::BatchFrozen(frozen) => (200, frozen.frozen_count().to_string()),
        Settled::BatchUnfrozen(unfrozen) => (200, unfrozen.released_count().to_string()),
        Settled::Snapshot(taken) => (200, taken.run.snapshot_count.to_string()),
        Settled::Policy(state) => (200, state.message().to_owned()),
        Settled::Reviewed(reviewed) => (200, reviewed.request.id.as_str().to_owned()),
        Settled::Failed(e) => (e.kind().http_status(), e.code().to_owned()),
        Settled::NotStarted { .. } => (503, "not started".to_owned()),
        Settled::KeyReused { key } => (409, key.to_owned()),
    };
    Reply {
        status,
        body: body.into_bytes(),
    }
}

fn request(amount: &str, key: Option<&str>) -> WriteRequest {
    WriteRequest {
        scope: scope(),
        actor: "token:tok_test".to_owned(),
        user_id: Some("usr_1".to_owned()),
        work: Operation::withdraw(amount, None, None).unwrap().into(),
        key: key.map(|key| IdempotencyKey {
            key: key.to_owned(),
            owner: "user:usr_1".to_owned(),
            fingerprint: format!("withdraw {amount}"),
            token_id: TokenId::new("tok_test"),
        }),
        deadline: Instant::now() + Duration::from_secs(60),
        timeout_ms: 60_000,
    }
}

/// Commits `requests` as the server's writer does; the replies and how often each was started.
fn group<S: Storage>(store: &mut S, requests: &[WriteRequest]) -> (Result<Vec<Reply>>, Vec<usize>) {
    let starts = RefCell::new(vec![0; requests.len()]);
    let start = |index: usize| {
        starts.borrow_mut()[index] += 1;
        true
    };
    let replies = ops::commit_group(store, requests, &start, &render);
    (replies, starts.into_inner())
}

#[test]
fn a_rerun_group_starts_each_request_once_and_applies_it_once() {
    let mut store = funded();
    store.then(Fault::AtCommit).then(Fault::Before);
    let requests = [
        request("10.00", Some("k1")),
        request("500.00", None),
        request("20.00", None),
    ];
    let (replies, starts) = group(&mut store, &requests);
    let replies = replies.unwrap();
    assert_eq!(starts, [1, 1, 1]);
    let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 409, 200]);
    assert_eq!(state(&mut store), (7_000, 3));
    // The key was kept with the write that committed: sent again, its answer is replayed.
    let (again, _) = group(&mut store, &[request("10.00", Some("k1"))]);
    assert_eq!(again.unwrap(), [replies[0].clone()]);
    assert_eq!(state(&mut store), (7_000, 3));
}

#[test]
fn a_request_started_before_a_refused_commit_runs_again_after_its_deadline() {
    let mut store = funded();
    let late = request("10.00", None);
    let deadline = late.deadline.min(Instant::now() + Duration::from_millis(30));
    let late = WriteRequest { deadline, ..late };
    let wait_for_the_deadline = move |_: &mut SqliteStore| {
        std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
    };
    store
        .then(Fault::AtCommit)
        .then(Fault::Overtaken(Box::new(wait_for_the_deadline)));
    let (replies, starts) = group(&mut store, &[late]);
    assert!(Instant::now() >= deadline);
    assert_eq!(starts, [1]);
    assert_eq!(replies.unwrap()[0].status, 200, "its caller waits for the real answer");
    assert_eq!(state(&mut store), (9_000, 2));
}

#[test]
fn a_group_overtaken_by_the_same_keyed_request_answers_what_that_request_stored() {
    let mut store = funded();
    let stored = std::rc::Rc::new(RefCell::new(Vec::new()));
    let kept = stored.clone();
    store.then(Fault::Overtaken(Box::new(move |other| {
        let (replies, _) = group(other, &[request("10.00", Some("k1"))]);
        *kept.borrow_mut() = replies.unwrap();
    })));
    let (replies, starts) = group(&mut store, &[request("10.00", Some("k1"))]);
    assert_eq!(starts, [1]);
    assert_eq!(replies.unwrap(), *stored.borrow());
    assert_eq!(state(&mut store), (9_000, 2));
}

#[test]
fn a_group_failing_with_no_conflict_starts_and_runs_once_and_writes_nothing() {
    let mut store = funded();
    store.then(Fault::Fails(Error::internal("outcome unknown")));
    let (replies, starts) = group(&mut store, &[request("10.00", Some("k1"))]);
    assert_eq!(replies, Err(Error::internal("outcome unknown")));
    assert_eq!((starts, store.runs), (vec![1], 1));
    assert_eq!(state(&mut store), (10_000, 1));
}

#[test]
fn every_other_write_path_is_applied_once_after_a_refused_commit() {
    let mut store = funded();
    let usd = "USD".parse().unwrap();
    store.then(Fault::AtCommit);
    let wallet = ops::create_wallet(&mut store, &scope(), "usr_2", usd).unwrap();
    assert_eq!(ops::show_wallet(&mut store, &scope(), "usr_2").unwrap(), wallet);

    let first = ops::history(
        &mut store,
        &scope(),
        "usr_1",
        &EntryFilter::default(),
        PageRequest::new(None, None).unwrap(),
    );
    let deposit_id = first.unwrap().1.items[0].0.id.clone();
    let refund = Operation::internal_refund(deposit_id.as_str(), Some("5.00"), Some("r".into()), None).unwrap();
    let Operation::InternalRefund(request) = refund else {
        unreachable!("an internal refund")
    };
    store.then(Fault::AtCommit);
    ops::internal_refund(&mut store, &scope(), &request, "test").unwrap();
    assert_eq!(state(&mut store), (9_500, 2));

    store.then(Fault::AtCommit);
    let frozen = ops::set_status(
        &mut store,
        &scope(),
        "usr_2",
        WalletStatus::Frozen,
        Some("audit".into()),
        "test",
    );
    assert_eq!(frozen.unwrap().wallet.status, WalletStatus::Frozen);
    let page = PageRequest::new(None, None).unwrap();
    assert_eq!(
        ops::status_history(&mut store, &scope(), "usr_2", page)
            .unwrap()
            .1
            .total,
        1
    );

    let new = ops::NewToken {
        kind: TokenKind::Bearer,
        scope: scope(),
        user_id: None,
        access: Access::Read,
        expires: None,
        name: None,
    };
    store.then(Fault::AtCommit);
    let (token, _) = ops::create_token(&mut store, &new, "test").unwrap();
    assert_eq!(ops::list_tokens(&mut store, page).unwrap().total, 1);
    store.then(Fault::AtCommit);
    assert!(
        ops::revoke_token(&mut store, token.id.as_str()).unwrap().1,
        "revoked by the rerun"
    );

    store.then(Fault::AtCommit);
    assert_eq!(ops::seal(&mut store, "test").unwrap().seal.seq, 1);
    assert!(!ops::seal(&mut store, "test").unwrap().created, "one seal, not two");
    assert_eq!(store.runs, 13, "each of the six paths twice, the last seal once");
    assert_eq!(state(&mut store), (9_500, 2));
}
