//! The raw fields of a request (a batch line, an HTTP body) and the checks every operation's
//! fields share: amounts by the strict grammar, free texts, reference ids.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::ledger::ids;
use crate::ledger::limits::TEXT_LEN_MAX;
use crate::ledger::model::TxType;
use crate::ledger::money::{self, Amount, AmountRefusal, Currency};

/// An amount string that passed the grammar check; its decimals are checked against the
/// wallet's currency once the wallet is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountText(String);

impl AmountText {
    pub fn new(input: &str) -> Result<AmountText> {
        money::check_grammar(input)?;
        Ok(AmountText(input.to_owned()))
    }

    /// The amount as it was given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn in_currency(&self, currency: Currency) -> Result<Amount> {
        currency.parse_amount(&self.0)
    }

    /// The amount in the currency's canonical form, as a request's canonical form holds it.
    pub fn canonical(&self, currency: Currency) -> Result<String> {
        self.in_currency(currency).map(|a| currency.format(a.minor()))
    }
}

/// The fields of an amount moved between the wallet and the outside (a deposit, a withdrawal):
/// the two differ only in direction, which their rules give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub amount: AmountText,
    pub description: Option<String>,
    pub reference_id: Option<String>,
}

impl Movement {
    pub fn new(amount: &str, description: Option<String>, reference_id: Option<String>) -> Result<Movement> {
        Ok(Movement {
            amount: AmountText::new(amount)?,
            description: text("description", description)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    /// A batch line's or HTTP body's fields: the user, then the movement.
    pub fn read(fields: &mut Fields) -> Result<(String, Movement)> {
        let user_id = fields.required("user_id")?;
        let movement = Movement::new(
            &fields.required("amount")?,
            fields.take("description")?,
            fields.take("reference_id")?,
        )?;
        Ok((user_id, movement))
    }

    pub fn canonical(&self, kind: TxType, currency: Currency) -> Result<Value> {
        Ok(json!({
            "op": kind,
            "amount": self.amount.canonical(currency)?,
            "description": self.description,
            "reference_id": self.reference_id,
        }))
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

/// A `reference_id`, checked by the id rules.
pub fn reference(field: &str, value: Option<String>) -> Result<Option<String>> {
    value
        .map(|v| ids::check_reference(field, &v).map(str::to_owned))
        .transpose()
}

/// A field's raw value: text, or something that is not text (a JSON number, object, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Text(String),
    /// A JSON `true` or `false`.
    Bool(bool),
    /// The JSON type it had instead, e.g. "number".
    NotText(&'static str),
}

/// A record's fields, taken one by one so that leftovers can be reported.
pub struct Fields(BTreeMap<String, Raw>);

impl Fields {
    /// The record's fields; `known` lists the names a record may have at all.
    pub fn new(record: Vec<(String, Raw)>, known: &[&str]) -> Result<Fields> {
        let mut map = BTreeMap::new();
        for (name, value) in record {
            // An unknown column is only an error where it holds a value: a value is never
            // silently ignored, and one stray column does not fail every line of a file.
            let empty = matches!(&value, Raw::Text(text) if text.is_empty());
            if !known.contains(&name.as_str()) && empty {
                continue;
            }
            if !known.contains(&name.as_str()) {
                return Err(Error::invalid(
                    name.clone(),
                    format!("unknown column {name:?} (known: {})", known.join(", ")),
                ));
            }
            if map.insert(name.clone(), value).is_some() {
                return Err(Error::invalid(name.clone(), format!("column {name:?} appears twice")));
            }
        }
        Ok(Fields(map))
    }

    /// The field's text; absent, null or empty is `None`.
    pub fn take(&mut self, name: &str) -> Result<Option<String>> {
        match self.0.remove(name) {
            None => Ok(None),
            Some(Raw::Text(text)) if text.is_empty() => Ok(None),
            Some(Raw::Text(text)) => Ok(Some(text)),
            // SPEC: an amount that is a JSON number is an invalid amount, not a bad request.
            Some(Raw::NotText(kind)) if name == "amount" => Err(Error::InvalidAmount {
                input: format!("a JSON {kind}"),
                reason: AmountRefusal::NotText,
            }),
            Some(Raw::Bool(_)) => Err(Error::invalid(name, "must be a string, not a JSON boolean")),
            Some(Raw::NotText(kind)) => Err(Error::invalid(name, format!("must be a string, not a JSON {kind}"))),
        }
    }

    /// A yes/no field: JSON `true`/`false`, or the text `true`/`false` (a CSV cell); absent,
    /// null or empty is false.
    pub fn flag(&mut self, name: &str) -> Result<bool> {
        match self.0.remove(name) {
            None => Ok(false),
            Some(Raw::Bool(value)) => Ok(value),
            Some(Raw::Text(text)) => match text.as_str() {
                "" | "false" => Ok(false),
                "true" => Ok(true),
                other => Err(Error::invalid(name, format!("{other:?} is not true or false"))),
            },
            Some(Raw::NotText(kind)) => Err(Error::invalid(
                name,
                format!("must be true or false, not a JSON {kind}"),
            )),
        }
    }

    pub fn required(&mut self, name: &str) -> Result<String> {
        self.take(name)?.ok_or_else(|| Error::invalid(name, "is required"))
    }

    /// Fields left over have a value the operation does not take: refuse rather than ignore.
    pub fn finish(self, op: &str) -> Result<()> {
        for (name, value) in self.0 {
            if matches!(&value, Raw::Text(text) if text.is_empty()) {
                continue;
            }
            return Err(Error::invalid(name.clone(), format!("{op} does not take {name:?}")));
        }
        Ok(())
    }
}
