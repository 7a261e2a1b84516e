//! What the user reads is generated from the clap definitions: the checked-in completions and
//! man pages must be what the current CLI generates. Regenerate with `bash .ci/generate`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const STALE: &str = "is stale against the current CLI: run `bash .ci/generate` and commit the result";

fn ledgerctl() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledgerctl"));
    cmd.env_remove("LEDGERCTL_OUTPUT").env_remove("RUST_BACKTRACE");
    cmd
}

fn repo(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_checked_in_completions_match_the_cli() {
    for (shell, file) in [
        ("bash", "completions/ledgerctl.bash"),
        ("zsh", "completions/_ledgerctl"),
        ("fish", "completions/ledgerctl.fish"),
        ("powershell", "completions/ledgerctl.ps1"),
        ("elvish", "completions/ledgerctl.elvish"),
    ] {
        let out = ledgerctl()
            .args(["completions", shell])
            .output()
            .expect("ledgerctl runs");
        assert!(out.status.success(), "completions {shell} failed");
        let checked_in = fs::read(repo(file)).unwrap_or_default();
        assert!(out.stdout == checked_in, "{file} {STALE}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("withdraw"),
            "{file} must complete subcommands"
        );
    }
}

fn pages(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("man folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "1"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).expect("page"),
            )
        })
        .collect()
}

#[test]
fn the_checked_in_man_pages_match_the_cli() {
    let fresh = tempfile::tempdir().expect("temporary folder");
    let status = ledgerctl()
        .args(["man", "--dir"])
        .arg(fresh.path())
        .status()
        .expect("ledgerctl runs");
    assert!(status.success());
    let generated = pages(fresh.path());
    let checked_in = pages(Path::new(&repo("man")));
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        checked_in.keys().collect::<Vec<_>>(),
        "man/ {STALE}"
    );
    for (name, page) in &generated {
        assert!(checked_in[name] == *page, "man/{name} {STALE}");
    }
    assert!(
        generated.contains_key("ledgerctl-wallet-withdraw.1"),
        "every subcommand has a page"
    );
    let top = ledgerctl().arg("man").output().expect("ledgerctl runs");
    assert!(
        top.stdout == generated["ledgerctl.1"],
        "`ledgerctl man` prints ledgerctl.1"
    );
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let mut child = ledgerctl()
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ledgerctl runs");
    // Close the read end before ledgerctl writes: its first write fails with a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ledgerctl ends");
    assert!(
        out.status.success(),
        "a closed stdout must not be an error: {:?}",
        out.status
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no panic, no message");
}

/// The man pages, as `ledgerctl man --dir` writes them.
fn fresh_pages() -> BTreeMap<String, String> {
    let fresh = tempfile::tempdir().expect("temporary folder");
    let status = ledgerctl()
        .args(["man", "--dir"])
        .arg(fresh.path())
        .status()
        .expect("ledgerctl runs");
    assert!(status.success());
    pages(fresh.path())
        .into_iter()
        .map(|(name, page)| (name, String::from_utf8(page).expect("utf-8 page")))
        .collect()
}

#[test]
fn every_man_page_has_exit_status_environment_and_examples_sections() {
    for (name, page) in fresh_pages() {
        for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH EXAMPLES"] {
            assert!(page.contains(section), "{name} lacks {section}");
        }
        for var in [
            "LEDGERCTL_DB",
            "LEDGERCTL_TENANT",
            "LEDGERCTL_APP",
            "LEDGERCTL_OUTPUT",
            "LEDGERCTL_LOCK_TIMEOUT_MS",
            "LEDGERCTL_CURRENCY",
            "LEDGERCTL_LISTEN",
            "LEDGERCTL_INTERNAL_LISTEN",
        ] {
            assert!(
                page.contains(&format!("\\fB{}\\fR", var)),
                "{name} does not describe {var}"
            );
        }
        for code in 0..=8 {
            assert!(
                page.contains(&format!(".TP\n\\fB{code}\\fR\n")),
                "{name} does not explain exit status {code}"
            );
        }
    }
}

#[test]
fn every_man_page_is_titled_with_its_full_command_name() {
    for (name, page) in fresh_pages() {
        let title = page.lines().find(|l| l.starts_with(".TH ")).expect("a .TH line");
        let command = name.trim_end_matches(".1");
        assert!(
            title.starts_with(&format!(".TH {command} 1 ")) && title.contains("\"ledgerctl 0.1.0\""),
            "{name}: {title}"
        );
    }
}

#[test]
fn every_positional_argument_is_described() {
    use clap::CommandFactory;
    let mut stack = vec![ledgerctl::cli::Cli::command()];
    while let Some(command) = stack.pop() {
        for arg in command.get_positionals() {
            assert!(
                arg.get_help().is_some_and(|h| !h.to_string().is_empty()),
                "`{}` <{}> has no description",
                command.get_name(),
                arg.get_id()
            );
        }
        stack.extend(command.get_subcommands().cloned());
    }
}

#[test]
fn no_page_of_help_speaks_of_the_projects_history() {
    for (name, page) in fresh_pages() {
        assert!(!page.to_lowercase().contains("seed"), "{name} mentions the seeds");
    }
    let openapi = include_str!("../src/http/openapi.rs").to_lowercase();
    assert!(!openapi.contains("seed"), "the OpenAPI document mentions the seeds");
}
