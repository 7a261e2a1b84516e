//! The daily reconciliation: the report as an envelope, CSV rows, or a table of every wallet
//! with each failure stated under it.

use std::io::{self, Write};

use super::records::grid;
use super::table::Column;
use super::views::{Envelope, ReconciliationView};
use super::{wrapped, Format, Printer};
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
                    "Reconciliation of {} (UTC), tenant {}, application {}: {verdict}",
                    view.date, view.tenant_id, view.application_id
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
}
