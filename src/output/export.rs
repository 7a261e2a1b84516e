//! `ledger export`: the journal in formats other accounting tools read.
//!
//! - `csv`: one row per posting, debit and credit in separate columns.
//! - `json`: JSON Lines, one entry per line with its signed postings and hash chain fields.
//! - `hledger`: an hledger journal (`hledger -f FILE bal` gives the trial balance).
//! - `beancount`: a beancount file (`bean-check FILE` accepts it); account names are mapped to
//!   beancount's rules and each `open` directive keeps the original name as metadata.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Posting, StoredEntry};
use crate::ledger::money::Currency;
use crate::ledger::time::Timestamp;
use crate::ops::{wallet_of_account, ExportSink, WalletOwner};

/// The formats of `ledger export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl<W: Write> Exporter<W> {
    pub fn new(format: ExportFormat, out: W) -> Exporter<W> {
        Exporter {
            format,
            out,
            io_error: None,
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

    /// One CSV row per posting of the entry.
    fn csv_entry(&mut self, stored: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()> {
        let e = &stored.entry;
        let c = e.currency;
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
                &e.created_at.to_string(),
                &e.wallet_id,
                e.kind.as_str(),
                &p.account,
                &p.currency,
                &debit,
                &credit,
                &opt(&e.description),
                &opt(&e.reference_id),
                e.original_id.as_deref().unwrap_or(""),
                &e.actor,
                owner.map_or("", |o| &o.tenant_id),
                owner.map_or("", |o| &o.application_id),
                owner.map_or("", |o| &o.user_id),
            ])?;
        }
        Ok(())
    }

    /// The entry as one JSON line, its postings signed.
    fn json_entry(&mut self, stored: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()> {
        let e = &stored.entry;
        let c = e.currency;
        let postings: Vec<serde_json::Value> = e
            .postings
            .iter()
            .map(|p| serde_json::json!({"account": p.account, "currency": p.currency, "amount": signed(p, c)}))
            .collect();
        let line = serde_json::json!({
            "seq": stored.seq,
            "wallet_seq": stored.wallet_seq,
            "chain_version": stored.version.number(),
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
            "tenant_id": owner.map(|o| &o.tenant_id),
            "application_id": owner.map(|o| &o.application_id),
            "user_id": owner.map(|o| &o.user_id),
            "prev_hash": stored.prev_hash,
            "hash": stored.hash,
            "postings": postings,
        });
        self.write(&format!("{line}\n"))
    }

    /// The entry as an hledger transaction.
    fn hledger_entry(&mut self, stored: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()> {
        let e = &stored.entry;
        let c = e.currency;
        // The description is the transaction's (so `hledger reg desc:…` finds it), the
        // id its code, the rest tags. hledger ends a description at `;`, so there a `;`
        // is written `,`; the exact text is kept in a comment, where hledger reads
        // everything to the end of the line.
        let description = e.description.as_deref().unwrap_or(e.kind.as_str()).replace(';', ",");
        let mut text = format!(
            "{} ({}) {}  ; type:{}, wallet:{}",
            date(e.created_at),
            e.id,
            description.trim(),
            e.kind.as_str(),
            e.wallet_id
        );
        if let Some(o) = owner {
            text.push_str(&format!(
                ", user:{}, tenant:{}, app:{}",
                o.user_id, o.tenant_id, o.application_id
            ));
        }
        text.push_str(&format!(", seq:{}, time:{}\n", stored.seq, e.created_at));
        for (label, value) in [
            ("description", e.description.as_deref()),
            ("reference", e.reference_id.as_deref()),
            ("refund of", e.original_id.as_deref()),
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

    /// The entry as a beancount transaction.
    fn beancount_entry(&mut self, stored: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()> {
        let e = &stored.entry;
        let c = e.currency;
        let mut text = format!(
            "{} * {} {}\n",
            date(e.created_at),
            quoted(&format!("{} {}", e.kind.as_str(), e.id)),
            quoted(e.description.as_deref().unwrap_or(""))
        );
        text.push_str(&format!(
            "  time: {}\n  wallet_id: {}\n",
            quoted(&e.created_at.to_string()),
            quoted(&e.wallet_id)
        ));
        if let Some(reference) = &e.reference_id {
            text.push_str(&format!("  reference_id: {}\n", quoted(reference)));
        }
        if let Some(owner) = owner {
            text.push_str(&beancount_owner(owner));
        }
        for p in &e.postings {
            let name = beancount_account(&p.account);
            text.push_str(&format!("  {name:<70}  {} {}\n", signed(p, c), p.currency));
        }
        text.push('\n');
        self.write(&text)
    }
}

impl<W: Write> ExportSink for Exporter<W> {
    fn accounts(&mut self, accounts: &[(String, Timestamp)], owners: &HashMap<WalletId, WalletOwner>) -> Result<()> {
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
                "tenant_id",
                "application_id",
                "user_id",
            ]),
            ExportFormat::Json => Ok(()),
            ExportFormat::Hledger => {
                self.write("; ledgerctl export: every journal entry, postings signed (debits positive)\n\n")
            }
            ExportFormat::Beancount => {
                self.write("; ledgerctl export: every journal entry, postings signed (debits positive)\n")?;
                self.write("option \"title\" \"ledgerctl export\"\n\n")?;
                // beancount_account is injective, so distinct accounts never share an open.
                for (account, first_used) in accounts {
                    let mut text = format!(
                        "{} open {}\n  ledgerctl_account: {}\n",
                        date(*first_used),
                        beancount_account(account),
                        quoted(account)
                    );
                    if let Some(owner) = wallet_of_account(account).and_then(|w| owners.get(w)) {
                        text.push_str(&beancount_owner(owner));
                    }
                    self.write(&text)?;
                }
                self.write("\n")
            }
        }
    }

    fn entry(&mut self, stored: &StoredEntry, owner: Option<&WalletOwner>) -> Result<()> {
        match self.format {
            ExportFormat::Csv => self.csv_entry(stored, owner),
            ExportFormat::Json => self.json_entry(stored, owner),
            ExportFormat::Hledger => self.hledger_entry(stored, owner),
            ExportFormat::Beancount => self.beancount_entry(stored, owner),
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

/// The date of an instant, in UTC (`2026-04-15T10:30:00Z` → `2026-04-15`).
fn date(at: Timestamp) -> String {
    at.instant().format("%Y-%m-%d").to_string()
}

/// A wallet's owner as beancount metadata lines.
fn beancount_owner(owner: &WalletOwner) -> String {
    format!(
        "  tenant_id: {}\n  application_id: {}\n  user_id: {}\n",
        quoted(&owner.tenant_id),
        quoted(&owner.application_id),
        quoted(&owner.user_id)
    )
}

/// A string literal for beancount: quotes and backslashes escaped.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An account name under beancount's rules (components start with a capital letter or a digit
/// and hold only letters, digits and dashes), one-to-one: distinct ledger accounts always get
/// distinct names, whatever ids a caller chose, and every name decodes back to its account.
///
/// Each `:`-separated component is encoded on its own:
/// - a component starting with a lowercase letter has that letter capitalised
///   (`settlement` → `Settlement`); any other component is prefixed with `0` (`CNY` → `0CNY`,
///   `A` → `0A`, so tenants `a` and `A` stay apart);
/// - letters and digits are kept; `-` becomes `--`, `_` `-U`, `.` `-P`, `@` `-A`, and any
///   other character `-X` and its code point in six hex digits (`-X0000E9`).
///
/// So `liabilities:wallet:wlt_01ARZ…:available` is `Liabilities:Wallet:Wlt-U01ARZ…:Available`.
pub fn beancount_account(account: &str) -> String {
    account
        .split(':')
        .map(beancount_component)
        .collect::<Vec<_>>()
        .join(":")
}

fn beancount_component(component: &str) -> String {
    let mut encoded = String::with_capacity(component.len() + 1);
    let rest = match component.chars().next() {
        Some(first) if first.is_ascii_lowercase() => {
            encoded.push(first.to_ascii_uppercase());
            &component[1..]
        }
        _ => {
            encoded.push('0');
            component
        }
    };
    for ch in rest.chars() {
        match ch {
            'A'..='Z' | 'a'..='z' | '0'..='9' => encoded.push(ch),
            '-' => encoded.push_str("--"),
            '_' => encoded.push_str("-U"),
            '.' => encoded.push_str("-P"),
            '@' => encoded.push_str("-A"),
            other => encoded.push_str(&format!("-X{:06X}", u32::from(other))),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inverse of [`beancount_account`]: proves it loses nothing.
    fn decode(name: &str) -> Option<String> {
        let components: Option<Vec<String>> = name.split(':').map(decode_component).collect();
        Some(components?.join(":"))
    }

    fn decode_component(encoded: &str) -> Option<String> {
        let mut chars = encoded.chars();
        let mut original = String::new();
        match chars.next()? {
            '0' => {}
            first if first.is_ascii_uppercase() => original.push(first.to_ascii_lowercase()),
            _ => return None,
        }
        while let Some(ch) = chars.next() {
            if ch != '-' {
                original.push(ch);
                continue;
            }
            original.push(match chars.next()? {
                '-' => '-',
                'U' => '_',
                'P' => '.',
                'A' => '@',
                'X' => {
                    let hex: String = chars.by_ref().take(6).collect();
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                }
                _ => return None,
            });
        }
        Some(original)
    }

    /// beancount's account rule: a capitalised root, components `[A-Z0-9][A-Za-z0-9-]*`.
    fn valid(name: &str) -> bool {
        let mut components = name.split(':');
        let root_ok = components
            .next()
            .is_some_and(|r| ["Assets", "Liabilities", "Equity", "Income", "Expenses"].contains(&r));
        root_ok
            && components.all(|c| {
                c.starts_with(|ch: char| ch.is_ascii_uppercase() || ch.is_ascii_digit())
                    && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
            })
    }

    #[test]
    fn account_names_follow_beancount_rules() {
        assert_eq!(beancount_account("assets:settlement:CNY"), "Assets:Settlement:0CNY");
        assert_eq!(
            beancount_account("liabilities:wallet:wlt_01ARZ3NDEKTSV4RRFFQ69G5FAV:available"),
            "Liabilities:Wallet:Wlt-U01ARZ3NDEKTSV4RRFFQ69G5FAV:Available"
        );
        assert_eq!(
            beancount_account("liabilities:counterparty:default:default:alice@example.com"),
            "Liabilities:Counterparty:Default:Default:Alice-Aexample-Pcom"
        );
        assert_eq!(beancount_account("equity:adjustments:JPY"), "Equity:Adjustments:0JPY");
        assert_eq!(
            beancount_account("liabilities:counterparty:A:a:_x"),
            "Liabilities:Counterparty:0A:A:0-Ux"
        );
    }

    /// Every counterparty id of up to four characters over an alphabet of the troublemakers
    /// (case, digits, every punctuation an id may hold, one character ids may not), as a
    /// tenant, an application and a counterparty: all names valid, distinct, and decoded back.
    #[test]
    fn the_beancount_mapping_is_one_to_one_and_decodes_back() {
        let alphabet = ['a', 'A', 'm', 'M', '0', '1', 'U', 'X', '_', '-', '.', '@', 'é'];
        let mut ids = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..4 {
            frontier = frontier
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            ids.extend(frontier.iter().cloned());
        }
        let mut seen = std::collections::HashMap::new();
        for id in &ids {
            for account in [
                format!("liabilities:counterparty:default:default:{id}"),
                format!("liabilities:counterparty:{id}:default:m"),
                format!("liabilities:counterparty:t:{id}:m"),
            ] {
                let name = beancount_account(&account);
                assert!(valid(&name), "{account} → {name}");
                assert_eq!(decode(&name).as_deref(), Some(account.as_str()), "{name}");
                if let Some(other) = seen.insert(name.clone(), account.clone()) {
                    panic!("{account} and {other} both map to {name}");
                }
            }
        }
        assert!(seen.len() > 80_000);
    }

    #[test]
    fn text_is_quoted_for_beancount() {
        assert_eq!(quoted(r#"say "hi" \o/"#), r#""say \"hi\" \\o/""#);
    }
}
