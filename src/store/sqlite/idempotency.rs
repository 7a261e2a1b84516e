//! What makes a retry safe: `reference_id`s unique per wallet and operation, and the
//! responses kept for HTTP `Idempotency-Key`s.

use rusqlite::{params, ErrorCode, OptionalExtension};

use super::journal::{entry_row, ENTRY_COLUMNS};
use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Entry, Scope, TxType};
use crate::store::error::StoreError;
use crate::store::IdempotentResponse;

impl SqliteTx<'_> {
    /// The earlier entry of this operation with this `reference_id` on this wallet, if any.
    pub(super) fn entry_by_reference(
        &self,
        wallet_id: &WalletId,
        kind: TxType,
        reference_id: &str,
    ) -> Result<Option<Entry>> {
        let row = self
            .q()
            .prepare_cached(&entry_by_reference_sql())?
            .query_row(params![wallet_id, reference_group(kind), reference_id], entry_row)
            .optional()?;
        self.with_postings(row)
    }

    pub(super) fn unique_reference_or(&self, err: rusqlite::Error, e: &Entry) -> Error {
        // The idempotency check runs under the same write lock, so this is a second line of
        // defence: report it as the conflict it is rather than as a storage failure.
        if err.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) && e.reference_id.is_some() {
            if let Ok(Some(previous)) =
                self.entry_by_reference(&e.wallet_id, e.kind, e.reference_id.as_deref().unwrap_or_default())
            {
                return Error::ReferenceConflict {
                    reference_id: previous.reference_id.unwrap_or_default(),
                    operation: previous.kind,
                    wallet_id: previous.wallet_id,
                    transaction_id: previous.id,
                };
            }
        }
        StoreError::lock(self.lock_timeout_ms, err).into()
    }

    /// The stored response of an earlier request with this key: (fingerprint, status, body).
    pub(super) fn idempotent_response(
        &self,
        scope: &Scope,
        owner: &str,
        key: &str,
    ) -> Result<Option<(String, u16, Vec<u8>)>> {
        Ok(self
            .q()
            .prepare_cached(
                "SELECT fingerprint, status, response FROM idempotency_keys
                 WHERE tenant_id = ?1 AND application_id = ?2 AND owner = ?3 AND key = ?4",
            )?
            .query_row(params![scope.tenant_id, scope.application_id, owner, key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    pub(super) fn record_response(&self, record: &IdempotentResponse) -> Result<()> {
        self.q()
            .prepare_cached(
                "INSERT INTO idempotency_keys
                   (tenant_id, application_id, owner, key, fingerprint, status, response, token_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                record.scope.tenant_id,
                record.scope.application_id,
                record.owner,
                record.key,
                record.fingerprint,
                record.status,
                record.response,
                record.token_id,
                record.created_at
            ])?;
        Ok(())
    }

    /// Every kept response, in primary key order.
    pub(super) fn all_responses(&self) -> Result<Vec<IdempotentResponse>> {
        self.rows(
            "SELECT tenant_id, application_id, owner, key, fingerprint, status, response, token_id, created_at
             FROM idempotency_keys ORDER BY tenant_id, application_id, owner, key",
            [],
            |r| {
                Ok(Ok(IdempotentResponse {
                    scope: Scope {
                        tenant_id: r.get(0)?,
                        application_id: r.get(1)?,
                    },
                    owner: r.get(2)?,
                    key: r.get(3)?,
                    fingerprint: r.get(4)?,
                    status: r.get(5)?,
                    response: r.get(6)?,
                    token_id: r.get(7)?,
                    created_at: r.get(8)?,
                }))
            },
        )
    }
}

/// The operation a `reference_id` is unique within: both adjust directions are one operation.
/// Must match the expression of the `journal_entries_reference` index.
pub(in crate::store) const REFERENCE_GROUP_SQL: &str =
    "(CASE kind WHEN 'adjust_debit' THEN 'adjust_credit' ELSE kind END)";

pub(in crate::store) fn reference_group(kind: TxType) -> &'static str {
    match kind {
        TxType::AdjustDebit => TxType::AdjustCredit.as_str(),
        other => other.as_str(),
    }
}

/// Spelled with the index's own expression, so it is one index lookup, not a scan of the
/// wallet's whole history (which made long batches quadratic).
pub(super) fn entry_by_reference_sql() -> String {
    format!(
        "SELECT {ENTRY_COLUMNS} FROM journal_entries
         WHERE wallet_id = ?1 AND {REFERENCE_GROUP_SQL} = ?2 AND reference_id = ?3 AND reference_id IS NOT NULL"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sqlite::schema;

    #[test]
    fn adjust_directions_share_a_reference_group_like_the_index() {
        assert_eq!(
            reference_group(TxType::AdjustDebit),
            reference_group(TxType::AdjustCredit)
        );
        assert_eq!(reference_group(TxType::Refund), "refund");
        assert!(
            schema::MIGRATIONS[0].contains(REFERENCE_GROUP_SQL),
            "the index and the query must spell it alike"
        );
    }
}
