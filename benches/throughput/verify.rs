//! `ledger verify` against `hledger check` of the same journal, exported: time and peak memory.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context as _, Result};
use ledgerctl::ledger::money::Currency;
use ledgerctl::ledger::operations::Operation;
use ledgerctl::ops;

use super::paths::{apply, ledger, ledgerctl, scope};

/// What one program took to check the ledger.
pub struct Measured {
    pub elapsed: Duration,
    pub peak_kb: u64,
}

pub struct Checked {
    pub ledgerctl: Measured,
    pub hledger: Measured,
}

/// A ledger of about `entries` entries, verified by ledgerctl and, exported, checked by hledger.
pub fn against_hledger(dir: &Path, entries: u32) -> Result<Checked> {
    let path = dir.join("verify.db");
    build(&path, entries)?;
    let journal = dir.join("verify.journal");
    let export = ledgerctl(&path)
        .args(["ledger", "export", "--format", "hledger"])
        .output()?;
    ensure!(export.status.success(), "export failed");
    std::fs::write(&journal, export.stdout)?;
    let mut verify = ledgerctl(&path);
    verify.args(["-o", "json", "ledger", "verify"]);
    let mut check = Command::new("hledger");
    check.arg("-f").arg(&journal).arg("check");
    Ok(Checked {
        ledgerctl: measured(verify, dir)?,
        hledger: measured(check, dir)?,
    })
}

/// `entries` entries over one wallet per hundred: a deposit opening each, then deposits,
/// payments and withdrawals, and refunds of a tenth of the payments.
fn build(path: &Path, entries: u32) -> Result<()> {
    let mut store = ledger(path)?;
    let wallets = (entries / 100).max(10);
    let mut opening = Vec::new();
    for w in 0..wallets {
        let user = format!("usr_w{w}");
        ops::create_wallet(&mut store, &scope(), &user, Currency::CNY)?;
        opening.push((user, Operation::deposit("100000.00", None, None)?));
    }
    let mut ids = Vec::new();
    apply(&mut store, opening, &mut ids)?;
    let rest = entries.saturating_sub(wallets);
    let refunds = rest / 12;
    let mut moves = Vec::new();
    for n in 0..rest - refunds {
        let user = format!("usr_w{}", n % wallets);
        let operation = match n % 5 {
            0 | 1 => Operation::deposit("12.34", None, None)?,
            2 | 3 => Operation::payment("5.67", "mch_1", true, None, None)?,
            _ => Operation::withdraw("1.01", None, None)?,
        };
        moves.push((user, operation));
    }
    let mut moved = Vec::new();
    apply(&mut store, moves.clone(), &mut moved)?;
    let mut back = Vec::new();
    let payments = moves
        .iter()
        .zip(&moved)
        .filter(|((_, op), _)| matches!(op, Operation::Payment(_)));
    for ((user, _), id) in payments.take(refunds as usize) {
        back.push((user.clone(), Operation::refund(id, Some("1.00"), None, None)?));
    }
    apply(&mut store, back, &mut Vec::new())
}

/// Runs `command` under GNU time for its peak resident memory; the elapsed time is measured
/// here, finer than time's hundredths.
fn measured(command: Command, dir: &Path) -> Result<Measured> {
    let report = dir.join("time.out");
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(command.get_program());
    timed.args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    let started = Instant::now();
    let out = timed.output().context("/usr/bin/time runs")?;
    let elapsed = started.elapsed();
    ensure!(
        out.status.success(),
        "{:?} failed: {}",
        command.get_program(),
        String::from_utf8_lossy(&out.stderr)
    );
    let peak_kb = std::fs::read_to_string(&report)?
        .trim()
        .parse()
        .context("GNU time's %M")?;
    Ok(Measured { elapsed, peak_kb })
}
