//! The ledger as a whole: its creation, the server's address, batch lines, the journal, the
//! verify checklist and the trial balance.

use std::io::{self, Write};
use std::net::SocketAddr;

use super::records::{grid, record};
use super::table::Column;
use super::views::{
    self, Envelope, ErrorEnvelope, JournalEntryView, JournalPostingRow, ListEnvelope, OutcomeView, SealView,
    TrialBalanceView, VerifyView, WalletIntegrityView,
};
use super::{wrapped, Format, Printer};
use crate::ledger::model::{Entry, Wallet};
use crate::ledger::request::Paged;
use crate::ledger::verify::{Report, WalletIntegrity};
use crate::ops::{BatchMode, Copied, LineResult, Sealed, TrialBalance};
use crate::store::DbLocation;

const SEAL_NOTE: &str = "Last seal (keep it outside this ledger; `ledger verify --anchor` with it later proves \
                         nothing up to it was removed or changed in any wallet):";

impl<W: Write> Printer<W> {
    pub fn initialized(&mut self, db: &DbLocation, schema_version: i64) -> io::Result<()> {
        let shown = db.shown();
        match (self.format, db) {
            (Format::Json | Format::Csv, DbLocation::Path(_)) => {
                let data = serde_json::json!({"path": shown, "schema_version": schema_version, "journal_mode": "wal", "synchronous": "full"});
                self.json(&Envelope::ok(data, self.now))
            }
            (Format::Json | Format::Csv, DbLocation::Postgres { .. }) => {
                let data = serde_json::json!({"db": shown, "schema_version": schema_version, "backend": "postgresql", "synchronous_commit": "on"});
                self.json(&Envelope::ok(data, self.now))
            }
            (Format::Table, DbLocation::Path(_)) => writeln!(
                self.out,
                "Created ledger {shown} (schema version {schema_version}, WAL, synchronous=FULL)"
            ),
            (Format::Table, DbLocation::Postgres { .. }) => writeln!(
                self.out,
                "Created ledger in {shown} (schema version {schema_version}, PostgreSQL, synchronous_commit=on)"
            ),
        }
    }

    /// What `ledger copy` wrote into the new ledger at `to`.
    pub fn copied(&mut self, to: &str, copied: &Copied) -> io::Result<()> {
        let counts = [
            ("wallets", copied.wallets),
            ("entries", copied.entries),
            ("freezes", copied.freezes),
            ("status_changes", copied.status_changes),
            ("tokens", copied.tokens),
            ("audit_events", copied.audit_events),
            ("seals", copied.seals),
            ("idempotency_keys", copied.responses),
            ("snapshots", copied.snapshots),
            ("policy_changes", copied.policy_changes),
            ("withdrawal_requests", copied.withdrawal_requests),
        ];
        match self.format {
            Format::Json | Format::Csv => {
                let mut data = serde_json::Map::new();
                data.insert("to".into(), to.into());
                for (name, count) in counts {
                    data.insert(name.into(), count.into());
                }
                self.json(&Envelope::with_message("copied", data, self.now))
            }
            Format::Table => {
                let rows = counts
                    .iter()
                    .map(|(name, count)| (*name, count.to_string(), false))
                    .collect();
                self.table(Some(&format!("Copied the ledger into {to}")), &record(rows))
            }
        }
    }

    /// The first line of `serve`: where it listens (tests bind port 0 and read it here).
    pub fn listening(&mut self, public: SocketAddr, internal: SocketAddr) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Csv => {
                let data = serde_json::json!({"listen": public.to_string(), "internal_listen": internal.to_string()});
                self.json(&Envelope::with_message("listening", data, self.now))
            }
            Format::Table => writeln!(
                self.out,
                "ledgerctl serve: public API on http://{} (OpenAPI at /openapi.json), internal refund on http://{}",
                public, internal
            ),
        }
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
                let envelope = Envelope::with_message(message, OutcomeView::from(outcome), self.now);
                self.json(&views::BatchLineView {
                    line: result.line,
                    envelope,
                })
            }
            Err(e) => {
                let envelope = ErrorEnvelope::new(e, self.now);
                self.json(&views::BatchLineView {
                    line: result.line,
                    envelope,
                })
            }
        }
    }

    pub fn journal(&mut self, page: &Paged<(Entry, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| JournalEntryView::new(e, *refunded), self.now);
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

    pub fn verify(&mut self, report: &Report) -> io::Result<()> {
        let view = VerifyView::from(report);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table if report.damaged => {
                self.verify_table(&view, "The ledger file is damaged: only its storage was checked")
            }
            Format::Table => self.verify_table(
                &view,
                &format!("Verified {} journal entries and {} wallets", view.entries, view.wallets),
            ),
        }
    }

    /// `ledger verify --wallet`: verify's checklist of one wallet, with its integrity result.
    pub fn verify_wallet(&mut self, wallet: &Wallet, integrity: &WalletIntegrity) -> io::Result<()> {
        let mut view = VerifyView::from(&integrity.report);
        view.wallet = Some(WalletIntegrityView::new(wallet.id.as_str(), integrity));
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => {
                let broken_at = integrity
                    .broken_at
                    .map(|at| format!("; first broken entry: wallet_seq {at}"))
                    .unwrap_or_default();
                let title = format!(
                    "Verified {} journal entries of wallet {} (user {}){broken_at}",
                    integrity.total(),
                    wallet.id,
                    wallet.user_id
                );
                self.verify_table(&view, &title)
            }
        }
    }

    /// A seal made by `ledger seal`, or the last one when nothing moved since.
    pub fn sealed(&mut self, sealed: &Sealed) -> io::Result<()> {
        let view = SealView::from(sealed);
        let message = if view.created {
            "sealed"
        } else {
            "nothing moved since the last seal"
        };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &view, self.now)),
            Format::Table => {
                let title = if view.created {
                    format!("Seal {}: {} wallet head(s) recorded", view.seq, view.wallets)
                } else {
                    format!("Seal {} (no wallet's head moved since it)", view.seq)
                };
                let table = record(vec![
                    ("created", format!("{} by {}", view.created_at, view.actor), false),
                    ("wallets", view.wallets.to_string(), false),
                    ("hash", view.hash.clone(), false),
                ]);
                self.table(Some(&title), &table)?;
                self.anchor(SEAL_NOTE, &view.anchor)
            }
        }
    }

    /// An anchor on a line of its own after its note, so it is never broken where it is copied
    /// from.
    fn anchor(&mut self, note: &str, anchor: &str) -> io::Result<()> {
        let width = self.width.unwrap_or(usize::MAX);
        self.out.write_all(wrapped(note, width).as_bytes())?;
        writeln!(self.out, "{anchor}")
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
            let note = "Journal head (keep it outside this ledger; `ledger verify --anchor` with it later proves \
                        nothing up to it was removed or changed in its wallet; `ledger seal` anchors every wallet):";
            self.anchor(note, &head.anchor)?;
        }
        if let Some(seal) = &view.seal {
            self.anchor(SEAL_NOTE, &seal.anchor)?;
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
            Format::Json => self.json(&Envelope::ok(&view, self.now)),
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
