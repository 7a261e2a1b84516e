//! What a policy refuses, judged on an operation already planned by its own rule: the policy
//! is checked last, once the operation is otherwise possible (status and funds first).

use std::fmt;

use super::{Limit, Policy, Stated};
use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::Wallet;
use crate::ledger::money::{Amount, Currency};

/// Which count a withdrawal limit keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Month,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "daily",
            Period::Month => "monthly",
        }
    }
}

/// A withdrawal over a daily or monthly limit: the limit, what was used and what remains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    pub period: Period,
    pub wallet_id: WalletId,
    pub requested: Stated,
    pub limit: Stated,
    pub used: Stated,
    pub remaining: Stated,
    pub timezone: String,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = match self.period {
            Period::Day => "today",
            Period::Month => "this month",
        };
        write!(
            f,
            "withdrawal of {} from wallet {} exceeds the policy's {} withdrawal limit of {}: {} already withdrawn {this} ({}), {} remains",
            self.requested,
            self.wallet_id,
            self.period.as_str(),
            self.limit,
            self.used,
            self.timezone,
            self.remaining
        )
    }
}

/// What a wallet has withdrawn so far in its policy's day and month, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Withdrawn {
    pub day: i64,
    pub month: i64,
}

impl Policy {
    /// A withdrawal of `amount` from `wallet`: not under the minimum, and not over the daily or
    /// monthly limit once added to what was withdrawn in that day or month. Exactly the limit
    /// passes.
    pub fn check_withdraw(&self, wallet: &Wallet, amount: Amount, withdrawn: Withdrawn) -> Result<()> {
        let currency = wallet.currency;
        let requested = Limit::of_minor(amount.minor(), currency);
        if self.min_withdraw_amount.is_set() && requested < self.min_withdraw_amount {
            return Err(Error::BelowMinWithdraw {
                wallet_id: wallet.id.clone(),
                requested: Stated(requested, currency),
                minimum: Stated(self.min_withdraw_amount, currency),
            });
        }
        self.within(Period::Day, self.daily_withdraw_limit, wallet, requested, withdrawn.day)?;
        self.within(
            Period::Month,
            self.monthly_withdraw_limit,
            wallet,
            requested,
            withdrawn.month,
        )
    }

    fn within(&self, period: Period, limit: Limit, wallet: &Wallet, requested: Limit, used_minor: i64) -> Result<()> {
        let currency = wallet.currency;
        let used = Limit::of_minor(used_minor, currency);
        if !limit.is_set() || used.thousandths() + requested.thousandths() <= limit.thousandths() {
            return Ok(());
        }
        Err(Error::WithdrawLimitExceeded(Box::new(LimitExceeded {
            period,
            wallet_id: wallet.id.clone(),
            requested: Stated(requested, currency),
            limit: Stated(limit, currency),
            used: Stated(used, currency),
            remaining: Stated(limit.saturating_sub(used), currency),
            timezone: self.timezone.name().to_owned(),
        })))
    }

    /// A deposit or a transfer's receiving leg taking `wallet` to `balance_after` (minor
    /// units): at most `max_balance`. Exactly the maximum passes.
    pub fn check_inflow(&self, wallet: &Wallet, balance_after: i64) -> Result<()> {
        let currency = wallet.currency;
        let after = Limit::of_minor(balance_after, currency);
        if !self.max_balance.is_set() || after <= self.max_balance {
            return Ok(());
        }
        Err(Error::MaxBalanceExceeded {
            wallet_id: wallet.id.clone(),
            balance: Stated(Limit::of_minor(wallet.balance(), currency), currency),
            balance_after: Stated(after, currency),
            maximum: Stated(self.max_balance, currency),
        })
    }

    /// A transfer, which the policy may switch off.
    pub fn check_transfer(&self, wallet: &Wallet) -> Result<()> {
        if self.transfer_enabled {
            return Ok(());
        }
        Err(Error::TransferDisabled {
            tenant_id: wallet.tenant_id.clone(),
            application_id: wallet.application_id.clone(),
        })
    }

    /// A new wallet's currency: one the policy supports (any, when it names none). Wallets
    /// opened before keep working in theirs.
    pub fn check_currency(&self, currency: Currency) -> Result<()> {
        if self.supported_currencies.is_empty() || self.supported_currencies.contains(&currency) {
            return Ok(());
        }
        let supported: Vec<&str> = self.supported_currencies.iter().map(|c| c.code()).collect();
        Err(Error::CurrencyNotAllowed {
            currency,
            supported: supported.join(","),
        })
    }
}
