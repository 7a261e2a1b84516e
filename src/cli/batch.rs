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
    // Excel and Windows tools start UTF-8 files with a byte order mark; it is not data.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Nothing to do is never a success: a wrong or empty file must not pass as done.
    let no_lines = || {
        Error::invalid(
            "file",
            format!("{file} has no operation lines (CSV: a header row naming `op`, then one row per operation; JSONL: one JSON object per line)"),
        )
    };
    if text.trim().is_empty() {
        return Err(no_lines());
    }
    let format = format.unwrap_or_else(|| detect(file, text));
    let lines = match format {
        BatchFormat::Jsonl => jsonl(text),
        BatchFormat::Csv => csv(text)?,
    };
    if lines.is_empty() {
        return Err(no_lines());
    }
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
    check_header(&header)?;
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut line_of = LineCounter::new(text);
    loop {
        let byte_before = reader.position().byte();
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
        // The line a person sees in an editor, from the record's byte offset: the csv crate's
        // own line count is off by one with CRLF endings and ignores skipped blank lines.
        let start = match &item {
            Ok(_) => record.position().map(csv::Position::byte),
            Err(_) => None,
        };
        let line = line_of.line(start.unwrap_or(byte_before));
        lines.push(BatchLine { line, item });
    }
    Ok(lines)
}

/// A CSV header must name `op` and only known fields: a header that is really a data row
/// (`withdraw,u,1.00,r1`) or a misspelt column (`amout`) would otherwise fail every line, or
/// pass as zero lines. A blank header cell is allowed (spreadsheets add trailing ones); a value
/// under it still fails its line.
fn check_header(header: &[String]) -> Result<()> {
    let unknown: Vec<String> = header
        .iter()
        .filter(|name| !name.is_empty() && !batch::FIELDS.contains(&name.as_str()))
        .map(|name| format!("{name:?}"))
        .collect();
    let missing: Vec<&str> = batch::REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|required| !header.iter().any(|name| name == required))
        .collect();
    if unknown.is_empty() && missing.is_empty() {
        return Ok(());
    }
    let mut problems = Vec::new();
    if !unknown.is_empty() {
        problems.push(format!("unknown column(s) {}", unknown.join(", ")));
    }
    if !missing.is_empty() {
        problems.push(format!("missing column(s) {}", missing.join(", ")));
    }
    Err(Error::invalid(
        "header",
        format!(
            "the CSV header has {}; the columns are {}",
            problems.join(" and "),
            batch::FIELDS.join(", ")
        ),
    ))
}

/// Physical line numbers (1-based, LF or CRLF endings) of increasing byte offsets, counted
/// incrementally so a million-line file is read once.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first content at or after `byte`. The csv crate places a record at the
    /// end of the previous one, before its `\n` (after a `\r`) and any blank lines, which it
    /// skips; no record starts with a line ending, so those are skipped here too.
    fn line(&mut self, byte: u64) -> u64 {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while self.text.get(byte).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            byte += 1;
        }
        if byte > self.offset {
            self.line += self.text[self.offset..byte].iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = byte;
        }
        self.line
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

/// Generated files for the reader, in a file of their own (tests only).
#[cfg(test)]
mod fuzz;
