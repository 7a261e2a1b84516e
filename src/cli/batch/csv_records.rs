//! CSV records read from the spool one at a time, each with the line a person sees in an editor.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};

use super::{spool_failed, too_long};
use crate::error::{Error, Result};
use crate::ledger::batch::{self, BatchItem, Raw};

/// The records after a checked header; the current one is kept until the next step.
pub(super) struct CsvRecords<'a> {
    reader: csv::Reader<Endings<&'a File>>,
    header: Vec<String>,
    record: csv::StringRecord,
    /// The current record's refusal by the CSV reader, if it refused it.
    refused: Option<Error>,
    line_of: LineCounter,
}

impl<'a> CsvRecords<'a> {
    pub(super) fn new(spool: &'a File) -> Result<CsvRecords<'a>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::None)
            .from_reader(Endings::new(spool));
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| Error::invalid("file", format!("has no readable CSV header: {e}")))?
            .iter()
            .map(str::to_owned)
            .collect();
        check_header(&header)?;
        Ok(CsvRecords {
            reader,
            header,
            record: csv::StringRecord::new(),
            refused: None,
            line_of: LineCounter { line: 1 },
        })
    }

    /// Moves to the next record; its line number, or `None` after the last.
    pub(super) fn step(&mut self) -> Result<Option<u64>> {
        let byte_before = self.reader.position().byte();
        self.refused = match self.reader.read_record(&mut self.record) {
            Ok(false) => return Ok(None),
            Ok(true) => None,
            // The spool was read whole once: failing to read it again is not the line's fault.
            Err(e) if e.is_io_error() => return Err(spool_failed(io::Error::other(e.to_string()))),
            Err(e) => Some(Error::invalid("line", format!("is not valid CSV: {e}"))),
        };
        // The line a person sees in an editor, from the record's byte offset: the csv crate's
        // own line count is off by one with CRLF endings and ignores skipped blank lines.
        let start = match &self.refused {
            None => self.record.position().map(csv::Position::byte),
            Some(_) => None,
        };
        let endings = &mut self.reader.get_mut().endings;
        Ok(Some(self.line_of.line(endings, start.unwrap_or(byte_before))))
    }

    /// The current record as an operation, or why it is not one.
    pub(super) fn parse(&self) -> Result<BatchItem> {
        if let Some(e) = &self.refused {
            return Err(e.clone());
        }
        match too_long(self.record.as_slice().len()) {
            Some(e) => Err(e),
            None => batch::parse(
                self.header
                    .iter()
                    .cloned()
                    .zip(self.record.iter().map(|v| Raw::Text(v.to_owned())))
                    .collect(),
            ),
        }
    }
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

/// A reader that notes where its line endings are, for the line numbers: only those read
/// ahead of the current record are kept (the CSV reader's buffer, a few kilobytes).
struct Endings<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// (offset, is a line feed) of each `\r` and `\n` read and not yet counted.
    endings: VecDeque<(u64, bool)>,
}

impl<R> Endings<R> {
    fn new(inner: R) -> Endings<R> {
        Endings {
            inner,
            offset: 0,
            endings: VecDeque::new(),
        }
    }
}

impl<R: Read> Read for Endings<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (at, byte) in buf[..n].iter().enumerate() {
            if matches!(byte, b'\r' | b'\n') {
                self.endings.push_back((self.offset + at as u64, *byte == b'\n'));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// Physical line numbers (1-based, LF or CRLF endings) of increasing byte offsets.
struct LineCounter {
    line: u64,
}

impl LineCounter {
    /// The line of the first content at or after `byte`. The csv crate places a record at the
    /// end of the previous one, before its `\n` (after a `\r`) and any blank lines, which it
    /// skips; no record starts with a line ending, so those are skipped here too. The record
    /// has been read, so every ending before its content is in `endings`.
    fn line(&mut self, endings: &mut VecDeque<(u64, bool)>, byte: u64) -> u64 {
        let mut byte = byte;
        while let Some(&(at, line_feed)) = endings.front() {
            if at > byte {
                break;
            }
            // An ending at `byte` is skipped: the content starts after it.
            if at == byte {
                byte += 1;
            }
            endings.pop_front();
            self.line += u64::from(line_feed);
        }
        self.line
    }
}
