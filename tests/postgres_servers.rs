//! Several `serve` processes and a CLI `batch` writing one PostgreSQL ledger at once: every
//! acknowledged write is in the journal exactly once, a request whose server was killed is
//! retried on another and applied once, no balance goes negative, the ledger verifies, and a
//! token revoked through the CLI is refused by every server at its next request.
//!
//! Skips without a PostgreSQL server (`bash .ci/postgres-tests` provides one; `.ci/run` requires
//! it).

mod support;

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use support::server::{Client, Server};
use support::{seed, Ledger, Seeded};

const SERVERS: usize = 4;
const CLIENTS: usize = 8;
const REQUESTS_PER_CLIENT: usize = 24;
const USERS: usize = 12;
/// The server killed part-way, after this many answers in all.
const KILL_AFTER: usize = 40;
/// Each wallet starts with 100.00: far more than it can lose here, so no write is refused for
/// lack of funds, and every refused one is a bug.
const FUNDS: &str = "100.00";

/// One request: its key, path and body: a refund of half of `refundable` (an earlier withdrawal of
/// the same client) when given, else a withdrawal.
fn request(client: usize, i: usize, user: usize, refundable: Option<&str>) -> (String, String, String) {
    let key = format!("c{client}-r{i}");
    match refundable {
        Some(transaction) => (
            key.clone(),
            format!("/wallets/u{user}/refund"),
            format!(r#"{{"transaction_id":"{transaction}","amount":"0.50","reference_id":"{key}"}}"#),
        ),
        _ => (
            key.clone(),
            format!("/wallets/u{user}/withdraw"),
            format!(r#"{{"amount":"1.00","reference_id":"{key}"}}"#),
        ),
    }
}

/// Sends one request until a live server answers it with a status below 500, starting at
/// server `first` and moving on when one is unreachable (killed) or busy.
fn send(clients: &[Client], first: usize, token: &str, key: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
    for attempt in 0..(clients.len() * 20) {
        let client = &clients[(first + attempt) % clients.len()];
        match client.try_post_keyed(token, key, path, body) {
            Ok(answer) if answer.status < 500 => return (answer.status, answer.json),
            Ok(_) | Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
    panic!("{key}: no server answered");
}

#[test]
fn four_servers_and_a_batch_share_one_database_and_every_acknowledged_write_is_there_once() {
    let Some(l) = Ledger::postgres_uninitialised() else {
        return;
    };
    let seed = seed("LEDGERCTL_SERVERS_SEED", "postgres servers test");
    l.ok(&["init"]);
    for user in 0..USERS {
        l.ok(&["wallet", "create", &format!("u{user}")]);
        l.ok(&["wallet", "deposit", &format!("u{user}"), "--amount", FUNDS]);
    }
    let token = l.token(&["token", "create", "--scope", "write"]);
    let servers: Vec<Server> = (0..SERVERS).map(|_| Server::start(&l)).collect();
    let clients: Vec<Client> = servers.iter().map(Server::client).collect();
    let answered = Arc::new(Mutex::new(BTreeMap::<String, String>::new()));

    let batch = batch_beside(&l);
    let writers: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (clients, token, answered) = (clients.clone(), token.clone(), answered.clone());
            thread::spawn(move || {
                let mut rng = Seeded(seed ^ (c as u64 + 1));
                // A withdrawal of this client not yet refunded: its user and transaction.
                let mut refundable: Option<(usize, String)> = None;
                for i in 0..REQUESTS_PER_CLIENT {
                    let earlier = refundable.take_if(|_| i % 3 == 2);
                    let user = earlier
                        .as_ref()
                        .map_or_else(|| rng.below(USERS as u64) as usize, |(u, _)| *u);
                    let (key, path, body) = request(c, i, user, earlier.as_ref().map(|(_, t)| t.as_str()));
                    let first = rng.below(SERVERS as u64) as usize;
                    let (status, json) = send(&clients, first, &token, &key, &path, &body);
                    assert_eq!(status, 200, "{key} {path}: {json} (seed {seed})");
                    let id = json["data"]["transaction"]["id"]
                        .as_str()
                        .expect("a transaction id")
                        .to_owned();
                    if earlier.is_none() && refundable.is_none() {
                        refundable = Some((user, id.clone()));
                    }
                    answered.lock().expect("answers").insert(key, id);
                }
            })
        })
        .collect();

    // One server dies (kill -9) part-way; its clients' unanswered requests go to the others.
    while answered.lock().expect("answers").len() < KILL_AFTER {
        thread::sleep(Duration::from_millis(5));
    }
    Command::new("kill")
        .args(["-KILL", &servers[SERVERS - 1].pid().to_string()])
        .status()
        .expect("kill runs");
    for writer in writers {
        writer.join().expect("a client");
    }
    let batch = batch.join().expect("the batch");
    assert_eq!(batch, 0, "the batch beside the servers succeeded (seed {seed})");

    let answered = answered.lock().expect("answers").clone();
    assert_eq!(answered.len(), CLIENTS * REQUESTS_PER_CLIENT, "(seed {seed})");
    let journal = l.entries_by_reference();
    for (key, id) in &answered {
        assert_eq!(
            journal.get(key),
            Some(&vec![id.clone()]),
            "{key} once, as answered (seed {seed})"
        );
    }
    let verified = l.ok(&["ledger", "verify"]);
    assert_eq!(verified["data"]["ok"], true, "{verified}");
    for user in 0..USERS {
        let wallet = l.wallet(&format!("u{user}"));
        assert!(!wallet["available_balance"]
            .as_str()
            .expect("a balance")
            .starts_with('-'));
    }

    // A revocation through the CLI reaches every live server at its next request.
    l.ok(&["--yes", "token", "revoke", support::server::token_id(&token)]);
    for client in &clients[..SERVERS - 1] {
        let answer = client.get(&token, "/wallets/u0");
        assert_eq!(answer.status, 401, "{}", answer.body);
    }
}

/// A CLI batch of deposits (one per user, each with a reference) run beside the servers, as a
/// script runs one. Its transaction waits for the wallets' row locks the servers hold, and they
/// for the ones it holds, so it completes on its first run. Its exit status.
fn batch_beside(l: &Ledger) -> thread::JoinHandle<i32> {
    let lines: String = (0..USERS)
        .map(|u| {
            format!("{{\"op\":\"deposit\",\"user_id\":\"u{u}\",\"amount\":\"5.00\",\"reference_id\":\"batch-{u}\"}}\n")
        })
        .collect();
    let mut cmd = l.cmd();
    thread::spawn(move || {
        let output = cmd
            .args(["-o", "json", "batch", "-", "--format", "jsonl"])
            .write_stdin(lines)
            .output()
            .expect("the batch runs");
        if !output.status.success() {
            eprintln!(
                "the batch beside the servers: {}",
                String::from_utf8_lossy(&output.stdout)
            );
        }
        output.status.code().unwrap_or(-1)
    })
}

/// A loopback port nothing listens on (just now).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// The commands of docs/scaling.md's "Two servers on one database", as a reader pastes them:
/// the database is the test's (its `createdb` line left out, its URL exported instead), the
/// ports are free ones, and before the first `curl` the script waits until both servers answer
/// (a reader typing gives them that time). Both `curl`s must be answered 200.
#[test]
fn the_commands_of_docs_scaling_start_two_servers_on_one_database_that_both_answer() {
    let Some(l) = Ledger::postgres_uninitialised() else {
        return;
    };
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scaling.md")).expect("docs/scaling.md");
    let section = doc.split("## Two servers on one database").nth(1).expect("the section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("its commands");
    let ports: Vec<(String, String)> = ["8080", "8081", "8090", "8091"]
        .iter()
        .map(|port| (port.to_string(), free_port().to_string()))
        .collect();
    let public: Vec<&str> = ports[..2].iter().map(|(_, free)| free.as_str()).collect();
    let mut script = String::from("set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n");
    let mut waited = false;
    for line in block.lines() {
        if line.starts_with("createdb ") {
            continue;
        }
        let mut line = if line.starts_with("export LEDGERCTL_DB=") {
            format!("export LEDGERCTL_DB='{}'", l.db_arg())
        } else {
            line.to_owned()
        };
        for (documented, free) in &ports {
            line = line.replace(documented.as_str(), free);
        }
        if line.starts_with("curl ") && !waited {
            waited = true;
            script.push_str(&format!(
                "for port in {}; do for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$port/healthz && break; sleep 0.1; done; done\n",
                public.join(" ")
            ));
        }
        script.push_str(&line);
        script.push('\n');
    }
    assert!(waited, "the section's commands end in curl: {block}");
    let binary_dir = std::path::Path::new(env!("CARGO_BIN_EXE_ledgerctl"))
        .parent()
        .expect("its folder");
    let path = format!("{}:{}", binary_dir.display(), std::env::var("PATH").unwrap_or_default());
    let output = Command::new("bash")
        .args(["-c", &script])
        .env("PATH", path)
        .env("USER", "tester")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the commands failed:\n{script}\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The two answers follow the commands' tables, one after the other (curl adds no newline).
    let first = stdout
        .find("{\"code\":")
        .unwrap_or_else(|| panic!("no answer:\n{stdout}"));
    let answers: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&stdout[first..])
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}:\n{stdout}"));
    assert_eq!(answers.len(), 2, "one answer per curl:\n{stdout}");
    for answer in &answers {
        assert_eq!(answer["code"], 200, "{answer}");
    }
    assert_eq!(
        answers[1]["data"]["wallet"]["balance"], "90.00",
        "the withdrawal through the second server"
    );
    l.verified();
}
