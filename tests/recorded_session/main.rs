//! A recorded session of every command the CLI offers and every HTTP route, in every output
//! format that applies, failures included, compared byte for byte with the golden files under
//! `tests/golden/` (random ids, secrets, hashes and server times replaced by placeholders).
//! It pins what a refactor must not change. `LEDGERCTL_BLESS=1 cargo test --test
//! recorded_session` rewrites the files after an intended change; review their diff.

mod batch;
mod cli;
mod http;
#[path = "../recording/mod.rs"]
mod recording;
#[path = "../support/mod.rs"]
mod support;
mod tamper;

use recording::Session;

const DAY1: &str = "2026-03-01T09:00:00Z";
const DAY2: &str = "2026-03-02T10:30:00Z";
const DAY3: &str = "2026-03-03T16:45:00Z";
const DAY4: &str = "2026-03-04T08:00:00Z";

/// The help of every command and subcommand, found by walking `Commands:` from the top: a new
/// command is recorded without being listed here. Kept apart from the session so an intended
/// change of wording is blessed and reviewed on its own.
#[test]
fn every_help_text_reads_as_recorded() {
    let mut s = Session::at(DAY1);
    let mut pending: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = s.run(&args);
        assert_eq!(help.code, 0, "{}", help.stderr);
        for name in subcommands(&help.stdout).into_iter().rev() {
            pending.push([path.clone(), vec![name]].concat());
        }
    }
    s.sh("help wallet deposit");
    s.sh("wallet -h");
    s.check("help.txt");
}

/// The names listed under `Commands:` in a help text, `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter(|line| line.starts_with("  ") && !line[2..].starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}
