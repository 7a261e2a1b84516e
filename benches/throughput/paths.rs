//! ledgerctl's own paths: a batch file, one process per operation, operations in process, and
//! the bare process start.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context as _, Result};
use ledgerctl::ledger::batch::BatchItem;
use ledgerctl::ledger::model::Scope;
use ledgerctl::ledger::money::Currency;
use ledgerctl::ledger::operations::Operation;
use ledgerctl::ops::{self, BatchLine, BatchMode};
use ledgerctl::store::{DbLocation, Store};

use super::raw;

const LOCK_TIMEOUT_MS: u64 = 5_000;

pub fn scope() -> Scope {
    Scope {
        tenant_id: "default".into(),
        application_id: "default".into(),
    }
}

/// A new ledger with one funded wallet, `usr_1`.
pub fn ledger(path: &Path) -> Result<Store> {
    let at = DbLocation::Path(path.to_path_buf());
    ops::init(&at, LOCK_TIMEOUT_MS)?;
    let mut store = Store::open(&at, LOCK_TIMEOUT_MS)?;
    ops::create_wallet(&mut store, &scope(), "usr_1", Currency::CNY)?;
    Ok(store)
}

/// Fails unless the ledger at `path` verifies: a benchmark that broke the ledger measured nothing.
pub fn verified(path: &Path) -> Result<()> {
    let mut store = Store::open(&DbLocation::Path(path.to_path_buf()), LOCK_TIMEOUT_MS)?;
    ensure!(
        ops::verify(&mut store, &[])?.ok(),
        "the benchmark ledger {} does not verify",
        path.display()
    );
    Ok(())
}

/// Operations of (user, operation) in-process through ledgerctl's own batch path, each line's
/// entry id to `ids`.
pub fn apply(store: &mut Store, operations: Vec<(String, Operation)>, ids: &mut Vec<String>) -> Result<()> {
    let lines: Vec<BatchLine> = operations
        .into_iter()
        .zip(1..)
        .map(|((user, operation), line)| BatchLine {
            line,
            item: Ok(BatchItem {
                user_id: Some(user),
                operation,
            }),
        })
        .collect();
    let mut failed = None;
    ops::batch(
        store,
        &scope(),
        "bench",
        &lines,
        BatchMode::PerLine,
        &|| {},
        &mut |r| match r.outcome {
            Ok(o) => ids.push(o.entry.id.to_string()),
            Err(e) => failed = Some(e),
        },
    )?;
    match failed {
        Some(e) => Err(e).context("a setup line failed"),
        None => Ok(()),
    }
}

/// `ledgerctl batch refunds.csv` of `lines` refunds (of as many payments), and raw SQLite
/// writing the same rows 1,000 per transaction: (raw, ledgerctl).
pub fn batch_refunds(dir: &Path, lines: u32) -> Result<(Duration, Duration)> {
    let path = dir.join("refunds.db");
    let mut store = ledger(&path)?;
    let funding = Operation::deposit(&format!("{}", u64::from(lines) * 2), None, None)?;
    ops::execute(&mut store, &scope(), "usr_1", &funding, "bench")?;
    let payment = Operation::payment("1.00", "mch_1", true, None, None)?;
    let mut payments = Vec::new();
    apply(
        &mut store,
        vec![("usr_1".into(), payment); lines as usize],
        &mut payments,
    )?;
    drop(store);

    let csv = dir.join("refunds.csv");
    let mut file = String::from("op,user_id,transaction_id,amount,reason,reference_id\n");
    for (n, id) in payments.iter().enumerate() {
        file.push_str(&format!("refund,usr_1,{id},0.40,return,RF-{n}\n"));
    }
    std::fs::write(&csv, file)?;
    let started = Instant::now();
    let out = ledgerctl(&path).arg("batch").arg(&csv).arg("--yes").output()?;
    let batched = started.elapsed();
    ensure!(
        out.status.success(),
        "batch failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    verified(&path)?;
    Ok((raw::batched(&dir.join("raw-batched.db"), lines, 1_000)?, batched))
}

/// A ledgerctl command on the ledger at `path`.
pub fn ledgerctl(path: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledgerctl"));
    cmd.env("LEDGERCTL_DB", path).env_remove("LEDGERCTL_OUTPUT");
    cmd
}

/// `n` deposits, one `ledgerctl wallet deposit` process each.
pub fn process_per_operation(path: &Path, n: u32) -> Result<Duration> {
    drop(ledger(path)?);
    let started = Instant::now();
    for _ in 0..n {
        let out = ledgerctl(path)
            .args(["-o", "json", "wallet", "deposit", "usr_1", "--amount", "1.00"])
            .output()?;
        ensure!(out.status.success(), "deposit failed");
    }
    let elapsed = started.elapsed();
    verified(path)?;
    Ok(elapsed)
}

/// `n` deposits in process, each its own durable transaction.
pub fn in_process(path: &Path, n: u32) -> Result<Duration> {
    let mut store = ledger(path)?;
    let deposit = Operation::deposit("1.00", None, None)?;
    let started = Instant::now();
    for _ in 0..n {
        ops::execute(&mut store, &scope(), "usr_1", &deposit, "bench")?;
    }
    let elapsed = started.elapsed();
    drop(store);
    verified(path)?;
    Ok(elapsed)
}

/// `n` starts of `program --version` (`/bin/true` ignores it).
pub fn process_start(program: &Path, n: u32) -> Result<Duration> {
    let started = Instant::now();
    for _ in 0..n {
        let status = Command::new(program)
            .arg("--version")
            .output()
            .with_context(|| format!("{} runs", program.display()))?
            .status;
        ensure!(status.success(), "{} --version failed", program.display());
    }
    Ok(started.elapsed())
}
