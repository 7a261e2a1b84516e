//! Reads over the postings for counterparty checks, exports and the trial balance.

use rusqlite::params;

use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::time::Timestamp;
use crate::store::AccountTotals;

impl SqliteTx<'_> {
    /// Whether any posting has ever moved this account.
    pub(super) fn account_used(&self, account: &str) -> Result<bool> {
        Ok(self
            .q()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM postings WHERE account = ?1)")?
            .query_row(params![account], |r| r.get(0))?)
    }

    /// The names of the accounts with postings that start with `prefix`, without the prefix: a
    /// range of the account index, so only that prefix's accounts are ever read.
    /// The sum of an account's postings in the entries up to `at` (inclusive), in minor units.
    pub(super) fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64> {
        Ok(self
            .q()
            .prepare_cached(
                "SELECT COALESCE(SUM(p.amount_minor), 0) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
                 WHERE p.account = ?1 AND e.created_at <= ?2",
            )?
            .query_row(params![account, at], |r| r.get(0))?)
    }

    pub(super) fn accounts_under(&self, prefix: &str) -> Result<Vec<String>> {
        let end = format!("{prefix}\u{10FFFF}");
        let names: Vec<String> = self
            .q()
            .prepare_cached(
                "SELECT DISTINCT account FROM postings WHERE account > ?1 AND account < ?2 ORDER BY account",
            )?
            .query_map(params![prefix, end], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names
            .into_iter()
            .filter_map(|name| name.strip_prefix(prefix).map(str::to_owned))
            .collect())
    }

    /// Every account with postings from `since` on, with the date of its first one.
    pub(super) fn accounts_first_used(
        &self,
        since: Option<Timestamp>,
        until: Option<Timestamp>,
    ) -> Result<Vec<(String, Timestamp)>> {
        let sql = "SELECT p.account, MIN(e.created_at) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
                   WHERE (?1 IS NULL OR e.created_at >= ?1) AND (?2 IS NULL OR e.created_at < ?2)
                   GROUP BY p.account ORDER BY p.account";
        self.q()
            .prepare(sql)?
            .query_map(params![since, until], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()
            .map_err(Error::from)
    }

    /// Debits and credits of every account, per currency, in minor units, of the entries up
    /// to and including `at` (a stored timestamp), or of all. Summed here in i128: SQLite's SUM
    /// stops at i64, which many large balances of one account can pass.
    pub(super) fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>> {
        let mut totals: std::collections::BTreeMap<(String, String), (i128, i128)> = std::collections::BTreeMap::new();
        let mut stmt = match at {
            None => self
                .q()
                .prepare("SELECT account, currency, amount_minor FROM postings")?,
            Some(_) => self.q().prepare(
                "SELECT p.account, p.currency, p.amount_minor FROM postings p
                 JOIN journal_entries e ON e.seq = p.entry_seq WHERE e.created_at <= ?1",
            )?,
        };
        let mut rows = match at {
            None => stmt.query([])?,
            Some(at) => stmt.query(params![at])?,
        };
        while let Some(row) = rows.next()? {
            let amount: i64 = row.get(2)?;
            let sums = totals.entry((row.get(0)?, row.get(1)?)).or_default();
            if amount > 0 {
                sums.0 += i128::from(amount);
            } else {
                sums.1 -= i128::from(amount);
            }
        }
        Ok(totals
            .into_iter()
            .map(|((account, currency), (debit, credit))| AccountTotals {
                account,
                currency,
                debit,
                credit,
            })
            .collect())
    }
}
