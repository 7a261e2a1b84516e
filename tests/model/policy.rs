//! Policies in the reference model, from docs/accounting.md "## Policies and limits", written
//! apart from `src/ledger/policy`: amounts in thousandths of a major unit whatever the
//! wallet's currency, `0` no limit; a withdrawal not under the minimum and, added to what the
//! wallet withdrew before (every sequence runs at one pinned instant, so one day and one
//! month), not over the daily or monthly limit; deposits and transfers in not over
//! `max_balance`; transfers only while enabled; new wallets only in a supported currency. Each
//! is checked last, once the operation is otherwise possible.

use super::Model;

/// A policy as `policy set` gives it: every field, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPolicy {
    pub min_withdraw_amount: String,
    pub daily_withdraw_limit: String,
    pub monthly_withdraw_limit: String,
    pub max_balance: String,
    /// Comma-separated codes; empty for every currency.
    pub supported_currencies: String,
    pub transfer_enabled: bool,
    pub withdrawal_require_review: bool,
    pub auto_approve_limit: String,
}

impl Default for ModelPolicy {
    fn default() -> ModelPolicy {
        ModelPolicy {
            min_withdraw_amount: "0".into(),
            daily_withdraw_limit: "0".into(),
            monthly_withdraw_limit: "0".into(),
            max_balance: "0".into(),
            supported_currencies: String::new(),
            transfer_enabled: true,
            withdrawal_require_review: false,
            auto_approve_limit: "0".into(),
        }
    }
}

/// A policy amount (digits, at most 3 decimals) in thousandths.
fn thousandths(text: &str) -> i64 {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: i64 = whole.parse().expect("the model sets whole digits");
    let fraction: i64 = format!("{fraction:0<3}").parse().expect("at most three decimals");
    whole * 1_000 + fraction
}

/// Minor units of a currency with `exponent` decimals, in thousandths.
fn of_minor(minor: i64, exponent: u32) -> i64 {
    minor * 10_i64.pow(3 - exponent)
}

impl ModelPolicy {
    /// A withdrawal of `amount` minor units after `withdrawn` the same day (and month).
    pub fn withdraw(&self, amount: i64, withdrawn: i64, exponent: u32) -> Result<(), &'static str> {
        let (amount, withdrawn) = (of_minor(amount, exponent), of_minor(withdrawn, exponent));
        let min = thousandths(&self.min_withdraw_amount);
        if min > 0 && amount < min {
            return Err("below_min_withdraw");
        }
        let over = |limit: &str| thousandths(limit) > 0 && withdrawn + amount > thousandths(limit);
        if over(&self.daily_withdraw_limit) {
            return Err("daily_limit_exceeded");
        }
        if over(&self.monthly_withdraw_limit) {
            return Err("monthly_limit_exceeded");
        }
        Ok(())
    }

    /// Whether `amount` minor units may leave without a person's review: review is off, or
    /// the amount is within a set auto-approval limit.
    pub fn needs_no_review(&self, amount: i64, exponent: u32) -> bool {
        let limit = thousandths(&self.auto_approve_limit);
        !self.withdrawal_require_review || (limit > 0 && of_minor(amount, exponent) <= limit)
    }

    /// Money leaving for the settlement without a withdrawal request.
    pub fn review(&self, amount: i64, exponent: u32) -> Result<(), &'static str> {
        if self.needs_no_review(amount, exponent) {
            Ok(())
        } else {
            Err("review_required")
        }
    }

    /// Money arriving that leaves the wallet holding `balance_after` minor units.
    pub fn inflow(&self, balance_after: i64, exponent: u32) -> Result<(), &'static str> {
        let max = thousandths(&self.max_balance);
        if max > 0 && of_minor(balance_after, exponent) > max {
            return Err("max_balance_exceeded");
        }
        Ok(())
    }

    pub fn transfer(&self) -> Result<(), &'static str> {
        if self.transfer_enabled {
            Ok(())
        } else {
            Err("transfer_disabled")
        }
    }

    pub fn currency(&self, code: &str) -> Result<(), &'static str> {
        if self.supported_currencies.is_empty() || self.supported_currencies.split(',').any(|c| c == code) {
            Ok(())
        } else {
            Err("currency_not_allowed")
        }
    }
}

impl Model {
    /// The policy of `scope`; the default (no limits) when none was set.
    pub fn policy_of(&self, scope: usize) -> ModelPolicy {
        self.policies.get(&scope).cloned().unwrap_or_default()
    }

    /// What a wallet's withdrawals and captures to the settlement took, refunds giving
    /// nothing back.
    pub(super) fn withdrawn(&self, wallet: usize) -> i64 {
        self.entries
            .iter()
            .filter(|e| e.wallet == wallet && e.settles)
            .map(|e| e.amount)
            .sum()
    }
}
