//! Wallets, their freeze records and status changes.

use serde::Serialize;

use crate::error::Error;
use crate::ledger::model::{Freeze, StatusChange, Wallet};
use crate::ledger::money::Currency;
use crate::ops::{BatchFrozen, BatchUnfrozen, StatusOutcome};

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
            wallet_id: w.id.to_string(),
            tenant_id: w.tenant_id.clone(),
            application_id: w.application_id.clone(),
            user_id: w.user_id.clone(),
            currency: c.code().to_owned(),
            balance: c.format(w.balance()),
            frozen_balance: c.format(w.frozen),
            available_balance: c.format(w.available),
            status: w.status.as_str().to_owned(),
            created_at: w.created_at.to_string(),
            updated_at: w.updated_at.to_string(),
            as_of: None,
        }
    }
}

/// `dto.BalanceResponse`: a wallet's three balances and nothing else.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct BalanceView {
    #[schema(example = "wlt_01JH4Q3V8Z6X2C5N7B9M1K0P3R")]
    pub wallet_id: String,
    /// The total balance: what the operator owes the user.
    #[schema(example = "1000.00")]
    pub balance: String,
    #[schema(example = "100.00")]
    pub frozen_balance: String,
    /// `balance` − `frozen_balance`: what may be spent.
    #[schema(example = "900.00")]
    pub available_balance: String,
}

impl From<&Wallet> for BalanceView {
    fn from(w: &Wallet) -> BalanceView {
        let c = w.currency;
        BalanceView {
            wallet_id: w.id.to_string(),
            balance: c.format(w.balance()),
            frozen_balance: c.format(w.frozen),
            available_balance: c.format(w.available),
        }
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
    /// A captured freeze's captured amount (the rest of `amount` was released); absent unless
    /// `status` is `captured`, so the records of freezes that cannot be captured read as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "60.00")]
    pub captured_amount: Option<String>,
    /// When it was captured; absent unless `status` is `captured`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "2026-04-15T00:00:00Z")]
    pub captured_at: Option<String>,
}

impl FreezeView {
    pub fn new(f: &Freeze, currency: Currency) -> FreezeView {
        FreezeView {
            id: f.id.to_string(),
            wallet_id: f.wallet_id.to_string(),
            amount: currency.format(f.amount.minor()),
            reason: f.reason.clone(),
            status: f.status.as_str().to_owned(),
            created_at: f.created_at.to_string(),
            released_at: f.released_at.map(|t| t.to_string()),
            release_reason: f.release_reason.clone(),
            captured_amount: f.captured.map(|c| currency.format(c.amount.minor())),
            captured_at: f.captured.map(|c| c.at.to_string()),
        }
    }
}

/// A freeze record as a row of `wallet freezes -o csv`: the columns that list has always had,
/// so scripts reading it by position keep working; a captured freeze's amount and time are in
/// its JSON record and its capture's transaction.
#[derive(Debug, Default, Clone, Serialize)]
pub struct FreezeRow {
    pub id: String,
    pub wallet_id: String,
    pub amount: String,
    pub reason: Option<String>,
    pub status: String,
    pub created_at: String,
    pub released_at: Option<String>,
    pub release_reason: Option<String>,
}

impl From<&FreezeView> for FreezeRow {
    fn from(f: &FreezeView) -> FreezeRow {
        FreezeRow {
            id: f.id.clone(),
            wallet_id: f.wallet_id.clone(),
            amount: f.amount.clone(),
            reason: f.reason.clone(),
            status: f.status.clone(),
            created_at: f.created_at.clone(),
            released_at: f.released_at.clone(),
            release_reason: f.release_reason.clone(),
        }
    }
}

/// A wallet status change: who, when, why, from and to.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
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
            wallet_id: c.wallet_id.to_string(),
            from_status: c.from.as_str(),
            to_status: c.to.as_str(),
            reason: c.reason.clone(),
            actor: c.actor.clone(),
            created_at: c.created_at.to_string(),
        }
    }
}

/// The result of `wallet status USER STATUS`: the wallet now, and the change (null if none).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatusResult {
    pub wallet: WalletView,
    pub status_change: Option<StatusChangeView>,
}

impl From<&StatusOutcome> for StatusResult {
    fn from(outcome: &StatusOutcome) -> StatusResult {
        StatusResult {
            wallet: WalletView::from(&outcome.wallet),
            status_change: outcome.change.as_ref().map(StatusChangeView::from),
        }
    }
}

impl StatusResult {
    /// The envelope's message: `unchanged` when the wallet already had the status.
    pub fn message(&self) -> &'static str {
        if self.status_change.is_some() {
            "ok"
        } else {
            "unchanged"
        }
    }
}

/// `dto.FreezeResult` / `dto.UnfreezeResult`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FreezeResult {
    pub freeze: FreezeView,
    pub wallet: WalletView,
}

/// `POST /admin/wallets/batch-freeze`: upstream's `frozen_count`, and what became of each user.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchFreezeView {
    #[schema(example = 5)]
    pub frozen_count: u64,
    /// One per user, in the order of `user_ids`.
    pub results: Vec<BatchFreezeItemView>,
}

/// One user's freeze: made (`freeze` and `wallet`), or refused (`error`; nothing was written
/// for this user).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchFreezeItemView {
    pub user_id: String,
    /// `frozen` or `failed`
    #[schema(example = "frozen")]
    pub status: String,
    pub freeze: Option<FreezeView>,
    pub wallet: Option<WalletView>,
    pub error: Option<BatchErrorView>,
}

/// Why one user's freeze was refused: the error envelope's fields.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchErrorView {
    /// The HTTP status the same freeze alone would have had
    #[schema(example = 409)]
    pub code: u16,
    #[schema(example = "insufficient_balance")]
    pub error: String,
    pub message: String,
}

impl From<&BatchFrozen> for BatchFreezeView {
    fn from(frozen: &BatchFrozen) -> BatchFreezeView {
        let results = frozen
            .results
            .iter()
            .map(|(user_id, result)| {
                let (status, freeze, wallet, error) = batch_result(result, "frozen");
                BatchFreezeItemView {
                    user_id: user_id.clone(),
                    status,
                    freeze,
                    wallet,
                    error,
                }
            })
            .collect();
        BatchFreezeView {
            frozen_count: frozen.frozen_count() as u64,
            results,
        }
    }
}

/// What a batch route shows of one item's result: `done` (or `failed`), and the freeze and
/// wallet it left, or its error.
fn batch_result(
    result: &crate::error::Result<crate::ops::Outcome>,
    done: &str,
) -> (String, Option<FreezeView>, Option<WalletView>, Option<BatchErrorView>) {
    match result {
        Ok(outcome) => (
            done.to_owned(),
            outcome
                .freeze
                .as_ref()
                .map(|f| FreezeView::new(f, outcome.wallet.currency)),
            Some(WalletView::from(&outcome.wallet)),
            None,
        ),
        Err(e) => ("failed".to_owned(), None, None, Some(BatchErrorView::from(e))),
    }
}

impl From<&Error> for BatchErrorView {
    fn from(e: &Error) -> BatchErrorView {
        BatchErrorView {
            code: e.kind().http_status(),
            error: e.code().to_owned(),
            message: e.to_string(),
        }
    }
}

/// `POST /admin/wallets/batch-unfreeze`: upstream's `dto.BatchUnfreezeResult` (`total`,
/// `succeeded`, `failed`, `errors`), and what became of each freeze.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchUnfreezeView {
    /// The freezes named
    #[schema(example = 2)]
    pub total: u64,
    /// The freezes released
    #[schema(example = 1)]
    pub succeeded: u64,
    /// The freezes not released (nothing was written for them)
    #[schema(example = 1)]
    pub failed: u64,
    /// One line per freeze not released: `<freeze_id>: <message>`
    #[schema(example = json!(["frz_xyz: freeze frz_xyz is not active (released)"]))]
    pub errors: Vec<String>,
    /// One per freeze, in the order of `freeze_ids`.
    pub results: Vec<BatchUnfreezeItemView>,
}

/// One freeze's release: made (`freeze` and `wallet`), or refused (`error`; nothing was
/// written for this freeze).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchUnfreezeItemView {
    pub freeze_id: String,
    /// `released` or `failed`
    #[schema(example = "released")]
    pub status: String,
    pub freeze: Option<FreezeView>,
    pub wallet: Option<WalletView>,
    pub error: Option<BatchErrorView>,
}

impl From<&BatchUnfrozen> for BatchUnfreezeView {
    fn from(unfrozen: &BatchUnfrozen) -> BatchUnfreezeView {
        let item = |freeze_id: &String, result: &crate::error::Result<crate::ops::Outcome>| {
            let (status, freeze, wallet, error) = batch_result(result, "released");
            BatchUnfreezeItemView {
                freeze_id: freeze_id.clone(),
                status,
                freeze,
                wallet,
                error,
            }
        };
        let results: Vec<BatchUnfreezeItemView> =
            unfrozen.results.iter().map(|(id, result)| item(id, result)).collect();
        let errors: Vec<String> = unfrozen
            .results
            .iter()
            .filter_map(|(id, result)| result.as_ref().err().map(|e| format!("{id}: {e}")))
            .collect();
        let succeeded = unfrozen.released_count() as u64;
        BatchUnfreezeView {
            total: results.len() as u64,
            succeeded,
            failed: results.len() as u64 - succeeded,
            errors,
            results,
        }
    }
}
