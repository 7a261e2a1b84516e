//! The wire contract: the seeds' envelope and `dto.*` shapes, built from domain values.
//! Domain structs are never serialized directly; these are, with the seeds' field names.

mod ledger;
mod policy;
mod reconcile;
mod review;
mod snapshot;
mod token;
mod transaction;
mod wallet;

use serde::Serialize;

use crate::error::Classified;
use crate::ledger::request::Paged;
use crate::ledger::time::Timestamp;

pub use ledger::{
    format_wide, AccountLineView, CheckView, CurrencyTotalView, HeadView, HealthView, SealView, TrialBalanceView,
    VerifyView, WalletIntegrityView,
};
pub use policy::{PolicyChangeView, PolicyView};
pub use reconcile::{ReconciliationRecordView, ReconciliationView, StatementMatchView, StatementRowView};
pub use review::WithdrawalRequestView;
pub use snapshot::{snapshot_envelope, SnapshotCreateView, WalletSnapshotView};
pub use token::{CreatedTokenView, TokenView};
pub use transaction::{
    outcome_message, CaptureResult, JournalEntryView, JournalPostingRow, OutcomeView, PostingView, TransactionResult,
    TransactionView, TransferResult,
};
pub use wallet::{
    BalanceView, BatchErrorView, BatchFreezeItemView, BatchFreezeView, BatchUnfreezeItemView, BatchUnfreezeView,
    FreezeResult, FreezeRow, FreezeView, StatusChangeView, StatusResult, WalletView,
};

/// The success envelope: `{"code","message","data","timestamp"}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Envelope<T: Serialize> {
    pub code: u16,
    pub message: String,
    pub data: T,
    pub timestamp: String,
}

impl<T: Serialize> Envelope<T> {
    pub fn ok(data: T, now: Timestamp) -> Envelope<T> {
        Envelope::with_message("ok", data, now)
    }

    /// A 201: what a route that creates something answers.
    pub fn created(data: T, now: Timestamp) -> Envelope<T> {
        Envelope {
            code: 201,
            ..Envelope::with_message("created", data, now)
        }
    }

    pub fn with_message(message: &str, data: T, now: Timestamp) -> Envelope<T> {
        Envelope {
            code: 200,
            message: message.to_owned(),
            data,
            timestamp: now.to_string(),
        }
    }
}

/// The error envelope (`SimpleResponse`), with a stable `error` string for programs.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorEnvelope {
    pub code: u16,
    pub message: String,
    /// Stable and machine-readable, e.g. `insufficient_balance`.
    #[schema(value_type = String, example = "insufficient_balance")]
    pub error: &'static str,
    pub timestamp: String,
}

impl ErrorEnvelope {
    /// Any layer's error: the domain's, or one only the server meets.
    pub fn new(error: &impl Classified, now: Timestamp) -> ErrorEnvelope {
        ErrorEnvelope {
            code: error.kind().http_status(),
            message: error.to_string(),
            error: error.code(),
            timestamp: now.to_string(),
        }
    }
}

/// One line of `batch` output: `{"line": N, …the envelope…}`.
#[derive(Debug, Serialize)]
pub struct BatchLineView<T: Serialize> {
    pub line: u64,
    #[serde(flatten)]
    pub envelope: T,
}

/// The upstream's list response: items at the top level, with pagination.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListEnvelope<T: Serialize> {
    pub code: u16,
    pub message: String,
    pub items: Vec<T>,
    pub total: u64,
    pub pagination: Pagination,
    /// HTTP transaction lists: pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    pub timestamp: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Pagination {
    pub page: u32,
    pub page_size: u32,
    pub total: u64,
    pub total_pages: u64,
    pub has_next: bool,
    pub has_prev: bool,
}

impl<T: Serialize> ListEnvelope<T> {
    pub fn new<U>(paged: &Paged<U>, view: impl Fn(&U) -> T, now: Timestamp) -> ListEnvelope<T> {
        let page_size = u64::from(paged.page.page_size);
        let total_pages = paged.total.div_ceil(page_size);
        let page = u64::from(paged.page.page);
        ListEnvelope {
            code: 200,
            message: "ok".to_owned(),
            items: paged.items.iter().map(view).collect(),
            total: paged.total,
            pagination: Pagination {
                page: paged.page.page,
                page_size: paged.page.page_size,
                total: paged.total,
                total_pages,
                has_next: page < total_pages,
                has_prev: page > 1,
            },
            next_cursor: None,
            timestamp: now.to_string(),
        }
    }
}
