//! Batch lines: one record of a CSV or JSONL file → the same validated [`Operation`] the CLI
//! flags and HTTP bodies produce. Field names are the CLI's and the seeds' request fields.

pub use super::operations::Raw;
use super::operations::{Fields, Operation, SPECS};
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
    "from_user_id",
    "to_user_id",
];

/// The columns a CSV header must name: the only field every line needs (a refund finds its
/// wallet without `user_id`; the other fields depend on the operation and fail their line).
pub const REQUIRED_COLUMNS: &[&str] = &["op"];

/// The operations a batch line may name in its `op` field: the registry's, in its order.
pub const OPS: [&str; SPECS.len()] = {
    let mut names = [""; SPECS.len()];
    let mut i = 0;
    while i < SPECS.len() {
        names[i] = SPECS[i].name;
        i += 1;
    }
    names
};

/// One line of a batch, validated: the wallet's user (absent for the internal refund, which
/// finds the wallet from the transaction) and the operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    pub user_id: Option<String>,
    pub operation: Operation,
}

/// Validates one record. Empty values count as absent, so a CSV may share one header across
/// operations; a non-empty value in a field the operation does not take is an error.
pub fn parse(record: Vec<(String, Raw)>) -> Result<BatchItem> {
    let mut fields = Fields::new(record, FIELDS)?;
    let op = fields
        .take("op")?
        .ok_or_else(|| Error::invalid("op", format!("is required: one of {}", OPS.join(", "))))?;
    let Some(spec) = SPECS.iter().find(|spec| spec.name == op) else {
        return Err(Error::invalid("op", format!("{op:?} is not one of {}", OPS.join(", "))));
    };
    let (user_id, operation) = (spec.read)(&mut fields)?;
    fields.finish(&op)?;
    Ok(BatchItem { user_id, operation })
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
        assert!(matches!(
            item.operation,
            Operation::InternalRefund(crate::ledger::operations::internal_refund::Request(
                crate::ledger::operations::refund::Request { amount: None, .. }
            ))
        ));
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
