//! Policies: the limits and switches a tenant and application set for its wallets (upstream's
//! `WalletPolicy`), read from one JSON object by both doors, stored as canonical JSON, and
//! judged by the operations' rules ([`rules`]).
//!
//! A policy belongs to an application, whose wallets may hold different currencies, so its
//! amounts carry no currency: each is a decimal with at most three decimals (the most any
//! supported currency has) kept in thousandths ([`Limit`]), and compared exactly with a
//! wallet's minor units in that wallet's currency. `0` means "no limit" for every amount.

use std::fmt;

use chrono_tz::Tz;
use serde_json::{json, Map, Value};

use super::limits::BALANCE_MAX_MAJOR;
use super::money::{check_grammar, AmountRefusal, Currency};
use crate::error::{Error, Result};

pub mod history;
pub mod rules;
mod window;

pub use window::{day_start, local_midnight, month_start};

/// Thousandths of a major unit: the finest unit of any supported currency (KWD, BHD, JOD).
const LIMIT_SCALE: i64 = 1_000;
const LIMIT_DECIMALS: usize = 3;

/// A policy amount in thousandths of a major unit of whatever currency it is compared in;
/// zero is no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Limit(i64);

impl Limit {
    /// Reads a policy amount: the strict grammar of every amount, `0` allowed (no limit), at
    /// most three decimals, at most the largest balance a wallet may hold.
    pub fn parse(input: &str) -> Result<Limit> {
        check_grammar(input)?;
        let refused = |reason| Error::InvalidAmount {
            input: input.to_owned(),
            reason,
        };
        let (whole, fraction) = input.split_once('.').unwrap_or((input, ""));
        if fraction.len() > LIMIT_DECIMALS {
            return Err(refused(AmountRefusal::PolicyDecimals));
        }
        let whole: i64 = whole.parse().map_err(|_| refused(AmountRefusal::PolicyAboveMax))?;
        if whole > BALANCE_MAX_MAJOR || (whole == BALANCE_MAX_MAJOR && fraction.bytes().any(|b| b != b'0')) {
            return Err(refused(AmountRefusal::PolicyAboveMax));
        }
        let padded = format!("{fraction:0<3}");
        let thousandths: i64 = padded.parse().map_err(|_| refused(AmountRefusal::NotPlainDigits))?;
        Ok(Limit(whole * LIMIT_SCALE + thousandths))
    }

    /// Whether this amount limits anything (zero does not).
    pub fn is_set(self) -> bool {
        self.0 > 0
    }

    pub fn thousandths(self) -> i64 {
        self.0
    }

    /// Minor units of `currency` in thousandths, exactly (every exponent is at most three).
    pub fn of_minor(minor: i64, currency: Currency) -> Limit {
        Limit(minor * 10_i64.pow(LIMIT_DECIMALS as u32 - currency.exponent()))
    }

    /// The difference, never below zero: what remains of a limit once `used` is spent.
    pub fn saturating_sub(self, used: Limit) -> Limit {
        Limit((self.0 - used.0).max(0))
    }
}

/// Two decimals at least (as upstream writes amounts), three when the third is not zero:
/// `5000.00`, `10.50`, `0.125`.
impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, fraction) = (self.0 / LIMIT_SCALE, self.0 % LIMIT_SCALE);
        if fraction % 10 == 0 {
            write!(f, "{whole}.{:02}", fraction / 10)
        } else {
            write!(f, "{whole}.{fraction:03}")
        }
    }
}

/// An amount a policy message states, in the wallet's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated(pub Limit, pub Currency);

impl fmt::Display for Stated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// A tenant's and application's policy. [`Policy::default`] is what holds without one: no
/// limits, every currency, transfers enabled, UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub min_withdraw_amount: Limit,
    pub daily_withdraw_limit: Limit,
    pub monthly_withdraw_limit: Limit,
    pub max_balance: Limit,
    /// Empty: every currency the ledger supports.
    pub supported_currencies: Vec<Currency>,
    pub transfer_enabled: bool,
    /// Withdrawals wait for a second actor's approval (a withdrawal request), and the direct
    /// withdrawal is refused, except up to `auto_approve_limit`.
    pub withdrawal_require_review: bool,
    /// With review required, a withdrawal of at most this much needs none: its request is
    /// approved at once, and a direct withdrawal of it is allowed. Zero: every one is reviewed.
    pub auto_approve_limit: Limit,
    pub timezone: Tz,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            min_withdraw_amount: Limit::default(),
            daily_withdraw_limit: Limit::default(),
            monthly_withdraw_limit: Limit::default(),
            max_balance: Limit::default(),
            supported_currencies: Vec::new(),
            transfer_enabled: true,
            withdrawal_require_review: false,
            auto_approve_limit: Limit::default(),
            timezone: Tz::UTC,
        }
    }
}

/// The fields a policy change may give, in the order their errors are reported.
pub const FIELDS: &[&str] = &[
    "min_withdraw_amount",
    "daily_withdraw_limit",
    "monthly_withdraw_limit",
    "max_balance",
    "supported_currencies",
    "transfer_enabled",
    "withdrawal_require_review",
    "auto_approve_limit",
    "timezone",
];

impl Policy {
    /// `self` with the fields `change` gives replaced; the others kept. A change naming no
    /// field, or an unknown one, is refused.
    pub fn changed(&self, change: &Map<String, Value>) -> Result<Policy> {
        if let Some(unknown) = change.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::invalid(
                unknown.as_str(),
                format!("is not a policy field (the fields: {})", FIELDS.join(", ")),
            ));
        }
        if change.is_empty() {
            return Err(Error::invalid("policy", "names no field to change"));
        }
        let mut next = self.clone();
        for &field in FIELDS {
            if let Some(value) = change.get(field) {
                next.set(field, value)?;
            }
        }
        Ok(next)
    }

    fn set(&mut self, field: &str, value: &Value) -> Result<()> {
        match field {
            "min_withdraw_amount" => self.min_withdraw_amount = limit(value)?,
            "daily_withdraw_limit" => self.daily_withdraw_limit = limit(value)?,
            "monthly_withdraw_limit" => self.monthly_withdraw_limit = limit(value)?,
            "max_balance" => self.max_balance = limit(value)?,
            "auto_approve_limit" => self.auto_approve_limit = limit(value)?,
            "supported_currencies" => self.supported_currencies = currencies(text(field, value)?)?,
            "transfer_enabled" => self.transfer_enabled = flag(field, value)?,
            "withdrawal_require_review" => self.withdrawal_require_review = flag(field, value)?,
            _ => self.timezone = timezone(text(field, value)?)?,
        }
        Ok(())
    }

    /// The policy as the response and the history show it, every field, keys sorted.
    pub fn to_json(&self) -> Value {
        let codes: Vec<&str> = self.supported_currencies.iter().map(|c| c.code()).collect();
        json!({
            "min_withdraw_amount": self.min_withdraw_amount.to_string(),
            "daily_withdraw_limit": self.daily_withdraw_limit.to_string(),
            "monthly_withdraw_limit": self.monthly_withdraw_limit.to_string(),
            "max_balance": self.max_balance.to_string(),
            "supported_currencies": codes.join(","),
            "transfer_enabled": self.transfer_enabled,
            "withdrawal_require_review": self.withdrawal_require_review,
            "auto_approve_limit": self.auto_approve_limit.to_string(),
            "timezone": self.timezone.name(),
        })
    }

    /// Whether a withdrawal of `minor` units of `currency` goes through without a person's
    /// review: review is not required, or the amount is within a set `auto_approve_limit`.
    pub fn needs_no_review(&self, minor: i64, currency: Currency) -> bool {
        !self.withdrawal_require_review
            || (self.auto_approve_limit.is_set() && Limit::of_minor(minor, currency) <= self.auto_approve_limit)
    }

    /// The stored form: [`Policy::to_json`] as text (serde_json's map keeps keys sorted).
    pub fn canonical(&self) -> String {
        self.to_json().to_string()
    }

    /// A stored policy read back; it must write back byte for byte, or the row was edited.
    pub fn from_stored(text: &str) -> Result<Policy> {
        let broken = || Error::internal(format!("a stored policy does not read back: {text}"));
        let value: Value = serde_json::from_str(text).map_err(|_| broken())?;
        let fields = value.as_object().ok_or_else(broken)?;
        let policy = Policy::default().changed(fields).map_err(|_| broken())?;
        if policy.canonical() != text {
            return Err(broken());
        }
        Ok(policy)
    }
}

fn limit(value: &Value) -> Result<Limit> {
    match value {
        Value::String(text) => Limit::parse(text),
        other => Err(Error::InvalidAmount {
            input: other.to_string(),
            reason: AmountRefusal::NotText,
        }),
    }
}

fn text<'v>(field: &str, value: &'v Value) -> Result<&'v str> {
    value.as_str().ok_or_else(|| Error::invalid(field, "must be a string"))
}

fn flag(field: &str, value: &Value) -> Result<bool> {
    value
        .as_bool()
        .ok_or_else(|| Error::invalid(field, "must be true or false"))
}

/// `CNY,USD`: supported codes in any case, each once; empty for every currency.
fn currencies(text: &str) -> Result<Vec<Currency>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut codes = Vec::new();
    for code in text.split(',') {
        let currency = Currency::from_any_case(code)
            .map_err(|_| Error::invalid("supported_currencies", format!("{code:?} is not a supported currency")))?;
        if codes.contains(&currency) {
            return Err(Error::invalid(
                "supported_currencies",
                format!("names {currency} twice"),
            ));
        }
        codes.push(currency);
    }
    Ok(codes)
}

/// An IANA timezone name, exactly as the tz database spells it (`Asia/Shanghai`, `UTC`).
fn timezone(text: &str) -> Result<Tz> {
    text.parse::<Tz>().ok().filter(|tz| tz.name() == text).ok_or_else(|| {
        Error::invalid(
            "timezone",
            format!("{text:?} is not an IANA timezone name (Asia/Shanghai, Europe/Berlin, UTC)"),
        )
    })
}

#[cfg(test)]
mod tests;
