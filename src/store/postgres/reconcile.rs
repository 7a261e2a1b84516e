//! The daily reconciliation's one query: a wallet's entries of a day, each with what its
//! postings did to the wallet's own accounts, read in keyset chunks as `for_each_entry` is.

use postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::reconcile::Movement;
use crate::ledger::time::Timestamp;

/// How many of a wallet's entries of one day are held at once.
const MOVEMENT_CHUNK_ROWS: i64 = 1000;

/// As SQLite's: `$2`, `$3` the wallet's two accounts; `$6` the seq to start from. The sum of
/// `BIGINT`s is `NUMERIC` here, cast back (two postings of an entry cannot overflow it).
const MOVEMENTS_SQL: &str = "SELECT e.seq, e.id, e.kind, e.balance_before_minor, e.balance_after_minor,
        COALESCE(SUM(CASE WHEN p.account IN ($2, $3) THEN p.amount_minor ELSE 0 END), 0)::BIGINT,
        e.counterparty_id IS NOT NULL
     FROM journal_entries e LEFT JOIN postings p ON p.entry_seq = e.seq
     WHERE e.wallet_id = $1 AND e.created_at >= $4 AND e.created_at < $5 AND e.seq >= $6
     GROUP BY e.seq ORDER BY e.seq LIMIT $7";

impl PgTx<'_> {
    pub(super) fn for_each_movement(
        &self,
        wallet_id: &WalletId,
        accounts: [&str; 2],
        since: Timestamp,
        until: Timestamp,
        mut each: impl FnMut(Movement) -> Result<()>,
    ) -> Result<u64> {
        let (since, until) = (since.to_string(), until.to_string());
        let mut next: i64 = 0;
        let mut count = 0;
        loop {
            let chunk = self.rows(
                MOVEMENTS_SQL,
                &[
                    &wallet_id.as_str(),
                    &accounts[0],
                    &accounts[1],
                    &since,
                    &until,
                    &next,
                    &MOVEMENT_CHUNK_ROWS,
                ],
                movement_row,
            )?;
            let Some((last, _)) = chunk.last() else {
                return Ok(count);
            };
            next = last.saturating_add(1);
            for (_, movement) in chunk {
                each(movement)?;
                count += 1;
            }
        }
    }
}

fn movement_row(r: &Row) -> Result<(i64, Movement)> {
    let kind: String = r.try_get(2)?;
    Ok((
        r.try_get(0)?,
        Movement {
            id: r.try_get(1)?,
            kind: kind.parse()?,
            balance_before: r.try_get(3)?,
            balance_after: r.try_get(4)?,
            wallet_postings: r.try_get(5)?,
            to_counterparty: r.try_get(6)?,
        },
    ))
}
