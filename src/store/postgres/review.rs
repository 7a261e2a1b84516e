//! Withdrawal requests: stored as given, listed newest first, decided once.

use ::postgres::types::ToSql;
use ::postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::{FreezeId, WithdrawalRequestId};
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest};
use crate::ledger::time::Timestamp;
use crate::store::sqlite::review::{decided_status, list_where, StoredRequest, REQUEST_COLUMNS};

impl PgTx<'_> {
    pub(super) fn insert_withdrawal_request(&self, r: &WithdrawalRequest) -> Result<()> {
        let d = r.decision.as_ref();
        self.execute(
            &format!(
                "INSERT INTO withdrawal_requests ({REQUEST_COLUMNS}) VALUES \
                 ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
            ),
            &[
                &r.id.as_str(),
                &r.scope.tenant_id,
                &r.scope.application_id,
                &r.wallet_id.as_str(),
                &r.user_id,
                &r.currency.code(),
                &r.amount.minor(),
                &r.remark,
                &r.reference_id,
                &r.freeze_id.as_str(),
                &r.requested_by,
                &r.requested_at.to_string(),
                &r.status.as_str(),
                &d.and_then(|d| d.approved_by.as_deref()),
                &d.map(|d| d.decided_by.as_str()),
                &d.map(|d| d.decided_at.to_string()),
                &d.and_then(|d| d.remark.as_deref()),
                &d.map(|d| d.transaction_id.as_str()),
            ],
        )?;
        Ok(())
    }

    pub(super) fn withdrawal_request(&self, id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>> {
        self.request_where("id = $1", id.as_str())
    }

    pub(super) fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>> {
        self.request_where("freeze_id = $1", freeze_id.as_str())
    }

    /// An id PostgreSQL cannot store (a NUL in it) names no row, as in SQLite.
    fn request_where(&self, condition: &str, key: &str) -> Result<Option<WithdrawalRequest>> {
        if !Self::storable(key) {
            return Ok(None);
        }
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM withdrawal_requests WHERE {condition}");
        self.first(&sql, &[&key], request_row)
    }

    pub(super) fn withdrawal_requests(
        &self,
        scope: &Scope,
        filter: &ReviewFilter,
        page: PageRequest,
    ) -> Result<Paged<WithdrawalRequest>> {
        let wallet = filter.wallet_id.as_ref().map(|w| w.as_str());
        if !wallet.is_none_or(Self::storable) {
            return Ok(Paged {
                items: Vec::new(),
                total: 0,
                page,
            });
        }
        let status = filter.status.map(ReviewStatus::as_str);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&scope.tenant_id, &scope.application_id];
        if let Some(wallet_id) = &wallet {
            params.push(wallet_id);
        }
        if let Some(status) = &status {
            params.push(status);
        }
        self.page_of(
            REQUEST_COLUMNS,
            &list_where("withdrawal_requests", filter, '$'),
            "id DESC",
            &params,
            page,
            request_row,
        )
    }

    /// Of two transactions deciding one request at once, the second's UPDATE waits on the
    /// first's row lock, then (READ COMMITTED rechecks the row) finds it no longer pending
    /// and changes nothing: it answers false.
    pub(super) fn decide_withdrawal_request(
        &self,
        id: &WithdrawalRequestId,
        status: ReviewStatus,
        decision: &Decision,
    ) -> Result<bool> {
        decided_status(status)?;
        let changed = self.execute(
            "UPDATE withdrawal_requests SET status = $2, approved_by = $3, decided_by = $4, decided_at = $5,
                 decision_remark = $6, transaction_id = $7
             WHERE id = $1 AND status = 'pending'",
            &[
                &id.as_str(),
                &status.as_str(),
                &decision.approved_by,
                &decision.decided_by,
                &decision.decided_at.to_string(),
                &decision.remark,
                &decision.transaction_id.as_str(),
            ],
        )?;
        Ok(changed == 1)
    }

    pub(super) fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM withdrawal_requests ORDER BY id");
        self.rows(&sql, &[], request_row)
    }
}

fn request_row(r: &Row) -> Result<WithdrawalRequest> {
    StoredRequest {
        id: r.try_get(0)?,
        tenant_id: r.try_get(1)?,
        application_id: r.try_get(2)?,
        wallet_id: r.try_get(3)?,
        user_id: r.try_get(4)?,
        currency: r.try_get(5)?,
        amount_minor: r.try_get(6)?,
        remark: r.try_get(7)?,
        reference_id: r.try_get(8)?,
        freeze_id: r.try_get(9)?,
        requested_by: r.try_get(10)?,
        requested_at: r.try_get(11)?,
        status: r.try_get(12)?,
        approved_by: r.try_get(13)?,
        decided_by: r.try_get(14)?,
        decided_at: r.try_get::<_, Option<Timestamp>>(15)?,
        decision_remark: r.try_get(16)?,
        transaction_id: r.try_get(17)?,
    }
    .parsed()
}
