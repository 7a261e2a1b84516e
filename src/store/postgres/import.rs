//! Rows copied from another ledger (`ledger copy`), stored exactly as given into a new one, and
//! the kept responses read back whole. The append-only guards stay on: they allow inserts, and
//! rows given in order extend their chains. An identity column given explicit values does not
//! move its sequence, so each import moves it past the largest value stored: a later write then
//! takes a number after every copied one.

use super::PgTx;
use crate::error::{Error, Result};
use crate::ledger::model::{Freeze, JournalRow, Posting, Scope, StatusChange};
use crate::ledger::operations::FreezeChange;
use crate::store::IdempotentResponse;

impl PgTx<'_> {
    /// Journal rows in seq order, each at its own seq, with its chain and postings.
    pub(super) fn import_entries(&self, rows: &[JournalRow]) -> Result<()> {
        let insert =
            "INSERT INTO journal_entries (seq, id, wallet_id, kind, currency, amount_minor, balance_before_minor,
               balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request,
               actor, created_at, prev_hash, hash, wallet_seq, chain_version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)";
        for row in rows {
            let e = &row.entry;
            let version = i16::try_from(row.version.number()).map_err(Error::internal)?;
            self.execute(
                insert,
                &[
                    &row.seq,
                    &e.id.as_str(),
                    &e.wallet_id.as_str(),
                    &e.kind.as_str(),
                    &e.currency.code(),
                    &e.amount.minor(),
                    &e.balance_before,
                    &e.balance_after,
                    &e.counterparty_id,
                    &e.description,
                    &e.reference_id,
                    &e.original_id.as_ref().map(|id| id.as_str()),
                    &e.freeze_id.as_ref().map(|id| id.as_str()),
                    &e.request,
                    &e.actor,
                    &e.created_at.to_string(),
                    &row.prev_hash,
                    &row.hash,
                    &row.wallet_seq,
                    &version,
                ],
            )?;
            self.import_postings(row.seq, &e.postings)?;
        }
        self.move_sequence_past("journal_entries")
    }

    fn import_postings(&self, seq: i64, postings: &[Posting]) -> Result<()> {
        for (idx, p) in postings.iter().enumerate() {
            let idx = i64::try_from(idx).map_err(Error::internal)?;
            self.execute(
                "INSERT INTO postings (entry_seq, idx, account, currency, amount_minor) VALUES ($1, $2, $3, $4, $5)",
                &[&seq, &idx, &p.account, &p.currency, &p.amount],
            )?;
        }
        Ok(())
    }

    /// A freeze in its final state, active, released or captured: inserted as a new one is, whose row
    /// holds every column as given.
    pub(super) fn import_freeze(&self, f: &Freeze) -> Result<()> {
        self.apply_freeze_change(&FreezeChange::Create(f.clone()))
    }

    /// A status change at its own seq; the wallet is left as it is (inserted in its final state).
    pub(super) fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()> {
        self.execute(
            "INSERT INTO wallet_status_changes (seq, wallet_id, from_status, to_status, reason, actor, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &seq,
                &change.wallet_id.as_str(),
                &change.from.as_str(),
                &change.to.as_str(),
                &change.reason,
                &change.actor,
                &change.created_at.to_string(),
            ],
        )?;
        self.move_sequence_past("wallet_status_changes")
    }

    /// Every kept response, by tenant, application, owner and key.
    pub(super) fn all_responses(&self) -> Result<Vec<IdempotentResponse>> {
        self.rows(
            "SELECT tenant_id, application_id, owner, key, fingerprint, status, response, token_id, created_at
             FROM idempotency_keys ORDER BY tenant_id, application_id, owner, key",
            &[],
            |r| {
                let status: i32 = r.try_get(5)?;
                Ok(IdempotentResponse {
                    scope: Scope {
                        tenant_id: r.try_get(0)?,
                        application_id: r.try_get(1)?,
                    },
                    owner: r.try_get(2)?,
                    key: r.try_get(3)?,
                    fingerprint: r.try_get(4)?,
                    status: u16::try_from(status).map_err(|_| {
                        Error::internal(format!("stored response status {status} is not an HTTP status"))
                    })?,
                    response: r.try_get(6)?,
                    token_id: r.try_get(7)?,
                    created_at: r.try_get(8)?,
                })
            },
        )
    }

    /// Moves `table`'s `seq` identity past its largest stored value (`table` is one of this
    /// file's constants, never a caller's text).
    fn move_sequence_past(&self, table: &str) -> Result<()> {
        self.one(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'seq'), GREATEST((SELECT MAX(seq) FROM {table}), 1))"
            ),
            &[],
        )?;
        Ok(())
    }
}
