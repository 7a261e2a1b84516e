//! SPEC section 2, idempotency over HTTP: an `Idempotency-Key` (scoped to the token's tenant
//! and application) makes a write repeat-safe, byte for byte; another request under the same
//! key is a conflict; `reference_id` replays work over HTTP as on the CLI.

mod support;

use std::sync::{Arc, Barrier};
use std::thread;

use support::server::{Answer, Server};
use support::{s, Ledger};

use support::scoped::{cli, ACME, ACME_GAMES, GLOBEX};

/// Opens `user`'s wallet in `scope` with `amount`, and makes a write token there.
fn wallet_and_token(l: &Ledger, scope: [&str; 4], user: &str, amount: &str) -> String {
    cli(l, scope, &["wallet", "create", user]);
    cli(l, scope, &["wallet", "deposit", user, "--amount", amount]);
    l.token(&[&scope[..], &["token", "create", "--scope", "write"]].concat())
}

fn balance(l: &Ledger, scope: [&str; 4], user: &str) -> String {
    s(&cli(l, scope, &["wallet", "show", user])["data"]["balance"]).to_owned()
}

/// acme/shop: alice holds 100.00; a write token; a server.
struct Api {
    server: Server,
    token: String,
    ledger: Ledger,
}

impl Api {
    fn new() -> Api {
        let ledger = Ledger::new();
        let token = wallet_and_token(&ledger, ACME, "alice", "100.00");
        Api {
            server: Server::start(&ledger),
            token,
            ledger,
        }
    }

    fn keyed(&self, key: &str, path: &str, body: &str) -> Answer {
        self.server.post_keyed(&self.token, key, path, body)
    }
}

const WITHDRAW: &str = "/wallets/alice/withdraw";

#[test]
fn the_same_key_and_body_answer_the_first_response_byte_for_byte_and_write_once() {
    let api = Api::new();
    let first = api.keyed("k-1", WITHDRAW, r#"{"amount":"10.00"}"#);
    assert_eq!(first.ok()["wallet"]["balance"], "90.00");
    // The wallet moves on, so an answer rendered afresh would differ from the first.
    api.server
        .post(&api.token, "/wallets/alice/deposit", r#"{"amount":"5.00"}"#)
        .ok();
    let entries = api.ledger.entries();
    let before = api.ledger.snapshot();
    let again = api.keyed("k-1", WITHDRAW, r#"{"amount":"10.00"}"#);
    assert_eq!(again.status, 200);
    assert_eq!(
        again.body, first.body,
        "the repeat answers the first response byte for byte"
    );
    assert_eq!(api.ledger.entries(), entries, "the repeat wrote no entry");
    assert_eq!(api.ledger.snapshot(), before);
    assert_eq!(balance(&api.ledger, ACME, "alice"), "95.00");
}

#[test]
fn the_same_key_with_another_body_is_409_and_writes_nothing() {
    let api = Api::new();
    api.keyed("k-1", WITHDRAW, r#"{"amount":"10.00"}"#).ok();
    api.ledger.refused(409, "idempotency_key_reused", || {
        api.keyed("k-1", WITHDRAW, r#"{"amount":"20.00"}"#)
    });
    assert_eq!(balance(&api.ledger, ACME, "alice"), "90.00");
}

#[test]
fn the_same_key_on_another_route_is_409() {
    let api = Api::new();
    api.keyed("k-1", WITHDRAW, r#"{"amount":"10.00"}"#).ok();
    api.ledger.refused(409, "idempotency_key_reused", || {
        api.keyed("k-1", "/wallets/alice/deposit", r#"{"amount":"10.00"}"#)
    });
}

#[test]
fn the_same_key_on_another_users_wallet_is_an_independent_request() {
    // Keys are scoped to the wallet owner too: one user's keys neither block nor reveal another's.
    let api = Api::new();
    cli(&api.ledger, ACME, &["wallet", "create", "bob"]);
    cli(&api.ledger, ACME, &["wallet", "deposit", "bob", "--amount", "50"]);
    let alice = api.keyed("k-1", WITHDRAW, r#"{"amount":"10.00"}"#);
    let bob = api.keyed("k-1", "/wallets/bob/withdraw", r#"{"amount":"10.00"}"#);
    assert_eq!(alice.ok()["wallet"]["user_id"], "alice");
    assert_eq!(bob.ok()["wallet"]["user_id"], "bob");
    assert_eq!(balance(&api.ledger, ACME, "alice"), "90.00");
    assert_eq!(balance(&api.ledger, ACME, "bob"), "40.00");
}

#[test]
fn the_same_key_in_another_tenant_is_an_independent_request() {
    let api = Api::new();
    let globex = wallet_and_token(&api.ledger, GLOBEX, "alice", "50.00");
    let body = r#"{"amount":"10.00"}"#;
    let acme = api.keyed("k-1", WITHDRAW, body);
    let other = api.server.post_keyed(&globex, "k-1", WITHDRAW, body);
    assert_eq!(acme.ok()["wallet"]["tenant_id"], "acme");
    assert_eq!(other.ok()["wallet"]["tenant_id"], "globex");
    assert_eq!(balance(&api.ledger, ACME, "alice"), "90.00");
    assert_eq!(balance(&api.ledger, GLOBEX, "alice"), "40.00");
}

#[test]
fn the_same_key_in_another_application_of_the_tenant_is_an_independent_request() {
    // Same path, same body, same key: only the token's application differs. acme/games must be
    // served on its own wallet, never answered with acme/shop's stored response.
    let api = Api::new();
    let games = wallet_and_token(&api.ledger, ACME_GAMES, "alice", "50.00");
    let body = r#"{"amount":"10.00"}"#;
    let shop = api.keyed("k-1", WITHDRAW, body);
    let shop_wallet = s(&shop.ok()["wallet"]["wallet_id"]).to_owned();
    let other = api.server.post_keyed(&games, "k-1", WITHDRAW, body);
    assert!(
        !other.body.contains(&shop_wallet),
        "a token of acme/games was answered with acme/shop's wallet {shop_wallet}: {}",
        other.body
    );
    assert_eq!(other.ok()["wallet"]["application_id"], "games");
    assert_eq!(balance(&api.ledger, ACME, "alice"), "90.00");
    assert_eq!(balance(&api.ledger, ACME_GAMES, "alice"), "40.00");
}

#[test]
fn a_failed_request_does_not_use_up_its_key() {
    let api = Api::new();
    let body = r#"{"amount":"150.00"}"#;
    api.ledger
        .refused(409, "insufficient_balance", || api.keyed("k-1", WITHDRAW, body));
    api.server
        .post(&api.token, "/wallets/alice/deposit", r#"{"amount":"100.00"}"#)
        .ok();
    let retry = api.keyed("k-1", WITHDRAW, body);
    assert_eq!(retry.ok()["wallet"]["balance"], "50.00");
}

#[test]
fn the_same_key_sent_at_once_from_many_clients_writes_once() {
    const CLIENTS: usize = 8;
    let api = Api::new();
    let entries = api.ledger.entries();
    let barrier = Arc::new(Barrier::new(CLIENTS));
    let answers: Vec<Answer> = (0..CLIENTS)
        .map(|_| {
            let (client, token, barrier) = (api.server.client(), api.token.clone(), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                let auth = format!("Bearer {token}");
                client.request(
                    "POST",
                    WITHDRAW,
                    &[
                        ("Authorization", &auth),
                        ("Content-Type", "application/json"),
                        ("Idempotency-Key", "k-burst"),
                    ],
                    Some(r#"{"amount":"10.00"}"#),
                )
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .collect();
    for answer in &answers {
        assert_eq!(answer.body, answers[0].body, "every client hears the one write");
    }
    assert_eq!(answers[0].ok()["wallet"]["balance"], "90.00");
    assert_eq!(api.ledger.entries(), entries + 1);
}

#[test]
fn the_internal_refund_honours_the_idempotency_key() {
    let api = Api::new();
    let paid = cli(
        &api.ledger,
        ACME,
        &[
            "wallet",
            "payment",
            "alice",
            "--counterparty",
            "mch_1",
            "--new-counterparty",
            "--amount",
            "30",
        ],
    );
    let paid = s(&paid["data"]["transaction"]["id"]).to_owned();
    let key = api
        .ledger
        .token(&[&ACME[..], &["token", "create", "--internal"]].concat());
    let body = format!(r#"{{"transaction_id":"{paid}","amount":"5.00"}}"#);
    let send = || {
        api.server.internal(
            "POST",
            "/internal/wallet/refund",
            &[
                ("X-API-Key", &key),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", "refund-1"),
            ],
            Some(&body),
        )
    };
    let first = send();
    first.ok();
    let entries = api.ledger.entries();
    let again = send();
    assert_eq!(again.body, first.body);
    assert_eq!(api.ledger.entries(), entries);
    assert_eq!(balance(&api.ledger, ACME, "alice"), "75.00");
}

// ---------------------------------------------------------------------------------------------
// What a key may be: 1 to 255 visible ASCII characters.

/// A withdrawal with the raw header line `Idempotency-Key: <key bytes>`.
fn with_raw_key(api: &Api, key: &[u8]) -> Answer {
    let body = br#"{"amount":"1.00"}"#.to_vec();
    let mut head = format!(
        "POST {WITHDRAW} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\nIdempotency-Key: ",
        api.server.public,
        api.token,
        body.len()
    )
    .into_bytes();
    head.extend_from_slice(key);
    support::server::raw(&api.server.public, &String::from_utf8_lossy(&head), body)
}

#[test]
fn an_empty_key_is_an_invalid_request() {
    let api = Api::new();
    api.ledger.refused(400, "invalid_request", || with_raw_key(&api, b""));
}

#[test]
fn a_key_of_255_characters_is_taken_and_one_of_256_is_an_invalid_request() {
    let api = Api::new();
    api.keyed(&"k".repeat(255), WITHDRAW, r#"{"amount":"1.00"}"#).ok();
    api.ledger.refused(400, "invalid_request", || {
        api.keyed(&"k".repeat(256), WITHDRAW, r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn a_key_with_a_space_is_an_invalid_request() {
    let api = Api::new();
    api.ledger
        .refused(400, "invalid_request", || with_raw_key(&api, b"order 1"));
}

#[test]
fn a_key_with_non_ascii_characters_is_an_invalid_request() {
    let api = Api::new();
    api.ledger.refused(400, "invalid_request", || {
        with_raw_key(&api, "commande-\u{e9}".as_bytes())
    });
}

// ---------------------------------------------------------------------------------------------
// reference_id over HTTP.

#[test]
fn a_reference_id_repeat_over_http_is_replayed_and_writes_nothing() {
    let api = Api::new();
    let body = r#"{"amount":"10.00","reference_id":"wd-1"}"#;
    let first = api.server.post(&api.token, WITHDRAW, body);
    assert_eq!(first.json["message"], "ok", "{}", first.body);
    let before = api.ledger.snapshot();
    let again = api.server.post(&api.token, WITHDRAW, body);
    assert_eq!(again.json["message"], "replayed", "{}", again.body);
    assert_eq!(again.ok()["transaction"]["id"], first.ok()["transaction"]["id"]);
    assert_eq!(again.ok()["transaction"]["balance_after"], "90.00");
    assert_eq!(api.ledger.snapshot(), before, "the replay wrote something");
}

#[test]
fn a_reference_id_reused_with_another_amount_is_409() {
    let api = Api::new();
    api.server
        .post(&api.token, WITHDRAW, r#"{"amount":"10.00","reference_id":"wd-1"}"#)
        .ok();
    api.ledger.refused(409, "reference_conflict", || {
        api.server
            .post(&api.token, WITHDRAW, r#"{"amount":"11.00","reference_id":"wd-1"}"#)
    });
}

#[test]
fn a_reference_id_first_used_on_the_cli_is_replayed_over_http() {
    let api = Api::new();
    let cli_run = cli(
        &api.ledger,
        ACME,
        &[
            "wallet",
            "withdraw",
            "alice",
            "--amount",
            "10.00",
            "--reference-id",
            "wd-1",
        ],
    );
    let before = api.ledger.snapshot();
    let http = api
        .server
        .post(&api.token, WITHDRAW, r#"{"amount":"10.00","reference_id":"wd-1"}"#);
    assert_eq!(http.json["message"], "replayed", "{}", http.body);
    assert_eq!(http.ok()["transaction"]["id"], cli_run["data"]["transaction"]["id"]);
    assert_eq!(api.ledger.snapshot(), before);
}
