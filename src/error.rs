//! The domain error of ledgerctl, and the kind table every layer's error maps into.
//!
//! Every failure a user can cause is a variant that names the condition and carries the facts:
//! [`Error`] holds what the ledger and the CLI can meet (a storage failure arrives through
//! `StoreError`'s `From`), the HTTP server's own conditions are its `HttpError`. [`ErrorKind`]
//! maps each kind to the CLI exit code and the HTTP status of SPEC section 3, in one exhaustive
//! match each; each error type names its kind and stable `error` string in exhaustive matches
//! too, and both are read through [`Classified`], so the CLI and HTTP can never disagree.

use std::fmt;
use std::path::PathBuf;

use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{FreezeStatus, TxType, WalletStatus};
use crate::ledger::money::{AmountRefusal, Balance, Currency, Money};
use crate::ledger::operations::status::WalletAction;
use crate::ledger::policy::rules::{LimitExceeded, Period};
use crate::ledger::policy::Stated;
use crate::ledger::review::ReviewStatus;
use crate::ledger::time::Timestamp;

/// Everything that can go wrong in ledgerctl, with the facts a user needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid {field}: {reason}")]
    InvalidRequest { field: String, reason: String },

    #[error("invalid amount {input:?}: {reason}")]
    InvalidAmount { input: String, reason: AmountRefusal },

    #[error("{what} would exceed the ledger's maximum balance of {max_major} {currency}")]
    BalanceLimit {
        what: Balance,
        /// In whole units of `currency` (limits::BALANCE_MAX_MAJOR).
        max_major: i64,
        currency: Currency,
    },

    #[error(
        "refund of {} exceeds refundable amount {} of transaction {transaction_id}",
        requested.map_or_else(|| "the remaining amount".to_owned(), Money::decimal),
        remaining.decimal()
    )]
    ExceedsRefundable {
        transaction_id: TransactionId,
        /// `None`: no amount was given, which asks for whatever remains.
        requested: Option<Money>,
        remaining: Money,
    },

    #[error(
        "capture of {} exceeds the {} freeze {freeze_id} holds",
        requested.decimal(),
        held.decimal()
    )]
    ExceedsHeld {
        freeze_id: FreezeId,
        requested: Money,
        held: Money,
    },

    #[error("no ledger at {path}: give the ledger's path with --db PATH (or LEDGERCTL_DB), or create one there with `ledgerctl init`")]
    LedgerNotFound { path: PathBuf },

    #[error(
        "wallet not found for user {user_id}{} in tenant {tenant_id}, application {application_id}",
        at.as_ref().map(|at| format!(" at {at}")).unwrap_or_default()
    )]
    WalletNotFound {
        user_id: String,
        /// The time it was looked up at (`wallet show --at`), when not now.
        at: Option<Timestamp>,
        tenant_id: String,
        application_id: String,
    },

    /// A wallet named by its id (the `/admin/…` routes), looked for in one tenant and
    /// application: another's is not found, as one that does not exist.
    #[error("wallet {wallet_id} not found in tenant {tenant_id}, application {application_id}")]
    WalletIdNotFound {
        wallet_id: String,
        tenant_id: String,
        application_id: String,
    },

    #[error("transaction {transaction_id} not found")]
    TransactionNotFound { transaction_id: TransactionId },

    #[error("freeze {freeze_id} not found")]
    FreezeNotFound { freeze_id: FreezeId },

    #[error(
        "counterparty {counterparty_id} has never been paid in this tenant and application{}; to pay a new counterparty, say so with --new-counterparty (\"new_counterparty\": true)",
        did_you_mean(closest)
    )]
    CounterpartyNotFound {
        counterparty_id: String,
        /// The closest names known in the caller's tenant and application, nearest first.
        closest: Vec<String>,
    },

    #[error("insufficient balance in wallet {wallet_id}: requested {requested}, available {available}")]
    InsufficientBalance {
        wallet_id: WalletId,
        requested: Money,
        available: Money,
    },

    #[error("wallet {wallet_id} is {}: {operation} is not allowed", status.as_str())]
    WalletNotActive {
        wallet_id: WalletId,
        status: WalletStatus,
        operation: WalletAction,
    },

    #[error("wallet {wallet_id} still holds {balance}: only an empty wallet can be closed")]
    WalletNotEmpty { wallet_id: WalletId, balance: Money },

    #[error("{}", if *closed {
        format!("user {user_id}'s wallet {wallet_id} is closed, and a closed wallet stays closed: open a wallet for the returning user under a new user id")
    } else {
        format!("a wallet already exists for user {user_id} (wallet {wallet_id})")
    })]
    WalletExists {
        user_id: String,
        wallet_id: WalletId,
        /// The existing wallet is closed: no wallet can be opened for this user id again.
        closed: bool,
    },

    #[error("freeze {freeze_id} is already {}", status.as_str())]
    FreezeNotActive { freeze_id: FreezeId, status: FreezeStatus },

    #[error(
        "transaction {transaction_id} is a {kind}, which cannot be refunded{}",
        if matches!(kind, TxType::TransferOut | TxType::TransferIn) { ": a transfer is undone by a transfer back" } else { "" }
    )]
    NotRefundable {
        transaction_id: TransactionId,
        kind: TxType,
    },

    #[error("withdrawal of {requested} from wallet {wallet_id} is below the policy's minimum withdrawal of {minimum}")]
    BelowMinWithdraw {
        wallet_id: WalletId,
        requested: Stated,
        minimum: Stated,
    },

    /// A daily or monthly withdrawal limit; the facts are boxed, as they are many.
    #[error("{0}")]
    WithdrawLimitExceeded(Box<LimitExceeded>),

    #[error(
        "wallet {wallet_id} would hold {balance_after}, over the policy's max_balance of {maximum} (it holds {balance})"
    )]
    MaxBalanceExceeded {
        wallet_id: WalletId,
        balance: Stated,
        balance_after: Stated,
        maximum: Stated,
    },

    #[error("transfers are disabled by the policy of tenant {tenant_id}, application {application_id}")]
    TransferDisabled { tenant_id: String, application_id: String },

    #[error("the policy does not support {currency} wallets (supported: {supported})")]
    CurrencyNotAllowed { currency: Currency, supported: String },

    #[error(
        "the policy of tenant {tenant_id}, application {application_id} requires review of withdrawals{}: \
         ask for this one with POST /wallets/{user_id}/withdraw/request (ledgerctl withdrawal request {user_id} --amount AMOUNT), \
         which holds the amount until another actor approves it",
        auto_approve_limit.map(|limit| format!(" over {limit}")).unwrap_or_default()
    )]
    ReviewRequired {
        tenant_id: String,
        application_id: String,
        user_id: String,
        /// The amount up to which a withdrawal needs no review, when the policy sets one.
        auto_approve_limit: Option<Stated>,
    },

    #[error(
        "freeze {freeze_id} holds withdrawal request {request_id}, pending review: it ends only by the \
         request's approval or rejection (POST /admin/wallets/withdrawals/{request_id}/approve or /reject; \
         ledgerctl withdrawal approve|reject {request_id})"
    )]
    FreezeUnderReview {
        freeze_id: FreezeId,
        request_id: WithdrawalRequestId,
    },

    #[error("withdrawal request {request_id} not found")]
    WithdrawalRequestNotFound { request_id: WithdrawalRequestId },

    #[error("withdrawal request {request_id} is already {status}: a request is decided once")]
    WithdrawalNotPending {
        request_id: WithdrawalRequestId,
        status: ReviewStatus,
    },

    #[error(
        "withdrawal request {request_id} was made by {actor}, who cannot also decide it: another \
         actor (another token; on the CLI another user, or --actor) must approve or reject it"
    )]
    SameActor {
        request_id: WithdrawalRequestId,
        actor: String,
    },

    #[error("reference_id {reference_id:?} was already used for {operation} on wallet {wallet_id} with other parameters (transaction {transaction_id})")]
    ReferenceConflict {
        reference_id: String,
        operation: TxType,
        wallet_id: WalletId,
        transaction_id: TransactionId,
    },

    #[error("not applied: the atomic batch was rolled back because line {failed_line} failed")]
    BatchRolledBack { failed_line: u64 },

    #[error("a ledger already exists at {path}")]
    LedgerExists { path: PathBuf },

    /// `ledger copy` writes only into a new ledger: one that holds anything is left as it is.
    #[error("the destination ledger is not empty (it holds {holds}): a ledger is copied only into a new one; nothing was written")]
    LedgerNotEmpty { holds: &'static str },

    #[error(
        "the ledger is busy: another writer held the lock{}; nothing was written, safe to retry",
        lock_timeout_ms.map(|ms| format!(" for more than {ms} ms")).unwrap_or_default()
    )]
    LedgerBusy { lock_timeout_ms: Option<u64> },

    /// The database rolled the transaction back because a concurrent one conflicted with it
    /// (PostgreSQL's SQLSTATE 40001, a serialization failure, 40P01, a deadlock, or 23505, a
    /// unique index refusing what a concurrent transaction committed first): nothing was
    /// written, and the same work may simply run again ([`Error::retryable`]).
    #[error(
        "the ledger is busy: a concurrent transaction conflicted with this one (SQLSTATE {sqlstate}); nothing \
         was written, safe to retry"
    )]
    Retry { sqlstate: String },

    /// The PostgreSQL database could not be reached, or its connection was lost before COMMIT
    /// was sent (the server restarted or ended the session, the network failed): the
    /// transaction never committed, so the same request may simply be sent again. `shown` is
    /// the database's URL without its password, where the failing layer knows it.
    #[error(
        "the database {} is unavailable: {cause}; nothing was written, safe to retry",
        shown.as_deref().unwrap_or("(PostgreSQL)")
    )]
    DatabaseUnavailable { shown: Option<String>, cause: String },

    /// The connection was lost while COMMIT was in flight: the database may have committed the
    /// write or not, and only looking can tell. Never retried automatically, so that a write
    /// cannot be applied twice.
    #[error(
        "the connection to {shown} was lost while committing ({cause}): the write may or may not have been \
         applied. Do not simply send it again: send it again with the same Idempotency-Key or reference_id \
         (if it was applied, that answers its original outcome; if not, it is applied once), or look at \
         `wallet history` first"
    )]
    CommitOutcomeUnknown { shown: String, cause: String },

    #[error("ledger verify found {} broken invariant(s): {}", broken.len(), broken.join("; "))]
    InvariantBroken { broken: Vec<String> },

    /// `ledger reconcile --statement`: lines or entries left unpaired, or paired with other
    /// amounts; `first` names the first few of them.
    #[error(
        "the statement does not match the ledger: {matched} matched, {missing_in_ledger} missing in the ledger, \
         {missing_in_statement} missing in the statement, {mismatched} amount mismatch(es): {}",
        first.join("; ")
    )]
    StatementUnmatched {
        matched: usize,
        missing_in_ledger: usize,
        missing_in_statement: usize,
        mismatched: usize,
        first: Vec<String>,
    },

    /// `ledger reconcile --date`: a wallet's day whose entries and balances disagree.
    #[error("{date} does not reconcile for {} wallet(s): {}", failures.len(), failures.join("; "))]
    ReconciliationFailed { date: String, failures: Vec<String> },

    /// The file's storage contradicts itself (damaged pages, or cached balances the journal
    /// does not prove): nothing is trusted and nothing is written until `ledger verify` is run.
    #[error("storage integrity: {message}; nothing was written, run `ledger verify`")]
    StorageIntegrity { message: String },

    #[error("invalid db: {path} is not a ledgerctl ledger file")]
    NotALedger { path: PathBuf },

    /// A write on a ledger opened read-only (`--read-only`), or that this user cannot write.
    #[error("read-only: {reason}")]
    ReadOnly { reason: String },

    #[error("token {token_id} not found")]
    TokenNotFound { token_id: TokenId },

    #[error("internal error: {message}")]
    Internal { message: String },

    /// CLI only: a person answered no (or Ctrl-C) at a confirmation.
    #[error("cancelled, nothing written")]
    Cancelled,
}

/// The classes of SPEC section 3's error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    InvalidRequest,
    Unauthenticated,
    Forbidden,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    NotFound,
    Conflict,
    InvalidAmount,
    Busy,
    InvariantBroken,
    Internal,
    Cancelled,
}

impl ErrorKind {
    /// The process exit status of the CLI.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Internal => 1,
            ErrorKind::InvalidRequest => 2,
            // HTTP-only conditions (only `HttpError` has these kinds): the CLI checks no tokens
            // and reads no request bodies, so these never reach an exit code; 2 (invalid
            // request) is their nearest CLI class. The one domain error of this kind,
            // `same_actor` (maker-checker), exits 2 too: the request as this actor made it is
            // refused, and another actor's would not be.
            ErrorKind::Unauthenticated
            | ErrorKind::Forbidden
            | ErrorKind::MethodNotAllowed
            | ErrorKind::PayloadTooLarge
            | ErrorKind::UnsupportedMediaType => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Conflict => 4,
            ErrorKind::InvalidAmount => 5,
            ErrorKind::Busy => 6,
            ErrorKind::InvariantBroken => 7,
            ErrorKind::Cancelled => 8,
        }
    }

    /// The HTTP status, which is also the envelope's `code`.
    pub fn http_status(self) -> u16 {
        match self {
            // CLI only (a declined confirmation); in a JSON envelope it reads as the request
            // that was not confirmed, like a missing --yes.
            ErrorKind::InvalidRequest | ErrorKind::Cancelled => 400,
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::MethodNotAllowed => 405,
            ErrorKind::PayloadTooLarge => 413,
            ErrorKind::UnsupportedMediaType => 415,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::InvalidAmount => 422,
            ErrorKind::Busy => 503,
            ErrorKind::InvariantBroken | ErrorKind::Internal => 500,
        }
    }
}

/// An error of any layer as the doors report it: its row of the kind table and its stable
/// `error` name. What renders an error (the envelope, the CLI's stderr) takes any of them.
pub trait Classified: fmt::Display {
    fn kind(&self) -> ErrorKind;
    fn code(&self) -> &'static str;
}

impl Classified for Error {
    fn kind(&self) -> ErrorKind {
        Error::kind(self)
    }

    fn code(&self) -> &'static str {
        Error::code(self)
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidRequest { .. } | Error::NotALedger { .. } | Error::ReadOnly { .. } => {
                ErrorKind::InvalidRequest
            }
            Error::InvalidAmount { .. }
            | Error::BalanceLimit { .. }
            | Error::ExceedsRefundable { .. }
            | Error::ExceedsHeld { .. } => ErrorKind::InvalidAmount,
            // A policy's refusals are 422 like an amount's, one class a script can catch.
            Error::BelowMinWithdraw { .. }
            | Error::WithdrawLimitExceeded(_)
            | Error::MaxBalanceExceeded { .. }
            | Error::TransferDisabled { .. }
            | Error::CurrencyNotAllowed { .. } => ErrorKind::InvalidAmount,
            // Maker-checker: the one domain refusal of who asks rather than what is asked.
            Error::SameActor { .. } => ErrorKind::Forbidden,
            Error::LedgerNotFound { .. }
            | Error::WalletNotFound { .. }
            | Error::WalletIdNotFound { .. }
            | Error::TransactionNotFound { .. }
            | Error::FreezeNotFound { .. }
            | Error::CounterpartyNotFound { .. }
            | Error::TokenNotFound { .. }
            | Error::WithdrawalRequestNotFound { .. } => ErrorKind::NotFound,
            Error::InsufficientBalance { .. }
            | Error::WalletNotActive { .. }
            | Error::WalletExists { .. }
            | Error::WalletNotEmpty { .. }
            | Error::FreezeNotActive { .. }
            | Error::ReviewRequired { .. }
            | Error::FreezeUnderReview { .. }
            | Error::WithdrawalNotPending { .. }
            | Error::NotRefundable { .. }
            | Error::ReferenceConflict { .. }
            | Error::LedgerExists { .. }
            | Error::LedgerNotEmpty { .. }
            | Error::BatchRolledBack { .. }
            | Error::StatementUnmatched { .. } => ErrorKind::Conflict,
            Error::LedgerBusy { .. } | Error::Retry { .. } | Error::DatabaseUnavailable { .. } => ErrorKind::Busy,
            Error::InvariantBroken { .. } | Error::StorageIntegrity { .. } | Error::ReconciliationFailed { .. } => {
                ErrorKind::InvariantBroken
            }
            Error::Internal { .. } | Error::CommitOutcomeUnknown { .. } => ErrorKind::Internal,
            Error::Cancelled => ErrorKind::Cancelled,
        }
    }

    /// The stable machine-readable `error` string of the envelope.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidRequest { .. } | Error::NotALedger { .. } => "invalid_request",
            Error::ReadOnly { .. } => "read_only",
            Error::InvalidAmount { .. } => "invalid_amount",
            Error::BalanceLimit { .. } => "balance_limit_exceeded",
            Error::ExceedsRefundable { .. } => "exceeds_refundable_amount",
            Error::ExceedsHeld { .. } => "exceeds_held_amount",
            Error::BelowMinWithdraw { .. } => "below_min_withdraw",
            Error::WithdrawLimitExceeded(facts) => match facts.period {
                Period::Day => "daily_limit_exceeded",
                Period::Month => "monthly_limit_exceeded",
            },
            Error::MaxBalanceExceeded { .. } => "max_balance_exceeded",
            Error::TransferDisabled { .. } => "transfer_disabled",
            Error::CurrencyNotAllowed { .. } => "currency_not_allowed",
            Error::ReviewRequired { .. } => "review_required",
            Error::FreezeUnderReview { .. } => "freeze_under_review",
            Error::WithdrawalRequestNotFound { .. } => "withdrawal_request_not_found",
            Error::WithdrawalNotPending { .. } => "withdrawal_not_pending",
            Error::SameActor { .. } => "same_actor",
            Error::LedgerNotFound { .. } => "ledger_not_found",
            Error::WalletNotFound { .. } | Error::WalletIdNotFound { .. } => "wallet_not_found",
            Error::TransactionNotFound { .. } => "transaction_not_found",
            Error::FreezeNotFound { .. } => "freeze_not_found",
            Error::CounterpartyNotFound { .. } => "counterparty_not_found",
            Error::InsufficientBalance { .. } => "insufficient_balance",
            Error::WalletNotActive { .. } => "wallet_not_active",
            Error::WalletExists { .. } => "wallet_exists",
            Error::WalletNotEmpty { .. } => "wallet_not_empty",
            Error::FreezeNotActive { .. } => "freeze_not_active",
            Error::NotRefundable { .. } => "not_refundable",
            Error::ReferenceConflict { .. } => "reference_conflict",
            Error::StatementUnmatched { .. } => "statement_unmatched",
            Error::LedgerExists { .. } => "ledger_exists",
            Error::LedgerNotEmpty { .. } => "ledger_not_empty",
            Error::BatchRolledBack { .. } => "batch_rolled_back",
            Error::LedgerBusy { .. } | Error::Retry { .. } => "ledger_busy",
            Error::DatabaseUnavailable { .. } => "database_unavailable",
            Error::CommitOutcomeUnknown { .. } => "commit_outcome_unknown",
            Error::InvariantBroken { .. } => "invariant_broken",
            Error::ReconciliationFailed { .. } => "reconciliation_failed",
            Error::StorageIntegrity { .. } => "storage_integrity",
            Error::TokenNotFound { .. } => "token_not_found",
            Error::Internal { .. } => "internal_error",
            Error::Cancelled => "cancelled",
        }
    }

    pub fn invalid(field: impl Into<String>, reason: impl fmt::Display) -> Error {
        Error::InvalidRequest {
            field: field.into(),
            reason: reason.to_string(),
        }
    }

    /// No wallet of `user_id` in `scope`: the message names where it was looked for, so a
    /// wrong `--tenant`/`--app` shows at once.
    pub fn wallet_not_found(scope: &crate::ledger::model::Scope, user_id: impl Into<String>) -> Error {
        Error::WalletNotFound {
            user_id: user_id.into(),
            at: None,
            tenant_id: scope.tenant_id.clone(),
            application_id: scope.application_id.clone(),
        }
    }

    /// No wallet of `user_id` in `scope` at `at`: it did not exist yet then.
    pub fn wallet_not_found_at(scope: &crate::ledger::model::Scope, user_id: &str, at: Timestamp) -> Error {
        Error::WalletNotFound {
            user_id: user_id.to_owned(),
            at: Some(at),
            tenant_id: scope.tenant_id.clone(),
            application_id: scope.application_id.clone(),
        }
    }

    /// Whether the work that failed was rolled back whole and may run again as it is.
    pub fn retryable(&self) -> bool {
        matches!(self, Error::Retry { .. })
    }

    /// The same error, naming the database `shown` where it could not (a statement's failure
    /// is classified before the store that ran it adds where it ran).
    pub fn on_database(self, shown: &str) -> Error {
        match self {
            Error::DatabaseUnavailable { shown: None, cause } => Error::DatabaseUnavailable {
                shown: Some(shown.to_owned()),
                cause,
            },
            other => other,
        }
    }

    pub fn internal(message: impl fmt::Display) -> Error {
        Error::Internal {
            message: message.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

fn did_you_mean(closest: &[String]) -> String {
    match closest {
        [] => String::new(),
        names => format!(" (did you mean {}?)", names.join(", ")),
    }
}

mod examples;

#[cfg(test)]
mod tests;
