//! Withdrawal requests: stored as given, listed newest first, decided once.

use rusqlite::{params, OptionalExtension, Row};

use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::ids::{FreezeId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::Scope;
use crate::ledger::money::Amount;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest};
use crate::ledger::time::Timestamp;

/// A request's columns, in the order [`StoredRequest`] reads them on both backends.
pub(in crate::store) const REQUEST_COLUMNS: &str = "id, tenant_id, application_id, wallet_id, user_id, currency, \
     amount_minor, remark, reference_id, freeze_id, requested_by, requested_at, status, approved_by, decided_by, \
     decided_at, decision_remark, transaction_id";

/// The rows of a scope's list from `table`, `mark` each parameter's prefix (`?`, `$`): the
/// tenant (1) and the application (2), then the wallet and the status the filter names,
/// numbered on. Only the
/// conditions the filter names are written (not `?3 IS NULL OR …`), so that the planner seeks
/// on the wallet's index for a user's list and on the status within either index, which then
/// hands the rows in id order without a sort.
pub(in crate::store) fn list_where(table: &str, filter: &ReviewFilter, mark: char) -> String {
    let mut sql = format!("{table} WHERE tenant_id = {mark}1 AND application_id = {mark}2");
    let mut n = 2;
    for (column, named) in [
        ("wallet_id", filter.wallet_id.is_some()),
        ("status", filter.status.is_some()),
    ] {
        if named {
            n += 1;
            sql.push_str(&format!(" AND {column} = {mark}{n}"));
        }
    }
    sql
}

impl SqliteTx<'_> {
    pub(super) fn insert_withdrawal_request(&self, r: &WithdrawalRequest) -> Result<()> {
        let d = r.decision.as_ref();
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO withdrawal_requests ({REQUEST_COLUMNS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
            ))?
            .execute(params![
                r.id,
                r.scope.tenant_id,
                r.scope.application_id,
                r.wallet_id,
                r.user_id,
                r.currency.code(),
                r.amount.minor(),
                r.remark,
                r.reference_id,
                r.freeze_id,
                r.requested_by,
                r.requested_at,
                r.status.as_str(),
                d.and_then(|d| d.approved_by.as_deref()),
                d.map(|d| d.decided_by.as_str()),
                d.map(|d| d.decided_at),
                d.and_then(|d| d.remark.as_deref()),
                d.map(|d| &d.transaction_id),
            ])?;
        Ok(())
    }

    pub(super) fn withdrawal_request(&self, id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>> {
        self.request_where("id = ?1", id.as_str())
    }

    pub(super) fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>> {
        self.request_where("freeze_id = ?1", freeze_id.as_str())
    }

    fn request_where(&self, condition: &str, key: &str) -> Result<Option<WithdrawalRequest>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM withdrawal_requests WHERE {condition}");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![key], request_row)
            .optional()?
            .transpose()
    }

    pub(super) fn withdrawal_requests(
        &self,
        scope: &Scope,
        filter: &ReviewFilter,
        page: PageRequest,
    ) -> Result<Paged<WithdrawalRequest>> {
        let status = filter.status.map(ReviewStatus::as_str);
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&scope.tenant_id, &scope.application_id];
        if let Some(wallet_id) = &filter.wallet_id {
            params.push(wallet_id);
        }
        if let Some(status) = &status {
            params.push(status);
        }
        self.page_of(
            REQUEST_COLUMNS,
            &list_where(list_table(filter), filter, '?'),
            "id DESC",
            &params,
            page,
            request_row,
        )
    }

    /// The write lock every write transaction holds already keeps a rival from deciding the
    /// same request between this update's check and its write.
    pub(super) fn decide_withdrawal_request(
        &self,
        id: &WithdrawalRequestId,
        status: ReviewStatus,
        decision: &Decision,
    ) -> Result<bool> {
        decided_status(status)?;
        let changed = self
            .q()
            .prepare_cached(
                "UPDATE withdrawal_requests SET status = ?2, approved_by = ?3, decided_by = ?4, decided_at = ?5,
                     decision_remark = ?6, transaction_id = ?7
                 WHERE id = ?1 AND status = 'pending'",
            )?
            .execute(params![
                id,
                status.as_str(),
                decision.approved_by,
                decision.decided_by,
                decision.decided_at,
                decision.remark,
                decision.transaction_id,
            ])?;
        Ok(changed == 1)
    }

    pub(super) fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM withdrawal_requests ORDER BY id");
        self.rows(&sql, [], request_row)
    }
}

/// A user's list reads the wallet's index: SQLite, without statistics, would rather seek the
/// scope's index on the status too (one more column), then filter the whole scope's requests
/// of that status by wallet.
pub(super) fn list_table(filter: &ReviewFilter) -> &'static str {
    match filter.wallet_id {
        Some(_) => "withdrawal_requests INDEXED BY withdrawal_requests_wallet",
        None => "withdrawal_requests",
    }
}

/// A decision ends a request approved or rejected; "deciding" it pending is a caller's bug,
/// refused before the guard would refuse it as a broken ledger.
pub(in crate::store) fn decided_status(status: ReviewStatus) -> Result<()> {
    match status {
        ReviewStatus::Pending => Err(Error::internal("a withdrawal request is decided approved or rejected")),
        ReviewStatus::Approved | ReviewStatus::Rejected => Ok(()),
    }
}

fn request_row(r: &Row) -> rusqlite::Result<Result<WithdrawalRequest>> {
    let stored = StoredRequest {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        application_id: r.get(2)?,
        wallet_id: r.get(3)?,
        user_id: r.get(4)?,
        currency: r.get(5)?,
        amount_minor: r.get(6)?,
        remark: r.get(7)?,
        reference_id: r.get(8)?,
        freeze_id: r.get(9)?,
        requested_by: r.get(10)?,
        requested_at: r.get(11)?,
        status: r.get(12)?,
        approved_by: r.get(13)?,
        decided_by: r.get(14)?,
        decided_at: r.get(15)?,
        decision_remark: r.get(16)?,
        transaction_id: r.get(17)?,
    };
    Ok(stored.parsed())
}

/// A request's columns as either backend reads them, before its texts are parsed.
pub(in crate::store) struct StoredRequest {
    pub id: WithdrawalRequestId,
    pub tenant_id: String,
    pub application_id: String,
    pub wallet_id: WalletId,
    pub user_id: String,
    pub currency: String,
    pub amount_minor: i64,
    pub remark: Option<String>,
    pub reference_id: Option<String>,
    pub freeze_id: FreezeId,
    pub requested_by: String,
    pub requested_at: Timestamp,
    pub status: String,
    pub approved_by: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub decision_remark: Option<String>,
    pub transaction_id: Option<TransactionId>,
}

impl StoredRequest {
    /// The request, or a storage_integrity error for a row ledgerctl would not have written
    /// (the schema's checks refuse most such rows already).
    pub(in crate::store) fn parsed(self) -> Result<WithdrawalRequest> {
        let broken = |what: String| Error::StorageIntegrity {
            message: format!("withdrawal request {}: {what}", self.id),
        };
        let status: ReviewStatus = self
            .status
            .parse()
            .map_err(|_| broken(format!("unknown status {:?}", self.status)))?;
        let currency = self
            .currency
            .parse()
            .map_err(|_| broken(format!("unknown currency {:?}", self.currency)))?;
        let amount = Amount::from_stored(self.amount_minor)
            .ok_or_else(|| broken(format!("amount {} is not positive", self.amount_minor)))?;
        let decision = match (self.decided_by, self.decided_at, self.transaction_id) {
            (None, None, None) => None,
            (Some(decided_by), Some(decided_at), Some(transaction_id)) => Some(Decision {
                decided_by,
                approved_by: self.approved_by,
                remark: self.decision_remark,
                decided_at,
                transaction_id,
            }),
            _ => return Err(broken("its decision is stored in part".into())),
        };
        if decision.is_some() == (status == ReviewStatus::Pending) {
            return Err(broken(format!("{status} with a decision that does not fit it")));
        }
        Ok(WithdrawalRequest {
            id: self.id,
            scope: Scope {
                tenant_id: self.tenant_id,
                application_id: self.application_id,
            },
            wallet_id: self.wallet_id,
            user_id: self.user_id,
            currency,
            amount,
            remark: self.remark,
            reference_id: self.reference_id,
            freeze_id: self.freeze_id,
            requested_by: self.requested_by,
            requested_at: self.requested_at,
            status,
            decision,
        })
    }
}
