//! The daily reconciliation: upstream's `dto.ReconciliationDetail` and
//! `dto.ReconciliationRecord`, plus what a finance team needs that upstream lacks.

use serde::Serialize;

use crate::ledger::reconcile::statement::{StatementMatch, Verdict};
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
    /// The day runs from midnight to midnight in this timezone: the tenant's and application's
    /// policy timezone, UTC without a policy.
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
            timezone: r.day.timezone.name(),
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

/// The statement match (`ledger reconcile --statement`): the period, the count of each verdict
/// and a row per statement line or unpaired ledger entry.
#[derive(Debug, Serialize)]
pub struct StatementMatchView {
    pub currency: String,
    pub from: String,
    pub to: String,
    /// Every line paired with an entry of the same amount, and every entry with a line.
    pub ok: bool,
    pub matched: usize,
    pub missing_in_ledger: usize,
    pub missing_in_statement: usize,
    pub amount_mismatches: usize,
    /// Statement lines dated outside the period, left out.
    pub outside_period: usize,
    pub rows: Vec<StatementRowView>,
}

/// One statement line or ledger entry and what became of it; amounts signed as the settlement
/// account moved (positive: money received).
#[derive(Debug, Default, Serialize)]
pub struct StatementRowView {
    /// `matched`, `missing_in_ledger`, `missing_in_statement` or `amount_mismatch`.
    pub status: &'static str,
    pub reference: Option<String>,
    /// The statement line's date, else the entry's (UTC).
    pub date: String,
    pub statement_amount: Option<String>,
    pub ledger_amount: Option<String>,
    /// The statement's line (the header is line 1).
    pub line: Option<u64>,
    pub transaction_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<&'static str>,
    pub user_id: Option<String>,
}

impl From<&StatementMatch> for StatementMatchView {
    fn from(m: &StatementMatch) -> StatementMatchView {
        let money = |minor: i64| format_minor(m.currency, minor.into());
        let rows = m
            .rows
            .iter()
            .map(|r| StatementRowView {
                status: r.verdict.as_str(),
                reference: r
                    .line
                    .as_ref()
                    .map(|l| l.reference.clone())
                    .or_else(|| r.item.as_ref().and_then(|i| i.reference.clone())),
                date: r
                    .line
                    .as_ref()
                    .map(|l| l.date)
                    .or(r.item.as_ref().map(|i| i.date))
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                statement_amount: r.line.as_ref().map(|l| money(l.amount)),
                ledger_amount: r.item.as_ref().map(|i| money(i.amount)),
                line: r.line.as_ref().map(|l| l.line),
                transaction_id: r.item.as_ref().map(|i| i.id.to_string()),
                kind: r.item.as_ref().map(|i| i.kind.as_str()),
                user_id: r.item.as_ref().map(|i| i.user_id.clone()),
            })
            .collect();
        StatementMatchView {
            currency: m.currency.code().to_owned(),
            from: m.from.to_string(),
            to: m.to.to_string(),
            ok: m.ok(),
            matched: m.count(Verdict::Matched),
            missing_in_ledger: m.count(Verdict::MissingInLedger),
            missing_in_statement: m.count(Verdict::MissingInStatement),
            amount_mismatches: m.count(Verdict::AmountMismatch),
            outside_period: m.outside,
            rows,
        }
    }
}
