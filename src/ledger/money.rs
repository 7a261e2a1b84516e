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
        let refused = |reason| refused(input, reason);
        let (_whole, fraction) = split_amount_text(input).map_err(refused)?;
        if fraction.len() > self.exponent as usize {
            return Err(refused(AmountRefusal::TooManyDecimals(self)));
        }
        // The grammar is checked, so the text is plain digits and at most one dot, and short
        // enough that Decimal holds it exactly: only a number too large for it could fail.
        let mut value = Decimal::from_str(input).map_err(|_| refused(AmountRefusal::AboveMax(self)))?;
        value.rescale(self.exponent);
        let minor = i64::try_from(value.mantissa()).map_err(|_| refused(AmountRefusal::AboveMax(self)))?;
        if minor == 0 {
            return Err(refused(AmountRefusal::Zero));
        }
        if minor > self.amount_max_minor() {
            return Err(refused(AmountRefusal::AboveMax(self)));
        }
        Ok(Amount(minor))
    }
}

impl Currency {
    /// A code as people and clients type it, in any case (`usd` is USD): `wallet create
    /// --currency` and `POST /wallets` read it alike.
    pub fn from_any_case(code: &str) -> Result<Currency> {
        code.to_ascii_uppercase().parse()
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

/// Why an amount was refused: the reason an `invalid_amount` message gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountRefusal {
    Empty,
    /// Longer than `AMOUNT_TEXT_LEN_MAX` characters.
    TooLong,
    EndsWithDot,
    NoLeadingDigit,
    NotPlainDigits,
    LeadingZeros,
    /// More decimals than this currency's exponent.
    TooManyDecimals(Currency),
    Zero,
    /// More than `AMOUNT_MAX_MAJOR` of this currency.
    AboveMax(Currency),
    /// Not text at all (a JSON number, say).
    NotText,
    /// A transfer between wallets of two currencies: the sender's, then the receiver's.
    OtherCurrency(Currency, Currency),
    /// A policy amount with more than three decimals (the most any currency has).
    PolicyDecimals,
    /// A policy amount above the largest balance a wallet may hold.
    PolicyAboveMax,
}

impl fmt::Display for AmountRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountRefusal::Empty => f.write_str("must not be empty"),
            AmountRefusal::TooLong => write!(f, "longer than {AMOUNT_TEXT_LEN_MAX} characters; more than the maximum"),
            AmountRefusal::EndsWithDot => f.write_str("must not end with a dot; write digits after it or drop it"),
            AmountRefusal::NoLeadingDigit => f.write_str("must start with a digit (write 0.5, not .5)"),
            AmountRefusal::NotPlainDigits => f.write_str(
                "must be plain digits with an optional decimal point (no sign, exponent, separator or space)",
            ),
            AmountRefusal::LeadingZeros => f.write_str("must not have leading zeros"),
            AmountRefusal::TooManyDecimals(c) => write!(f, "{} allows at most {} decimal(s)", c.code, c.exponent),
            AmountRefusal::Zero => f.write_str("must be greater than zero"),
            AmountRefusal::AboveMax(c) => write!(
                f,
                "more than the maximum of {AMOUNT_MAX_MAJOR} {} per operation",
                c.code
            ),
            AmountRefusal::NotText => f.write_str("amounts are strings, e.g. \"50.00\""),
            AmountRefusal::OtherCurrency(from, to) => write!(
                f,
                "the sender's wallet holds {} and the receiver's {}: a transfer moves one currency",
                from.code, to.code
            ),
            AmountRefusal::PolicyDecimals => {
                f.write_str("a policy amount has at most 3 decimals (it applies to every currency)")
            }
            AmountRefusal::PolicyAboveMax => write!(
                f,
                "more than the maximum of {BALANCE_MAX_MAJOR}, the largest balance a wallet may hold"
            ),
        }
    }
}

fn refused(input: &str, reason: AmountRefusal) -> Error {
    Error::InvalidAmount {
        input: truncate_for_message(input),
        reason,
    }
}

/// Checks an amount's grammar, before its currency is known (its decimals are checked later).
pub fn check_grammar(input: &str) -> Result<()> {
    split_amount_text(input)
        .map(|_| ())
        .map_err(|reason| refused(input, reason))
}

/// Checks the grammar only: returns the digits before and after the dot.
fn split_amount_text(input: &str) -> Result<(&str, &str), AmountRefusal> {
    if input.is_empty() {
        return Err(AmountRefusal::Empty);
    }
    if input.len() > AMOUNT_TEXT_LEN_MAX {
        return Err(AmountRefusal::TooLong);
    }
    let (whole, fraction) = match input.split_once('.') {
        Some((whole, fraction)) => {
            if fraction.is_empty() {
                return Err(AmountRefusal::EndsWithDot);
            }
            (whole, fraction)
        }
        None => (input, ""),
    };
    if whole.is_empty() {
        return Err(AmountRefusal::NoLeadingDigit);
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return Err(AmountRefusal::NotPlainDigits);
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return Err(AmountRefusal::LeadingZeros);
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

    #[test]
    fn each_refusal_reads_as_the_reason_of_its_message() {
        let cny = cur("CNY");
        let message = |input: &str| cny.parse_amount(input).unwrap_err().to_string();
        assert_eq!(
            message("5."),
            "invalid amount \"5.\": must not end with a dot; write digits after it or drop it"
        );
        assert_eq!(
            message(".5"),
            "invalid amount \".5\": must start with a digit (write 0.5, not .5)"
        );
        assert_eq!(message("007"), "invalid amount \"007\": must not have leading zeros");
        assert_eq!(
            message(&"9".repeat(25)),
            format!(
                "invalid amount \"{}\": longer than 24 characters; more than the maximum",
                "9".repeat(25)
            )
        );
    }
}
