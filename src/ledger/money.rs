//! Money: currencies with their ISO 4217 exponents, and amounts in integer minor units.
//!
//! An amount enters the ledger exactly once, through [`Currency::parse_amount`], which accepts
//! only the strict grammar `digits [ "." 1..=exponent digits ]` and never rounds. Inside, every
//! amount and balance is an `i64` count of minor units; it leaves as a string with exactly the
//! currency's number of decimals through [`Currency::format`].

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::limits::{AMOUNT_MAX_MAJOR, AMOUNT_TEXT_LEN_MAX, BALANCE_MAX_MAJOR};
use crate::error::{Error, Result};

/// A currency the ledger accepts, with its ISO 4217 minor-unit exponent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    exponent: u32,
}

/// The supported currencies. Adding one is a one-line change; its exponent must be ISO 4217's.
const CURRENCIES: &[Currency] = &[
    Currency::new("CNY", 2),
    Currency::new("USD", 2),
    Currency::new("EUR", 2),
    Currency::new("GBP", 2),
    Currency::new("HKD", 2),
    Currency::new("SGD", 2),
    Currency::new("JPY", 0),
    Currency::new("KRW", 0),
    Currency::new("KWD", 3),
    Currency::new("BHD", 3),
    Currency::new("JOD", 3),
];

impl Currency {
    const fn new(code: &'static str, exponent: u32) -> Currency {
        Currency { code, exponent }
    }

    pub const CNY: Currency = Currency::new("CNY", 2);

    pub fn code(self) -> &'static str {
        self.code
    }

    /// The number of decimals of this currency's minor unit (CNY 2, JPY 0, KWD 3).
    pub fn exponent(self) -> u32 {
        self.exponent
    }

    /// The codes this build accepts, for error messages and help.
    pub fn supported() -> impl Iterator<Item = &'static str> {
        CURRENCIES.iter().map(|c| c.code)
    }

    fn scale(self) -> i64 {
        10_i64.pow(self.exponent)
    }

    /// The largest amount one operation may move, in minor units.
    pub fn amount_max_minor(self) -> i64 {
        AMOUNT_MAX_MAJOR * self.scale()
    }

    /// The largest balance any wallet or account may reach, in minor units.
    pub fn balance_max_minor(self) -> i64 {
        BALANCE_MAX_MAJOR * self.scale()
    }

    /// Formats minor units with exactly this currency's number of decimals: 5000 CNY → "50.00".
    pub fn format(self, minor: i64) -> String {
        Decimal::new(minor, self.exponent).to_string()
    }

    /// Parses a positive amount in the strict grammar, for this currency's exponent.
    ///
    /// Accepted: `50`, `50.5`, `50.00` (CNY). Refused, never rounded or reinterpreted: zero,
    /// signs, exponents, separators, whitespace, a leading or trailing dot, leading zeros
    /// (`007`), more decimals than the currency has, and anything above the maximum.
    pub fn parse_amount(self, input: &str) -> Result<Amount> {
        let invalid = |reason: String| Error::InvalidAmount {
            input: truncate_for_message(input),
            reason,
        };
        let (_whole, fraction) = split_amount_text(input).map_err(invalid)?;
        if fraction.len() > self.exponent as usize {
            return Err(invalid(format!(
                "{} allows at most {} decimal(s)",
                self.code, self.exponent
            )));
        }
        // The grammar is checked, so the text is plain digits and at most one dot: exact.
        let mut value = Decimal::from_str(input).map_err(|e| invalid(e.to_string()))?;
        value.rescale(self.exponent);
        let minor = i64::try_from(value.mantissa()).map_err(|_| self.above_max(input))?;
        if minor == 0 {
            return Err(invalid("must be greater than zero".into()));
        }
        if minor > self.amount_max_minor() {
            return Err(self.above_max(input));
        }
        Ok(Amount(minor))
    }

    fn above_max(self, input: &str) -> Error {
        Error::InvalidAmount {
            input: truncate_for_message(input),
            reason: format!(
                "more than the maximum of {} {} per operation",
                AMOUNT_MAX_MAJOR, self.code
            ),
        }
    }
}

impl FromStr for Currency {
    type Err = Error;

    fn from_str(code: &str) -> Result<Currency> {
        CURRENCIES.iter().copied().find(|c| c.code == code).ok_or_else(|| {
            Error::invalid(
                "currency",
                format!(
                    "{code:?} is not supported (supported: {})",
                    Currency::supported().collect::<Vec<_>>().join(", ")
                ),
            )
        })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// A validated, strictly positive amount in minor units of a currency known from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(i64);

impl Amount {
    pub fn minor(self) -> i64 {
        self.0
    }

    /// An amount already stored in the ledger (it passed [`Currency::parse_amount`] once).
    pub fn from_stored(minor: i64) -> Option<Amount> {
        (minor > 0).then_some(Amount(minor))
    }
}

/// A sum in minor units with its currency, as facts carry it: a requested amount, a balance
/// (zero included). It displays as messages have always shown money: `12.34 CNY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// The number alone, with the currency's decimals (`12.34`): for a message that names the
    /// currency elsewhere, or not at all.
    pub fn decimal(self) -> String {
        self.currency.format(self.minor)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}

/// Which of a wallet's balances a change would push past the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Balance {
    Available,
    Frozen,
    /// Available and frozen together.
    Total,
}

impl fmt::Display for Balance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Balance::Available => "the available balance",
            Balance::Frozen => "the frozen balance",
            Balance::Total => "the balance",
        })
    }
}

/// Checks an amount's grammar, before its currency is known (its decimals are checked later).
pub fn check_grammar(input: &str) -> Result<()> {
    split_amount_text(input)
        .map(|_| ())
        .map_err(|reason| Error::InvalidAmount {
            input: truncate_for_message(input),
            reason,
        })
}

/// Checks the grammar only: returns the digits before and after the dot.
fn split_amount_text(input: &str) -> Result<(&str, &str), String> {
    if input.is_empty() {
        return Err("must not be empty".into());
    }
    if input.len() > AMOUNT_TEXT_LEN_MAX {
        return Err(format!(
            "longer than {AMOUNT_TEXT_LEN_MAX} characters; more than the maximum"
        ));
    }
    let (whole, fraction) = match input.split_once('.') {
        Some((whole, fraction)) => {
            if fraction.is_empty() {
                return Err("must not end with a dot; write digits after it or drop it".into());
            }
            (whole, fraction)
        }
        None => (input, ""),
    };
    if whole.is_empty() {
        return Err("must start with a digit (write 0.5, not .5)".into());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return Err(
            "must be plain digits with an optional decimal point (no sign, exponent, separator or space)".into(),
        );
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return Err("must not have leading zeros".into());
    }
    Ok((whole, fraction))
}

fn truncate_for_message(input: &str) -> String {
    const SHOWN_MAX: usize = 40;
    match input.char_indices().nth(SHOWN_MAX) {
        Some((cut, _)) => format!("{}…", &input[..cut]),
        None => input.to_owned(),
    }
}

/// Adds a signed change to a balance, refusing to leave `0..=balance_max`.
///
/// Going below zero is a programmer error (the rules check available funds first); going above
/// the maximum is a condition a user can cause with large deposits.
pub fn apply_change(balance: i64, change: i64, currency: Currency, what: Balance) -> Result<i64> {
    let next = balance
        .checked_add(change)
        .filter(|next| *next <= currency.balance_max_minor())
        .ok_or(Error::BalanceLimit {
            what,
            max_major: BALANCE_MAX_MAJOR,
            currency,
        })?;
    if next < 0 {
        return Err(Error::internal(format!(
            "{what} would go negative ({balance} {change:+} minor units)"
        )));
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        code.parse().unwrap()
    }

    #[test]
    fn accepts_the_strict_grammar_without_rounding() {
        let cny = cur("CNY");
        assert_eq!(cny.parse_amount("50").unwrap().minor(), 5000);
        assert_eq!(cny.parse_amount("50.5").unwrap().minor(), 5050);
        assert_eq!(cny.parse_amount("50.00").unwrap().minor(), 5000);
        assert_eq!(cny.parse_amount("0.01").unwrap().minor(), 1);
        assert_eq!(cur("JPY").parse_amount("1500").unwrap().minor(), 1500);
        assert_eq!(cur("KWD").parse_amount("1.234").unwrap().minor(), 1234);
    }

    #[test]
    fn refuses_every_form_spec_lists() {
        let cny = cur("CNY");
        for bad in [
            "0", "0.00", "-5", "-0", "1e3", "1E3", "1_000", ".5", "5.", "+5", " 5", "5 ", "5,00", "NaN", "Infinity",
            "inf", "", "0.001", "007", "5..0", "5.0.0", "５", "0x10",
        ] {
            let err = cny.parse_amount(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_amount", "{bad:?} gave {err}");
        }
        assert!(cur("JPY").parse_amount("1.0").is_err(), "JPY has no decimals");
        assert!(cur("KWD").parse_amount("1.2345").is_err());
    }

    #[test]
    fn refuses_amounts_above_the_maximum_without_overflowing() {
        let cny = cur("CNY");
        let max = AMOUNT_MAX_MAJOR.to_string();
        assert_eq!(cny.parse_amount(&max).unwrap().minor(), cny.amount_max_minor());
        for huge in [
            format!("{max}.01"),
            format!("{}", AMOUNT_MAX_MAJOR + 1),
            "9".repeat(19),
            "9".repeat(30),
            "9".repeat(10_000),
            format!("1.{}", "0".repeat(40)),
        ] {
            assert_eq!(cny.parse_amount(&huge).unwrap_err().code(), "invalid_amount");
        }
    }

    #[test]
    fn formats_with_the_currency_decimals() {
        assert_eq!(cur("CNY").format(5000), "50.00");
        assert_eq!(cur("CNY").format(0), "0.00");
        assert_eq!(cur("CNY").format(7), "0.07");
        assert_eq!(cur("JPY").format(1500), "1500");
        assert_eq!(cur("KWD").format(1), "0.001");
    }

    #[test]
    fn parse_then_format_is_exact_for_every_currency() {
        for code in Currency::supported() {
            let c = cur(code);
            for minor in [1_i64, 9, 10, 99, 100, 123_456_789, c.amount_max_minor()] {
                let text = c.format(minor);
                assert_eq!(c.parse_amount(&text).unwrap().minor(), minor, "{code} {text}");
            }
        }
    }

    #[test]
    fn unknown_currencies_are_invalid_requests() {
        let err = "XXX".parse::<Currency>().unwrap_err();
        assert_eq!(err.code(), "invalid_request");
        assert!("cny".parse::<Currency>().is_err(), "codes are upper case");
    }

    #[test]
    fn balance_changes_stay_within_bounds() {
        let cny = cur("CNY");
        assert_eq!(apply_change(100, -100, cny, Balance::Total).unwrap(), 0);
        assert_eq!(apply_change(0, 5, cny, Balance::Total).unwrap(), 5);
        assert_eq!(
            apply_change(cny.balance_max_minor(), 1, cny, Balance::Total)
                .unwrap_err()
                .code(),
            "balance_limit_exceeded"
        );
        assert_eq!(
            apply_change(i64::MAX, 1, cny, Balance::Total).unwrap_err().code(),
            "balance_limit_exceeded"
        );
        assert_eq!(
            apply_change(0, -1, cny, Balance::Total).unwrap_err().code(),
            "internal_error"
        );
    }

    #[test]
    fn a_balance_over_the_maximum_is_named_with_the_maximum_in_whole_units() {
        let jpy = cur("JPY");
        let err = apply_change(jpy.balance_max_minor(), 1, jpy, Balance::Frozen).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the frozen balance would exceed the ledger's maximum balance of 100000000000000 JPY"
        );
    }

    #[test]
    fn money_shows_its_currency_decimals_then_its_code() {
        assert_eq!(Money::new(1234, cur("CNY")).to_string(), "12.34 CNY");
        assert_eq!(Money::new(0, cur("KWD")).to_string(), "0.000 KWD");
        assert_eq!(Money::new(1500, cur("JPY")).decimal(), "1500");
    }
}
