//! Many operations from one file, in one process: each line in its own savepoint, so a failing
//! line undoes only itself, and one durable commit per `BATCH_COMMIT_LINES` lines.

use std::cell::Cell;

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::batch::BatchItem;
use crate::ledger::limits::BATCH_COMMIT_LINES;
use crate::ledger::model::Scope;
use crate::store::{Queries, Storage};

use super::operate::{execute_in, Outcome};
use super::retry::retrying;

/// One input line: its number in the file and what parsing it gave.
#[derive(Debug, Clone)]
pub struct BatchLine {
    pub line: u64,
    pub item: Result<BatchItem>,
}

/// How a batch commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchMode {
    /// Each line on its own; committed every `BATCH_COMMIT_LINES` lines.
    PerLine,
    /// All lines or none: one transaction, rolled back if any line fails.
    Atomic,
    /// Every line computed against the real ledger, nothing committed.
    DryRun,
}

/// What one line did.
#[derive(Debug, Clone)]
pub struct LineResult {
    pub line: u64,
    pub outcome: Result<Outcome>,
}

/// Where a batch's lines come from, one at a time: a file is read as it is applied rather than
/// held whole.
pub trait LineSource {
    /// The next line, or `None` after the last.
    fn next_line(&mut self) -> Result<Option<BatchLine>>;
    /// Back to the first line: a transaction run again reads its lines again.
    fn rewind(&mut self) -> Result<()>;
}

/// Where a batch's results go. A result is given as its transaction computes it and is final
/// only once `settle` is called; the sink keeps it until then, where it likes (a file, for a
/// transaction over a whole file).
pub trait BatchSink {
    /// One line's result, as the current transaction computed it.
    fn computed(&mut self, result: LineResult) -> Result<()>;
    /// The results given since the last settle are final: kept as computed, or, when
    /// `rolled_back` names the line that failed an atomic batch, undone.
    fn settle(&mut self, rolled_back: Option<u64>) -> Result<()>;
    /// The results given since the last settle never happened: their transaction runs again.
    fn forget(&mut self) -> Result<()>;
}

/// Runs every line of `lines`, as [`batch_streamed`] does, with each line's result given to
/// `emit` once it is final. Every result of one transaction is held until it ends: for lines
/// already in memory (tests, benchmarks); a file goes through [`batch_streamed`].
pub fn batch<S: Storage>(
    store: &mut S,
    scope: &Scope,
    actor: &str,
    lines: &[BatchLine],
    mode: BatchMode,
    progress: &dyn Fn(),
    emit: &mut dyn FnMut(LineResult),
) -> Result<()> {
    let mut source = InMemory { lines, next: 0 };
    let mut sink = Held {
        results: Vec::new(),
        emit,
    };
    batch_streamed(store, scope, actor, &mut source, mode, progress, &mut sink)
}

/// Runs every line, calling `progress` once per line as it is computed and giving `sink` each
/// line's result, settled after its commit (or, in a dry run, once every line is computed).
/// At most `BATCH_COMMIT_LINES` lines are held at once, whatever the mode: an atomic batch or a
/// dry run is one transaction over the whole source, read chunk by chunk. Storage failures
/// stop the batch; lines committed before stay. A transaction the database undid for a
/// conflict runs again whole (`ops::retry`): its lines are read and computed again from
/// scratch, but neither counted nor settled twice.
pub fn batch_streamed<S: Storage>(
    store: &mut S,
    scope: &Scope,
    actor: &str,
    lines: &mut dyn LineSource,
    mode: BatchMode,
    progress: &dyn Fn(),
    sink: &mut dyn BatchSink,
) -> Result<()> {
    let run = Run { scope, actor, sink };
    match mode {
        BatchMode::PerLine => per_line(store, run, lines, progress),
        BatchMode::DryRun => {
            let once = Progress::new(progress);
            let sink = &mut *run.sink;
            retrying(|| {
                sink.forget()?;
                lines.rewind()?;
                store.rehearse(|tx| run_all(tx, scope, actor, lines, &once.attempt(), sink))
            })?;
            sink.settle(None)
        }
        BatchMode::Atomic => atomic(store, run, lines, &Progress::new(progress)),
    }
}

/// What every transaction of a batch shares.
struct Run<'r> {
    scope: &'r Scope,
    actor: &'r str,
    sink: &'r mut dyn BatchSink,
}

/// A commit every `BATCH_COMMIT_LINES` lines; each chunk's results settled after its commit.
fn per_line<S: Storage>(store: &mut S, run: Run<'_>, lines: &mut dyn LineSource, progress: &dyn Fn()) -> Result<()> {
    let Run { scope, actor, sink } = run;
    loop {
        let chunk = next_chunk(lines)?;
        if chunk.is_empty() {
            return Ok(());
        }
        let once = Progress::new(progress);
        retrying(|| {
            sink.forget()?;
            store.write(|tx| run_lines(tx, scope, actor, &chunk, &once.attempt(), sink))
        })?;
        sink.settle(None)?;
    }
}

/// All lines in one transaction, kept only if every one succeeds.
fn atomic<S: Storage>(store: &mut S, run: Run<'_>, lines: &mut dyn LineSource, once: &Progress) -> Result<()> {
    let Run { scope, actor, sink } = run;
    let committed = retrying(|| {
        sink.forget()?;
        lines.rewind()?;
        store.write(|tx| match run_all(tx, scope, actor, lines, &once.attempt(), sink)? {
            Some(failed_line) => Err(Error::BatchRolledBack { failed_line }),
            None => Ok(()),
        })
    });
    match committed {
        Ok(()) => sink.settle(None),
        Err(Error::BatchRolledBack { failed_line }) => sink.settle(Some(failed_line)),
        Err(e) => Err(e),
    }
}

/// Up to `BATCH_COMMIT_LINES` lines: all a batch holds at once.
fn next_chunk(lines: &mut dyn LineSource) -> Result<Vec<BatchLine>> {
    let mut chunk = Vec::with_capacity(BATCH_COMMIT_LINES);
    while chunk.len() < BATCH_COMMIT_LINES {
        match lines.next_line()? {
            Some(line) => chunk.push(line),
            None => break,
        }
    }
    Ok(chunk)
}

/// Every line of `lines` in one transaction, a chunk at a time; the first line that failed.
fn run_all<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    actor: &str,
    lines: &mut dyn LineSource,
    progress: &dyn Fn(),
    sink: &mut dyn BatchSink,
) -> Result<Option<u64>> {
    let mut failed = None;
    loop {
        let chunk = next_chunk(lines)?;
        if chunk.is_empty() {
            return Ok(failed);
        }
        let failed_here = run_lines(tx, scope, actor, &chunk, progress, sink)?;
        failed = failed.or(failed_here);
    }
}

/// The caller's `progress`, called once per line however many times a retried transaction
/// computes it: a progress count must not run past the number of lines.
struct Progress<'p> {
    progress: &'p dyn Fn(),
    counted: Cell<usize>,
}

impl<'p> Progress<'p> {
    fn new(progress: &'p dyn Fn()) -> Self {
        Progress {
            progress,
            counted: Cell::new(0),
        }
    }

    /// The progress one attempt reports to: only the lines past those an earlier attempt counted.
    fn attempt(&self) -> impl Fn() + '_ {
        let seen = Cell::new(0);
        move || {
            seen.set(seen.get() + 1);
            if seen.get() > self.counted.get() {
                self.counted.set(seen.get());
                (self.progress)();
            }
        }
    }
}

/// Runs `lines`, each in its own savepoint, giving each result to `sink`; the first that failed.
fn run_lines<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    actor: &str,
    lines: &[BatchLine],
    progress: &dyn Fn(),
    sink: &mut dyn BatchSink,
) -> Result<Option<u64>> {
    let mut failed = None;
    for line in lines {
        // A storage failure is not this line's fault: stop rather than blame every line after it.
        let storage = |kind| matches!(kind, ErrorKind::Internal | ErrorKind::Busy);
        let outcome = match &line.item {
            Ok(item) => super::in_savepoint(tx, storage, |tx| run_item(tx, scope, actor, item))?,
            Err(e) => Err(e.clone()),
        };
        if outcome.is_err() && failed.is_none() {
            failed = Some(line.line);
        }
        sink.computed(LineResult {
            line: line.line,
            outcome,
        })?;
        progress();
    }
    Ok(failed)
}

fn run_item<Q: Queries>(tx: &Q, scope: &Scope, actor: &str, item: &BatchItem) -> Result<Outcome> {
    execute_in(tx, scope, item.user_id.as_deref(), &item.operation, actor)
}

/// Lines already in memory.
struct InMemory<'l> {
    lines: &'l [BatchLine],
    next: usize,
}

impl LineSource for InMemory<'_> {
    fn next_line(&mut self) -> Result<Option<BatchLine>> {
        let line = self.lines.get(self.next).cloned();
        self.next += usize::from(line.is_some());
        Ok(line)
    }

    fn rewind(&mut self) -> Result<()> {
        self.next = 0;
        Ok(())
    }
}

/// A transaction's results held until it ends, then given to `emit`.
struct Held<'e> {
    results: Vec<LineResult>,
    emit: &'e mut dyn FnMut(LineResult),
}

impl BatchSink for Held<'_> {
    fn computed(&mut self, result: LineResult) -> Result<()> {
        self.results.push(result);
        Ok(())
    }

    fn settle(&mut self, rolled_back: Option<u64>) -> Result<()> {
        for mut result in self.results.drain(..) {
            if let (Some(failed_line), Ok(_)) = (rolled_back, &result.outcome) {
                result.outcome = Err(Error::BatchRolledBack { failed_line });
            }
            (self.emit)(result);
        }
        Ok(())
    }

    fn forget(&mut self) -> Result<()> {
        self.results.clear();
        Ok(())
    }
}
