//! Durable write throughput of ledgerctl, against raw SQLite doing the same writes in the same
//! run on the same disk. Run with `cargo bench --bench throughput` (optionally `-- OPS LINES`:
//! single operations to time, default 1000, and lines of the batch refund file, default 100000).
//!
//! Every row commits with WAL and synchronous=FULL, so each figure counts durable operations.

// Timing ratios, never money: the crate-wide float ban does not apply to stopwatch arithmetic.
#![allow(clippy::float_arithmetic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ledgerctl::ledger::batch::BatchItem;
use ledgerctl::ledger::model::Scope;
use ledgerctl::ledger::money::Currency;
use ledgerctl::ledger::operations::Operation;
use ledgerctl::ledger::verify::check_cached_balances;
use ledgerctl::ops::{self, BatchLine, BatchMode};
use ledgerctl::store::{DbLocation, Queries, Storage, Store};
use rusqlite::{params, Connection, TransactionBehavior};

const LOCK_TIMEOUT_MS: u64 = 5_000;

fn main() {
    let numbers: Vec<u32> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let ops_count = numbers.first().copied().unwrap_or(1_000);
    let batch_lines = numbers.get(1).copied().unwrap_or(100_000);
    let process_count = (ops_count / 4).max(10);
    let dir = tempfile::tempdir().expect("temporary folder");

    let raw = raw_sqlite(&dir.path().join("raw.db"), ops_count);
    let core = in_process(&dir.path().join("core.db"), ops_count);
    let checks = cached_balance_checks(&dir.path().join("core.db"), ops_count * 10);
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

    println!(
        "of which the cached-balance check before each write (last entry, its hash, active freezes): {:.1} µs",
        checks.as_secs_f64() * 1e6 / f64::from(ops_count * 10)
    );

    let (raw_batched, refunds_batched, refunds_cli, cli_count) = batch_refunds(dir.path(), batch_lines);
    println!();
    println!("a refund file of {batch_lines} lines ({cli_count} refunds for the one-process-per-refund loop)");
    println!("{:<58} {:>9} {:>9} {:>12}", "", "lines/s", "total s", "vs raw SQLite");
    let raw_rate = f64::from(batch_lines) / raw_batched.as_secs_f64();
    for (name, elapsed, n) in [
        (
            "raw SQLite: the same rows, 1000 per transaction",
            raw_batched,
            batch_lines,
        ),
        (
            "`ledgerctl batch refunds.csv`: one process",
            refunds_batched,
            batch_lines,
        ),
        (
            "`ledgerctl wallet refund …`: one process per refund",
            refunds_cli,
            cli_count,
        ),
    ] {
        let rate = f64::from(n) / elapsed.as_secs_f64();
        let total = f64::from(batch_lines) / rate;
        println!("{name:<58} {rate:>9.0} {total:>9.1} {:>11.2}x", rate / raw_rate);
    }
    println!("(total s: the time for all {batch_lines} lines at that rate)");
}

/// Times a refund file through `ledgerctl batch`, the same refunds one process each, and raw
/// SQLite writing the same rows in transactions of 1000.
fn batch_refunds(dir: &Path, lines: u32) -> (Duration, Duration, Duration, u32) {
    let path = dir.join("refunds.db");
    ops::init(&DbLocation::Path(path.clone()), LOCK_TIMEOUT_MS).expect("init");
    let cli_count = (lines / 200).clamp(10, 500);
    let total = lines + cli_count;
    // Setup: payments to refund, applied through ledgerctl's own batch path.
    let mut store = Store::open(&DbLocation::Path(path.clone()), LOCK_TIMEOUT_MS).expect("open");
    ops::create_wallet(&mut store, &scope(), "usr_1", Currency::CNY).expect("wallet");
    let funding = Operation::deposit(&format!("{}", u64::from(total) * 2), None, None).expect("deposit");
    ops::execute(&mut store, &scope(), "usr_1", &funding, "bench").expect("funding");
    let payment = Operation::payment("1.00", "mch_1", true, None, None).expect("payment");
    let setup: Vec<BatchLine> = (0..total)
        .map(|n| BatchLine {
            line: u64::from(n),
            item: Ok(BatchItem {
                user_id: Some("usr_1".into()),
                operation: payment.clone(),
            }),
        })
        .collect();
    let mut payments = Vec::new();
    ops::batch(
        &mut store,
        &scope(),
        "bench",
        &setup,
        BatchMode::PerLine,
        &|| {},
        &mut |r| payments.push(r.outcome.expect("payment").entry.id),
    )
    .expect("setup payments");
    drop(store);

    let csv = dir.join("refunds.csv");
    let mut file = String::from("op,user_id,transaction_id,amount,reason,reference_id\n");
    for (n, id) in payments[..lines as usize].iter().enumerate() {
        file.push_str(&format!("refund,usr_1,{id},0.40,return,RF-{n}\n"));
    }
    std::fs::write(&csv, file).expect("write refunds.csv");
    let started = Instant::now();
    let out = ledgerctl(&path)
        .arg("batch")
        .arg(&csv)
        .arg("--yes")
        .output()
        .expect("ledgerctl batch runs");
    let batched = started.elapsed();
    assert!(
        out.status.success(),
        "batch failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let started = Instant::now();
    for id in &payments[lines as usize..] {
        let mut refund = ledgerctl(&path);
        refund.args([
            "-o",
            "json",
            "wallet",
            "refund",
            "usr_1",
            "--transaction-id",
            id,
            "--amount",
            "0.40",
        ]);
        assert!(
            refund.output().expect("ledgerctl runs").status.success(),
            "refund failed"
        );
    }
    let one_by_one = started.elapsed();
    let mut store = Store::open(&DbLocation::Path(path.clone()), LOCK_TIMEOUT_MS).expect("open");
    assert!(
        ops::verify(&mut store, &[]).expect("verify").ok(),
        "the benchmark ledger must verify"
    );
    (
        raw_batched(&dir.join("raw-batched.db"), lines),
        batched,
        one_by_one,
        cli_count,
    )
}

/// Raw SQLite writing a refund's rows (one journal row, two postings, one wallet update), 1000
/// operations per transaction.
fn raw_batched(path: &Path, n: u32) -> Duration {
    let mut conn = raw_schema(path);
    let started = Instant::now();
    for chunk in (0..n).collect::<Vec<_>>().chunks(1_000) {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("begin");
        for &i in chunk {
            raw_operation(&tx, i);
        }
        tx.commit().expect("commit");
    }
    started.elapsed()
}

/// What ledgerctl writes per deposit, without any of its reads or rules: one journal row, two
/// postings, one wallet update, in one IMMEDIATE transaction.
fn raw_sqlite(path: &Path, n: u32) -> Duration {
    let mut conn = raw_schema(path);
    let started = Instant::now();
    for i in 0..n {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("begin");
        raw_operation(&tx, i);
        tx.commit().expect("commit");
    }
    started.elapsed()
}

fn raw_schema(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open");
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
    conn
}

fn raw_operation(tx: &rusqlite::Transaction, i: u32) {
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
}

fn scope() -> Scope {
    Scope {
        tenant_id: "default".into(),
        application_id: "default".into(),
    }
}

fn in_process(path: &Path, n: u32) -> Duration {
    ops::init(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS).expect("init");
    let mut store = Store::open(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS).expect("open");
    ops::create_wallet(&mut store, &scope(), "usr_1", Currency::CNY).expect("wallet");
    let deposit = Operation::deposit("1.00", None, None).expect("operation");
    let started = Instant::now();
    for _ in 0..n {
        ops::execute(&mut store, &scope(), "usr_1", &deposit, "bench").expect("deposit");
    }
    let elapsed = started.elapsed();
    assert!(
        ops::verify(&mut store, &[]).expect("verify").ok(),
        "the benchmark ledger must verify"
    );
    elapsed
}

/// Times `n` of the checks every write makes of its wallet's cached balances against its journal
/// (on the in-process ledger, whose wallet has a long history), on one read snapshot.
fn cached_balance_checks(path: &Path, n: u32) -> Duration {
    let mut store = Store::open(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS).expect("open");
    store
        .read(|tx| {
            let wallet = tx.wallet_of_user(&scope(), "usr_1")?.expect("the benchmark wallet");
            let started = Instant::now();
            for _ in 0..n {
                let proof = tx.balance_proof(&wallet.id)?;
                check_cached_balances(&wallet, &proof).expect("the benchmark wallet's cache holds");
            }
            Ok(started.elapsed())
        })
        .expect("read")
}

fn ledgerctl(path: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledgerctl"));
    cmd.env("LEDGERCTL_DB", path).env_remove("LEDGERCTL_OUTPUT");
    cmd
}

fn process_per_operation(path: &Path, n: u32) -> Duration {
    ops::init(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS).expect("init");
    let mut store = Store::open(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS).expect("open");
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
