//! The server under conditions its operators do not control: a stderr that goes away, a client
//! that never finishes its headers during a shutdown, a path that is not UTF-8.

mod support;

use std::io::Write;
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use support::server::{raw, spawn, Server};
use support::Ledger;

/// `serve` with its access log on (no `--quiet`), stderr piped; returns the child and the
/// public address.
fn logging_server(ledger: &Ledger) -> (std::process::Child, String) {
    let (child, started) = spawn(ledger, &[]);
    (child, started["data"]["listen"].as_str().unwrap().to_owned())
}

fn terminate(pid: u32) {
    let killed = Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
}

/// Waits up to `limit` for the child to exit; its exit code, or None if it is still running.
fn exit_within(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status.code().unwrap_or(-1));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn a_closed_stderr_costs_no_answer_and_no_write() {
    let ledger = Ledger::new();
    ledger.funded("alice", "100.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let (mut child, public) = logging_server(&ledger);
    // The log reader goes away (a log shipper restarting): every later log line hits EPIPE.
    drop(child.stderr.take());
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
    for _ in 0..20 {
        let answer = agent
            .post(&format!("http://{public}/wallets/alice/deposit"))
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/json")
            .send_string(r#"{"amount":"0.50"}"#);
        assert_eq!(answer.map(|r| r.status()).unwrap_or(0), 200);
    }
    terminate(child.id());
    assert_eq!(exit_within(&mut child, Duration::from_secs(10)), Some(0));
    assert_eq!(ledger.wallet("alice")["balance"], "110.00");
    ledger.verified();
}

#[test]
fn a_second_signal_stops_waiting_for_a_client_stuck_in_its_headers() {
    let ledger = Ledger::new();
    let (mut child, public) = logging_server(&ledger);
    let mut stuck = TcpStream::connect(&public).unwrap();
    stuck.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    terminate(child.id());
    // The first signal waits for connections in flight (at most the header timeout here).
    assert_eq!(exit_within(&mut child, Duration::from_millis(500)), None);
    terminate(child.id());
    assert_eq!(exit_within(&mut child, Duration::from_secs(5)), Some(0));
}

#[test]
fn a_path_that_is_not_utf8_is_a_400_envelope_not_plain_text() {
    let ledger = Ledger::new();
    let token = ledger.token(&["token", "create"]);
    let server = Server::start(&ledger);
    let answer = raw(
        &server.public,
        &format!("GET /wallets/%FF HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close"),
        Vec::new(),
    );
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert_eq!(answer.json["error"], "invalid_request", "{}", answer.body);
}

/// Starts `count` withdrawals of 1.00 from alice at once; each thread returns (status, error,
/// seconds taken).
fn withdrawals(public: &str, token: &str, count: usize) -> Vec<std::thread::JoinHandle<(u16, String, f64)>> {
    (0..count)
        .map(|_| {
            let (public, token) = (public.to_owned(), token.to_owned());
            std::thread::spawn(move || {
                let started = Instant::now();
                let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
                let sent = agent
                    .post(&format!("http://{public}/wallets/alice/withdraw"))
                    .set("Authorization", &format!("Bearer {token}"))
                    .set("Content-Type", "application/json")
                    .send_string(r#"{"amount":"1.00"}"#);
                let (status, body) = match sent {
                    Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
                    Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
                    Err(e) => (0, e.to_string()),
                };
                let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                let error = json["error"].as_str().unwrap_or("").to_owned();
                (status, error, started.elapsed().as_secs_f64())
            })
        })
        .collect()
}

#[test]
fn writes_stuck_behind_a_held_lock_are_answered_by_their_deadline_and_never_written_later() {
    let ledger = Ledger::new();
    ledger.funded("alice", "100.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let (mut child, started) = spawn(
        &ledger,
        &[
            "--quiet",
            "--commit-group-max",
            "1",
            "--request-timeout-ms",
            "1500",
            "--lock-timeout-ms",
            "1000",
        ],
    );
    let public = started["data"]["listen"].as_str().unwrap().to_owned();
    let before = ledger.snapshot();
    let holder = ledger.hold_write_lock();
    for answer in withdrawals(&public, &token, 6) {
        let (status, error, seconds) = answer.join().unwrap();
        assert_eq!(status, 503, "{error}");
        assert!(error == "ledger_busy" || error == "request_timeout", "{error}");
        // Answered by the deadline (1.5 s), not one lock wait after another.
        assert!(seconds < 3.0, "answered after {seconds:.1} s");
    }
    holder.release();
    // Nothing the server still held may land once the lock is free: every 503 meant "not written".
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(ledger.snapshot(), before);
    terminate(child.id());
    assert_eq!(exit_within(&mut child, Duration::from_secs(10)), Some(0));
    ledger.verified();
}

#[test]
fn a_second_signal_ends_the_server_promptly_while_writes_wait_behind_a_held_lock() {
    let ledger = Ledger::new();
    ledger.funded("alice", "100.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let (mut child, started) = spawn(
        &ledger,
        &["--quiet", "--commit-group-max", "1", "--lock-timeout-ms", "2000"],
    );
    let public = started["data"]["listen"].as_str().unwrap().to_owned();
    let before = ledger.snapshot();
    let holder = ledger.hold_write_lock();
    let clients = withdrawals(&public, &token, 8);
    std::thread::sleep(Duration::from_millis(300));
    terminate(child.id());
    std::thread::sleep(Duration::from_millis(200));
    terminate(child.id());
    // One lock wait (2 s) for the group the writer is in, not one per queued request.
    let signalled = Instant::now();
    assert_eq!(exit_within(&mut child, Duration::from_secs(8)), Some(0));
    assert!(
        signalled.elapsed() < Duration::from_secs(5),
        "{:?}",
        signalled.elapsed()
    );
    holder.release();
    for client in clients {
        let (status, _, _) = client.join().unwrap();
        assert_ne!(status, 200, "nothing could be written while the lock was held");
    }
    assert_eq!(ledger.snapshot(), before);
}

/// A looked-up id is checked only for its length, so one holding a NUL character (sent as JSON's
/// `\u0000`, or `%00` in a path) reaches the store. It names nothing there: 404, as any id that
/// names nothing, on a file and on PostgreSQL (whose text cannot hold a NUL) alike; without the
/// store's check PostgreSQL answered 500 (schemathesis found it).
#[test]
fn an_id_holding_a_nul_character_names_nothing() {
    let ledger = Ledger::new();
    ledger.funded("alice", "10.00");
    let write = ledger.token(&["token", "create", "--scope", "write"]);
    let admin = ledger.token(&["token", "create", "--scope", "admin"]);
    let server = Server::start(&ledger);
    ledger.refused(404, "transaction_not_found", || {
        server.post(&write, "/wallets/alice/refund", r#"{"transaction_id":"txn_\u0000x"}"#)
    });
    ledger.refused(404, "freeze_not_found", || {
        server.post(&write, "/wallets/alice/unfreeze", r#"{"freeze_id":"frz_\u0000x"}"#)
    });
    ledger.refused(404, "transaction_not_found", || {
        server.get(&write, "/transactions/txn_%00x")
    });
    // A wallet id is a name, checked for its characters first: malformed, not missing.
    ledger.refused(400, "invalid_request", || {
        server.get(&admin, "/admin/wallets/wlt_%00x/integrity")
    });
    ledger.verified();
}
