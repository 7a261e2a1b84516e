//! Policies: one (shown, set or cleared) and its history.

use std::io::{self, Write};

use super::records::{grid, record};
use super::table::Column;
use super::views::{Envelope, ListEnvelope, PolicyChangeView, PolicyView};
use super::{Format, Printer};
use crate::ledger::model::Scope;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::policy::Policy;
use crate::ledger::request::Paged;

impl<W: Write> Printer<W> {
    /// A scope's policy; `message` says what was done (`ok`, `policy set`, `unchanged` …).
    pub fn policy(&mut self, scope: &Scope, policy: &Policy, configured: bool, message: &str) -> io::Result<()> {
        let view = PolicyView::new(&scope.tenant_id, &scope.application_id, policy);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &view, self.now)),
            Format::Table => {
                let source = if configured { "set" } else { "none set: the default" };
                let title = format!(
                    "Policy of tenant {} application {} ({source}; {message})",
                    view.tenant_id, view.application_id
                );
                let none = |amount: &str| {
                    if amount == "0.00" {
                        "0.00 (no limit)".to_owned()
                    } else {
                        amount.to_owned()
                    }
                };
                let table = record(vec![
                    ("min_withdraw_amount", none(&view.min_withdraw_amount), true),
                    ("daily_withdraw_limit", none(&view.daily_withdraw_limit), true),
                    ("monthly_withdraw_limit", none(&view.monthly_withdraw_limit), true),
                    ("max_balance", none(&view.max_balance), true),
                    (
                        "supported_currencies",
                        if view.supported_currencies.is_empty() {
                            "(all)".to_owned()
                        } else {
                            view.supported_currencies.clone()
                        },
                        false,
                    ),
                    ("transfer_enabled", view.transfer_enabled.to_string(), false),
                    (
                        "withdrawal_require_review",
                        view.withdrawal_require_review.to_string(),
                        false,
                    ),
                    ("auto_approve_limit", view.auto_approve_limit.clone(), true),
                    ("timezone", view.timezone.clone(), false),
                ]);
                self.table(Some(&title), &table)
            }
        }
    }

    /// A scope's policy changes, newest first.
    pub fn policy_history(&mut self, page: &Paged<PolicyChange>) -> io::Result<()> {
        let list = ListEnvelope::new(page, PolicyChangeView::new, self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("SEQ", 0),
                    Column::plain("AT", 1),
                    Column::plain("BY", 2),
                    Column::plain("ACTION", 0),
                    Column::text("CHANGED", 3),
                ]);
                for v in &list.items {
                    let seq = v.seq.to_string();
                    t.add_row(vec![seq.as_str(), &v.created_at, &v.changed_by, v.action, &v.changed]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }
}
