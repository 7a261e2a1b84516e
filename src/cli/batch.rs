//! The batch file reader, streamed so memory does not grow with the file. A first pass copies
//! the input into a private temporary file (the spool), checks every file-level rule and counts
//! the lines: a file that cannot be read is refused whole before any line is applied. Lines are
//! then parsed from the spool one at a time, as often as a transaction needs them.
//!
//! Every input is spooled, a named file as well as standard input (which cannot be read twice):
//! the lines applied are then exactly the lines checked, counted and rehearsed, even if the file
//! is edited while the batch runs.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::cli::commands::batch::BatchFormat;
use crate::error::{Error, Result};
use crate::ledger::batch::{self, BatchItem};
use crate::ledger::limits::{BATCH_LINES_MAX, BATCH_LINE_BYTES_MAX};
use crate::ops::{BatchLine, LineSource};

/// A batch file, read once and checked: its lines are read from the spool by [`BatchFile::lines`].
pub(crate) struct BatchFile {
    spool: File,
    /// Where the text starts in the spool: past a byte order mark.
    start: u64,
    format: BatchFormat,
    len: usize,
}

/// Reads the whole input once before any line is applied: a file that cannot be read is refused
/// whole.
pub(crate) fn open(file: &str, format: Option<BatchFormat>) -> Result<BatchFile> {
    let cannot_read = |e: io::Error| Error::invalid("file", format!("cannot read {file}: {e}"));
    let spool = tempfile::tempfile()
        .map_err(|e| Error::internal(format!("cannot create a temporary file for the batch: {e}")))?;
    let copied = if file == "-" {
        copy(&mut io::stdin().lock(), &spool)
    } else {
        File::open(file).and_then(|mut f| copy(&mut f, &spool))
    };
    let text = copied.map_err(cannot_read)?;
    // Nothing to do is never a success: a wrong or empty file must not pass as done.
    let no_lines = || {
        Error::invalid(
            "file",
            format!("{file} has no operation lines (CSV: a header row naming `op`, then one row per operation; JSONL: one JSON object per line)"),
        )
    };
    let Some(first) = text.first else {
        return Err(no_lines());
    };
    let format = format.unwrap_or_else(|| detect(file, first));
    let mut batch = BatchFile {
        spool,
        start: text.start,
        format,
        len: 0,
    };
    batch.len = batch.count()?;
    if batch.len == 0 {
        return Err(no_lines());
    }
    if batch.len > BATCH_LINES_MAX {
        return Err(Error::invalid(
            "file",
            format!("has {} lines; a batch takes at most {BATCH_LINES_MAX}", batch.len),
        ));
    }
    Ok(batch)
}

impl BatchFile {
    /// How many lines the batch has (blank JSONL lines are not lines; a CSV header is not one).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The lines from the first, parsed one at a time.
    pub(crate) fn lines(&self) -> Result<Lines<'_>> {
        Ok(Lines {
            file: self,
            records: self.records()?,
        })
    }

    /// Counts the lines without parsing them; checks a CSV header on the way.
    fn count(&self) -> Result<usize> {
        let mut records = self.records()?;
        let mut len = 0;
        while records.step()?.is_some() {
            len += 1;
        }
        Ok(len)
    }

    fn records(&self) -> Result<Records<'_>> {
        (&self.spool).seek(SeekFrom::Start(self.start)).map_err(spool_failed)?;
        Ok(match self.format {
            BatchFormat::Jsonl => Records::Jsonl {
                text: BufReader::new(&self.spool),
                raw: Vec::new(),
                line: 0,
            },
            BatchFormat::Csv => Records::Csv(Box::new(CsvRecords::new(&self.spool)?)),
        })
    }
}

fn spool_failed(e: io::Error) -> Error {
    Error::internal(format!("cannot read the batch's temporary copy: {e}"))
}

/// What the first pass saw of the text.
struct Text {
    /// Its first character that is not white space, after a byte order mark.
    first: Option<char>,
    start: u64,
}

/// Copies `input` into `spool`, checking it is UTF-8 (as reading it into a `String` would).
fn copy(input: &mut dyn Read, mut spool: &File) -> io::Result<Text> {
    let mut buffer = vec![0; 64 * 1024];
    // The bytes of a character cut by the end of a read, carried to the next one.
    let mut carried = 0;
    let mut text = Text { first: None, start: 0 };
    let mut seen_any = false;
    loop {
        let read = match input.read(&mut buffer[carried..]) {
            Ok(0) if carried > 0 => return Err(not_utf8()),
            Ok(0) => break,
            Ok(n) => carried + n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let valid = match std::str::from_utf8(&buffer[..read]) {
            Ok(valid) => valid,
            Err(e) if e.error_len().is_none() => {
                std::str::from_utf8(&buffer[..e.valid_up_to()]).map_err(|_| not_utf8())?
            }
            Err(_) => return Err(not_utf8()),
        };
        for c in valid.chars() {
            // Excel and Windows tools start UTF-8 files with a byte order mark; it is not data.
            if !seen_any && c == '\u{feff}' {
                text.start = c.len_utf8() as u64;
            } else if text.first.is_none() && !c.is_whitespace() {
                text.first = Some(c);
            }
            seen_any = true;
            if text.first.is_some() {
                break;
            }
        }
        let valid = valid.len();
        spool.write_all(&buffer[..valid])?;
        buffer.copy_within(valid..read, 0);
        carried = read - valid;
    }
    spool.flush()?;
    Ok(text)
}

/// The error reading a file into a `String` gives when it is not UTF-8.
fn not_utf8() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8")
}

/// The format from the file's extension, else from its first character.
fn detect(file: &str, first: char) -> BatchFormat {
    match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some("csv") => BatchFormat::Csv,
        Some("jsonl" | "ndjson" | "json") => BatchFormat::Jsonl,
        _ if first == '{' => BatchFormat::Jsonl,
        _ => BatchFormat::Csv,
    }
}

/// A batch's lines, parsed one at a time from the spool.
pub(crate) struct Lines<'a> {
    file: &'a BatchFile,
    records: Records<'a>,
}

impl LineSource for Lines<'_> {
    fn next_line(&mut self) -> Result<Option<BatchLine>> {
        let Some(line) = self.records.step()? else {
            return Ok(None);
        };
        Ok(Some(BatchLine {
            line,
            item: self.records.parse(),
        }))
    }

    fn rewind(&mut self) -> Result<()> {
        self.records = self.file.records()?;
        Ok(())
    }
}

/// The records of one format: the current one is kept until the next step.
enum Records<'a> {
    Jsonl {
        text: BufReader<&'a File>,
        raw: Vec<u8>,
        line: u64,
    },
    Csv(Box<CsvRecords<'a>>),
}

impl Records<'_> {
    /// Moves to the next record; its line number, or `None` after the last.
    fn step(&mut self) -> Result<Option<u64>> {
        match self {
            Records::Jsonl { text, raw, line } => loop {
                raw.clear();
                if text.read_until(b'\n', raw).map_err(spool_failed)? == 0 {
                    return Ok(None);
                }
                *line += 1;
                // As `str::lines` splits: a `\r` is part of the ending only before a `\n`.
                if raw.last() == Some(&b'\n') {
                    raw.pop();
                    if raw.last() == Some(&b'\r') {
                        raw.pop();
                    }
                }
                if !utf8(raw)?.trim().is_empty() {
                    return Ok(Some(*line));
                }
            },
            Records::Csv(csv) => csv.step(),
        }
    }

    /// The current record as an operation, or why it is not one.
    fn parse(&self) -> Result<BatchItem> {
        match self {
            Records::Jsonl { raw, .. } => match too_long(raw.len()) {
                Some(e) => Err(e),
                None => batch::json_record("line", utf8(raw)?).and_then(batch::parse),
            },
            Records::Csv(csv) => csv.parse(),
        }
    }
}

/// The spool holds UTF-8 (checked while copying) cut at line feeds, so this cannot fail.
fn utf8(raw: &[u8]) -> Result<&str> {
    std::str::from_utf8(raw).map_err(|e| Error::internal(format!("the batch's temporary copy changed: {e}")))
}

fn too_long(len: usize) -> Option<Error> {
    (len > BATCH_LINE_BYTES_MAX).then(|| Error::invalid("line", format!("is longer than {BATCH_LINE_BYTES_MAX} bytes")))
}

/// Every line of a file at once, as the tests compare them.
#[cfg(test)]
fn read(file: &str, format: Option<BatchFormat>) -> Result<Vec<BatchLine>> {
    let batch = open(file, format)?;
    let mut lines = batch.lines()?;
    std::iter::from_fn(|| lines.next_line().transpose()).collect()
}

/// Generated files for the reader, in a file of their own (tests only).
#[cfg(test)]
mod fuzz;

/// CSV records and their line numbers.
mod csv_records;
use csv_records::CsvRecords;

/// Where the results go until they are final.
mod results;
pub(crate) use results::Results;

/// A generated 50,000-line file through the reader and the batch.
#[cfg(test)]
mod tests;
