//! Parser fuzzing on stable Rust: generated inputs, structured and random, for the amount
//! grammar and for the record decoder that every JSONL batch line and every HTTP write body goes
//! through (`json_record` then `parse`). Whatever the input: no panic, and a refusal is always
//! one of the documented kinds (`invalid_request`, exit 2 / 400, or `invalid_amount`, exit 5 /
//! 422) with a message. The file-level readers (CSV and JSONL with BOMs, CRLF, odd headers) and
//! the HTTP body extractor are fuzzed by unit tests beside them (src/cli/batch.rs,
//! src/http/body.rs), which reach their private functions.
//!
//! LEDGERCTL_FUZZ_CASES (default 3000) cases per target; 100000 for the soak. PROPTEST_RNG_SEED
//! fixes the seed.

use ledgerctl::error::Error;
use ledgerctl::ledger::batch::{self, Raw, FIELDS, OPS};
use ledgerctl::ledger::money::{self, Currency};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("LEDGERCTL_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3_000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/fuzz_parsers.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// A refusal of user input: a documented kind, with a message that says something.
fn documented(e: &Error) -> Result<(), TestCaseError> {
    prop_assert!(
        matches!(e.code(), "invalid_request" | "invalid_amount"),
        "undocumented refusal {}: {}",
        e.code(),
        e
    );
    prop_assert!(matches!(e.kind().exit_code(), 2 | 5));
    prop_assert!(!e.to_string().trim().is_empty());
    Ok(())
}

/// Texts near amounts: digits, signs, dots, exponents, separators, spaces, full-width digits.
fn amountish() -> impl Strategy<Value = String> {
    prop_oneof![
        r"[0-9.\-+eE_, ]{0,30}",
        r"[0-9]{0,40}(\.[0-9]{0,40})?",
        r"[０-９0-9.]{1,8}",
        // Long and multi-byte: error messages cut what they quote, on a character boundary.
        r"[0-9.é５€]{20,80}",
        r"\PC{20,80}",
        any::<String>(),
        prop::sample::select(vec!["NaN", "Infinity", "-0", "1e400", "0x1F", "1.5e-3", "٣", "1\u{0}"])
            .prop_map(str::to_owned),
    ]
}

/// A value for a record field: mostly plausible texts, then anything.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => amountish(),
        2 => prop::sample::select(OPS.to_vec()).prop_map(str::to_owned),
        2 => prop::sample::select(vec!["usr_1", "mch_1", "txn_abc123", "frz_1", "credit", "debit", "true", "false", "r-1"])
            .prop_map(str::to_owned),
        1 => r"[\x00-\x1f\x7f]{1,3}",
        1 => "[a-z ]{0,600}",
        2 => any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
        1 => Just("new_counterparty".to_owned()),
        1 => any::<String>(),
    ]
}

/// A JSON value as text, of every JSON type, some of them odd (huge numbers, `-0`, nesting).
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => cell().prop_map(|s| serde_json::to_string(&s).expect("a string serializes")),
        1 => prop::sample::select(vec!["1", "-0", "1e400", "12.50", "null", "true", "false", "[]", "{}", "\"\"", "[\"a\"]", "{\"a\":1}"])
            .prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(|items| format!("[{}]", items.join(",")))
    })
}

/// A JSON object as text, keys possibly repeated.
fn object() -> impl Strategy<Value = String> {
    prop::collection::vec((key(), json_value()), 0..8).prop_map(|fields| {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::to_string(k).expect("a key serializes")))
            .collect();
        format!("{{{}}}", body.join(","))
    })
}

/// A JSON object, sometimes damaged, or any text at all.
fn json_object() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => object(),
        // Cut anywhere (on a character boundary), or with a character put in anywhere.
        2 => (object(), any::<prop::sample::Index>()).prop_map(|(text, at)| {
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            text[..cuts[at.index(cuts.len())]].to_owned()
        }),
        2 => (object(), any::<prop::sample::Index>(), any::<char>()).prop_map(|(mut text, at, c)| {
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            text.insert(cuts[at.index(cuts.len())], c);
            text
        }),
        1 => any::<String>(),
        1 => json_value(),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// The amount grammar, alone and with every currency: never a panic, refusals are invalid
    /// amounts, and what is accepted is plain digits with at most one dot.
    #[test]
    fn the_amount_grammar_never_panics_and_refuses_as_invalid_amount(
        text in amountish(),
        code in prop::sample::select(Currency::supported().collect::<Vec<_>>()),
    ) {
        let currency: Currency = code.parse().expect("supported");
        match money::check_grammar(&text) {
            Ok(()) => prop_assert!(
                text.bytes().all(|b| b.is_ascii_digit() || b == b'.') && text.matches('.').count() <= 1,
                "{:?} passed the grammar", text
            ),
            Err(e) => prop_assert_eq!(e.code(), "invalid_amount"),
        }
        match currency.parse_amount(&text) {
            Ok(amount) => prop_assert!(amount.minor() > 0 && amount.minor() <= currency.amount_max_minor()),
            Err(e) => prop_assert_eq!(e.code(), "invalid_amount", "{}", e),
        }
    }

    /// A JSONL line or an HTTP write body: decoded and validated as a record, any text at all
    /// ends in a valid operation or a documented refusal.
    #[test]
    fn a_json_line_or_body_is_an_operation_or_a_documented_refusal(text in json_object()) {
        match batch::json_record("body", &text).and_then(batch::parse) {
            Ok(item) => {
                // A decoded operation is fit for the rules: its amounts pass the grammar.
                prop_assert!(item.user_id.as_deref().is_none_or(|u| !u.is_empty()));
            }
            Err(e) => documented(&e)?,
        }
    }

    /// A CSV row as the reader hands it over (every cell text, any header): an operation or a
    /// documented refusal.
    #[test]
    fn a_record_of_any_fields_is_an_operation_or_a_documented_refusal(
        fields in prop::collection::vec((key(), prop_oneof![
            8 => cell().prop_map(Raw::Text),
            1 => Just(Raw::NotText("number")),
            1 => any::<bool>().prop_map(Raw::Bool),
        ]), 0..10),
    ) {
        if let Err(e) = batch::parse(fields) {
            documented(&e)?;
        }
    }
}
