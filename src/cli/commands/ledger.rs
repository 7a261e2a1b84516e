//! `ledgerctl ledger …`: the whole ledger: verify, seal, trial balance, journal, export and copy.

use std::io::{IsTerminal, Write};

use clap::Subcommand;

use super::reconcile::{self, ReconcileArgs};
use super::{FilterArgs, PageArgs};
use crate::cli::{Context, Stop};
use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::reconcile::Day;
use crate::ledger::snapshot::SnapshotFilter;
use crate::ops;
use crate::output::export::{ExportFormat, Exporter};
use crate::output::{Format, Printer};
use crate::store::{DbLocation, Store};

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity
    Verify {
        /// An anchor recorded earlier: a seal's seal:N:HASH (`ledger seal`) proves every wallet's
        /// history up to it, an entry's SEQ:HASH (this command's "head") its wallet's; entries
        /// removed from the end are caught (repeatable)
        #[arg(long, value_name = "SEQ:HASH|seal:N:HASH")]
        anchor: Vec<String>,
        /// Only this user's wallet (in --tenant/--app): its chain, entries, balance history,
        /// refunds, balances and freezes, as GET /admin/wallets/{wallet_id}/integrity checks them
        #[arg(long, value_name = "USER", conflicts_with = "anchor")]
        wallet: Option<String>,
    },
    /// Record every wallet's chain head in a new seal and print its anchor, to keep outside the ledger
    #[command(
        after_help = "Run it at each month-end (or as often as you keep anchors) and keep the printed seal:N:HASH outside the ledger: `ledger verify --anchor seal:N:HASH` later proves that nothing up to it was removed or changed in any wallet. Nothing moved since the last seal: that seal is printed again."
    )]
    Seal,
    /// Every account's debits, credits and balance, with totals per currency, now or at a past moment
    TrialBalance {
        /// The balances as they were then: every entry up to and including that second
        /// (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// The journal entries of every wallet with their postings, newest first
    Journal {
        /// Only this wallet's entries (wlt_…)
        #[arg(long, value_name = "ID")]
        wallet_id: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        page: PageArgs,
    },
    /// The whole journal for other tools: csv, json (JSON Lines), hledger or beancount
    #[command(
        after_help = "The hledger and beancount files are accepted by `hledger -f FILE bal` and \
`bean-check FILE`, and their balances equal `ledger trial-balance`. Covers every tenant."
    )]
    Export {
        /// The format to write on stdout
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Only entries from this moment on (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date
        /// for its midnight UTC)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only entries before this moment (exclusive: --since 2026-04-01 --until 2026-05-01 is April)
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
    },
    /// Reconcile each wallet's day (--date), or match a provider's statement against the settlement entries (--statement)
    #[command(
        after_help = "--date DAY: every wallet of --tenant/--app opened by the day's end, in user order. Days run from \
midnight to midnight in the policy's timezone (UTC without a policy). Balances are totals (available + frozen) from the journal's postings, never the cached \
balances; a day reconciles when each entry starts where the one before it ended, its recorded balances agree with \
its postings, and closing = opening + deposits + refunds + transfers in + credit adjustments - withdrawals - payments \
- refunds of deposits - transfers out - debit adjustments. A wallet that does not reconcile is named with its \
mismatch and the exit status is 7, as `ledger verify`'s.\n\n--statement FILE.csv: each line (date, signed amount, \
reference) is paired with the entry of --tenant/--app's wallets that posts to assets:settlement:<CURRENCY> \
(deposits, withdrawals and their refunds) with the same reference_id, within the statement's dates or --from/--to; \
amounts are signed as the settlement account moves: received positive, paid out negative. Prints matched, \
missing in the ledger, missing in the statement and amount mismatches; exit 4 when anything is not matched. A bad \
file (a missing column, a bad date or amount) is exit 2 naming the line, and nothing is matched."
    )]
    Reconcile(ReconcileArgs),
    /// Store every wallet's balances at the end of a day that has ended, once per day
    #[command(
        after_help = "Every wallet of --tenant/--app opened by the day's end: its available, frozen and total balance \
from the journal's postings up to the day's end (midnight in the policy's timezone, UTC without a policy), and its last \
entry by then (transaction id, wallet_seq and hash), so that `ledger verify` proves each stored balance against the journal. Only a day that has ended can be \
snapshotted: today or a later day is refused (exit 2), its balances could still change. A day is snapshotted once: \
running it again prints the snapshot as it was first taken (\"already taken\", exit 0) and stores nothing."
    )]
    Snapshot {
        /// The day (YYYY-MM-DD, in the policy's timezone), which must have ended
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// The stored snapshots of --tenant/--app: a row per wallet and day, newest day first
    Snapshots {
        /// Only this day's rows (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Only this user's rows
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction
    #[command(
        after_help = "Every wallet, entry, freeze, status change, token, audit record, seal, snapshot and kept Idempotency-Key \
response is copied with its ids, times, seqs and hashes, from one snapshot of --db, in one transaction: \
all of it or nothing. Afterwards `ledger verify` passes on both and their exports and trial balances are \
identical. Either side may be a file or a PostgreSQL URL: a file must not exist yet (a failed copy leaves \
none), a database must be empty (a failed copy leaves it so)."
    )]
    Copy {
        /// The new ledger: a file to create, or an empty PostgreSQL database's URL
        #[arg(long, value_name = "PATH|URL")]
        to: String,
    },
}

/// The names and help of [`ExportFormat`] on the command line; output knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// One row per posting
    Csv,
    /// JSON Lines: one entry per line
    Json,
    /// An hledger journal
    Hledger,
    /// A beancount ledger
    Beancount,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(format: ExportFormatArg) -> ExportFormat {
        match format {
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Hledger => ExportFormat::Hledger,
            ExportFormatArg::Beancount => ExportFormat::Beancount,
        }
    }
}

impl LedgerCommand {
    /// Whether the command writes to the ledger: only `seal` does.
    pub(crate) fn writes(&self) -> bool {
        match self {
            LedgerCommand::Seal | LedgerCommand::Snapshot { .. } => true,
            LedgerCommand::Verify { .. }
            | LedgerCommand::Snapshots { .. }
            | LedgerCommand::TrialBalance { .. }
            | LedgerCommand::Journal { .. }
            | LedgerCommand::Export { .. }
            | LedgerCommand::Reconcile(_)
            | LedgerCommand::Copy { .. } => false,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        match self {
            LedgerCommand::Journal { .. }
            | LedgerCommand::TrialBalance { .. }
            | LedgerCommand::Reconcile(_)
            | LedgerCommand::Snapshots { .. } => true,
            LedgerCommand::Verify { .. }
            | LedgerCommand::Snapshot { .. }
            | LedgerCommand::Seal
            | LedgerCommand::Export { .. }
            | LedgerCommand::Copy { .. } => false,
        }
    }
}

pub(in crate::cli) fn exec<W: Write>(command: &LedgerCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    match command {
        LedgerCommand::Verify { anchor, wallet: None } => verify(anchor, ctx, out),
        LedgerCommand::Verify {
            wallet: Some(user_id), ..
        } => verify_wallet(user_id, ctx, out),
        LedgerCommand::Seal => {
            out.sealed(&ops::seal(&mut ctx.open()?, &ctx.actor)?)?;
            Ok(())
        }
        LedgerCommand::TrialBalance { at } => {
            let at = at.as_deref().map(|t| ops::parse_time("at", t)).transpose()?;
            out.trial_balance(&ops::trial_balance(&mut ctx.open_read()?, at)?)?;
            Ok(())
        }
        LedgerCommand::Journal {
            wallet_id,
            filter,
            page,
        } => {
            let page = page.request()?;
            let journal = ops::journal(&mut ctx.open_read()?, wallet_id.as_deref(), &filter.filter()?, page)?;
            out.journal(&journal)?;
            Ok(())
        }
        LedgerCommand::Export { format, since, until } => export(*format, since.as_deref(), until.as_deref(), ctx, out),
        LedgerCommand::Reconcile(args) => reconcile::exec(args, ctx, out),
        LedgerCommand::Snapshot { date } => {
            let day = Day::parse("date", date)?;
            out.snapshot_taken(&ops::take_snapshot(
                &mut ctx.open()?,
                &ctx.scope,
                (day, "date"),
                &ctx.actor,
            )?)?;
            Ok(())
        }
        LedgerCommand::Snapshots { date, user, page } => {
            let filter = SnapshotFilter {
                date: date
                    .as_deref()
                    .map(|d| Day::parse("date", d))
                    .transpose()?
                    .map(|d| d.date),
                user_id: user
                    .as_deref()
                    .map(|u| ids::check_name("user", u).map(str::to_owned))
                    .transpose()?,
            };
            out.snapshots(&ops::list_snapshots(
                &mut ctx.open_read()?,
                &ctx.scope,
                &filter,
                page.request()?,
            )?)?;
            Ok(())
        }
        LedgerCommand::Copy { to } => copy(to, ctx, out),
    }
}

/// The copy reads `--db` (so `writes` is false for it) and creates `to`; a copy that fails
/// removes the file it created, so running it again needs nothing cleaned up first (a database
/// is left empty by the undone transaction).
fn copy<W: Write>(to: &str, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let to = DbLocation::parse(to)?;
    let mut source = ctx.open_read()?;
    let mut target = Store::create(&to, ctx.global.lock_timeout_ms)?;
    let bar = copy_progress();
    let copied = ops::copy(&mut source, &mut target, |entries| bar.set_position(entries));
    bar.finish_and_clear();
    drop(target);
    let copied = match copied {
        Ok(copied) => copied,
        Err(e) => {
            // The file holds an empty ledger (the transaction was undone): nothing is lost.
            if let DbLocation::Path(path) = &to {
                let _ = std::fs::remove_file(path);
            }
            return Err(e.into());
        }
    };
    out.copied(&to.shown(), &copied)?;
    Ok(())
}

/// Entries copied so far, on a terminal only: how long the journal is is not known up front.
fn copy_progress() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {pos} entries copied, {per_sec}") {
        bar.set_style(style);
    }
    bar
}

fn verify<W: Write>(anchor: &[String], ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let anchors = anchor.iter().map(|a| a.parse()).collect::<Result<Vec<_>>>()?;
    let report = ops::verify_file(&ctx.db()?, || ctx.open_read(), &anchors)?;
    if report.ok() || out.format == Format::Table {
        out.verify(&report)?;
    }
    if !report.ok() {
        return Err(Error::InvariantBroken {
            broken: report.broken(),
        }
        .into());
    }
    Ok(())
}

/// One wallet's checks, printed and judged as `ledger verify`'s are (exit 7 when broken).
fn verify_wallet<W: Write>(user_id: &str, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let (wallet, integrity) = ops::verify_wallet(&mut ctx.open_read()?, &ctx.scope, user_id)?;
    if integrity.valid() || out.format == Format::Table {
        out.verify_wallet(&wallet, &integrity)?;
    }
    if !integrity.valid() {
        return Err(Error::InvariantBroken {
            broken: integrity.report.broken(),
        }
        .into());
    }
    Ok(())
}

fn export<W: Write>(
    format: ExportFormatArg,
    since: Option<&str>,
    until: Option<&str>,
    ctx: &Context,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let since = since.map(|t| ops::parse_time("since", t)).transpose()?;
    let until = until.map(|t| ops::parse_time("until", t)).transpose()?;
    let mut store = ctx.open_read()?;
    let mut exporter = Exporter::new(format.into(), out.writer());
    let exported = ops::export(&mut store, since, until, &mut exporter);
    if let Some(e) = exporter.io_error.take() {
        return Err(Stop::Output(e));
    }
    exported?;
    Ok(())
}
