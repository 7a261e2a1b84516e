//! The one writer: a thread with its own connection that takes every write waiting in the queue
//! (up to the group size) and commits them in one transaction, a savepoint each. While it waits
//! for one group's fsync, the next group gathers; one fsync then answers many requests.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::limits::WRITE_QUEUE_MAX;
use crate::ops::{self, Reply, Settled, WriteRequest};
use crate::store::Store;

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

/// Starts the writer thread. It ends once every sender is dropped and the queue is drained.
pub fn start(
    mut store: Store,
    group_max: usize,
    log: Log,
    on_exit: impl FnOnce() + Send + 'static,
) -> Result<(mpsc::Sender<Job>, std::thread::JoinHandle<()>)> {
    let (sender, mut queue) = mpsc::channel::<Job>(WRITE_QUEUE_MAX);
    let handle = std::thread::Builder::new()
        .name("ledger-writer".to_owned())
        .spawn(move || {
            let _exit = ExitGuard(Some(on_exit));
            while let Some(first) = queue.blocking_recv() {
                let mut jobs = vec![first];
                while jobs.len() < group_max {
                    match queue.try_recv() {
                        Ok(job) => jobs.push(job),
                        Err(_) => break,
                    }
                }
                commit(&mut store, jobs, &log);
            }
        })
        .map_err(|e| Error::internal(format!("cannot start the writer thread: {e}")))?;
    Ok((sender, handle))
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

/// Every request of a group that committed nothing gets the same answer. `ledger_busy` says
/// what happened and that it is safe to retry; any other failure's details may concern one
/// request's wallet, so they go to the server log and the callers get a plain "not applied".
fn group_failed(e: &Error, requests: usize, log: &Log) -> Vec<Reply> {
    let answer = match e.kind() {
        ErrorKind::Busy => e.clone(),
        _ => {
            log.line(format!("{} write group of {requests} rolled back: {e}", ops::now()));
            Error::internal("not applied: the ledger could not write this group of requests and wrote none of it; retry (the server log has the details)")
        }
    };
    vec![error_reply(&answer); requests]
}
