//! The injected clock: `LEDGERCTL_FAKE_NOW` pins the time a command stamps its records with,
//! for tests only, and never costs an id or a seq its uniqueness or order.

mod support;

use std::path::Path;

use support::{command, s, Ledger};

const INSTANT: &str = "2026-04-15T10:30:00Z";

#[test]
fn a_pinned_clock_stamps_entries_wallets_and_envelopes_with_its_instant() {
    let l = Ledger::at(INSTANT);
    l.funded("u1", "10.00");
    let deposit = l.ok(&["wallet", "deposit", "u1", "--amount", "1"]);
    assert_eq!(s(&deposit["timestamp"]), INSTANT);
    assert_eq!(s(&deposit["data"]["transaction"]["created_at"]), INSTANT);
    assert_eq!(s(&l.wallet("u1")["created_at"]), INSTANT);
    l.set_clock("2027-01-01T00:00:00+02:00");
    let later = l.ok(&["wallet", "withdraw", "u1", "--amount", "1"]);
    assert_eq!(s(&later["data"]["transaction"]["created_at"]), "2026-12-31T22:00:00Z");
    l.verified();
}

#[test]
fn entries_in_one_pinned_instant_still_get_distinct_ids_and_seq_in_order() {
    let l = Ledger::at(INSTANT);
    l.ok(&["wallet", "create", "u1"]);
    // Separate processes (each with its own id generator) and one batch minting many in a row.
    for _ in 0..5 {
        l.ok(&["wallet", "deposit", "u1", "--amount", "1"]);
    }
    let lines: String = (0..50)
        .map(|i| {
            format!(
                "{{\"op\":\"deposit\",\"user_id\":\"u1\",\"amount\":\"0.0{}\"}}\n",
                i % 9 + 1
            )
        })
        .collect();
    l.cmd()
        .args(["batch", "-", "--format", "jsonl"])
        .write_stdin(lines)
        .assert()
        .success();

    let rows: Vec<(String, String)> = l
        .rows("SELECT id, created_at FROM journal_entries ORDER BY seq")
        .into_iter()
        .map(|row| match row.as_slice() {
            [Some(id), Some(at)] => (id.clone(), at.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(rows.len(), 55);
    assert!(rows.iter().all(|(_, at)| at == INSTANT), "{rows:?}");
    let ids: Vec<&String> = rows.iter().map(|(id, _)| id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "ids are distinct and sort in seq order although the clock stood still"
    );
    l.verified();
}

#[test]
fn an_unreadable_fake_clock_is_refused_and_never_falls_back_to_the_system_clock() {
    let l = Ledger::new();
    l.set_clock("yesterday");
    let error = l.fails(&["wallet", "create", "u1"], 2, "invalid_request");
    assert!(s(&error["message"]).contains("LEDGERCTL_FAKE_NOW"), "{error}");
}

#[test]
fn serve_refuses_to_run_on_a_pinned_clock() {
    let l = Ledger::new();
    let output = command(Path::new(&l.db_arg()))
        .env("LEDGERCTL_FAKE_NOW", INSTANT)
        .args(["serve", "--listen", "127.0.0.1:0", "--internal-listen", "127.0.0.1:0"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("LEDGERCTL_FAKE_NOW") && stderr.contains("serve refuses"),
        "{stderr}"
    );
}
