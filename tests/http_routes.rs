//! SPEC section 5: every route of `ledgerctl serve`, its envelope (the seeds' `…DetailResponse`),
//! and every status it answers. A refused write leaves the ledger file exactly as it was.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;
use support::server::{is_rfc3339_utc, Answer, Server};
use support::{s, Ledger, TRANSACTION_KEYS};

/// A ledger where alice's wallet holds `funds`, a write token, and a server over it. The server
/// is declared first so it stops before the ledger's folder is removed.
struct Api {
    server: Server,
    token: String,
    ledger: Ledger,
}

impl Api {
    fn new(funds: &str) -> Api {
        let ledger = Ledger::new();
        ledger.funded("alice", funds);
        let token = ledger.token(&["token", "create", "--scope", "write"]);
        Api {
            server: Server::start(&ledger),
            token,
            ledger,
        }
    }

    fn post(&self, path: &str, body: &str) -> Answer {
        self.server.post(&self.token, path, body)
    }

    fn get(&self, path: &str) -> Answer {
        self.server.get(&self.token, path)
    }

    /// A write that must be refused with `status` and `error` and change nothing.
    fn refused(&self, path: &str, body: &str, status: u16, error: &str) -> Answer {
        self.ledger.refused(status, error, || self.post(path, body))
    }

    /// A write that must succeed; returns its `data`.
    fn ok(&self, path: &str, body: &str) -> Value {
        self.post(path, body).ok().clone()
    }

    /// The id of the transaction a successful write made.
    fn txn(&self, path: &str, body: &str) -> String {
        s(&self.ok(path, body)["transaction"]["id"]).to_owned()
    }

    /// The id of the freeze a successful freeze made.
    fn freeze(&self, user: &str, amount: &str) -> String {
        let data = self.ok(
            &format!("/wallets/{user}/freeze"),
            &format!(r#"{{"amount":"{amount}"}}"#),
        );
        s(&data["freeze"]["id"]).to_owned()
    }

    /// The items of a 200 list.
    fn items(&self, path: &str) -> Vec<Value> {
        let answer = self.get(path);
        assert_eq!(answer.status, 200, "GET {path}: {}", answer.body);
        answer.json["items"].as_array().expect("items").clone()
    }
}

const WALLET_FIELDS: &[&str] = &[
    "application_id",
    "available_balance",
    "balance",
    "created_at",
    "currency",
    "frozen_balance",
    "status",
    "tenant_id",
    "updated_at",
    "user_id",
    "wallet_id",
];

const FREEZE_FIELDS: &[&str] = &[
    "amount",
    "created_at",
    "id",
    "reason",
    "release_reason",
    "released_at",
    "status",
    "wallet_id",
];

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn has_fields(v: &Value, fields: &[&str]) {
    for field in fields {
        assert!(v.get(field).is_some(), "{field} missing from {v}");
    }
}

/// The seeds' `…DetailResponse`: `{code, message, data: {<first>, wallet}, timestamp}`, with
/// the seeds' field names in both objects. Returns `data`.
fn result<'a>(answer: &'a Answer, first: &str) -> &'a Value {
    let data = answer.ok();
    assert_eq!(
        keys(&answer.json),
        ["code", "data", "message", "timestamp"],
        "{}",
        answer.body
    );
    assert_eq!(answer.json["message"], "ok");
    assert_eq!(keys(data), [first, "wallet"], "{}", answer.body);
    let fields = if first == "freeze" {
        FREEZE_FIELDS
    } else {
        &TRANSACTION_KEYS
    };
    assert_eq!(keys(&data[first]), fields, "{}", answer.body);
    assert_eq!(keys(&data["wallet"]), WALLET_FIELDS, "{}", answer.body);
    assert_eq!(data[first]["wallet_id"], data["wallet"]["wallet_id"]);
    data
}

fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| s(&i["id"]).to_owned()).collect()
}

// ---------------------------------------------------------------------------------------------
// The write routes, as the seeds describe them.

#[test]
fn deposit_credits_the_wallet_and_answers_the_transaction_and_the_wallet() {
    let api = Api::new("100.00");
    let answer = api.post(
        "/wallets/alice/deposit",
        r#"{"amount":"25.5","description":"Account deposit","reference_id":"dep-1"}"#,
    );
    let data = result(&answer, "transaction");
    let t = &data["transaction"];
    assert_eq!(t["type"], "deposit");
    assert_eq!(t["amount"], "25.50");
    assert_eq!(t["currency"], "CNY");
    assert_eq!(t["balance_before"], "100.00");
    assert_eq!(t["balance_after"], "125.50");
    assert_eq!(t["status"], "completed");
    assert_eq!(t["description"], "Account deposit");
    assert_eq!(t["reference_id"], "dep-1");
    assert!(s(&t["id"]).starts_with("txn_"));
    assert!(is_rfc3339_utc(s(&t["created_at"])));
    assert_eq!(data["wallet"]["user_id"], "alice");
    assert_eq!(data["wallet"]["balance"], "125.50");
    assert_eq!(api.ledger.wallet("alice")["balance"], "125.50");
}

#[test]
fn payment_debits_the_wallet_to_the_counterparty_named_in_the_body() {
    let api = Api::new("100.00");
    let answer = api.post(
        "/wallets/alice/payment",
        r#"{"amount":"30.00","counterparty_id":"mch_42","new_counterparty":true,"description":"Order 123"}"#,
    );
    let data = result(&answer, "transaction");
    assert_eq!(data["transaction"]["type"], "payment");
    assert_eq!(data["transaction"]["counterparty_id"], "mch_42");
    assert_eq!(data["transaction"]["balance_after"], "70.00");
    assert_eq!(data["wallet"]["available_balance"], "70.00");
    let tb = api.ledger.ok(&["ledger", "trial-balance"]);
    let counterparty = tb["data"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| s(&a["account"]).contains("counterparty") && s(&a["account"]).contains("mch_42"))
        .unwrap_or_else(|| panic!("a counterparty account for mch_42: {tb}"))
        .clone();
    assert_eq!(
        counterparty["balance"].as_str().map(|b| b.trim_start_matches('-')),
        Some("30.00")
    );
}

#[test]
fn a_payment_without_a_counterparty_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/payment",
        r#"{"amount":"30.00"}"#,
        400,
        "invalid_request",
    );
}

#[test]
fn withdraw_debits_the_wallet_as_the_seed_describes() {
    let api = Api::new("100.00");
    let answer = api.post(
        "/wallets/alice/withdraw",
        r#"{"amount":"50.00","description":"Balance withdrawal","reference_id":"withdraw_123"}"#,
    );
    let data = result(&answer, "transaction");
    let t = &data["transaction"];
    assert_eq!(t["type"], "withdraw");
    assert_eq!(t["amount"], "50.00");
    assert_eq!(t["balance_before"], "100.00");
    assert_eq!(t["balance_after"], "50.00");
    assert_eq!(t["description"], "Balance withdrawal");
    assert_eq!(t["reference_id"], "withdraw_123");
    assert_eq!(data["wallet"]["balance"], "50.00");
    api.ledger.verified();
}

#[test]
fn freeze_holds_funds_and_leaves_the_balance_unchanged() {
    let api = Api::new("100.00");
    let answer = api.post(
        "/wallets/alice/freeze",
        r#"{"amount":"40.00","reason":"Dispute freeze"}"#,
    );
    let data = result(&answer, "freeze");
    let f = &data["freeze"];
    assert!(s(&f["id"]).starts_with("frz_"));
    assert_eq!(f["amount"], "40.00");
    assert_eq!(f["reason"], "Dispute freeze");
    assert_eq!(f["status"], "active");
    assert_eq!(f["released_at"], Value::Null);
    let w = &data["wallet"];
    assert_eq!(
        (&w["balance"], &w["frozen_balance"], &w["available_balance"]),
        (&Value::from("100.00"), &Value::from("40.00"), &Value::from("60.00"))
    );
}

#[test]
fn unfreeze_releases_the_freeze_named_by_freeze_id() {
    let api = Api::new("100.00");
    let freeze_id = api.freeze("alice", "40.00");
    let answer = api.post("/wallets/alice/unfreeze", &format!(r#"{{"freeze_id":"{freeze_id}"}}"#));
    let data = result(&answer, "freeze");
    assert_eq!(data["freeze"]["id"], freeze_id.as_str());
    assert_eq!(data["freeze"]["status"], "released");
    assert!(is_rfc3339_utc(s(&data["freeze"]["released_at"])), "{}", answer.body);
    assert_eq!(data["wallet"]["frozen_balance"], "0.00");
    assert_eq!(data["wallet"]["available_balance"], "100.00");
}

#[test]
fn freeze_and_unfreeze_replay_a_reference_id_and_unfreeze_records_its_reason() {
    let api = Api::new("100.00");
    let hold = r#"{"amount":"40.00","reason":"Dispute freeze","reference_id":"order:7/hold"}"#;
    let first = api.ok("/wallets/alice/freeze", hold);
    let again = api.post("/wallets/alice/freeze", hold);
    assert_eq!(again.json["message"], "replayed", "{}", again.body);
    assert_eq!(again.ok()["freeze"]["id"], first["freeze"]["id"]);
    api.refused(
        "/wallets/alice/freeze",
        r#"{"amount":"41.00","reference_id":"order:7/hold"}"#,
        409,
        "reference_conflict",
    );
    let id = s(&first["freeze"]["id"]).to_owned();
    let release = format!(r#"{{"freeze_id":"{id}","reason":"Dispute won","reference_id":"order:7/release"}}"#);
    let answer = api.post("/wallets/alice/unfreeze", &release);
    let data = result(&answer, "freeze");
    assert_eq!(data["freeze"]["release_reason"], "Dispute won");
    assert_eq!(data["freeze"]["reason"], "Dispute freeze");
    let again = api.post("/wallets/alice/unfreeze", &release);
    assert_eq!(again.json["message"], "replayed", "{}", again.body);
    assert_eq!(again.ok()["wallet"]["frozen_balance"], "0.00");
    let listed = api.items("/wallets/alice/freezes");
    assert_eq!(listed[0]["release_reason"], "Dispute won");
}

#[test]
fn refund_with_an_amount_refunds_that_part_and_the_original_shows_it() {
    let api = Api::new("100.00");
    let payment = api.txn(
        "/wallets/alice/payment",
        r#"{"amount":"30.00","counterparty_id":"mch_1","new_counterparty":true}"#,
    );
    let answer = api.post(
        "/wallets/alice/refund",
        &format!(
            r#"{{"transaction_id":"{payment}","amount":"10.00","reason":"Product return","reference_id":"REF-001"}}"#
        ),
    );
    let data = result(&answer, "transaction");
    assert_eq!(data["transaction"]["type"], "refund");
    assert_eq!(data["transaction"]["amount"], "10.00");
    assert_eq!(data["transaction"]["original_transaction_id"], payment.as_str());
    assert_eq!(data["transaction"]["reason"], "Product return", "its own field");
    assert_eq!(
        data["transaction"]["description"],
        format!("refund of {payment}").as_str()
    );
    assert_eq!(data["wallet"]["balance"], "80.00");
    let original = api.items("/wallets/alice/transactions?type=payment");
    assert_eq!(original[0]["refunded_amount"], "10.00", "{original:?}");
}

#[test]
fn refund_without_an_amount_refunds_the_whole_remaining_amount() {
    let api = Api::new("100.00");
    let payment = api.txn(
        "/wallets/alice/payment",
        r#"{"amount":"30.00","counterparty_id":"mch_1","new_counterparty":true}"#,
    );
    api.ok(
        "/wallets/alice/refund",
        &format!(r#"{{"transaction_id":"{payment}","amount":"10.00"}}"#),
    );
    let rest = api.ok("/wallets/alice/refund", &format!(r#"{{"transaction_id":"{payment}"}}"#));
    assert_eq!(rest["transaction"]["amount"], "20.00");
    assert_eq!(rest["wallet"]["balance"], "100.00");
}

#[test]
fn a_refund_above_the_refundable_amount_is_422() {
    let api = Api::new("100.00");
    let payment = api.txn(
        "/wallets/alice/payment",
        r#"{"amount":"30.00","counterparty_id":"mch_1","new_counterparty":true}"#,
    );
    api.refused(
        "/wallets/alice/refund",
        &format!(r#"{{"transaction_id":"{payment}","amount":"30.01"}}"#),
        422,
        "exceeds_refundable_amount",
    );
}

// ---------------------------------------------------------------------------------------------
// The read routes.

#[test]
fn get_wallet_shows_balance_frozen_and_available_like_the_upstream_example() {
    let api = Api::new("1000.00");
    api.freeze("alice", "100.00");
    let answer = api.get("/wallets/alice");
    let w = answer.ok();
    assert_eq!(keys(&answer.json), ["code", "data", "message", "timestamp"]);
    assert_eq!(keys(w), WALLET_FIELDS);
    assert_eq!(w["balance"], "1000.00");
    assert_eq!(w["frozen_balance"], "100.00");
    assert_eq!(w["available_balance"], "900.00");
    assert_eq!(w["user_id"], "alice");
}

#[test]
fn transactions_are_a_list_newest_first_with_the_upstream_pagination() {
    let api = Api::new("100.00");
    for _ in 0..4 {
        api.ok("/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
    }
    let answer = api.get("/wallets/alice/transactions?page=2&page_size=2");
    assert_eq!(answer.status, 200, "{}", answer.body);
    let list = &answer.json;
    assert_eq!(list["total"], 5);
    assert_eq!(
        list["pagination"],
        serde_json::json!({"page": 2, "page_size": 2, "total": 5, "total_pages": 3, "has_next": true, "has_prev": true})
    );
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    for item in items {
        assert_eq!(keys(item), TRANSACTION_KEYS, "{item}");
    }
    // Newest first (balances after: 96, 97, 98, 99, 100): page 2 holds 98.00 then 99.00.
    assert_eq!(items[0]["balance_after"], "98.00");
    assert_eq!(items[1]["balance_after"], "99.00");
}

#[test]
fn a_cursor_walk_sees_every_entry_once_newest_first_while_new_entries_arrive() {
    let api = Api::new("1000.00");
    for i in 0..44 {
        api.ok("/wallets/alice/deposit", &format!(r#"{{"amount":"{}.00"}}"#, i + 1));
    }
    let expected: Vec<String> = api.ledger.texts(
        "SELECT e.id FROM journal_entries e JOIN wallets w ON w.id = e.wallet_id
         WHERE w.user_id = 'alice' ORDER BY e.seq DESC",
    );
    assert_eq!(expected.len(), 45);

    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut path = "/wallets/alice/transactions?page_size=20".to_owned();
    loop {
        let answer = api.get(&path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        let items = answer.json["items"].as_array().unwrap();
        sizes.push(items.len());
        seen.extend(ids(items));
        // Somebody writes between two pages: the walk must neither repeat nor skip an entry.
        api.ok("/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
        match answer.json.get("next_cursor").and_then(Value::as_str) {
            Some(cursor) => path = format!("/wallets/alice/transactions?page_size=20&cursor={cursor}"),
            None => {
                assert_eq!(answer.json["pagination"]["has_next"], false, "{}", answer.body);
                break;
            }
        }
        assert!(sizes.len() < 10, "the walk does not end: {sizes:?}");
    }
    assert_eq!(sizes, [20, 20, 5]);
    assert_eq!(seen, expected, "every entry exactly once, newest first");
}

#[test]
fn the_type_filter_takes_a_type_repeated_or_comma_separated() {
    let api = Api::new("100.00");
    api.ok("/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
    let payment = api.txn(
        "/wallets/alice/payment",
        r#"{"amount":"2.00","counterparty_id":"mch_1","new_counterparty":true}"#,
    );
    api.ok("/wallets/alice/refund", &format!(r#"{{"transaction_id":"{payment}"}}"#));
    api.freeze("alice", "3.00");
    let types = |path: &str| -> Vec<String> {
        let mut t: Vec<String> = api.items(path).iter().map(|i| s(&i["type"]).to_owned()).collect();
        t.sort();
        t
    };
    assert_eq!(types("/wallets/alice/transactions?type=withdraw"), ["withdraw"]);
    assert_eq!(
        types("/wallets/alice/transactions?type=withdraw&type=refund"),
        ["refund", "withdraw"]
    );
    assert_eq!(
        types("/wallets/alice/transactions?type=withdraw,refund"),
        ["refund", "withdraw"]
    );
}

#[test]
fn an_unknown_transaction_type_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.get("/wallets/alice/transactions?type=transfer")
        .is_error(400, "invalid_request");
}

#[test]
fn from_is_inclusive_and_to_exclusive_so_one_moment_splits_the_history_in_two() {
    let api = Api::new("100.00");
    for _ in 0..5 {
        api.ok("/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
    }
    let all = api.items("/wallets/alice/transactions");
    assert_eq!(all.len(), 6);
    let moment = s(&all[2]["created_at"]).to_owned();
    let from = api.items(&format!("/wallets/alice/transactions?from={moment}"));
    let to = api.items(&format!("/wallets/alice/transactions?to={moment}"));
    assert!(from.iter().all(|i| s(&i["created_at"]) >= moment.as_str()), "{from:?}");
    assert!(to.iter().all(|i| s(&i["created_at"]) < moment.as_str()), "{to:?}");
    assert!(ids(&from).contains(&s(&all[2]["id"]).to_owned()), "from is inclusive");
    let mut both = [ids(&from), ids(&to)].concat();
    both.sort();
    let mut every = ids(&all);
    every.sort();
    assert_eq!(both, every, "from=T and to=T split the history without overlap or gap");
}

#[test]
fn from_and_to_take_a_date_for_its_midnight() {
    let api = Api::new("100.00");
    assert_eq!(api.items("/wallets/alice/transactions?from=2000-01-01").len(), 1);
    assert_eq!(api.items("/wallets/alice/transactions?to=2000-01-01").len(), 0);
    assert_eq!(api.items("/wallets/alice/transactions?from=2999-01-01").len(), 0);
}

#[test]
fn the_reference_id_filter_finds_the_one_entry_with_it() {
    let api = Api::new("100.00");
    for r in ["r1", "r2", "r3"] {
        api.ok(
            "/wallets/alice/withdraw",
            &format!(r#"{{"amount":"1.00","reference_id":"{r}"}}"#),
        );
    }
    let items = api.items("/wallets/alice/transactions?reference_id=r2");
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["reference_id"], "r2");
}

#[test]
fn an_unknown_query_parameter_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.get("/wallets/alice/transactions?limit=5")
        .is_error(400, "invalid_request");
    api.get("/wallets/alice/freezes?type=freeze")
        .is_error(400, "invalid_request");
}

#[test]
fn a_page_size_outside_1_to_100_is_an_invalid_request() {
    let api = Api::new("100.00");
    for query in ["page_size=0", "page_size=101", "page=0", "page_size=ten"] {
        api.get(&format!("/wallets/alice/transactions?{query}"))
            .is_error(400, "invalid_request");
    }
}

#[test]
fn a_cursor_that_is_not_an_entry_of_this_wallet_is_refused_not_an_empty_or_foreign_page() {
    // A client walks until next_cursor is absent: a cursor the list does not hold must not look
    // like the end of the list (an empty page), nor page through from another wallet's entry.
    let api = Api::new("100.00");
    let bobs = api.ledger.funded("bob", "50.00");
    for cursor in ["txn_01ARZ3NDEKTSV4RRFFQ69G5FAV", bobs.as_str()] {
        let answer = api.get(&format!("/wallets/alice/transactions?cursor={cursor}"));
        match answer.status {
            404 => answer.is_error(404, "transaction_not_found"),
            _ => answer.is_error(400, "invalid_request"),
        }
    }
}

#[test]
fn freezes_are_listed_and_filtered_by_status() {
    let api = Api::new("100.00");
    let first = api.freeze("alice", "10.00");
    let second = api.freeze("alice", "20.00");
    api.ok("/wallets/alice/unfreeze", &format!(r#"{{"freeze_id":"{first}"}}"#));
    let all = api.items("/wallets/alice/freezes");
    assert_eq!(ids(&all), [second.clone(), first.clone()], "newest first");
    has_fields(&all[0], FREEZE_FIELDS);
    assert_eq!(ids(&api.items("/wallets/alice/freezes?status=active")), [second]);
    assert_eq!(ids(&api.items("/wallets/alice/freezes?status=released")), [first]);
}

#[test]
fn an_unknown_freeze_status_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.get("/wallets/alice/freezes?status=thawed")
        .is_error(400, "invalid_request");
}

#[test]
fn healthz_answers_without_a_token_on_both_listeners() {
    let api = Api::new("1.00");
    let public = api.server.request("GET", "/healthz", &[], None);
    assert_eq!(public.ok()["status"], "ok", "{}", public.body);
    let internal = api.server.internal("GET", "/healthz", &[], None);
    assert_eq!(internal.ok()["status"], "ok", "{}", internal.body);
}

#[test]
fn openapi_json_is_an_openapi_3_1_document_of_every_route_served_without_a_token() {
    let api = Api::new("1.00");
    let answer = api.server.request("GET", "/openapi.json", &[], None);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let doc = &answer.json;
    assert!(s(&doc["openapi"]).starts_with("3.1"), "{}", doc["openapi"]);
    let paths = &doc["paths"];
    let documented = [
        ("/wallets/{user_id}/deposit", "post"),
        ("/wallets/{user_id}/payment", "post"),
        ("/wallets/{user_id}/withdraw", "post"),
        ("/wallets/{user_id}/freeze", "post"),
        ("/wallets/{user_id}/unfreeze", "post"),
        ("/wallets/{user_id}/refund", "post"),
        ("/internal/wallet/refund", "post"),
        ("/wallets/{user_id}", "get"),
        ("/wallets/{user_id}/transactions", "get"),
        ("/wallets/{user_id}/freezes", "get"),
        ("/healthz", "get"),
        ("/openapi.json", "get"),
        ("/wallets", "post"),
        ("/wallets", "get"),
        ("/wallets/{user_id}/balance", "get"),
        ("/transactions/{transaction_id}", "get"),
        ("/admin/wallets/{wallet_id}/integrity", "get"),
        ("/admin/wallets/{wallet_id}", "put"),
        ("/admin/wallets/{user_id}/adjust", "post"),
        ("/admin/wallets/batch-freeze", "post"),
        ("/admin/wallets/batch-unfreeze", "post"),
        ("/admin/wallets/reconciliation", "get"),
        ("/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy", "get"),
        ("/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy", "put"),
        ("/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy", "delete"),
        ("/wallets/transfer", "post"),
        ("/wallets/{user_id}/capture", "post"),
        ("/wallets/snapshot", "post"),
        ("/wallets/snapshot", "get"),
        ("/admin/wallets/snapshots", "get"),
        ("/wallets/{user_id}/withdraw/request", "post"),
        ("/wallets/{user_id}/withdrawals", "get"),
        ("/admin/wallets/withdrawals", "get"),
        ("/admin/wallets/withdrawals/{id}", "get"),
        ("/admin/wallets/withdrawals/{id}/approve", "post"),
        ("/admin/wallets/withdrawals/{id}/reject", "post"),
    ];
    for (path, method) in documented {
        assert!(paths[path][method].is_object(), "{method} {path} is documented");
    }
    let mut distinct: Vec<&str> = documented.iter().map(|(path, _)| *path).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        keys(paths).len(),
        distinct.len(),
        "no undocumented or extra path: {:?}",
        keys(paths)
    );
}

// ---------------------------------------------------------------------------------------------
// 400: the request itself is wrong.

#[test]
fn a_missing_amount_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/withdraw",
        r#"{"description":"x"}"#,
        400,
        "invalid_request",
    );
}

#[test]
fn malformed_json_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.refused("/wallets/alice/withdraw", r#"{"amount":"1.00""#, 400, "invalid_request");
}

#[test]
fn a_body_that_is_not_a_json_object_is_an_invalid_request() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/withdraw",
        r#"["amount","1.00"]"#,
        400,
        "invalid_request",
    );
}

#[test]
fn an_unknown_body_field_is_an_invalid_request_not_ignored() {
    let api = Api::new("100.00");
    let answer = api.refused(
        "/wallets/alice/withdraw",
        r#"{"amount":"1.00","amout":"2.00"}"#,
        400,
        "invalid_request",
    );
    assert!(s(&answer.json["message"]).contains("amout"), "{}", answer.body);
}

#[test]
fn user_id_in_the_body_is_an_invalid_request_even_when_it_matches_the_path() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/withdraw",
        r#"{"amount":"1.00","user_id":"alice"}"#,
        400,
        "invalid_request",
    );
}

#[test]
fn a_malformed_user_id_in_the_path_is_an_invalid_request() {
    let api = Api::new("100.00");
    let long = "u".repeat(65);
    for user in ["Bad%20User", "caf%C3%A9", long.as_str()] {
        api.refused(
            &format!("/wallets/{user}/withdraw"),
            r#"{"amount":"1.00"}"#,
            400,
            "invalid_request",
        );
        api.get(&format!("/wallets/{user}")).is_error(400, "invalid_request");
    }
}

#[test]
fn only_an_empty_or_over_long_transaction_or_freeze_id_is_an_invalid_request() {
    let api = Api::new("100.00");
    let long = "t".repeat(129);
    for bad in ["", long.as_str()] {
        api.refused(
            "/wallets/alice/refund",
            &format!(r#"{{"transaction_id":"{bad}"}}"#),
            400,
            "invalid_request",
        );
        api.refused(
            "/wallets/alice/unfreeze",
            &format!(r#"{{"freeze_id":"{bad}"}}"#),
            400,
            "invalid_request",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 404, 405: nothing there.

#[test]
fn the_seeds_example_ids_are_not_found_on_every_route_that_looks_them_up() {
    let ledger = Ledger::new();
    ledger.funded("alice", "100.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let key = ledger.token(&["token", "create", "--internal"]);
    let server = Server::start(&ledger);
    for unknown in ["txn_abc123", "nope", "order:1/2"] {
        let body = format!(r#"{{"transaction_id":"{unknown}"}}"#);
        ledger.refused(404, "transaction_not_found", || {
            server.post(&token, "/wallets/alice/refund", &body)
        });
        ledger.refused(404, "transaction_not_found", || server.internal_refund(&key, &body));
    }
    for unknown in ["frz_abc123", "nope"] {
        let body = format!(r#"{{"freeze_id":"{unknown}"}}"#);
        ledger.refused(404, "freeze_not_found", || {
            server.post(&token, "/wallets/alice/unfreeze", &body)
        });
    }
}

#[test]
fn an_unknown_wallet_is_not_found_on_every_wallet_route() {
    let api = Api::new("100.00");
    api.refused("/wallets/bob/withdraw", r#"{"amount":"1.00"}"#, 404, "wallet_not_found");
    api.refused("/wallets/bob/deposit", r#"{"amount":"1.00"}"#, 404, "wallet_not_found");
    for path in ["/wallets/bob", "/wallets/bob/transactions", "/wallets/bob/freezes"] {
        api.get(path).is_error(404, "wallet_not_found");
    }
}

#[test]
fn an_unknown_transaction_is_not_found() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/refund",
        r#"{"transaction_id":"txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#,
        404,
        "transaction_not_found",
    );
}

#[test]
fn a_transaction_of_another_wallet_is_not_found() {
    let api = Api::new("100.00");
    let bobs = api.ledger.funded("bob", "50.00");
    api.refused(
        "/wallets/alice/refund",
        &format!(r#"{{"transaction_id":"{bobs}"}}"#),
        404,
        "transaction_not_found",
    );
}

#[test]
fn an_unknown_freeze_is_not_found() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/unfreeze",
        r#"{"freeze_id":"frz_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#,
        404,
        "freeze_not_found",
    );
}

#[test]
fn a_freeze_of_another_wallet_is_not_found() {
    let api = Api::new("100.00");
    api.ledger.funded("bob", "50.00");
    let bobs = api.freeze("bob", "5.00");
    api.refused(
        "/wallets/alice/unfreeze",
        &format!(r#"{{"freeze_id":"{bobs}"}}"#),
        404,
        "freeze_not_found",
    );
}

#[test]
fn an_unknown_route_is_not_found() {
    let api = Api::new("100.00");
    api.get("/wallets/alice/stats").is_error(404, "route_not_found");
    api.refused(
        "/wallets/alice/transfer",
        r#"{"amount":"1.00"}"#,
        404,
        "route_not_found",
    );
    api.get("/").is_error(404, "route_not_found");
}

#[test]
fn a_method_a_route_does_not_take_is_405() {
    let api = Api::new("100.00");
    api.get("/wallets/alice/withdraw").is_error(405, "method_not_allowed");
    let auth = format!("Bearer {}", api.token);
    let delete = api.ledger.refused(405, "method_not_allowed", || {
        api.server
            .request("DELETE", "/wallets/alice", &[("Authorization", &auth)], None)
    });
    assert!(s(&delete.json["message"]).contains("DELETE"), "{}", delete.body);
}

#[test]
fn a_providers_reference_id_is_taken_as_it_is_and_replays() {
    let api = Api::new("100.00");
    let long = "k".repeat(128);
    for reference in ["order:2026/04/15#1", "заказ 7", long.as_str()] {
        let body = format!(r#"{{"amount":"1.00","reference_id":"{reference}"}}"#);
        let first = api.post("/wallets/alice/withdraw", &body);
        assert_eq!(s(&first.ok()["transaction"]["reference_id"]), reference);
        let again = api.post("/wallets/alice/withdraw", &body);
        assert_eq!(again.json["message"], "replayed", "{}", again.body);
        assert_eq!(again.ok()["transaction"]["id"], first.ok()["transaction"]["id"]);
    }
    for bad in [format!("{long}k"), "a\\u0007b".to_owned()] {
        api.refused(
            "/wallets/alice/withdraw",
            &format!(r#"{{"amount":"1.00","reference_id":"{bad}"}}"#),
            400,
            "invalid_request",
        );
    }
    assert_eq!(s(&api.ledger.wallet("alice")["balance"]), "97.00");
}

#[test]
fn an_empty_reference_id_is_an_invalid_request_as_on_the_cli() {
    // `--reference-id ""` is refused by the CLI; over HTTP an empty reference must not quietly
    // become "no reference", which would make a retry write the withdrawal twice.
    let api = Api::new("100.00");
    api.ledger.fails(
        &["wallet", "withdraw", "alice", "--amount", "1.00", "--reference-id", ""],
        2,
        "invalid_request",
    );
    api.refused(
        "/wallets/alice/withdraw",
        r#"{"amount":"1.00","reference_id":""}"#,
        400,
        "invalid_request",
    );
}

// ---------------------------------------------------------------------------------------------
// 409: the ledger refuses.

#[test]
fn withdrawing_more_than_the_balance_is_409_insufficient_balance() {
    let api = Api::new("100.00");
    api.refused(
        "/wallets/alice/withdraw",
        r#"{"amount":"100.01"}"#,
        409,
        "insufficient_balance",
    );
}

#[test]
fn frozen_funds_are_not_available_to_withdraw() {
    let api = Api::new("100.00");
    api.freeze("alice", "60.00");
    api.refused(
        "/wallets/alice/withdraw",
        r#"{"amount":"40.01"}"#,
        409,
        "insufficient_balance",
    );
}

#[test]
fn a_debit_from_a_frozen_wallet_is_409_wallet_not_active() {
    let api = Api::new("100.00");
    api.ledger.ok(&[
        "wallet",
        "status",
        "alice",
        "frozen",
        "--reason",
        "fraud review",
        "--yes",
    ]);
    for (route, body) in [
        ("withdraw", r#"{"amount":"1.00"}"#),
        (
            "payment",
            r#"{"amount":"1.00","counterparty_id":"mch_1","new_counterparty":true}"#,
        ),
        ("freeze", r#"{"amount":"1.00"}"#),
    ] {
        api.refused(&format!("/wallets/alice/{route}"), body, 409, "wallet_not_active");
    }
}

#[test]
fn a_deposit_to_a_frozen_wallet_still_lands() {
    let api = Api::new("100.00");
    api.ledger.ok(&[
        "wallet",
        "status",
        "alice",
        "frozen",
        "--reason",
        "fraud review",
        "--yes",
    ]);
    let data = api.ok("/wallets/alice/deposit", r#"{"amount":"1.00"}"#);
    assert_eq!(data["wallet"]["status"], "frozen");
    assert_eq!(data["wallet"]["balance"], "101.00");
}

#[test]
fn a_deposit_to_a_closed_wallet_is_409_wallet_not_active() {
    let api = Api::new("100.00");
    api.ok("/wallets/alice/withdraw", r#"{"amount":"100.00"}"#);
    api.ledger.ok(&[
        "wallet",
        "status",
        "alice",
        "closed",
        "--reason",
        "account closed",
        "--yes",
    ]);
    api.refused(
        "/wallets/alice/deposit",
        r#"{"amount":"1.00"}"#,
        409,
        "wallet_not_active",
    );
}

#[test]
fn unfreezing_a_released_freeze_is_a_conflict() {
    let api = Api::new("100.00");
    let freeze = api.freeze("alice", "10.00");
    let body = format!(r#"{{"freeze_id":"{freeze}"}}"#);
    api.ok("/wallets/alice/unfreeze", &body);
    api.refused("/wallets/alice/unfreeze", &body, 409, "freeze_not_active");
}

#[test]
fn a_refund_of_a_refund_is_a_conflict() {
    let api = Api::new("100.00");
    let payment = api.txn(
        "/wallets/alice/payment",
        r#"{"amount":"30.00","counterparty_id":"mch_1","new_counterparty":true}"#,
    );
    let refund = api.txn(
        "/wallets/alice/refund",
        &format!(r#"{{"transaction_id":"{payment}","amount":"5.00"}}"#),
    );
    api.refused(
        "/wallets/alice/refund",
        &format!(r#"{{"transaction_id":"{refund}"}}"#),
        409,
        "not_refundable",
    );
}

// ---------------------------------------------------------------------------------------------
// 413, 415: the body is refused before it is read.

fn head(api: &Api, extra: &str) -> String {
    format!(
        "POST /wallets/alice/withdraw HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nConnection: close\r\n{extra}",
        api.server.public, api.token
    )
}

/// A withdrawal of 1.00 of exactly `len` bytes, padded with JSON whitespace.
fn padded_withdrawal(len: usize) -> Vec<u8> {
    let (open, close) = (r#"{"amount":"1.00""#, "}");
    let mut body = open.as_bytes().to_vec();
    body.resize(len - close.len(), b' ');
    body.extend_from_slice(close.as_bytes());
    body
}

#[test]
fn a_10_mb_body_is_413() {
    let api = Api::new("100.00");
    let body = padded_withdrawal(10 * 1024 * 1024);
    let head = head(&api, &format!("Content-Length: {}", body.len()));
    api.ledger
        .refused(413, "payload_too_large", || api.server.raw(&head, body));
}

#[test]
fn a_chunked_body_without_a_length_is_413_past_64_kib() {
    let api = Api::new("100.00");
    let mut chunked = Vec::new();
    for chunk in padded_withdrawal(70 * 1024).chunks(8 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let head = head(&api, "Transfer-Encoding: chunked");
    api.ledger
        .refused(413, "payload_too_large", || api.server.raw(&head, chunked));
}

#[test]
fn a_body_of_exactly_64_kib_is_read_and_one_byte_more_is_413() {
    let api = Api::new("100.00");
    let body = padded_withdrawal(64 * 1024);
    let answer = api
        .server
        .raw(&head(&api, &format!("Content-Length: {}", body.len())), body);
    assert_eq!(answer.ok()["wallet"]["balance"], "99.00");
    let body = padded_withdrawal(64 * 1024 + 1);
    let head = head(&api, &format!("Content-Length: {}", body.len()));
    api.ledger
        .refused(413, "payload_too_large", || api.server.raw(&head, body));
}

#[test]
fn a_body_without_a_content_type_is_415() {
    let api = Api::new("100.00");
    let auth = format!("Bearer {}", api.token);
    api.ledger.refused(415, "unsupported_media_type", || {
        api.server.request(
            "POST",
            "/wallets/alice/withdraw",
            &[("Authorization", &auth)],
            Some(r#"{"amount":"1.00"}"#),
        )
    });
}

#[test]
fn a_json_content_type_with_a_charset_is_accepted() {
    let api = Api::new("100.00");
    let auth = format!("Bearer {}", api.token);
    let answer = api.server.request(
        "POST",
        "/wallets/alice/withdraw",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json; charset=utf-8"),
        ],
        Some(r#"{"amount":"1.00"}"#),
    );
    assert_eq!(answer.ok()["wallet"]["balance"], "99.00");
}

#[test]
fn a_body_sent_as_text_plain_is_415() {
    let api = Api::new("100.00");
    let auth = format!("Bearer {}", api.token);
    api.ledger.refused(415, "unsupported_media_type", || {
        api.server.request(
            "POST",
            "/wallets/alice/withdraw",
            &[("Authorization", &auth), ("Content-Type", "text/plain")],
            Some(r#"{"amount":"1.00"}"#),
        )
    });
}

// ---------------------------------------------------------------------------------------------
// 422: amounts outside the grammar are refused, never rounded or reinterpreted.

fn invalid_amount(amount_json: &str) {
    let api = Api::new("100000.00");
    api.refused(
        "/wallets/alice/withdraw",
        &format!(r#"{{"amount":{amount_json}}}"#),
        422,
        "invalid_amount",
    );
}

#[test]
fn an_amount_sent_as_a_json_number_is_422() {
    invalid_amount("1e3");
}

#[test]
fn an_amount_with_an_exponent_is_422() {
    invalid_amount(r#""1e3""#);
}

#[test]
fn negative_zero_is_422() {
    invalid_amount(r#""-0""#);
}

#[test]
fn more_decimals_than_cny_allows_is_422() {
    invalid_amount(r#""0.001""#);
}

#[test]
fn an_amount_above_the_per_operation_maximum_is_422() {
    invalid_amount(r#""99999999999999999999""#);
}

#[test]
fn an_amount_string_longer_than_any_valid_amount_is_422() {
    invalid_amount(r#""99999999999999999999999999999999999999""#);
}

#[test]
fn a_json_number_too_large_for_a_double_is_still_an_invalid_amount() {
    // Valid JSON (RFC 8259 puts no bound on numbers) and a JSON number: SPEC section 2 makes
    // that an invalid amount, 422, like every other JSON number.
    invalid_amount("1e400");
}

// ---------------------------------------------------------------------------------------------
// Keep-alive: a refusal must not leave a dead connection behind.

/// Reads one response with a Content-Length body from `stream`: its head (lower-cased) and
/// status, or `None` when the server closed the connection instead of answering.
fn read_response(stream: &mut TcpStream) -> Option<(String, u16)> {
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        if let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&received[..end]).to_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().unwrap());
            if received.len() >= end + 4 + length {
                let status = head.split(' ').nth(1)?.parse().ok()?;
                return Some((head, status));
            }
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return None,
            Ok(n) => received.extend_from_slice(&buf[..n]),
        }
    }
}

#[test]
fn a_post_refused_before_its_body_arrives_leaves_a_usable_connection_or_says_it_closes() {
    // A client with a connection pool reuses a connection unless the response says
    // `Connection: close`; a server that closes it silently fails the client's next request.
    let api = Api::new("100.00");
    let read = api.ledger.token(&["token", "create", "--scope", "read"]);
    let body = r#"{"amount":"1.00"}"#;
    for (case, extra) in [
        ("401 without a token", String::new()),
        ("403 with a read token", format!("Authorization: Bearer {read}\r\n")),
    ] {
        let mut stream = TcpStream::connect(&api.server.public).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let head = format!(
            "POST /wallets/alice/withdraw HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n",
            api.server.public,
            body.len()
        );
        // The head first and the body a moment later, as a client writing them separately does.
        stream.write_all(head.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(50));
        stream.write_all(body.as_bytes()).unwrap();
        let (first, status) = read_response(&mut stream).unwrap_or_else(|| panic!("{case}: no answer"));
        assert_eq!(status, case[..3].parse::<u16>().unwrap(), "{case}: {first}");
        if first.contains("connection: close") {
            continue;
        }
        let next = format!("GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n", api.server.public);
        let sent = stream.write_all(next.as_bytes());
        let second = sent.ok().and_then(|()| read_response(&mut stream));
        assert_eq!(
            second.map(|(_, status)| status),
            Some(200),
            "{case}: the connection was kept alive (no `Connection: close`) but the next request on it got no answer"
        );
    }
}
