//! Batch lines: one record of a CSV or JSONL file → the same validated [`Operation`] the CLI
//! flags and HTTP bodies produce. Field names are the CLI's and the seeds' request fields.

use std::collections::BTreeMap;

use super::request::{Direction, Operation};
use crate::error::{Error, Result};

/// The columns (CSV) or keys (JSONL) a batch line may have.
pub const FIELDS: &[&str] = &[
    "op",
    "user_id",
    "amount",
    "description",
    "reference_id",
    "counterparty_id",
    "reason",
    "freeze_id",
    "transaction_id",
    "direction",
    "new_counterparty",
];

/// The columns a CSV header must name: the only field every line needs (a refund finds its
/// wallet without `user_id`; the other fields depend on the operation and fail their line).
pub const REQUIRED_COLUMNS: &[&str] = &["op"];

/// The operations a batch line may name in its `op` field.
pub const OPS: &[&str] = &[
    "deposit", "payment", "withdraw", "freeze", "unfreeze", "refund", "adjust",
];

/// One line of a batch, validated: the wallet's user (absent for the internal refund, which
/// finds the wallet from the transaction) and the operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    pub user_id: Option<String>,
    pub operation: Operation,
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

/// Validates one record. Empty values count as absent, so a CSV may share one header across
/// operations; a non-empty value in a field the operation does not take is an error.
pub fn parse(record: Vec<(String, Raw)>) -> Result<BatchItem> {
    let mut fields = Fields::new(record)?;
    let op = fields
        .take("op")?
        .ok_or_else(|| Error::invalid("op", format!("is required: one of {}", OPS.join(", "))))?;
    let item = match op.as_str() {
        "deposit" => BatchItem {
            user_id: Some(fields.required("user_id")?),
            operation: Operation::deposit(
                &fields.required("amount")?,
                fields.take("description")?,
                fields.take("reference_id")?,
            )?,
        },
        "withdraw" => BatchItem {
            user_id: Some(fields.required("user_id")?),
            operation: Operation::withdraw(
                &fields.required("amount")?,
                fields.take("description")?,
                fields.take("reference_id")?,
            )?,
        },
        "payment" => BatchItem {
            user_id: Some(fields.required("user_id")?),
            operation: Operation::payment(
                &fields.required("amount")?,
                &fields.required("counterparty_id")?,
                fields.flag("new_counterparty")?,
                fields.take("description")?,
                fields.take("reference_id")?,
            )?,
        },
        "freeze" => BatchItem {
            user_id: Some(fields.required("user_id")?),
            operation: Operation::freeze(
                &fields.required("amount")?,
                fields.take("reason")?,
                fields.take("reference_id")?,
            )?,
        },
        "unfreeze" => BatchItem {
            user_id: Some(fields.required("user_id")?),
            operation: Operation::unfreeze(
                &fields.required("freeze_id")?,
                fields.take("reason")?,
                fields.take("reference_id")?,
            )?,
        },
        "refund" => BatchItem {
            user_id: fields.take("user_id")?,
            operation: Operation::refund(
                &fields.required("transaction_id")?,
                fields.take("amount")?.as_deref(),
                fields.take("reason")?,
                fields.take("reference_id")?,
            )?,
        },
        "adjust" => {
            let direction = match fields.required("direction")?.as_str() {
                "credit" => Direction::Credit,
                "debit" => Direction::Debit,
                other => return Err(Error::invalid("direction", format!("{other:?} is not credit or debit"))),
            };
            BatchItem {
                user_id: Some(fields.required("user_id")?),
                operation: Operation::adjust(
                    direction,
                    &fields.required("amount")?,
                    &fields.required("reason")?,
                    fields.take("reference_id")?,
                )?,
            }
        }
        other => {
            return Err(Error::invalid(
                "op",
                format!("{other:?} is not one of {}", OPS.join(", ")),
            ))
        }
    };
    fields.finish(&op)?;
    Ok(item)
}

/// Reads one JSON object (a JSONL line, an HTTP body) into a record for [`parse`]; `field` names
/// the input in the error when it is not a JSON object.
pub fn json_record(field: &str, raw: &str) -> Result<Vec<(String, Raw)>> {
    let JsonFields(map) =
        serde_json::from_str(raw).map_err(|e| Error::invalid(field, format!("is not a valid JSON object: {e}")))?;
    map.into_iter()
        // null is an absent field.
        .filter(|(_, value)| value.get() != "null")
        .map(|(key, value)| {
            // Classified from the raw text, not parsed into a value: a number too large for a
            // double (`1e400`) is still "a JSON number", an invalid amount, not a syntax error.
            let text = value.get();
            let raw = match text.as_bytes().first() {
                Some(b'"') => {
                    let text: String = serde_json::from_str(text)
                        .map_err(|e| Error::invalid(&key, format!("is not a valid string: {e}")))?;
                    // Unlike a CSV cell, an empty JSON string was typed on purpose: refuse it
                    // rather than drop it (a dropped "reference_id": "" would make a retry
                    // apply twice).
                    if text.is_empty() {
                        return Err(Error::invalid(&key, "is empty: leave the field out (or null) instead"));
                    }
                    Raw::Text(text)
                }
                Some(b't') => Raw::Bool(true),
                Some(b'f') => Raw::Bool(false),
                Some(b'[') => Raw::NotText("array"),
                Some(b'{') => Raw::NotText("object"),
                _ => Raw::NotText("number"),
            };
            Ok((key, raw))
        })
        .collect()
}

/// A JSON object's fields in order, refusing a key given twice (serde_json alone would keep the
/// last value and silently drop the first).
struct JsonFields(Vec<(String, Box<serde_json::value::RawValue>)>);

impl<'de> serde::Deserialize<'de> for JsonFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<JsonFields, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<JsonFields, A::Error> {
                let mut fields: Vec<(String, Box<serde_json::value::RawValue>)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<serde_json::value::RawValue>>()? {
                    if fields.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!("key {key:?} appears twice")));
                    }
                    fields.push((key, value));
                }
                Ok(JsonFields(fields))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// A record's fields, taken one by one so that leftovers can be reported.
struct Fields(BTreeMap<String, Raw>);

impl Fields {
    fn new(record: Vec<(String, Raw)>) -> Result<Fields> {
        let mut map = BTreeMap::new();
        for (name, value) in record {
            // An unknown column is only an error where it holds a value: a value is never
            // silently ignored, and one stray column does not fail every line of a file.
            let empty = matches!(&value, Raw::Text(text) if text.is_empty());
            if !FIELDS.contains(&name.as_str()) && empty {
                continue;
            }
            if !FIELDS.contains(&name.as_str()) {
                return Err(Error::invalid(
                    name.clone(),
                    format!("unknown column {name:?} (known: {})", FIELDS.join(", ")),
                ));
            }
            if map.insert(name.clone(), value).is_some() {
                return Err(Error::invalid(name.clone(), format!("column {name:?} appears twice")));
            }
        }
        Ok(Fields(map))
    }

    /// The field's text; absent, null or empty is `None`.
    fn take(&mut self, name: &str) -> Result<Option<String>> {
        match self.0.remove(name) {
            None => Ok(None),
            Some(Raw::Text(text)) if text.is_empty() => Ok(None),
            Some(Raw::Text(text)) => Ok(Some(text)),
            // SPEC: an amount that is a JSON number is an invalid amount, not a bad request.
            Some(Raw::NotText(kind)) if name == "amount" => Err(Error::InvalidAmount {
                input: format!("a JSON {kind}"),
                reason: "amounts are strings, e.g. \"50.00\"".to_owned(),
            }),
            Some(Raw::Bool(_)) => Err(Error::invalid(name, "must be a string, not a JSON boolean")),
            Some(Raw::NotText(kind)) => Err(Error::invalid(name, format!("must be a string, not a JSON {kind}"))),
        }
    }

    /// A yes/no field: JSON `true`/`false`, or the text `true`/`false` (a CSV cell); absent,
    /// null or empty is false.
    fn flag(&mut self, name: &str) -> Result<bool> {
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

    fn required(&mut self, name: &str) -> Result<String> {
        self.take(name)?.ok_or_else(|| Error::invalid(name, "is required"))
    }

    /// Fields left over have a value the operation does not take: refuse rather than ignore.
    fn finish(self, op: &str) -> Result<()> {
        for (name, value) in self.0 {
            if matches!(&value, Raw::Text(text) if text.is_empty()) {
                continue;
            }
            return Err(Error::invalid(name.clone(), format!("{op} does not take {name:?}")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(pairs: &[(&str, &str)]) -> Vec<(String, Raw)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Raw::Text(v.to_string())))
            .collect()
    }

    #[test]
    fn json_values_are_classified_from_their_text_even_beyond_a_double() {
        let record = json_record(
            "body",
            r#"{"amount": 1e400, "a": "x\u0041", "b": null, "c": true, "d": [1], "e": {}}"#,
        )
        .unwrap();
        assert_eq!(
            record,
            vec![
                ("amount".to_string(), Raw::NotText("number")),
                ("a".to_string(), Raw::Text("xA".into())),
                ("c".to_string(), Raw::Bool(true)),
                ("d".to_string(), Raw::NotText("array")),
                ("e".to_string(), Raw::NotText("object")),
            ]
        );
        assert!(json_record("body", r#"{"a":1,"a":2}"#)
            .unwrap_err()
            .to_string()
            .contains("appears twice"));
        assert!(json_record("body", "[1]").is_err());
        let empty = json_record("body", r#"{"reference_id":""}"#).unwrap_err();
        assert_eq!(
            empty.to_string(),
            "invalid reference_id: is empty: leave the field out (or null) instead"
        );
    }

    #[test]
    fn a_refund_line_without_a_user_is_the_internal_refund() {
        let item = parse(line(&[
            ("op", "refund"),
            ("transaction_id", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"),
            ("amount", ""),
        ]))
        .unwrap();
        assert_eq!(item.user_id, None);
        assert!(matches!(item.operation, Operation::Refund { amount: None, .. }));
    }

    #[test]
    fn lines_share_a_header_but_cannot_carry_stray_values() {
        let ok = line(&[
            ("op", "deposit"),
            ("user_id", "u"),
            ("amount", "5"),
            ("freeze_id", ""),
            ("reason", ""),
        ]);
        assert!(parse(ok).is_ok());
        let stray = line(&[("op", "deposit"), ("user_id", "u"), ("amount", "5"), ("reason", "why")]);
        assert_eq!(
            parse(stray).unwrap_err().to_string(),
            "invalid reason: deposit does not take \"reason\""
        );
    }

    #[test]
    fn unknown_columns_missing_fields_and_bad_types_are_named() {
        let unknown = line(&[("op", "deposit"), ("user_id", "u"), ("amount", "5"), ("amt", "5")]);
        assert!(parse(unknown)
            .unwrap_err()
            .to_string()
            .contains("unknown column \"amt\""));
        assert!(parse(line(&[("op", "deposit"), ("user_id", "u")]))
            .unwrap_err()
            .to_string()
            .contains("amount"));
        assert!(parse(line(&[("op", "transfer")])).is_err());
        let number = vec![
            ("op".to_string(), Raw::Text("withdraw".into())),
            ("user_id".to_string(), Raw::Text("u".into())),
            ("amount".to_string(), Raw::NotText("number")),
        ];
        assert_eq!(parse(number).unwrap_err().code(), "invalid_amount");
        let adjust = line(&[
            ("op", "adjust"),
            ("user_id", "u"),
            ("amount", "5"),
            ("direction", "up"),
            ("reason", "x"),
        ]);
        assert!(parse(adjust).is_err());
    }
}
