//! `ledgerctl batch`: reading CSV or JSONL into validated lines, confirming, running them
//! through `ops::batch` and printing one JSONL result per line.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

use crate::error::{Error, Result};
use crate::ledger::batch::{self, Raw};
use crate::ledger::limits::{BATCH_CONFIRM_LINES, BATCH_LINES_MAX, BATCH_LINE_BYTES_MAX};
use crate::ledger::model::Scope;
use crate::ops::{self, BatchLine, BatchMode, LineResult};
use crate::output::Printer;
use crate::store::Store;

use super::args::{BatchArgs, BatchFormat};
use super::Stop;

pub(super) fn run<W: Write>(
    args: &BatchArgs,
    yes: bool,
    scope: &Scope,
    actor: &str,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let lines = read(&args.file, args.format)?;
    let mode = match (args.atomic, args.dry_run) {
        (_, true) => BatchMode::DryRun,
        (true, false) => BatchMode::Atomic,
        (false, false) => BatchMode::PerLine,
    };
    if mode != BatchMode::DryRun && lines.len() > BATCH_CONFIRM_LINES && !yes {
        confirm(store, scope, actor, &lines)?;
    }
    let progress = progress_bar(lines.len());
    let mut summary = Summary::default();
    let mut written: io::Result<()> = Ok(());
    ops::batch(
        store,
        scope,
        actor,
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

/// Reads every line before any is applied: a file that cannot be read is refused whole.
pub(super) fn read(file: &str, format: Option<BatchFormat>) -> Result<Vec<BatchLine>> {
    let mut text = String::new();
    let read = if file == "-" {
        io::stdin().lock().read_to_string(&mut text)
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text))
    };
    read.map_err(|e| Error::invalid("file", format!("cannot read {file}: {e}")))?;
    let format = format.unwrap_or_else(|| detect(file, &text));
    let lines = match format {
        BatchFormat::Jsonl => jsonl(&text),
        BatchFormat::Csv => csv(&text)?,
    };
    if lines.len() > BATCH_LINES_MAX {
        return Err(Error::invalid(
            "file",
            format!("has {} lines; a batch takes at most {BATCH_LINES_MAX}", lines.len()),
        ));
    }
    Ok(lines)
}

/// The format from the file's extension, else from its first character.
fn detect(file: &str, text: &str) -> BatchFormat {
    match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some("csv") => BatchFormat::Csv,
        Some("jsonl" | "ndjson" | "json") => BatchFormat::Jsonl,
        _ if text.trim_start().starts_with('{') => BatchFormat::Jsonl,
        _ => BatchFormat::Csv,
    }
}

fn too_long(len: usize) -> Option<Error> {
    (len > BATCH_LINE_BYTES_MAX).then(|| Error::invalid("line", format!("is longer than {BATCH_LINE_BYTES_MAX} bytes")))
}

fn jsonl(text: &str) -> Vec<BatchLine> {
    let mut lines = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let item = match too_long(raw.len()) {
            Some(e) => Err(e),
            None => batch::json_record("line", raw).and_then(batch::parse),
        };
        lines.push(BatchLine {
            line: index as u64 + 1,
            item,
        });
    }
    lines
}

fn csv(text: &str) -> Result<Vec<BatchLine>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Error::invalid("file", format!("has no readable CSV header: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line_before = reader.position().line();
        let item = match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => match too_long(record.as_slice().len()) {
                Some(e) => Err(e),
                None => batch::parse(
                    header
                        .iter()
                        .cloned()
                        .zip(record.iter().map(|v| Raw::Text(v.to_owned())))
                        .collect(),
                ),
            },
            Err(e) => Err(Error::invalid("line", format!("is not valid CSV: {e}"))),
        };
        let line = record
            .position()
            .map(|p| p.line())
            .filter(|_| item.is_ok())
            .unwrap_or(line_before);
        lines.push(BatchLine { line, item });
    }
    Ok(lines)
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

/// A long batch moves a lot of money: show what it will do (from a dry run) and ask.
fn confirm(store: &mut Store, scope: &Scope, actor: &str, lines: &[BatchLine]) -> Result<()> {
    super::confirm::require_terminal(&format!(
        "a batch of {} lines (more than {BATCH_CONFIRM_LINES}) changes balances",
        lines.len()
    ))?;
    let mut rehearsal = Summary::default();
    ops::batch(
        store,
        scope,
        actor,
        lines,
        BatchMode::DryRun,
        &|| {},
        &mut |r: LineResult| rehearsal.count(&r),
    )?;
    let mut facts = vec![format!(
        "This batch has {} lines. A dry run against the ledger now gives:",
        lines.len()
    )];
    for ((kind, currency), (count, minor)) in &rehearsal.totals {
        let amount = crate::output::views::format_wide(currency, *minor);
        facts.push(format!("  {kind:<14} {count:>8} lines  {amount:>22} {currency}"));
    }
    facts.push(format!(
        "  {} replayed, {} failing.",
        rehearsal.replayed, rehearsal.failed
    ));
    super::confirm::ask(&facts, &format!("Apply {} lines?", lines.len()))
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
                let amount = crate::output::views::format_wide(currency, *minor);
                table.add_row(vec![kind.clone(), currency.clone(), count.to_string(), amount]);
            }
            let _ = writeln!(stderr, "{table}");
        }
    }
}
