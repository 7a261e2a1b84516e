//! Recorded sessions: run commands (or HTTP requests), keep what each printed and how it
//! exited with the random parts replaced by stable placeholders, and compare the whole record
//! with a golden file under `tests/golden/`. `LEDGERCTL_BLESS=1` rewrites the golden files.
#![allow(dead_code)]

pub mod http;
mod normalise;

use serde_json::Value;

use crate::support::Ledger;
pub use normalise::Normaliser;

/// Every variable the binary reads that would make a recording depend on the machine running
/// it, besides the ledgerctl ones every test command starts without (`support::CALLER_ENV`).
const ENV_REMOVED: [&str; 4] = ["LOGNAME", "COLUMNS", "CLICOLOR", "CLICOLOR_FORCE"];

/// A string field of a JSON document, by JSON pointer; a test that asks for one that is not
/// there is wrong, so it panics naming both.
pub fn string_at(json: &Value, pointer: &str) -> String {
    json.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer} in {json}"))
        .to_owned()
}

/// One ledger and the record of everything run against it, in order.
pub struct Session {
    pub ledger: Ledger,
    norm: Normaliser,
    records: Vec<String>,
}

/// What one command printed, exactly as printed (ids not replaced), for later arguments.
pub struct Printed {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Printed {
    /// The stdout as JSON (the command ran with `-o json`).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not one JSON document ({e}): {}", self.stdout))
    }

    /// A string field of the JSON envelope, by JSON pointer (`/data/transaction/id`).
    pub fn field(&self, pointer: &str) -> String {
        string_at(&self.json(), pointer)
    }
}

impl Session {
    /// A path for a new ledger (not yet initialised: the session records its `init`), with
    /// every command pinned to `instant`.
    pub fn at(instant: &str) -> Session {
        Session::over(Ledger::uninitialised(), instant)
    }

    /// A session over an existing ledger (a copied fixture), pinned to `instant`.
    pub fn over(ledger: Ledger, instant: &str) -> Session {
        ledger.set_clock(instant);
        let dir = ledger.db.parent().expect("a folder").to_string_lossy().into_owned();
        Session {
            ledger,
            norm: Normaliser::new(&dir),
            records: Vec::new(),
        }
    }

    /// A session over a new PostgreSQL ledger (not yet initialised), pinned to `instant`, that
    /// records what names the backend as a SQLite session prints it, so that both compare with
    /// one golden file: `init`'s line, the database's URL where a message names the ledger, and
    /// the storage's own check ([`POSTGRES_NAMES`]). `None` when PostgreSQL tests skip.
    pub fn on_postgres(instant: &str) -> Option<Session> {
        let ledger = Ledger::postgres_uninitialised()?;
        let url = ledger.db_arg();
        let mut s = Session::over(ledger, instant);
        // The schema version both backends are at, whatever it is today.
        let version = ledgerctl::store::MIGRATIONS.len();
        s.literal(
            &format!("Created ledger in {url} (schema version {version}, PostgreSQL, synchronous_commit=on)"),
            &format!("Created ledger <dir>/ledger.db (schema version {version}, WAL, synchronous=FULL)"),
        );
        for (postgres, sqlite) in POSTGRES_NAMES {
            s.literal(postgres, sqlite);
        }
        s.literal(&url, "<dir>/ledger.db");
        Some(s)
    }

    /// A session over a committed ledger file, whose ids and hashes are fixed: those are
    /// compared as they are; only what later commands mint is replaced.
    pub fn exact(ledger: Ledger, instant: &str) -> Session {
        let stored = stored_texts(&ledger.sqlite());
        let mut session = Session::over(ledger, instant);
        session.norm.keep(stored);
        session
    }

    /// The folder the ledger lives in (printed as `<dir>`), for input files.
    pub fn dir(&self) -> std::path::PathBuf {
        self.ledger.db.parent().expect("a folder").to_path_buf()
    }

    /// Moves the pinned clock.
    pub fn clock(&mut self, instant: &str) {
        self.ledger.set_clock(instant);
    }

    /// Every later `text` (a server's address) is recorded as `placeholder`.
    pub fn literal(&mut self, text: &str, placeholder: &str) {
        self.norm.literal(text, placeholder);
    }

    /// Runs `ledgerctl ARGS` and records it.
    pub fn run(&mut self, args: &[&str]) -> Printed {
        self.run_with(&[], None, args)
    }

    /// Runs `ledgerctl LINE`, its words split as a shell would (`'…'` quotes one word).
    pub fn sh(&mut self, line: &str) -> Printed {
        let words = words(line);
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        self.run(&args)
    }

    /// As [`Session::sh`], with `input` on stdin.
    pub fn piped(&mut self, input: &str, line: &str) -> Printed {
        let words = words(line);
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        self.run_with(&[], Some(input), &args)
    }

    /// Runs `ledgerctl ARGS` and records it, with extra environment variables and an input.
    pub fn run_with(&mut self, env: &[(&str, &str)], stdin: Option<&str>, args: &[&str]) -> Printed {
        let mut cmd = self.ledger.cmd();
        for var in ENV_REMOVED {
            cmd.env_remove(var);
        }
        cmd.envs(env.iter().copied()).args(args);
        // Always an input, even an empty one: a command never waits on the test's own stdin.
        cmd.write_stdin(stdin.unwrap_or("").as_bytes().to_vec());
        let output = cmd.output().expect("ledgerctl runs");
        let printed = Printed {
            code: output.status.code().expect("an exit code"),
            stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
        };
        let line = command_line(env, args, stdin);
        self.record_command(&line, &printed);
        printed
    }

    fn record_command(&mut self, line: &str, printed: &Printed) {
        let mut record = format!("==== $ {}\n", self.norm.apply(line));
        record.push_str(&format!("---- exit {}\n", printed.code));
        record.push_str(&section("stdout", &self.norm.apply(&printed.stdout)));
        record.push_str(&section("stderr", &self.norm.apply(&printed.stderr)));
        self.records.push(record);
    }

    /// Records a block made elsewhere (an HTTP exchange), normalised like the rest.
    pub fn record(&mut self, header: &str, sections: &[(&str, &str)]) {
        let mut record = format!("==== {}\n", self.norm.apply(header));
        for (name, text) in sections {
            record.push_str(&section(name, &self.norm.apply(text)));
        }
        self.records.push(record);
    }

    /// Compares the record with `tests/golden/NAME`, or rewrites it under `LEDGERCTL_BLESS=1`.
    pub fn check(self, name: &str) {
        check(name, &self.records);
    }
}

/// Every text value stored in the ledger file, in every table.
fn stored_texts(conn: &rusqlite::Connection) -> Vec<String> {
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("list tables");
    let names: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .expect("tables")
        .map(|name| name.expect("a table name"))
        .collect();
    let mut texts = Vec::new();
    for name in names {
        let mut rows = conn
            .prepare(&format!("SELECT * FROM \"{name}\""))
            .expect("read a table");
        let columns = rows.column_count();
        let mut rows = rows.query([]).expect("rows");
        while let Some(row) = rows.next().expect("a row") {
            for i in 0..columns {
                if let Ok(text) = row.get_ref(i).expect("a value").as_str() {
                    texts.push(text.to_owned());
                }
            }
        }
    }
    texts
}

/// The words of a command line: split at spaces, `'…'` kept as one word (even empty).
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            ' ' if !quoted => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(!quoted, "an unclosed quote in {line:?}");
    words.extend(word);
    words
}

/// A titled block of text; an absent final newline is said, so it is not lost in the file.
fn section(name: &str, text: &str) -> String {
    if text.is_empty() {
        return format!("---- {name} (empty)\n");
    }
    let mut out = format!("---- {name}\n{text}");
    if !text.ends_with('\n') {
        out.push_str("\n---- (no newline at the end)\n");
    }
    out
}

/// The command as a person would type it, quoted where a shell would need it.
fn command_line(env: &[(&str, &str)], args: &[&str], stdin: Option<&str>) -> String {
    let mut words: Vec<String> = env.iter().map(|(k, v)| format!("{k}={}", quote(v))).collect();
    words.push("ledgerctl".to_owned());
    words.extend(args.iter().map(|a| quote(a)));
    let mut line = words.join(" ");
    if let Some(input) = stdin {
        let shown = input.trim_end().replace('\n', "\\n");
        line.push_str(&format!(" <<< {}", quote(&shown)));
    }
    line
}

fn quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:=@,+%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

fn golden_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// The records of a golden file, split where each one starts.
fn split_records(text: &str) -> Vec<String> {
    let mut records: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        match records.last_mut() {
            Some(last) if !line.starts_with("==== ") => last.push_str(line),
            _ => records.push(line.to_owned()),
        }
    }
    records
}

/// Compares `actual` with the golden file `name`; on a difference, panics naming the first
/// record that differs and showing both versions of it.
pub fn check(name: &str, actual: &[String]) {
    let path = golden_path(name);
    if std::env::var_os("LEDGERCTL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("tests/golden")).expect("create tests/golden");
        std::fs::write(&path, actual.concat()).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n(LEDGERCTL_BLESS=1 cargo test --test recorded_session writes it)",
            path.display()
        )
    });
    let expected = split_records(&expected);
    if let Some(report) = first_difference(&expected, actual) {
        panic!(
            "{name} differs from the recorded session.\n{report}\nIf the change is intended, \
             rewrite the golden files with LEDGERCTL_BLESS=1 and review their diff."
        );
    }
}

fn first_difference(expected: &[String], actual: &[String]) -> Option<String> {
    let at = expected.iter().zip(actual).position(|(e, a)| e != a);
    let at = match at {
        Some(at) => at,
        None if expected.len() == actual.len() => return None,
        None => expected.len().min(actual.len()),
    };
    let empty = String::new();
    let want = expected.get(at).unwrap_or(&empty);
    let got = actual.get(at).unwrap_or(&empty);
    let title = want.lines().next().or_else(|| got.lines().next()).unwrap_or("");
    Some(format!(
        "record {} of {} expected ({} recorded now): {title}\n{}",
        at + 1,
        expected.len(),
        actual.len(),
        line_diff(want, got)
    ))
}

/// Both versions line by line: unchanged lines with two spaces, expected with `-`, actual `+`.
fn line_diff(want: &str, got: &str) -> String {
    let want: Vec<&str> = want.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    for i in 0..want.len().max(got.len()) {
        match (want.get(i), got.get(i)) {
            (Some(w), Some(g)) if w == g => out.push_str(&format!("  {w}\n")),
            (w, g) => {
                let (w, g) = around_difference(w.unwrap_or(&""), g.unwrap_or(&""));
                out.push_str(&format!("- {w}\n+ {g}\n"));
            }
        }
    }
    out
}

/// Long lines (a JSON document) cut to the part around their first difference.
fn around_difference(want: &str, got: &str) -> (String, String) {
    const CONTEXT: usize = 80;
    let same = want.bytes().zip(got.bytes()).take_while(|(w, g)| w == g).count();
    let cut = |line: &str| -> String {
        let mut start = same.saturating_sub(CONTEXT);
        while !line.is_char_boundary(start.min(line.len())) {
            start -= 1;
        }
        let mut end = (same + CONTEXT).min(line.len());
        while !line.is_char_boundary(end) {
            end += 1;
        }
        let start = start.min(end);
        let before = if start > 0 { "…" } else { "" };
        let after = if end < line.len() { "…" } else { "" };
        format!("{before}{}{after}", &line[start..end])
    };
    (cut(want), cut(got))
}

/// What a PostgreSQL ledger prints where a SQLite one prints something else, and what it then
/// is recorded as, so that one recording holds both: the storage's own check in `ledger verify`
/// (`postgres_integrity`, which says whether amcheck could run), in a table (where the name
/// is padded to its column) and elsewhere.
pub const POSTGRES_NAMES: [(&str, &str); 3] = [
    ("postgres_integrity          ", "sqlite_integrity            "),
    ("postgres_integrity", "sqlite_integrity"),
    (
        "not checked: the amcheck extension is not installed in the database (CREATE EXTENSION amcheck)",
        "PRAGMA integrity_check finds the file intact",
    ),
];
