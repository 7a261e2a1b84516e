//! The wire contract: the seeds' envelope and `dto.*` shapes, built from domain values.
//! Domain structs are never serialized directly; these are, with the seeds' field names.

use serde::Serialize;

use crate::error::Error;
use crate::ledger::model::{Entry, Freeze, StatusChange, Wallet};
use crate::ledger::money::Currency;
use crate::ledger::request::Paged;
use crate::ledger::token::Token;
use crate::ledger::verify::{Check, Report};
use crate::ops::{Outcome, TrialBalance};

/// The success envelope: `{"code","message","data","timestamp"}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Envelope<T: Serialize> {
    pub code: u16,
    pub message: String,
    pub data: T,
    pub timestamp: String,
}

impl<T: Serialize> Envelope<T> {
    pub fn ok(data: T, now: &str) -> Envelope<T> {
        Envelope::with_message("ok", data, now)
    }

    pub fn with_message(message: &str, data: T, now: &str) -> Envelope<T> {
        Envelope {
            code: 200,
            message: message.to_owned(),
            data,
            timestamp: now.to_owned(),
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
    pub fn new(error: &Error, now: &str) -> ErrorEnvelope {
        ErrorEnvelope {
            code: error.kind().http_status(),
            message: error.to_string(),
            error: error.code(),
            timestamp: now.to_owned(),
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
    pub fn new<U>(paged: &Paged<U>, view: impl Fn(&U) -> T, now: &str) -> ListEnvelope<T> {
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
            timestamp: now.to_owned(),
        }
    }
}

/// `dto.WalletResponse`, plus the upstream's `available_balance`.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct WalletView {
    pub wallet_id: String,
    pub tenant_id: String,
    pub application_id: String,
    pub user_id: String,
    pub currency: String,
    /// The total balance: what the operator owes the user.
    pub balance: String,
    pub frozen_balance: String,
    pub available_balance: String,
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
    /// With `wallet show --at`: the moment these balances are of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

impl From<&Wallet> for WalletView {
    fn from(w: &Wallet) -> WalletView {
        let c = w.currency;
        WalletView {
            wallet_id: w.id.clone(),
            tenant_id: w.tenant_id.clone(),
            application_id: w.application_id.clone(),
            user_id: w.user_id.clone(),
            currency: c.code().to_owned(),
            balance: c.format(w.balance()),
            frozen_balance: c.format(w.frozen),
            available_balance: c.format(w.available),
            status: w.status.as_str().to_owned(),
            created_at: w.created_at.clone(),
            updated_at: w.updated_at.clone(),
            as_of: None,
        }
    }
}

/// `dto.TransactionResponse`, plus what a refund needs: the original it refunds, and on a
/// refundable transaction how much of it has been refunded.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct TransactionView {
    pub id: String,
    pub wallet_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub amount: String,
    pub currency: String,
    pub balance_before: String,
    pub balance_after: String,
    /// Payments and their refunds; null otherwise.
    pub counterparty_id: Option<String>,
    /// What the caller wrote (deposit, payment, withdraw); a refund's and an unfreeze's name
    /// their original; a freeze's and an adjustment's is their reason. Null when none.
    pub description: Option<String>,
    /// Null when the request gave none.
    pub reference_id: Option<String>,
    /// The reason a refund, freeze, unfreeze or adjustment gave; null when none (always for
    /// deposits, payments and withdrawals).
    pub reason: Option<String>,
    #[schema(value_type = String, example = "completed")]
    pub status: &'static str,
    pub created_at: String,
    /// Refunds: the transaction refunded; null otherwise.
    pub original_transaction_id: Option<String>,
    /// Payments, withdrawals and deposits: how much has been refunded ("0.00" for none); null
    /// for the types that cannot be refunded.
    pub refunded_amount: Option<String>,
    /// Freezes and unfreezes: the freeze record; null otherwise.
    pub freeze_id: Option<String>,
}

impl TransactionView {
    pub fn new(e: &Entry, refunded: i64) -> TransactionView {
        let c: Currency = e.currency;
        TransactionView {
            id: e.id.clone(),
            wallet_id: e.wallet_id.clone(),
            kind: e.kind.as_str().to_owned(),
            amount: c.format(e.amount.minor()),
            currency: c.code().to_owned(),
            balance_before: c.format(e.balance_before),
            balance_after: c.format(e.balance_after),
            counterparty_id: e.counterparty_id.clone(),
            description: e.description.clone(),
            reference_id: e.reference_id.clone(),
            reason: e.reason(),
            // Every posted transaction is complete: there is no pending state in this ledger.
            status: "completed",
            created_at: e.created_at.clone(),
            original_transaction_id: e.original_id.clone(),
            refunded_amount: e.kind.is_refundable().then(|| c.format(refunded)),
            freeze_id: e.freeze_id.clone(),
        }
    }
}

/// A journal entry: its transaction fields and its postings (signed: "-50.00" is a credit).
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntryView {
    #[serde(flatten)]
    pub transaction: TransactionView,
    pub postings: Vec<PostingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostingView {
    pub account: String,
    pub currency: String,
    pub amount: String,
}

impl JournalEntryView {
    pub fn new(e: &Entry, refunded: i64) -> JournalEntryView {
        let postings = e
            .postings
            .iter()
            .map(|p| PostingView {
                account: p.account.clone(),
                currency: p.currency.clone(),
                amount: e.currency.format(p.amount),
            })
            .collect();
        JournalEntryView {
            transaction: TransactionView::new(e, refunded),
            postings,
        }
    }
}

/// One posting of the journal as a flat row, for tables and CSV.
#[derive(Debug, Default, Clone, Serialize)]
pub struct JournalPostingRow {
    pub created_at: String,
    pub transaction_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub wallet_id: String,
    pub account: String,
    pub currency: String,
    pub debit: String,
    pub credit: String,
}

impl JournalPostingRow {
    pub fn rows(entry: &JournalEntryView) -> Vec<JournalPostingRow> {
        let t = &entry.transaction;
        entry
            .postings
            .iter()
            .map(|p| {
                let (debit, credit) = match p.amount.strip_prefix('-') {
                    Some(credit) => (String::new(), credit.to_owned()),
                    None => (p.amount.clone(), String::new()),
                };
                JournalPostingRow {
                    created_at: t.created_at.clone(),
                    transaction_id: t.id.clone(),
                    kind: t.kind.clone(),
                    wallet_id: t.wallet_id.clone(),
                    account: p.account.clone(),
                    currency: p.currency.clone(),
                    debit,
                    credit,
                }
            })
            .collect()
    }
}

/// `dto.FreezeRecordResponse`.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct FreezeView {
    pub id: String,
    pub wallet_id: String,
    pub amount: String,
    pub reason: Option<String>,
    pub status: String,
    pub created_at: String,
    pub released_at: Option<String>,
    /// Why it was released (`unfreeze --reason`); null while active or when none was given.
    pub release_reason: Option<String>,
}

impl FreezeView {
    pub fn new(f: &Freeze, currency: Currency) -> FreezeView {
        FreezeView {
            id: f.id.clone(),
            wallet_id: f.wallet_id.clone(),
            amount: currency.format(f.amount.minor()),
            reason: f.reason.clone(),
            status: f.status.as_str().to_owned(),
            created_at: f.created_at.clone(),
            released_at: f.released_at.clone(),
            release_reason: f.release_reason.clone(),
        }
    }
}

/// A wallet status change: who, when, why, from and to.
#[derive(Debug, Default, Clone, Serialize)]
pub struct StatusChangeView {
    pub wallet_id: String,
    pub from_status: &'static str,
    pub to_status: &'static str,
    pub reason: String,
    pub actor: String,
    pub created_at: String,
}

impl From<&StatusChange> for StatusChangeView {
    fn from(c: &StatusChange) -> StatusChangeView {
        StatusChangeView {
            wallet_id: c.wallet_id.clone(),
            from_status: c.from.as_str(),
            to_status: c.to.as_str(),
            reason: c.reason.clone(),
            actor: c.actor.clone(),
            created_at: c.created_at.clone(),
        }
    }
}

/// `GET /healthz`: the ledger answers a read and the writer runs.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HealthView {
    #[schema(example = "ok")]
    pub status: String,
    /// Migrations applied to the ledger file.
    pub schema_version: i64,
}

/// A stored token: never its secret, which only `token create` prints, once.
#[derive(Debug, Default, Clone, Serialize)]
pub struct TokenView {
    pub id: String,
    /// `bearer` (Authorization header, public listener) or `internal` (X-API-Key, internal listener).
    pub kind: &'static str,
    pub tenant_id: String,
    pub application_id: String,
    pub user_id: Option<String>,
    /// `read` (GET routes) or `write` (every route).
    pub scope: &'static str,
    /// `active`, `expired` or `revoked`.
    pub status: &'static str,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub created_by: String,
    /// The label given with `token create --name`; `null` without one.
    pub name: Option<String>,
}

impl TokenView {
    pub fn new(t: &Token, now: &str) -> TokenView {
        TokenView {
            id: t.id.clone(),
            kind: t.kind.as_str(),
            tenant_id: t.scope.tenant_id.clone(),
            application_id: t.scope.application_id.clone(),
            user_id: t.user_id.clone(),
            scope: t.access.as_str(),
            status: t.state(now).as_str(),
            created_at: t.created_at.clone(),
            expires_at: t.expires_at.clone(),
            revoked_at: t.revoked_at.clone(),
            created_by: t.actor.clone(),
            name: t.name.clone(),
        }
    }
}

/// `token create`'s result: the token and its secret, shown this once. No `Debug`: the secret
/// must not reach a log line by accident.
#[derive(Serialize)]
pub struct CreatedTokenView {
    pub token: TokenView,
    pub secret: String,
}

/// The result of `wallet status USER STATUS`: the wallet now, and the change (null if none).
#[derive(Debug, Serialize)]
pub struct StatusResult {
    pub wallet: WalletView,
    pub status_change: Option<StatusChangeView>,
}

/// `dto.WithdrawResult` / `dto.RefundResult`: the transaction and the wallet after it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TransactionResult {
    pub transaction: TransactionView,
    pub wallet: WalletView,
}

/// `dto.FreezeResult` / `dto.UnfreezeResult`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FreezeResult {
    pub freeze: FreezeView,
    pub wallet: WalletView,
}

/// The `data` of an operation's envelope: a freeze or unfreeze returns the freeze record, every
/// other operation its transaction.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum OutcomeView {
    Transaction(TransactionResult),
    Freeze(FreezeResult),
}

impl From<&Outcome> for OutcomeView {
    fn from(o: &Outcome) -> OutcomeView {
        let wallet = WalletView::from(&o.wallet);
        match &o.freeze {
            Some(freeze) => OutcomeView::Freeze(FreezeResult {
                freeze: FreezeView::new(freeze, o.wallet.currency),
                wallet,
            }),
            None => OutcomeView::Transaction(TransactionResult {
                transaction: TransactionView::new(&o.entry, o.refunded),
                wallet,
            }),
        }
    }
}

/// The message of an operation's envelope: `replayed` when a `reference_id` repeat wrote nothing.
pub fn outcome_message(o: &Outcome) -> &'static str {
    if o.replayed {
        "replayed"
    } else {
        "ok"
    }
}

#[derive(Debug, Serialize)]
pub struct CheckView {
    pub name: &'static str,
    pub description: &'static str,
    pub ok: bool,
    pub checked: u64,
    pub problems_total: u64,
    pub problems: Vec<String>,
}

impl From<&Check> for CheckView {
    fn from(c: &Check) -> CheckView {
        CheckView {
            name: c.name,
            description: c.description,
            ok: c.ok(),
            checked: c.checked,
            problems_total: c.problems_total,
            problems: c.problems.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct VerifyView {
    pub ok: bool,
    pub entries: u64,
    pub wallets: u64,
    pub checks: Vec<CheckView>,
    /// The last entry: record `"{seq}:{hash}"` outside the file and pass it to `--anchor` later.
    pub head: Option<HeadView>,
}

#[derive(Debug, Serialize)]
pub struct HeadView {
    pub seq: i64,
    pub hash: String,
    pub anchor: String,
}

impl From<&Report> for VerifyView {
    fn from(r: &Report) -> VerifyView {
        VerifyView {
            ok: r.ok(),
            entries: r.entries,
            wallets: r.wallets,
            checks: r.checks.iter().map(CheckView::from).collect(),
            head: r.head.as_ref().map(|h| HeadView {
                seq: h.seq,
                hash: h.hash.clone(),
                anchor: format!("{}:{}", h.seq, h.hash),
            }),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TrialBalanceView {
    /// With `ledger trial-balance --at`: the moment these balances are of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub balanced: bool,
    pub accounts: Vec<AccountLineView>,
    pub totals: Vec<CurrencyTotalView>,
}

#[derive(Debug, Default, Serialize)]
pub struct AccountLineView {
    pub account: String,
    pub currency: String,
    pub debit: String,
    pub credit: String,
    /// On the account's normal side (debit for assets, credit for liabilities and equity).
    pub balance: String,
    pub normal_side: &'static str,
    /// A wallet's account: whose wallet it is (null for other accounts).
    pub tenant_id: Option<String>,
    pub application_id: Option<String>,
    pub user_id: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CurrencyTotalView {
    pub currency: String,
    pub debit: String,
    pub credit: String,
    pub balanced: bool,
}

impl From<&TrialBalance> for TrialBalanceView {
    fn from(tb: &TrialBalance) -> TrialBalanceView {
        let fmt = |currency: &str, minor: i128| format_wide(currency, minor);
        TrialBalanceView {
            as_of: tb.as_of.clone(),
            balanced: tb.balanced(),
            accounts: tb
                .lines
                .iter()
                .map(|l| AccountLineView {
                    account: l.account.clone(),
                    currency: l.currency.clone(),
                    debit: fmt(&l.currency, l.debit),
                    credit: fmt(&l.currency, l.credit),
                    balance: fmt(&l.currency, l.balance),
                    normal_side: match l.normal_side {
                        crate::ledger::model::NormalSide::Debit => "debit",
                        crate::ledger::model::NormalSide::Credit => "credit",
                    },
                    tenant_id: l.owner.as_ref().map(|o| o.tenant_id.clone()),
                    application_id: l.owner.as_ref().map(|o| o.application_id.clone()),
                    user_id: l.owner.as_ref().map(|o| o.user_id.clone()),
                })
                .collect(),
            totals: tb
                .totals
                .iter()
                .map(|t| CurrencyTotalView {
                    currency: t.currency.clone(),
                    debit: fmt(&t.currency, t.debit),
                    credit: fmt(&t.currency, t.credit),
                    balanced: t.debit == t.credit,
                })
                .collect(),
        }
    }
}

/// Formats a sum of minor units that may exceed `i64` (totals across many accounts).
pub fn format_wide(currency: &str, minor: i128) -> String {
    let exponent = currency.parse::<Currency>().map(Currency::exponent).unwrap_or(0);
    rust_decimal::Decimal::try_from_i128_with_scale(minor, exponent)
        .map(|d| d.to_string())
        .unwrap_or_else(|_| format!("{minor}e-{exponent}"))
}
