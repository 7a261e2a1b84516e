//! Snapshots: one taken (or found taken), and a page of stored rows.

use std::io::{self, Write};

use super::records::{grid, record};
use super::table::Column;
use super::views::{snapshot_envelope, ListEnvelope, WalletSnapshotView};
use super::{Format, Printer};
use crate::ledger::request::Paged;
use crate::ledger::snapshot::WalletSnapshot;
use crate::ops::SnapshotTaken;

impl<W: Write> Printer<W> {
    /// `ledger snapshot --date`: what was taken, or that it had been, with its first answer.
    pub fn snapshot_taken(&mut self, taken: &SnapshotTaken) -> io::Result<()> {
        let mut envelope = snapshot_envelope(taken, self.now);
        // The CLI's envelopes are 200 for every success (`wallet create`'s too): the message
        // and the exit status say what happened; only HTTP answers 201.
        envelope.code = 200;
        match self.format {
            Format::Json | Format::Csv => self.json(&envelope),
            Format::Table => {
                let v = &envelope.data;
                let title = if taken.created {
                    format!(
                        "Snapshot of {} ({}) taken: {} wallet(s)",
                        v.snapshot_date, v.timezone, v.snapshot_count
                    )
                } else {
                    format!(
                        "Snapshot of {} ({}) already taken, as it was then: {} wallet(s)",
                        v.snapshot_date, v.timezone, v.snapshot_count
                    )
                };
                let table = record(vec![
                    ("tenant / app", format!("{} / {}", v.tenant_id, v.application_id), false),
                    ("balances at", v.snapshot_at.clone(), false),
                    (
                        "wallets",
                        format!("{} of {} (opened by then)", v.snapshot_count, v.wallets_total),
                        false,
                    ),
                    ("taken", format!("{} by {}", v.created_at, v.created_by), false),
                ]);
                self.table(Some(&title), &table)
            }
        }
    }

    /// `ledger snapshots`: stored rows, newest day first, then by user.
    pub fn snapshots(&mut self, page: &Paged<WalletSnapshot>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |s| WalletSnapshotView::from(s), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("DATE", 0),
                    Column::plain("USER", 0),
                    Column::plain("WALLET", 2),
                    Column::plain("CURRENCY", 1),
                    Column::money("BALANCE", 0),
                    Column::money("FROZEN", 1),
                    Column::money("AVAILABLE", 0),
                    Column::plain("LAST_TXN", 3),
                ]);
                for s in &list.items {
                    t.add_row(vec![
                        s.snapshot_date.as_str(),
                        &s.user_id,
                        &s.wallet_id,
                        &s.currency,
                        &s.balance,
                        &s.frozen_balance,
                        &s.available_balance,
                        s.last_transaction_id.as_deref().unwrap_or("-"),
                    ]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }
}
