//! Fuzzing the batch file reader with generated CSV and JSONL files (BOMs, CRLF, blank lines,
//! odd and misspelt headers, broken quoting, any text at all): never a panic; a file refused
//! whole is `invalid_request` (exit 2); every line read is an operation or a documented
//! refusal, with its own line number; CRLF endings and a BOM change nothing.
//!
//! LEDGERCTL_FUZZ_CASES (default 1000; each case writes two files) sets the cases.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::read;
use crate::cli::commands::batch::BatchFormat;
use crate::error::Error;
use crate::ledger::batch::{FIELDS, OPS};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("LEDGERCTL_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/batch_reader.txt",
        ))),
        ..ProptestConfig::default()
    }
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(OPS.to_vec()).prop_map(str::to_owned),
        3 => r"[0-9]{1,4}(\.[0-9]{1,3})?",
        2 => prop::sample::select(vec![
            "usr_1", "mch_1", "txn_abc123", "frz_1", "credit", "debit", "true", "-0", "1e3", " 5", "r-1", "",
        ])
        .prop_map(str::to_owned),
        1 => r#"[a-z ,"']{0,12}"#,
        1 => any::<String>().prop_map(|s| s.replace(['\n', '\r'], " ")),
    ]
}

/// A CSV cell as a spreadsheet writes it: quoted when it must be, sometimes quoted badly.
fn csv_cell() -> impl Strategy<Value = String> {
    (cell(), 0_u8..10).prop_map(|(value, how)| match how {
        0 => format!("\"{value}"),
        1..=3 => format!("\"{}\"", value.replace('"', "\"\"")),
        _ if value.contains([',', '"']) => format!("\"{}\"", value.replace('"', "\"\"")),
        _ => value,
    })
}

fn header() -> impl Strategy<Value = Vec<String>> {
    let column = prop_oneof![
        8 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["", "Op", " op", "amout", "new_counterparty", "\u{feff}op"]).prop_map(str::to_owned),
    ];
    (prop::bool::weighted(0.9), prop::collection::vec(column, 0..8)).prop_map(|(with_op, mut columns)| {
        if with_op {
            columns.insert(0, "op".to_owned());
        }
        columns
    })
}

/// A CSV file's lines (no line ending inside a cell, so CRLF can be swapped in safely).
fn csv_lines() -> impl Strategy<Value = Vec<String>> {
    (
        header(),
        prop::collection::vec(prop::collection::vec(csv_cell(), 0..9), 0..8),
        prop::collection::vec(any::<bool>(), 8),
    )
        .prop_map(|(header, rows, blanks)| {
            let mut lines = vec![header.join(",")];
            for (row, blank) in rows.iter().zip(blanks.iter().cycle()) {
                if *blank {
                    lines.push(String::new());
                }
                lines.push(row.join(","));
            }
            lines
        })
}

fn json_line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        4 => cell().prop_map(|s| serde_json::to_string(&s).expect("a string serializes")),
        1 => prop::sample::select(vec!["1", "-0", "1e400", "null", "true", "[]", "{}", "\"\""]).prop_map(str::to_owned),
    ];
    let key = prop_oneof![
        5 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
    ];
    let object = prop::collection::vec((key, value), 0..7).prop_map(|fields| {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", body.join(","))
    });
    prop_oneof![
        6 => object,
        1 => Just(String::new()),
        1 => Just("   ".to_owned()),
        1 => any::<String>().prop_map(|s| s.replace(['\n', '\r'], " ")),
    ]
}

/// A whole file: its lines, how it is named, and the format asked for (or detected).
fn file() -> impl Strategy<Value = (Vec<String>, &'static str, Option<BatchFormat>)> {
    let lines = prop_oneof![
        3 => csv_lines(),
        3 => prop::collection::vec(json_line(), 0..8),
        // A lone CR ends a CSV record too; this test swaps whole line endings only.
        1 => any::<String>().prop_map(|s| s.lines().map(|l| l.replace('\r', " ")).collect()),
    ];
    let name = prop::sample::select(vec!["batch.csv", "batch.jsonl", "batch.txt", "batch"]);
    let format = prop::option::of(prop_oneof![Just(BatchFormat::Csv), Just(BatchFormat::Jsonl)]);
    (lines, name, format)
}

/// What a read gave, with the parts that must not depend on line endings or a BOM.
fn outcome(result: &crate::error::Result<Vec<crate::ops::BatchLine>>) -> Result<Vec<(u64, String)>, &'static str> {
    match result {
        Err(e) => Err(e.code()),
        Ok(lines) => Ok(lines
            .iter()
            .map(|l| {
                let item = match &l.item {
                    Ok(item) => format!("{item:?}"),
                    Err(e) => e.code().to_owned(),
                };
                (l.line, item)
            })
            .collect()),
    }
}

fn documented(e: &Error, allowed: &[&str]) -> Result<(), TestCaseError> {
    prop_assert!(allowed.contains(&e.code()), "undocumented refusal {}: {}", e.code(), e);
    prop_assert!(!e.to_string().trim().is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_batch_file_reads_to_numbered_lines_or_a_documented_refusal((lines, name, format) in file()) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let lf = dir.path().join(name);
        let text = lines.join("\n");
        std::fs::write(&lf, &text).expect("write");
        let read_lf = read(lf.to_str().expect("a UTF-8 path"), format);
        match &read_lf {
            Err(e) => documented(e, &["invalid_request"])?,
            Ok(read_lines) => {
                prop_assert!(!read_lines.is_empty(), "an empty batch passed");
                let physical = text.split('\n').count() as u64;
                let mut previous = 0;
                for line in read_lines {
                    prop_assert!(line.line > previous && line.line <= physical, "line {} after {} of {}", line.line, previous, physical);
                    previous = line.line;
                    if let Err(e) = &line.item {
                        documented(e, &["invalid_request", "invalid_amount"])?;
                    }
                }
            }
        }

        // The same file as Windows tools write it: a BOM, CRLF endings. (Only one BOM is
        // skipped, so a file that starts with one already is another file with one more.)
        if text.starts_with('\u{feff}') {
            return Ok(());
        }
        let windows = dir.path().join(format!("windows-{name}"));
        std::fs::write(&windows, format!("\u{feff}{}", lines.join("\r\n"))).expect("write");
        let read_windows = read(windows.to_str().expect("a UTF-8 path"), format);
        // A line break inside a quoted value is the value's own text, kept byte for byte: the
        // Windows file's is CRLF. Lines, their numbers and their outcomes are otherwise the same.
        let as_lf = outcome(&read_windows).map(|lines| {
            lines
                .into_iter()
                .map(|(line, item)| (line, item.replace("\\r\\n", "\\n")))
                .collect::<Vec<_>>()
        });
        prop_assert_eq!(outcome(&read_lf), as_lf);
    }
}
