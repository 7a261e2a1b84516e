//! `ledgerctl ledger reconcile`: a day of every wallet (`--date`), or a provider's statement
//! matched against the settlement entries (`--statement`).

use std::io::Write;

use clap::Args;

use crate::cli::statement::{self, Columns};
use crate::cli::{Context, Stop};
use crate::error::{Error, Result};
use crate::ledger::money::Currency;
use crate::ledger::reconcile::statement::Verdict;
use crate::ledger::reconcile::Day;
use crate::ops;
use crate::output::{Format, Printer};

/// How many unpaired lines or entries the `statement_unmatched` error names; `-o csv` lists them all.
const UNMATCHED_NAMED_MAX: usize = 10;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["date", "statement"]))]
pub struct ReconcileArgs {
    /// The day to reconcile (YYYY-MM-DD, in the policy's timezone; UTC without one): every
    /// wallet's opening, movements and closing
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// A provider's or bank's statement to match against the settlement entries (CSV with a
    /// header row; - reads stdin)
    #[arg(long, value_name = "FILE.csv")]
    statement: Option<String>,
    /// The statement's column of dates (YYYY-MM-DD, or an RFC 3339 time)
    #[arg(long, value_name = "NAME", default_value = "date", conflicts_with = "date")]
    date_column: String,
    /// The statement's column of amounts: received positive, paid out negative (-50.00)
    #[arg(long, value_name = "NAME", default_value = "amount", conflicts_with = "date")]
    amount_column: String,
    /// The statement's column of references, matched against the entries' reference_id
    #[arg(long, value_name = "NAME", default_value = "reference", conflicts_with = "date")]
    reference_column: String,
    /// The statement's currency: only assets:settlement:<CODE> is matched
    #[arg(long, value_name = "CODE", default_value = "CNY", conflicts_with = "date")]
    currency: String,
    /// The first day matched (inclusive; default: the statement's first date)
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "date")]
    from: Option<String>,
    /// The last day matched (inclusive; default: the statement's last date)
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "date")]
    to: Option<String>,
}

pub(in crate::cli) fn exec<W: Write>(args: &ReconcileArgs, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    match (&args.date, &args.statement) {
        (Some(date), _) => day(date, ctx, out),
        (None, Some(file)) => match_statement(file, args, ctx, out),
        (None, None) => Err(Error::invalid("date", "give --date DAY or --statement FILE").into()),
    }
}

/// The day's report, printed whole (a table or CSV names each failure in its rows) unless
/// `-o json`, whose one envelope is then the error naming them; exit 7 when any fails.
fn day<W: Write>(date: &str, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let day = Day::parse("date", date)?;
    let report = ops::reconcile_day(&mut ctx.open_read()?, &ctx.scope, day)?;
    if report.ok() || out.format != Format::Json {
        out.reconciliation(&report)?;
    }
    if !report.ok() {
        return Err(Error::ReconciliationFailed {
            date: report.day.text(),
            failures: report.failures(),
        }
        .into());
    }
    Ok(())
}

/// The statement read and checked whole first (exit 2 naming the line), then matched; printed
/// as the day's report is, with exit 4 (`statement_unmatched`) when anything is left unpaired.
fn match_statement<W: Write>(
    file: &str,
    args: &ReconcileArgs,
    ctx: &Context,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let currency = Currency::from_any_case(&args.currency)?;
    let day = |field: &str, text: &Option<String>| text.as_deref().map(|t| Day::parse(field, t)).transpose();
    let period = (day("from", &args.from)?, day("to", &args.to)?);
    let columns = Columns {
        date: &args.date_column,
        amount: &args.amount_column,
        reference: &args.reference_column,
    };
    let lines = statement::read(file, &columns, currency)?;
    let matched = ops::match_statement(&mut ctx.open_read()?, &ctx.scope, currency, period, lines)?;
    if matched.ok() || out.format != Format::Json {
        out.statement_match(&matched)?;
    }
    if matched.ok() {
        return Ok(());
    }
    let first = matched
        .rows
        .iter()
        .filter(|r| r.verdict != Verdict::Matched)
        .take(UNMATCHED_NAMED_MAX)
        .map(|r| {
            let line = r.line.as_ref().map(|l| format!("line {} ({})", l.line, l.reference));
            let item = r.item.as_ref().map(|i| i.id.to_string());
            let what = [line, item].into_iter().flatten().collect::<Vec<_>>().join(" / ");
            format!("{what}: {}", r.verdict.as_str())
        })
        .collect();
    Err(Error::StatementUnmatched {
        matched: matched.count(Verdict::Matched),
        missing_in_ledger: matched.count(Verdict::MissingInLedger),
        missing_in_statement: matched.count(Verdict::MissingInStatement),
        mismatched: matched.count(Verdict::AmountMismatch),
        first,
    }
    .into())
}
