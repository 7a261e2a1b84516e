//! Crash tests: `batch` and `serve` are killed with SIGKILL at seeded random moments while they
//! write. Whatever either acknowledged (a batch's per-line result on stdout, a 2xx answer) is in
//! the journal exactly once, nothing partial is left, `ledger verify` passes, and running the
//! same work again (the same file, the same Idempotency-Keys) completes it exactly once.
//!
//! The kill moments come from a seed: `LEDGERCTL_CRASH_SEED=<u64>` chooses it, else it is drawn
//! from the clock; every failure message names it. (The moments are reproducible; where a kill
//! lands in the work also depends on the machine's speed.)

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use serde_json::Value;
use support::server::Server;
use support::{Ledger, Seeded};

/// A number of milliseconds in `low..high`.
fn millis(rng: &mut Seeded, low: u64, high: u64) -> Duration {
    Duration::from_millis(low + rng.below(high - low))
}

/// The seed of this run: `LEDGERCTL_CRASH_SEED`, else the clock's nanoseconds. Printed, so a
/// failure can be replayed.
fn seed(test: &str) -> u64 {
    support::seed("LEDGERCTL_CRASH_SEED", test)
}

/// SIGKILL: no destructor, no flush, no rollback.
fn sigkill(pid: u32) {
    let status = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .expect("kill runs");
    // The process may have finished on its own just before: that is not a failure.
    let _ = status;
}

/// The structural checks after a crash: no entry without postings, every entry balanced per
/// currency, no `reference_id` or description (the tests' keys) twice, and `ledger verify`
/// (hash chain, cached balances against the postings) passes.
fn nothing_partial(l: &Ledger, seed: u64) {
    let count = |sql: &str| -> i64 { l.number(sql) };
    assert_eq!(
        count("SELECT COUNT(*) FROM journal_entries e WHERE NOT EXISTS (SELECT 1 FROM postings p WHERE p.entry_seq = e.seq)"),
        0,
        "an entry without postings (seed {seed})"
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM postings GROUP BY entry_seq, currency HAVING SUM(amount_minor) <> 0) AS unbalanced"
        ),
        0,
        "an unbalanced entry (seed {seed})"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM (SELECT 1 FROM journal_entries WHERE reference_id IS NOT NULL GROUP BY reference_id HAVING COUNT(*) > 1) AS twice"),
        0,
        "a reference_id applied twice (seed {seed})"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM (SELECT 1 FROM journal_entries WHERE description LIKE 'key-%' GROUP BY description HAVING COUNT(*) > 1) AS twice"),
        0,
        "an Idempotency-Key applied twice (seed {seed})"
    );
    let verify = l.run(&["ledger", "verify"]);
    assert_eq!(
        verify.code, 0,
        "ledger verify after a crash (seed {seed}): {}",
        verify.json
    );
}

/// Every `reference_id` in the journal with how many entries carry it.
fn references(l: &Ledger) -> BTreeMap<String, i64> {
    pairs(
        l,
        "SELECT reference_id, COUNT(*) FROM journal_entries WHERE reference_id IS NOT NULL GROUP BY reference_id",
    )
    .into_iter()
    .map(|(reference, count)| (reference, count.parse().expect("a count")))
    .collect()
}

/// The two columns of every row of `sql`, as text.
fn pairs(l: &Ledger, sql: &str) -> Vec<(String, String)> {
    l.rows(sql)
        .into_iter()
        .map(|row| match row.as_slice() {
            [Some(a), Some(b)] => (a.clone(), b.clone()),
            other => panic!("`{sql}`: {other:?}"),
        })
        .collect()
}

const BATCH_LINES: usize = 3_000;
const BATCH_KILLS: usize = 20;

/// Line `i` of the batch file: a deposit, a withdrawal or a payment, over four wallets funded so
/// that every line succeeds in file order; `reference_id` `r-<i>`.
fn batch_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::new();
    for i in 0..BATCH_LINES {
        let user = format!("u{}", (i / 3) % 4);
        let line = match i % 3 {
            0 => format!(r#"{{"op":"deposit","user_id":"{user}","amount":"5.00","reference_id":"r-{i}"}}"#),
            1 => format!(r#"{{"op":"withdraw","user_id":"{user}","amount":"1.00","reference_id":"r-{i}"}}"#),
            _ => format!(
                r#"{{"op":"payment","user_id":"{user}","amount":"1.00","counterparty_id":"m1","reference_id":"r-{i}"}}"#
            ),
        };
        text.push_str(&line);
        text.push('\n');
    }
    let path = dir.join("operations.jsonl");
    std::fs::write(&path, text).expect("write the batch file");
    path
}

/// Starts `ledgerctl batch FILE` with its stdout read by a thread (a full pipe must not stall
/// it); the thread returns everything the batch wrote.
fn start_batch(l: &Ledger, file: &std::path::Path) -> (Child, thread::JoinHandle<String>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("ledgerctl"))
        .env_remove("LEDGERCTL_FAKE_NOW")
        .env("LEDGERCTL_DB", l.db_arg())
        .env("USER", "tester")
        .args(["batch", "--yes"])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch starts");
    let mut stdout = child.stdout.take().expect("batch's stdout");
    let reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    (child, reader)
}

/// The lines a batch acknowledged: complete result lines (a killed process may have written
/// half of one) with code 200, as (line number, result).
fn acknowledged(stdout: &str) -> Vec<(u64, Value)> {
    let complete = match stdout.rfind('\n') {
        Some(end) => &stdout[..=end],
        None => "",
    };
    complete
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("a result line ({e}): {line}")))
        .filter(|result| result["code"] == 200)
        .map(|result| (result["line"].as_u64().expect("a line number"), result))
        .collect()
}

#[test]
fn a_batch_killed_at_random_moments_keeps_every_acknowledged_line_once_and_a_rerun_completes_the_file_once() {
    let seed = seed("batch crash test");
    let mut rng = Seeded(seed);
    let l = Ledger::new();
    for user in ["u0", "u1", "u2", "u3"] {
        l.ok(&["wallet", "create", user]);
        l.ok(&["wallet", "deposit", user, "--amount", "1000"]);
    }
    l.ok(&[
        "wallet",
        "payment",
        "u0",
        "--amount",
        "1",
        "--counterparty",
        "m1",
        "--new-counterparty",
    ]);
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = batch_file(dir.path());

    let mut acknowledged_ever = BTreeSet::new();
    let mut finished_early = 0;
    for kill in 0..BATCH_KILLS {
        let (mut child, reader) = start_batch(&l, &file);
        thread::sleep(millis(&mut rng, 20, 600));
        sigkill(child.id());
        let status = child.wait().expect("batch ends");
        if status.success() {
            finished_early += 1;
        }
        let stdout = reader.join().expect("stdout reader");
        for (line, result) in acknowledged(&stdout) {
            let reference = format!("r-{}", line - 1);
            assert_eq!(
                result["data"]["transaction"]["reference_id"], reference,
                "line {line} answered another operation (seed {seed})"
            );
            acknowledged_ever.insert(reference);
        }
        let journal = references(&l);
        for reference in &acknowledged_ever {
            assert_eq!(
                journal.get(reference),
                Some(&1),
                "after kill {kill}: acknowledged {reference} is not in the journal exactly once (seed {seed})"
            );
        }
        nothing_partial(&l, seed);
    }
    assert!(
        BATCH_KILLS - finished_early >= 5,
        "{finished_early} of {BATCH_KILLS} batches finished before their kill: the test no longer kills mid-way (seed {seed})"
    );

    let done_before = l.number("SELECT COUNT(*) FROM journal_entries WHERE reference_id LIKE 'r-%'");
    eprintln!(
        "batch crash test: {BATCH_KILLS} kills ({finished_early} after the batch had finished), {} lines acknowledged, {done_before} committed",
        acknowledged_ever.len()
    );
    let (child, reader) = start_batch(&l, &file);
    let status = child.wait_with_output().expect("batch ends").status;
    let stdout = reader.join().expect("stdout reader");
    assert!(status.success(), "the re-run failed (seed {seed}): {stdout}");
    let results = acknowledged(&stdout);
    assert_eq!(
        results.len(),
        BATCH_LINES,
        "every line succeeds on the re-run (seed {seed})"
    );
    let replayed = results.iter().filter(|(_, r)| r["message"] == "replayed").count();
    assert_eq!(
        i64::try_from(replayed).unwrap(),
        done_before,
        "the re-run replays exactly what the killed runs had committed (seed {seed})"
    );
    let journal = references(&l);
    for i in 0..BATCH_LINES {
        assert_eq!(journal.get(&format!("r-{i}")), Some(&1), "r-{i} (seed {seed})");
    }
    nothing_partial(&l, seed);
    // 4 × 1000 deposited, one payment of 1, then per three lines +5 −1 −1 on one wallet.
    let total = l.number("SELECT SUM(available_minor) FROM wallets");
    let per_three = BATCH_LINES / 3;
    let rest = BATCH_LINES % 3;
    let expected =
        400_000 - 100 + per_three as i64 * 300 + if rest >= 1 { 500 } else { 0 } - if rest >= 2 { 100 } else { 0 };
    assert_eq!(
        total, expected,
        "the wallets hold what the file moved, once (seed {seed})"
    );
}

const WRITERS: usize = 4;
const KEYS_PER_WRITER: usize = 150;
const SERVE_KILLS: usize = 5;

/// The key, path and body of request `i` of writer `w`; the description carries the key so the
/// journal shows which request an entry came from.
fn request(w: usize, i: usize) -> (String, String, String) {
    let key = format!("key-{w}-{i}");
    let user = ["alice", "bob"][w % 2];
    let (op, amount) = if i.is_multiple_of(2) {
        ("deposit", "2.00")
    } else {
        ("withdraw", "1.00")
    };
    (
        key.clone(),
        format!("/wallets/{user}/{op}"),
        format!(r#"{{"amount":"{amount}","description":"{key}"}}"#),
    )
}

/// Sends `POST path` with an Idempotency-Key; `None` when the connection failed (the server
/// died) or timed out, else the status and body.
fn post_keyed(agent: &ureq::Agent, addr: &str, token: &str, key: &str, path: &str, body: &str) -> Option<(u16, Value)> {
    let response = agent
        .post(&format!("http://{addr}{path}"))
        .set("Authorization", &format!("Bearer {token}"))
        .set("Content-Type", "application/json")
        .set("Idempotency-Key", key)
        .send_string(body);
    let response = match response {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(_) => return None,
    };
    let status = response.status();
    let text = response.into_string().ok()?;
    Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// One round of writers against a server: each sends its requests not yet answered with a 2xx,
/// in order, until the server dies or `stop` is set. Returns the 2xx answers: key → txn id.
fn write_round(
    server: &Server,
    token: &str,
    answered: &BTreeMap<String, String>,
    stop: &Arc<AtomicBool>,
) -> Vec<thread::JoinHandle<Vec<(String, String)>>> {
    (0..WRITERS)
        .map(|w| {
            let addr = server.public.clone();
            let token = token.to_owned();
            let stop = Arc::clone(stop);
            let pending: Vec<usize> = (0..KEYS_PER_WRITER)
                .filter(|i| !answered.contains_key(&request(w, *i).0))
                .collect();
            thread::spawn(move || {
                let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();
                let mut acks = Vec::new();
                for i in pending {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let (key, path, body) = request(w, i);
                    match post_keyed(&agent, &addr, &token, &key, &path, &body) {
                        Some((status, json)) if (200..300).contains(&status) => {
                            let id = json["data"]["transaction"]["id"]
                                .as_str()
                                .expect("a transaction id")
                                .to_owned();
                            acks.push((key, id));
                        }
                        // A refusal under load (busy) is retried in a later round.
                        Some(_) => {}
                        None => break,
                    }
                }
                acks
            })
        })
        .collect()
}

/// The ids of the entries of each key (their description).
fn entries_by_key(l: &Ledger) -> BTreeMap<String, Vec<String>> {
    let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, id) in pairs(
        l,
        "SELECT description, id FROM journal_entries WHERE description LIKE 'key-%' ORDER BY seq",
    ) {
        by_key.entry(key).or_default().push(id);
    }
    by_key
}

#[test]
fn serve_killed_under_concurrent_keyed_writes_keeps_every_2xx_once_and_retried_keys_complete_once() {
    let seed = seed("serve crash test");
    let mut rng = Seeded(seed);
    let l = Ledger::new();
    for user in ["alice", "bob"] {
        l.ok(&["wallet", "create", user]);
        l.ok(&["wallet", "deposit", user, "--amount", "10000"]);
    }
    let token = l.token(&["token", "create", "--scope", "write"]);

    let mut answered: BTreeMap<String, String> = BTreeMap::new();
    let mut killed_mid_way = 0;
    for kill in 0..SERVE_KILLS {
        let server = Server::start(&l);
        let stop = Arc::new(AtomicBool::new(false));
        let writers = write_round(&server, &token, &answered, &stop);
        thread::sleep(millis(&mut rng, 20, 250));
        sigkill(server.pid());
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            for (key, id) in writer.join().expect("a writer") {
                answered.insert(key, id);
            }
        }
        if answered.len() < WRITERS * KEYS_PER_WRITER {
            killed_mid_way += 1;
        }
        eprintln!(
            "serve crash test: after kill {kill}, {} requests answered 2xx",
            answered.len()
        );
        drop(server);
        let journal = entries_by_key(&l);
        for (key, id) in &answered {
            assert_eq!(
                journal.get(key),
                Some(&vec![id.clone()]),
                "after kill {kill}: the 2xx of {key} is not in the journal exactly once (seed {seed})"
            );
        }
        nothing_partial(&l, seed);
    }
    assert!(
        killed_mid_way > 0,
        "no kill landed while writers were writing (seed {seed})"
    );
    eprintln!(
        "serve crash test: {SERVE_KILLS} kills ({killed_mid_way} mid-way), {} of {} requests answered 2xx",
        answered.len(),
        WRITERS * KEYS_PER_WRITER
    );

    // Every key again, the answered ones included, against a server left running.
    let server = Server::start(&l);
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
    for w in 0..WRITERS {
        for i in 0..KEYS_PER_WRITER {
            let (key, path, body) = request(w, i);
            let (status, json) = (0..5)
                .find_map(|_| post_keyed(&agent, &server.public, &token, &key, &path, &body).filter(|(s, _)| *s < 500))
                .unwrap_or_else(|| panic!("{key} never answered (seed {seed})"));
            assert!((200..300).contains(&status), "{key}: {status} {json} (seed {seed})");
            let id = json["data"]["transaction"]["id"].as_str().expect("a transaction id");
            if let Some(earlier) = answered.get(&key) {
                assert_eq!(id, earlier, "{key} answered another transaction on retry (seed {seed})");
            }
            answered.insert(key, id.to_owned());
        }
    }
    let journal = entries_by_key(&l);
    assert_eq!(journal.len(), WRITERS * KEYS_PER_WRITER, "(seed {seed})");
    for (key, id) in &answered {
        assert_eq!(journal.get(key), Some(&vec![id.clone()]), "{key} (seed {seed})");
    }
    drop(server);
    nothing_partial(&l, seed);
    let total = l.number("SELECT SUM(available_minor) FROM wallets");
    let per_writer = (KEYS_PER_WRITER as i64 / 2) * 100;
    assert_eq!(
        total,
        2 * 1_000_000 + WRITERS as i64 * per_writer,
        "the wallets hold what the requests moved, once (seed {seed})"
    );
}
