//! `ledgerctl ledger …`: the whole ledger: verify, trial balance, journal and export.

use std::io::Write;

use clap::Subcommand;

use super::{FilterArgs, PageArgs};
use crate::cli::{Context, Stop};
use crate::error::{Error, Result};
use crate::ops;
use crate::output::export::{ExportFormat, Exporter};
use crate::output::{Format, Printer};

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity
    Verify {
        /// An anchor recorded earlier: a seal's seal:N:HASH (`ledger seal`) proves every wallet's
        /// history up to it, an entry's SEQ:HASH (this command's "head") its wallet's; entries
        /// removed from the end are caught (repeatable)
        #[arg(long, value_name = "SEQ:HASH|seal:N:HASH")]
        anchor: Vec<String>,
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
            LedgerCommand::Seal => true,
            LedgerCommand::Verify { .. }
            | LedgerCommand::TrialBalance { .. }
            | LedgerCommand::Journal { .. }
            | LedgerCommand::Export { .. } => false,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        match self {
            LedgerCommand::Journal { .. } | LedgerCommand::TrialBalance { .. } => true,
            LedgerCommand::Verify { .. } | LedgerCommand::Seal | LedgerCommand::Export { .. } => false,
        }
    }
}

pub(in crate::cli) fn exec<W: Write>(command: &LedgerCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    match command {
        LedgerCommand::Verify { anchor } => verify(anchor, ctx, out),
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
    }
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
