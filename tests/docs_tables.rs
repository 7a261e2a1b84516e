//! The documentation's tables are checked against the code they describe (the exit codes
//! against the error table, the limits against `ledger::limits`, the routes against the
//! server's own OpenAPI document, the environment against the man pages, the batch columns and
//! the verify checks against what the binary says), and its links against the files and
//! headings they name, so a reader is never sent to a number, a route or a section that is not
//! there.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ledgerctl::error::{Classified, Error};
use ledgerctl::http::HttpError;
use ledgerctl::ledger::limits::EVERY_LIMIT;
use support::server::Server;
use support::Ledger;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The rows of the first table after the line `heading` (the header and separator rows left
/// out), each split into trimmed cells.
fn table_after(doc: &str, heading: &str) -> Vec<Vec<String>> {
    let lines = doc.lines().skip_while(|l| *l != heading).skip(1);
    let rows: Vec<Vec<String>> = lines
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(cells)
        .collect();
    assert!(!rows.is_empty(), "no table after {heading:?}");
    rows
}

/// The cells of one table row; `\|` is a pipe inside a cell.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    let mut out = vec![String::new()];
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => out.last_mut().unwrap().push(chars.next().unwrap()),
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.iter().map(|c| c.trim().to_owned()).collect()
}

/// The text of each `code span` of a cell.
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// Every difference between what the docs say and what the code says, one line each.
fn differences<V: PartialEq + std::fmt::Debug>(docs: &BTreeMap<String, V>, code: &BTreeMap<String, V>) -> Vec<String> {
    let mut out = Vec::new();
    for (name, said) in docs {
        match code.get(name) {
            None => out.push(format!("{name}: in the docs, not in the code")),
            Some(is) if is != said => out.push(format!("{name}: the docs say {said:?}, the code {is:?}")),
            Some(_) => {}
        }
    }
    for name in code.keys().filter(|name| !docs.contains_key(*name)) {
        out.push(format!("{name}: in the code, missing from the docs"));
    }
    out
}

/// The variants of `pub enum Error` as written in src/error.rs: each starts a line at one
/// level of indentation.
fn error_variants_in_source() -> BTreeSet<String> {
    variants_in_source("src/error.rs", "pub enum Error {")
}

/// The variants of the enum that `opening` starts in the file `relative`.
fn variants_in_source(relative: &str, opening: &str) -> BTreeSet<String> {
    let source = read(relative);
    source
        .lines()
        .skip_while(|l| !l.starts_with(opening))
        .skip(1)
        .take_while(|l| *l != "}")
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| l.chars().take_while(char::is_ascii_alphanumeric).collect())
        .collect()
}

fn variant_name(error: &impl std::fmt::Debug) -> String {
    format!("{error:?}")
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

#[test]
fn every_error_variant_has_an_example_to_check_the_docs_with() {
    let examples: BTreeSet<String> = Error::one_of_each().iter().map(variant_name).collect();
    assert_eq!(examples, error_variants_in_source());
}

#[test]
fn every_http_error_variant_has_an_example_to_check_the_docs_with() {
    let examples: BTreeSet<String> = HttpError::one_of_each().iter().map(variant_name).collect();
    assert_eq!(
        examples,
        variants_in_source("src/http/error.rs", "pub enum HttpError {")
    );
}

/// Every condition either door can report: the domain's and the server's own.
fn every_error() -> Vec<Box<dyn Classified>> {
    let domain = Error::one_of_each()
        .into_iter()
        .map(|e| Box::new(e) as Box<dyn Classified>);
    let http = HttpError::one_of_each()
        .into_iter()
        .map(|e| Box::new(e) as Box<dyn Classified>);
    domain.chain(http).collect()
}

/// Per `error` name: (exit code, HTTP status, kind).
type ErrorRows = BTreeMap<String, (u8, u16, String)>;

fn exit_codes_in_docs() -> ErrorRows {
    let mut rows = ErrorRows::new();
    for row in table_after(&read("docs/cli.md"), "## Exit codes") {
        let [exit, http, kind, names, _meaning] = &row[..] else {
            panic!("the exit codes table has 5 columns: {row:?}")
        };
        for name in code_spans(names) {
            let exit = exit.parse().unwrap_or_else(|_| panic!("{name}: exit {exit:?}"));
            let http = http.parse().unwrap_or_else(|_| panic!("{name}: HTTP {http:?}"));
            let kind = code_spans(kind).concat();
            assert!(
                rows.insert(name.clone(), (exit, http, kind)).is_none(),
                "{name} has two rows"
            );
        }
    }
    rows
}

fn exit_codes_in_code() -> ErrorRows {
    let mut rows = ErrorRows::new();
    for error in every_error() {
        let kind = error.kind();
        let row = (kind.exit_code(), kind.http_status(), format!("{kind:?}"));
        if let Some(other) = rows.insert(error.code().to_owned(), row.clone()) {
            assert_eq!(other, row, "two variants named {} disagree", error.code());
        }
    }
    rows
}

#[test]
fn the_exit_codes_table_lists_every_error_with_its_exit_code_http_status_and_kind() {
    let wrong = differences(&exit_codes_in_docs(), &exit_codes_in_code());
    assert!(wrong.is_empty(), "docs/cli.md, ## Exit codes:\n{}", wrong.join("\n"));
}

/// The names of the `pub const`s of src/ledger/limits.rs, as written there.
fn limits_in_source() -> BTreeSet<String> {
    read("src/ledger/limits.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("pub const "))
        .map(|l| {
            l.chars()
                .take_while(|c| *c == '_' || c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|name| name != "EVERY_LIMIT")
        .collect()
}

#[test]
fn the_limits_table_lists_every_limit_with_its_value() {
    let code: BTreeMap<String, i128> = EVERY_LIMIT.iter().map(|(n, v)| ((*n).to_owned(), *v)).collect();
    assert_eq!(
        code.keys().cloned().collect::<BTreeSet<_>>(),
        limits_in_source(),
        "EVERY_LIMIT"
    );
    let mut docs = BTreeMap::new();
    for row in table_after(&read("docs/limits.md"), "# Limits") {
        let name = code_spans(&row[0]).concat();
        let value = row[1]
            .replace(',', "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}: value {:?}", row[1]));
        assert!(docs.insert(name.clone(), value).is_none(), "{name} has two rows");
    }
    let wrong = differences(&docs, &code);
    assert!(wrong.is_empty(), "docs/limits.md:\n{}", wrong.join("\n"));
}

/// `METHOD /path` of every route of the routes table.
fn routes_in_docs() -> BTreeSet<String> {
    table_after(&read("docs/http-api.md"), "## Routes")
        .iter()
        .map(|row| code_spans(&row[0]).first().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn the_routes_table_lists_every_route_the_server_serves() {
    let ledger = Ledger::new();
    let server = Server::start(&ledger);
    let answer = server.request("GET", "/openapi.json", &[], None);
    assert_eq!(answer.status, 200);
    let paths = answer.json["paths"].as_object().expect("paths").clone();
    let served: BTreeSet<String> = paths
        .iter()
        .flat_map(|(path, item)| {
            let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
            methods
                .into_iter()
                .filter(|m| item.get(*m).is_some())
                .map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    let documented = routes_in_docs();
    let missing: Vec<_> = served.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&served).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "docs/http-api.md, ## Routes: missing {missing:?}, not served {extra:?}"
    );
}

/// The markdown files a reader navigates: the README, ARCHITECTURE.md and docs/.
fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("an entry of docs/").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The lines of a markdown file outside fenced code blocks.
fn prose(text: &str) -> Vec<&str> {
    let mut fenced = false;
    text.lines()
        .filter(|l| {
            if l.trim_start().starts_with("```") {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .collect()
}

/// The anchors GitHub gives a file's headings: lowercase, spaces to `-`, punctuation other
/// than `-` and `_` dropped, and `-1`, `-2`, … after a repeated one.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeMap::<String, usize>::new();
    let mut out = BTreeSet::new();
    for heading in prose(text).iter().filter(|l| l.starts_with('#')) {
        let title = heading.trim_start_matches('#').trim().to_lowercase();
        let slug: String = title
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let n = seen.entry(slug.clone()).or_insert(0);
        out.insert(if *n == 0 { slug.clone() } else { format!("{slug}-{n}") });
        *n += 1;
    }
    out
}

/// The targets of the inline links `[text](target)` of a file's prose, code spans left out.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose(text) {
        let outside_code: String = line.split('`').step_by(2).collect();
        for (at, _) in outside_code.match_indices("](") {
            let rest = &outside_code[at + 2..];
            if let Some(end) = rest.find(')') {
                out.push(rest[..end].to_owned());
            }
        }
    }
    out
}

fn broken_link(from: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
    let file = if file.is_empty() {
        from.to_path_buf()
    } else {
        from.parent()?.join(file)
    };
    if !file.exists() {
        return Some(format!("{target}: no file {}", file.display()));
    }
    if anchor.is_empty() {
        return None;
    }
    let text = std::fs::read_to_string(&file).ok()?;
    (!anchors(&text).contains(anchor)).then(|| format!("{target}: no heading #{anchor}"))
}

#[test]
fn every_relative_link_of_the_docs_names_a_file_and_heading_that_exist() {
    let mut broken = Vec::new();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).expect("markdown");
        for target in links(&text) {
            if let Some(why) = broken_link(&file, &target) {
                broken.push(format!(
                    "{}: {why}",
                    file.strip_prefix(root()).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_anchors_are_the_ones_github_gives_headings() {
    let text = "# Title\n## Exports: `ledgerctl ledger export`\n## Payments: `--new-counterparty`\n## Title\n```sh\n# not a heading\n```\n";
    let expected = [
        "title",
        "exports-ledgerctl-ledger-export",
        "payments---new-counterparty",
        "title-1",
    ];
    assert_eq!(anchors(text), expected.iter().map(|s| s.to_string()).collect());
}

/// The `LEDGERCTL_*` variables the generated man pages list under ENVIRONMENT: every variable
/// the clap definitions read (tests/cli_generated.rs keeps the pages fresh).
fn environment_in_man_pages() -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    for page in std::fs::read_dir(root().join("man")).expect("man/") {
        let text = std::fs::read_to_string(page.expect("a man page").path()).expect("roff");
        let section = text.lines().skip_while(|l| *l != ".SH ENVIRONMENT").skip(1);
        for line in section.take_while(|l| !l.starts_with(".SH")) {
            if let Some(var) = line.strip_prefix("\\fB").and_then(|l| l.strip_suffix("\\fR")) {
                vars.insert(var.replace('\\', ""));
            }
        }
    }
    vars
}

#[test]
fn the_environment_table_lists_every_variable_the_command_line_reads() {
    let documented: BTreeSet<String> = table_after(&read("docs/cli.md"), "## Environment")
        .iter()
        .flat_map(|row| code_spans(&row[0]))
        .filter(|var| var.starts_with("LEDGERCTL_"))
        .collect();
    assert_eq!(documented, environment_in_man_pages(), "docs/cli.md, ## Environment");
}

/// The message of the one envelope `ledgerctl batch -` prints for `input`, after `marker`.
fn batch_message_after(input: &str, marker: &str) -> String {
    let ledger = Ledger::new();
    let output = ledger
        .cmd()
        .args(["-o", "json", "batch", "-", "--format", "csv"])
        .write_stdin(input)
        .output()
        .expect("ledgerctl runs");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let envelope: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one envelope");
    let message = envelope["message"].as_str().expect("a message").to_owned();
    let (_, after) = message
        .split_once(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {message}"));
    after.to_owned()
}

fn listed(text: &str) -> BTreeSet<String> {
    text.split(", ").map(str::to_owned).collect()
}

#[test]
fn the_batch_fields_table_lists_every_column_and_operation_a_batch_file_may_have() {
    let rows = table_after(&read("docs/cli.md"), "## Batches: `ledgerctl batch`");
    let fields: BTreeSet<String> = rows.iter().map(|row| code_spans(&row[0]).concat()).collect();
    let columns = batch_message_after("op,zz\n", "the columns are ");
    assert_eq!(fields, listed(&columns), "the fields of docs/cli.md's batch table");
    let op_row = rows.iter().find(|row| row[0] == "`op`").expect("an `op` row");
    let ops: BTreeSet<String> = code_spans(&op_row[1]).into_iter().collect();
    let known = batch_message_after("op,user_id\nbogus,u\n", "is not one of ");
    assert_eq!(ops, listed(&known), "the operations of the `op` row");
}

#[test]
fn the_verify_table_lists_every_check_ledger_verify_runs() {
    let documented: BTreeSet<String> = table_after(&read("docs/operations.md"), "## `ledger verify`")
        .iter()
        .map(|row| code_spans(&row[0]).concat())
        .collect();
    let report = Ledger::new().ok(&["ledger", "verify"]);
    let run: BTreeSet<String> = report["data"]["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|check| check["name"].as_str().expect("a name").to_owned())
        .collect();
    assert_eq!(documented, run, "docs/operations.md, ## `ledger verify`");
}
