//! The writers: threads with a connection each that take the writes waiting in the queue (up to
//! the group size) and commit them in one transaction, a savepoint each. On SQLite there is one:
//! while it waits for one group's fsync, the next group gathers, and one fsync answers many
//! requests. On PostgreSQL there are several, each request its own transaction: writes to
//! different wallets run at once and the database groups their commits. A PostgreSQL writer
//! whose session is lost opens a new one before its next request ([`Reconnecting`]); while it
//! cannot, the requests it takes are answered `database_unavailable`, never started.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::limits::WRITE_QUEUE_MAX;
use crate::ops::{self, Reply, Settled, WriteRequest};
use crate::store::{ConnectionEvent, Reconnecting, Store};

use super::body::{error_reply, render_settled};
use super::log::Log;

/// A write and where its answer goes.
pub struct Job {
    pub request: WriteRequest,
    pub reply: oneshot::Sender<Reply>,
    /// Who decided the job's fate first: the writer starting it, or its caller giving up on it
    /// at the deadline. Exactly one of them wins, so a timeout answer is always "not written".
    pub fate: Arc<Fate>,
}

/// A job's fate, decided once.
#[derive(Debug, Default)]
pub struct Fate(AtomicU8);

const QUEUED: u8 = 0;
const STARTED: u8 = 1;
const ABANDONED: u8 = 2;

impl Fate {
    /// The writer's claim, under the write lock: true if the job is now started.
    fn start(&self) -> bool {
        self.0
            .compare_exchange(QUEUED, STARTED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// The caller's claim at its deadline: true if the job will now never be started.
    pub fn abandon(&self) -> bool {
        self.0
            .compare_exchange(QUEUED, ABANDONED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }
}

/// Runs `on_exit` when the writer thread ends, also by a panic: the server must not go on
/// taking writes it can no longer make.
struct ExitGuard<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for ExitGuard<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// Starts a writer thread per store, all taking from one queue. They end once every sender is
/// dropped and the queue is drained; `on_exit` runs when the last one has ended (also by a
/// panic).
pub fn start(
    stores: Vec<Reconnecting>,
    group_max: usize,
    log: Log,
    on_exit: impl FnOnce() + Send + 'static,
) -> Result<(mpsc::Sender<Job>, Vec<std::thread::JoinHandle<()>>)> {
    let (sender, queue) = mpsc::channel::<Job>(WRITE_QUEUE_MAX);
    let queue = Arc::new(Mutex::new(queue));
    let last_out = Arc::new(LastOut {
        running: AtomicUsize::new(stores.len()),
        on_exit: Mutex::new(Some(Box::new(on_exit))),
    });
    let mut handles = Vec::with_capacity(stores.len());
    for (n, mut store) in stores.into_iter().enumerate() {
        let (queue, log, last_out) = (queue.clone(), log.clone(), last_out.clone());
        let handle = std::thread::Builder::new()
            .name(format!("ledger-writer-{n}"))
            .spawn(move || {
                let _exit = ExitGuard(Some(move || last_out.leave()));
                let shown = store.shown();
                while let Some(jobs) = next_group(&queue, group_max) {
                    // After the wait for work, just before the connection is used: an idle
                    // connection is checked, and a lost one reopened for this very group.
                    store.refresh(Instant::now(), &mut |event| log_event(&log, n, &shown, &event));
                    match store.store() {
                        Ok(store) => commit(store, jobs, &log),
                        Err(e) => not_started(jobs, &e),
                    }
                }
            })
            .map_err(|e| Error::internal(format!("cannot start a writer thread: {e}")))?;
        handles.push(handle);
    }
    Ok((sender, handles))
}

/// The next group of writes: the first one waited for, then every one already waiting, up to
/// `group_max`. `None` once the queue is closed and drained (or another writer panicked while
/// taking from it).
fn next_group(queue: &Mutex<mpsc::Receiver<Job>>, group_max: usize) -> Option<Vec<Job>> {
    let mut queue = queue.lock().ok()?;
    let mut jobs = vec![queue.blocking_recv()?];
    while jobs.len() < group_max {
        match queue.try_recv() {
            Ok(job) => jobs.push(job),
            Err(_) => break,
        }
    }
    Some(jobs)
}

/// One line per change of a writer's connection, naming the database without its password.
fn log_event(log: &Log, writer: usize, shown: &str, event: &ConnectionEvent) {
    let now = ops::now();
    log.line(match event {
        ConnectionEvent::Lost => format!("{now} writer {writer}: lost its connection to {shown}; reconnecting"),
        ConnectionEvent::Unreachable(e) => format!(
            "{now} writer {writer}: cannot reconnect to {shown} ({e}); answering database_unavailable until it can"
        ),
        ConnectionEvent::Restored { failures } => {
            format!("{now} writer {writer}: reconnected to {shown} after {failures} failed attempt(s)")
        }
    });
}

/// Answers every job of a group taken while the writer has no connection: none was started.
fn not_started(jobs: Vec<Job>, e: &Error) {
    let reply = error_reply(e);
    for job in jobs {
        let _ = job.reply.send(reply.clone());
    }
}

/// Counts the writers still running, and runs the exit action when the last one leaves.
struct LastOut {
    running: AtomicUsize,
    on_exit: Mutex<Option<Box<dyn FnOnce() + Send>>>,
}

impl LastOut {
    fn leave(&self) {
        if self.running.fetch_sub(1, Ordering::AcqRel) == 1 {
            let on_exit = self.on_exit.lock().ok().and_then(|mut f| f.take());
            if let Some(f) = on_exit {
                f();
            }
        }
    }
}

fn commit(store: &mut Store, jobs: Vec<Job>, log: &Log) {
    // Jobs already given up on (a caller gone, a deadline passed) are dropped before taking the
    // write lock: a queue of abandoned jobs must not wait for the lock, group after group.
    let now = Instant::now();
    let (jobs, late): (Vec<Job>, Vec<Job>) = jobs
        .into_iter()
        .filter(|job| !job.reply.is_closed())
        .partition(|job| job.request.deadline > now);
    for job in late {
        // Never started: say so, rather than drop the answer channel (which reads as a failure).
        let _ = job.reply.send(render_settled(Settled::NotStarted {
            timeout_ms: job.request.timeout_ms,
        }));
    }
    if jobs.is_empty() {
        return;
    }
    let requests: Vec<WriteRequest> = jobs.iter().map(|job| job.request.clone()).collect();
    // Checked again under the lock, just before each job runs: a caller that has gone or given
    // up was never told anything, so its write is not started.
    let start = |index: usize| {
        jobs.get(index)
            .is_some_and(|job| !job.reply.is_closed() && job.fate.start())
    };
    let replies = match ops::commit_group(store, &requests, &start, &render_settled) {
        Ok(replies) if replies.len() == jobs.len() => replies,
        Ok(_) => group_failed(&Error::internal("the writer lost track of a request"), jobs.len(), log),
        Err(e) => group_failed(&e, jobs.len(), log),
    };
    for (job, reply) in jobs.into_iter().zip(replies) {
        // Already durable: a caller that has gone meanwhile simply does not hear it.
        let _ = job.reply.send(reply);
    }
}

/// Every request of a group that failed as a whole gets the same answer. `ledger_busy` and
/// `database_unavailable` say what happened and that it is safe to retry; a
/// `commit_outcome_unknown` must reach its caller as it is, since "not applied" could be false
/// (the COMMIT may have landed). Any other failure's details may concern one request's wallet,
/// so they go to the server log and the callers get a plain "not applied".
fn group_failed(e: &Error, requests: usize, log: &Log) -> Vec<Reply> {
    let answer = match (e, e.kind()) {
        (_, ErrorKind::Busy) => e.clone(),
        (Error::CommitOutcomeUnknown { .. }, _) => {
            log.line(format!("{} write group of {requests}: {e}", ops::now()));
            e.clone()
        }
        _ => {
            log.line(format!("{} write group of {requests} rolled back: {e}", ops::now()));
            Error::internal("not applied: the ledger could not write this group of requests and wrote none of it; retry (the server log has the details)")
        }
    };
    vec![error_reply(&answer); requests]
}
