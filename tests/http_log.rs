//! The access log: one line per request, naming the token or key that authenticated it by its
//! id, and never a secret, whatever the request sent.

mod support;

use support::server::{token_id, Server};
use support::{s, Ledger};

#[test]
fn the_access_log_names_the_token_id_and_never_a_secret() {
    let l = Ledger::new();
    let deposit = l.funded("u", "100");
    let write = l.token(&["token", "create", "--scope", "write"]);
    let read = l.token(&["token", "create", "--scope", "read"]);
    let key = l.token(&["token", "create", "--internal"]);
    // The right id with a wrong secret: refused, and its text must not reach the log either.
    let forged = format!("{}.{}", token_id(&write), "0".repeat(64));
    let server = Server::start_logging(&l);

    assert_eq!(server.get(&read, "/wallets/u").status, 200);
    assert_eq!(
        server
            .post(&write, "/wallets/u/withdraw", r#"{"amount":"1.00"}"#)
            .status,
        200
    );
    let refund = format!(r#"{{"transaction_id":"{deposit}","amount":"2.00"}}"#);
    let refunded = server.internal_refund(&key, &refund);
    assert_eq!(refunded.status, 200, "{}", refunded.json);
    assert_eq!(s(&refunded.json["data"]["transaction"]["type"]), "refund");
    assert_eq!(server.get(&forged, "/wallets/u").status, 401);
    assert_eq!(server.request("GET", "/wallets/u", &[], None).status, 401);
    let (code, log) = server.stop();
    assert_eq!(code, 0, "{log}");

    let line = |path: &str, status: &str| -> &str {
        log.lines()
            .rfind(|l| l.contains(&format!(" {path} {status} ")))
            .unwrap_or_else(|| panic!("no log line for {path} {status}:\n{log}"))
    };
    assert!(
        line("/wallets/u", "200").ends_with(&format!("token={}", token_id(&read))),
        "{log}"
    );
    assert!(
        line("/wallets/u/withdraw", "200").ends_with(&format!("token={}", token_id(&write))),
        "{log}"
    );
    assert!(
        line("/internal/wallet/refund", "200").ends_with(&format!("token={}", token_id(&key))),
        "{log}"
    );
    assert!(
        line("/wallets/u", "401").ends_with("token=-"),
        "a refused credential names no token: {log}"
    );
    for secret in [&write, &read, &key, &forged] {
        let (_, hex) = secret.split_once('.').expect("a token's text");
        assert!(!log.contains(hex), "a secret reached the log:\n{log}");
    }
}
