//! Validated requests: the one shape every front door (CLI flags, HTTP bodies, batch lines)
//! turns its input into before the ledger acts. Parse, then validate, then act.

use serde_json::json;

use super::ids;
use super::limits::TEXT_LEN_MAX;
use super::model::TxType;
use super::money::{self, Amount, Currency};
use crate::error::{Error, Result};

/// An amount string that passed the grammar check; its decimals are checked against the
/// wallet's currency once the wallet is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountText(String);

impl AmountText {
    pub fn new(input: &str) -> Result<AmountText> {
        money::check_grammar(input)?;
        Ok(AmountText(input.to_owned()))
    }

    pub fn in_currency(&self, currency: Currency) -> Result<Amount> {
        currency.parse_amount(&self.0)
    }
}

/// The direction of an operator's adjustment, seen from the wallet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Credit,
    Debit,
}

/// One wallet operation, validated except for what needs the wallet (currency decimals,
/// balances, status), which the rules check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    Deposit {
        amount: AmountText,
        description: Option<String>,
        reference_id: Option<String>,
    },
    Payment {
        amount: AmountText,
        counterparty_id: String,
        /// The caller says the counterparty may be one never paid before (else a typo in its id
        /// would silently open a new account).
        new_counterparty: bool,
        description: Option<String>,
        reference_id: Option<String>,
    },
    Withdraw {
        amount: AmountText,
        description: Option<String>,
        reference_id: Option<String>,
    },
    Freeze {
        amount: AmountText,
        reason: Option<String>,
        reference_id: Option<String>,
    },
    Unfreeze {
        freeze_id: String,
        reason: Option<String>,
        reference_id: Option<String>,
    },
    Refund {
        transaction_id: String,
        amount: Option<AmountText>,
        reason: Option<String>,
        reference_id: Option<String>,
    },
    Adjust {
        direction: Direction,
        amount: AmountText,
        reason: String,
        reference_id: Option<String>,
    },
}

impl Operation {
    pub fn deposit(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        Ok(Operation::Deposit {
            amount: AmountText::new(amount)?,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn payment(
        amount: &str,
        counterparty_id: &str,
        new_counterparty: bool,
        description: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        Ok(Operation::Payment {
            amount: AmountText::new(amount)?,
            counterparty_id: ids::check_name("counterparty_id", counterparty_id)?.to_owned(),
            new_counterparty,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn withdraw(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        Ok(Operation::Withdraw {
            amount: AmountText::new(amount)?,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn freeze(amount: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        Ok(Operation::Freeze {
            amount: AmountText::new(amount)?,
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn unfreeze(freeze_id: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Operation> {
        Ok(Operation::Unfreeze {
            freeze_id: ids::check_lookup("freeze_id", freeze_id)?.to_owned(),
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn refund(
        transaction_id: &str,
        amount: Option<&str>,
        reason: Option<String>,
        reference_id: Option<String>,
    ) -> Result<Operation> {
        Ok(Operation::Refund {
            transaction_id: ids::check_lookup("transaction_id", transaction_id)?.to_owned(),
            amount: amount.map(AmountText::new).transpose()?,
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub fn adjust(direction: Direction, amount: &str, reason: &str, reference_id: Option<String>) -> Result<Operation> {
        let reason = text("reason", Some(reason.to_owned()))?
            .ok_or_else(|| Error::invalid("reason", "an adjustment needs a reason"))?;
        Ok(Operation::Adjust {
            direction,
            amount: AmountText::new(amount)?,
            reason,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    /// The `reference_id` that makes this operation idempotent, if any.
    pub fn reference_id(&self) -> Option<&str> {
        match self {
            Operation::Deposit { reference_id, .. }
            | Operation::Payment { reference_id, .. }
            | Operation::Withdraw { reference_id, .. }
            | Operation::Freeze { reference_id, .. }
            | Operation::Unfreeze { reference_id, .. }
            | Operation::Refund { reference_id, .. }
            | Operation::Adjust { reference_id, .. } => reference_id.as_deref(),
        }
    }

    /// The transaction type this operation writes.
    pub fn kind(&self) -> TxType {
        match self {
            Operation::Deposit { .. } => TxType::Deposit,
            Operation::Payment { .. } => TxType::Payment,
            Operation::Withdraw { .. } => TxType::Withdraw,
            Operation::Freeze { .. } => TxType::Freeze,
            Operation::Unfreeze { .. } => TxType::Unfreeze,
            Operation::Refund { .. } => TxType::Refund,
            Operation::Adjust {
                direction: Direction::Credit,
                ..
            } => TxType::AdjustCredit,
            Operation::Adjust {
                direction: Direction::Debit,
                ..
            } => TxType::AdjustDebit,
        }
    }

    /// The canonical form of this request, stored with its entry: a `reference_id` replay is
    /// the same request only if this string is equal. Amounts are normalised to the currency's
    /// decimals, so `50` and `50.00` are the same request.
    pub fn canonical(&self, currency: Currency) -> Result<String> {
        let amount = |a: &AmountText| a.in_currency(currency).map(|a| currency.format(a.minor()));
        let value = match self {
            Operation::Deposit {
                amount: a,
                description,
                reference_id,
            }
            | Operation::Withdraw {
                amount: a,
                description,
                reference_id,
            } => {
                json!({"op": self.kind(), "amount": amount(a)?, "description": description, "reference_id": reference_id})
            }
            // `new_counterparty` is a permission, not a parameter of the payment: a retry with or
            // without it is the same payment (and payments stored before it existed still replay).
            Operation::Payment {
                amount: a,
                counterparty_id,
                description,
                reference_id,
                ..
            } => {
                json!({"op": self.kind(), "amount": amount(a)?, "counterparty_id": counterparty_id, "description": description, "reference_id": reference_id})
            }
            Operation::Freeze {
                amount: a,
                reason,
                reference_id,
            } => {
                json!({"op": self.kind(), "amount": amount(a)?, "reason": reason, "reference_id": reference_id})
            }
            Operation::Unfreeze {
                freeze_id,
                reason,
                reference_id,
            } => {
                json!({"op": self.kind(), "freeze_id": freeze_id, "reason": reason, "reference_id": reference_id})
            }
            Operation::Refund {
                transaction_id,
                amount: a,
                reason,
                reference_id,
            } => {
                let a = a.as_ref().map(amount).transpose()?;
                json!({"op": self.kind(), "transaction_id": transaction_id, "amount": a, "reason": reason, "reference_id": reference_id})
            }
            Operation::Adjust {
                amount: a,
                reason,
                reference_id,
                ..
            } => json!({"op": self.kind(), "amount": amount(a)?, "reason": reason, "reference_id": reference_id}),
        };
        // serde_json's map keeps keys sorted, so the string is stable.
        Ok(value.to_string())
    }
}

/// A free-text field: trimmed, empty means absent, at most `TEXT_LEN_MAX` characters, no
/// control characters (they would corrupt tables and exports).
pub fn text(field: &str, value: Option<String>) -> Result<Option<String>> {
    let Some(value) = value else { return Ok(None) };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > TEXT_LEN_MAX {
        return Err(Error::invalid(
            field,
            format!("must be at most {TEXT_LEN_MAX} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(Some(value.to_owned()))
}

fn reference(field: &str, value: Option<String>) -> Result<Option<String>> {
    value
        .map(|v| ids::check_reference(field, &v).map(str::to_owned))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_is_checked_before_the_wallet_is_known() {
        assert_eq!(
            Operation::withdraw("1e3", None, None).unwrap_err().code(),
            "invalid_amount"
        );
        // Decimals depend on the currency, so 0.001 passes here and fails in CNY later.
        let op = Operation::withdraw("0.001", None, None).unwrap();
        let Operation::Withdraw { amount, .. } = op else {
            unreachable!()
        };
        assert!(amount.in_currency(Currency::CNY).is_err());
    }

    #[test]
    fn canonical_requests_normalise_amounts() {
        let a = Operation::withdraw("50", Some("x".into()), Some("r1".into())).unwrap();
        let b = Operation::withdraw("50.00", Some(" x ".into()), Some("r1".into())).unwrap();
        let c = Operation::withdraw("50.01", Some("x".into()), Some("r1".into())).unwrap();
        assert_eq!(a.canonical(Currency::CNY).unwrap(), b.canonical(Currency::CNY).unwrap());
        assert_ne!(a.canonical(Currency::CNY).unwrap(), c.canonical(Currency::CNY).unwrap());
    }

    #[test]
    fn adjustments_need_a_reason_and_ids_are_checked() {
        assert!(Operation::adjust(Direction::Credit, "1", "  ", None).is_err());
        assert!(Operation::adjust(Direction::Credit, "1", "typo fix", None).is_ok());
        assert!(Operation::unfreeze("", None, None).is_err());
        assert!(Operation::refund(&"x".repeat(129), None, None, None).is_err());
        assert!(Operation::payment("1", "a:b", true, None, None).is_err());
        assert!(Operation::deposit("1", Some("a\u{7}".into()), None).is_err());
    }
}

/// A page of a list: 1-based, at most `PAGE_SIZE_MAX` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub page_size: u32,
}

impl PageRequest {
    pub fn new(page: Option<u32>, page_size: Option<u32>) -> Result<PageRequest> {
        use super::limits::{PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX};
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(PAGE_SIZE_DEFAULT);
        if page == 0 {
            return Err(Error::invalid("page", "pages start at 1"));
        }
        if page_size == 0 || page_size > PAGE_SIZE_MAX {
            return Err(Error::invalid("page_size", format!("must be 1 to {PAGE_SIZE_MAX}")));
        }
        Ok(PageRequest { page, page_size })
    }

    /// Rows skipped before this page (fits SQLite's signed 64-bit integers).
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.page_size)
    }
}

/// One page of a list and the size of the whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: PageRequest,
}

/// Which journal entries a list shows: by type, time and reference. Times are stored-format
/// timestamps; `from` is inclusive and `to` exclusive, so months chain without overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub types: Vec<super::model::TxType>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reference_id: Option<String>,
    /// A cursor: only entries older than this transaction (`txn_…`), for stable paging while
    /// new entries arrive at the head.
    pub before: Option<String>,
}
