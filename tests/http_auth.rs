//! SPEC section 5, credentials: bearer tokens on the public listener, internal API keys on the
//! internal one. A bad credential is 401 whatever is wrong with it; a token never reaches a
//! wallet outside its tenant, application or user; secrets are stored only as hashes.

mod support;

use sha2::{Digest, Sha256};
use support::server::{token_id, Answer, Server};
use support::{s, Ledger};

use support::scoped::{cli as ok, token, ACME, ACME_GAMES, GLOBEX};

/// Opens `user`'s wallet in `scope` and deposits `amount`; returns the deposit's id.
fn funded(l: &Ledger, scope: [&str; 4], user: &str, amount: &str) -> String {
    ok(l, scope, &["wallet", "create", user]);
    let deposit = ok(l, scope, &["wallet", "deposit", user, "--amount", amount]);
    s(&deposit["data"]["transaction"]["id"]).to_owned()
}

fn balance(l: &Ledger, scope: [&str; 4], user: &str) -> String {
    s(&ok(l, scope, &["wallet", "show", user])["data"]["balance"]).to_owned()
}

/// A payment of 30.00 from `user` in `scope`; returns its id.
fn payment(l: &Ledger, scope: [&str; 4], user: &str) -> String {
    let paid = ok(
        l,
        scope,
        &[
            "wallet",
            "payment",
            user,
            "--counterparty",
            "mch_1",
            "--new-counterparty",
            "--amount",
            "30.00",
        ],
    );
    s(&paid["data"]["transaction"]["id"]).to_owned()
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn with_auth(server: &Server, method: &str, path: &str, authorization: &str) -> Answer {
    let headers = [("Authorization", authorization), ("Content-Type", "application/json")];
    let body = (method == "POST").then_some(r#"{"amount":"1.00"}"#);
    server.request(method, path, &headers, body)
}

/// acme/shop: alice holds 100.00, and a write token.
fn acme() -> (Ledger, String) {
    let l = Ledger::new();
    funded(&l, ACME, "alice", "100.00");
    let write = token(&l, ACME, &["--scope", "write"]);
    (l, write)
}

/// Stores a bearer token for acme/shop by hand, with a secret the test knows, as `token create`
/// would but with any `expires_at`; returns its text.
fn insert_token(l: &Ledger, id: &str, expires_at: &str) -> String {
    use ledgerctl::ledger::chain::{audit_hash, AuditRecord, GENESIS_HASH};
    use ledgerctl::ledger::model::Scope;
    use ledgerctl::ledger::token::{Access, Token, TokenKind};
    let secret = "5e".repeat(32);
    let token = Token {
        id: id.into(),
        kind: TokenKind::Bearer,
        scope: Scope {
            tenant_id: "acme".into(),
            application_id: "shop".into(),
        },
        user_id: None,
        access: Access::Write,
        secret_sha256: sha256_hex(&secret),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
        expires_at: Some(expires_at.parse().unwrap()),
        revoked_at: None,
        actor: "test".into(),
        name: None,
    };
    // Every value is the test's own: no quoting is needed.
    l.execute(&format!(
        "INSERT INTO tokens (id, kind, tenant_id, application_id, user_id, access, secret_sha256,
                             created_at, expires_at, revoked_at, actor)
         VALUES ('{id}', 'bearer', 'acme', 'shop', NULL, 'write', '{}', '2026-01-01T00:00:00Z', '{expires_at}', NULL, 'test')",
        token.secret_sha256
    ));
    // Recorded in the audit chain as `token create` records it, or serve would refuse it as forged.
    let seq = l.number("SELECT COALESCE(MAX(seq), 0) FROM audit_events") + 1;
    let prev_hash = l
        .texts("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .pop()
        .unwrap_or_else(|| GENESIS_HASH.to_owned());
    let hash = audit_hash(seq, &AuditRecord::TokenCreated(&token), &prev_hash);
    l.execute(&format!(
        "INSERT INTO audit_events (seq, kind, subject, prev_hash, hash) VALUES ({seq}, 'token_created', '{id}', '{prev_hash}', '{hash}')"
    ));
    format!("{id}.{secret}")
}

// ---------------------------------------------------------------------------------------------
// 401 on the public listener.

#[test]
fn a_request_without_a_token_is_401_with_a_challenge() {
    let (l, _) = acme();
    let server = Server::start(&l);
    server
        .request("GET", "/wallets/alice", &[], None)
        .is_error(401, "unauthenticated");
    l.refused(401, "unauthenticated", || {
        server.request(
            "POST",
            "/wallets/alice/withdraw",
            &[("Content-Type", "application/json")],
            Some(r#"{"amount":"1.00"}"#),
        )
    });
}

#[test]
fn a_malformed_authorization_header_is_401() {
    let (l, write) = acme();
    let server = Server::start(&l);
    let id = token_id(&write);
    let secret = write.split_once('.').unwrap().1;
    for authorization in [
        "Basic YWxpY2U6c2VjcmV0".to_owned(),
        "Bearer".to_owned(),
        "Bearer ".to_owned(),
        format!("Token {write}"),
        format!("Bearer {id}"),
        format!("Bearer {id}.{}", &secret[1..]),
        format!("Bearer {id}.{}", secret.to_uppercase()),
        format!("Bearer {secret}"),
        "Bearer tok_x.y".to_owned(),
    ] {
        l.refused(401, "unauthenticated", || {
            with_auth(&server, "POST", "/wallets/alice/withdraw", &authorization)
        });
    }
}

#[test]
fn an_unknown_token_is_401() {
    let (l, _) = acme();
    let server = Server::start(&l);
    let unknown = format!("tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.{}", "ab".repeat(32));
    server.get(&unknown, "/wallets/alice").is_error(401, "unauthenticated");
    l.refused(401, "unauthenticated", || {
        server.post(&unknown, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn a_known_token_id_with_a_wrong_secret_is_401() {
    let (l, write) = acme();
    let server = Server::start(&l);
    let forged = format!("{}.{}", token_id(&write), "ab".repeat(32));
    l.refused(401, "unauthenticated", || {
        server.post(&forged, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn an_expired_token_is_401_while_the_same_token_before_its_expiry_is_served() {
    let (l, _) = acme();
    // Two tokens made alike by hand; only their expiry differs, so the control proves the
    // hand-made row is a valid token and the 401 is the expiry's doing.
    let expired = insert_token(&l, "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV", "2026-01-02T00:00:00Z");
    let current = insert_token(&l, "tok_01ARZ3NDEKTSV4RRFFQ69G5FAW", "2999-01-01T00:00:00Z");
    let server = Server::start(&l);
    assert_eq!(server.get(&current, "/wallets/alice").ok()["balance"], "100.00");
    server.get(&expired, "/wallets/alice").is_error(401, "unauthenticated");
    l.refused(401, "unauthenticated", || {
        server.post(&expired, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn a_token_revoked_while_the_server_runs_is_401_from_its_next_request() {
    let (l, write) = acme();
    let server = Server::start(&l);
    server
        .post(&write, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
        .ok();
    l.ok(&["token", "revoke", token_id(&write), "--yes"]);
    l.refused(401, "unauthenticated", || {
        server.post(&write, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
    server.get(&write, "/wallets/alice").is_error(401, "unauthenticated");
}

#[test]
fn a_refused_token_is_not_told_whether_it_is_unknown_forged_expired_or_revoked() {
    let (l, write) = acme();
    let expired = insert_token(&l, "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV", "2026-01-02T00:00:00Z");
    let revoked = token(&l, ACME, &["--scope", "write"]);
    l.ok(&["token", "revoke", token_id(&revoked), "--yes"]);
    let server = Server::start(&l);
    let unknown = format!("tok_01ARZ3NDEKTSV4RRFFQ69G5FAX.{}", "ab".repeat(32));
    let forged = format!("{}.{}", token_id(&write), "ab".repeat(32));
    let messages: Vec<String> = [unknown, forged, expired, revoked]
        .iter()
        .map(|t| {
            let answer = server.get(t, "/wallets/alice");
            answer.is_error(401, "unauthenticated");
            s(&answer.json["message"]).to_owned()
        })
        .collect();
    assert!(messages.iter().all(|m| *m == messages[0]), "{messages:#?}");
}

#[test]
fn the_bearer_scheme_is_case_insensitive() {
    let (l, write) = acme();
    let server = Server::start(&l);
    let answer = with_auth(&server, "GET", "/wallets/alice", &format!("bearer {write}"));
    assert_eq!(answer.ok()["balance"], "100.00");
}

// ---------------------------------------------------------------------------------------------
// 403 and reach: what a valid token may do.

#[test]
fn a_read_token_reads_but_every_write_route_is_403() {
    let (l, _) = acme();
    let read = token(&l, ACME, &["--scope", "read"]);
    let server = Server::start(&l);
    assert_eq!(server.get(&read, "/wallets/alice").ok()["balance"], "100.00");
    for route in ["deposit", "payment", "withdraw", "freeze", "unfreeze", "refund"] {
        l.refused(403, "forbidden", || {
            server.post(&read, &format!("/wallets/alice/{route}"), r#"{"amount":"1.00"}"#)
        });
    }
}

#[test]
fn a_token_created_without_a_scope_is_read_only() {
    let (l, _) = acme();
    let default = token(&l, ACME, &[]);
    let server = Server::start(&l);
    l.refused(403, "forbidden", || {
        server.post(&default, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn a_user_bound_token_reaches_its_own_wallet() {
    let (l, _) = acme();
    let alices = token(&l, ACME, &["--user", "alice", "--scope", "write"]);
    let server = Server::start(&l);
    let answer = server.post(&alices, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
    assert_eq!(answer.ok()["wallet"]["balance"], "99.00");
}

#[test]
fn a_user_bound_token_on_another_users_wallet_gets_the_answer_of_a_wallet_that_does_not_exist() {
    let (l, _) = acme();
    funded(&l, ACME, "bob", "50.00");
    let alices = token(&l, ACME, &["--user", "alice", "--scope", "write"]);
    // In acme/games nobody has a wallet: there "bob" really does not exist.
    let games = token(&l, ACME_GAMES, &["--scope", "write"]);
    let server = Server::start(&l);
    let same = |hidden: &Answer, missing: &Answer| {
        hidden.is_error(404, "wallet_not_found");
        missing.is_error(404, "wallet_not_found");
        // The message names where the wallet was looked for: the caller's own tenant and
        // application, which it knows already. Nothing else may differ.
        let missing_in_shop = missing.json["message"]
            .as_str()
            .map(|m| m.replace("application games", "application shop"));
        assert_eq!(hidden.json["message"].as_str().map(str::to_owned), missing_in_shop);
        assert_eq!(hidden.www_authenticate, missing.www_authenticate);
    };
    same(
        &server.get(&alices, "/wallets/bob"),
        &server.get(&games, "/wallets/bob"),
    );
    same(
        &server.get(&alices, "/wallets/bob/transactions"),
        &server.get(&games, "/wallets/bob/transactions"),
    );
    let body = r#"{"amount":"1.00"}"#;
    let hidden = l.refused(404, "wallet_not_found", || {
        server.post(&alices, "/wallets/bob/withdraw", body)
    });
    same(&hidden, &server.post(&games, "/wallets/bob/withdraw", body));
    assert_eq!(balance(&l, ACME, "bob"), "50.00");
}

#[test]
fn a_token_of_another_tenant_cannot_see_or_move_a_wallet_of_the_same_user_id() {
    let (l, _) = acme();
    let globex = token(&l, GLOBEX, &["--scope", "write"]);
    let server = Server::start(&l);
    for path in [
        "/wallets/alice",
        "/wallets/alice/transactions",
        "/wallets/alice/freezes",
    ] {
        server.get(&globex, path).is_error(404, "wallet_not_found");
    }
    for (route, body) in [
        ("withdraw", r#"{"amount":"1.00"}"#),
        (
            "payment",
            r#"{"amount":"1.00","counterparty_id":"mch_1","new_counterparty":true}"#,
        ),
        ("freeze", r#"{"amount":"1.00"}"#),
        ("deposit", r#"{"amount":"1.00"}"#),
    ] {
        l.refused(404, "wallet_not_found", || {
            server.post(&globex, &format!("/wallets/alice/{route}"), body)
        });
    }
    assert_eq!(balance(&l, ACME, "alice"), "100.00");
}

#[test]
fn a_token_of_another_tenant_moves_only_its_own_wallet_of_the_same_user_id() {
    let (l, _) = acme();
    funded(&l, GLOBEX, "alice", "50.00");
    let globex = token(&l, GLOBEX, &["--scope", "write"]);
    let server = Server::start(&l);
    let answer = server.post(&globex, "/wallets/alice/withdraw", r#"{"amount":"10.00"}"#);
    let wallet = &answer.ok()["wallet"];
    assert_eq!(wallet["tenant_id"], "globex");
    assert_eq!(wallet["balance"], "40.00");
    assert_eq!(balance(&l, GLOBEX, "alice"), "40.00");
    assert_eq!(balance(&l, ACME, "alice"), "100.00");
}

#[test]
fn a_token_of_another_application_of_the_tenant_does_not_reach_the_wallet() {
    let (l, _) = acme();
    let games = token(&l, ACME_GAMES, &["--scope", "write"]);
    let server = Server::start(&l);
    server.get(&games, "/wallets/alice").is_error(404, "wallet_not_found");
    l.refused(404, "wallet_not_found", || {
        server.post(&games, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn a_token_of_another_tenant_cannot_refund_this_tenants_transaction_into_its_own_wallet() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    funded(&l, GLOBEX, "alice", "50.00");
    let globex = token(&l, GLOBEX, &["--scope", "write"]);
    let server = Server::start(&l);
    l.refused(404, "transaction_not_found", || {
        server.post(
            &globex,
            "/wallets/alice/refund",
            &format!(r#"{{"transaction_id":"{paid}"}}"#),
        )
    });
}

// ---------------------------------------------------------------------------------------------
// The internal refund: its own listener, its own key.

#[test]
fn the_internal_refund_is_served_on_the_internal_listener_with_an_api_key() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    let answer = server.internal_refund(&key, &format!(r#"{{"transaction_id":"{paid}","amount":"10.00"}}"#));
    let data = answer.ok();
    assert_eq!(data["transaction"]["type"], "refund");
    assert_eq!(data["transaction"]["original_transaction_id"], paid.as_str());
    assert_eq!(data["wallet"]["user_id"], "alice");
    assert_eq!(balance(&l, ACME, "alice"), "80.00");
}

#[test]
fn the_internal_refund_without_an_api_key_is_401() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let server = Server::start(&l);
    l.refused(401, "unauthenticated", || {
        server.internal(
            "POST",
            "/internal/wallet/refund",
            &[("Content-Type", "application/json")],
            Some(&format!(r#"{{"transaction_id":"{paid}"}}"#)),
        )
    });
}

#[test]
fn the_internal_refund_with_a_wrong_api_key_is_401() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    let body = format!(r#"{{"transaction_id":"{paid}"}}"#);
    for wrong in [
        format!("{}.{}", token_id(&key), "ab".repeat(32)),
        "not-a-key".to_owned(),
        String::new(),
    ] {
        l.refused(401, "unauthenticated", || server.internal_refund(&wrong, &body));
    }
}

#[test]
fn a_revoked_api_key_is_401() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let key = token(&l, ACME, &["--internal"]);
    l.ok(&["token", "revoke", token_id(&key), "--yes"]);
    let server = Server::start(&l);
    l.refused(401, "unauthenticated", || {
        server.internal_refund(&key, &format!(r#"{{"transaction_id":"{paid}"}}"#))
    });
}

#[test]
fn a_bearer_token_sent_as_the_api_key_is_401() {
    let (l, write) = acme();
    let paid = payment(&l, ACME, "alice");
    let server = Server::start(&l);
    l.refused(401, "unauthenticated", || {
        server.internal_refund(&write, &format!(r#"{{"transaction_id":"{paid}"}}"#))
    });
}

#[test]
fn a_bearer_token_on_the_internal_listener_is_401() {
    let (l, write) = acme();
    let paid = payment(&l, ACME, "alice");
    let server = Server::start(&l);
    let auth = format!("Bearer {write}");
    l.refused(401, "unauthenticated", || {
        server.internal(
            "POST",
            "/internal/wallet/refund",
            &[("Authorization", &auth), ("Content-Type", "application/json")],
            Some(&format!(r#"{{"transaction_id":"{paid}"}}"#)),
        )
    });
}

#[test]
fn the_internal_refund_is_not_served_on_the_public_listener() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    l.refused(404, "route_not_found", || {
        server.request(
            "POST",
            "/internal/wallet/refund",
            &[("X-API-Key", &key), ("Content-Type", "application/json")],
            Some(&format!(r#"{{"transaction_id":"{paid}"}}"#)),
        )
    });
}

#[test]
fn the_wallet_routes_are_not_served_on_the_internal_listener() {
    let (l, write) = acme();
    let server = Server::start(&l);
    let auth = format!("Bearer {write}");
    l.refused(404, "route_not_found", || {
        server.internal(
            "POST",
            "/wallets/alice/withdraw",
            &[("Authorization", &auth), ("Content-Type", "application/json")],
            Some(r#"{"amount":"1.00"}"#),
        )
    });
    server
        .internal("GET", "/wallets/alice", &[("Authorization", &auth)], None)
        .is_error(404, "route_not_found");
}

#[test]
fn an_api_key_is_not_a_bearer_token_on_the_public_listener() {
    let (l, _) = acme();
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    l.refused(401, "unauthenticated", || {
        server.post(&key, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
    });
}

#[test]
fn an_api_key_of_another_tenant_cannot_refund_this_tenants_transaction() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    funded(&l, GLOBEX, "alice", "50.00");
    let globex = token(&l, GLOBEX, &["--internal"]);
    let server = Server::start(&l);
    l.refused(404, "transaction_not_found", || {
        server.internal_refund(&globex, &format!(r#"{{"transaction_id":"{paid}"}}"#))
    });
}

#[test]
fn an_api_key_of_another_application_of_the_tenant_cannot_refund_its_transaction() {
    let (l, _) = acme();
    let paid = payment(&l, ACME, "alice");
    let games = token(&l, ACME_GAMES, &["--internal"]);
    let server = Server::start(&l);
    l.refused(404, "transaction_not_found", || {
        server.internal_refund(&games, &format!(r#"{{"transaction_id":"{paid}"}}"#))
    });
}

// ---------------------------------------------------------------------------------------------
// Secrets at rest and who wrote what.

#[test]
fn token_list_never_shows_a_secret() {
    let (l, write) = acme();
    let secrets = [
        write,
        token(&l, ACME, &["--scope", "read", "--user", "alice"]),
        token(&l, ACME, &["--internal"]),
        token(&l, GLOBEX, &["--scope", "write", "--expires", "1m"]),
    ];
    let json = l.ok(&["token", "list"]);
    assert_eq!(json["total"], 4, "{json}");
    let table = l.cmd().args(["token", "list"]).output().expect("token list runs");
    assert!(table.status.success());
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    for secret in &secrets {
        let (id, hex) = secret.split_once('.').unwrap();
        let json = json.to_string();
        assert!(json.contains(id), "token list names {id}: {json}");
        assert!(!json.contains(hex), "token list -o json shows the secret of {id}");
        assert!(!table.contains(hex), "token list shows the secret of {id}");
    }
}

#[test]
fn the_ledger_file_keeps_only_the_sha256_of_a_secret() {
    let (l, write) = acme();
    let key = token(&l, ACME, &["--internal"]);
    for secret in [&write, &key] {
        let (id, hex) = secret.split_once('.').unwrap();
        let [stored] = l
            .texts(&format!("SELECT secret_sha256 FROM tokens WHERE id = '{id}'"))
            .try_into()
            .expect("one token");
        assert_eq!(stored.len(), 64);
        assert!(stored.bytes().all(|b| b.is_ascii_hexdigit()), "{stored}");
        assert_eq!(stored, sha256_hex(hex), "the hash of the secret");
        let dir = l.db.parent().unwrap();
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(hex.len()).any(|w| w == hex.as_bytes()),
                "{} holds the secret of {id}",
                path.display()
            );
        }
    }
}

#[test]
fn the_journal_records_the_token_as_the_actor_of_an_http_write() {
    let (l, write) = acme();
    let paid = payment(&l, ACME, "alice");
    let key = token(&l, ACME, &["--internal"]);
    let server = Server::start(&l);
    let withdrawn = server.post(&write, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#);
    let refunded = server.internal_refund(&key, &format!(r#"{{"transaction_id":"{paid}"}}"#));
    let actor = |answer: &Answer| -> String {
        let id = s(&answer.ok()["transaction"]["id"]).to_owned();
        let [actor] = l
            .texts(&format!("SELECT actor FROM journal_entries WHERE id = '{id}'"))
            .try_into()
            .expect("one entry");
        actor
    };
    assert_eq!(actor(&withdrawn), format!("token:{}", token_id(&write)));
    assert_eq!(actor(&refunded), format!("token:{}", token_id(&key)));
}

#[test]
fn an_admin_token_reads_and_moves_money_on_every_wallet_of_its_application() {
    let (l, _) = acme();
    funded(&l, ACME, "bob", "50.00");
    let admin = token(&l, ACME, &["--scope", "admin"]);
    let server = Server::start(&l);
    assert_eq!(server.get(&admin, "/wallets/alice").ok()["balance"], "100.00");
    for user in ["alice", "bob"] {
        let paid = server.post(&admin, &format!("/wallets/{user}/withdraw"), r#"{"amount":"1.00"}"#);
        assert_eq!(paid.status, 200, "{}", paid.body);
    }
    assert_eq!(balance(&l, ACME, "alice"), "99.00");
    assert_eq!(balance(&l, ACME, "bob"), "49.00");
}

#[test]
fn an_admin_token_stays_inside_its_tenant_and_application() {
    let (l, _) = acme();
    for scope in [GLOBEX, ACME_GAMES] {
        let admin = token(&l, scope, &["--scope", "admin"]);
        let server = Server::start(&l);
        server.get(&admin, "/wallets/alice").is_error(404, "wallet_not_found");
        l.refused(404, "wallet_not_found", || {
            server.post(&admin, "/wallets/alice/withdraw", r#"{"amount":"1.00"}"#)
        });
    }
    assert_eq!(balance(&l, ACME, "alice"), "100.00");
}

#[test]
fn an_admin_token_bound_to_one_user_is_refused_with_exit_2_and_nothing_written() {
    let (l, _) = acme();
    let args = [&ACME[..], &["token", "create", "--scope", "admin", "--user", "alice"]].concat();
    let refused = l.fails(&args, 2, "invalid_request");
    assert!(s(&refused["message"]).contains("no --user"), "{refused}");
}

#[test]
fn an_admin_token_made_without_a_terminal_prints_no_warning_and_lists_as_admin() {
    let l = Ledger::new();
    let run = l.run(&[&ACME[..], &["token", "create", "--scope", "admin"]].concat());
    assert_eq!(run.code, 0, "{}", run.json);
    assert_eq!(run.json["data"]["token"]["scope"], "admin", "{}", run.json);
    assert!(run.stderr.is_empty(), "stderr is not a terminal here: {}", run.stderr);
    let listed = l.ok(&["token", "list"]);
    assert_eq!(listed["items"][0]["scope"], "admin", "{listed}");
}
