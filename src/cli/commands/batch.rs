//! `ledgerctl batch FILE`: many operations from a CSV or JSONL file, confirmed when long,
//! run through `ops::batch`, one JSONL result per line and a summary on stderr.

use std::io::{self, IsTerminal, Write};

use clap::Args;

use crate::cli::batch::{self, BatchFile, Results};
use crate::cli::{confirm, Context, Stop};
use crate::error::Result;
use crate::ledger::limits::BATCH_CONFIRM_LINES;
use crate::ops::{self, BatchMode};
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
    let file = batch::open(&args.file, args.format)?;
    let mode = match (args.atomic, args.dry_run) {
        (_, true) => BatchMode::DryRun,
        (true, false) => BatchMode::Atomic,
        (false, false) => BatchMode::PerLine,
    };
    if mode != BatchMode::DryRun && file.len() > BATCH_CONFIRM_LINES && !ctx.global.yes {
        confirm::batch(file.len(), || rehearsal(store, ctx, &file))?;
    }
    let progress = progress_bar(file.len());
    let mut results = Results::printed(mode, out)?;
    ops::batch_streamed(
        store,
        &ctx.scope,
        &ctx.actor,
        &mut file.lines()?,
        mode,
        &|| progress.inc(1),
        &mut results,
    )?;
    progress.finish_and_clear();
    // The summary and the exit status stand even when stdout went away: every line was applied
    // (or not) whatever happened to its printed result.
    results.summary.print(mode, file.len());
    let first_failure = results.summary.first_failure.take();
    match (first_failure, results.written()) {
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
fn rehearsal(store: &mut Store, ctx: &Context, file: &BatchFile) -> Result<Vec<String>> {
    let mut rehearsal = Results::<io::Sink>::counted(BatchMode::DryRun);
    ops::batch_streamed(
        store,
        &ctx.scope,
        &ctx.actor,
        &mut file.lines()?,
        BatchMode::DryRun,
        &|| {},
        &mut rehearsal,
    )?;
    let rehearsal = rehearsal.summary;
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
