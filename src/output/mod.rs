//! Output is a contract: results on stdout (a table for people, exactly one JSON envelope for
//! scripts), diagnostics on stderr.

pub mod cells;
pub mod export;
pub mod table;
pub mod views;

use std::io::{self, Write};

use serde::Serialize;
use table::{Column, Grid};

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
    /// Whether the output is a terminal, which gets list titles, footers and fitted tables.
    terminal: bool,
    /// The terminal's width tables fit; `None`: every column in full (`--wide`, or piped).
    width: Option<usize>,
}

impl<W: Write> Printer<W> {
    pub fn new(format: Format, out: W, now: String) -> Printer<W> {
        Printer {
            format,
            out,
            now,
            terminal: false,
            width: None,
        }
    }

    /// Output to a terminal: tables fit `width` columns (`None`: in full, as `--wide` asks).
    pub fn on_terminal(mut self, width: Option<usize>) -> Printer<W> {
        self.terminal = true;
        self.width = width;
        self
    }

    fn json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        writeln!(self.out)
    }

    /// List items as CSV rows under one header: every field of the item's view, in order,
    /// absent values as empty cells. An empty list is the header alone.
    fn csv<T: Serialize + Default>(&mut self, items: &[T]) -> io::Result<()> {
        let header = csv_header::<T>()?;
        let mut writer = csv::Writer::from_writer(&mut self.out);
        writer.write_record(&header).map_err(csv_io)?;
        for item in items {
            csv_row(&mut writer, &header, item)?;
        }
        writer.flush()
    }

    /// A record with its title, or a list: its title only on a terminal (piped, the first
    /// line is the header row), and a note of what a narrow terminal left out.
    fn table(&mut self, title: Option<&str>, table: &Table) -> io::Result<()> {
        match table {
            Table::Record(text) => {
                if let Some(title) = title {
                    writeln!(self.out, "{title}")?;
                }
                self.out.write_all(text.as_bytes())
            }
            Table::Grid(grid) => {
                if let (Some(title), true) = (title, self.terminal) {
                    writeln!(self.out, "{title}")?;
                }
                let rendered = grid.render(self.width);
                self.out.write_all(rendered.text.as_bytes())?;
                let mut note = Vec::new();
                if !rendered.hidden.is_empty() {
                    note.push(format!("hidden: {};", rendered.hidden.join(", ")));
                }
                if !rendered.shortened.is_empty() {
                    note.push(format!("cut short: {};", rendered.shortened.join(", ")));
                }
                if note.is_empty() {
                    return Ok(());
                }
                note.push("--wide or -o json shows every column".to_owned());
                let note = note.join(" ");
                self.out.write_all(wrapped(&note, self.width.unwrap_or(80)).as_bytes())
            }
        }
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

    pub fn journal(&mut self, page: &Paged<(Entry, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| JournalEntryView::new(e, *refunded), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => {
                let rows: Vec<JournalPostingRow> = list.items.iter().flat_map(JournalPostingRow::rows).collect();
                self.csv(&rows)
            }
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("CREATED", 3),
                    Column::plain("TRANSACTION", 1),
                    Column::plain("TYPE", 2),
                    Column::plain("ACCOUNT", 0),
                    Column::money("DEBIT", 0),
                    Column::money("CREDIT", 0),
                ]);
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
                let mut t = grid(vec![
                    Column::plain("TOKEN", 0),
                    Column::plain("KIND", 4),
                    Column::plain("TENANT", 2),
                    Column::plain("APP", 2),
                    Column::plain("USER", 3),
                    Column::plain("SCOPE", 0),
                    Column::plain("STATUS", 0),
                    Column::plain("EXPIRES", 1),
                    // Free text, so last: piped, every column before it is one word.
                    Column::text("NAME", 5),
                ]);
                for v in &list.items {
                    t.add_row(vec![
                        v.id.as_str(),
                        v.kind,
                        &v.tenant_id,
                        &v.application_id,
                        v.user_id.as_deref().unwrap_or("(any)"),
                        v.scope,
                        v.status,
                        v.expires_at.as_deref().unwrap_or("never"),
                        v.name.as_deref().unwrap_or_default(),
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

    /// A transaction looked up by its id, with its wallet (and so its user).
    pub fn transaction(&mut self, entry: &Entry, refunded: i64, wallet: &Wallet) -> io::Result<()> {
        let view = views::TransactionResult {
            transaction: TransactionView::new(entry, refunded),
            wallet: WalletView::from(wallet),
        };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table => {
                self.table(
                    Some(&format!("Transaction {}", view.transaction.id)),
                    &transaction_table(&view.transaction),
                )?;
                self.table(
                    Some(&format!("Wallet {}", view.wallet.wallet_id)),
                    &wallet_table(&view.wallet),
                )
            }
        }
    }

    /// A freeze record looked up by its id, with its wallet (and so its user).
    pub fn freeze(&mut self, freeze: &Freeze, wallet: &Wallet) -> io::Result<()> {
        let view = views::FreezeResult {
            freeze: FreezeView::new(freeze, wallet.currency),
            wallet: WalletView::from(wallet),
        };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, &self.now)),
            Format::Table => {
                self.table(Some(&format!("Freeze {}", view.freeze.id)), &freeze_table(&view.freeze))?;
                self.table(
                    Some(&format!("Wallet {}", view.wallet.wallet_id)),
                    &wallet_table(&view.wallet),
                )
            }
        }
    }

    pub fn history(&mut self, wallet: &Wallet, page: &Paged<(Entry, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| TransactionView::new(e, *refunded), &self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("CREATED", 2),
                    Column::plain("TRANSACTION", 0),
                    Column::plain("TYPE", 0),
                    Column::money("AMOUNT", 0),
                    Column::money("BALANCE", 1),
                    Column::money("REFUNDED", 4),
                    Column::plain("REFERENCE", 5),
                    Column::text("DESCRIPTION", 3),
                    Column::text("REASON", 6),
                ]);
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
                        opt(&tx.reason),
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
                let mut t = grid(vec![
                    Column::plain("FREEZE", 0),
                    Column::money("AMOUNT", 0),
                    Column::plain("STATUS", 0),
                    Column::plain("CREATED", 1),
                    Column::plain("RELEASED", 3),
                    Column::text("REASON", 2),
                ]);
                for f in &list.items {
                    t.add_row(vec![
                        f.id.clone(),
                        f.amount.clone(),
                        f.status.clone(),
                        f.created_at.clone(),
                        f.released_at.clone().unwrap_or_default(),
                        f.reason.clone().unwrap_or_default(),
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

    /// Where a page is in its list: under the table on a terminal. Piped, stdout holds only
    /// the header row and the rows, and stderr says so when there are more pages, so a page is
    /// never taken for the whole list.
    fn footer<T: Serialize>(&mut self, list: &ListEnvelope<T>) -> io::Result<()> {
        let p = &list.pagination;
        let footer = format!(
            "page {} of {} ({} in all, {} per page)",
            p.page,
            p.total_pages.max(1),
            p.total,
            p.page_size
        );
        if self.terminal {
            writeln!(self.out, "{footer}")
        } else if p.has_next {
            // A closed stderr is no reason to fail a listing that was printed.
            let _ = writeln!(io::stderr(), "{footer}: more with --page {}", p.page + 1);
            Ok(())
        } else {
            Ok(())
        }
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
        let mut t = grid(vec![
            Column::plain("CHECK", 0),
            Column::plain("RESULT", 0),
            Column::money("CHECKED", 1),
            Column::text("WHAT_IT_PROVES", 2),
        ]);
        for c in &view.checks {
            let result = if c.ok {
                "ok".to_owned()
            } else {
                format!("BROKEN:{}", c.problems_total)
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
            // The anchor on a line of its own, so it is never broken where it is copied from.
            let note = "Journal head (keep it outside this file; `ledger verify --anchor` with it later proves \
                        nothing up to it was removed or changed):";
            let width = self.width.unwrap_or(usize::MAX);
            self.out.write_all(wrapped(note, width).as_bytes())?;
            writeln!(self.out, "{}", head.anchor)?;
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
            Format::Json => self.json(&Envelope::ok(&view, &self.now)),
            Format::Csv => self.csv(&view.accounts),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("ACCOUNT", 0),
                    Column::plain("USER", 2),
                    Column::plain("CURRENCY", 1),
                    Column::money("DEBIT", 3),
                    Column::money("CREDIT", 3),
                    Column::money("BALANCE", 0),
                    Column::plain("SIDE", 0),
                ]);
                for l in &view.accounts {
                    // People read a balance on the side it lies: 5.00 Dr, never -5.00 Cr.
                    let normal = if l.normal_side == "debit" { "Dr" } else { "Cr" };
                    let other = if normal == "Dr" { "Cr" } else { "Dr" };
                    let (balance, side) = match l.balance.strip_prefix('-') {
                        Some(amount) => (amount.to_owned(), other),
                        None => (l.balance.clone(), normal),
                    };
                    t.add_row(vec![
                        l.account.clone(),
                        l.user_id.clone().unwrap_or_default(),
                        l.currency.clone(),
                        l.debit.clone(),
                        l.credit.clone(),
                        balance,
                        side.to_owned(),
                    ]);
                }
                for total in &view.totals {
                    t.add_row(vec![
                        "TOTAL",
                        "",
                        &total.currency,
                        &total.debit,
                        &total.credit,
                        if total.balanced { "balanced" } else { "UNBALANCED" },
                        "",
                    ]);
                }
                let title = match (&view.as_of, view.accounts.is_empty()) {
                    (None, true) => "Trial balance: no postings yet".to_owned(),
                    (None, false) => "Trial balance".to_owned(),
                    (Some(at), true) => format!("Trial balance as of {at}: no postings yet"),
                    (Some(at), false) => format!("Trial balance as of {at}"),
                };
                self.table(Some(&title), &t)
            }
        }
    }
}

/// The I/O error inside a CSV error, so a closed stdout (a broken pipe) is seen as one and
/// ends the command quietly; the csv crate wraps it.
pub fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("csv: {other:?}")),
    }
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// What the `Table` format prints: a record (a field per line) or a list (a grid).
enum Table {
    Record(String),
    Grid(Grid),
}

impl Table {
    fn add_row<S: ToString>(&mut self, cells: Vec<S>) {
        if let Table::Grid(grid) = self {
            grid.row(cells.iter().map(ToString::to_string).collect());
        }
    }
}

fn grid(columns: Vec<Column>) -> Table {
    Table::Grid(Grid::new(columns))
}

/// A record's fields, one per line (the flag said whether the value is money, which the
/// layout no longer needs: values are left-aligned after their names).
fn record(rows: Vec<(&str, String, bool)>) -> Table {
    let rows: Vec<(&str, String)> = rows.into_iter().map(|(name, value, _)| (name, value)).collect();
    Table::Record(table::record(&rows))
}

/// The CSV header of a list of `T`: every field of its view, in order, present or not.
fn csv_header<T: Serialize + Default>() -> io::Result<Vec<String>> {
    let row = cells::cells(&T::default()).map_err(io::Error::other)?;
    Ok(row.into_iter().map(|(name, _)| name).collect())
}

/// One CSV row under `header`: absent values as empty cells, formulas neutralised.
fn csv_row<T: Serialize, X: Write>(writer: &mut csv::Writer<X>, header: &[String], item: &T) -> io::Result<()> {
    let row = cells::cells(item).map_err(io::Error::other)?;
    if !row.iter().map(|(name, _)| name).eq(header.iter()) {
        let names: Vec<&String> = row.iter().map(|(name, _)| name).collect();
        return Err(io::Error::other(format!(
            "csv row with columns {names:?} under the header {header:?}"
        )));
    }
    writer
        .write_record(
            row.iter()
                .map(|(_, cell)| cells::neutralised(cell.as_deref().unwrap_or_default()).into_owned()),
        )
        .map_err(csv_io)
}

/// A wallet listing, one row per wallet.
fn wallets_table(items: &[WalletView]) -> Table {
    let mut t = grid(vec![
        Column::plain("USER", 0),
        Column::plain("WALLET", 1),
        Column::plain("CURRENCY", 0),
        Column::money("BALANCE", 0),
        Column::money("FROZEN", 2),
        Column::money("AVAILABLE", 0),
        Column::plain("STATUS", 0),
        Column::plain("CREATED", 3),
    ]);
    for w in items {
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
    t
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
        ("reason", t.reason.clone(), false),
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
    if let Some(reason) = &f.release_reason {
        rows.push(("release reason", reason.clone(), false));
    }
    record(rows)
}
