//! The baselines: SQLite itself writing what ledgerctl writes for one operation (one journal row,
//! two postings, one wallet update), durably (WAL, synchronous=FULL), with none of its reads,
//! rules, hashing or output.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context as _, Result};
use rusqlite::{params, Connection, TransactionBehavior};

/// The same rows, `chunk` operations per transaction.
pub fn batched(path: &Path, n: u32, chunk: u32) -> Result<Duration> {
    let mut conn = schema(path)?;
    let started = Instant::now();
    let mut seq = 0;
    while seq < n {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for _ in 0..chunk.min(n - seq) {
            seq += 1;
            operation(&tx, seq)?;
        }
        tx.commit()?;
    }
    Ok(started.elapsed())
}

/// The same rows, one transaction per operation.
pub fn one_per_transaction(path: &Path, n: u32) -> Result<Duration> {
    batched(path, n, 1)
}

/// The same rows, one `sqlite3` shell process per operation running the one transaction: what
/// a script would pay writing the rows itself with the shell.
pub fn sqlite3_per_process(path: &Path, n: u32) -> Result<Duration> {
    drop(schema(path)?);
    let started = Instant::now();
    for seq in 1..=n {
        let out = Command::new("sqlite3")
            .arg(path)
            .arg(format!(
                "PRAGMA synchronous = FULL; BEGIN IMMEDIATE; {} COMMIT;",
                statements(seq)
            ))
            .output()
            .context("sqlite3 runs")?;
        ensure!(
            out.status.success(),
            "sqlite3 failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(started.elapsed())
}

fn schema(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).with_context(|| format!("open {}", path.display()))?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch(
        "CREATE TABLE entries (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, wallet_id TEXT, kind TEXT, amount INTEGER,
                               request TEXT, created_at TEXT, hash TEXT);
         CREATE TABLE postings (entry_seq INTEGER, idx INTEGER, account TEXT, amount INTEGER, PRIMARY KEY (entry_seq, idx));
         CREATE TABLE wallets (id TEXT PRIMARY KEY, available INTEGER);
         INSERT INTO wallets VALUES ('wlt_1', 0);",
    )?;
    Ok(conn)
}

/// The operation's statements as SQL text, for the shell (the values are the benchmark's own
/// numbers, never input).
fn statements(seq: u32) -> String {
    format!(
        "INSERT INTO entries VALUES ({seq}, 'txn_{seq:026}', 'wlt_1', 'deposit', 100, '{{\"op\":\"deposit\"}}', '2026-01-01T00:00:00Z', '{seq:064}');
         INSERT INTO postings VALUES ({seq}, 0, 'assets:settlement:CNY', 100);
         INSERT INTO postings VALUES ({seq}, 1, 'liabilities:wallet:wlt_1:available', -100);
         UPDATE wallets SET available = available + 100 WHERE id = 'wlt_1';"
    )
}

/// Each statement prepared anew (rusqlite's `execute`), as the baseline of issue 14's table was
/// measured, so that the ratios compare with its table.
fn operation(tx: &rusqlite::Transaction, seq: u32) -> Result<()> {
    tx.execute(
        "INSERT INTO entries VALUES (?1, ?2, 'wlt_1', 'deposit', 100, '{\"op\":\"deposit\"}', '2026-01-01T00:00:00Z', ?3)",
        params![seq, format!("txn_{seq:026}"), format!("{seq:064}")],
    )?;
    tx.execute(
        "INSERT INTO postings VALUES (?1, 0, 'assets:settlement:CNY', 100)",
        params![seq],
    )?;
    tx.execute(
        "INSERT INTO postings VALUES (?1, 1, 'liabilities:wallet:wlt_1:available', -100)",
        params![seq],
    )?;
    tx.execute("UPDATE wallets SET available = available + 100 WHERE id = 'wlt_1'", [])?;
    Ok(())
}
