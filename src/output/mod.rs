//! Output is a contract: results on stdout (a table for people, exactly one JSON envelope for
//! scripts), diagnostics on stderr.

pub mod export;
pub mod views;

use std::io::{self, Write};

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use serde::Serialize;

use crate::error::Error;
use crate::ledger::model::{Entry, Freeze, StatusChange, Wallet};
use crate::ledger::request::Paged;
use crate::ledger::token::{Token, TokenKind};
use crate::ledger::verify::Report;
use crate::ops::{BatchMode, LineResult, Outcome, StatusOutcome, TrialBalance};
use views::{
    outcome_message, Envelope, ErrorEnvelope, FreezeView, JournalEntryView, JournalPostingRow, ListEnvelope,
    OutcomeView, StatusChangeView, StatusResult, TransactionView, TrialBalanceView, VerifyView, WalletView,
};
use views::{CreatedTokenView, TokenView};

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// One JSON envelope per command, for scripts.
    Json,
    /// CSV with a header row, for spreadsheets: list commands only.
    Csv,
}

/// Prints results in one format, with one timestamp per command.
pub struct Printer<W: Write> {
    pub format: Format,
    out: W,
    now: String,
}

impl<W: Write> Printer<W> {
    pub fn new(format: Format, out: W, now: String) -> Printer<W> {
        Printer { format, out, now }
    }

    fn json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        writeln!(self.out)
    }

    /// List items as CSV rows under a header of their field names (nothing for an empty list).
    fn csv<T: Serialize>(&mut self, items: &[T]) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(&mut self.out);
        for item in items {
            writer.serialize(item).map_err(io::Error::other)?;
        }
        writer.flush()
    }

    fn table(&mut self, title: Option<&str>, table: &Table) -> io::Result<()> {
        if let Some(title) = title {
            writeln!(self.out, "{title}")?;
        }
        writeln!(self.out, "{table}")
    }

    /// The output itself, for results that are files of their own (an export).
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Bytes that are the result themselves (a completion script, a man page), in any format.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// One line of a batch's JSONL output: the line number and that line's envelope.
    pub fn batch_line(&mut self, result: &LineResult, mode: BatchMode) -> io::Result<()> {
        match &result.outcome {
            Ok(outcome) => {
                let message = match (outcome.replayed, mode) {
                    (true, _) => "replayed",
                    (false, BatchMode::DryRun) => "dry run: not committed",
                    (false, _) => "ok",
                };
                let envelope = Envelope::with_message(message, OutcomeView::from(outcome), &self.now);
                self.json(&views::BatchLineView {
                    line: result.line,
                    envelope,
                })
            }
            Err(e) => {
                let envelope = ErrorEnvelope::new(e, &self.now);
                self.json(&views::BatchLineView {
                    line: result.line,
                    envelope,
                })
            }
        }
    }

    pub fn error(&mut self, error: &Error) -> io::Result<()> {
        self.json(&ErrorEnvelope::new(error, &self.now.clone()))
    }

    pub fn initialized(&mut self, path: &str, schema_version: i64) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Csv => {
                let data = serde_json::json!({"path": path, "schema_version": schema_version, "journal_mode": "wal", "synchronous": "full"});
                self.json(&Envelope::ok(data, &self.now))
            }
            Format::Table => writeln!(
                self.out,
                "Created ledger {path} (schema version {schema_version}, WAL, synchronous=FULL)"
            ),
        }
    }

    pub fn wallet(&mut self, wallet: &Wallet) -> io::Result<()> {
        let view = WalletView::from(wallet);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table => self.table(Some(&format!("Wallet {}", view.wallet_id)), &wallet_table(&view)),
        }
    }

    /// A wallet as it was at a past moment (`wallet show --at`).
    pub fn wallet_at(&mut self, wallet: &Wallet, at: &str) -> io::Result<()> {
        let mut view = WalletView::from(wallet);
        view.as_of = Some(at.to_owned());
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table => self.table(
                Some(&format!("Wallet {} as of {at}", view.wallet_id)),
                &wallet_table(&view),
            ),
        }
    }

    pub fn outcome(&mut self, outcome: &Outcome) -> io::Result<()> {
        let view = OutcomeView::from(outcome);
        match self.format {
            Format::Json | Format::Csv => {
                self.json(&Envelope::with_message(outcome_message(outcome), &view, &self.now))
            }
            Format::Table => {
                if outcome.replayed {
                    writeln!(
                        self.out,
                        "Replayed: reference_id {} was already applied; nothing was written.",
                        outcome.entry.reference_id.as_deref().unwrap_or_default()
                    )?;
                }
                match &view {
                    OutcomeView::Transaction(r) => self.table(
                        Some(&format!("Transaction {}", r.transaction.id)),
                        &transaction_table(&r.transaction),
                    )?,
                    OutcomeView::Freeze(r) => {
                        self.table(Some(&format!("Freeze {}", r.freeze.id)), &freeze_table(&r.freeze))?
                    }
                }
                let wallet = WalletView::from(&outcome.wallet);
                self.table(Some(&format!("Wallet {}", wallet.wallet_id)), &wallet_table(&wallet))
            }
        }
    }

    pub fn status(&mut self, outcome: &StatusOutcome) -> io::Result<()> {
        let result = StatusResult {
            wallet: WalletView::from(&outcome.wallet),
            status_change: outcome.change.as_ref().map(StatusChangeView::from),
        };
        let message = if outcome.change.is_some() { "ok" } else { "unchanged" };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &result, &self.now)),
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
        let list = ListEnvelope::new(page, |c| StatusChangeView::from(c), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(&["CHANGED", "FROM", "TO", "BY", "REASON"], &[]);
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

    pub fn journal(&mut self, page: &Paged<(Entry, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| JournalEntryView::new(e, *refunded), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => {
                let rows: Vec<JournalPostingRow> = list.items.iter().flat_map(JournalPostingRow::rows).collect();
                self.csv(&rows)
            }
            Format::Table => {
                let mut t = grid(
                    &["CREATED", "TRANSACTION", "TYPE", "ACCOUNT", "DEBIT", "CREDIT"],
                    &[4, 5],
                );
                for row in list.items.iter().flat_map(JournalPostingRow::rows) {
                    t.add_row(vec![
                        row.created_at,
                        row.transaction_id,
                        row.kind,
                        row.account,
                        row.debit,
                        row.credit,
                    ]);
                }
                self.table(Some("Journal (newest first)"), &t)?;
                self.footer(&list)
            }
        }
    }

    /// The first line of `serve`: where it listens (tests bind port 0 and read it here).
    pub fn listening(&mut self, bound: &crate::http::Bound) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Csv => {
                let data = serde_json::json!({"listen": bound.public.to_string(), "internal_listen": bound.internal.to_string()});
                self.json(&Envelope::with_message("listening", data, &self.now))
            }
            Format::Table => writeln!(
                self.out,
                "ledgerctl serve: public API on http://{} (OpenAPI at /openapi.json), internal refund on http://{}",
                bound.public, bound.internal
            ),
        }
    }

    /// A new token with its secret: the only time the secret is ever printed.
    pub fn token_created(&mut self, token: &Token, secret: &str) -> io::Result<()> {
        let view = TokenView::new(token, &self.now);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(
                CreatedTokenView {
                    token: view,
                    secret: secret.to_owned(),
                },
                &self.now,
            )),
            Format::Table => {
                self.table(Some(&format!("Token {}", view.id)), &token_table(&view))?;
                let header = match token.kind {
                    TokenKind::Bearer => "Authorization: Bearer",
                    TokenKind::Internal => "X-API-Key:",
                };
                writeln!(
                    self.out,
                    "\nSecret (shown only this once; send it as `{header} <secret>`):\n{secret}"
                )
            }
        }
    }

    pub fn token(&mut self, token: &Token, message: &str) -> io::Result<()> {
        let view = TokenView::new(token, &self.now);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &view, &self.now)),
            Format::Table => self.table(Some(&format!("Token {} ({message})", view.id)), &token_table(&view)),
        }
    }

    pub fn tokens(&mut self, page: &Paged<Token>) -> io::Result<()> {
        let now = self.now.clone();
        let list = ListEnvelope::new(page, |t| TokenView::new(t, &now), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(
                    &[
                        "TOKEN", "NAME", "KIND", "TENANT", "APP", "USER", "SCOPE", "STATUS", "EXPIRES",
                    ],
                    &[],
                );
                for v in &list.items {
                    t.add_row(vec![
                        v.id.as_str(),
                        v.name.as_deref().unwrap_or("-"),
                        v.kind,
                        &v.tenant_id,
                        &v.application_id,
                        v.user_id.as_deref().unwrap_or("(any)"),
                        v.scope,
                        v.status,
                        v.expires_at.as_deref().unwrap_or("never"),
                    ]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }

    pub fn wallets(&mut self, page: &Paged<Wallet>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |w| WalletView::from(w), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(
                    &[
                        "USER",
                        "WALLET",
                        "CURRENCY",
                        "BALANCE",
                        "FROZEN",
                        "AVAILABLE",
                        "STATUS",
                        "CREATED",
                    ],
                    &[3, 4, 5],
                );
                for w in &list.items {
                    t.add_row(vec![
                        &w.user_id,
                        &w.wallet_id,
                        &w.currency,
                        &w.balance,
                        &w.frozen_balance,
                        &w.available_balance,
                        &w.status,
                        &w.created_at,
                    ]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }

    pub fn history(&mut self, wallet: &Wallet, page: &Paged<(Entry, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| TransactionView::new(e, *refunded), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(
                    &[
                        "CREATED",
                        "TRANSACTION",
                        "TYPE",
                        "AMOUNT",
                        "BALANCE AFTER",
                        "REFUNDED",
                        "REFERENCE",
                        "DESCRIPTION",
                    ],
                    &[3, 4, 5],
                );
                for tx in &list.items {
                    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
                    t.add_row(vec![
                        tx.created_at.clone(),
                        tx.id.clone(),
                        tx.kind.clone(),
                        tx.amount.clone(),
                        tx.balance_after.clone(),
                        opt(&tx.refunded_amount),
                        opt(&tx.reference_id),
                        opt(&tx.description),
                    ]);
                }
                self.table(
                    Some(&format!(
                        "Transactions of {} ({}, {})",
                        wallet.user_id, wallet.id, wallet.currency
                    )),
                    &t,
                )?;
                self.footer(&list)
            }
        }
    }

    pub fn freezes(&mut self, wallet: &Wallet, page: &Paged<Freeze>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |f| FreezeView::new(f, wallet.currency), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(&["FREEZE", "AMOUNT", "STATUS", "REASON", "CREATED", "RELEASED"], &[1]);
                for f in &list.items {
                    t.add_row(vec![
                        f.id.clone(),
                        f.amount.clone(),
                        f.status.clone(),
                        f.reason.clone().unwrap_or_default(),
                        f.created_at.clone(),
                        f.released_at.clone().unwrap_or_default(),
                    ]);
                }
                self.table(
                    Some(&format!(
                        "Freezes of {} ({}, {})",
                        wallet.user_id, wallet.id, wallet.currency
                    )),
                    &t,
                )?;
                self.footer(&list)
            }
        }
    }

    fn footer<T: Serialize>(&mut self, list: &ListEnvelope<T>) -> io::Result<()> {
        let p = &list.pagination;
        writeln!(
            self.out,
            "page {} of {} ({} in all, {} per page)",
            p.page,
            p.total_pages.max(1),
            p.total,
            p.page_size
        )
    }

    pub fn verify(&mut self, report: &Report) -> io::Result<()> {
        let view = VerifyView::from(report);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table if report.damaged => {
                self.verify_table(&view, "The ledger file is damaged: only its storage was checked")
            }
            Format::Table => self.verify_table(
                &view,
                &format!("Verified {} journal entries and {} wallets", view.entries, view.wallets),
            ),
        }
    }

    /// The checklist of a verify run, for people, whatever it found.
    pub fn verify_table(&mut self, view: &VerifyView, title: &str) -> io::Result<()> {
        let mut t = grid(&["CHECK", "RESULT", "CHECKED", "WHAT IT PROVES"], &[2]);
        for c in &view.checks {
            let result = if c.ok {
                "ok".to_owned()
            } else {
                format!("BROKEN ({})", c.problems_total)
            };
            t.add_row(vec![
                c.name.to_owned(),
                result,
                c.checked.to_string(),
                c.description.to_owned(),
            ]);
        }
        self.table(Some(title), &t)?;
        if let Some(head) = &view.head {
            writeln!(self.out, "Journal head: {} (keep it outside this file; `ledger verify --anchor {}` later proves nothing up to it was removed or changed)", head.anchor, head.anchor)?;
        }
        for c in view.checks.iter().filter(|c| !c.ok) {
            for problem in &c.problems {
                writeln!(self.out, "  {}: {problem}", c.name)?;
            }
            if c.problems_total > c.problems.len() as u64 {
                writeln!(
                    self.out,
                    "  {}: … and {} more",
                    c.name,
                    c.problems_total - c.problems.len() as u64
                )?;
            }
        }
        Ok(())
    }

    pub fn trial_balance(&mut self, tb: &TrialBalance) -> io::Result<()> {
        let view = TrialBalanceView::from(tb);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table => {
                let mut t = grid(&["ACCOUNT", "CURRENCY", "DEBIT", "CREDIT", "BALANCE"], &[2, 3, 4]);
                for l in &view.accounts {
                    // People read a balance on the side it lies: 5.00 Dr, never -5.00 Cr.
                    let normal = if l.normal_side == "debit" { "Dr" } else { "Cr" };
                    let other = if normal == "Dr" { "Cr" } else { "Dr" };
                    let balance = match l.balance.strip_prefix('-') {
                        Some(amount) => format!("{amount} {other}"),
                        None => format!("{} {normal}", l.balance),
                    };
                    t.add_row(vec![
                        l.account.clone(),
                        l.currency.clone(),
                        l.debit.clone(),
                        l.credit.clone(),
                        balance,
                    ]);
                }
                for total in &view.totals {
                    t.add_row(vec![
                        Cell::new("TOTAL"),
                        Cell::new(&total.currency),
                        Cell::new(&total.debit),
                        Cell::new(&total.credit),
                        Cell::new(if total.balanced { "balanced" } else { "NOT BALANCED" }),
                    ]);
                }
                let title = if view.accounts.is_empty() {
                    "Trial balance: no postings yet"
                } else {
                    "Trial balance"
                };
                self.table(Some(title), &t)
            }
        }
    }
}

/// A table with a header; the listed columns hold money and are right-aligned.
fn grid(header: &[&str], money_columns: &[usize]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    for &i in money_columns {
        if let Some(column) = t.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// A two-column table of a record's fields; money values right-aligned.
fn record(rows: Vec<(&str, String, bool)>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    for (field, value, money) in rows {
        let value = Cell::new(value).set_alignment(if money {
            CellAlignment::Right
        } else {
            CellAlignment::Left
        });
        t.add_row(vec![Cell::new(field), value]);
    }
    t
}

fn wallet_table(w: &WalletView) -> Table {
    record(vec![
        ("user", w.user_id.clone(), false),
        ("tenant / app", format!("{} / {}", w.tenant_id, w.application_id), false),
        ("status", w.status.clone(), false),
        ("balance", format!("{} {}", w.balance, w.currency), true),
        ("frozen", format!("{} {}", w.frozen_balance, w.currency), true),
        ("available", format!("{} {}", w.available_balance, w.currency), true),
        ("updated", w.updated_at.clone(), false),
    ])
}

fn token_table(t: &TokenView) -> Table {
    record(vec![
        ("name", t.name.clone().unwrap_or_else(|| "-".to_owned()), false),
        ("kind", t.kind.to_owned(), false),
        ("tenant / app", format!("{} / {}", t.tenant_id, t.application_id), false),
        (
            "user",
            t.user_id.clone().unwrap_or_else(|| "(any user)".to_owned()),
            false,
        ),
        ("scope", t.scope.to_owned(), false),
        ("status", t.status.to_owned(), false),
        ("created", format!("{} by {}", t.created_at, t.created_by), false),
        (
            "expires",
            t.expires_at.clone().unwrap_or_else(|| "never".to_owned()),
            false,
        ),
        ("revoked", t.revoked_at.clone().unwrap_or_else(|| "-".to_owned()), false),
    ])
}

fn transaction_table(t: &TransactionView) -> Table {
    let mut rows = vec![
        ("type", t.kind.clone(), false),
        ("status", t.status.to_owned(), false),
        ("amount", format!("{} {}", t.amount, t.currency), true),
        ("balance before", format!("{} {}", t.balance_before, t.currency), true),
        ("balance after", format!("{} {}", t.balance_after, t.currency), true),
    ];
    let optional = [
        (
            "refunded",
            t.refunded_amount.as_ref().map(|a| format!("{a} {}", t.currency)),
            true,
        ),
        ("refund of", t.original_transaction_id.clone(), false),
        ("counterparty", t.counterparty_id.clone(), false),
        ("description", t.description.clone(), false),
        ("reference", t.reference_id.clone(), false),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, v, money)| v.map(|v| (k, v, money))),
    );
    rows.push(("created", t.created_at.clone(), false));
    record(rows)
}

fn freeze_table(f: &FreezeView) -> Table {
    let mut rows = vec![("status", f.status.clone(), false), ("amount", f.amount.clone(), true)];
    if let Some(reason) = &f.reason {
        rows.push(("reason", reason.clone(), false));
    }
    rows.push(("created", f.created_at.clone(), false));
    if let Some(released) = &f.released_at {
        rows.push(("released", released.clone(), false));
    }
    record(rows)
}
