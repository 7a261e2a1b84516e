//! Reads over the postings for counterparty checks, exports and the trial balance.

use super::PgTx;
use crate::error::{Error, Result};
use crate::ledger::time::Timestamp;
use crate::store::AccountTotals;

impl PgTx<'_> {
    /// Whether any posting has ever moved this account.
    pub(super) fn account_used(&self, account: &str) -> Result<bool> {
        let row = self.one("SELECT EXISTS (SELECT 1 FROM postings WHERE account = $1)", &[&account])?;
        Ok(row.try_get(0)?)
    }

    /// The sum of an account's postings in the entries up to `at` (inclusive), in minor units.
    pub(super) fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64> {
        let row = self.one(
            "SELECT COALESCE(SUM(p.amount_minor), 0)::BIGINT FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
             WHERE p.account = $1 AND e.created_at <= $2",
            &[&account, &at.to_string()],
        )?;
        Ok(row.try_get(0)?)
    }

    /// The names of the accounts with postings that start with `prefix`, without the prefix: a
    /// range of the account index (bytes order, as the column's collation is "C").
    pub(super) fn accounts_under(&self, prefix: &str) -> Result<Vec<String>> {
        let end = format!("{prefix}\u{10FFFF}");
        let names = self.rows(
            "SELECT DISTINCT account FROM postings WHERE account > $1 AND account < $2 ORDER BY account",
            &[&prefix, &end],
            |r| Ok(r.try_get::<_, String>(0)?),
        )?;
        Ok(names
            .into_iter()
            .filter_map(|name| name.strip_prefix(prefix).map(str::to_owned))
            .collect())
    }

    /// Every account with postings within `[since, until)`, with the time of its first one.
    pub(super) fn accounts_first_used(
        &self,
        since: Option<Timestamp>,
        until: Option<Timestamp>,
    ) -> Result<Vec<(String, Timestamp)>> {
        self.rows(
            "SELECT p.account, MIN(e.created_at) FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
             WHERE ($1::text IS NULL OR e.created_at >= $1) AND ($2::text IS NULL OR e.created_at < $2)
             GROUP BY p.account ORDER BY p.account",
            &[
                &since.as_ref().map(Timestamp::to_string),
                &until.as_ref().map(Timestamp::to_string),
            ],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }

    /// Debits and credits of every account, per currency, in minor units, of the entries up
    /// to and including `at`, or of all. PostgreSQL sums `BIGINT`s as `NUMERIC`, which never
    /// overflows; each sum comes back as its text and is read into an i128, as SQLite's are
    /// summed.
    pub(super) fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>> {
        let rows = self.rows(
            "SELECT p.account, p.currency,
                    COALESCE(SUM(p.amount_minor) FILTER (WHERE p.amount_minor > 0), 0)::text,
                    COALESCE(-SUM(p.amount_minor) FILTER (WHERE p.amount_minor < 0), 0)::text
             FROM postings p JOIN journal_entries e ON e.seq = p.entry_seq
             WHERE $1::text IS NULL OR e.created_at <= $1
             GROUP BY p.account, p.currency ORDER BY p.account, p.currency",
            &[&at.as_ref().map(Timestamp::to_string)],
            |r| {
                Ok((
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get::<_, String>(2)?,
                    r.try_get::<_, String>(3)?,
                ))
            },
        )?;
        rows.into_iter()
            .map(|(account, currency, debit, credit)| {
                Ok(AccountTotals {
                    account,
                    currency,
                    debit: sum(&debit)?,
                    credit: sum(&credit)?,
                })
            })
            .collect()
    }
}

fn sum(text: &str) -> Result<i128> {
    text.parse()
        .map_err(|_| Error::internal(format!("a postings sum {text:?} is not a whole number")))
}
