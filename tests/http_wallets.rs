//! Issue 12, the wallet side over HTTP: opening a wallet (`POST /wallets`), listing wallets,
//! a wallet's balance and a transaction by its id, with the refusals of every token that may
//! not, each leaving the ledger exactly as it was. The upstream names and base path are in
//! `http_upstream_names.rs`.

mod support;

use serde_json::Value;
use support::server::{token_id, Server};
use support::{s, Ledger};

use support::scoped::{cli, token, ACME, ACME_GAMES, GLOBEX};

/// acme/shop with alice's wallet (100.00 deposited), and a server.
fn acme() -> (Ledger, Server) {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "100.00"]);
    let server = Server::start(&l);
    (l, server)
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[test]
fn post_wallets_answers_201_with_the_wallet_get_answers() {
    let (l, server) = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let created = server.post(&write, "/wallets", r#"{"user_id":"bob","currency":"usd"}"#);
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.json["code"], 201);
    let wallet = &created.json["data"];
    assert_eq!(wallet["user_id"], "bob");
    assert_eq!(wallet["currency"], "USD");
    assert_eq!(wallet["balance"], "0.00");
    assert_eq!(wallet["status"], "active");
    assert!(s(&wallet["wallet_id"]).starts_with("wlt_"));
    let read = server.get(&write, "/wallets/bob");
    assert_eq!(read.ok(), wallet, "the same wallet object as GET /wallets/{{user_id}}");
    assert_eq!(cli(&l, ACME, &["wallet", "show", "bob"])["data"], *wallet);
    // The currency is optional: CNY, as `wallet create` takes.
    let carol = server.post(&write, "/wallets", r#"{"user_id":"carol"}"#);
    assert_eq!(carol.status, 201, "{}", carol.body);
    assert_eq!(carol.json["data"]["currency"], "CNY");
    l.verified();
}

#[test]
fn an_existing_wallet_is_409_wallet_exists_and_nothing_changes() {
    let (l, server) = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let answer = l.refused(409, "wallet_exists", || {
        server.post(&write, "/wallets", r#"{"user_id":"alice","currency":"USD"}"#)
    });
    assert!(s(&answer.json["message"]).contains("alice"), "{}", answer.body);
    assert_eq!(cli(&l, ACME, &["wallet", "show", "alice"])["data"]["balance"], "100.00");
}

#[test]
fn bad_bodies_are_refused_and_write_nothing() {
    let (l, server) = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let post = |body: &str| server.post(&write, "/wallets", body);
    l.refused(422, "unsupported_currency", || {
        post(r#"{"user_id":"bob","currency":"XYZ"}"#)
    });
    for body in [
        r#"{"currency":"CNY"}"#,
        r#"{"user_id":"bo b"}"#,
        r#"{"user_id":7}"#,
        r#"{"user_id":"bob","currency":5}"#,
        r#"{"user_id":"bob","reference_id":"r1"}"#,
        r#"{"user_id":"bob","user":"bob"}"#,
        r#"[]"#,
    ] {
        l.refused(400, "invalid_request", || post(body));
    }
    l.refused(415, "unsupported_media_type", || {
        server.request(
            "POST",
            "/wallets",
            &[("Authorization", &bearer(&write)), ("Content-Type", "text/plain")],
            Some(r#"{"user_id":"bob"}"#),
        )
    });
}

#[test]
fn the_same_key_and_body_replay_the_201_byte_for_byte_another_body_is_409() {
    let (l, server) = acme();
    let write = token(&l, ACME, &["--scope", "write"]);
    let body = r#"{"user_id":"bob","currency":"EUR"}"#;
    let first = server.post_keyed(&write, "open-bob", "/wallets", body);
    assert_eq!(first.status, 201, "{}", first.body);
    let before = l.snapshot();
    let again = server.post_keyed(&write, "open-bob", "/wallets", body);
    assert_eq!((again.status, &again.body), (201, &first.body));
    assert_eq!(l.snapshot(), before, "a replay writes nothing");
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(
            &write,
            "open-bob",
            "/wallets",
            r#"{"user_id":"carol","currency":"EUR"}"#,
        )
    });
    // Without the key, the same body is a second creation: the wallet exists.
    l.refused(409, "wallet_exists", || server.post(&write, "/wallets", body));
}

#[test]
fn no_token_a_revoked_one_or_a_read_token_is_refused_with_nothing_written() {
    let (l, server) = acme();
    let body = Some(r#"{"user_id":"bob"}"#);
    let json = ("Content-Type", "application/json");
    l.refused(401, "unauthenticated", || {
        server.request("POST", "/wallets", &[json], body)
    });
    let revoked = token(&l, ACME, &["--scope", "write"]);
    l.ok(&["token", "revoke", token_id(&revoked), "--yes"]);
    l.refused(401, "unauthenticated", || {
        server.request("POST", "/wallets", &[("Authorization", &bearer(&revoked)), json], body)
    });
    let read = token(&l, ACME, &["--scope", "read"]);
    l.refused(403, "forbidden", || {
        server.post(&read, "/wallets", r#"{"user_id":"bob"}"#)
    });
}

#[test]
fn a_user_bound_token_opens_only_its_own_users_wallet() {
    let (l, server) = acme();
    let bobs = token(&l, ACME, &["--scope", "write", "--user", "bob"]);
    l.refused(403, "forbidden", || {
        server.post(&bobs, "/wallets", r#"{"user_id":"carol"}"#)
    });
    let created = server.post(&bobs, "/wallets", r#"{"user_id":"bob"}"#);
    assert_eq!(created.status, 201, "{}", created.body);
    let alices = token(&l, ACME, &["--scope", "write", "--user", "alice"]);
    l.refused(409, "wallet_exists", || {
        server.post(&alices, "/wallets", r#"{"user_id":"alice"}"#)
    });
}

#[test]
fn another_tenants_or_applications_token_opens_a_wallet_in_its_own_scope_only() {
    let (l, server) = acme();
    for scope in [GLOBEX, ACME_GAMES] {
        let other = token(&l, scope, &["--scope", "write"]);
        let created = server.post(&other, "/wallets", r#"{"user_id":"alice","currency":"JPY"}"#);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.json["data"]["tenant_id"], scope[1]);
        assert_eq!(created.json["data"]["application_id"], scope[3]);
        assert_eq!(created.json["data"]["balance"], "0");
    }
    let acmes = cli(&l, ACME, &["wallet", "show", "alice"]);
    assert_eq!(
        (&acmes["data"]["currency"], &acmes["data"]["balance"]),
        (&"CNY".into(), &"100.00".into())
    );
    l.verified();
}

/// acme/shop with alice (100.00), bob and carol (bob frozen); globex/shop and acme/games each
/// with a dave; a server.
fn three_wallets() -> (Ledger, Server) {
    let l = Ledger::new();
    for user in ["carol", "alice", "bob"] {
        cli(&l, ACME, &["wallet", "create", user]);
    }
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "100.00"]);
    cli(
        &l,
        ACME,
        &["wallet", "status", "bob", "frozen", "--reason", "kyc", "--yes"],
    );
    cli(&l, GLOBEX, &["wallet", "create", "dave"]);
    cli(&l, ACME_GAMES, &["wallet", "create", "dave"]);
    let server = Server::start(&l);
    (l, server)
}

fn users(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| s(&w["user_id"]))
        .collect()
}

#[test]
fn get_wallets_lists_the_tokens_tenant_and_application_as_wallet_list_does() {
    let (l, server) = three_wallets();
    let read = token(&l, ACME, &["--scope", "read"]);
    let all = server.get(&read, "/wallets");
    assert_eq!(all.status, 200, "{}", all.body);
    // Oldest first (by wallet id), as `wallet list` pages them.
    assert_eq!(users(&all.json), ["carol", "alice", "bob"]);
    assert_eq!(
        (all.json["total"].as_u64(), all.json["code"].as_u64()),
        (Some(3), Some(200))
    );
    let by_cli = cli(&l, ACME, &["wallet", "list"]);
    assert_eq!(all.json["items"], by_cli["items"]);
    assert_eq!(all.json["pagination"], by_cli["pagination"]);
    let frozen = server.get(&read, "/wallets?status=frozen");
    assert_eq!(users(&frozen.json), ["bob"]);
    assert_eq!(
        frozen.json["items"],
        cli(&l, ACME, &["wallet", "list", "--status", "frozen"])["items"]
    );
    assert_eq!(
        users(&server.get(&read, "/wallets?status=active").json),
        ["carol", "alice"]
    );
    assert_eq!(
        users(&server.get(&read, "/wallets?status=closed").json),
        Vec::<&str>::new()
    );
    let second = server.get(&read, "/wallets?page=2&page_size=2");
    assert_eq!(users(&second.json), ["bob"]);
    let pagination = &second.json["pagination"];
    assert_eq!(
        (pagination["total_pages"].as_u64(), pagination["has_prev"].as_bool()),
        (Some(2), Some(true))
    );
    // A write token reads as well.
    let write = token(&l, ACME, &["--scope", "write"]);
    assert_eq!(server.get(&write, "/wallets").body.len(), all.body.len());
}

#[test]
fn get_wallets_never_lists_another_tenants_or_applications_wallets() {
    let (l, server) = three_wallets();
    for scope in [GLOBEX, ACME_GAMES] {
        let other = token(&l, scope, &["--scope", "read"]);
        let list = server.get(&other, "/wallets");
        assert_eq!(users(&list.json), ["dave"], "{}", list.body);
        assert_eq!(list.json["items"][0]["tenant_id"], scope[1]);
        assert_eq!(list.json["items"][0]["application_id"], scope[3]);
    }
}

#[test]
fn a_user_bound_token_lists_only_its_own_users_wallet() {
    let (l, server) = three_wallets();
    let bobs = token(&l, ACME, &["--scope", "read", "--user", "bob"]);
    let list = server.get(&bobs, "/wallets");
    assert_eq!(users(&list.json), ["bob"]);
    assert_eq!(list.json["total"], 1);
    assert_eq!(users(&server.get(&bobs, "/wallets?status=frozen").json), ["bob"]);
    let active = server.get(&bobs, "/wallets?status=active");
    assert_eq!((users(&active.json), active.json["total"].as_u64()), (vec![], Some(0)));
    let beyond = server.get(&bobs, "/wallets?page=2&page_size=1");
    assert_eq!((users(&beyond.json), beyond.json["total"].as_u64()), (vec![], Some(1)));
    let nobodys = token(&l, ACME, &["--scope", "read", "--user", "erin"]);
    assert_eq!(server.get(&nobodys, "/wallets").json["total"], 0);
}

#[test]
fn get_wallets_refuses_no_token_a_revoked_one_and_bad_parameters_changing_nothing() {
    let (l, server) = three_wallets();
    l.refused(401, "unauthenticated", || server.request("GET", "/wallets", &[], None));
    let revoked = token(&l, ACME, &["--scope", "read"]);
    l.ok(&["token", "revoke", token_id(&revoked), "--yes"]);
    l.refused(401, "unauthenticated", || server.get(&revoked, "/wallets"));
    let read = token(&l, ACME, &["--scope", "read"]);
    for query in [
        "status=open",
        "status=active&status=frozen",
        "page=0",
        "page_size=0",
        "page_size=101",
        "page=-1",
        "page_size=x",
        "user_id=alice",
    ] {
        l.refused(400, "invalid_request", || {
            server.get(&read, &format!("/wallets?{query}"))
        });
    }
    assert_eq!(users(&server.get(&read, "/wallets?page_size=100").json).len(), 3);
}

/// alice in acme/shop: 1000.00 deposited, 100.00 of it frozen (SPEC's example).
fn spec_example() -> (Ledger, Server) {
    let l = Ledger::new();
    cli(&l, ACME, &["wallet", "create", "alice"]);
    cli(&l, ACME, &["wallet", "deposit", "alice", "--amount", "1000.00"]);
    cli(&l, ACME, &["wallet", "freeze", "alice", "--amount", "100.00"]);
    let server = Server::start(&l);
    (l, server)
}

#[test]
fn the_balance_is_the_upstreams_balance_response_and_wallet_balance_prints_the_same() {
    let (l, server) = spec_example();
    let read = token(&l, ACME, &["--scope", "read"]);
    let answer = server.get(&read, "/wallets/alice/balance");
    let data = answer.ok();
    let wallet_id = s(&cli(&l, ACME, &["wallet", "show", "alice"])["data"]["wallet_id"]).to_owned();
    assert_eq!(
        *data,
        serde_json::json!({"wallet_id": wallet_id, "balance": "1000.00", "frozen_balance": "100.00", "available_balance": "900.00"})
    );
    assert_eq!(cli(&l, ACME, &["wallet", "balance", "alice"])["data"], *data);
    assert_eq!(cli(&l, ACME, &["wallet", "balance", &wallet_id])["data"], *data);
    let table = l
        .cmd()
        .args(ACME)
        .args(["-o", "table", "wallet", "balance", "alice"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    for line in ["1000.00 CNY", "100.00 CNY", "900.00 CNY", "available"] {
        assert!(table.contains(line), "{line}: {table}");
    }
    l.fails(
        &[&ACME[..], &["wallet", "balance", "bob"]].concat(),
        3,
        "wallet_not_found",
    );
}

#[test]
fn a_balance_out_of_the_tokens_reach_is_404_as_if_it_did_not_exist() {
    let (l, server) = spec_example();
    cli(&l, ACME, &["wallet", "create", "bob"]);
    l.refused(401, "unauthenticated", || {
        server.request("GET", "/wallets/alice/balance", &[], None)
    });
    let revoked = token(&l, ACME, &["--scope", "read"]);
    l.ok(&["token", "revoke", token_id(&revoked), "--yes"]);
    l.refused(401, "unauthenticated", || {
        server.get(&revoked, "/wallets/alice/balance")
    });
    for scope in [GLOBEX, ACME_GAMES] {
        let other = token(&l, scope, &["--scope", "write"]);
        l.refused(404, "wallet_not_found", || server.get(&other, "/wallets/alice/balance"));
    }
    let bobs = token(&l, ACME, &["--scope", "read", "--user", "bob"]);
    l.refused(404, "wallet_not_found", || server.get(&bobs, "/wallets/alice/balance"));
    assert_eq!(server.get(&bobs, "/wallets/bob/balance").ok()["balance"], "0.00");
    let write = token(&l, ACME, &["--scope", "write"]);
    assert_eq!(
        server.get(&write, "/wallets/alice/balance").ok()["available_balance"],
        "900.00"
    );
    l.refused(400, "invalid_request", || server.get(&write, "/wallets/a%20b/balance"));
}

#[test]
fn get_transaction_answers_what_transaction_show_prints() {
    let (l, server) = spec_example();
    let payment = cli(
        &l,
        ACME,
        &[
            "wallet",
            "payment",
            "alice",
            "--amount",
            "30.00",
            "--counterparty",
            "mch_1",
            "--new-counterparty",
        ],
    );
    let id = s(&payment["data"]["transaction"]["id"]).to_owned();
    cli(
        &l,
        ACME,
        &[
            "wallet",
            "refund",
            "alice",
            "--transaction-id",
            &id,
            "--amount",
            "10.00",
        ],
    );
    let read = token(&l, ACME, &["--scope", "read"]);
    let answer = server.get(&read, &format!("/transactions/{id}"));
    let data = answer.ok();
    assert_eq!(*data, cli(&l, ACME, &["transaction", "show", &id])["data"]);
    assert_eq!(data["transaction"]["refunded_amount"], "10.00", "{}", answer.body);
    assert_eq!(data["wallet"]["user_id"], "alice");
    let alices = token(&l, ACME, &["--scope", "read", "--user", "alice"]);
    assert_eq!(server.get(&alices, &format!("/transactions/{id}")).ok(), data);
}

#[test]
fn a_transaction_out_of_the_tokens_reach_is_404_never_403() {
    let (l, server) = spec_example();
    let history = cli(&l, ACME, &["wallet", "history", "alice"]);
    let id = s(&history["items"][0]["id"]).to_owned();
    let path = format!("/transactions/{id}");
    l.refused(401, "unauthenticated", || server.request("GET", &path, &[], None));
    let revoked = token(&l, ACME, &["--scope", "read"]);
    l.ok(&["token", "revoke", token_id(&revoked), "--yes"]);
    l.refused(401, "unauthenticated", || server.get(&revoked, &path));
    let mut answers = Vec::new();
    for scope in [GLOBEX, ACME_GAMES] {
        let other = token(&l, scope, &["--scope", "write"]);
        answers.push(l.refused(404, "transaction_not_found", || server.get(&other, &path)));
    }
    let bobs = token(&l, ACME, &["--scope", "write", "--user", "bob"]);
    answers.push(l.refused(404, "transaction_not_found", || server.get(&bobs, &path)));
    // Out of reach reads exactly as missing: same message as an id that names nothing.
    let write = token(&l, ACME, &["--scope", "write"]);
    let missing = "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV";
    let absent = l.refused(404, "transaction_not_found", || {
        server.get(&write, &format!("/transactions/{missing}"))
    });
    for answer in answers {
        assert_eq!(
            answer.json["message"].as_str().map(|m| m.replace(&id, missing)),
            absent.json["message"].as_str().map(str::to_owned)
        );
    }
    l.refused(404, "transaction_not_found", || {
        server.get(&write, "/transactions/txn_abc123")
    });
    let too_long = format!("/transactions/{}", "t".repeat(200));
    l.refused(400, "invalid_request", || server.get(&write, &too_long));
    assert_eq!(server.get(&write, &path).ok()["transaction"]["id"], id.as_str());
}
