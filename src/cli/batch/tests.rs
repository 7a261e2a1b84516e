//! A generated 50,000-line file through the reader and the batch, in every mode: the file is
//! counted before any line is applied, at most `BATCH_COMMIT_LINES` parsed lines are ever
//! waiting for their result, and every line's result is printed once, in order, after its
//! transaction ends.

use std::cell::Cell;
use std::io::Write;

use super::{open, Lines, Results};
use crate::cli::commands::batch::BatchFormat;
use crate::error::Result;
use crate::ledger::limits::BATCH_COMMIT_LINES;
use crate::ledger::model::Scope;
use crate::ledger::time::Timestamp;
use crate::ops::{self, BatchLine, BatchMode, BatchSink, LineResult, LineSource};
use crate::output::{Format, Printer};
use crate::store::SqliteStore;

const LINES: usize = 50_000;
/// One line in this many is a deposit that runs; the others are refused by the parser, cheaply.
const DEPOSIT_EVERY: usize = 50;

fn scope() -> Scope {
    Scope {
        tenant_id: "tnt".into(),
        application_id: "app".into(),
    }
}

/// The parsed lines read and the results given, counted across the batch.
#[derive(Default)]
struct Counts {
    read: Cell<usize>,
    computed: Cell<usize>,
    /// The most lines read and not yet given a result at any moment.
    waiting_max: Cell<usize>,
}

struct CountedLines<'a> {
    lines: Lines<'a>,
    counts: &'a Counts,
}

impl LineSource for CountedLines<'_> {
    fn next_line(&mut self) -> Result<Option<BatchLine>> {
        let line = self.lines.next_line()?;
        if line.is_some() {
            let c = self.counts;
            c.read.set(c.read.get() + 1);
            c.waiting_max
                .set(c.waiting_max.get().max(c.read.get() - c.computed.get()));
        }
        Ok(line)
    }

    fn rewind(&mut self) -> Result<()> {
        self.lines.rewind()
    }
}

struct CountedSink<'a, S> {
    sink: S,
    counts: &'a Counts,
}

impl<S: BatchSink> BatchSink for CountedSink<'_, S> {
    fn computed(&mut self, result: LineResult) -> Result<()> {
        self.counts.computed.set(self.counts.computed.get() + 1);
        self.sink.computed(result)
    }

    fn settle(&mut self, rolled_back: Option<u64>) -> Result<()> {
        self.sink.settle(rolled_back)
    }

    fn forget(&mut self) -> Result<()> {
        self.sink.forget()
    }
}

/// A JSONL file of `LINES` lines with CRLF endings and a blank line every 7th: its lines' numbers.
fn generated(dir: &std::path::Path) -> (String, Vec<u64>) {
    let path = dir.join("generated.jsonl");
    let mut text = String::new();
    let mut numbers = Vec::new();
    let mut physical = 0;
    for n in 0..LINES {
        physical += 1;
        if n % 7 == 3 {
            text.push_str("\r\n");
            physical += 1;
        }
        let amount = if n % DEPOSIT_EVERY == 0 { "1.00" } else { "-1" };
        text.push_str(&format!(
            "{{\"op\":\"deposit\",\"user_id\":\"u\",\"amount\":\"{amount}\"}}\r\n"
        ));
        numbers.push(physical);
    }
    std::fs::write(&path, text).expect("the generated file");
    (path.display().to_string(), numbers)
}

/// Each printed line's number and error name.
type Printed = Vec<(u64, Option<String>)>;

/// Runs the generated file in `mode`; the counts, the printed lines, the file's line numbers.
fn run(mode: BatchMode) -> (Counts, Printed, Vec<u64>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = SqliteStore::create(&dir.path().join("ledger.db"), 5_000).expect("a new ledger");
    ops::create_wallet(&mut store, &scope(), "u", "USD".parse().expect("a currency")).expect("a wallet");
    let (path, numbers) = generated(dir.path());
    let file = open(&path, Some(BatchFormat::Jsonl)).expect("a readable file");
    assert_eq!(file.len(), LINES);
    let counts = Counts::default();
    let now = Timestamp::parse("2026-04-15T10:30:00Z").expect("a time");
    let mut out = Printer::new(Format::Json, Vec::new(), now);
    let mut lines = CountedLines {
        lines: file.lines().expect("the lines"),
        counts: &counts,
    };
    let results = Results::printed(mode, &mut out).expect("a spool");
    let mut sink = CountedSink {
        sink: results,
        counts: &counts,
    };
    ops::batch_streamed(&mut store, &scope(), "test", &mut lines, mode, &|| {}, &mut sink).expect("the batch runs");
    assert_eq!(sink.sink.summary.failed as usize, failed_lines(mode));
    let printed: Printed = String::from_utf8(out.writer().clone())
        .expect("UTF-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            (
                v["line"].as_u64().expect("a line number"),
                v["error"].as_str().map(str::to_owned),
            )
        })
        .collect();
    (counts, printed, numbers)
}

fn failed_lines(mode: BatchMode) -> usize {
    match mode {
        BatchMode::Atomic => LINES,
        BatchMode::PerLine | BatchMode::DryRun => LINES - LINES / DEPOSIT_EVERY,
    }
}

#[test]
fn a_long_file_is_applied_with_at_most_one_chunk_of_parsed_lines_held_in_every_mode() {
    for mode in [BatchMode::PerLine, BatchMode::DryRun, BatchMode::Atomic] {
        let (counts, printed, numbers) = run(mode);
        assert_eq!(counts.read.get(), LINES, "{mode:?}");
        assert_eq!(counts.computed.get(), LINES, "{mode:?}");
        assert!(
            counts.waiting_max.get() <= BATCH_COMMIT_LINES,
            "{mode:?}: {} lines waited for their result at once",
            counts.waiting_max.get()
        );
        let printed_numbers: Vec<u64> = printed.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            printed_numbers, numbers,
            "{mode:?}: every line once, in order, numbered as in the file"
        );
        for (index, (_, error)) in printed.iter().enumerate() {
            let expected = match (index % DEPOSIT_EVERY == 0, mode) {
                (true, BatchMode::Atomic) => Some("batch_rolled_back"),
                (true, _) => None,
                (false, _) => Some("invalid_amount"),
            };
            assert_eq!(error.as_deref(), expected, "{mode:?}: line {}", index + 1);
        }
    }
}

#[test]
fn a_long_csv_file_is_counted_and_numbered_as_an_editor_shows_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("generated.csv");
    let mut file = std::fs::File::create(&path).expect("a file");
    let mut expected = Vec::new();
    write!(file, "\u{feff}op,user_id,amount\r\n").expect("written");
    let mut physical = 1;
    for n in 0..LINES {
        if n % 5 == 1 {
            write!(file, "\r\n\r\n").expect("written");
            physical += 2;
        }
        physical += 1;
        write!(file, "deposit,u,{}.00\r\n", n % 90 + 1).expect("written");
        expected.push(physical);
    }
    drop(file);
    let batch = open(&path.display().to_string(), None).expect("a readable file");
    assert_eq!(batch.len(), LINES);
    let mut lines = batch.lines().expect("the lines");
    let mut numbers = Vec::new();
    while let Some(line) = lines.next_line().expect("a line") {
        assert!(line.item.is_ok(), "line {}: {:?}", line.line, line.item);
        numbers.push(line.line);
    }
    assert_eq!(numbers, expected);
}
