//! Wallets: one, a page of them, every one streamed, and their status changes.

use std::io::{self, Write};

use super::records::{balance_table, grid, wallet_table, wallets_table};
use super::table::Column;
use super::views::{self, BalanceView, Envelope, ListEnvelope, StatusChangeView, StatusResult, WalletView};
use super::{csv_header, csv_io, csv_row, Format, Printer};
use crate::error::Error;
use crate::ledger::model::{StatusChange, Wallet};
use crate::ledger::request::Paged;
use crate::ledger::time::Timestamp;
use crate::ops::StatusOutcome;

impl<W: Write> Printer<W> {
    pub fn wallet(&mut self, wallet: &Wallet) -> io::Result<()> {
        let view = WalletView::from(wallet);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => self.table(Some(&format!("Wallet {}", view.wallet_id)), &wallet_table(&view)),
        }
    }

    /// A wallet's balances alone (`wallet balance`), as `GET /wallets/{user_id}/balance`.
    pub fn balance(&mut self, wallet: &Wallet) -> io::Result<()> {
        let view = BalanceView::from(wallet);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => {
                let title = format!("Balance of {} (wallet {})", wallet.user_id, view.wallet_id);
                self.table(Some(&title), &balance_table(&view, wallet.currency.code()))
            }
        }
    }

    /// A wallet as it was at a past moment (`wallet show --at`).
    pub fn wallet_at(&mut self, wallet: &Wallet, at: Timestamp) -> io::Result<()> {
        let mut view = WalletView::from(wallet);
        view.as_of = Some(at.to_string());
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => self.table(
                Some(&format!("Wallet {} as of {at}", view.wallet_id)),
                &wallet_table(&view),
            ),
        }
    }

    pub fn wallets(&mut self, page: &Paged<Wallet>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |w| WalletView::from(w), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                self.table(None, &wallets_table(&list.items))?;
                self.footer(&list)
            }
        }
    }

    /// Every wallet of a listing, printed as each is read (`wallet list --all`): the list
    /// envelope with all of them in `items` and one page, or CSV rows. A table needs every
    /// row for its widths, so it is drawn at the end.
    pub fn wallet_stream(&mut self) -> io::Result<WalletStream<'_, W>> {
        let csv_header = match self.format {
            Format::Json => {
                self.out.write_all(br#"{"code":200,"message":"ok","items":["#)?;
                Vec::new()
            }
            Format::Csv => {
                let header = csv_header::<WalletView>()?;
                let mut writer = csv::Writer::from_writer(&mut self.out);
                writer.write_record(&header).map_err(csv_io)?;
                writer.flush()?;
                header
            }
            Format::Table => Vec::new(),
        };
        Ok(WalletStream {
            printer: self,
            csv_header,
            count: 0,
            rows: Vec::new(),
            io_error: None,
        })
    }

    pub fn status(&mut self, outcome: &StatusOutcome) -> io::Result<()> {
        let result = StatusResult::from(outcome);
        let message = result.message();
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &result, self.now)),
            Format::Table => {
                match &result.status_change {
                    Some(c) => writeln!(
                        self.out,
                        "Wallet of {} is now {} (was {}): {}",
                        outcome.wallet.user_id, c.to_status, c.from_status, c.reason
                    )?,
                    None => writeln!(
                        self.out,
                        "Wallet of {} is already {}: nothing changed",
                        outcome.wallet.user_id, result.wallet.status
                    )?,
                }
                self.table(
                    Some(&format!("Wallet {}", result.wallet.wallet_id)),
                    &wallet_table(&result.wallet),
                )
            }
        }
    }

    pub fn status_history(&mut self, wallet: &Wallet, page: &Paged<StatusChange>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |c| StatusChangeView::from(c), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("CHANGED", 0),
                    Column::plain("FROM", 0),
                    Column::plain("TO", 0),
                    Column::plain("BY", 1),
                    Column::text("REASON", 2),
                ]);
                for c in &list.items {
                    t.add_row(vec![
                        c.created_at.clone(),
                        c.from_status.to_owned(),
                        c.to_status.to_owned(),
                        c.actor.clone(),
                        c.reason.clone(),
                    ]);
                }
                let title = format!(
                    "Wallet of {} ({}) is {}; its status changes:",
                    wallet.user_id,
                    wallet.id,
                    wallet.status.as_str()
                );
                self.table(Some(&title), &t)?;
                self.footer(&list)
            }
        }
    }
}

/// What [`Printer::wallet_stream`] hands out: takes wallets one at a time, then the count.
pub struct WalletStream<'a, W: Write> {
    printer: &'a mut Printer<W>,
    csv_header: Vec<String>,
    count: u64,
    /// Table rows, kept until the end for the column widths.
    rows: Vec<WalletView>,
    /// Why the output stopped (a closed stdout), if it did: the caller reports it, not the
    /// ledger error that stopped the walk.
    pub io_error: Option<io::Error>,
}

impl<W: Write> WalletStream<'_, W> {
    /// Prints one wallet (or keeps it, for a table). An output error stops the walk.
    pub fn item(&mut self, wallet: &Wallet) -> crate::error::Result<()> {
        let view = WalletView::from(wallet);
        let written = match self.printer.format {
            Format::Json => self.json_item(&view),
            Format::Csv => {
                let mut writer = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut self.printer.out);
                csv_row(&mut writer, &self.csv_header, &view).and_then(|()| writer.flush())
            }
            Format::Table => {
                self.rows.push(view);
                Ok(())
            }
        };
        self.count += 1;
        written.map_err(|e| {
            let error = Error::internal(format!("cannot write output: {e}"));
            self.io_error = Some(e);
            error
        })
    }

    fn json_item(&mut self, view: &WalletView) -> io::Result<()> {
        if self.count > 0 {
            self.printer.out.write_all(b",")?;
        }
        serde_json::to_writer(&mut self.printer.out, view)?;
        Ok(())
    }

    /// Closes the listing: the envelope's `total` and its one page, or the table.
    pub fn finish(self, total: u64) -> io::Result<()> {
        match self.printer.format {
            Format::Json => {
                let pagination = views::Pagination {
                    page: 1,
                    page_size: u32::try_from(total).unwrap_or(u32::MAX),
                    total,
                    total_pages: u64::from(total > 0),
                    has_next: false,
                    has_prev: false,
                };
                let out = &mut self.printer.out;
                write!(out, r#"],"total":{total},"pagination":"#)?;
                serde_json::to_writer(&mut *out, &pagination)?;
                out.write_all(br#","timestamp":"#)?;
                serde_json::to_writer(&mut *out, &self.printer.now)?;
                writeln!(out, "}}")
            }
            Format::Csv => Ok(()),
            Format::Table => {
                self.printer.table(None, &wallets_table(&self.rows))?;
                if self.printer.terminal {
                    writeln!(self.printer.out, "{total} wallets")?;
                }
                Ok(())
            }
        }
    }
}
