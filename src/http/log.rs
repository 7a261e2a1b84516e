//! The server's stderr: one thread writes the lines, so a slow or closed stderr (a log shipper
//! restarting) never blocks or fails an answer. Lines that do not fit in the queue are dropped
//! and counted.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::Arc;

use crate::ledger::limits::LOG_QUEUE_MAX;

#[derive(Clone)]
pub struct Log {
    lines: SyncSender<String>,
    dropped: Arc<AtomicU64>,
}

/// The writing thread, to let it finish the last lines when the server stops.
pub struct Writer(Option<std::thread::JoinHandle<()>>);

impl Writer {
    /// Waits (a little, so a blocked stderr cannot hold the exit) for the lines queued before
    /// every [`Log`] was dropped to be written.
    pub fn finish(self) {
        let Some(thread) = self.0 else { return };
        let started = std::time::Instant::now();
        while !thread.is_finished() && started.elapsed() < std::time::Duration::from_secs(1) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

impl Log {
    pub fn start() -> (Log, Writer) {
        let (lines, queue) = sync_channel::<String>(LOG_QUEUE_MAX);
        let dropped = Arc::new(AtomicU64::new(0));
        let counter = dropped.clone();
        // If the thread cannot start, lines are simply dropped: logging never stops the server.
        let thread = std::thread::Builder::new()
            .name("ledger-log".to_owned())
            .spawn(move || {
                for line in queue {
                    let mut stderr = std::io::stderr().lock();
                    let lost = counter.swap(0, Ordering::Relaxed);
                    if lost > 0 {
                        let _ = writeln!(
                            stderr,
                            "{} ({lost} log lines dropped: stderr was too slow)",
                            crate::ops::now()
                        );
                    }
                    let _ = writeln!(stderr, "{line}");
                }
            });
        (Log { lines, dropped }, Writer(thread.ok()))
    }

    /// Queues a line; never blocks and never fails.
    pub fn line(&self, line: String) {
        if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) = self.lines.try_send(line) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }
}
