//! The scripts in examples/ are run here, so they cannot rot.

use std::process::Command;

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
    assert!(out.contains("anchor to keep in the month-end report: 5:"), "{out}");
    // 1000 deposited − 120 paid + 5 adjusted; the equity account reads on the side it lies.
    assert!(out.contains(" 885.00  Cr\n"), "{out}");
    assert!(out.contains(" 5.00  Dr\n"), "{out}");
    assert!(
        out.contains("exported journal.csv, journal.json, journal.hledger and journal.beancount"),
        "{out}"
    );
    assert!(out.contains("the anchored head is still there"), "{out}");
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
}
