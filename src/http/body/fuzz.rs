//! Fuzzing the HTTP write-body decoder with generated requests: any bytes (JSON objects, damaged
//! JSON, invalid UTF-8, anything), any `Content-Type` and `Idempotency-Key`. Never a panic; a
//! refusal is 415 `unsupported_media_type` (exactly when the type is not JSON) or 400
//! `invalid_request`; a decoded body keeps its bytes for the fingerprint and validates, with an
//! operation's name and user added as the routes add them, to an operation or a 400/422.
//!
//! LEDGERCTL_FUZZ_CASES (default 3000) sets the cases.

use std::sync::OnceLock;

use axum::extract::{FromRequest, Request};
use axum::http::HeaderValue;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::{idempotency_key, JsonBody};
use crate::ledger::batch::{self, Raw, FIELDS, OPS};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("LEDGERCTL_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3_000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/http_body.txt",
        ))),
        ..ProptestConfig::default()
    }
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    })
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop_oneof![
            r"[0-9]{1,4}(\.[0-9]{1,3})?",
            prop::sample::select(vec!["usr_1", "mch_1", "txn_abc123", "credit", "-0", "1e3", " 5", ""]).prop_map(str::to_owned),
            any::<String>(),
        ]
        .prop_map(|s| serde_json::to_string(&s).expect("a string serializes")),
        1 => prop::sample::select(vec!["1", "-0", "1e400", "null", "true", "false", "[]", "{}", "[1,{\"a\":[]}]"]).prop_map(str::to_owned),
    ]
}

fn object() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof![
        5 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
        1 => Just("new_counterparty".to_owned()),
        1 => "[a-z_]{1,8}",
    ];
    prop::collection::vec((key, value()), 0..7).prop_map(|fields| {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", body.join(",")).into_bytes()
    })
}

/// A JSON object, cut short anywhere (even inside a character), or any bytes at all.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => object(),
        2 => (object(), any::<prop::sample::Index>()).prop_map(|(bytes, at)| bytes[..at.index(bytes.len() + 1)].to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..64),
        1 => any::<String>().prop_map(String::into_bytes),
    ]
}

fn content_type() -> impl Strategy<Value = Option<(&'static str, bool)>> {
    prop::option::weighted(
        0.95,
        prop::sample::select(vec![
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            (" application/json ;x=1", true),
            ("text/plain", false),
            ("application/jsonx", false),
            ("application/x-www-form-urlencoded", false),
            ("", false),
            ("json", false),
        ]),
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_write_body_decodes_to_an_operation_or_a_documented_refusal(
        bytes in body(),
        content_type in content_type(),
        key in prop::option::of(prop::collection::vec(any::<u8>(), 0..8)),
        op in prop::sample::select(OPS.to_vec()),
    ) {
        let mut request = Request::new(axum::body::Body::from(bytes.clone()));
        if let Some((value, _)) = content_type {
            request.headers_mut().insert("content-type", HeaderValue::from_static(value));
        }
        if let Some(key) = key.and_then(|k| HeaderValue::from_bytes(&k).ok()) {
            request.headers_mut().insert("idempotency-key", key);
        }
        if let Err(e) = idempotency_key(request.headers()) {
            prop_assert_eq!(e.code(), "invalid_request");
        }
        let json = content_type.is_some_and(|(_, json)| json);
        match runtime().block_on(JsonBody::from_request(request, &())) {
            Err(e) if !json => prop_assert_eq!(e.0.code(), "unsupported_media_type"),
            Err(e) => prop_assert_eq!(e.0.code(), "invalid_request", "{}", e.0),
            Ok(body) => {
                prop_assert!(json, "a {:?} body was decoded", content_type);
                prop_assert_eq!(&body.bytes[..], &bytes[..]);
                let mut record = body.fields;
                record.push(("op".to_owned(), Raw::Text(op.to_owned())));
                record.push(("user_id".to_owned(), Raw::Text("usr_1".to_owned())));
                if let Err(e) = batch::parse(record) {
                    prop_assert!(matches!(e.code(), "invalid_request" | "invalid_amount"), "{}: {}", e.code(), e);
                }
            }
        }
    }
}
