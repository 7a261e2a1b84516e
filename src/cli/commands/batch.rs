//! `ledgerctl batch FILE`: many operations from a CSV or JSONL file, confirmed when long,
//! run through `ops::batch`, one JSONL result per line and a summary on stderr.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use clap::Args;

use crate::cli::{batch, confirm, Context, Stop};
use crate::error::{Error, Result};
use crate::ledger::limits::BATCH_CONFIRM_LINES;
use crate::ops::{self, BatchLine, BatchMode, LineResult};
use crate::output::views::format_wide;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The file to read, or - for standard input
    pub file: String,
    /// The file's format; by default from its extension (.csv, .jsonl), else from its first character
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// All lines or none: if any line fails, nothing is committed
    #[arg(long)]
    pub atomic: bool,
    /// Check and compute every line against the ledger, commit nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// Comma-separated values with a header row
    Csv,
    /// One JSON object per line
    Jsonl,
}

pub(in crate::cli) fn exec<W: Write>(args: &BatchArgs, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let store = &mut ctx.open()?;
    let lines = batch::read(&args.file, args.format)?;
    let mode = match (args.atomic, args.dry_run) {
        (_, true) => BatchMode::DryRun,
        (true, false) => BatchMode::Atomic,
        (false, false) => BatchMode::PerLine,
    };
    if mode != BatchMode::DryRun && lines.len() > BATCH_CONFIRM_LINES && !ctx.global.yes {
        confirm::batch(lines.len(), || rehearsal(store, ctx, &lines))?;
    }
    let progress = progress_bar(lines.len());
    let mut summary = Summary::default();
    let mut written: io::Result<()> = Ok(());
    ops::batch(
        store,
        &ctx.scope,
        &ctx.actor,
        &lines,
        mode,
        &|| progress.inc(1),
        &mut |result: LineResult| {
            summary.count(&result);
            if written.is_ok() {
                written = out.batch_line(&result, mode);
            }
        },
    )?;
    progress.finish_and_clear();
    // The summary and the exit status stand even when stdout went away: every line was applied
    // (or not) whatever happened to its printed result.
    summary.print(mode, lines.len());
    match (summary.first_failure, written) {
        (Some(error), _) => Err(Stop::Quiet(error.kind().exit_code())),
        (None, Err(e)) => Err(Stop::Output(e)),
        (None, Ok(())) => Ok(()),
    }
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} lines, {per_sec}, eta {eta}") {
        bar.set_style(style);
    }
    bar
}

/// What a long batch will do, from a dry run against the ledger now: the facts shown above
/// its confirmation.
fn rehearsal(store: &mut Store, ctx: &Context, lines: &[BatchLine]) -> Result<Vec<String>> {
    let mut rehearsal = Summary::default();
    ops::batch(
        store,
        &ctx.scope,
        &ctx.actor,
        lines,
        BatchMode::DryRun,
        &|| {},
        &mut |r: LineResult| rehearsal.count(&r),
    )?;
    let mut facts = Vec::new();
    for ((kind, currency), (count, minor)) in &rehearsal.totals {
        let amount = format_wide(currency, *minor);
        facts.push(format!("  {kind:<14} {count:>8} lines  {amount:>22} {currency}"));
    }
    facts.push(format!(
        "  {} replayed, {} failing.",
        rehearsal.replayed, rehearsal.failed
    ));
    Ok(facts)
}

/// Counts of what a batch did, for the summary on stderr and the exit status.
#[derive(Default)]
struct Summary {
    applied: u64,
    replayed: u64,
    failed: u64,
    first_failure: Option<Error>,
    /// (type, currency) → (lines, minor units) of the lines that succeeded.
    totals: BTreeMap<(String, String), (u64, i128)>,
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
                // The exit status names the first line that failed on its own account; lines
                // undone by an atomic rollback only count when nothing else failed.
                let rolled_back = |e: &Error| matches!(e, Error::BatchRolledBack { .. });
                let replace = match &self.first_failure {
                    None => true,
                    Some(first) => rolled_back(first) && !rolled_back(e),
                };
                if replace {
                    self.first_failure = Some(e.clone());
                }
            }
        }
    }

    fn print(&self, mode: BatchMode, lines: usize) {
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
