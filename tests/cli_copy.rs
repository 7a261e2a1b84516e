//! `ledger copy`: a whole ledger into a new file, every row as it is, in one transaction. The
//! copy verifies, exports and balances byte for byte as the original, its seals still anchor,
//! its tokens still authenticate and its kept `Idempotency-Key` responses still replay; a copy
//! refused or failed half-way leaves nothing behind.

mod support;

use std::path::Path;

use ledgerctl::error::Error;
use ledgerctl::store::{DbLocation, Store};
use support::server::Server;
use support::{s, Ledger};

/// Every row of every table, tokens and audit records included, in a fixed order.
fn every_row(l: &Ledger) -> String {
    let conn = l.sqlite();
    let mut out = l.snapshot();
    for sql in [
        "SELECT id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, expires_at, \
         revoked_at, actor, name FROM tokens ORDER BY id",
        "SELECT seq, kind, subject, prev_hash, hash, '', '', '', '', '', '', '' FROM audit_events ORDER BY seq",
    ] {
        let mut stmt = conn.prepare(sql).expect("a query");
        let rows = stmt
            .query_map([], |r| {
                (0..12)
                    .map(|i| Ok(format!("{:?}", r.get_ref(i)?)))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .expect("rows");
        for row in rows {
            out.push_str(&row.expect("a row").join(","));
            out.push('\n');
        }
    }
    out
}

/// A ledger with a row of every kind: entries of every sort, a freeze released, one captured
/// (in part) and one open, status changes, policy changes, tokens (one revoked), a response
/// kept for an Idempotency-Key, withdrawal requests (approved, rejected, pending), a seal, and
/// a snapshot of the CLI's day (its clock pinned to a
/// past day, then to the next; the server writes on the real clock, long after).
/// Returns the seal's anchor, the write token and the keyed request's answer body.
fn every_kind_of_row(l: &Ledger) -> (String, String, String) {
    l.set_clock("2026-01-05T10:00:00Z");
    l.ok(&[
        "policy",
        "set",
        "--daily-withdraw-limit",
        "1000",
        "--timezone",
        "Asia/Shanghai",
    ]);
    l.ok(&["policy", "set", "--max-balance", "100000"]);
    let payment = l.funded("usr_1", "500.00");
    l.ok(&["wallet", "create", "usr_2"]);
    l.ok(&[
        "wallet",
        "withdraw",
        "usr_1",
        "--amount",
        "20.00",
        "--reference-id",
        "wd-1",
    ]);
    let freeze = l.ok(&["wallet", "freeze", "usr_1", "--amount", "30.00"]);
    let freeze_id = s(&freeze["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "unfreeze", "usr_1", "--freeze-id", &freeze_id]);
    l.ok(&["wallet", "freeze", "usr_1", "--amount", "5.00"]);
    let held = l.ok(&["wallet", "freeze", "usr_1", "--amount", "10.00"]);
    let held_id = s(&held["data"]["freeze"]["id"]).to_owned();
    l.ok(&[
        "wallet",
        "capture",
        "usr_1",
        "--freeze-id",
        &held_id,
        "--amount",
        "4.00",
    ]);
    l.ok(&[
        "--yes",
        "wallet",
        "refund",
        "usr_1",
        "--transaction-id",
        &payment,
        "--amount",
        "1.00",
    ]);
    l.ok(&["--yes", "wallet", "status", "usr_2", "frozen", "--reason", "review"]);
    l.ok(&["wallet", "status", "usr_2", "active", "--reason", "cleared"]);
    let revoked = l.token(&["token", "create", "--scope", "read"]);
    l.ok(&["--yes", "token", "revoke", support::server::token_id(&revoked)]);
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start(l);
    let keyed = server.post_keyed(&token, "k-1", "/wallets/usr_1/withdraw", r#"{"amount":"2.00"}"#);
    assert_eq!(keyed.status, 200, "{}", keyed.body);
    server.stop();
    l.ok(&["policy", "set", "--withdrawal-require-review", "true"]);
    let ask = |amount: &str| {
        let made = l.ok(&["withdrawal", "request", "usr_1", "--amount", amount]);
        s(&made["data"]["id"]).to_owned()
    };
    let (approved, rejected) = (ask("3.00"), ask("2.00"));
    ask("1.00");
    l.ok(&["--actor", "checker", "withdrawal", "approve", &approved]);
    l.ok(&["--actor", "checker", "withdrawal", "reject", &rejected]);
    let seal = l.ok(&["ledger", "seal"]);
    l.set_clock("2026-01-06T00:00:00Z");
    let taken = l.ok(&["ledger", "snapshot", "--date", "2026-01-05"]);
    assert_eq!(taken["data"]["snapshot_count"], 2, "{taken}");
    (s(&seal["data"]["anchor"]).to_owned(), token, keyed.body)
}

fn copied(l: &Ledger) -> Ledger {
    let copy = Ledger::file_uninitialised();
    let done = l.ok(&["ledger", "copy", "--to", &copy.db.display().to_string()]);
    assert_eq!(s(&done["message"]), "copied", "{done}");
    copy
}

fn stdout(l: &Ledger, args: &[&str]) -> String {
    let out = l.cmd().args(args).output().expect("ledgerctl runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_copy_holds_every_row_as_it_is_and_verifies_exports_and_balances_the_same() {
    let l = Ledger::file();
    let (anchor, _, _) = every_kind_of_row(&l);
    let copy = copied(&l);
    assert_eq!(every_row(&copy), every_row(&l), "every row, every hash, every seq");
    assert_eq!(copy.number("SELECT COUNT(*) FROM withdrawal_requests"), 3);
    copy.verified();
    l.verified();
    for format in ["csv", "json", "hledger", "beancount"] {
        let args = ["ledger", "export", "--format", format];
        assert_eq!(stdout(&copy, &args), stdout(&l, &args), "{format}");
    }
    let balances = |l: &Ledger| stdout(l, &["ledger", "trial-balance"]);
    assert_eq!(balances(&copy), balances(&l));
    copy.ok(&["ledger", "verify", "--anchor", &anchor]);
}

/// File → PostgreSQL → file: the database holds the same ledger (same answers, verifies, its
/// seal anchors, new writes come after the copied ones), and the file copied back out of it
/// holds every row of the original, byte for byte.
#[test]
fn a_ledger_goes_into_postgresql_and_back_out_as_it_was() {
    let Some(database) = Ledger::postgres_uninitialised() else {
        return;
    };
    let l = Ledger::file();
    let (anchor, _, _) = every_kind_of_row(&l);
    let done = l.ok(&["ledger", "copy", "--to", &database.db_arg()]);
    assert_eq!(s(&done["message"]), "copied", "{done}");
    database.verified();
    database.ok(&["ledger", "verify", "--anchor", &anchor]);
    for format in ["csv", "json", "hledger", "beancount"] {
        let args = ["ledger", "export", "--format", format];
        assert_eq!(stdout(&database, &args), stdout(&l, &args), "{format}");
    }
    let balances = |l: &Ledger| stdout(l, &["ledger", "trial-balance"]);
    assert_eq!(balances(&database), balances(&l));

    let back = copied(&database);
    assert_eq!(every_row(&back), every_row(&l), "every row, every hash, every seq");
    back.verified();

    // The database takes new writes after the copied ones, in the copied wallets' chains.
    database.ok(&["wallet", "deposit", "usr_2", "--amount", "1.00"]);
    database.ok(&["ledger", "seal"]);
    database.verified();
    l.fails(&["ledger", "copy", "--to", &database.db_arg()], 4, "ledger_exists");
}

#[test]
fn a_copys_tokens_still_authenticate_and_its_kept_responses_still_replay() {
    let l = Ledger::file();
    let (_, token, body) = every_kind_of_row(&l);
    let copy = copied(&l);
    let before = every_row(&copy);
    let server = Server::start(&copy);
    let again = server.post_keyed(&token, "k-1", "/wallets/usr_1/withdraw", r#"{"amount":"2.00"}"#);
    assert_eq!((again.status, again.body), (200, body), "replayed byte for byte");
    assert_eq!(every_row(&copy), before, "a replay writes nothing");
    let shown = server.get(&token, "/wallets/usr_1");
    assert_eq!(shown.status, 200, "{}", shown.body);
    let written = server.post(&token, "/wallets/usr_1/deposit", r#"{"amount":"1.00"}"#);
    assert_eq!(written.status, 200, "the copy takes new writes: {}", written.body);
    server.stop();
    copy.verified();
}

#[test]
fn a_copy_onto_an_existing_file_is_refused_and_changes_neither_ledger() {
    let l = Ledger::file();
    l.funded("usr_1", "10.00");
    let other = Ledger::file();
    let before = every_row(&other);
    l.fails(
        &["ledger", "copy", "--to", &other.db.display().to_string()],
        4,
        "ledger_exists",
    );
    assert_eq!(every_row(&other), before);
}

fn open(db: &Path) -> Store {
    Store::open(&DbLocation::Path(db.to_path_buf()), 5_000).expect("an open ledger")
}

#[test]
fn a_copy_into_a_ledger_that_holds_anything_is_refused_and_changes_neither() {
    let l = Ledger::file();
    l.funded("usr_1", "10.00");
    let kept = every_row(&l);
    for (fill, holds) in [
        (&["wallet", "create", "usr_9"][..], "wallets"),
        (&["token", "create", "--scope", "read"][..], "tokens"),
    ] {
        let target = Ledger::file();
        target.ok(fill);
        let before = every_row(&target);
        let refused = ledgerctl::ops::copy(&mut open(&l.db), &mut open(&target.db), |_| {});
        assert!(
            matches!(refused, Err(Error::LedgerNotEmpty { holds: h }) if h == holds),
            "{refused:?}"
        );
        assert_eq!((every_row(&l), every_row(&target)), (kept.clone(), before));
    }
}

/// The source's second entry no longer extends the chain (edited by hand): the destination's
/// own guard refuses it after the first entry was written.
fn broken_second_entry(l: &Ledger) {
    l.funded("usr_1", "10.00");
    l.ok(&["wallet", "deposit", "usr_1", "--amount", "1.00"]);
    let conn = l.sqlite();
    conn.execute_batch(
        "DROP TRIGGER journal_entries_no_update;
         UPDATE journal_entries SET prev_hash = '1111111111111111111111111111111111111111111111111111111111111111'
         WHERE seq = 2;",
    )
    .expect("a hand edit");
}

#[test]
fn a_copy_refused_half_way_keeps_nothing_in_the_destination() {
    let l = Ledger::file();
    broken_second_entry(&l);
    let target = Ledger::file();
    let empty = every_row(&target);
    let failed = ledgerctl::ops::copy(&mut open(&l.db), &mut open(&target.db), |_| {});
    let refused = failed
        .expect_err("the destination refuses the broken entry")
        .to_string();
    assert!(refused.contains("does not extend the hash chain"), "{refused}");
    assert_eq!(every_row(&target), empty, "one transaction: nothing of it is kept");
}

#[test]
fn a_failed_copy_leaves_no_file_behind() {
    let l = Ledger::file();
    broken_second_entry(&l);
    let copy = Ledger::file_uninitialised();
    let run = l.run(&["ledger", "copy", "--to", &copy.db.display().to_string()]);
    let message = s(&run.json["message"]);
    assert!(message.contains("does not extend the hash chain"), "{message}");
    assert!(!copy.db.exists(), "the half-made copy is removed");
}

#[test]
fn progress_counts_every_copied_entry_once_in_batches() {
    let l = Ledger::file();
    l.funded("usr_1", "10.00");
    l.ok(&["wallet", "withdraw", "usr_1", "--amount", "1.00"]);
    let copy = Ledger::file();
    let mut told = Vec::new();
    let copied = ledgerctl::ops::copy(&mut open(&l.db), &mut open(&copy.db), |n| told.push(n)).expect("a copy");
    assert_eq!((copied.wallets, copied.entries, told), (1, 2, vec![2]));
}

/// A ledger written by an earlier schema: its entries keep their ledger-wide chain (version 1)
/// and the entries after the migration extend their wallets' chains (version 2); the copy takes
/// both, in order.
#[test]
fn a_ledger_begun_before_wallet_chains_copies_with_both_chain_versions() {
    let l = Ledger::file_uninitialised();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-5.db");
    std::fs::copy(fixture, &l.db).expect("a copy of the fixture");
    l.ok(&["wallet", "deposit", "alice", "--amount", "1.00"]);
    let copy = copied(&l);
    assert_eq!(every_row(&copy), every_row(&l));
    copy.verified();
    for format in ["csv", "json", "hledger", "beancount"] {
        let args = ["ledger", "export", "--format", format];
        assert_eq!(stdout(&copy, &args), stdout(&l, &args), "{format}");
    }
}

/// `LEDGERCTL_COPY_ENTRIES` entries (100,000 by default) over 100 wallets, written by one
/// batch, then copied and timed: `cargo test --release --test cli_copy -- --ignored --nocapture`.
#[test]
#[ignore = "a soak: builds a large ledger first"]
fn a_large_ledger_copies_in_one_transaction_with_identical_exports() {
    let l = large_ledger();
    let copy = Ledger::file_uninitialised();
    copy_large(&l, &copy);
}

/// The same, through PostgreSQL and back: `LEDGERCTL_TEST_POSTGRES=… cargo test --release --test
/// cli_copy -- --ignored --nocapture`.
#[test]
#[ignore = "soak: 100,000 entries through PostgreSQL and back; run it with --ignored"]
fn a_large_ledger_goes_into_postgresql_and_back_with_identical_exports() {
    let Some(database) = Ledger::postgres_uninitialised() else {
        return;
    };
    let l = large_ledger();
    copy_large(&l, &database);
    let back = Ledger::file_uninitialised();
    copy_large(&database, &back);
}

/// `LEDGERCTL_COPY_ENTRIES` deposits (100,000 unless set) over 100 wallets, by batch.
fn large_ledger() -> Ledger {
    let entries: usize = std::env::var("LEDGERCTL_COPY_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let l = Ledger::file();
    for n in 0..100 {
        l.ok(&["wallet", "create", &format!("usr_{n}")]);
    }
    let mut lines = String::from("op,user_id,amount\n");
    for n in 0..entries {
        lines.push_str(&format!("deposit,usr_{},1.00\n", n % 100));
    }
    let file = l.db.with_extension("csv");
    std::fs::write(&file, lines).expect("a batch file");
    let ran = l
        .cmd()
        .args(["--yes", "batch", &file.display().to_string()])
        .output()
        .expect("batch runs");
    assert_eq!(ran.status.code(), Some(0), "{}", String::from_utf8_lossy(&ran.stderr));
    l
}

/// Copies `from` into the new `to`, timed, and checks the copy verifies and exports the same.
fn copy_large(from: &Ledger, to: &Ledger) {
    let entries = from.ok(&["ledger", "verify"])["data"]["entries"].as_u64();
    let started = std::time::Instant::now();
    let done = from.ok(&["ledger", "copy", "--to", &to.db_arg()]);
    eprintln!(
        "ledger copy of {entries:?} entries to {}: {:?}",
        to.db_arg(),
        started.elapsed()
    );
    assert_eq!(done["data"]["entries"].as_u64(), entries);
    to.verified();
    let export = |l: &Ledger| stdout(l, &["ledger", "export", "--format", "csv"]);
    assert_eq!(export(to), export(from));
}
