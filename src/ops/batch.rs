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

/// Runs every line, calling `progress` once per line as it is computed and `emit` with each
/// line's result once it is final: after its commit, or straight away in a dry run. Storage
/// failures stop the batch; lines committed before stay. A transaction the database undid for a
/// conflict runs again whole (`ops::retry`): its lines are computed again from scratch, but
/// neither counted nor emitted twice.
pub fn batch<S: Storage>(
    store: &mut S,
    scope: &Scope,
    actor: &str,
    lines: &[BatchLine],
    mode: BatchMode,
    progress: &dyn Fn(),
    emit: &mut dyn FnMut(LineResult),
) -> Result<()> {
    match mode {
        BatchMode::PerLine => {
            for chunk in lines.chunks(BATCH_COMMIT_LINES) {
                let once = Progress::new(progress);
                let results = retrying(|| store.write(|tx| run_lines(tx, scope, actor, chunk, &once.attempt())))?;
                results.into_iter().for_each(&mut *emit);
            }
            Ok(())
        }
        BatchMode::DryRun => {
            let once = Progress::new(progress);
            let results = retrying(|| store.rehearse(|tx| run_lines(tx, scope, actor, lines, &once.attempt())))?;
            results.into_iter().for_each(&mut *emit);
            Ok(())
        }
        BatchMode::Atomic => atomic(store, scope, actor, lines, &Progress::new(progress), emit),
    }
}

/// All lines in one transaction, kept only if every one succeeds.
fn atomic<S: Storage>(
    store: &mut S,
    scope: &Scope,
    actor: &str,
    lines: &[BatchLine],
    once: &Progress,
    emit: &mut dyn FnMut(LineResult),
) -> Result<()> {
    let mut results = Vec::new();
    let committed = retrying(|| {
        store.write(|tx| {
            results = run_lines(tx, scope, actor, lines, &once.attempt())?;
            match results.iter().find(|r| r.outcome.is_err()) {
                Some(failed) => Err(Error::BatchRolledBack {
                    failed_line: failed.line,
                }),
                None => Ok(()),
            }
        })
    });
    match committed {
        Ok(()) => {}
        Err(Error::BatchRolledBack { failed_line }) => {
            for r in &mut results {
                if r.outcome.is_ok() {
                    r.outcome = Err(Error::BatchRolledBack { failed_line });
                }
            }
        }
        Err(e) => return Err(e),
    }
    results.into_iter().for_each(&mut *emit);
    Ok(())
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

fn run_lines<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    actor: &str,
    lines: &[BatchLine],
    progress: &dyn Fn(),
) -> Result<Vec<LineResult>> {
    let mut results = Vec::with_capacity(lines.len());
    for line in lines {
        // A storage failure is not this line's fault: stop rather than blame every line after it.
        let storage = |kind| matches!(kind, ErrorKind::Internal | ErrorKind::Busy);
        let outcome = match &line.item {
            Ok(item) => super::in_savepoint(tx, storage, |tx| run_item(tx, scope, actor, item))?,
            Err(e) => Err(e.clone()),
        };
        results.push(LineResult {
            line: line.line,
            outcome,
        });
        progress();
    }
    Ok(results)
}

fn run_item<Q: Queries>(tx: &Q, scope: &Scope, actor: &str, item: &BatchItem) -> Result<Outcome> {
    execute_in(tx, scope, item.user_id.as_deref(), &item.operation, actor)
}
