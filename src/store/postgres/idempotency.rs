//! What makes a retry safe: `reference_id`s unique per wallet and operation, and the
//! responses kept for HTTP `Idempotency-Key`s. Both are unique indexes, so a duplicate is
//! refused by the database across every server; each refusal is answered as SQLite's is.

use super::journal::{entry_row, ENTRY_COLUMNS};
use super::PgTx;
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Entry, Scope, TxType};
use crate::store::sqlite::idempotency::{reference_group, REFERENCE_GROUP_SQL};
use crate::store::IdempotentResponse;

/// A duplicate of another session's row, committed while this transaction ran or not yet
/// committed. The request, run again, finds it.
fn concurrent_duplicate() -> Error {
    Error::Retry {
        sqlstate: ::postgres::error::SqlState::UNIQUE_VIOLATION.code().to_owned(),
    }
}

impl PgTx<'_> {
    /// The earlier entry of this operation with this `reference_id` on this wallet, if any.
    pub(super) fn entry_by_reference(
        &self,
        wallet_id: &WalletId,
        kind: TxType,
        reference_id: &str,
    ) -> Result<Option<Entry>> {
        // Spelled with the index's own expression, so it is one index lookup.
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM journal_entries
             WHERE wallet_id = $1 AND {REFERENCE_GROUP_SQL} = $2 AND reference_id = $3 AND reference_id IS NOT NULL"
        );
        let row = self.first(
            &sql,
            &[&wallet_id.as_str(), &reference_group(kind), &reference_id],
            entry_row,
        )?;
        self.with_postings(row)
    }

    /// Why a unique index refused entry `e`: the earlier entry with its reference, as the
    /// conflict it is (the idempotency check runs first; this is the second line of defence),
    /// else another session's entry this transaction cannot see.
    pub(super) fn duplicate_entry(&self, e: &Entry) -> Error {
        let Some(reference_id) = e.reference_id.as_deref() else {
            return concurrent_duplicate();
        };
        match self.entry_by_reference(&e.wallet_id, e.kind, reference_id) {
            Ok(Some(previous)) => Error::ReferenceConflict {
                reference_id: previous.reference_id.unwrap_or_default(),
                operation: previous.kind,
                wallet_id: previous.wallet_id,
                transaction_id: previous.id,
            },
            Ok(None) => concurrent_duplicate(),
            Err(e) => e,
        }
    }

    /// The stored response of an earlier request with this key: (fingerprint, status, body).
    pub(super) fn idempotent_response(
        &self,
        scope: &Scope,
        owner: &str,
        key: &str,
    ) -> Result<Option<(String, u16, Vec<u8>)>> {
        let found = self.first(
            "SELECT fingerprint, status, response FROM idempotency_keys
             WHERE tenant_id = $1 AND application_id = $2 AND owner = $3 AND key = $4",
            &[&scope.tenant_id, &scope.application_id, &owner, &key],
            |r| Ok((r.try_get(0)?, r.try_get::<_, i32>(1)?, r.try_get(2)?)),
        )?;
        found
            .map(|(fingerprint, status, body)| {
                let status = u16::try_from(status)
                    .map_err(|_| Error::internal(format!("stored response status {status} is not an HTTP status")))?;
                Ok((fingerprint, status, body))
            })
            .transpose()
    }

    pub(super) fn record_response(&self, record: &IdempotentResponse) -> Result<()> {
        let status = i32::from(record.status);
        let created_at = record.created_at.to_string();
        let statement = self.prepared(
            "INSERT INTO idempotency_keys
               (tenant_id, application_id, owner, key, fingerprint, status, response, token_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )?;
        let inserted = self.unless_duplicate(|tx| {
            tx.execute(
                &statement,
                &[
                    &record.scope.tenant_id,
                    &record.scope.application_id,
                    &record.owner,
                    &record.key,
                    &record.fingerprint,
                    &status,
                    &record.response,
                    &record.token_id.as_str(),
                    &created_at,
                ],
            )
        })?;
        match inserted {
            Some(_) => Ok(()),
            // Keys are per caller, not per wallet, so the wallet's lock does not keep out a
            // request with the same key on another wallet: it may have committed while this one
            // ran, and under READ COMMITTED is already visible. Run again, this request finds
            // its record and replays it, or is refused for another body.
            None => Err(concurrent_duplicate()),
        }
    }
}
