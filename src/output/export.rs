//! `ledger export`: the journal in formats other accounting tools read.
//!
//! - `csv`: one row per posting, debit and credit in separate columns.
//! - `json`: JSON Lines, one entry per line with its signed postings and hash chain fields.
//! - `hledger`: an hledger journal (`hledger -f FILE bal` gives the trial balance).
//! - `beancount`: a beancount file (`bean-check FILE` accepts it); account names are mapped to
//!   beancount's rules and each `open` directive keeps the original name as metadata.

use std::collections::HashMap;
use std::io::{self, Write};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::ledger::model::{Posting, StoredEntry};
use crate::ledger::money::Currency;
use crate::ops::ExportSink;

/// The formats of `ledger export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One row per posting
    Csv,
    /// JSON Lines: one entry per line
    Json,
    /// An hledger journal
    Hledger,
    /// A beancount ledger
    Beancount,
}

/// Writes the journal in one format; remembers a failed write so a closed pipe ends quietly.
pub struct Exporter<W: Write> {
    format: ExportFormat,
    out: W,
    pub io_error: Option<io::Error>,
    beancount_names: HashMap<String, String>,
}

impl<W: Write> Exporter<W> {
    pub fn new(format: ExportFormat, out: W) -> Exporter<W> {
        Exporter {
            format,
            out,
            io_error: None,
            beancount_names: HashMap::new(),
        }
    }

    fn write(&mut self, text: &str) -> Result<()> {
        self.out.write_all(text.as_bytes()).map_err(|e| self.failed(e))
    }

    fn failed(&mut self, e: io::Error) -> Error {
        let error = Error::internal(format!("writing the export: {e}"));
        self.io_error = Some(e);
        error
    }

    fn csv_row(&mut self, row: &[&str]) -> Result<()> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(row.iter().map(|cell| super::cells::neutralised(cell).into_owned()))
            .map_err(|e| Error::internal(format!("csv: {e}")))?;
        let bytes = writer.into_inner().map_err(|e| Error::internal(format!("csv: {e}")))?;
        self.out.write_all(&bytes).map_err(|e| self.failed(e))
    }

    fn beancount_name(&self, account: &str) -> String {
        self.beancount_names
            .get(account)
            .cloned()
            .unwrap_or_else(|| beancount_account(account))
    }
}

impl<W: Write> ExportSink for Exporter<W> {
    fn accounts(&mut self, accounts: &[(String, String)]) -> Result<()> {
        match self.format {
            ExportFormat::Csv => self.csv_row(&[
                "seq",
                "transaction_id",
                "created_at",
                "wallet_id",
                "type",
                "account",
                "currency",
                "debit",
                "credit",
                "description",
                "reference_id",
                "original_transaction_id",
                "actor",
            ]),
            ExportFormat::Json => Ok(()),
            ExportFormat::Hledger => {
                self.write("; ledgerctl export: every journal entry, postings signed (debits positive)\n\n")
            }
            ExportFormat::Beancount => {
                self.write("; ledgerctl export: every journal entry, postings signed (debits positive)\n")?;
                self.write("option \"title\" \"ledgerctl export\"\n\n")?;
                // Distinct ledger accounts must stay distinct: a name that beancount's rules
                // would merge with another's gets a short hash of the original.
                let mut taken: HashMap<String, String> = HashMap::new();
                for (account, first_used) in accounts {
                    let mut name = beancount_account(account);
                    if taken.get(&name).is_some_and(|other| other != account) {
                        let digest = Sha256::digest(account.as_bytes());
                        name = format!(
                            "{name}-{:02x}{:02x}{:02x}{:02x}",
                            digest[0], digest[1], digest[2], digest[3]
                        );
                    }
                    taken.insert(name.clone(), account.clone());
                    self.beancount_names.insert(account.clone(), name.clone());
                    let line = format!(
                        "{} open {name}\n  ledgerctl_account: {}\n",
                        date(first_used),
                        quoted(account)
                    );
                    self.write(&line)?;
                }
                self.write("\n")
            }
        }
    }

    fn entry(&mut self, stored: &StoredEntry) -> Result<()> {
        let e = &stored.entry;
        let c = e.currency;
        match self.format {
            ExportFormat::Csv => {
                for p in &e.postings {
                    let (debit, credit) = if p.amount > 0 {
                        (c.format(p.amount), String::new())
                    } else {
                        (String::new(), c.format(-p.amount))
                    };
                    let seq = stored.seq.to_string();
                    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
                    self.csv_row(&[
                        &seq,
                        &e.id,
                        &e.created_at,
                        &e.wallet_id,
                        e.kind.as_str(),
                        &p.account,
                        &p.currency,
                        &debit,
                        &credit,
                        &opt(&e.description),
                        &opt(&e.reference_id),
                        &opt(&e.original_id),
                        &e.actor,
                    ])?;
                }
                Ok(())
            }
            ExportFormat::Json => {
                let postings: Vec<serde_json::Value> = e
                    .postings
                    .iter()
                    .map(|p| serde_json::json!({"account": p.account, "currency": p.currency, "amount": signed(p, c)}))
                    .collect();
                let line = serde_json::json!({
                    "seq": stored.seq,
                    "id": e.id,
                    "created_at": e.created_at,
                    "wallet_id": e.wallet_id,
                    "type": e.kind.as_str(),
                    "currency": c.code(),
                    "amount": c.format(e.amount.minor()),
                    "counterparty_id": e.counterparty_id,
                    "description": e.description,
                    "reference_id": e.reference_id,
                    "original_transaction_id": e.original_id,
                    "freeze_id": e.freeze_id,
                    "actor": e.actor,
                    "prev_hash": stored.prev_hash,
                    "hash": stored.hash,
                    "postings": postings,
                });
                self.write(&format!("{line}\n"))
            }
            ExportFormat::Hledger => {
                // Free text goes in comments, where hledger reads everything to the end of the line.
                let mut text = format!("{} {} {}\n", date(&e.created_at), e.id, e.kind.as_str());
                text.push_str(&format!(
                    "    ; time: {}, wallet: {}, seq: {}\n",
                    e.created_at, e.wallet_id, stored.seq
                ));
                for (label, value) in [
                    ("description", &e.description),
                    ("reference", &e.reference_id),
                    ("refund of", &e.original_id),
                ] {
                    if let Some(value) = value {
                        text.push_str(&format!("    ; {label}: {value}\n"));
                    }
                }
                for p in &e.postings {
                    text.push_str(&format!("    {:<70}  {} {}\n", p.account, signed(p, c), p.currency));
                }
                text.push('\n');
                self.write(&text)
            }
            ExportFormat::Beancount => {
                let mut text = format!(
                    "{} * {} {}\n",
                    date(&e.created_at),
                    quoted(&format!("{} {}", e.kind.as_str(), e.id)),
                    quoted(e.description.as_deref().unwrap_or(""))
                );
                text.push_str(&format!(
                    "  time: {}\n  wallet_id: {}\n",
                    quoted(&e.created_at),
                    quoted(&e.wallet_id)
                ));
                if let Some(reference) = &e.reference_id {
                    text.push_str(&format!("  reference_id: {}\n", quoted(reference)));
                }
                for p in &e.postings {
                    let name = self.beancount_name(&p.account);
                    text.push_str(&format!("  {name:<70}  {} {}\n", signed(p, c), p.currency));
                }
                text.push('\n');
                self.write(&text)
            }
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| self.failed(e))
    }
}

/// A posting's signed amount in its entry's currency: "-50.00" for a credit.
fn signed(p: &Posting, entry_currency: Currency) -> String {
    let currency = p.currency.parse::<Currency>().unwrap_or(entry_currency);
    currency.format(p.amount)
}

/// The date part of a stored timestamp (`2026-04-15T10:30:00Z` → `2026-04-15`).
fn date(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

/// A string literal for beancount: quotes and backslashes escaped.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An account name under beancount's rules: a capitalised root (Assets, Liabilities, Equity,
/// Income, Expenses) and components that start with a capital letter or digit and hold only
/// letters, digits and dashes.
pub fn beancount_account(account: &str) -> String {
    account
        .split(':')
        .map(|component| {
            let cleaned: String = component
                .chars()
                .map(|ch| {
                    if ch.is_ascii_alphanumeric() || ch == '-' {
                        ch
                    } else {
                        '-'
                    }
                })
                .collect();
            let mut chars = cleaned.chars();
            match chars.next() {
                Some(first) if first.is_ascii_alphanumeric() => first.to_ascii_uppercase().to_string() + chars.as_str(),
                _ => format!("X{cleaned}"),
            }
        })
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names_follow_beancount_rules() {
        assert_eq!(beancount_account("assets:settlement:CNY"), "Assets:Settlement:CNY");
        assert_eq!(
            beancount_account("liabilities:wallet:wlt_01ARZ3NDEKTSV4RRFFQ69G5FAV:available"),
            "Liabilities:Wallet:Wlt-01ARZ3NDEKTSV4RRFFQ69G5FAV:Available"
        );
        assert_eq!(
            beancount_account("liabilities:counterparty:default:default:alice@example.com"),
            "Liabilities:Counterparty:Default:Default:Alice-example-com"
        );
        assert_eq!(beancount_account("equity:adjustments:JPY"), "Equity:Adjustments:JPY");
        assert_eq!(
            beancount_account("liabilities:counterparty:t:a:_x"),
            "Liabilities:Counterparty:T:A:X-x"
        );
    }

    #[test]
    fn text_is_quoted_for_beancount() {
        assert_eq!(quoted(r#"say "hi" \o/"#), r#""say \"hi\" \\o/""#);
    }
}
