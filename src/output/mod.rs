//! Output is a contract: results on stdout (a table for people, exactly one JSON envelope for
//! scripts), diagnostics on stderr.

pub mod cells;
pub mod export;
mod ledger;
mod policy;
mod reconcile;
mod records;
mod review;
mod snapshot;
pub mod table;
mod tokens;
mod transactions;
pub mod views;
mod wallets;

use std::io::{self, Write};

use serde::Serialize;

use crate::error::Classified;
use crate::ledger::time::Timestamp;
use records::Table;
use views::{ErrorEnvelope, ListEnvelope};

pub use wallets::WalletStream;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for people.
    Table,
    /// One JSON envelope per command, for scripts.
    Json,
    /// CSV with a header row, for spreadsheets: list commands only.
    Csv,
}

/// Prints results in one format, with one timestamp per command.
pub struct Printer<W: Write> {
    pub format: Format,
    out: W,
    now: Timestamp,
    /// Whether the output is a terminal, which gets list titles, footers and fitted tables.
    terminal: bool,
    /// The terminal's width tables fit; `None`: every column in full (`--wide`, or piped).
    width: Option<usize>,
}

impl<W: Write> Printer<W> {
    pub fn new(format: Format, out: W, now: Timestamp) -> Printer<W> {
        Printer {
            format,
            out,
            now,
            terminal: false,
            width: None,
        }
    }

    /// Output to a terminal: tables fit `width` columns (`None`: in full, as `--wide` asks).
    pub fn on_terminal(mut self, width: Option<usize>) -> Printer<W> {
        self.terminal = true;
        self.width = width;
        self
    }

    fn json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        writeln!(self.out)
    }

    /// List items as CSV rows under one header: every field of the item's view, in order,
    /// absent values as empty cells. An empty list is the header alone.
    fn csv<T: Serialize + Default>(&mut self, items: &[T]) -> io::Result<()> {
        let header = csv_header::<T>()?;
        let mut writer = csv::Writer::from_writer(&mut self.out);
        writer.write_record(&header).map_err(csv_io)?;
        for item in items {
            csv_row(&mut writer, &header, item)?;
        }
        writer.flush()
    }

    /// A record with its title, or a list: its title only on a terminal (piped, the first
    /// line is the header row), and a note of what a narrow terminal left out.
    fn table(&mut self, title: Option<&str>, table: &Table) -> io::Result<()> {
        match table {
            Table::Record(text) => {
                if let Some(title) = title {
                    writeln!(self.out, "{title}")?;
                }
                self.out.write_all(text.as_bytes())
            }
            Table::Grid(grid) => {
                if let (Some(title), true) = (title, self.terminal) {
                    writeln!(self.out, "{title}")?;
                }
                let rendered = grid.render(self.width);
                self.out.write_all(rendered.text.as_bytes())?;
                let mut note = Vec::new();
                if !rendered.hidden.is_empty() {
                    note.push(format!("hidden: {};", rendered.hidden.join(", ")));
                }
                if !rendered.shortened.is_empty() {
                    note.push(format!("cut short: {};", rendered.shortened.join(", ")));
                }
                if note.is_empty() {
                    return Ok(());
                }
                note.push("--wide or -o json shows every column".to_owned());
                let note = note.join(" ");
                self.out.write_all(wrapped(&note, self.width.unwrap_or(80)).as_bytes())
            }
        }
    }

    /// A printer like this one, writing to `out`: for results rendered before they are final
    /// (a batch transaction's, copied out once it ends).
    pub fn beside<V: Write>(&self, out: V) -> Printer<V> {
        Printer {
            format: self.format,
            out,
            now: self.now,
            terminal: self.terminal,
            width: self.width,
        }
    }

    /// The output itself, for results that are files of their own (an export).
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Bytes that are the result themselves (a completion script, a man page), in any format.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    pub fn error(&mut self, error: &impl Classified) -> io::Result<()> {
        self.json(&ErrorEnvelope::new(error, self.now))
    }

    /// Where a page is in its list: under the table on a terminal. Piped, stdout holds only
    /// the header row and the rows, and stderr says so when there are more pages, so a page is
    /// never taken for the whole list.
    fn footer<T: Serialize>(&mut self, list: &ListEnvelope<T>) -> io::Result<()> {
        let p = &list.pagination;
        let footer = format!(
            "page {} of {} ({} in all, {} per page)",
            p.page,
            p.total_pages.max(1),
            p.total,
            p.page_size
        );
        if self.terminal {
            writeln!(self.out, "{footer}")
        } else if p.has_next {
            // A closed stderr is no reason to fail a listing that was printed.
            let _ = writeln!(io::stderr(), "{footer}: more with --page {}", p.page + 1);
            Ok(())
        } else {
            Ok(())
        }
    }
}

/// The I/O error inside a CSV error, so a closed stdout (a broken pipe) is seen as one and
/// ends the command quietly; the csv crate wraps it.
pub fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("csv: {other:?}")),
    }
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The CSV header of a list of `T`: every field of its view, in order, present or not.
fn csv_header<T: Serialize + Default>() -> io::Result<Vec<String>> {
    let row = cells::cells(&T::default()).map_err(io::Error::other)?;
    Ok(row.into_iter().map(|(name, _)| name).collect())
}

/// One CSV row under `header`: absent values as empty cells, formulas neutralised.
fn csv_row<T: Serialize, X: Write>(writer: &mut csv::Writer<X>, header: &[String], item: &T) -> io::Result<()> {
    let row = cells::cells(item).map_err(io::Error::other)?;
    if !row.iter().map(|(name, _)| name).eq(header.iter()) {
        let names: Vec<&String> = row.iter().map(|(name, _)| name).collect();
        return Err(io::Error::other(format!(
            "csv row with columns {names:?} under the header {header:?}"
        )));
    }
    writer
        .write_record(
            row.iter()
                .map(|(_, cell)| cells::neutralised(cell.as_deref().unwrap_or_default()).into_owned()),
        )
        .map_err(csv_io)
}
