//! The daily reconciliation: the report as an envelope, CSV rows, or a table of every wallet
//! with each failure stated under it.

use std::io::{self, Write};

use super::records::grid;
use super::table::Column;
use super::views::{Envelope, ReconciliationView, StatementMatchView};
use super::{wrapped, Format, Printer};
use crate::ledger::reconcile::statement::StatementMatch;
use crate::ledger::reconcile::Reconciliation;

impl<W: Write> Printer<W> {
    /// `ledger reconcile --date`: a wallet per row; the wallets whose day does not reconcile
    /// are named again under the table, each with its mismatch in full (a row cannot hold it).
    pub fn reconciliation(&mut self, report: &Reconciliation) -> io::Result<()> {
        let view = ReconciliationView::from(report);
        match self.format {
            Format::Json => self.json(&Envelope::ok(&view, self.now)),
            Format::Csv => self.csv(&view.records),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("USER", 0),
                    Column::plain("CURRENCY", 2),
                    Column::money("OPENING", 0),
                    Column::money("DEPOSIT", 1),
                    Column::money("WITHDRAW", 1),
                    Column::money("PAYMENT", 2),
                    Column::money("REFUND", 3),
                    Column::money("REFUND_OUT", 4),
                    Column::money("TRANSFER_IN", 3),
                    Column::money("TRANSFER_OUT", 3),
                    Column::money("ADJUST_CR", 4),
                    Column::money("ADJUST_DR", 4),
                    Column::money("CLOSING", 0),
                    Column::plain("TXNS", 1),
                    Column::plain("OK", 0),
                ]);
                for r in &view.records {
                    t.add_row(vec![
                        r.user_id.as_str(),
                        &r.currency,
                        &r.opening_balance,
                        &r.total_deposit,
                        &r.total_withdraw,
                        &r.total_payment,
                        &r.total_refund,
                        &r.total_deposit_refund,
                        &r.total_transfer_in,
                        &r.total_transfer_out,
                        &r.total_adjust_credit,
                        &r.total_adjust_debit,
                        &r.closing_balance,
                        &r.transaction_count.to_string(),
                        if r.ok { "ok" } else { "MISMATCH" },
                    ]);
                }
                let verdict = match (view.wallet_count, view.failed_count) {
                    (1, 0) => "1 wallet, which reconciles".to_owned(),
                    (1, _) => "1 wallet, which does not reconcile".to_owned(),
                    (n, 0) => format!("{n} wallets, every one reconciles"),
                    (n, failed) => format!("{n} wallets, {failed} of them do not reconcile"),
                };
                let title = format!(
                    "Reconciliation of {} ({}), tenant {}, application {}: {verdict}",
                    view.date, view.timezone, view.tenant_id, view.application_id
                );
                // Piped, the header row comes first (as every table's); on a terminal the
                // title, wrapped to its width, since tenant names have no length of their own.
                if self.terminal {
                    self.out
                        .write_all(wrapped(&title, self.width.unwrap_or(80)).as_bytes())?;
                }
                self.table(None, &t)?;
                for r in view.records.iter().filter(|r| !r.ok) {
                    let line = format!(
                        "mismatch: {} ({}): {}",
                        r.user_id,
                        r.wallet_id,
                        r.mismatch.as_deref().unwrap_or_default()
                    );
                    // Piped, one line per wallet for grep; on a terminal, wrapped to fit.
                    match self.width {
                        Some(width) => self.out.write_all(wrapped(&line, width).as_bytes())?,
                        None => writeln!(self.out, "{line}")?,
                    }
                }
                Ok(())
            }
        }
    }

    /// `ledger reconcile --statement`: a row per statement line and per unpaired ledger entry;
    /// on a terminal the period and the count of each verdict above it.
    pub fn statement_match(&mut self, m: &StatementMatch) -> io::Result<()> {
        let view = StatementMatchView::from(m);
        match self.format {
            Format::Json => self.json(&Envelope::ok(&view, self.now)),
            Format::Csv => self.csv(&view.rows),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("STATUS", 0),
                    Column::text("REFERENCE", 0),
                    Column::plain("DATE", 1),
                    Column::money("STATEMENT", 0),
                    Column::money("LEDGER", 0),
                    Column::plain("LINE", 2),
                    Column::plain("TRANSACTION", 3),
                    Column::plain("TYPE", 2),
                    Column::plain("USER", 3),
                ]);
                for r in &view.rows {
                    let line = r.line.map(|l| l.to_string());
                    t.add_row(vec![
                        r.status,
                        r.reference.as_deref().unwrap_or_default(),
                        &r.date,
                        r.statement_amount.as_deref().unwrap_or_default(),
                        r.ledger_amount.as_deref().unwrap_or_default(),
                        line.as_deref().unwrap_or_default(),
                        r.transaction_id.as_deref().unwrap_or_default(),
                        r.kind.unwrap_or_default(),
                        r.user_id.as_deref().unwrap_or_default(),
                    ]);
                }
                if self.terminal {
                    let title = format!(
                        "Statement {} to {} ({}): {} matched, {} missing in the ledger, {} missing in the statement, {} amount mismatch(es), {} line(s) outside the period",
                        view.from,
                        view.to,
                        view.currency,
                        view.matched,
                        view.missing_in_ledger,
                        view.missing_in_statement,
                        view.amount_mismatches,
                        view.outside_period
                    );
                    self.out
                        .write_all(wrapped(&title, self.width.unwrap_or(80)).as_bytes())?;
                }
                self.table(None, &t)
            }
        }
    }
}
