//! The daily reconciliation's one query: a wallet's entries of a day, each with what its
//! postings did to the wallet's own accounts.

use rusqlite::{params, Row};

use super::SqliteTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::reconcile::Movement;
use crate::ledger::time::Timestamp;

/// `accounts` are the wallet's available and frozen accounts (`?2`, `?3`): a posting to any
/// other account (settlement, a counterparty, the transfers clearing account) is the entry's
/// other side. The LEFT JOIN keeps an entry that has lost its postings (its sum is then 0).
pub(super) const MOVEMENTS_SQL: &str = "SELECT e.id, e.kind, e.balance_before_minor, e.balance_after_minor,
        COALESCE(SUM(CASE WHEN p.account IN (?2, ?3) THEN p.amount_minor ELSE 0 END), 0),
        e.counterparty_id IS NOT NULL
     FROM journal_entries e LEFT JOIN postings p ON p.entry_seq = e.seq
     WHERE e.wallet_id = ?1 AND e.created_at >= ?4 AND e.created_at < ?5
     GROUP BY e.seq ORDER BY e.seq";

impl SqliteTx<'_> {
    pub(super) fn for_each_movement(
        &self,
        wallet_id: &WalletId,
        accounts: [&str; 2],
        since: Timestamp,
        until: Timestamp,
        mut each: impl FnMut(Movement) -> Result<()>,
    ) -> Result<u64> {
        let mut stmt = self.q().prepare_cached(MOVEMENTS_SQL)?;
        let mut rows = stmt.query(params![wallet_id, accounts[0], accounts[1], since, until])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            each(movement_row(row)?)?;
            count += 1;
        }
        Ok(count)
    }
}

fn movement_row(r: &Row) -> Result<Movement> {
    let kind: String = r.get(1)?;
    Ok(Movement {
        id: r.get(0)?,
        kind: kind.parse()?,
        balance_before: r.get(2)?,
        balance_after: r.get(3)?,
        wallet_postings: r.get(4)?,
        to_counterparty: r.get(5)?,
    })
}
