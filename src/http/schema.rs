//! The request bodies as the OpenAPI document describes them. They are never deserialized: a
//! body is decoded by the batch-line parser, and a test holds each description to the fields
//! its route takes (`openapi.rs`).

use utoipa::ToSchema;

/// `dto.WithdrawRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    /// A decimal string with at most the currency's decimals; never a JSON number
    #[schema(example = "50.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "Balance withdrawal", max_length = 500)]
    description: Option<String>,
    /// Unique per wallet and operation, any text without control characters, compared byte for
    /// byte: a repeat with the same fields replays the first result, other fields are 409
    #[schema(
        example = "withdraw_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.TransferRequest`: money from one user's wallet to another's, in the token's tenant and
/// application, in one currency.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// The sender; a token bound to a user can only send from that user's wallet
    #[schema(example = "alice", pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
    from_user_id: String,
    /// The receiver: another active wallet of the same currency
    #[schema(example = "bob", pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
    to_user_id: String,
    #[schema(example = "100.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "Transfer to counterparty", max_length = 500)]
    description: Option<String>,
    /// Unique among the sender's transfers: a repeat with the same fields replays both legs,
    /// other fields are 409
    #[schema(
        example = "transfer_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// A deposit: money received for the user.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepositRequest {
    #[schema(example = "100.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "Account deposit", max_length = 500)]
    description: Option<String>,
    #[schema(
        example = "deposit_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// A payment to a counterparty.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRequest {
    #[schema(example = "30.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "merchant_42", pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
    counterparty_id: String,
    /// True to pay a counterparty never paid before in this tenant and application; without
    /// it such a payment is 404 counterparty_not_found, naming the closest known ones
    #[schema(example = false)]
    new_counterparty: Option<bool>,
    #[schema(example = "Order 123", max_length = 500)]
    description: Option<String>,
    #[schema(
        example = "order_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.FreezeRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreezeRequest {
    #[schema(example = "100.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "Dispute freeze", max_length = 500)]
    reason: Option<String>,
    /// Unique per wallet among freezes: a repeat with the same fields replays the first freeze
    #[schema(
        example = "hold_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.UnfreezeRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnfreezeRequest {
    /// Freeze record ID
    #[schema(example = "frz_01JH4Q00000000000000000000", min_length = 1, max_length = 128)]
    freeze_id: String,
    /// Why the funds are released, returned as the freeze's `release_reason`
    #[schema(example = "Dispute resolved", max_length = 500)]
    reason: Option<String>,
    /// Unique per wallet among unfreezes: a repeat with the same fields replays the first result
    #[schema(
        example = "release_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// A capture: a freeze's held amount posted, all (no `amount`) or part, as a withdrawal or,
/// with `counterparty_id`, as a payment to it; the rest of the hold is released.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptureRequest {
    /// An active freeze of this wallet; a released or captured one is 409 freeze_not_active
    #[schema(example = "frz_01JH4Q00000000000000000000", min_length = 1, max_length = 128)]
    freeze_id: String,
    /// At most the held amount (more is 422 exceeds_held_amount); absent: all of it
    #[schema(example = "60.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: Option<String>,
    /// Pay this counterparty (a payment); absent: withdraw to the settlement account
    #[schema(example = "merchant_42", pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
    counterparty_id: Option<String>,
    /// True to pay a counterparty never paid before in this tenant and application (only
    /// with counterparty_id); without it such a capture is 404 counterparty_not_found
    #[schema(example = false)]
    new_counterparty: Option<bool>,
    #[schema(example = "Order 123 shipped", max_length = 500)]
    description: Option<String>,
    /// Unique per wallet among captures: a repeat with the same fields replays the first
    /// result, other fields are 409
    #[schema(
        example = "capture_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.RefundRequest`: the whole remaining amount when `amount` is absent.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRequest {
    /// Original transaction; an id that names no transaction of this wallet is 404
    #[schema(example = "txn_01JH4Q00000000000000000000", min_length = 1, max_length = 128)]
    transaction_id: String,
    #[schema(example = "50.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: Option<String>,
    #[schema(example = "Product return", max_length = 500)]
    reason: Option<String>,
    #[schema(
        example = "REF-001",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.CreateWalletRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateWalletRequest {
    /// The user the wallet is for; one wallet per user in a tenant and application
    #[schema(example = "usr_abc123", pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
    user_id: String,
    /// The wallet's currency, fixed for good, in any case; CNY when left out (422
    /// unsupported_currency for a code the ledger does not know)
    #[schema(example = "CNY")]
    currency: Option<String>,
}
/// `dto.UpdateWalletRequest`, with the reason every status change records.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateWalletRequest {
    #[schema(example = "frozen")]
    status: UpdateWalletStatus,
    /// Why: recorded with the change and the token that made it
    #[schema(
        example = "fraud review",
        min_length = 1,
        max_length = 500,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*[^\u0000-\u0020\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$"
    )]
    reason: String,
}

/// A wallet's status: `active`, `frozen` (credits only) or `closed` (nothing, for good).
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateWalletStatus {
    Active,
    Frozen,
    Closed,
}

/// The upstream's manual adjustment body (`POST /admin/wallets/{user_id}/adjust`).
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustRequest {
    /// A decimal string with at most the currency's decimals; never a JSON number
    #[schema(example = "10.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    /// Why: recorded on the entry (required)
    #[schema(
        example = "fee refunded by support",
        min_length = 1,
        max_length = 500,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*[^\u0000-\u0020\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$"
    )]
    reason: String,
    /// `credit` raises the wallet's available balance, `debit` lowers it
    #[serde(rename = "type")]
    #[schema(example = "credit")]
    r#type: AdjustDirection,
    #[schema(
        example = "adjust_123",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// The direction of an adjustment, seen from the wallet.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdjustDirection {
    Credit,
    Debit,
}

/// `dto.BatchFreezeRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchFreezeRequest {
    /// The users whose wallets to freeze on, each once
    #[schema(example = json!(["alice", "bob"]), min_items = 1, max_items = 100)]
    user_ids: Vec<UserId>,
    /// A decimal string with at most the currency's decimals; never a JSON number
    #[schema(example = "10.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    #[schema(example = "fraud review", max_length = 500)]
    reason: Option<String>,
}

/// `dto.BatchUnfreezeRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchUnfreezeRequest {
    /// The freezes to release, each once, all in the token's tenant and application
    #[schema(example = json!(["frz_01JH4Q00000000000000000000"]), min_items = 1, max_items = 100)]
    freeze_ids: Vec<LookupId>,
    /// Why the funds are released, returned as each freeze's `release_reason`
    #[schema(example = "Dispute resolved", max_length = 500)]
    reason: Option<String>,
}

/// `dto.SnapshotRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRequest {
    /// The day to snapshot, YYYY-MM-DD (in the policy's timezone, UTC without a policy); it
    /// must have ended
    #[schema(example = "2026-04-14")]
    snapshot_date: String,
}

/// A transaction or freeze id as a lookup takes it.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[schema(min_length = 1, max_length = 128)]
pub struct LookupId(String);

/// A user id as a path takes it.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[schema(pattern = r"^[A-Za-z0-9_.@-]{1,64}$")]
pub struct UserId(String);

/// `domain.WalletPolicy`'s fields this ledger enforces: each optional, only the given ones
/// change. Amounts are decimal strings with at most 3 decimals, compared in each wallet's
/// currency; "0" is no limit.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyRequest {
    /// The smallest withdrawal allowed
    #[schema(example = "10.00", pattern = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$")]
    min_withdraw_amount: Option<String>,
    /// The most a wallet may withdraw in a day of the policy's timezone
    #[schema(example = "5000.00", pattern = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$")]
    daily_withdraw_limit: Option<String>,
    /// The most a wallet may withdraw in a month of the policy's timezone
    #[schema(example = "50000.00", pattern = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$")]
    monthly_withdraw_limit: Option<String>,
    /// The most a wallet may hold after a deposit or an incoming transfer
    #[schema(example = "100000.00", pattern = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$")]
    max_balance: Option<String>,
    /// Currencies new wallets may have, comma-separated; "" for every supported currency
    #[schema(example = "CNY,USD")]
    supported_currencies: Option<String>,
    /// Whether wallets may transfer to one another
    #[schema(example = true)]
    transfer_enabled: Option<bool>,
    /// Withdrawals wait for a second actor's approval (a withdrawal request); the direct
    /// withdrawal is then 409 review_required, except up to auto_approve_limit
    #[schema(example = false)]
    withdrawal_require_review: Option<bool>,
    /// With review required, a withdrawal of at most this much needs none; "0" reviews every one
    #[schema(example = "1000.00", pattern = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$")]
    auto_approve_limit: Option<String>,
    /// An IANA timezone name: days and months of the limits are counted in it
    #[schema(example = "Asia/Shanghai")]
    timezone: Option<String>,
}

/// `dto.WithdrawalRequest`, with the `reference_id` every write takes.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalRequestBody {
    /// A decimal string with at most the currency's decimals; never a JSON number
    #[schema(example = "50.00", pattern = r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,3})?$")]
    amount: String,
    /// Why, for the reviewer; kept as the hold's reason
    #[schema(example = "Monthly payout", max_length = 500)]
    remark: Option<String>,
    /// Unique per wallet among freezes (a request's hold is one): a repeat with the same
    /// fields answers the request as it is now, other fields are 409
    #[schema(
        example = "payout_2026_04",
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]+$"
    )]
    reference_id: Option<String>,
}

/// `dto.ApproveWithdrawalRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproveWithdrawalRequest {
    /// The approver's name, recorded beside the token that decided
    #[schema(example = "Finance Lead Wang", max_length = 500)]
    approved_by: Option<String>,
    #[schema(example = "Checked against the payout sheet", max_length = 500)]
    remark: Option<String>,
}

/// `dto.RejectWithdrawalRequest`.
#[allow(dead_code)]
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectWithdrawalRequest {
    /// Why; kept as the hold's release reason too
    #[schema(example = "Bank details do not match", max_length = 500)]
    remark: Option<String>,
}
