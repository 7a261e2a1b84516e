//! Throughput of every path of issue 14, each against a baseline measured in the same run on the
//! same disk, repeated `--runs` times (default 3) to show the run-to-run range:
//!
//! | row | ledgerctl | baseline |
//! |---|---|---|
//! | batch | `ledgerctl batch refunds.csv` | raw SQLite writing the same rows, 1,000 per transaction |
//! | one-shot CLI | one `ledgerctl wallet deposit` process per deposit | one `sqlite3` shell process per deposit, the same rows in one transaction |
//! | in process | `ops::execute`, one durable transaction each | raw SQLite, the same rows, one transaction each |
//! | process start | `ledgerctl --version` | `/bin/true` |
//! | verify | `ledgerctl ledger verify` | `hledger check` of the same journal exported |
//!
//! The server's row is `benches/load/run.sh` (it needs wrk). Every write commits with WAL and
//! synchronous=FULL, so each figure counts durable operations; every ledger written is verified
//! afterwards. Needs `sqlite3`, `hledger` and GNU `time` (Debian: sqlite3, hledger, time).
//!
//! `cargo bench --bench throughput -- [--runs N] [OPS [LINES [ENTRIES]]]`: OPS single operations
//! (default 1000; a quarter of them as processes), LINES refund lines in the batch (default
//! 30000), ENTRIES journal entries in the verified ledger (default 100000).

// Timing ratios, never money: the crate-wide float ban does not apply to stopwatch arithmetic.
#![allow(clippy::float_arithmetic)]

mod paths;
mod raw;
mod report;
mod verify;

use anyhow::{bail, Context as _, Result};

use report::{Row, Sample};

struct Args {
    runs: usize,
    ops: u32,
    lines: u32,
    entries: u32,
}

fn args() -> Result<Args> {
    let mut runs = 3;
    let mut numbers = Vec::new();
    let mut given = std::env::args().skip(1);
    while let Some(arg) = given.next() {
        match arg.as_str() {
            // cargo bench passes --bench to every benchmark binary.
            "--bench" => {}
            "--runs" => {
                let n = given.next().context("--runs needs a number")?;
                runs = n.parse().with_context(|| format!("--runs {n:?} is not a number"))?;
            }
            other => numbers.push(
                other
                    .parse::<u32>()
                    .with_context(|| format!("{other:?}: expected --runs N, then OPS LINES ENTRIES"))?,
            ),
        }
    }
    if runs == 0 {
        bail!("--runs must be at least 1");
    }
    Ok(Args {
        runs,
        ops: numbers.first().copied().unwrap_or(1_000),
        lines: numbers.get(1).copied().unwrap_or(30_000),
        entries: numbers.get(2).copied().unwrap_or(100_000),
    })
}

fn main() -> Result<()> {
    let args = args()?;
    for tool in ["sqlite3", "hledger", "/usr/bin/time"] {
        which(tool).with_context(|| format!("{tool} is needed (Debian: apt-get install sqlite3 hledger time)"))?;
    }
    let processes = (args.ops / 4).max(10);
    let mut rows = vec![
        Row::new(
            "batch of refunds (lines/s)",
            "raw SQLite, same rows, 1000 per tx",
            ">= 0.5x",
        ),
        Row::new(
            "batch of refunds (lines/s)",
            "raw SQLite, ledgerctl's rows into its own schema, 1000 per tx",
            "(the writes' limit)",
        ),
        Row::new(
            "one CLI process per deposit (ms)",
            "sqlite3 shell, same rows, one process",
            "<= 1.0x",
        ),
        Row::new(
            "one CLI process per deposit (ms)",
            "sqlite3 shell, a deposit's rows into ledgerctl's schema",
            "(the file's own cost)",
        ),
        Row::new(
            "in process, one durable tx each (ops/s)",
            "raw SQLite, same rows, one tx each",
            "",
        ),
        Row::new("process start: --version (ms)", "/bin/true", "< 1 ms"),
        Row::new("ledger verify (s)", "hledger check, same journal", "<= 0.1x"),
        Row::new(
            "ledger verify, peak memory (MB)",
            "hledger check, peak memory",
            "constant",
        ),
    ];
    for run in 1..=args.runs {
        eprintln!("run {run} of {}", args.runs);
        let dir = tempfile::tempdir().context("a temporary folder")?;
        let dir = dir.path();
        let (raw, batch) = paths::batch_refunds(dir, args.lines)?;
        rows[0].push(Sample::rate(batch, args.lines), Sample::rate(raw, args.lines));
        let schema = raw::into_ledger_schema(&dir.join("raw-schema.db"), args.lines, 1_000)?;
        rows[1].push(Sample::rate(batch, args.lines), Sample::rate(schema, args.lines));
        let shell = raw::sqlite3_per_process(&dir.join("shell.db"), processes)?;
        let cli = paths::process_per_operation(&dir.join("cli.db"), processes)?;
        rows[2].push(Sample::per_op(cli, processes), Sample::per_op(shell, processes));
        let shell_ledger = raw::sqlite3_per_process_into_ledger_schema(&dir.join("shell-ledger.db"), processes)?;
        rows[3].push(Sample::per_op(cli, processes), Sample::per_op(shell_ledger, processes));
        let raw_single = raw::one_per_transaction(&dir.join("raw.db"), args.ops)?;
        let core = paths::in_process(&dir.join("core.db"), args.ops)?;
        rows[4].push(Sample::rate(core, args.ops), Sample::rate(raw_single, args.ops));
        let floor = paths::process_start(std::path::Path::new("/bin/true"), processes)?;
        let start = paths::process_start(std::path::Path::new(env!("CARGO_BIN_EXE_ledgerctl")), processes)?;
        rows[5].push(Sample::per_op(start, processes), Sample::per_op(floor, processes));
        let checked = verify::against_hledger(dir, args.entries)?;
        rows[6].push(
            Sample::seconds(checked.ledgerctl.elapsed),
            Sample::seconds(checked.hledger.elapsed),
        );
        rows[7].push(
            Sample::megabytes(checked.ledgerctl.peak_kb),
            Sample::megabytes(checked.hledger.peak_kb),
        );
    }
    println!(
        "ledgerctl throughput, {} runs (ranges are min-max over the runs), {} cores, durable writes (WAL, synchronous=FULL)",
        args.runs,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    println!(
        "batch {} lines; {} processes; {} single operations; verify {} entries",
        args.lines, processes, args.ops, args.entries
    );
    report::print(&rows);
    println!("(the server's row: bash benches/load/run.sh)");
    Ok(())
}

/// Whether `tool` runs from PATH (or is an existing path).
fn which(tool: &str) -> Result<()> {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .context("sh runs")?
        .status
        .success();
    if !found {
        bail!("{tool} not found");
    }
    Ok(())
}
