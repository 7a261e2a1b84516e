//! The daily reconciliation: upstream's `dto.ReconciliationDetail` and
//! `dto.ReconciliationRecord`, plus what a finance team needs that upstream lacks.

use serde::Serialize;

use crate::ledger::reconcile::{format_minor, Reconciliation, WalletDay};

/// `dto.ReconciliationDetail`, plus the application, the timezone the day is counted in and
/// the verdict: `ok` is false when any wallet's day does not reconcile (each such record
/// states its mismatch).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReconciliationView {
    #[schema(example = "2026-04-14")]
    pub date: String,
    #[schema(example = "tnt_xyz789")]
    pub tenant_id: String,
    pub application_id: String,
    /// The day runs from midnight to midnight in this timezone: UTC (a policy's timezone will
    /// replace it once policies exist).
    #[schema(example = "UTC")]
    pub timezone: &'static str,
    /// The wallets reported: every wallet of the tenant and application opened by the day's end.
    pub wallet_count: u64,
    /// Every wallet's day reconciles.
    pub ok: bool,
    /// How many wallets' days do not.
    pub failed_count: u64,
    pub records: Vec<ReconciliationRecordView>,
}

/// `dto.ReconciliationRecord`, plus the currency, payments, refunds out of the wallet,
/// adjustments and the verdict. Amounts are never negative; the closing balance is the opening
/// plus deposits, refunds, transfers in and credit adjustments, less withdrawals, payments,
/// refunds of deposits, transfers out and debit adjustments.
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ReconciliationRecordView {
    #[schema(example = "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV")]
    pub wallet_id: String,
    #[schema(example = "usr_abc123")]
    pub user_id: String,
    #[schema(example = "CNY")]
    pub currency: String,
    /// The total balance (available + frozen) at the day's start, from the journal's postings.
    #[schema(example = "1000.00")]
    pub opening_balance: String,
    /// The total balance at the day's end, from the journal's postings.
    #[schema(example = "1200.00")]
    pub closing_balance: String,
    pub total_deposit: String,
    pub total_withdraw: String,
    /// Refunds into the wallet (of payments and withdrawals).
    pub total_refund: String,
    pub total_transfer_in: String,
    pub total_transfer_out: String,
    pub total_payment: String,
    /// Refunds out of the wallet (of deposits).
    pub total_deposit_refund: String,
    pub total_adjust_credit: String,
    pub total_adjust_debit: String,
    /// The day's entries, freezes and unfreezes included (they move nothing between the
    /// available and frozen parts' total).
    pub transaction_count: u64,
    /// The day reconciles: each entry starts where the one before it ended, its recorded
    /// balances agree with its postings, and `closing = opening + movements`.
    pub ok: bool,
    /// The first disagreement found; null when the day reconciles.
    #[schema(nullable, value_type = Option<String>)]
    pub mismatch: Option<String>,
}

impl From<&Reconciliation> for ReconciliationView {
    fn from(r: &Reconciliation) -> ReconciliationView {
        let records: Vec<ReconciliationRecordView> = r.records.iter().map(ReconciliationRecordView::from).collect();
        ReconciliationView {
            date: r.day.text(),
            tenant_id: r.scope.tenant_id.clone(),
            application_id: r.scope.application_id.clone(),
            timezone: "UTC",
            wallet_count: records.len() as u64,
            ok: r.ok(),
            failed_count: records.iter().filter(|record| !record.ok).count() as u64,
            records,
        }
    }
}

impl From<&WalletDay> for ReconciliationRecordView {
    fn from(day: &WalletDay) -> ReconciliationRecordView {
        let money = |minor: i128| format_minor(day.wallet.currency, minor);
        let t = &day.totals;
        ReconciliationRecordView {
            wallet_id: day.wallet.id.to_string(),
            user_id: day.wallet.user_id.clone(),
            currency: day.wallet.currency.code().to_owned(),
            opening_balance: money(day.opening.into()),
            closing_balance: money(day.closing.into()),
            total_deposit: money(t.deposit),
            total_withdraw: money(t.withdraw),
            total_refund: money(t.refund),
            total_transfer_in: money(t.transfer_in),
            total_transfer_out: money(t.transfer_out),
            total_payment: money(t.payment),
            total_deposit_refund: money(t.deposit_refund),
            total_adjust_credit: money(t.adjust_credit),
            total_adjust_debit: money(t.adjust_debit),
            transaction_count: day.count,
            ok: day.ok(),
            mismatch: day.mismatch.clone(),
        }
    }
}
