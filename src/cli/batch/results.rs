//! Where a batch's results go: counted for the summary and printed once final. A transaction's
//! results wait, rendered, in an unnamed temporary file until it ends (an atomic batch or a dry
//! run is one transaction over the whole file), so memory does not grow with the file; an atomic
//! batch rolled back prints each line that had succeeded as rolled back instead.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};

use crate::error::{Error, Result};
use crate::ops::{BatchMode, BatchSink, LineResult};
use crate::output::views::format_wide;
use crate::output::Printer;

/// The summary of the results settled so far, and those of the transaction under way.
pub(crate) struct Results<'o, W: Write> {
    mode: BatchMode,
    /// `None` when the results are only counted (the rehearsal before a confirmation).
    printed: Option<Printed<'o, W>>,
    pub(crate) summary: Summary,
    pending: Summary,
}

/// The output, and the current transaction's results rendered for it: each as its JSON line,
/// then whether it succeeded (one byte) and its line number (eight), so a rollback can
/// rewrite it.
struct Printed<'o, W: Write> {
    out: &'o mut Printer<W>,
    spool: Printer<BufWriter<File>>,
    spooled: u64,
    /// The first failure writing the output: nothing more is printed after it, but the batch
    /// goes on (its lines are applied whatever happens to their printed results).
    written: io::Result<()>,
}

impl<'o, W: Write> Results<'o, W> {
    /// Results printed to `out` once final.
    pub(crate) fn printed(mode: BatchMode, out: &'o mut Printer<W>) -> Result<Results<'o, W>> {
        let spool = tempfile::tempfile().map_err(spool_failed)?;
        let spool = out.beside(BufWriter::new(spool));
        Ok(Results {
            mode,
            printed: Some(Printed {
                out,
                spool,
                spooled: 0,
                written: Ok(()),
            }),
            summary: Summary::default(),
            pending: Summary::default(),
        })
    }

    /// Results only counted.
    pub(crate) fn counted(mode: BatchMode) -> Results<'o, W> {
        Results {
            mode,
            printed: None,
            summary: Summary::default(),
            pending: Summary::default(),
        }
    }

    /// The first failure writing the output, if any.
    pub(crate) fn written(self) -> io::Result<()> {
        self.printed.map_or(Ok(()), |p| p.written)
    }
}

impl<W: Write> BatchSink for Results<'_, W> {
    fn computed(&mut self, result: LineResult) -> Result<()> {
        self.pending.count(&result);
        if let Some(p) = &mut self.printed {
            p.spool.batch_line(&result, self.mode).map_err(spool_failed)?;
            let mut trailer = [0; 9];
            trailer[0] = u8::from(result.outcome.is_ok());
            trailer[1..].copy_from_slice(&result.line.to_le_bytes());
            p.spool.writer().write_all(&trailer).map_err(spool_failed)?;
            p.spooled += 1;
        }
        Ok(())
    }

    fn settle(&mut self, rolled_back: Option<u64>) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        match rolled_back {
            None => self.summary.merge(pending),
            Some(failed_line) => self.summary.roll_back(pending, failed_line),
        }
        match &mut self.printed {
            Some(p) => p.copy_out(self.mode, rolled_back).map_err(spool_failed),
            None => Ok(()),
        }
    }

    fn forget(&mut self) -> Result<()> {
        self.pending = Summary::default();
        match &mut self.printed {
            Some(p) => p.clear().map_err(spool_failed),
            None => Ok(()),
        }
    }
}

impl<W: Write> Printed<'_, W> {
    /// Prints the spooled results in order, each that succeeded as rolled back if
    /// `rolled_back` names the line that failed; then empties the spool.
    fn copy_out(&mut self, mode: BatchMode, rolled_back: Option<u64>) -> io::Result<()> {
        let spool = self.spool.writer();
        spool.flush()?;
        let mut file = spool.get_ref();
        file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::new(file);
        let mut rendered = Vec::new();
        for _ in 0..self.spooled {
            rendered.clear();
            reader.read_until(b'\n', &mut rendered)?;
            let mut trailer = [0; 9];
            reader.read_exact(&mut trailer)?;
            if self.written.is_err() {
                continue;
            }
            self.written = match rolled_back {
                Some(failed_line) if trailer[0] == 1 => {
                    let line = u64::from_le_bytes(trailer[1..].try_into().unwrap_or_default());
                    let outcome = Err(Error::BatchRolledBack { failed_line });
                    self.out.batch_line(&LineResult { line, outcome }, mode)
                }
                _ => self.out.raw(&rendered),
            };
        }
        self.clear()
    }

    fn clear(&mut self) -> io::Result<()> {
        let spool = self.spool.writer();
        spool.flush()?;
        spool.get_ref().set_len(0)?;
        spool.seek(SeekFrom::Start(0))?;
        self.spooled = 0;
        Ok(())
    }
}

fn spool_failed(e: io::Error) -> Error {
    Error::internal(format!("cannot keep the batch's results in a temporary file: {e}"))
}

/// Counts of what a batch did, for the summary on stderr and the exit status.
#[derive(Default)]
pub(crate) struct Summary {
    applied: u64,
    pub(crate) replayed: u64,
    pub(crate) failed: u64,
    pub(crate) first_failure: Option<Error>,
    /// (type, currency) → (lines, minor units) of the lines that succeeded.
    pub(crate) totals: BTreeMap<(String, String), (u64, i128)>,
}

impl Summary {
    fn count(&mut self, result: &LineResult) {
        match &result.outcome {
            Ok(o) if o.replayed => self.replayed += 1,
            Ok(o) => {
                self.applied += 1;
                let total = self
                    .totals
                    .entry((o.entry.kind.to_string(), o.entry.currency.to_string()))
                    .or_default();
                total.0 += 1;
                total.1 += i128::from(o.entry.amount.minor());
            }
            Err(e) => {
                self.failed += 1;
                self.note_failure(e);
            }
        }
    }

    /// The exit status names the first line that failed on its own account; lines undone by an
    /// atomic rollback only count when nothing else failed.
    fn note_failure(&mut self, e: &Error) {
        let rolled_back = |e: &Error| matches!(e, Error::BatchRolledBack { .. });
        let replace = match &self.first_failure {
            None => true,
            Some(first) => rolled_back(first) && !rolled_back(e),
        };
        if replace {
            self.first_failure = Some(e.clone());
        }
    }

    /// Adds the counts of the lines after those counted, as counting each would.
    fn merge(&mut self, later: Summary) {
        self.applied += later.applied;
        self.replayed += later.replayed;
        self.failed += later.failed;
        if let Some(e) = &later.first_failure {
            self.note_failure(e);
        }
        for (key, (count, minor)) in later.totals {
            let total = self.totals.entry(key).or_default();
            total.0 += count;
            total.1 += minor;
        }
    }

    /// Adds the lines of a transaction rolled back: every one failed, those that had succeeded
    /// as rolled back, as counting each rewritten result would.
    fn roll_back(&mut self, undone: Summary, failed_line: u64) {
        self.failed += undone.applied + undone.replayed + undone.failed;
        if undone.applied + undone.replayed > 0 {
            self.note_failure(&Error::BatchRolledBack { failed_line });
        }
        if let Some(e) = &undone.first_failure {
            self.note_failure(e);
        }
    }

    pub(crate) fn print(&self, mode: BatchMode, lines: usize) {
        let verb = match mode {
            BatchMode::PerLine | BatchMode::Atomic => "applied",
            BatchMode::DryRun => "would apply (dry run, nothing committed)",
        };
        let mut stderr = io::stderr().lock();
        let _ = writeln!(
            stderr,
            "batch: {lines} lines: {} {verb}, {} replayed, {} failed",
            self.applied, self.replayed, self.failed
        );
        if io::stderr().is_terminal() && !self.totals.is_empty() {
            let mut table = comfy_table::Table::new();
            table
                .load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec!["TYPE", "CURRENCY", "LINES", "AMOUNT"]);
            for ((kind, currency), (count, minor)) in &self.totals {
                let amount = format_wide(currency, *minor);
                table.add_row(vec![kind.clone(), currency.clone(), count.to_string(), amount]);
            }
            let _ = writeln!(stderr, "{table}");
        }
    }
}
