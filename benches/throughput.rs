//! Durable write throughput of ledgerctl, against raw SQLite doing the same writes in the same
//! run on the same disk. Run with `cargo bench --bench throughput` (optionally `-- N`).
//!
//! Every row commits with WAL and synchronous=FULL, so each figure counts durable operations.

// Timing ratios, never money: the crate-wide float ban does not apply to stopwatch arithmetic.
#![allow(clippy::float_arithmetic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ledgerctl::ledger::model::Scope;
use ledgerctl::ledger::money::Currency;
use ledgerctl::ledger::request::Operation;
use ledgerctl::ops;
use ledgerctl::store::Store;
use rusqlite::{params, Connection, TransactionBehavior};

const LOCK_TIMEOUT_MS: u64 = 5_000;

fn main() {
    let ops_count: u32 = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(1_000);
    let process_count = (ops_count / 4).max(10);
    let dir = tempfile::tempdir().expect("temporary folder");

    let raw = raw_sqlite(&dir.path().join("raw.db"), ops_count);
    let core = in_process(&dir.path().join("core.db"), ops_count);
    let cli = process_per_operation(&dir.path().join("cli.db"), process_count);
    let start_only = process_start(process_count);

    println!(
        "ledgerctl durable writes (WAL, synchronous=FULL), {ops_count} operations ({process_count} for processes)"
    );
    println!("{:<58} {:>9} {:>9} {:>12}", "", "ops/s", "ms/op", "vs raw SQLite");
    for (name, elapsed, n) in [
        (
            "raw SQLite: the same rows, one transaction per operation",
            raw,
            ops_count,
        ),
        (
            "ledgerctl in process: ops::execute, one transaction each",
            core,
            ops_count,
        ),
        ("ledgerctl CLI: one process per operation", cli, process_count),
        ("process start only: `ledgerctl --version`", start_only, process_count),
    ] {
        let per_second = f64::from(n) / elapsed.as_secs_f64();
        let raw_per_second = f64::from(ops_count) / raw.as_secs_f64();
        println!(
            "{name:<58} {per_second:>9.0} {:>9.3} {:>11.2}x",
            elapsed.as_secs_f64() * 1e3 / f64::from(n),
            per_second / raw_per_second
        );
    }
}

/// What ledgerctl writes per deposit, without any of its reads or rules: one journal row, two
/// postings, one wallet update, in one IMMEDIATE transaction.
fn raw_sqlite(path: &Path, n: u32) -> Duration {
    let mut conn = Connection::open(path).expect("open");
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL").expect("full");
    conn.execute_batch(
        "CREATE TABLE entries (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, wallet_id TEXT, kind TEXT, amount INTEGER,
                               request TEXT, created_at TEXT, hash TEXT);
         CREATE TABLE postings (entry_seq INTEGER, idx INTEGER, account TEXT, amount INTEGER, PRIMARY KEY (entry_seq, idx));
         CREATE TABLE wallets (id TEXT PRIMARY KEY, available INTEGER);
         INSERT INTO wallets VALUES ('wlt_1', 0);",
    )
    .expect("schema");
    let started = Instant::now();
    for i in 0..n {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("begin");
        let seq = i64::from(i) + 1;
        tx.execute(
            "INSERT INTO entries VALUES (?1, ?2, 'wlt_1', 'deposit', 100, '{\"op\":\"deposit\"}', '2026-01-01T00:00:00Z', ?3)",
            params![seq, format!("txn_{seq:026}"), format!("{seq:064}")],
        )
        .expect("entry");
        tx.execute(
            "INSERT INTO postings VALUES (?1, 0, 'assets:settlement:CNY', 100)",
            params![seq],
        )
        .expect("posting");
        tx.execute(
            "INSERT INTO postings VALUES (?1, 1, 'liabilities:wallet:wlt_1:available', -100)",
            params![seq],
        )
        .expect("posting");
        tx.execute("UPDATE wallets SET available = available + 100 WHERE id = 'wlt_1'", [])
            .expect("wallet");
        tx.commit().expect("commit");
    }
    started.elapsed()
}

fn scope() -> Scope {
    Scope {
        tenant_id: "default".into(),
        application_id: "default".into(),
    }
}

fn in_process(path: &Path, n: u32) -> Duration {
    ops::init(path, LOCK_TIMEOUT_MS).expect("init");
    let mut store = Store::open(path, LOCK_TIMEOUT_MS).expect("open");
    ops::create_wallet(&mut store, &scope(), "usr_1", Currency::CNY).expect("wallet");
    let deposit = Operation::deposit("1.00", None, None).expect("operation");
    let started = Instant::now();
    for _ in 0..n {
        ops::execute(&mut store, &scope(), "usr_1", &deposit, "bench").expect("deposit");
    }
    let elapsed = started.elapsed();
    assert!(
        ops::verify(&mut store).expect("verify").ok(),
        "the benchmark ledger must verify"
    );
    elapsed
}

fn ledgerctl(path: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledgerctl"));
    cmd.env("LEDGERCTL_DB", path).env_remove("LEDGERCTL_OUTPUT");
    cmd
}

fn process_per_operation(path: &Path, n: u32) -> Duration {
    ops::init(path, LOCK_TIMEOUT_MS).expect("init");
    let mut store = Store::open(path, LOCK_TIMEOUT_MS).expect("open");
    ops::create_wallet(&mut store, &scope(), "usr_1", Currency::CNY).expect("wallet");
    let started = Instant::now();
    for _ in 0..n {
        let out = ledgerctl(path)
            .args(["-o", "json", "wallet", "deposit", "usr_1", "--amount", "1.00"])
            .output();
        assert!(out.expect("ledgerctl runs").status.success(), "deposit failed");
    }
    started.elapsed()
}

fn process_start(n: u32) -> Duration {
    let started = Instant::now();
    for _ in 0..n {
        assert!(ledgerctl(Path::new("unused"))
            .arg("--version")
            .output()
            .expect("runs")
            .status
            .success());
    }
    started.elapsed()
}
