//! Money movements: an operation's outcome, a transaction or freeze looked up, a wallet's
//! history and freeze records.

use std::io::{self, Write};

use super::records::{freeze_table, grid, transaction_table, wallet_table};
use super::table::Column;
use super::views::{
    self, outcome_message, Envelope, FreezeView, ListEnvelope, OutcomeView, TransactionView, WalletView,
};
use super::{Format, Printer};
use crate::ledger::model::{Entry, Freeze, Transaction, Wallet};
use crate::ledger::request::Paged;
use crate::ops::Outcome;

impl<W: Write> Printer<W> {
    pub fn outcome(&mut self, outcome: &Outcome) -> io::Result<()> {
        let view = OutcomeView::from(outcome);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(outcome_message(outcome), &view, self.now)),
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
                    OutcomeView::Capture(r) => {
                        self.table(
                            Some(&format!("Transaction {}", r.transaction.id)),
                            &transaction_table(&r.transaction),
                        )?;
                        self.table(Some(&format!("Freeze {}", r.freeze.id)), &freeze_table(&r.freeze))?
                    }
                    OutcomeView::Transfer(r) => {
                        // The sender's leg and wallet, then the receiver's.
                        self.transaction_tables(&r.from_transaction, " (sent)", &r.from_wallet)?;
                        return self.transaction_tables(&r.to_transaction, " (received)", &r.to_wallet);
                    }
                }
                let wallet = WalletView::from(&outcome.wallet);
                self.table(Some(&format!("Wallet {}", wallet.wallet_id)), &wallet_table(&wallet))
            }
        }
    }

    /// A transaction's table, its title followed by `note`, then its wallet's.
    fn transaction_tables(&mut self, transaction: &TransactionView, note: &str, wallet: &WalletView) -> io::Result<()> {
        self.table(
            Some(&format!("Transaction {}{note}", transaction.id)),
            &transaction_table(transaction),
        )?;
        self.table(Some(&format!("Wallet {}", wallet.wallet_id)), &wallet_table(wallet))
    }

    /// A transaction looked up by its id, with its wallet (and so its user).
    pub fn transaction(&mut self, entry: &Entry, refunded: i64, wallet: &Wallet) -> io::Result<()> {
        let view = views::TransactionResult {
            transaction: TransactionView::new(entry, refunded),
            wallet: WalletView::from(wallet),
        };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => self.transaction_tables(&view.transaction, "", &view.wallet),
        }
    }

    /// A freeze record looked up by its id, with its wallet (and so its user).
    pub fn freeze(&mut self, freeze: &Freeze, wallet: &Wallet) -> io::Result<()> {
        let view = views::FreezeResult {
            freeze: FreezeView::new(freeze, wallet.currency),
            wallet: WalletView::from(wallet),
        };
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(&view, self.now)),
            Format::Table => {
                self.table(Some(&format!("Freeze {}", view.freeze.id)), &freeze_table(&view.freeze))?;
                self.table(
                    Some(&format!("Wallet {}", view.wallet.wallet_id)),
                    &wallet_table(&view.wallet),
                )
            }
        }
    }

    pub fn history(&mut self, wallet: &Wallet, page: &Paged<(Transaction, i64)>) -> io::Result<()> {
        let list = ListEnvelope::new(page, |(e, refunded)| TransactionView::new(e, *refunded), self.now);
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
        let list = ListEnvelope::new(page, |f| FreezeView::new(f, wallet.currency), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items.iter().map(views::FreezeRow::from).collect::<Vec<_>>()),
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
}
