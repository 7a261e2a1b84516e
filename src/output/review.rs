//! Withdrawal requests: one (made, decided, or shown) and a page of them.

use std::io::{self, Write};

use super::records::{grid, record};
use super::table::Column;
use super::views::{Envelope, ListEnvelope, WithdrawalRequestView};
use super::{Format, Printer};
use crate::ledger::request::Paged;
use crate::ledger::review::WithdrawalRequest;

impl<W: Write> Printer<W> {
    /// One request; `message` says what this command did (`created`, `approved`, `ok` …).
    pub fn withdrawal(&mut self, request: &WithdrawalRequest, message: &str) -> io::Result<()> {
        let v = WithdrawalRequestView::from(request);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &v, self.now)),
            Format::Table => {
                let title = if message == v.status || message == "ok" {
                    format!("Withdrawal request {} ({})", v.id, v.status)
                } else {
                    format!("Withdrawal request {} ({}; {message})", v.id, v.status)
                };
                let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
                let mut rows = vec![
                    ("user", format!("{} ({})", v.user_id, v.wallet_id), false),
                    ("amount", format!("{} {}", v.amount, v.currency), true),
                    ("status", v.status.clone(), false),
                    ("remark", or_none(&v.remark), false),
                    ("reference", or_none(&v.reference_id), false),
                    ("held by", v.freeze_id.clone(), false),
                    ("requested", format!("{} by {}", v.requested_at, v.requested_by), false),
                ];
                if let (Some(at), Some(by)) = (&v.decided_at, &v.decided_by) {
                    rows.push(("decided", format!("{at} by {by}"), false));
                    rows.push(("approved by", or_none(&v.approved_by), false));
                    rows.push(("decision remark", or_none(&v.decision_remark), false));
                    rows.push(("transaction", or_none(&v.transaction_id), false));
                }
                self.table(Some(&title), &record(rows))
            }
        }
    }

    /// A page of requests, newest first.
    pub fn withdrawals(&mut self, page: &Paged<WithdrawalRequest>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |r| WithdrawalRequestView::from(r), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("ID", 0),
                    Column::plain("USER", 0),
                    Column::money("AMOUNT", 0),
                    Column::plain("CURRENCY", 1),
                    Column::plain("STATUS", 0),
                    Column::plain("REQUESTED", 2),
                    Column::plain("BY", 3),
                    Column::plain("DECIDED BY", 3),
                    Column::text("REMARK", 4),
                ]);
                for v in &list.items {
                    t.add_row(vec![
                        v.id.as_str(),
                        &v.user_id,
                        &v.amount,
                        &v.currency,
                        &v.status,
                        &v.requested_at,
                        &v.requested_by,
                        v.decided_by.as_deref().unwrap_or("-"),
                        v.remark.as_deref().unwrap_or(""),
                    ]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }
}
