//! `POST /wallets/transfer` on a running server: both legs answered, the token's reach (a
//! bound token sends only from its user; another tenant's receiver is not found), bodies
//! refused as every write's are, replays, and transfers in both directions at once.

mod support;

use std::thread;

use support::server::Server;
use support::{s, Ledger};

const PATH: &str = "/wallets/transfer";

/// alice with 100.00 and an empty bob in acme/shop, a CNY wallet of bob's in globex/shop, and
/// the server.
fn world() -> (Ledger, Server) {
    let l = Ledger::new();
    let acme = ["--tenant", "acme", "--app", "shop"];
    l.ok(&[&acme[..], &["wallet", "create", "alice"]].concat());
    l.ok(&[&acme[..], &["wallet", "deposit", "alice", "--amount", "100"]].concat());
    l.ok(&[&acme[..], &["wallet", "create", "bob"]].concat());
    l.ok(&["--tenant", "globex", "--app", "shop", "wallet", "create", "bob"]);
    let server = Server::start(&l);
    (l, server)
}

fn token(l: &Ledger, args: &[&str]) -> String {
    l.token(&[&["--tenant", "acme", "--app", "shop", "token", "create"][..], args].concat())
}

fn body(from: &str, to: &str, amount: &str) -> String {
    format!(r#"{{"from_user_id":"{from}","to_user_id":"{to}","amount":"{amount}"}}"#)
}

#[test]
fn a_transfer_answers_both_legs_and_both_wallets() {
    let (l, server) = world();
    let write = token(&l, &["--scope", "write"]);
    let answer = server.post(&write, PATH, &body("alice", "bob", "25.00"));
    let d = answer.ok();
    assert_eq!(s(&d["from_transaction"]["type"]), "transfer_out");
    assert_eq!(s(&d["to_transaction"]["type"]), "transfer_in");
    assert_eq!(
        d["to_transaction"]["original_transaction_id"],
        d["from_transaction"]["id"]
    );
    assert_eq!(s(&d["from_wallet"]["balance"]), "75.00");
    assert_eq!(s(&d["to_wallet"]["balance"]), "25.00");
    // The same route under the upstream base path, and the receiver's leg readable by id.
    let upstream = server.post(
        &write,
        &format!("/bff/wallet-service/api/v1{PATH}"),
        &body("alice", "bob", "5"),
    );
    assert_eq!(s(&upstream.ok()["to_wallet"]["balance"]), "30.00");
    let leg = server.get(&write, &format!("/transactions/{}", s(&d["to_transaction"]["id"])));
    assert_eq!(s(&leg.ok()["transaction"]["type"]), "transfer_in");
    l.verified();
}

#[test]
fn a_bound_token_sends_only_from_its_user_and_another_tenants_receiver_is_not_found() {
    let (l, server) = world();
    let alices = token(&l, &["--scope", "write", "--user", "alice"]);
    let bobs = token(&l, &["--scope", "write", "--user", "bob"]);
    server.post(&alices, PATH, &body("alice", "bob", "1")).ok();
    l.refused(404, "wallet_not_found", || {
        server.post(&bobs, PATH, &body("alice", "bob", "1"))
    });
    let read = token(&l, &["--scope", "read"]);
    l.refused(403, "forbidden", || {
        server.post(&read, PATH, &body("alice", "bob", "1"))
    });
    // globex's token: its own bob has a wallet, but alice is not in its reach.
    let globex = l.token(&[
        "--tenant", "globex", "--app", "shop", "token", "create", "--scope", "write",
    ]);
    l.refused(404, "wallet_not_found", || {
        server.post(&globex, PATH, &body("bob", "alice", "1"))
    });
    let write = token(&l, &["--scope", "write"]);
    l.refused(404, "wallet_not_found", || {
        server.post(&write, PATH, &body("alice", "carol", "1"))
    });
    l.verified();
}

#[test]
fn bad_bodies_are_refused_as_every_writes_are_and_change_nothing() {
    let (l, server) = world();
    let write = token(&l, &["--scope", "write"]);
    let cases: [(&str, u16, &str); 9] = [
        ("{", 400, "invalid_request"),
        (r#"{"from_user_id":"alice","amount":"1"}"#, 400, "invalid_request"),
        (r#"{"to_user_id":"bob","amount":"1"}"#, 400, "invalid_request"),
        (
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":"1","user_id":"bob"}"#,
            400,
            "invalid_request",
        ),
        (
            r#"{"from_user_id":"alice","to_user_id":"alice","amount":"1"}"#,
            400,
            "invalid_request",
        ),
        (
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":1}"#,
            422,
            "invalid_amount",
        ),
        (
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":"1e3"}"#,
            422,
            "invalid_amount",
        ),
        (
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":"0.001"}"#,
            422,
            "invalid_amount",
        ),
        (
            r#"{"from_user_id":"alice","to_user_id":"bob","amount":"100.01"}"#,
            409,
            "insufficient_balance",
        ),
    ];
    for (sent, status, error) in cases {
        l.refused(status, error, || server.post(&write, PATH, sent));
    }
    l.verified();
}

#[test]
fn an_idempotency_key_or_a_reference_replays_the_transfer_once() {
    let (l, server) = world();
    let write = token(&l, &["--scope", "write"]);
    let first = server.post_keyed(&write, "k-1", PATH, &body("alice", "bob", "10"));
    let again = server.post_keyed(&write, "k-1", PATH, &body("alice", "bob", "10"));
    assert_eq!(
        (first.status, &first.body),
        (again.status, &again.body),
        "byte for byte"
    );
    l.refused(409, "idempotency_key_reused", || {
        server.post_keyed(&write, "k-1", PATH, &body("alice", "bob", "11"))
    });
    let referenced = r#"{"from_user_id":"alice","to_user_id":"bob","amount":"10","reference_id":"r-1"}"#;
    server.post(&write, PATH, referenced).ok();
    let entries = l.entries();
    let replay = server.post(&write, PATH, referenced);
    assert_eq!(replay.json["message"], "replayed");
    assert_eq!(l.entries(), entries);
    assert_eq!(
        s(&l.ok(&["--tenant", "acme", "--app", "shop", "wallet", "show", "bob"])["data"]["balance"]),
        "20.00"
    );
    l.verified();
}

/// Transfers between two wallets in both directions at once, from many clients: each wallet's
/// lock is taken in wallet id order, so none waits for the other forever (on PostgreSQL a
/// deadlock would cost a second and a retry, or a `ledger_busy`). Every acknowledged transfer is
/// there once, the total is conserved, and the ledger verifies.
#[test]
fn transfers_both_ways_at_once_all_land_and_conserve_the_total() {
    let (l, server) = world();
    l.ok(&[
        "--tenant", "acme", "--app", "shop", "wallet", "deposit", "bob", "--amount", "100",
    ]);
    let write = token(&l, &["--scope", "write"]);
    let statuses: Vec<u16> = thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|i| {
                let (server, write) = (&server, &write);
                scope.spawn(move || {
                    let (from, to) = if i % 2 == 0 { ("alice", "bob") } else { ("bob", "alice") };
                    (0..10)
                        .map(|_| server.post(write, PATH, &body(from, to, "1.00")).status)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let balance = |user: &str| {
        let shown = l.ok(&["--tenant", "acme", "--app", "shop", "wallet", "show", user]);
        s(&shown["data"]["balance"]).to_owned()
    };
    assert_eq!(
        (balance("alice"), balance("bob")),
        ("100.00".to_owned(), "100.00".to_owned())
    );
    assert_eq!(
        l.number("SELECT COUNT(*) FROM journal_entries WHERE kind = 'transfer_in'"),
        80
    );
    l.verified();
}
