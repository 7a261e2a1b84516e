//! The scripts in examples/ are run here, so they cannot rot.

use std::process::Command;

/// The words a shell reads from each printed `ledgerctl` or `curl` command of an example
/// (`$ …` lines), with `$TOKEN` and `$KEY` left as written. Lines that would run something
/// when read (`$(…)`, a redirection, `&`) are left out.
fn pasted_commands(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .filter_map(|l| l.strip_prefix("$ "))
        .filter(|l| l.starts_with("ledgerctl ") || l.starts_with("curl "))
        .filter(|l| !l.contains("$(") && !l.contains(" > ") && !l.ends_with('&'))
        .map(|line| {
            let read = Command::new("bash")
                .args(["-c", r#"eval "set -- $1" && printf '%s\0' "$@""#, "words", line])
                .env("TOKEN", "$TOKEN")
                .env("KEY", "$KEY")
                .output()
                .expect("bash runs");
            assert!(read.status.success(), "a shell cannot read back {line:?}");
            String::from_utf8(read.stdout)
                .expect("utf-8")
                .split_terminator('\0')
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// No bearer token or key (`tok_<ULID>.<secret>`) is printed whole.
fn no_secret_in(out: &str) {
    for (at, _) in out.match_indices("tok_") {
        let rest = &out[at + 4..];
        let secret = rest.get(26..27) == Some(".") && rest[27..].chars().take(64).all(|c| c.is_ascii_hexdigit());
        assert!(!secret, "a secret is printed: {}", &out[at..(at + 100).min(out.len())]);
    }
}

fn run_example(script: &str) -> String {
    let output = Command::new("bash")
        .arg(format!("{}/examples/{script}", env!("CARGO_MANIFEST_DIR")))
        .env("LEDGERCTL", env!("CARGO_BIN_EXE_ledgerctl"))
        .env_remove("LEDGERCTL_DB")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn the_quickstart_walks_through_every_operation_and_verifies() {
    let out = run_example("quickstart.sh");
    for step in [
        "wallet deposit",
        "wallet payment",
        "wallet refund",
        "wallet freeze",
        "wallet unfreeze",
        "wallet withdraw",
    ] {
        assert!(
            out.contains(&format!("$ ledgerctl {step}")),
            "the quickstart skips {step}:\n{out}"
        );
    }
    assert!(
        out.contains("Replayed: reference_id REF-001 was already applied"),
        "{out}"
    );
    assert!(
        out.contains("exit status: 4"),
        "the refused withdrawal must exit 4:\n{out}"
    );
    // 1000 deposited − 200 paid + 50 refunded − 50 withdrawn; the repeated refund changed nothing.
    assert!(out.contains(" 800.00  Cr\n"), "the wallet must end at 800.00:\n{out}");
    assert!(out.contains("balanced"), "{out}");
    assert!(!out.contains("BROKEN"), "{out}");

    let commands = pasted_commands(&out);
    let deposit = [
        "ledgerctl",
        "wallet",
        "deposit",
        "usr_1",
        "--amount",
        "1000.00",
        "--description",
        "Account deposit",
        "--reference-id",
        "dep-001",
    ];
    assert!(
        commands.iter().any(|c| c == &deposit),
        "printed commands quote their arguments: {commands:?}"
    );
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with(&["ledgerctl".into(), "wallet".into(), "payment".into()])),
        "the commands run for their ids are printed too: {commands:?}"
    );
}

#[test]
fn the_quickstart_shows_the_progress_of_its_build() {
    // A stand-in for cargo that says what it was asked and prints progress as cargo does: the
    // quickstart must pass cargo's progress through (no --quiet) and say that it is building.
    let stub = tempfile::tempdir().expect("temporary folder");
    let cargo = stub.path().join("cargo");
    std::fs::write(&cargo, "#!/bin/sh\necho \"   Compiling ledgerctl (cargo $*)\" >&2\n").unwrap();
    std::fs::set_permissions(&cargo, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let built = format!("{}/target/debug/ledgerctl", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        env!("CARGO_BIN_EXE_ledgerctl"),
        built,
        "the quickstart runs what cargo builds in target/debug"
    );
    let output = Command::new("bash")
        .arg(format!("{}/examples/quickstart.sh", env!("CARGO_MANIFEST_DIR")))
        .env(
            "PATH",
            format!(
                "{}:{}",
                stub.path().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env_remove("LEDGERCTL")
        .env_remove("LEDGERCTL_DB")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("building ledgerctl"), "it says it builds: {stderr}");
    assert!(
        stderr.contains("Compiling ledgerctl (cargo build"),
        "cargo's progress shows: {stderr}"
    );
    assert!(!stderr.contains("--quiet"), "cargo is not silenced: {stderr}");
}

#[test]
fn the_batch_refund_example_refunds_once_and_replays_on_the_second_run() {
    let out = run_example("batch-refund.sh");
    assert!(
        out.contains("batch: 4 lines: 4 would apply (dry run, nothing committed), 0 replayed, 0 failed"),
        "{out}"
    );
    assert!(out.contains("batch: 4 lines: 4 applied, 0 replayed, 0 failed"), "{out}");
    assert!(out.contains("batch: 4 lines: 0 applied, 4 replayed, 0 failed"), "{out}");
    // usr_1: 500 − 80 − 45.50 + 25 + 45.50 (the whole of order-1002, amount left empty)
    assert!(out.contains(" 445.00 "), "{out}");
    assert!(out.contains("\"ok\":true"), "{out}");
}

#[test]
fn the_month_end_example_verifies_balances_exports_and_checks_its_anchor() {
    let out = run_example("month-end.sh");
    assert!(out.contains("anchor to keep in the month-end report: seal:1:"), "{out}");
    assert!(out.contains("Seal 1: 2 wallet head(s) recorded"), "{out}");
    // 1000 deposited − 120 paid + 5 adjusted; the equity account reads on the side it lies.
    assert!(out.contains(" 885.00  Cr\n"), "{out}");
    assert!(out.contains(" 5.00  Dr\n"), "{out}");
    // The day's reconciliation: usr_1 closes at 885.00 and every wallet's day reconciles.
    assert!(out.contains("$ ledgerctl ledger reconcile --date "), "{out}");
    assert!(out.contains("USER   CURRENCY  OPENING"), "{out}");
    assert!(out.contains(" 885.00  "), "{out}");
    assert!(!out.contains("MISMATCH"), "{out}");
    // Today is refused (it has not ended); yesterday is taken, then answered as first taken.
    assert!(out.contains("$ ledgerctl ledger snapshot --date "), "{out}");
    assert_eq!(out.matches("exit status: 2").count(), 1, "{out}");
    assert!(out.contains(") taken: 0 wallet(s)"), "{out}");
    assert!(out.contains(") already taken, as it was then: 0 wallet(s)"), "{out}");
    assert!(out.contains("wallets       0 of 2 (opened by then)"), "{out}");
    // The CNY statement matches; the JPY one names the bank fee and the unreferenced withdrawal.
    assert!(
        out.contains("matched               dep-1") || out.contains("matched  dep-1"),
        "{out}"
    );
    assert!(out.contains("missing_in_ledger     bank-fee"), "{out}");
    assert!(out.contains("missing_in_statement  -"), "{out}");
    assert!(out.contains("exit status: 4"), "{out}");
    assert!(
        out.contains("exported journal.csv, journal.json, journal.hledger and journal.beancount"),
        "{out}"
    );
    assert!(out.contains("the sealed heads are still there"), "{out}");
}

#[test]
fn the_curl_example_drives_serve_through_every_kind_of_call_and_verifies() {
    let out = run_example("serve-curl.sh");
    // The seeds' routes answered, the internal refund among them.
    for route in ["withdraw", "freeze", "unfreeze"] {
        assert!(
            out.contains(&format!("wallets/usr_1/{route}")),
            "{route} missing:\n{out}"
        );
    }
    assert!(
        out.contains("\"type\":\"refund\""),
        "the internal refund must land:\n{out}"
    );
    assert!(
        out.contains("(the retry returned identical bytes and wrote nothing)"),
        "the Idempotency-Key retry must replay byte for byte:\n{out}"
    );
    for failure in ["HTTP 409", "HTTP 422", "HTTP 401"] {
        assert!(out.contains(failure), "{failure} missing:\n{out}");
    }
    assert!(out.contains("\"next_cursor\":\"txn_"), "{out}");
    // 1000 − 50 withdrawn + 20 refunded − 10 withdrawn once (the retry wrote nothing).
    assert!(out.contains("960.00 CNY"), "the wallet must end at 960.00:\n{out}");
    assert!(!out.contains("BROKEN"), "{out}");

    no_secret_in(&out);
    let commands = pasted_commands(&out);
    let curl = |route: &str, credential: &str| {
        commands.iter().any(|c| {
            c[0] == "curl"
                && c.iter()
                    .any(|w| w.starts_with("http://127.0.0.1:") && w.ends_with(route))
                && c.iter().any(|w| w == credential)
                && c.iter().any(|w| w == "Content-Type: application/json")
                && c.windows(2)
                    .any(|w| w[0] == "-d" && serde_json::from_str::<serde_json::Value>(&w[1]).is_ok())
        })
    };
    assert!(
        curl("/wallets/usr_1/withdraw", "Authorization: Bearer $TOKEN"),
        "{commands:?}"
    );
    assert!(curl("/internal/wallet/refund", "X-API-Key: $KEY"), "{commands:?}");
    assert!(
        out.contains("$ export TOKEN=\"$(ledgerctl -o json token create"),
        "{out}"
    );
}

#[test]
fn the_transfer_example_opens_two_wallets_and_moves_money_between_them_with_curl() {
    let out = run_example("transfer-curl.sh");
    assert_eq!(out.matches("HTTP 201").count(), 2, "two wallets opened:\n{out}");
    assert!(
        out.contains("\"type\":\"transfer_out\"") && out.contains("\"type\":\"transfer_in\""),
        "{out}"
    );
    // alice 100.00 − 25.50 once (the repeat replayed), bob 25.50.
    assert!(out.contains(r#""balance":"74.50""#), "alice ends at 74.50:\n{out}");
    assert!(out.contains(r#""balance":"25.50""#), "bob ends at 25.50:\n{out}");
    assert!(out.contains(r#""message":"replayed""#), "{out}");
    for refusal in ["HTTP 409", "HTTP 404", "HTTP 422"] {
        assert!(out.contains(refusal), "{refusal} missing:\n{out}");
    }
    assert!(out.contains("transfers                   ok            2"), "{out}");
    assert!(!out.contains("BROKEN"), "{out}");
    no_secret_in(&out);
    let commands = pasted_commands(&out);
    assert!(
        commands.iter().any(|c| c[0] == "curl"
            && c.iter().any(|w| w.ends_with("/wallets/transfer"))
            && c.iter().any(|w| w == "Authorization: Bearer $TOKEN")),
        "{commands:?}"
    );
}

#[test]
fn the_withdrawal_review_example_holds_refuses_the_maker_decides_once_and_verifies() {
    let out = run_example("withdrawal-review.sh");
    assert!(out.contains("(pending; created)"), "{out}");
    // Held at once: 1000 − 300 held, the total unchanged.
    assert!(out.contains("frozen        300.00 CNY"), "{out}");
    assert!(out.contains("(review_required)"), "{out}");
    assert!(out.contains("(same_actor)"), "{out}");
    assert!(out.contains("(withdrawal_not_pending)"), "{out}");
    assert_eq!(out.matches("exit status: 4").count(), 2, "{out}");
    assert_eq!(out.matches("exit status: 2").count(), 1, "{out}");
    assert!(
        out.contains("decided          ") && out.contains("by cli:checker"),
        "{out}"
    );
    // 1000 − 40 withdrawn − 300 approved; the rejected 100 is back.
    assert!(out.contains("balance       660.00 CNY"), "{out}");
    assert!(out.contains("withdrawal_requests         ok            2"), "{out}");
    // Every printed command reads back as shell words (pasted_commands asserts it).
    assert!(pasted_commands(&out).len() >= 10, "{out}");
}
