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
