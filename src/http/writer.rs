//! The one writer: a thread with its own connection that takes every write waiting in the queue
//! (up to the group size) and commits them in one transaction, a savepoint each. While it waits
//! for one group's fsync, the next group gathers; one fsync then answers many requests.

use tokio::sync::{mpsc, oneshot};

use crate::error::Error;
use crate::ledger::limits::WRITE_QUEUE_MAX;
use crate::ops::{self, Reply, WriteRequest};
use crate::store::Store;

use super::api::render_outcome;
use super::body::error_reply;

/// A write and where its answer goes.
pub struct Job {
    pub request: WriteRequest,
    pub reply: oneshot::Sender<Reply>,
}

/// Starts the writer thread; it ends once every sender is dropped and the queue is drained.
pub fn start(
    mut store: Store,
    group_max: usize,
) -> crate::error::Result<(mpsc::Sender<Job>, std::thread::JoinHandle<()>)> {
    let (sender, mut queue) = mpsc::channel::<Job>(WRITE_QUEUE_MAX);
    let handle = std::thread::Builder::new()
        .name("ledger-writer".to_owned())
        .spawn(move || {
            while let Some(first) = queue.blocking_recv() {
                let mut jobs = vec![first];
                while jobs.len() < group_max {
                    match queue.try_recv() {
                        Ok(job) => jobs.push(job),
                        Err(_) => break,
                    }
                }
                commit(&mut store, jobs);
            }
        })
        .map_err(|e| Error::internal(format!("cannot start the writer thread: {e}")))?;
    Ok((sender, handle))
}

fn commit(store: &mut Store, jobs: Vec<Job>) {
    // A caller that has gone (timed out, disconnected) was never told this write succeeded:
    // leave it unwritten rather than apply what nobody is waiting for.
    let jobs: Vec<Job> = jobs.into_iter().filter(|job| !job.reply.is_closed()).collect();
    if jobs.is_empty() {
        return;
    }
    let requests: Vec<WriteRequest> = jobs.iter().map(|job| job.request.clone()).collect();
    let replies = match ops::commit_group(store, &requests, &render_outcome) {
        Ok(replies) => replies,
        Err(e) => vec![error_reply(&e); jobs.len()],
    };
    if replies.len() != jobs.len() {
        let e = Error::internal("the writer lost track of a request");
        for job in jobs {
            let _ = job.reply.send(error_reply(&e));
        }
        return;
    }
    for (job, reply) in jobs.into_iter().zip(replies) {
        // Already durable: a caller that has gone meanwhile simply does not hear it.
        let _ = job.reply.send(reply);
    }
}
