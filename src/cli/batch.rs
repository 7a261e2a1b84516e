//! The batch file reader: CSV or JSONL read whole into validated lines, before any is applied.

use std::io::{self, Read};
use std::path::Path;

use crate::cli::commands::batch::BatchFormat;
use crate::error::{Error, Result};
use crate::ledger::batch::{self, Raw};
use crate::ledger::limits::{BATCH_LINES_MAX, BATCH_LINE_BYTES_MAX};
use crate::ops::BatchLine;

/// Reads every line before any is applied: a file that cannot be read is refused whole.
pub(crate) fn read(file: &str, format: Option<BatchFormat>) -> Result<Vec<BatchLine>> {
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

/// Generated files for the reader, in a file of their own (tests only).
#[cfg(test)]
mod fuzz;
