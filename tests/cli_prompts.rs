//! Confirmations as a person meets them: a real terminal of 80 columns (a tmux pane), keys
//! typed into it, and what the terminal looks like afterwards. Skipped, saying so on the
//! terminal running the tests, when tmux is not installed.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::{s, Ledger};

/// A detached tmux server of its own (its own socket), running one shell command in an
/// 80×24 pane that stays open after the command ends.
struct Pane {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Pane {
    /// `ledgerctl ARGS` against `db` in a fresh pane, followed by its exit status.
    fn run(db: &Path, args: &str) -> Option<Pane> {
        if !support::tool_installed("tmux", "LEDGERCTL_REQUIRE_TMUX") {
            return None;
        }
        let dir = tempfile::tempdir().expect("temporary folder");
        let socket = dir.path().join("tmux.sock");
        let script = format!(
            "env -u RUST_BACKTRACE LEDGERCTL_DB='{}' USER=tester '{}' {args}; echo \"exit=$?\"; sleep 60",
            db.display(),
            env!("CARGO_BIN_EXE_ledgerctl"),
        );
        let pane = Pane { socket, _dir: dir };
        pane.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "sh",
            "-c",
            &script,
        ]);
        Some(pane)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's text, wrapped lines joined back into one.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J"])
    }

    /// Waits until the pane shows `text`; panics with the screen after ten seconds.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; the pane shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &str) {
        self.tmux(&["send-keys", keys]);
    }

    /// Whether the terminal shows its cursor (tmux's own record of the pane's mode).
    fn cursor_visible(&self) -> bool {
        self.tmux(&["display-message", "-p", "#{cursor_flag}"]).trim() == "1"
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// The commands that ask before writing, each on a ledger prepared for it.
fn confirmations() -> Vec<(&'static str, Ledger, String)> {
    let adjust = Ledger::new();
    adjust.funded("u", "10");
    let status = Ledger::new();
    status.funded("u", "10");
    let revoke = Ledger::new();
    let token = revoke.ok(&[
        "--tenant",
        "acme",
        "--app",
        "shop",
        "token",
        "create",
        "--user",
        "a-rather-long-user-name-that-makes-the-question-wrap-at-eighty",
    ]);
    let token_id = token["data"]["token"]["id"].as_str().expect("token id").to_owned();
    let batch = Ledger::new();
    batch.ok(&["wallet", "create", "u"]);
    let file = batch.db.with_file_name("long.csv");
    let mut csv = String::from("op,user_id,amount\n");
    for _ in 0..101 {
        csv.push_str("deposit,u,1\n");
    }
    std::fs::write(&file, csv).expect("batch file");
    let batch_args = format!("batch '{}'", file.display());
    vec![
        (
            "adjust",
            adjust,
            "wallet adjust u --credit 5 --reason 'goodwill for the late delivery of order 1234'".to_owned(),
        ),
        (
            "status",
            status,
            "wallet status u frozen --reason 'fraud review opened by the risk team today'".to_owned(),
        ),
        ("revoke", revoke, format!("token revoke {token_id}")),
        ("batch", batch, batch_args),
    ]
}

#[test]
fn answering_no_at_any_confirmation_says_cancelled_and_exits_8_with_nothing_written() {
    for (name, ledger, args) in confirmations() {
        let before = ledger.snapshot();
        let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), &args) else {
            return;
        };
        pane.wait_for("[y/N]");
        pane.keys("n");
        let screen = pane.wait_for("exit=");
        assert!(screen.contains("exit=8"), "{name}: declining exits 8:\n{screen}");
        assert!(screen.contains("cancelled, nothing written"), "{name}:\n{screen}");
        assert!(
            !screen.contains("error:"),
            "{name}: declining is not an error:\n{screen}"
        );
        assert!(pane.cursor_visible(), "{name}: the cursor is visible afterwards");
        assert_eq!(ledger.snapshot(), before, "{name}: nothing written");
    }
}

#[test]
fn ctrl_c_at_any_confirmation_declines_and_leaves_the_cursor_visible() {
    for (name, ledger, args) in confirmations() {
        let before = ledger.snapshot();
        let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), &args) else {
            return;
        };
        pane.wait_for("[y/N]");
        pane.keys("C-c");
        let screen = pane.wait_for("exit=");
        assert!(screen.contains("exit=8"), "{name}: Ctrl-C declines:\n{screen}");
        assert!(screen.contains("cancelled, nothing written"), "{name}:\n{screen}");
        assert!(pane.cursor_visible(), "{name}: the cursor is visible after Ctrl-C");
        assert_eq!(ledger.snapshot(), before, "{name}: nothing written");
    }
}

#[test]
fn a_confirmation_at_80_columns_prints_each_fact_once() {
    let (_, ledger, args) = confirmations().remove(0);
    let wallet_id = ledger.wallet("u")["wallet_id"].as_str().expect("wallet id").to_owned();
    let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), &args) else {
        return;
    };
    pane.wait_for("[y/N]");
    pane.keys("n");
    let screen = pane.wait_for("exit=");
    assert_eq!(
        screen.matches(&wallet_id).count(),
        1,
        "the wallet is named once:\n{screen}"
    );
    assert_eq!(
        screen.matches("goodwill").count(),
        1,
        "the reason is shown once:\n{screen}"
    );
}

#[test]
fn a_status_confirmation_shows_the_reason_it_will_record() {
    let (_, ledger, args) = confirmations().remove(1);
    let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), &args) else {
        return;
    };
    pane.wait_for("[y/N]");
    pane.keys("n");
    let screen = pane.wait_for("exit=");
    assert!(
        screen.contains("fraud review opened by the risk team today"),
        "{screen}"
    );
    assert!(screen.contains("active → frozen"), "{screen}");
}

#[test]
fn answering_yes_applies_the_adjustment() {
    let (_, ledger, args) = confirmations().remove(0);
    let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), &args) else {
        return;
    };
    pane.wait_for("[y/N]");
    pane.keys("y");
    let screen = pane.wait_for("exit=");
    assert!(screen.contains("exit=0"), "{screen}");
    assert_eq!(ledger.wallet("u")["balance"], "15.00");
    assert!(pane.cursor_visible());
}

#[test]
fn an_admin_token_made_on_a_terminal_warns_that_it_moves_money_on_every_wallet() {
    let ledger = Ledger::new();
    let Some(pane) = Pane::run(
        Path::new(&ledger.db_arg()),
        "--tenant acme --app shop token create --scope admin",
    ) else {
        return;
    };
    let screen = pane.wait_for("exit=");
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(
        screen.contains("warning: this admin token can move money on every wallet of tenant acme application shop"),
        "{screen}"
    );
    // A read or write token is made as before, without the warning.
    let Some(pane) = Pane::run(Path::new(&ledger.db_arg()), "token create --scope write") else {
        return;
    };
    let screen = pane.wait_for("exit=");
    assert!(screen.contains("exit=0") && !screen.contains("warning"), "{screen}");
}

/// A long batch's file is read three times after it is spooled: counted, rehearsed for the
/// facts above the question, then applied once the answer is yes.
#[test]
fn answering_yes_to_a_long_batch_shows_its_rehearsal_then_applies_every_line() {
    let ledger = Ledger::new();
    ledger.ok(&["wallet", "create", "u"]);
    let file = ledger.db.with_file_name("long.jsonl");
    let jsonl = "{\"op\":\"deposit\",\"user_id\":\"u\",\"amount\":\"0.10\"}\n".repeat(1_500);
    std::fs::write(&file, jsonl).expect("batch file");
    let Some(pane) = Pane::run(
        Path::new(&ledger.db_arg()),
        &format!("batch '{}' >/dev/null", file.display()),
    ) else {
        return;
    };
    let screen = pane.wait_for("[y/N]");
    assert!(screen.contains("This batch has 1500 lines."), "{screen}");
    assert!(
        screen.contains("deposit            1500 lines                  150.00 CNY"),
        "the rehearsal's count and total:\n{screen}"
    );
    assert!(screen.contains("0 replayed, 0 failing."), "{screen}");
    pane.keys("y");
    let screen = pane.wait_for("exit=");
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(
        screen.contains("batch: 1500 lines: 1500 applied, 0 replayed, 0 failed"),
        "{screen}"
    );
    assert_eq!(s(&ledger.wallet("u")["balance"]), "150.00");
}
