//! One error of every variant, for checking the documentation's tables against the code.

use std::path::PathBuf;

use super::Error;
use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{FreezeStatus, TxType, WalletStatus};
use crate::ledger::money::{AmountRefusal, Balance, Currency, Money};
use crate::ledger::operations::status::WalletAction;
use crate::ledger::policy::rules::{LimitExceeded, Period};
use crate::ledger::policy::{Limit, Stated};
use crate::ledger::review::ReviewStatus;

impl Error {
    /// One error of every variant, with placeholder facts: what lets a table of `error` names (the
    /// exit codes table of docs/cli.md) be checked against [`Error::code`] and [`Error::kind`],
    /// with the server's own conditions (`HttpError::one_of_each`). `tests/docs_tables.rs` also
    /// checks that it names every variant of the enum.
    pub fn one_of_each() -> Vec<Error> {
        let s = String::new;
        let zero = Money::new(0, Currency::CNY);
        let mut all = vec![
            Error::InvalidRequest {
                field: s(),
                reason: s(),
            },
            Error::InvalidAmount {
                input: s(),
                reason: AmountRefusal::Empty,
            },
            Error::BalanceLimit {
                what: Balance::Total,
                max_major: 0,
                currency: Currency::CNY,
            },
            Error::ExceedsRefundable {
                transaction_id: TransactionId::new(s()),
                requested: None,
                remaining: zero,
            },
            Error::LedgerNotFound { path: PathBuf::new() },
            Error::WalletNotFound {
                user_id: s(),
                at: None,
                tenant_id: s(),
                application_id: s(),
            },
            Error::WalletIdNotFound {
                wallet_id: s(),
                tenant_id: s(),
                application_id: s(),
            },
            Error::TransactionNotFound {
                transaction_id: TransactionId::new(s()),
            },
            Error::FreezeNotFound {
                freeze_id: FreezeId::new(s()),
            },
            Error::CounterpartyNotFound {
                counterparty_id: s(),
                closest: Vec::new(),
            },
            Error::InsufficientBalance {
                wallet_id: WalletId::new(s()),
                requested: zero,
                available: zero,
            },
            Error::WalletNotActive {
                wallet_id: WalletId::new(s()),
                status: WalletStatus::Closed,
                operation: WalletAction::Post(TxType::Deposit),
            },
            Error::WalletNotEmpty {
                wallet_id: WalletId::new(s()),
                balance: zero,
            },
            Error::WalletExists {
                user_id: s(),
                wallet_id: WalletId::new(s()),
                closed: false,
            },
            Error::ExceedsHeld {
                freeze_id: FreezeId::new(s()),
                requested: zero,
                held: zero,
            },
            Error::FreezeNotActive {
                freeze_id: FreezeId::new(s()),
                status: FreezeStatus::Released,
            },
            Error::NotRefundable {
                transaction_id: TransactionId::new(s()),
                kind: TxType::Freeze,
            },
            Error::ReferenceConflict {
                reference_id: s(),
                operation: TxType::Deposit,
                wallet_id: WalletId::new(s()),
                transaction_id: TransactionId::new(s()),
            },
            Error::BatchRolledBack { failed_line: 0 },
            Error::LedgerExists { path: PathBuf::new() },
            Error::LedgerNotEmpty { holds: "wallets" },
            Error::LedgerBusy { lock_timeout_ms: None },
            Error::Retry { sqlstate: s() },
            Error::DatabaseUnavailable {
                shown: None,
                cause: s(),
            },
            Error::CommitOutcomeUnknown { shown: s(), cause: s() },
            Error::InvariantBroken { broken: Vec::new() },
            Error::StatementUnmatched {
                matched: 0,
                missing_in_ledger: 0,
                missing_in_statement: 0,
                mismatched: 0,
                first: Vec::new(),
            },
            Error::ReconciliationFailed {
                date: s(),
                failures: Vec::new(),
            },
            Error::StorageIntegrity { message: s() },
            Error::NotALedger { path: PathBuf::new() },
            Error::ReadOnly { reason: s() },
            Error::TokenNotFound {
                token_id: TokenId::new(s()),
            },
            Error::Internal { message: s() },
            Error::Cancelled,
        ];
        all.extend(policy_examples());
        all.extend(review_examples());
        all
    }
}

/// One refusal of every kind a policy makes.
fn policy_examples() -> Vec<Error> {
    let s = String::new;
    let stated = Stated(Limit::default(), Currency::CNY);
    vec![
        Error::BelowMinWithdraw {
            wallet_id: WalletId::new(s()),
            requested: stated,
            minimum: stated,
        },
        Error::WithdrawLimitExceeded(Box::new(LimitExceeded {
            period: Period::Day,
            wallet_id: WalletId::new(s()),
            requested: stated,
            limit: stated,
            used: stated,
            remaining: stated,
            timezone: s(),
        })),
        Error::WithdrawLimitExceeded(Box::new(LimitExceeded {
            period: Period::Month,
            wallet_id: WalletId::new(s()),
            requested: stated,
            limit: stated,
            used: stated,
            remaining: stated,
            timezone: s(),
        })),
        Error::MaxBalanceExceeded {
            wallet_id: WalletId::new(s()),
            balance: stated,
            balance_after: stated,
            maximum: stated,
        },
        Error::TransferDisabled {
            tenant_id: s(),
            application_id: s(),
        },
        Error::CurrencyNotAllowed {
            currency: Currency::CNY,
            supported: s(),
        },
    ]
}

/// The withdrawal review's refusals.
fn review_examples() -> Vec<Error> {
    let s = String::new;
    let stated = Stated(Limit::default(), Currency::CNY);
    vec![
        Error::ReviewRequired {
            tenant_id: s(),
            application_id: s(),
            user_id: s(),
            auto_approve_limit: Some(stated),
        },
        Error::FreezeUnderReview {
            freeze_id: FreezeId::new(s()),
            request_id: WithdrawalRequestId::new(s()),
        },
        Error::WithdrawalRequestNotFound {
            request_id: WithdrawalRequestId::new(s()),
        },
        Error::WithdrawalNotPending {
            request_id: WithdrawalRequestId::new(s()),
            status: ReviewStatus::Approved,
        },
        Error::SameActor {
            request_id: WithdrawalRequestId::new(s()),
            actor: s(),
        },
    ]
}
