//! PostgreSQL connections that cannot be made or are lost, answered for what they are and
//! survived: a database that cannot be reached is `database_unavailable` (exit 6, 503, nothing
//! written), a wrong database name stays `invalid_request`, and a running `serve` whose sessions
//! the database ended reconnects every writer and read connection, applying each acknowledged
//! write once.
//!
//! Skips without a PostgreSQL server (`bash .ci/postgres-tests` provides one; `.ci/run` requires
//! it).

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::thread;
use std::time::Duration;

use ledgerctl::ledger::limits::{CONNECTION_CHECK_IDLE_MS, POSTGRES_WRITERS};
use support::server::{Client, Server};
use support::Ledger;

/// Ends every session on the test's database but the one asking, as a restart or an operator's
/// `pg_terminate_backend` would: the server's writers and read connections all lose theirs.
fn terminate_sessions(l: &Ledger) {
    let database = l.postgres.as_ref().expect("a PostgreSQL ledger");
    database
        .client()
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> \
             pg_backend_pid()",
        )
        .expect("the sessions are ended");
}

/// `ledgerctl -o json ARGS` on the ledger `db` names: exit code, stdout, stderr.
fn run_on(db: &str, args: &[&str]) -> (i32, serde_json::Value, String) {
    let output = support::command(Path::new(db))
        .args(["-o", "json"])
        .args(args)
        .output()
        .expect("ledgerctl runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("one JSON envelope ({e}): {stdout}"));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().expect("an exit code"), json, stderr)
}

#[test]
fn a_database_nobody_listens_for_is_unavailable_exit_6_and_its_password_is_never_shown() {
    if Ledger::postgres_uninitialised().is_none() {
        return;
    }
    let secret = "pw-never-shown";
    let url = format!("postgres://postgres:{secret}@127.0.0.1:1/x");
    for args in [&["wallet", "show", "alice"][..], &["ledger", "verify"], &["init"]] {
        let (code, json, stderr) = run_on(&url, args);
        assert_eq!(code, 6, "{args:?}: {json}");
        assert_eq!(json["error"], "database_unavailable", "{json}");
        assert_eq!(json["code"], 503, "{json}");
        let message = json["message"].as_str().expect("a message");
        assert!(message.contains("postgres://postgres@127.0.0.1:1/x"), "{message}");
        assert!(message.contains("nothing was written, safe to retry"), "{message}");
        assert!(
            !json.to_string().contains(secret) && !stderr.contains(secret),
            "{json} {stderr}"
        );
    }
}

#[test]
fn a_database_that_does_not_exist_is_still_a_wrong_db_exit_2() {
    let Some(l) = Ledger::postgres_uninitialised() else {
        return;
    };
    let url = l.db_arg();
    let (server, _) = url.rsplit_once('/').expect("a database name");
    let (code, json, _) = run_on(&format!("{server}/lt_no_such_database"), &["wallet", "show", "alice"]);
    assert_eq!(
        (code, &json["error"]),
        (2, &serde_json::json!("invalid_request")),
        "{json}"
    );
    let message = json["message"].as_str().expect("a message");
    assert!(
        message.contains("lt_no_such_database") && message.contains("3D000"),
        "{message}"
    );
}

/// A withdrawal of 1.00 from `u{n % USERS}` keyed `key`, also its reference.
fn withdrawal(client: &Client, token: &str, key: &str, n: usize) -> (u16, serde_json::Value) {
    let path = format!("/wallets/u{}/withdraw", n % USERS);
    let body = format!(r#"{{"amount":"1.00","reference_id":"{key}"}}"#);
    let answer = client.post_keyed(token, key, &path, &body);
    (answer.status, answer.json)
}

const USERS: usize = 4;

/// Sends keyed withdrawals one after another until `in_a_row` are answered 200 in a row (at
/// most `most` requests). Every answer must be a 200 or a 503 `database_unavailable`; a 503 is
/// sent again with its key, as a client told "safe to retry" does, until it is a 200. Returns
/// each key's transaction id and how many 503s there were.
fn withdraw_until_steady(
    client: &Client,
    token: &str,
    round: &str,
    in_a_row: usize,
    most: usize,
) -> (BTreeMap<String, String>, usize) {
    let (mut answered, mut unavailable, mut steady) = (BTreeMap::new(), 0, 0);
    for n in 0..most {
        let key = format!("{round}-{n}");
        let mut first_try = true;
        loop {
            let (status, json) = withdrawal(client, token, &key, n);
            if status == 200 {
                let id = json["data"]["transaction"]["id"].as_str().expect("an id");
                answered.insert(key.clone(), id.to_owned());
                break;
            }
            assert_eq!(
                (status, &json["error"]),
                (503, &serde_json::json!("database_unavailable")),
                "{json}"
            );
            unavailable += 1;
            first_try = false;
            assert!(unavailable < most, "the server never recovered: {json}");
        }
        steady = if first_try { steady + 1 } else { 0 };
        if steady == in_a_row {
            return (answered, unavailable);
        }
    }
    panic!("{round}: not {in_a_row} answers in a row within {most} requests");
}

#[test]
fn a_server_whose_sessions_the_database_ended_reconnects_and_applies_every_acknowledged_write_once() {
    let Some(l) = Ledger::postgres_uninitialised() else {
        return;
    };
    l.ok(&["init"]);
    for user in 0..USERS {
        l.ok(&["wallet", "create", &format!("u{user}")]);
        l.ok(&["wallet", "deposit", &format!("u{user}"), "--amount", "1000.00"]);
    }
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start_logging(&l);
    let client = server.client();
    let (before, _) = withdraw_until_steady(&client, &token, "before", 2 * POSTGRES_WRITERS, 100);

    // Ended under the server's feet, used again at once: requests that meet a dead session
    // before the server notices are refused as unavailable, and every writer reconnects.
    terminate_sessions(&l);
    let (at_once, unavailable) = withdraw_until_steady(&client, &token, "at-once", 2 * POSTGRES_WRITERS, 200);
    eprintln!("{unavailable} request(s) answered database_unavailable right after the sessions ended");
    assert_eq!(client.get(&token, "/wallets/u0").status, 200);

    // Ended, then left idle past the check: every session is checked before it is used, so not
    // a single request fails, read or write.
    terminate_sessions(&l);
    thread::sleep(Duration::from_millis(CONNECTION_CHECK_IDLE_MS + 200));
    assert_eq!(
        client.get(&token, "/wallets/u1").status,
        200,
        "the first read after the restart"
    );
    let (idle, unavailable) =
        withdraw_until_steady(&client, &token, "idle", 2 * POSTGRES_WRITERS, 2 * POSTGRES_WRITERS);
    assert_eq!(unavailable, 0);

    let journal = l.entries_by_reference();
    for (key, id) in before.iter().chain(&at_once).chain(&idle) {
        assert_eq!(journal.get(key), Some(&vec![id.clone()]), "{key} once, as answered");
    }
    assert_eq!(
        journal.len(),
        before.len() + at_once.len() + idle.len(),
        "only what was answered"
    );
    let verified = l.ok(&["ledger", "verify"]);
    assert_eq!(verified["data"]["ok"], true, "{verified}");
    let (code, log) = server.stop();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("lost its connection to postgres://"), "{log}");
    assert!(log.contains("reconnected to postgres://"), "{log}");
}
