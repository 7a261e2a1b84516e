//! The statement reader (`ledger reconcile --statement FILE.csv`): a provider's or bank's CSV
//! read whole, its columns found by name, every line checked before anything is matched.

use std::io::Read;

use crate::error::{Error, Result};
use crate::ledger::limits::STATEMENT_LINES_MAX;
use crate::ledger::money::Currency;
use crate::ledger::reconcile::statement::StatementLine;

/// The names of the three columns a statement is read by.
pub(crate) struct Columns<'a> {
    pub date: &'a str,
    pub amount: &'a str,
    pub reference: &'a str,
}

/// Every line of `file` (`-`: stdin), or the first problem with the line named: a file that
/// cannot be read, a missing column, a short row, a bad date or amount.
pub(crate) fn read(file: &str, columns: &Columns, currency: Currency) -> Result<Vec<StatementLine>> {
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().lock().read_to_string(&mut text)
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text))
    };
    read.map_err(|e| Error::invalid("statement", format!("cannot read {file}: {e}")))?;
    // Spreadsheets start UTF-8 files with a byte order mark; it is not part of the header.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // The csv reader numbers CRLF lines from 1 for the header's next line; with LF alone each
    // record's line is its line in the file, which is what a refusal names.
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let bad = |line: u64, reason: String| Error::invalid(format!("line {line}"), format!("{file}: {reason}"));
    let header = reader.headers().map_err(|e| bad(1, e.to_string()))?.clone();
    let index = |name: &str| {
        header.iter().position(|h| h.trim() == name).ok_or_else(|| {
            let found: Vec<&str> = header.iter().collect();
            bad(1, format!("no column {name:?} (the header has {found:?}; map columns with --date-column, --amount-column, --reference-column)"))
        })
    };
    let (date, amount, reference) = (index(columns.date)?, index(columns.amount)?, index(columns.reference)?);
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            bad(line, e.to_string())
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        if lines.len() >= STATEMENT_LINES_MAX {
            return Err(bad(
                line,
                format!("a statement holds at most {STATEMENT_LINES_MAX} lines"),
            ));
        }
        let cell = |i: usize| record.get(i).unwrap_or_default();
        lines.push(StatementLine::parse(
            line,
            cell(date),
            cell(amount),
            cell(reference),
            currency,
        )?);
    }
    Ok(lines)
}
