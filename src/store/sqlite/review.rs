//! Withdrawal requests: STUB until the store half lands (the helper's branch replaces this file).

use super::SqliteTx;
use crate::error::Result;
use crate::ledger::ids::{FreezeId, WithdrawalRequestId};
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest};

impl SqliteTx<'_> {
    pub(super) fn insert_withdrawal_request(&self, _request: &WithdrawalRequest) -> Result<()> {
        todo!()
    }
    pub(super) fn withdrawal_request(&self, _id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>> {
        todo!()
    }
    pub(super) fn withdrawal_request_of_freeze(&self, _freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>> {
        todo!()
    }
    pub(super) fn withdrawal_requests(
        &self,
        _scope: &Scope,
        _filter: &ReviewFilter,
        _page: PageRequest,
    ) -> Result<Paged<WithdrawalRequest>> {
        todo!()
    }
    pub(super) fn decide_withdrawal_request(
        &self,
        _id: &WithdrawalRequestId,
        _status: ReviewStatus,
        _decision: &Decision,
    ) -> Result<bool> {
        todo!()
    }
    pub(super) fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>> {
        todo!()
    }
}
