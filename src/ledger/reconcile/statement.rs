//! The statement match (`ledger reconcile --statement FILE.csv`): a provider's or bank's
//! statement lines against the ledger's settlement postings, paired by reference and compared
//! by amount.
//!
//! Signs are the settlement account's: money received into it (a deposit, a refund of a
//! withdrawal) is positive, money paid out of it (a withdrawal, a refund of a deposit)
//! negative, on the statement as in the ledger.

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::ledger::ids::TransactionId;
use crate::ledger::model::TxType;
use crate::ledger::money::Currency;

/// One line of a statement, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    pub date: NaiveDate,
    /// Minor units, signed: positive into the settlement account.
    pub amount: i64,
    pub reference: String,
}

impl StatementLine {
    /// A line's three cells, each refused with the line named: a date (`YYYY-MM-DD`, or an
    /// RFC 3339 time, read as its UTC date), an amount in the strict grammar with an optional
    /// leading `-`, and a reference (surrounding blanks are not part of it).
    pub fn parse(line: u64, date: &str, amount: &str, reference: &str, currency: Currency) -> Result<StatementLine> {
        let field = format!("line {line}");
        Ok(StatementLine {
            line,
            date: statement_date(date).ok_or_else(|| {
                Error::invalid(&field, format!("date {date:?} is not YYYY-MM-DD or an RFC 3339 time"))
            })?,
            amount: signed_amount(amount, currency).map_err(|reason| Error::invalid(&field, reason))?,
            reference: reference.trim().to_owned(),
        })
    }
}

fn statement_date(text: &str) -> Option<NaiveDate> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    match date {
        Some(d) if d.format("%Y-%m-%d").to_string() == text => Some(d),
        Some(_) => None,
        None => DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc).date_naive()),
    }
}

/// `50.00` or `-50.00`: the strict grammar after an optional minus, never rounded.
fn signed_amount(text: &str, currency: Currency) -> std::result::Result<i64, String> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let amount = currency.parse_amount(digits).map_err(|e| e.to_string())?;
    Ok(if negative { -amount.minor() } else { amount.minor() })
}

/// A settlement posting of the ledger: an entry of the period moving money at the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerItem {
    pub id: TransactionId,
    pub kind: TxType,
    pub user_id: String,
    pub date: NaiveDate,
    /// Minor units, signed as the settlement account moved: positive is money received.
    pub amount: i64,
    pub reference: Option<String>,
}

/// What became of one statement line or ledger item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Matched,
    /// A statement line no ledger entry pairs with.
    MissingInLedger,
    /// A ledger entry no statement line pairs with.
    MissingInStatement,
    /// Paired by reference, with other amounts.
    AmountMismatch,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Matched => "matched",
            Verdict::MissingInLedger => "missing_in_ledger",
            Verdict::MissingInStatement => "missing_in_statement",
            Verdict::AmountMismatch => "amount_mismatch",
        }
    }
}

/// One row of the match: a statement line, a ledger item, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paired {
    pub verdict: Verdict,
    pub line: Option<StatementLine>,
    pub item: Option<LedgerItem>,
}

/// The whole match: statement lines in file order, then the ledger's unpaired items by date
/// and id (ids are minted in time order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementMatch {
    pub currency: Currency,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Statement lines dated outside `from..=to`, left out.
    pub outside: usize,
    pub rows: Vec<Paired>,
}

impl StatementMatch {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.rows.iter().filter(|r| r.verdict == verdict).count()
    }

    /// Everything paired, with equal amounts.
    pub fn ok(&self) -> bool {
        self.rows.iter().all(|r| r.verdict == Verdict::Matched)
    }
}

/// The days a match covers, both inclusive: `from` and `to` when given, else the first and the
/// last date of the statement's lines. The lines outside it are left out of the match.
pub fn period(
    lines: &[StatementLine],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate)> {
    let first = lines.iter().map(|l| l.date).min();
    let last = lines.iter().map(|l| l.date).max();
    let (Some(from), Some(to)) = (from.or(first), to.or(last)) else {
        return Err(Error::invalid(
            "statement",
            "has no lines, so no period: give --from and --to to list the ledger's settlement entries alone",
        ));
    };
    if from > to {
        return Err(Error::invalid("from", format!("{from} is after --to {to}")));
    }
    Ok((from, to))
}

/// Pairs each statement line with the ledger item of the same reference, the n-th line of a
/// reference with its n-th item (journal order): a reference the provider repeats is matched
/// as many times as the ledger holds it, and no more. An empty reference pairs with nothing.
pub fn pair(lines: Vec<StatementLine>, items: Vec<LedgerItem>) -> Vec<Paired> {
    let mut by_reference: BTreeMap<String, VecDeque<LedgerItem>> = BTreeMap::new();
    let mut unreferenced = Vec::new();
    for item in items {
        match item.reference.clone().filter(|r| !r.is_empty()) {
            Some(reference) => by_reference.entry(reference).or_default().push_back(item),
            None => unreferenced.push(item),
        }
    }
    let mut rows = Vec::new();
    for line in lines {
        let item = by_reference.get_mut(&line.reference).and_then(VecDeque::pop_front);
        let verdict = match &item {
            None => Verdict::MissingInLedger,
            Some(item) if item.amount == line.amount => Verdict::Matched,
            Some(_) => Verdict::AmountMismatch,
        };
        rows.push(Paired {
            verdict,
            line: Some(line),
            item,
        });
    }
    let mut left: Vec<LedgerItem> = by_reference.into_values().flatten().chain(unreferenced).collect();
    left.sort_by(|a, b| (a.date, a.id.as_str()).cmp(&(b.date, b.id.as_str())));
    rows.extend(left.into_iter().map(|item| Paired {
        verdict: Verdict::MissingInStatement,
        line: None,
        item: Some(item),
    }));
    rows
}

#[cfg(test)]
mod tests;
