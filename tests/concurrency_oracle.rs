//! The concurrency oracle: 8 writers run the real binary at once with mixed operations on shared
//! wallets (deposits, withdrawals, freezes, unfreezes, payments, refunds), each with its own
//! `reference_id`, while a reader polls `wallet show` and `ledger trial-balance`. Exit 0 means
//! "in the journal, once"; any other exit means "not in the journal"; no read ever sees money
//! created or destroyed or a negative available balance; `ledger verify` passes at the end.
//!
//! `LEDGERCTL_ORACLE_SEED=<u64>` chooses the operations (else the clock does); the seed is
//! printed and named in every failure message.

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use serde_json::Value;
use support::{Ledger, Seeded};

const WRITERS: u64 = 8;
const OPERATIONS_PER_WRITER: u64 = 20;
const USERS: [&str; 3] = ["u0", "u1", "u2"];
/// What each wallet holds before the writers start, in minor units.
const FUNDED: i64 = 6_000;
/// The payment made before the writers start, so that the counterparty exists.
const FIRST_PAYMENT: i64 = 100;

/// An amount of 1.00 to `max` whole units, in minor units.
fn amount(rng: &mut Seeded, max: u64) -> i64 {
    i64::try_from((1 + rng.below(max)) * 100).expect("small")
}

fn seed() -> u64 {
    support::seed("LEDGERCTL_ORACLE_SEED", "concurrency oracle")
}

/// "12.34" as 1234: amounts are compared exactly, never as floats.
fn minor(amount: &Value) -> i64 {
    let text = amount.as_str().unwrap_or_else(|| panic!("an amount, got {amount}"));
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (units, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    let value = units.parse::<i64>().expect("units") * 100 + cents.parse::<i64>().expect("cents");
    if negative {
        -value
    } else {
        value
    }
}

fn decimal(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// What one writer asked for, and what the binary answered.
#[derive(Debug, Clone)]
struct Done {
    reference: String,
    op: &'static str,
    user: &'static str,
    amount: i64,
    /// For a refund: the payment it refunds.
    original: Option<String>,
    exit: i32,
    json: Value,
}

/// Runs `ledgerctl -o json ARGS` and returns its exit code and envelope.
fn run(l: &Ledger, args: &[String]) -> (i32, Value) {
    let output = l
        .cmd()
        .arg("-o")
        .arg("json")
        .args(args)
        .output()
        .expect("ledgerctl runs");
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().expect("an exit code"), json)
}

/// One writer: `OPERATIONS_PER_WRITER` operations, one process each, chosen by its own
/// generator. Unfreezes and refunds reach back to its own freezes and payments, and sometimes
/// ask for more than is left (a freeze released already, a refund beyond the payment), so
/// refusals are part of the mix as much as insufficient balances are.
fn writer(l: &Ledger, w: u64, seed: u64) -> Vec<Done> {
    let mut rng = Seeded(seed ^ w.wrapping_mul(0x1000_0000_01B3));
    let mut freezes: Vec<(&'static str, String)> = Vec::new();
    let mut payments: Vec<(&'static str, String, i64)> = Vec::new();
    let mut done = Vec::new();
    for i in 0..OPERATIONS_PER_WRITER {
        let reference = format!("o-{w}-{i}");
        let mut user = USERS[usize::try_from(rng.below(USERS.len() as u64)).expect("small")];
        let mut original = None;
        let (op, amount, mut args): (&'static str, i64, Vec<String>) = match rng.below(6) {
            0 => {
                let amount = amount(&mut rng, 20);
                (
                    "deposit",
                    amount,
                    vec![
                        "wallet".into(),
                        "deposit".into(),
                        user.into(),
                        "--amount".into(),
                        decimal(amount),
                    ],
                )
            }
            1 => {
                let amount = amount(&mut rng, 40);
                (
                    "withdraw",
                    amount,
                    vec![
                        "wallet".into(),
                        "withdraw".into(),
                        user.into(),
                        "--amount".into(),
                        decimal(amount),
                    ],
                )
            }
            2 => {
                let amount = amount(&mut rng, 30);
                (
                    "freeze",
                    amount,
                    vec![
                        "wallet".into(),
                        "freeze".into(),
                        user.into(),
                        "--amount".into(),
                        decimal(amount),
                    ],
                )
            }
            3 if !freezes.is_empty() => {
                let index = usize::try_from(rng.below(freezes.len() as u64)).expect("small");
                let (owner, id) = freezes[index].clone();
                user = owner;
                original = Some(id.clone());
                (
                    "unfreeze",
                    0,
                    vec![
                        "wallet".into(),
                        "unfreeze".into(),
                        user.into(),
                        "--freeze-id".into(),
                        id,
                    ],
                )
            }
            4 | 3 => {
                let amount = amount(&mut rng, 30);
                (
                    "payment",
                    amount,
                    vec![
                        "wallet".into(),
                        "payment".into(),
                        user.into(),
                        "--amount".into(),
                        decimal(amount),
                        "--counterparty".into(),
                        "m1".into(),
                    ],
                )
            }
            _ if !payments.is_empty() => {
                let index = usize::try_from(rng.below(payments.len() as u64)).expect("small");
                let (owner, id, paid) = payments[index].clone();
                user = owner;
                original = Some(id.clone());
                // Up to a little more than the payment: the refund cap must refuse the excess.
                let amount = amount(&mut rng, u64::try_from(paid / 100).expect("positive") + 3);
                (
                    "refund",
                    amount,
                    vec![
                        "wallet".into(),
                        "refund".into(),
                        user.into(),
                        "--transaction-id".into(),
                        id,
                        "--amount".into(),
                        decimal(amount),
                        "--yes".into(),
                    ],
                )
            }
            _ => {
                let amount = amount(&mut rng, 20);
                (
                    "deposit",
                    amount,
                    vec![
                        "wallet".into(),
                        "deposit".into(),
                        user.into(),
                        "--amount".into(),
                        decimal(amount),
                    ],
                )
            }
        };
        args.extend(["--reference-id".into(), reference.clone()]);
        let (exit, json) = run(l, &args);
        if exit == 0 {
            match op {
                "freeze" => freezes.push((
                    user,
                    json["data"]["freeze"]["id"].as_str().expect("a freeze id").to_owned(),
                )),
                "payment" => payments.push((
                    user,
                    json["data"]["transaction"]["id"]
                        .as_str()
                        .expect("a transaction id")
                        .to_owned(),
                    amount,
                )),
                _ => {}
            }
        }
        done.push(Done {
            reference,
            op,
            user,
            amount,
            original,
            exit,
            json,
        });
    }
    done
}

/// One read of a wallet as `wallet show` prints it: nothing negative, and the balance is the
/// available and the frozen together.
fn check_wallet(json: &Value, seed: u64) {
    let data = &json["data"];
    let (balance, available, frozen) = (
        minor(&data["balance"]),
        minor(&data["available_balance"]),
        minor(&data["frozen_balance"]),
    );
    assert!(
        available >= 0 && frozen >= 0,
        "a read saw a negative balance: {json} (seed {seed})"
    );
    assert_eq!(
        balance,
        available + frozen,
        "a read saw money appear or vanish in a wallet: {json} (seed {seed})"
    );
}

/// One read of the trial balance: balanced per currency (no money created or destroyed), the
/// settlement account holds exactly what the wallets and the counterparty are owed, no wallet's
/// available account is negative and the counterparty is never owed less than nothing.
fn check_trial_balance(json: &Value, seed: u64) {
    assert_eq!(
        json["data"]["balanced"], true,
        "an unbalanced read: {json} (seed {seed})"
    );
    for total in json["data"]["totals"].as_array().expect("totals") {
        assert_eq!(minor(&total["debit"]), minor(&total["credit"]), "{json} (seed {seed})");
    }
    let mut settlement = 0;
    let mut owed = 0;
    for account in json["data"]["accounts"].as_array().expect("accounts") {
        let name = account["account"].as_str().expect("an account name");
        let balance = minor(&account["balance"]);
        if name.starts_with("assets:settlement:") {
            settlement += balance;
        } else if name.starts_with("liabilities:") {
            assert!(balance >= 0, "a read saw {name} negative: {json} (seed {seed})");
            owed += balance;
        } else {
            panic!("an account these operations never touch: {name} (seed {seed})");
        }
    }
    assert_eq!(
        settlement, owed,
        "a read saw money created or destroyed: {json} (seed {seed})"
    );
}

/// Tells the reader the writers are done when dropped.
struct StopReading(Arc<AtomicBool>);

impl Drop for StopReading {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

#[test]
fn concurrent_writers_and_a_reader_agree_with_the_exit_codes_and_never_see_money_created_or_destroyed() {
    let seed = seed();
    let l = Ledger::new();
    for user in USERS {
        l.ok(&["wallet", "create", user]);
        l.ok(&["wallet", "deposit", user, "--amount", &decimal(FUNDED)]);
    }
    l.ok(&[
        "wallet",
        "payment",
        "u0",
        "--amount",
        &decimal(FIRST_PAYMENT),
        "--counterparty",
        "m1",
        "--new-counterparty",
    ]);

    let writing = Arc::new(AtomicBool::new(true));
    let (done, reads) = thread::scope(|scope| {
        let reader = {
            let l = &l;
            let writing = Arc::clone(&writing);
            scope.spawn(move || {
                let mut reads = 0u32;
                // At least a few reads even on a fast machine, then until the writers are done.
                while writing.load(Ordering::Relaxed) || reads < 6 {
                    let user = USERS[reads as usize % USERS.len()];
                    let (exit, json) = run(l, &["wallet".into(), "show".into(), user.into()]);
                    assert_eq!(exit, 0, "a read failed: {json} (seed {seed})");
                    check_wallet(&json, seed);
                    let (exit, json) = run(l, &["ledger".into(), "trial-balance".into()]);
                    assert_eq!(exit, 0, "a read failed: {json} (seed {seed})");
                    check_trial_balance(&json, seed);
                    reads += 2;
                }
                reads
            })
        };
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let l = &l;
                scope.spawn(move || writer(l, w, seed))
            })
            .collect();
        // Also when a writer panics: the reader must not poll for ever.
        let _stop_reading = StopReading(Arc::clone(&writing));
        let done: Vec<Done> = writers.into_iter().flat_map(|w| w.join().expect("a writer")).collect();
        writing.store(false, Ordering::Relaxed);
        (done, reader.join().expect("the reader"))
    });

    // Exit 0: in the journal once; any other exit: not in it.
    let journal: BTreeMap<String, i64> = l
        .rows("SELECT reference_id, COUNT(*) FROM journal_entries WHERE reference_id LIKE 'o-%' GROUP BY reference_id")
        .into_iter()
        .map(|row| match row.as_slice() {
            [Some(reference), Some(count)] => (reference.clone(), count.parse().expect("a count")),
            other => panic!("{other:?}"),
        })
        .collect();
    for d in &done {
        let expected = if d.exit == 0 { Some(&1) } else { None };
        assert_eq!(
            journal.get(&d.reference),
            expected,
            "{} {} exited {} but the journal has it {:?} times: {} (seed {seed})",
            d.op,
            d.reference,
            d.exit,
            journal.get(&d.reference),
            d.json
        );
        if d.exit != 0 {
            // Refused by a money rule (or, at worst, told to retry): never by an internal error.
            let allowed = [
                "insufficient_balance",
                "exceeds_refundable_amount",
                "freeze_not_active",
                "ledger_busy",
            ];
            assert!(
                d.json["error"].as_str().is_some_and(|e| allowed.contains(&e)),
                "{} {} exited {} with an error no rule explains: {} (seed {seed})",
                d.op,
                d.reference,
                d.exit,
                d.json
            );
        }
    }
    assert_eq!(
        journal.len(),
        done.iter().filter(|d| d.exit == 0).count(),
        "(seed {seed})"
    );

    // The acknowledged operations alone explain where the money is: per wallet, at the
    // counterparty and in settlement. No refund went beyond its payment, no freeze was
    // released twice.
    let ok = |op: &'static str| done.iter().filter(move |d| d.exit == 0 && d.op == op);
    for user in USERS {
        let of = |op: &'static str| ok(op).filter(|d| d.user == user).map(|d| d.amount).sum::<i64>();
        let first = if user == "u0" { FIRST_PAYMENT } else { 0 };
        let expected = FUNDED - first + of("deposit") - of("withdraw") - of("payment") + of("refund");
        let wallet = l.wallet(user);
        assert_eq!(minor(&wallet["balance"]), expected, "{user}: {wallet} (seed {seed})");
    }
    let mut refunded: BTreeMap<&str, i64> = BTreeMap::new();
    for refund in ok("refund") {
        *refunded
            .entry(refund.original.as_deref().expect("an original"))
            .or_default() += refund.amount;
    }
    for (original, total) in &refunded {
        let paid = ok("payment")
            .find(|p| p.json["data"]["transaction"]["id"] == *original)
            .map(|p| p.amount)
            .expect("a refund of a payment of the same writer");
        assert!(
            *total <= paid,
            "{original}: paid {paid}, refunded {total} (seed {seed})"
        );
    }
    let mut released: BTreeMap<&str, usize> = BTreeMap::new();
    for unfreeze in ok("unfreeze") {
        *released
            .entry(unfreeze.original.as_deref().expect("a freeze"))
            .or_default() += 1;
    }
    assert!(
        released.values().all(|n| *n == 1),
        "a freeze released twice: {released:?} (seed {seed})"
    );

    let (exit, json) = run(&l, &["ledger".into(), "trial-balance".into()]);
    assert_eq!(exit, 0);
    check_trial_balance(&json, seed);
    l.verified();

    let succeeded = done.iter().filter(|d| d.exit == 0).count();
    let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
    for d in done.iter().filter(|d| d.exit != 0) {
        *refusals
            .entry(format!("{} {}", d.op, d.json["error"].as_str().unwrap_or("?")))
            .or_default() += 1;
    }
    eprintln!(
        "concurrency oracle: {} operations ({succeeded} exit 0, {} refused: {refusals:?}), {reads} reads",
        done.len(),
        done.len() - succeeded
    );
    assert!(
        succeeded > 0 && succeeded < done.len(),
        "the mix has both outcomes (seed {seed})"
    );
    assert!(reads >= 6, "(seed {seed})");
}
