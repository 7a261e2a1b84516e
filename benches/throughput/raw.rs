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
    in_transactions(&mut schema(path)?, n, chunk, operation)
}

/// Operations 1 to `n` through `write`, `chunk` to a durable transaction: the time they took.
fn in_transactions(
    conn: &mut Connection,
    n: u32,
    chunk: u32,
    mut write: impl FnMut(&rusqlite::Transaction, u32) -> Result<()>,
) -> Result<Duration> {
    let started = Instant::now();
    let mut done = 0;
    while done < n {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for _ in 0..chunk.min(n - done) {
            done += 1;
            write(&tx, done)?;
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
    shell_per_process(path, n, statements)
}

/// A deposit's rows written into ledgerctl's own schema by one `sqlite3` shell process each:
/// the entry linked onto its wallet's chain (the chain trigger checks it), its postings and the
/// wallet's balance, with none of ledgerctl's reads, checks, hashing or output. The shell then
/// pays what ledgerctl's file costs any program: parsing its schema at open, writing its
/// indexes at commit.
pub fn sqlite3_per_process_into_ledger_schema(path: &Path, n: u32) -> Result<Duration> {
    drop(super::paths::ledger(path)?);
    shell_per_process(path, n, |seq| {
        format!(
            "INSERT INTO journal_entries (id, wallet_id, kind, currency, amount_minor, balance_before_minor,
                 balance_after_minor, request, actor, created_at, prev_hash, hash, wallet_seq, chain_version)
             SELECT 'txn_{seq:026}', w.id, 'deposit', 'CNY', 100, w.available_minor, w.available_minor + 100,
                 '{{\"op\":\"deposit\"}}', 'bench', '2026-01-01T00:00:00Z',
                 COALESCE((SELECT hash FROM journal_entries WHERE wallet_id = w.id ORDER BY wallet_seq DESC LIMIT 1),
                          '{genesis}'),
                 '{seq:064x}',
                 COALESCE((SELECT MAX(wallet_seq) FROM journal_entries WHERE wallet_id = w.id), 0) + 1, 2
             FROM wallets w;
             INSERT INTO postings (entry_seq, idx, account, currency, amount_minor)
                 SELECT last_insert_rowid(), 0, 'assets:settlement:CNY', 'CNY', 100;
             INSERT INTO postings (entry_seq, idx, account, currency, amount_minor)
                 SELECT MAX(seq), 1, 'liabilities:wallet:' || (SELECT id FROM wallets) || ':available', 'CNY', -100
                 FROM journal_entries;
             UPDATE wallets SET available_minor = available_minor + 100, updated_at = '2026-01-01T00:00:00Z';",
            genesis = "0".repeat(64)
        )
    })
}

/// `n` shell processes, each running `statements(seq)` in one durable transaction.
fn shell_per_process(path: &Path, n: u32, statements: impl Fn(u32) -> String) -> Result<Duration> {
    let started = Instant::now();
    for seq in 1..=n {
        let out = Command::new("sqlite3")
            .arg(path)
            .arg(format!(
                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; {} COMMIT;",
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

/// Raw SQLite writing ledgerctl's own rows into ledgerctl's own schema (the journal's seven
/// indexes, its chain trigger, the foreign keys, the postings' account index, the wallet's
/// guarded update), `chunk` per transaction: a refund of one deposit per operation, its
/// reference set, with none of ledgerctl's reads, rules, hashing or output. What a batch of
/// refunds could reach if everything but the writes took no time.
pub fn into_ledger_schema(path: &Path, n: u32, chunk: u32) -> Result<Duration> {
    drop(super::paths::ledger(path)?);
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let wallet: String = conn.query_row("SELECT id FROM wallets", [], |r| r.get(0))?;
    let total = i64::from(n) * 40 + 100;
    let mut prev = "0".repeat(64);
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        entry(&tx, &wallet, 1, "deposit", total, (0, total), None, &mut prev)?;
        tx.commit()?;
    }
    in_transactions(&mut conn, n, chunk, |tx, done| {
        let before = total - 40 * i64::from(done - 1);
        let reference = format!("RF-{done}");
        let seq = i64::from(done) + 1;
        entry(
            tx,
            &wallet,
            seq,
            "refund",
            40,
            (before, before - 40),
            Some(&reference),
            &mut prev,
        )
    })
}

/// One entry, its two postings and its wallet's new balance, as `Queries::append` writes them.
#[allow(clippy::too_many_arguments)]
fn entry(
    tx: &rusqlite::Transaction,
    wallet: &str,
    seq: i64,
    kind: &str,
    amount: i64,
    (before, after): (i64, i64),
    reference: Option<&str>,
    prev: &mut String,
) -> Result<()> {
    let hash = format!("{seq:064x}");
    let original = (seq > 1).then(|| format!("txn_{:026}", 1));
    tx.prepare_cached(
        "INSERT INTO journal_entries (seq, id, wallet_id, kind, currency, amount_minor, balance_before_minor,
             balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request, actor,
             created_at, prev_hash, hash, wallet_seq, chain_version)
         VALUES (?1, ?2, ?3, ?4, 'CNY', ?5, ?6, ?7, NULL, 'return', ?8, ?9, NULL, '{\"op\":\"refund\"}', 'bench',
             '2026-01-01T00:00:00Z', ?10, ?11, ?1, 2) RETURNING seq",
    )?
    .query_row(
        params![
            seq,
            format!("txn_{seq:026}"),
            wallet,
            kind,
            amount,
            before,
            after,
            reference,
            original,
            prev.as_str(),
            hash
        ],
        |r| r.get::<_, i64>(0),
    )?;
    let mut posting = tx.prepare_cached(
        "INSERT INTO postings (entry_seq, idx, account, currency, amount_minor) VALUES (?1, ?2, ?3, 'CNY', ?4)",
    )?;
    let available = format!("liabilities:wallet:{wallet}:available");
    let (debit, credit) = if kind == "deposit" {
        ("assets:settlement:CNY".to_owned(), available)
    } else {
        (available, "assets:settlement:CNY".to_owned())
    };
    posting.execute(params![seq, 0, debit, amount])?;
    posting.execute(params![seq, 1, credit, -amount])?;
    let changed = tx
        .prepare_cached(
            "UPDATE wallets SET available_minor = ?2, frozen_minor = 0, updated_at = '2026-01-01T00:00:00Z'
             WHERE id = ?1 AND available_minor = ?3 AND frozen_minor = 0",
        )?
        .execute(params![wallet, after, before])?;
    ensure!(changed == 1, "the wallet's balance moved under the benchmark");
    *prev = hash;
    Ok(())
}
