//! Many `ledgerctl` processes on one ledger at once: every write to a wallet is serialised (by
//! the file's write lock, or on PostgreSQL by the wallet's row lock), no money is lost or
//! invented, and a lock held too long is exit 6.

mod support;

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{s, Ledger};

const LOCK_TIMEOUT: &str = "30000";

/// What one process did: its exit code and envelope.
struct Outcome {
    code: i32,
    json: Value,
}

/// Runs `ledgerctl -o json --lock-timeout-ms 30000 ARGS` as its own OS process.
fn spawn_run(l: &Ledger, args: &[String]) -> Outcome {
    let output = l
        .cmd()
        .args(["-o", "json", "--lock-timeout-ms", LOCK_TIMEOUT])
        .args(args)
        .output()
        .expect("ledgerctl runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("`ledgerctl {}` printed no envelope ({e}): {stdout}", args.join(" ")));
    Outcome {
        code: output.status.code().expect("exit code"),
        json,
    }
}

/// Parses an amount of a two-decimal currency into minor units.
fn cents(amount: &str) -> i64 {
    let (whole, fraction) = amount.split_once('.').expect("two decimals");
    assert_eq!(fraction.len(), 2, "{amount}");
    whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

fn args(v: &[&str]) -> Vec<String> {
    v.iter().map(|a| (*a).to_owned()).collect()
}

#[test]
fn concurrent_processes_never_lose_or_invent_money() {
    const THREADS: usize = 8;
    const PER_THREAD: usize = 25;
    let wallets = ["a", "b", "c"];
    let l = Arc::new(Ledger::new());
    for w in wallets {
        l.funded(w, "30.00");
    }
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (l, barrier) = (Arc::clone(&l), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                (0..PER_THREAD)
                    .map(|i| {
                        let wallet = wallets[(t + i) % wallets.len()];
                        // Debits outnumber credits, so some must be refused for lack of funds.
                        let amount = format!("{}.{:02}", 1 + (t * 7 + i * 3) % 9, (t * 13 + i) % 100);
                        let op = match (t * PER_THREAD + i) % 5 {
                            0 | 1 => args(&["wallet", "withdraw", wallet, "--amount", &amount]),
                            2 | 3 => args(&[
                                "wallet",
                                "payment",
                                wallet,
                                "--counterparty",
                                "mch_1",
                                "--new-counterparty",
                                "--amount",
                                &amount,
                            ]),
                            _ => args(&["wallet", "deposit", wallet, "--amount", &amount]),
                        };
                        let outcome = spawn_run(&l, &op);
                        (op, outcome)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let results: Vec<(Vec<String>, Outcome)> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("a worker thread"))
        .collect();
    assert_eq!(results.len(), THREADS * PER_THREAD);

    // What the successful operations imply, per wallet, in cents; and the settlement account.
    let mut expected = [3000_i64; 3];
    let mut settlement = 9000_i64;
    let (mut succeeded, mut refused) = (0, 0);
    let mut ids = std::collections::HashSet::new();
    for (op, outcome) in &results {
        let command = op.join(" ");
        match outcome.code {
            0 => {
                succeeded += 1;
                let t = &outcome.json["data"]["transaction"];
                assert!(ids.insert(s(&t["id"]).to_owned()), "a transaction id twice: {command}");
                let w = wallets.iter().position(|w| *w == op[2]).unwrap();
                let amount = cents(s(&t["amount"]));
                let (before, after) = (cents(s(&t["balance_before"])), cents(s(&t["balance_after"])));
                match op[1].as_str() {
                    "deposit" => {
                        expected[w] += amount;
                        settlement += amount;
                        assert_eq!(after, before + amount, "{command}: {t}");
                    }
                    "withdraw" => {
                        expected[w] -= amount;
                        settlement -= amount;
                        assert_eq!(after, before - amount, "{command}: {t}");
                    }
                    _ => {
                        expected[w] -= amount;
                        assert_eq!(after, before - amount, "{command}: {t}");
                    }
                }
                assert!(after >= 0, "{command} left a negative balance: {t}");
            }
            4 => {
                refused += 1;
                assert_eq!(
                    outcome.json["error"], "insufficient_balance",
                    "{command}: {}",
                    outcome.json
                );
                assert_ne!(op[1], "deposit", "a deposit was refused: {}", outcome.json);
            }
            other => panic!("`{command}` exited {other}: {}", outcome.json),
        }
    }
    assert!(
        succeeded > 0 && refused > 0,
        "both outcomes occur: {succeeded} ok, {refused} refused"
    );

    for (i, w) in wallets.iter().enumerate() {
        let shown = l.wallet(w);
        assert_eq!(cents(s(&shown["balance"])), expected[i], "wallet {w}: {shown}");
        assert!(expected[i] >= 0, "wallet {w} went negative");
        assert_eq!(shown["frozen_balance"], "0.00");
    }
    let history_total: u64 = wallets
        .iter()
        .map(|w| l.ok(&["wallet", "history", w])["total"].as_u64().unwrap())
        .sum();
    assert_eq!(history_total, 3 + succeeded, "one entry per success, none per refusal");
    let tb = l.ok(&["ledger", "trial-balance"]);
    assert_eq!(tb["data"]["balanced"], true);
    let line = tb["data"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == "assets:settlement:CNY")
        .expect("settlement");
    assert_eq!(cents(s(&line["balance"])), settlement, "{line}");
    l.verified();
}

#[test]
fn exactly_as_many_concurrent_withdrawals_succeed_as_the_balance_allows() {
    const ATTEMPTS: usize = 20;
    let l = Arc::new(Ledger::new());
    l.funded("u", "70.00"); // enough for exactly 7 withdrawals of 10.00
    let barrier = Arc::new(Barrier::new(ATTEMPTS));
    let handles: Vec<_> = (0..ATTEMPTS)
        .map(|i| {
            let (l, barrier) = (Arc::clone(&l), Arc::clone(&barrier));
            thread::spawn(move || {
                let reference = format!("wd-{i}");
                barrier.wait();
                spawn_run(
                    &l,
                    &args(&[
                        "wallet",
                        "withdraw",
                        "u",
                        "--amount",
                        "10.00",
                        "--reference-id",
                        &reference,
                    ]),
                )
            })
        })
        .collect();
    let outcomes: Vec<Outcome> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ok: Vec<&Outcome> = outcomes.iter().filter(|o| o.code == 0).collect();
    let refused: Vec<&Outcome> = outcomes.iter().filter(|o| o.code == 4).collect();
    assert_eq!(ok.len(), 7, "exactly 7 of {ATTEMPTS} fit in 70.00");
    assert_eq!(
        refused.len(),
        ATTEMPTS - 7,
        "every other attempt is refused, none fails otherwise"
    );
    for o in &refused {
        assert_eq!(o.json["error"], "insufficient_balance", "{}", o.json);
        assert_eq!(o.json["code"], 409);
    }
    let mut after: Vec<&str> = ok
        .iter()
        .map(|o| s(&o.json["data"]["transaction"]["balance_after"]))
        .collect();
    after.sort_unstable();
    assert_eq!(
        after,
        ["0.00", "10.00", "20.00", "30.00", "40.00", "50.00", "60.00"],
        "each saw the one before"
    );
    let w = l.wallet("u");
    assert_eq!((s(&w["balance"]), s(&w["available_balance"])), ("0.00", "0.00"));
    l.verified();
}

#[test]
fn concurrent_repeats_of_one_reference_apply_once() {
    const ATTEMPTS: usize = 10;
    let l = Arc::new(Ledger::new());
    l.funded("u", "100.00");
    let barrier = Arc::new(Barrier::new(ATTEMPTS));
    let handles: Vec<_> = (0..ATTEMPTS)
        .map(|_| {
            let (l, barrier) = (Arc::clone(&l), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                spawn_run(
                    &l,
                    &args(&["wallet", "withdraw", "u", "--amount", "25", "--reference-id", "once"]),
                )
            })
        })
        .collect();
    let outcomes: Vec<Outcome> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for o in &outcomes {
        assert_eq!(o.code, 0, "{}", o.json);
    }
    let applied = outcomes.iter().filter(|o| o.json["message"] == "ok").count();
    assert_eq!(applied, 1, "one applies, the others replay");
    let ids: std::collections::HashSet<&str> = outcomes
        .iter()
        .map(|o| s(&o.json["data"]["transaction"]["id"]))
        .collect();
    assert_eq!(ids.len(), 1, "all name the same transaction");
    assert_eq!(s(&l.wallet("u")["balance"]), "75.00");
    l.verified();
}

#[test]
fn concurrent_token_creations_status_changes_and_seals_all_apply_and_keep_the_ledger_wide_chains_whole() {
    // Each extends a chain of the whole ledger (the audit records, the seals): on PostgreSQL they
    // queue on one lock as the file's writers queue on its lock, and none is turned away.
    let l = Arc::new(Ledger::new());
    for user in ["u1", "u2", "u3", "u4"] {
        l.funded(user, "10.00");
    }
    let commands: Vec<Vec<String>> = (0..12)
        .map(|i| match i % 3 {
            0 => args(&["token", "create", "--scope", "write"]),
            1 => {
                let user = format!("u{}", i / 3 + 1);
                args(&["--yes", "wallet", "status", &user, "frozen", "--reason", "review"])
            }
            _ => args(&["ledger", "seal"]),
        })
        .collect();
    let barrier = Arc::new(Barrier::new(commands.len()));
    let handles: Vec<_> = commands
        .into_iter()
        .map(|command| {
            let (l, barrier) = (Arc::clone(&l), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                spawn_run(&l, &command)
            })
        })
        .collect();
    for outcome in handles.into_iter().map(|h| h.join().unwrap()) {
        assert_eq!(outcome.code, 0, "{}", outcome.json);
    }
    assert_eq!(l.ok(&["token", "list"])["total"], 4);
    for user in ["u1", "u2", "u3", "u4"] {
        assert_eq!(l.wallet(user)["status"], "frozen");
    }
    l.verified();
}

#[test]
fn a_held_write_lock_makes_a_writer_give_up_with_ledger_busy() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    let holder = l.hold_write_lock();

    let started = Instant::now();
    let e = l.fails(
        &["--lock-timeout-ms", "100", "wallet", "withdraw", "u", "--amount", "10"],
        6,
        "ledger_busy",
    );
    let waited = started.elapsed();
    assert_eq!(e["code"], 503, "{e}");
    assert!(
        s(&e["message"]).contains("retry"),
        "the message says it is safe to retry: {e}"
    );
    assert!(
        waited >= Duration::from_millis(100),
        "gave up after {waited:?}, before the timeout"
    );
    assert!(
        waited < Duration::from_secs(3),
        "waited {waited:?} for a 100 ms timeout"
    );
    // Readers are not blocked by a writer.
    assert_eq!(s(&l.wallet("u")["balance"]), "100.00");

    holder.release();
    let r = l.ok(&["--lock-timeout-ms", "100", "wallet", "withdraw", "u", "--amount", "10"]);
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "90.00", "the retry succeeds");
    l.verified();
}

#[test]
fn the_lock_timeout_also_comes_from_the_environment() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    let _holder = l.hold_write_lock();
    let before = l.snapshot();
    let started = Instant::now();
    let output = l
        .cmd()
        .env("LEDGERCTL_LOCK_TIMEOUT_MS", "50")
        .args(["-o", "json", "wallet", "deposit", "u", "--amount", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["error"], "ledger_busy", "{json}");
    // Far less than the 5 s default: the 50 ms from the environment was used.
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(l.snapshot(), before);
}

#[test]
fn a_writer_waits_for_a_lock_released_within_its_timeout() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    let holder = l.hold_write_lock();
    let release = thread::spawn(move || {
        // The one sleep: hold the lock a while, then let the waiting writer through.
        thread::sleep(Duration::from_millis(300));
        holder.release();
    });
    let started = Instant::now();
    let r = l.ok(&[
        "--lock-timeout-ms",
        "20000",
        "wallet",
        "withdraw",
        "u",
        "--amount",
        "10",
    ]);
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "it waited for the lock"
    );
    release.join().unwrap();
    assert_eq!(s(&r["data"]["wallet"]["balance"]), "90.00");
    l.verified();
}

#[test]
fn concurrent_refunds_never_exceed_the_original() {
    const ATTEMPTS: usize = 10;
    let l = Arc::new(Ledger::new());
    l.funded("u", "100.00");
    let payment = l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
        "--amount",
        "100",
    ]);
    let payment_id = s(&payment["data"]["transaction"]["id"]).to_owned();
    let barrier = Arc::new(Barrier::new(ATTEMPTS));
    let handles: Vec<_> = (0..ATTEMPTS)
        .map(|i| {
            let (l, barrier, payment_id) = (Arc::clone(&l), Arc::clone(&barrier), payment_id.clone());
            thread::spawn(move || {
                barrier.wait();
                // Half through the wallet, half through the internal refund.
                let op = if i % 2 == 0 {
                    args(&[
                        "wallet",
                        "refund",
                        "u",
                        "--transaction-id",
                        &payment_id,
                        "--amount",
                        "30",
                    ])
                } else {
                    args(&["refund", "--transaction-id", &payment_id, "--amount", "30"])
                };
                spawn_run(&l, &op)
            })
        })
        .collect();
    let outcomes: Vec<Outcome> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ok = outcomes.iter().filter(|o| o.code == 0).count();
    for o in outcomes.iter().filter(|o| o.code != 0) {
        assert_eq!(o.code, 5, "{}", o.json);
        assert_eq!(o.json["error"], "exceeds_refundable_amount", "{}", o.json);
    }
    assert_eq!(ok, 3, "three refunds of 30.00 fit in 100.00");
    assert_eq!(s(&l.wallet("u")["balance"]), "90.00");
    let rest = l.ok(&["refund", "--transaction-id", &payment_id]);
    assert_eq!(s(&rest["data"]["transaction"]["amount"]), "10.00");
    l.verified();
}
