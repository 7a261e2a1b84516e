//! `ledgerctl serve` under load: many clients at once, CLI processes writing the same file, and a
//! SIGTERM in the middle of it. Every 200 is a durable entry, no money is lost or invented, and
//! exactly as many debits succeed as the balance allows.

mod support;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::server::{Answer, Server};
use support::{s, Ledger};

/// An amount of a two-decimal currency in minor units.
fn cents(amount: &str) -> i64 {
    let (whole, fraction) = amount.split_once('.').expect("two decimals");
    assert_eq!(fraction.len(), 2, "{amount}");
    whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

/// Every transaction id in the journal.
fn journal_ids(l: &Ledger) -> HashSet<String> {
    l.texts("SELECT id FROM journal_entries").into_iter().collect()
}

/// A 200's transaction: its balances must move by its amount in the direction of its type.
fn checked_transaction(answer: &Answer) -> &Value {
    let t = &answer.ok()["transaction"];
    let (amount, before, after) = (
        cents(s(&t["amount"])),
        cents(s(&t["balance_before"])),
        cents(s(&t["balance_after"])),
    );
    let moved = match s(&t["type"]) {
        "deposit" => amount,
        // A refund moves money back the other way: into the wallet for a debit, out for a deposit.
        "refund" => (after - before).signum() * amount,
        _ => -amount,
    };
    assert_eq!(after, before + moved, "{t}");
    assert!(after >= 0, "a negative balance: {t}");
    t
}

#[test]
fn a_burst_of_http_writes_beside_cli_deposits_accounts_for_every_200() {
    const THREADS: usize = 16;
    const PER_THREAD: usize = 25;
    const CLI_WRITERS: usize = 2;
    const CLI_DEPOSITS: usize = 5;
    let wallets = ["w0", "w1", "w2", "w3"];
    let l = Ledger::new();
    for w in wallets {
        l.funded(w, "20.00");
    }
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start(&l);
    let initial_entries = l.entries();
    let barrier = Barrier::new(THREADS + CLI_WRITERS);

    let (answers, cli_runs) = thread::scope(|scope| {
        let http: Vec<_> = (0..THREADS)
            .map(|t| {
                let (client, token, barrier) = (server.client(), token.clone(), &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    // This thread's deposits not refunded yet: (wallet, transaction id).
                    let mut deposits: Vec<(&str, String)> = Vec::new();
                    let mut answers = Vec::new();
                    for i in 0..PER_THREAD {
                        let wallet = wallets[(t + i) % wallets.len()];
                        let amount = format!("{}.{:02}", 1 + (t * 7 + i * 3) % 4, (t * 13 + i) % 100);
                        let (path, body) = match (t * PER_THREAD + i) % 10 {
                            6 | 7 => (
                                format!("/wallets/{wallet}/deposit"),
                                format!(r#"{{"amount":"{amount}"}}"#),
                            ),
                            8 | 9 if !deposits.is_empty() => {
                                let (wallet, id) = deposits.remove(0);
                                (
                                    format!("/wallets/{wallet}/refund"),
                                    format!(r#"{{"transaction_id":"{id}"}}"#),
                                )
                            }
                            _ => (
                                format!("/wallets/{wallet}/withdraw"),
                                format!(r#"{{"amount":"{amount}"}}"#),
                            ),
                        };
                        let answer = client.post(&token, &path, &body);
                        if answer.status == 200 && path.ends_with("/deposit") {
                            let id = s(&answer.json["data"]["transaction"]["id"]).to_owned();
                            deposits.push((wallet, id));
                        }
                        answers.push((path, answer));
                    }
                    answers
                })
            })
            .collect();
        let cli: Vec<_> = (0..CLI_WRITERS)
            .map(|c| {
                let (l, barrier) = (&l, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    (0..CLI_DEPOSITS)
                        .map(|i| {
                            let wallet = wallets[(c + i) % wallets.len()];
                            let run = l.run(&[
                                "--lock-timeout-ms",
                                "30000",
                                "wallet",
                                "deposit",
                                wallet,
                                "--amount",
                                "3.00",
                            ]);
                            (wallet, run)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let answers: Vec<(String, Answer)> = http.into_iter().flat_map(|h| h.join().unwrap()).collect();
        let cli_runs: Vec<_> = cli.into_iter().flat_map(|h| h.join().unwrap()).collect();
        (answers, cli_runs)
    });
    assert_eq!(answers.len(), THREADS * PER_THREAD);

    let mut expected: HashMap<&str, i64> = wallets.iter().map(|w| (*w, 2000)).collect();
    let mut ids = HashSet::new();
    let (mut succeeded, mut refused) = (0, 0);
    for (path, answer) in &answers {
        let wallet = path.split('/').nth(2).unwrap();
        if answer.status != 200 {
            answer.is_error(409, "insufficient_balance");
            assert!(!path.ends_with("/deposit"), "a deposit was refused: {}", answer.body);
            refused += 1;
            continue;
        }
        succeeded += 1;
        let t = checked_transaction(answer);
        assert!(ids.insert(s(&t["id"]).to_owned()), "one transaction twice: {t}");
        let amount = cents(s(&t["amount"]));
        match s(&t["type"]) {
            "deposit" => *expected.get_mut(wallet).unwrap() += amount,
            "withdraw" | "refund" => *expected.get_mut(wallet).unwrap() -= amount,
            other => panic!("{path} made a {other}"),
        }
    }
    for (wallet, run) in &cli_runs {
        assert_eq!(run.code, 0, "a CLI deposit failed beside the server: {}", run.json);
        *expected.get_mut(wallet).unwrap() += 300;
        assert!(ids.insert(s(&run.json["data"]["transaction"]["id"]).to_owned()));
    }
    assert!(succeeded > 0 && refused > 0, "{succeeded} ok, {refused} refused");
    let (code, stderr) = server.stop();
    assert_eq!(code, 0, "{stderr}");

    for w in wallets {
        assert_eq!(cents(s(&l.wallet(w)["balance"])), expected[w], "wallet {w}");
    }
    assert_eq!(
        l.entries(),
        initial_entries + succeeded + (CLI_WRITERS * CLI_DEPOSITS) as i64,
        "one entry per 200 and per CLI write, none per refusal"
    );
    let journal = journal_ids(&l);
    assert!(ids.iter().all(|id| journal.contains(id)), "every 200 is in the journal");
    l.verified();
}

/// 50 clients at once withdraw 1.00 each from a wallet holding 10.00, on a server started with
/// `extra` arguments.
fn exactly_ten_of_fifty_withdrawals_succeed(extra: &[&str]) {
    const CLIENTS: usize = 50;
    let l = Ledger::new();
    l.funded("u", "10.00");
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start_with(&l, extra);
    let barrier = Barrier::new(CLIENTS);
    let answers: Vec<Answer> = thread::scope(|scope| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|_| {
                let (client, token, barrier) = (server.client(), &token, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    client.post(token, "/wallets/u/withdraw", r#"{"amount":"1.00"}"#)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let ok: Vec<&Answer> = answers.iter().filter(|a| a.status == 200).collect();
    assert_eq!(ok.len(), 10, "exactly 10 withdrawals of 1.00 fit in 10.00");
    for refused in answers.iter().filter(|a| a.status != 200) {
        refused.is_error(409, "insufficient_balance");
    }
    let mut after: Vec<i64> = ok
        .iter()
        .map(|a| cents(s(&checked_transaction(a)["balance_after"])))
        .collect();
    after.sort_unstable();
    assert_eq!(
        after,
        (0..10).map(|i| i * 100).collect::<Vec<_>>(),
        "each success saw the one before it"
    );
    assert_eq!(l.wallet("u")["balance"], "0.00");
    assert_eq!(l.entries(), 1 + 10);
    l.verified();
}

#[test]
fn fifty_concurrent_withdrawals_of_one_from_ten_succeed_exactly_ten_times() {
    exactly_ten_of_fifty_withdrawals_succeed(&[]);
}

#[test]
fn fifty_concurrent_withdrawals_succeed_exactly_ten_times_with_one_transaction_per_request() {
    exactly_ten_of_fifty_withdrawals_succeed(&["--commit-group-max", "1"]);
}

#[test]
fn sigterm_in_the_middle_of_a_burst_loses_no_acknowledged_write() {
    const THREADS: usize = 8;
    const MAX_PER_THREAD: usize = 2000;
    const STOP_AFTER: usize = 100;
    let wallets = ["w0", "w1", "w2", "w3"];
    let l = Ledger::new();
    for w in wallets {
        l.funded(w, "1000.00");
    }
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start(&l);
    let initial_entries = l.entries();
    let acknowledged = AtomicUsize::new(0);

    let (results, (code, stderr)) = thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (client, token, acknowledged) = (server.client(), &token, &acknowledged);
                scope.spawn(move || {
                    let mut results: Vec<Result<Answer, String>> = Vec::new();
                    for i in 0..MAX_PER_THREAD {
                        let wallet = wallets[(t + i) % wallets.len()];
                        let result =
                            client.try_post(token, &format!("/wallets/{wallet}/withdraw"), r#"{"amount":"0.01"}"#);
                        let stop = result.is_err();
                        if result.as_ref().is_ok_and(|a| a.status == 200) {
                            acknowledged.fetch_add(1, Ordering::SeqCst);
                        }
                        results.push(result);
                        if stop {
                            break;
                        }
                    }
                    results
                })
            })
            .collect();
        let waiting = Instant::now();
        while acknowledged.load(Ordering::SeqCst) < STOP_AFTER {
            assert!(waiting.elapsed() < Duration::from_secs(20), "the burst never got going");
            thread::sleep(Duration::from_millis(1));
        }
        // SIGTERM while every client still has requests on the way.
        let stopped = server.stop();
        let results: Vec<Result<Answer, String>> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
        (results, stopped)
    });
    assert_eq!(code, 0, "serve exits cleanly on SIGTERM: {stderr}");

    let cut = results.iter().filter(|r| r.is_err()).count();
    assert!(cut > 0, "the stop came in the middle of the burst");
    let mut ids = HashSet::new();
    for answer in results.iter().flatten() {
        let t = checked_transaction(answer);
        assert!(ids.insert(s(&t["id"]).to_owned()));
    }
    assert!(ids.len() >= STOP_AFTER);
    let journal = journal_ids(&l);
    let lost: Vec<&String> = ids.iter().filter(|id| !journal.contains(*id)).collect();
    assert!(lost.is_empty(), "acknowledged but not in the journal: {lost:?}");
    let written = l.entries() - initial_entries;
    assert!(written >= ids.len() as i64, "{written} entries for {} 200s", ids.len());
    l.verified();
}

#[test]
fn a_write_blocked_past_the_lock_timeout_is_503_and_safe_to_retry_with_the_same_key() {
    let l = Ledger::new();
    l.funded("u", "10.00");
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start_with(&l, &["--lock-timeout-ms", "200"]);
    let body = r#"{"amount":"1.00"}"#;
    {
        // Another process holds the ledger's write lock for longer than the server waits.
        let other = l.hold_write_lock();
        l.refused(503, "ledger_busy", || {
            server.post_keyed(&token, "retry-1", "/wallets/u/withdraw", body)
        });
        other.release();
    }
    let retry = server.post_keyed(&token, "retry-1", "/wallets/u/withdraw", body);
    assert_eq!(retry.ok()["wallet"]["balance"], "9.00");
    l.verified();
}

#[test]
fn sigterm_waits_for_a_write_in_flight_and_commits_it() {
    let l = Ledger::new();
    l.funded("u", "10.00");
    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start_with(&l, &["--lock-timeout-ms", "10000"]);
    let client = server.client();
    // The write waits for a lock another process holds: it is in flight when SIGTERM arrives.
    let other = l.hold_write_lock();
    let (answer, after_signal) = thread::scope(|scope| {
        let in_flight = scope.spawn(|| client.try_post(&token, "/wallets/u/withdraw", r#"{"amount":"1.00"}"#));
        thread::sleep(Duration::from_millis(300));
        server.terminate();
        thread::sleep(Duration::from_millis(300));
        let after_signal = client.try_post(&token, "/wallets/u/withdraw", r#"{"amount":"2.00"}"#);
        other.release();
        (in_flight.join().unwrap(), after_signal)
    });
    let (code, stderr) = server.stop();
    assert_eq!(code, 0, "{stderr}");
    let answer = answer.expect("the write in flight is answered");
    let id = s(&answer.ok()["transaction"]["id"]).to_owned();
    assert!(journal_ids(&l).contains(&id), "the answered write is in the journal");
    assert!(
        after_signal.is_err(),
        "a request after SIGTERM is not taken: {after_signal:?}"
    );
    assert_eq!(l.wallet("u")["balance"], "9.00");
    l.verified();
}
