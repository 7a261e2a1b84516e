//! The model-based test: random sequences of every wallet operation the CLI offers (valid and
//! invalid amounts, unknown ids, other tenants' wallets, `reference_id` replays and conflicts,
//! status changes, transfers between wallets, captures of freezes), applied through the real operations layer
//! (`ledgerctl::ops`) on a real SQLite file, and held after every step to the reference model in
//! tests/model/: the same outcome (success, or the exact `error` name), the same balances of
//! every wallet the step touched (a transfer's sender and receiver both) and the same freezes.
//! At the end of each sequence `ledger verify` passes and the trial balance sums to zero.
//!
//! LEDGERCTL_MODEL_CASES (default 1000) sequences of up to LEDGERCTL_MODEL_STEPS (default 50)
//! steps; PROPTEST_RNG_SEED fixes the seed. Failures shrink to a minimal sequence and are kept
//! in proptest-regressions/model_based.txt, which is replayed first on every run.

mod model;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use ledgerctl::error::Error;
use ledgerctl::ledger::ids::WithdrawalRequestId;
use ledgerctl::ledger::model::TxType;
use ledgerctl::ledger::model::{FreezeStatus, Scope, Wallet, WalletStatus};
use ledgerctl::ledger::operations::{capture, freeze, internal_refund, Direction, Operation};
use ledgerctl::ledger::request::PageRequest;
use ledgerctl::ops::{self, Clock, Outcome, PolicyState, Reviewed, StatusOutcome, Verdict};
use ledgerctl::store::{DbLocation, Store};
use model::{AskIds, Expect, Kind, Model, ModelPolicy, Op, Posted, Request, ReviewState, Status, ACTORS, SCOPES};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, TestCaseError};

const USERS: [&str; 3] = ["usr_0", "usr_1", "usr_2"];
/// `XXX` is not a currency: creating a wallet in it is refused.
const CURRENCIES: [&str; 4] = ["CNY", "JPY", "KWD", "XXX"];
const COUNTERPARTIES: [&str; 3] = ["mch_0", "mch_1", "mch_2"];
const REFERENCES: [&str; 3] = ["ref-0", "ref-1", "ref-2"];
/// Free texts; the blank one is absent once trimmed, and " note " is the same text as "note".
const TEXTS: [&str; 4] = ["note", " note ", "other", "  "];
const UNKNOWN_TRANSACTION: &str = "txn_abc123";
const UNKNOWN_FREEZE: &str = "frz_abc123";
const UNKNOWN_REQUEST: &str = "wdr_abc123";
/// A user who has no wallet in any scope.
const UNKNOWN_USER: &str = "usr_nobody";
const ACTOR: &str = "model";

fn env_number(name: &str, default: u32) -> u32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Who acts: mostly the first tenant and two users, so sequences build up history.
#[derive(Debug, Clone, Copy)]
struct At {
    scope: usize,
    user: usize,
}

/// An amount as generated: a text, or the balance it is spent from (a wallet's available
/// balance, a refund's remaining refundable amount) plus a few minor units, for the edges.
#[derive(Debug, Clone)]
enum Amt {
    Text(String),
    Relative(i64),
}

/// Whom a transfer goes to, resolved at run time against the wallets that exist then.
#[derive(Debug, Clone, Copy)]
enum To {
    /// The other of the two usual users (the first one for the third user).
    Usual,
    /// `USERS[i]`, the sender itself included.
    User(usize),
    /// The user of another wallet in the sender's scope and currency, so that the transfer
    /// mostly goes through (the usual user when there is none).
    Alike(usize),
    /// The user of a wallet in another scope: not found in the sender's unless that user has a
    /// wallet there too.
    Foreign(usize),
    Unknown,
}

/// One generated step; indices pick an existing transaction or freeze at run time, so every
/// shrunk sequence is still a valid one.
#[derive(Debug, Clone)]
enum Step {
    Create {
        at: At,
        currency: usize,
    },
    Deposit {
        at: At,
        amount: Amt,
        text: Option<usize>,
        reference: Option<usize>,
    },
    Payment {
        at: At,
        amount: Amt,
        counterparty: usize,
        new_counterparty: bool,
        text: Option<usize>,
        reference: Option<usize>,
    },
    Withdraw {
        at: At,
        amount: Amt,
        text: Option<usize>,
        reference: Option<usize>,
    },
    Freeze {
        at: At,
        amount: Amt,
        text: Option<usize>,
        reference: Option<usize>,
    },
    /// `None` names a freeze that does not exist.
    Unfreeze {
        at: At,
        freeze: Option<usize>,
        text: Option<usize>,
        reference: Option<usize>,
    },
    /// `internal`: `ledger refund` (the wallet is the transaction's) instead of `wallet refund`.
    Refund {
        at: At,
        internal: bool,
        transaction: Option<usize>,
        amount: Option<Amt>,
        text: Option<usize>,
        reference: Option<usize>,
    },
    Adjust {
        at: At,
        credit: bool,
        amount: Amt,
        text: usize,
        reference: Option<usize>,
    },
    /// From `at`'s wallet to another's; the amount is relative to the sender's available balance.
    Transfer {
        at: At,
        to: To,
        amount: Amt,
        text: Option<usize>,
        reference: Option<usize>,
    },
    /// Ends a freeze (`None`: one that does not exist), part or all of it (`None`); the amount
    /// is relative to what the freeze holds; to a counterparty, or the settlement.
    Capture {
        at: At,
        freeze: Option<usize>,
        amount: Option<Amt>,
        counterparty: Option<usize>,
        new_counterparty: bool,
        text: Option<usize>,
        reference: Option<usize>,
    },
    Status {
        at: At,
        to: Status,
        text: Option<usize>,
    },
    /// An earlier money movement again, byte for byte: a replay when it had a reference_id, a
    /// second application when it had none.
    Again {
        back: usize,
    },
    /// `policy set` in a scope, every field given: indices into the values below.
    Policy {
        scope: usize,
        limits: [usize; 4],
        currencies: usize,
        transfer_enabled: bool,
        /// Withdrawal review, and the auto-approval limit's index.
        review: (bool, usize),
    },
    /// `withdrawal request` by one of the two actors.
    Ask {
        at: At,
        amount: Amt,
        text: Option<usize>,
        reference: Option<usize>,
        actor: usize,
    },
    /// `withdrawal approve|reject` of a request made so far (or an unknown one).
    Decide {
        at: At,
        request: Option<usize>,
        approve: bool,
        actor: usize,
    },
}

/// Policy amounts: no limit, and limits a sequence's amounts (deposits under 3,000, spending
/// under 300) meet, in every currency's decimals.
const POLICY_AMOUNTS: [&str; 6] = ["0", "0", "5", "20.5", "150", "2500.125"];
/// Supported currencies: every one, or a few (`XXX` is never a wallet's).
const POLICY_CURRENCIES: [&str; 4] = ["", "CNY", "CNY,KWD", "JPY,KWD"];

fn at() -> impl Strategy<Value = At> {
    (
        prop_oneof![8 => Just(0_usize), 1 => Just(1_usize)],
        prop_oneof![6 => Just(0_usize), 5 => Just(1_usize), 1 => Just(2_usize)],
    )
        .prop_map(|(scope, user)| At { scope, user })
}

/// Amount texts: mostly valid for some currency (and so sometimes with too many decimals for
/// the wallet's), plus every refused form of SPEC section 2 and the edges of the maximum.
fn amount() -> impl Strategy<Value = Amt> {
    amount_below(300).prop_map(Amt::Text)
}

/// Deposits are larger than spending, so that spending mostly finds the money.
fn deposit_amount() -> impl Strategy<Value = Amt> {
    amount_below(3_000).prop_map(Amt::Text)
}

/// What is spent: often exactly the balance it comes from, or one minor unit more or less.
fn spend_amount() -> impl Strategy<Value = Amt> {
    prop_oneof![3 => amount(), 1 => (-1_i64..=1).prop_map(Amt::Relative)]
}

fn amount_below(whole_max: u32) -> impl Strategy<Value = String> {
    let decimals = prop_oneof![4 => Just(0_usize), 1 => Just(1_usize), 4 => Just(2_usize), 1 => Just(3_usize)];
    let plain = (0_u32..whole_max, decimals, 0_u32..1000).prop_map(|(whole, decimals, fraction)| {
        let fraction = format!("{fraction:03}");
        match decimals {
            0 => whole.to_string(),
            n => format!("{whole}.{}", &fraction[..n]),
        }
    });
    let refused = prop::sample::select(vec![
        "0", "0.00", "-0", "-5", "1e3", "1E3", "1_000", ".5", "5.", "+5", " 5", "5 ", "5,00", "NaN", "Infinity", "",
        "007", "5..0", "0x10", "５",
    ])
    .prop_map(str::to_owned);
    let edges = prop::sample::select(vec![
        "1000000000000",
        "1000000000000.01",
        "1000000000001",
        "99999999999999999999",
        "9999999999999999999999999",
        "0.001",
        "0.01",
    ])
    .prop_map(str::to_owned);
    prop_oneof![20 => plain, 2 => refused, 1 => edges]
}

fn text() -> impl Strategy<Value = Option<usize>> {
    prop::option::of(0..TEXTS.len())
}

fn reference() -> impl Strategy<Value = Option<usize>> {
    prop::option::weighted(0.5, 0..REFERENCES.len())
}

fn pick() -> impl Strategy<Value = Option<usize>> {
    prop::option::weighted(0.9, 0_usize..64)
}

fn currency() -> impl Strategy<Value = usize> {
    prop_oneof![12 => Just(0_usize), 2 => Just(1_usize), 2 => Just(2_usize), 1 => Just(3_usize)]
}

fn to() -> impl Strategy<Value = To> {
    prop_oneof![
        6 => Just(To::Usual),
        3 => (0..USERS.len()).prop_map(To::User),
        6 => (0_usize..8).prop_map(To::Alike),
        1 => (0_usize..8).prop_map(To::Foreign),
        1 => Just(To::Unknown),
    ]
}

fn create() -> impl Strategy<Value = Step> {
    (at(), currency()).prop_map(|(at, currency)| Step::Create { at, currency })
}

/// A sequence: the wallets of the two usual users first (so most steps find one), then
/// anything, other tenants and users included.
fn sequence() -> impl Strategy<Value = Vec<Step>> {
    let steps = env_number("LEDGERCTL_MODEL_STEPS", 50).max(2) as usize;
    let usual = |user| {
        currency().prop_map(move |currency| Step::Create {
            at: At { scope: 0, user },
            currency,
        })
    };
    // Half the sequences review withdrawals in the first scope from the start (with an
    // auto-approval limit or none), so requests wait for decisions often enough to meet them.
    let reviewed = (0..POLICY_AMOUNTS.len()).prop_map(|auto| Step::Policy {
        scope: 0,
        limits: [0; 4],
        currencies: 0,
        transfer_enabled: true,
        review: (true, auto),
    });
    (
        usual(0),
        usual(1),
        prop::option::weighted(0.5, reviewed),
        prop::collection::vec(step(), 0..=steps - 2),
    )
        .prop_map(|(first, second, reviewed, rest)| {
            let mut all = vec![first, second];
            all.extend(reviewed);
            all.extend(rest);
            all
        })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => create(),
        6 => (at(), deposit_amount(), text(), reference())
            .prop_map(|(at, amount, text, reference)| Step::Deposit { at, amount, text, reference }),
        4 => (at(), spend_amount(), 0..COUNTERPARTIES.len(), any::<bool>(), text(), reference()).prop_map(
            |(at, amount, counterparty, new_counterparty, text, reference)| Step::Payment {
                at,
                amount,
                counterparty,
                new_counterparty,
                text,
                reference
            }
        ),
        3 => (at(), spend_amount(), text(), reference())
            .prop_map(|(at, amount, text, reference)| Step::Withdraw { at, amount, text, reference }),
        3 => (at(), spend_amount(), text(), reference())
            .prop_map(|(at, amount, text, reference)| Step::Freeze { at, amount, text, reference }),
        3 => (at(), pick(), text(), reference())
            .prop_map(|(at, freeze, text, reference)| Step::Unfreeze { at, freeze, text, reference }),
        5 => (at(), any::<bool>(), pick(), prop::option::weighted(0.6, spend_amount()), text(), reference()).prop_map(
            |(at, internal, transaction, amount, text, reference)| Step::Refund {
                at,
                internal,
                transaction,
                amount,
                text,
                reference
            }
        ),
        2 => (at(), any::<bool>(), spend_amount(), 0..TEXTS.len(), reference())
            .prop_map(|(at, credit, amount, text, reference)| Step::Adjust { at, credit, amount, text, reference }),
        5 => (at(), to(), spend_amount(), text(), reference())
            .prop_map(|(at, to, amount, text, reference)| Step::Transfer { at, to, amount, text, reference }),
        3 => (
            at(),
            pick(),
            prop::option::weighted(0.6, spend_amount()),
            prop::option::weighted(0.4, 0..COUNTERPARTIES.len()),
            any::<bool>(),
            text(),
            reference()
        )
            .prop_map(|(at, freeze, amount, counterparty, new_counterparty, text, reference)| Step::Capture {
                at,
                freeze,
                amount,
                counterparty,
                new_counterparty,
                text,
                reference
            }),
        1 => (
            at(),
            prop::sample::select(vec![Status::Active, Status::Frozen, Status::Closed]),
            prop::option::weighted(0.9, 0..TEXTS.len())
        )
            .prop_map(|(at, to, text)| Step::Status { at, to, text }),
        4 => (0_usize..6).prop_map(|back| Step::Again { back }),
        1 => (
            prop_oneof![8 => Just(0_usize), 1 => Just(1_usize)],
            [0..POLICY_AMOUNTS.len(), 0..POLICY_AMOUNTS.len(), 0..POLICY_AMOUNTS.len(), 0..POLICY_AMOUNTS.len()],
            0..POLICY_CURRENCIES.len(),
            prop_oneof![4 => Just(true), 1 => Just(false)],
            (any::<bool>(), 0..POLICY_AMOUNTS.len()),
        )
            .prop_map(|(scope, limits, currencies, transfer_enabled, review)| Step::Policy {
                scope,
                limits,
                currencies,
                transfer_enabled,
                review
            }),
        3 => (at(), spend_amount(), text(), reference(), 0..ACTORS.len())
            .prop_map(|(at, amount, text, reference, actor)| Step::Ask { at, amount, text, reference, actor }),
        3 => (at(), pick(), any::<bool>(), 0..ACTORS.len())
            .prop_map(|(at, request, approve, actor)| Step::Decide { at, request, approve, actor }),
    ]
}

fn texts(i: Option<usize>) -> Option<String> {
    i.map(|i| TEXTS[i].to_owned())
}

fn references(i: Option<usize>) -> Option<String> {
    i.map(|i| REFERENCES[i].to_owned())
}

/// The concrete request of a step, its picks resolved against what exists so far and the
/// requests made before it.
fn resolve(step: &Step, model: &Model, earlier: &[Request]) -> Request {
    let transaction = |pick: Option<usize>| match pick {
        Some(i) if !model.entries.is_empty() => model.entries[i % model.entries.len()].id.clone(),
        _ => UNKNOWN_TRANSACTION.to_owned(),
    };
    // Mostly one of the acting wallet's own freezes (so releases and double releases happen),
    // sometimes any wallet's (another wallet's freeze is not found).
    let freeze = |at: &At, pick: Option<usize>| {
        let own: Vec<&str> = match model.wallet_of(at.scope, USERS[at.user]) {
            Some(w) => model
                .freezes
                .iter()
                .filter(|f| f.wallet == w)
                .map(|f| f.id.as_str())
                .collect(),
            None => Vec::new(),
        };
        match pick {
            Some(i) if i % 4 != 0 && !own.is_empty() => own[i % own.len()].to_owned(),
            Some(i) if !model.freezes.is_empty() => model.freezes[i % model.freezes.len()].id.clone(),
            _ => UNKNOWN_FREEZE.to_owned(),
        }
    };
    // A relative amount is counted from `base` (minor units, exponent); without one it is 1.
    let amount_text = |amt: Amt, base: Option<(i64, u32)>| match (amt, base) {
        (Amt::Text(text), _) => text,
        (Amt::Relative(delta), Some((minor, exponent))) => model::format_minor(minor + delta, exponent),
        (Amt::Relative(_), None) => "1".to_owned(),
    };
    let available = |at: &At| {
        model
            .wallet_of(at.scope, USERS[at.user])
            .map(|w| (model.wallets[w].available, model.wallets[w].exponent))
    };
    let remaining = |id: &str| {
        model
            .entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| (e.amount - e.refunded, model.wallets[e.wallet].exponent))
    };
    let wallet = |at: &At, op: Op| Request::Wallet {
        scope: at.scope,
        user: USERS[at.user].to_owned(),
        op,
    };
    match step.clone() {
        Step::Create { at, currency } => Request::CreateWallet {
            scope: at.scope,
            user: USERS[at.user].to_owned(),
            currency: CURRENCIES[currency].to_owned(),
        },
        Step::Deposit {
            at,
            amount,
            text,
            reference,
        } => wallet(
            &at,
            Op::Deposit {
                amount: amount_text(amount, available(&at)),
                description: texts(text),
                reference: references(reference),
            },
        ),
        Step::Payment {
            at,
            amount,
            counterparty,
            new_counterparty,
            text,
            reference,
        } => wallet(
            &at,
            Op::Payment {
                amount: amount_text(amount, available(&at)),
                counterparty: COUNTERPARTIES[counterparty].to_owned(),
                new_counterparty,
                description: texts(text),
                reference: references(reference),
            },
        ),
        Step::Withdraw {
            at,
            amount,
            text,
            reference,
        } => wallet(
            &at,
            Op::Withdraw {
                amount: amount_text(amount, available(&at)),
                description: texts(text),
                reference: references(reference),
            },
        ),
        Step::Freeze {
            at,
            amount,
            text,
            reference,
        } => wallet(
            &at,
            Op::Freeze {
                amount: amount_text(amount, available(&at)),
                reason: texts(text),
                reference: references(reference),
            },
        ),
        Step::Unfreeze {
            at,
            freeze: f,
            text,
            reference,
        } => wallet(
            &at,
            Op::Unfreeze {
                freeze_id: freeze(&at, f),
                reason: texts(text),
                reference: references(reference),
            },
        ),
        Step::Refund {
            at,
            internal,
            transaction: t,
            amount,
            text,
            reference,
        } => {
            let transaction_id = transaction(t);
            let base = remaining(&transaction_id);
            let op = Op::Refund {
                amount: amount.map(|a| amount_text(a, base)),
                transaction_id,
                reason: texts(text),
                reference: references(reference),
            };
            if internal {
                Request::InternalRefund { scope: at.scope, op }
            } else {
                wallet(&at, op)
            }
        }
        Step::Adjust {
            at,
            credit,
            amount,
            text,
            reference,
        } => wallet(
            &at,
            Op::Adjust {
                credit,
                amount: amount_text(amount, available(&at)),
                reason: TEXTS[text].to_owned(),
                reference: references(reference),
            },
        ),
        Step::Transfer {
            at,
            to,
            amount,
            text,
            reference,
        } => wallet(
            &at,
            Op::Transfer {
                to_user: receiver(model, &at, to),
                amount: amount_text(amount, available(&at)),
                description: texts(text),
                reference: references(reference),
            },
        ),
        Step::Capture {
            at,
            freeze: f,
            amount,
            counterparty,
            new_counterparty,
            text,
            reference,
        } => {
            let freeze_id = freeze(&at, f);
            let held = model
                .freezes
                .iter()
                .find(|h| h.id == freeze_id)
                .map(|h| (h.amount, model.wallets[h.wallet].exponent));
            wallet(
                &at,
                Op::Capture {
                    amount: amount.map(|a| amount_text(a, held)),
                    freeze_id,
                    counterparty: counterparty.map(|c| COUNTERPARTIES[c].to_owned()),
                    new_counterparty,
                    description: texts(text),
                    reference: references(reference),
                },
            )
        }
        Step::Status { at, to, text } => Request::SetStatus {
            scope: at.scope,
            user: USERS[at.user].to_owned(),
            to,
            reason: texts(text),
        },
        // Counted among earlier money movements from the latest, so that shrinking can drop
        // every step before the one repeated, and any other kind of step between them.
        Step::Again { back } => {
            let movements: Vec<&Request> = earlier
                .iter()
                .filter(|r| matches!(r, Request::Wallet { .. } | Request::InternalRefund { .. }))
                .collect();
            match movements.len() {
                // Every sequence starts by opening wallets, so there is an earlier request.
                0 => earlier.last().cloned().expect("an earlier request"),
                n => movements[n - 1 - back % n].clone(),
            }
        }
        Step::Ask {
            at,
            amount,
            text,
            reference,
            actor,
        } => Request::AskWithdrawal {
            scope: at.scope,
            user: USERS[at.user].to_owned(),
            amount: amount_text(amount, available(&at)),
            remark: texts(text),
            reference: references(reference),
            actor,
        },
        Step::Decide {
            at,
            request,
            approve,
            actor,
        } => Request::Decide {
            scope: at.scope,
            // Mostly a pending request (so decisions happen), sometimes any (decided twice).
            id: {
                let pending: Vec<&str> = model
                    .requests
                    .iter()
                    .filter(|r| r.state == ReviewState::Pending)
                    .map(|r| r.id.as_str())
                    .collect();
                match request {
                    Some(i) if i % 4 != 0 && !pending.is_empty() => pending[i % pending.len()].to_owned(),
                    Some(i) if !model.requests.is_empty() => model.requests[i % model.requests.len()].id.clone(),
                    _ => UNKNOWN_REQUEST.to_owned(),
                }
            },
            approve,
            actor,
        },
        Step::Policy {
            scope,
            limits,
            currencies,
            transfer_enabled,
            review: (review, auto),
        } => Request::SetPolicy {
            scope,
            policy: ModelPolicy {
                min_withdraw_amount: POLICY_AMOUNTS[limits[0]].to_owned(),
                daily_withdraw_limit: POLICY_AMOUNTS[limits[1]].to_owned(),
                monthly_withdraw_limit: POLICY_AMOUNTS[limits[2]].to_owned(),
                max_balance: POLICY_AMOUNTS[limits[3]].to_owned(),
                supported_currencies: POLICY_CURRENCIES[currencies].to_owned(),
                transfer_enabled,
                withdrawal_require_review: review,
                auto_approve_limit: POLICY_AMOUNTS[auto].to_owned(),
            },
        },
    }
}

/// The user a transfer from `at` goes to.
fn receiver(model: &Model, at: &At, to: To) -> String {
    match to {
        To::Usual => USERS[usize::from(at.user == 0)].to_owned(),
        To::User(i) => USERS[i].to_owned(),
        To::Alike(i) => {
            let sender = model.wallet_of(at.scope, USERS[at.user]).map(|w| &model.wallets[w]);
            let alike: Vec<&str> = match sender {
                Some(s) => model
                    .wallets
                    .iter()
                    .filter(|w| w.scope == s.scope && w.currency == s.currency && w.id != s.id)
                    .map(|w| w.user.as_str())
                    .collect(),
                None => Vec::new(),
            };
            match alike.len() {
                0 => receiver(model, at, To::Usual),
                n => alike[i % n].to_owned(),
            }
        }
        To::Foreign(i) => {
            let foreign: Vec<&str> = model
                .wallets
                .iter()
                .filter(|w| w.scope != at.scope)
                .map(|w| w.user.as_str())
                .collect();
            match foreign.len() {
                0 => UNKNOWN_USER.to_owned(),
                n => foreign[i % n].to_owned(),
            }
        }
        To::Unknown => UNKNOWN_USER.to_owned(),
    }
}

fn scope(index: usize) -> Scope {
    Scope {
        tenant_id: SCOPES[index].0.to_owned(),
        application_id: SCOPES[index].1.to_owned(),
    }
}

/// The validated operation, built as the CLI builds it from its flags.
fn operation(op: &Op) -> Result<Operation, Error> {
    match op.clone() {
        Op::Deposit {
            amount,
            description,
            reference,
        } => Operation::deposit(&amount, description, reference),
        Op::Payment {
            amount,
            counterparty,
            new_counterparty,
            description,
            reference,
        } => Operation::payment(&amount, &counterparty, new_counterparty, description, reference),
        Op::Withdraw {
            amount,
            description,
            reference,
        } => Operation::withdraw(&amount, description, reference),
        Op::Freeze {
            amount,
            reason,
            reference,
        } => Operation::freeze(&amount, reason, reference),
        Op::Unfreeze {
            freeze_id,
            reason,
            reference,
        } => Operation::unfreeze(&freeze_id, reason, reference),
        Op::Refund {
            transaction_id,
            amount,
            reason,
            reference,
        } => Operation::refund(&transaction_id, amount.as_deref(), reason, reference),
        Op::Adjust {
            credit,
            amount,
            reason,
            reference,
        } => {
            let direction = if credit { Direction::Credit } else { Direction::Debit };
            Operation::adjust(direction, &amount, &reason, reference)
        }
        Op::Transfer {
            to_user,
            amount,
            description,
            reference,
        } => Operation::transfer(&to_user, &amount, description, reference),
        Op::Capture {
            freeze_id,
            amount,
            counterparty,
            new_counterparty,
            description,
            reference,
        } => capture::Request::new(
            &freeze_id,
            amount.as_deref(),
            counterparty.as_deref(),
            new_counterparty,
            description,
            reference,
        )
        .map(Operation::Capture),
    }
}

/// What the real ledger answered.
enum Real {
    Wallet(Wallet),
    Outcome(Box<Outcome>),
    Status(StatusOutcome),
    Policy(Box<PolicyState>),
    /// A withdrawal request made, replayed or decided, and the entry that made a new
    /// request's hold.
    Reviewed(Box<Reviewed>, Option<String>),
}

fn run(store: &mut Store, request: &Request) -> Result<Real, Error> {
    match request {
        Request::CreateWallet {
            scope: s,
            user,
            currency,
        } => ops::create_wallet(store, &scope(*s), user, currency.parse()?).map(Real::Wallet),
        Request::Wallet { scope: s, user, op } => {
            let operation = operation(op)?;
            ops::execute(store, &scope(*s), user, &operation, ACTOR).map(|o| Real::Outcome(Box::new(o)))
        }
        Request::InternalRefund { scope: s, op } => {
            let Operation::Refund(refund) = operation(op)? else {
                panic!("the model's internal refund is a refund: {op:?}");
            };
            let request = internal_refund::Request(refund);
            ops::internal_refund(store, &scope(*s), &request, ACTOR).map(|o| Real::Outcome(Box::new(o)))
        }
        Request::SetStatus {
            scope: s,
            user,
            to,
            reason,
        } => {
            let to: WalletStatus = to.name().parse()?;
            ops::set_status(store, &scope(*s), user, to, reason.clone(), ACTOR).map(Real::Status)
        }
        Request::SetPolicy { scope: s, policy } => {
            let fields = serde_json::json!({
                "min_withdraw_amount": policy.min_withdraw_amount,
                "daily_withdraw_limit": policy.daily_withdraw_limit,
                "monthly_withdraw_limit": policy.monthly_withdraw_limit,
                "max_balance": policy.max_balance,
                "supported_currencies": policy.supported_currencies,
                "transfer_enabled": policy.transfer_enabled,
                "withdrawal_require_review": policy.withdrawal_require_review,
                "auto_approve_limit": policy.auto_approve_limit,
            });
            let fields = fields.as_object().expect("an object");
            ops::set_policy(store, &scope(*s), fields, ACTOR).map(|p| Real::Policy(Box::new(p)))
        }
        Request::AskWithdrawal {
            scope: s,
            user,
            amount,
            remark,
            reference,
            actor,
        } => {
            let ask = freeze::Request::new(amount, remark.clone(), reference.clone())?;
            let reviewed = ops::request_withdrawal(store, &scope(*s), user, &ask, ACTORS[*actor])?;
            let hold = hold_entry(store, &scope(*s), user, &reviewed);
            Ok(Real::Reviewed(Box::new(reviewed), hold))
        }
        Request::Decide {
            scope: s,
            id,
            approve,
            actor,
        } => {
            let verdict = Verdict::new(*approve, None, None)?;
            let id = WithdrawalRequestId::new(id.clone());
            let reviewed = ops::decide_withdrawal(store, &scope(*s), &id, &verdict, ACTORS[*actor])?;
            Ok(Real::Reviewed(Box::new(reviewed), None))
        }
    }
}

/// The entry that made a new request's hold: the wallet's newest freeze entry.
fn hold_entry(store: &mut Store, scope: &Scope, user: &str, reviewed: &Reviewed) -> Option<String> {
    if !reviewed.created {
        return None;
    }
    let filter = ledgerctl::ledger::request::EntryFilter {
        types: vec![TxType::Freeze],
        ..Default::default()
    };
    let page = PageRequest::new(Some(1), Some(1)).expect("page");
    let (_, entries) = ops::history(store, scope, user, &filter, page).expect("history");
    entries.items.first().map(|(e, _)| e.id.to_string())
}

/// Holds the real answer to the model's, then records it in the model.
fn compare(
    model: &mut Model,
    request: &Request,
    expect: &Expect,
    real: Result<Real, Error>,
) -> Result<(), TestCaseError> {
    match (expect, real) {
        (Expect::Refused(code), Err(e)) => {
            prop_assert_eq!(*code, e.code(), "refused for another reason: {}", e);
        }
        (Expect::WalletCreated, Ok(Real::Wallet(w))) => {
            prop_assert_eq!((w.available, w.frozen, w.status), (0, 0, WalletStatus::Active));
            model.commit(request, expect, &w.id, None);
        }
        (Expect::StatusSet { wallet, changed }, Ok(Real::Status(s))) => {
            prop_assert_eq!(s.change.is_some(), *changed);
            prop_assert_eq!(&s.wallet.id, &model.wallets[*wallet].id);
            model.commit(request, expect, "", None);
        }
        (Expect::PolicySet, Ok(Real::Policy(state))) => {
            let Request::SetPolicy { policy, .. } = request else {
                unreachable!()
            };
            // The policy in force reads back as it was given (amounts with at least 2 decimals).
            let shown = state.policy.to_json();
            let limit = |text: &str| {
                ledgerctl::ledger::policy::Limit::parse(text)
                    .expect("a limit")
                    .to_string()
            };
            prop_assert_eq!(&shown["daily_withdraw_limit"], &limit(&policy.daily_withdraw_limit));
            prop_assert_eq!(&shown["max_balance"], &limit(&policy.max_balance));
            prop_assert_eq!(&shown["supported_currencies"], &policy.supported_currencies);
            prop_assert_eq!(&shown["transfer_enabled"], &policy.transfer_enabled);
            model.commit(request, expect, "", None);
        }
        (Expect::Replay { wallet, entry }, Ok(Real::Outcome(o))) => {
            prop_assert!(o.replayed, "applied again instead of replayed");
            prop_assert_eq!(&o.entry.id, &model.entries[*entry].id);
            prop_assert_eq!(o.refunded, model.refunded(*entry));
            let w = &model.wallets[*wallet];
            prop_assert_eq!((o.wallet.available, o.wallet.frozen), (w.available, w.frozen));
            check_replayed_leg(model, *entry, &o)?;
        }
        (Expect::Posted(p), Ok(Real::Outcome(o))) => {
            check_posted(model, p, &o)?;
            // The second id the ledger minted: a new freeze's, or a transfer's receiving leg's.
            let second = match check_received(model, p, &o)? {
                Some(leg) => Some(leg),
                None => check_freeze(p, &o)?,
            };
            model.commit(request, expect, &o.entry.id, second.as_deref());
        }
        (Expect::Asked { freeze, auto, actor }, Ok(Real::Reviewed(r, hold))) => {
            check_asked(model, freeze, *auto, &r)?;
            let ids = AskIds {
                request: &r.request.id,
                freeze_entry: hold.as_deref().expect("a new request's hold"),
                freeze: &r.request.freeze_id,
                capture_entry: auto.then(|| r.entry.as_ref().expect("an approval's entry").id.as_str()),
            };
            model.commit_ask(freeze, *auto, *actor, ids);
        }
        (Expect::AskReplay { request }, Ok(Real::Reviewed(r, _))) => {
            let m = &model.requests[*request];
            prop_assert!(r.replayed && !r.created, "made again instead of replayed");
            prop_assert_eq!(r.request.id.as_str(), m.id.as_str());
            prop_assert_eq!(r.request.status.as_str(), state(m.state));
        }
        (
            Expect::Decided {
                request,
                approve,
                posted,
            },
            Ok(Real::Reviewed(r, _)),
        ) => {
            prop_assert!(!r.replayed && !r.created);
            let entry = r.entry.as_ref().expect("a decision's entry");
            prop_assert_eq!(entry.kind.as_str(), posted.kind.name());
            prop_assert_eq!(entry.amount.minor(), posted.amount);
            let expected = if *approve { "approved" } else { "rejected" };
            prop_assert_eq!(r.request.status.as_str(), expected);
            let w = &model.wallets[posted.wallet];
            prop_assert_eq!(
                (r.wallet.available, r.wallet.frozen),
                (w.available + posted.available_change, w.frozen + posted.frozen_change)
            );
            let id = entry.id.to_string();
            model.commit_decision(*request, *approve, posted, &id);
        }
        (expect, Err(e)) => prop_assert!(false, "expected {:?}, got error {}: {}", expect, e.code(), e),
        (expect, Ok(_)) => prop_assert!(false, "expected {:?}, got another success", expect),
    }
    Ok(())
}

fn state(s: ReviewState) -> &'static str {
    match s {
        ReviewState::Pending => "pending",
        ReviewState::Approved => "approved",
        ReviewState::Rejected => "rejected",
    }
}

/// A new request: held (and approved at once when `auto`), the wallet after it the model's.
fn check_asked(model: &Model, freeze: &Posted, auto: bool, r: &Reviewed) -> Result<(), TestCaseError> {
    prop_assert!(r.created && !r.replayed, "a new request expected");
    let expected = if auto { "approved" } else { "pending" };
    prop_assert_eq!(r.request.status.as_str(), expected);
    prop_assert_eq!(r.request.amount.minor(), freeze.amount);
    let w = &model.wallets[freeze.wallet];
    let captured = if auto { freeze.amount } else { 0 };
    prop_assert_eq!(
        (r.wallet.available, r.wallet.frozen),
        (w.available - freeze.amount, w.frozen + freeze.amount - captured)
    );
    Ok(())
}

/// The entry an accepted movement wrote, and its wallet after it, are the model's.
fn check_posted(model: &Model, p: &Posted, o: &Outcome) -> Result<(), TestCaseError> {
    prop_assert!(!o.replayed, "replayed instead of applied");
    let w = &model.wallets[p.wallet];
    let before = w.available + w.frozen;
    prop_assert_eq!(&o.wallet.id, &w.id);
    prop_assert_eq!(o.entry.kind.as_str(), p.kind.name());
    prop_assert_eq!(o.entry.amount.minor(), p.amount);
    prop_assert_eq!(o.entry.balance_before, before);
    prop_assert_eq!(o.entry.balance_after, before + p.available_change + p.frozen_change);
    prop_assert_eq!(
        (o.wallet.available, o.wallet.frozen),
        (w.available + p.available_change, w.frozen + p.frozen_change)
    );
    prop_assert_eq!(
        o.entry.original_id.as_deref(),
        p.refund_of.map(|e| model.entries[e].id.as_str())
    );
    if let Some(f) = p.releases {
        let record = o.freeze.as_ref().expect("an unfreeze returns its freeze");
        prop_assert_eq!(&record.id, &model.freezes[f].id);
        prop_assert_eq!(record.status, FreezeStatus::Released);
    }
    if let Some(f) = p.captures {
        let record = o.freeze.as_ref().expect("a capture returns its freeze");
        prop_assert_eq!(&record.id, &model.freezes[f].id);
        prop_assert_eq!(record.status, FreezeStatus::Captured);
        prop_assert_eq!(record.captured.map(|c| c.amount.minor()), Some(p.amount));
        prop_assert_eq!(o.entry.freeze_id.as_deref(), Some(record.id.as_str()));
        let paid = p.pays.as_ref().map(|(_, counterparty)| counterparty.as_str());
        prop_assert_eq!(o.entry.counterparty_id.as_deref(), paid);
    }
    Ok(())
}

/// The id of the freeze a freeze created.
fn check_freeze(p: &Posted, o: &Outcome) -> Result<Option<String>, TestCaseError> {
    if !p.creates_freeze {
        return Ok(None);
    }
    let record = o.freeze.as_ref().expect("a freeze returns its record");
    prop_assert_eq!((record.amount.minor(), record.status), (p.amount, FreezeStatus::Active));
    Ok(Some(record.id.to_string()))
}

/// A transfer's receiving leg, beside its sending leg `o.entry`, and the receiver after it;
/// its id when there is one.
fn check_received(model: &Model, p: &Posted, o: &Outcome) -> Result<Option<String>, TestCaseError> {
    let (receiver, received) = match (p.receives, o.received.as_deref()) {
        (None, None) => return Ok(None),
        (Some(receiver), Some(received)) => (receiver, received),
        (expected, real) => {
            let real = real.map(|r| r.wallet.id.to_string());
            return Err(TestCaseError::fail(format!(
                "receiver {expected:?} expected, got {real:?}"
            )));
        }
    };
    let w = &model.wallets[receiver];
    let before = w.available + w.frozen;
    let leg = &received.entry;
    prop_assert_eq!(&received.wallet.id, &w.id);
    prop_assert_eq!(leg.kind.as_str(), Kind::TransferIn.name());
    prop_assert_eq!(leg.amount.minor(), p.amount);
    prop_assert_eq!((leg.balance_before, leg.balance_after), (before, before + p.amount));
    prop_assert_eq!(
        (received.wallet.available, received.wallet.frozen),
        (w.available + p.amount, w.frozen)
    );
    // The twin of the sending leg: named as its original, with its description and moment,
    // and no reference_id of its own (the reference is the sender's).
    prop_assert_eq!(leg.original_id.as_deref(), Some(o.entry.id.as_str()));
    prop_assert_eq!(&leg.description, &o.entry.description);
    prop_assert_eq!(leg.created_at, o.entry.created_at);
    prop_assert_eq!(leg.reference_id.as_deref(), None);
    Ok(Some(leg.id.to_string()))
}

/// A replay of a transfer returns its receiving leg too, with the receiver as it is now; a
/// replay of anything else has none.
fn check_replayed_leg(model: &Model, entry: usize, o: &Outcome) -> Result<(), TestCaseError> {
    match (model.received_by(entry), o.received.as_deref()) {
        (None, None) => Ok(()),
        (Some(leg), Some(received)) => {
            let leg = &model.entries[leg];
            let w = &model.wallets[leg.wallet];
            prop_assert_eq!(&received.entry.id, &leg.id);
            prop_assert_eq!(&received.wallet.id, &w.id);
            prop_assert_eq!(
                (received.wallet.available, received.wallet.frozen),
                (w.available, w.frozen)
            );
            Ok(())
        }
        (leg, real) => {
            let real = real.map(|r| r.entry.id.to_string());
            Err(TestCaseError::fail(format!(
                "receiving leg {leg:?} expected, got {real:?}"
            )))
        }
    }
}

/// A wallet's balances, status and freezes in the ledger are the model's.
fn check_wallet(store: &mut Store, model: &Model, index: usize) -> Result<(), TestCaseError> {
    let w = &model.wallets[index];
    let scope = scope(w.scope);
    let real = ops::show_wallet(store, &scope, &w.user).expect("the wallet exists");
    prop_assert_eq!(&real.id, &w.id);
    prop_assert_eq!(
        (real.available, real.frozen, real.balance(), real.status.as_str()),
        (w.available, w.frozen, w.available + w.frozen, w.status.name()),
        "balances of {}",
        w.user
    );
    let page = PageRequest::new(Some(1), Some(100)).expect("page");
    let (_, freezes) = ops::freezes(store, &scope, &w.user, None, page).expect("freezes");
    let real: BTreeSet<(String, i64, bool)> = freezes
        .items
        .iter()
        .map(|f| (f.id.to_string(), f.amount.minor(), f.status == FreezeStatus::Active))
        .collect();
    let expected: BTreeSet<(String, i64, bool)> = model
        .freezes
        .iter()
        .filter(|f| f.wallet == index)
        .map(|f| (f.id.clone(), f.amount, f.active))
        .collect();
    prop_assert_eq!(real, expected, "freezes of {}", w.user);
    Ok(())
}

/// At the end: every wallet, every transaction with its refunded amount, `ledger verify` and
/// the trial balance.
fn check_ledger(store: &mut Store, model: &Model) -> Result<(), TestCaseError> {
    for index in 0..model.wallets.len() {
        check_wallet(store, model, index)?;
        let w = &model.wallets[index];
        let page = PageRequest::new(Some(1), Some(100)).expect("page");
        let (_, history) = ops::history(store, &scope(w.scope), &w.user, &Default::default(), page).expect("history");
        let real: BTreeSet<(String, String, i64, i64)> = history
            .items
            .iter()
            .map(|(e, refunded)| {
                (
                    e.id.to_string(),
                    e.kind.as_str().to_owned(),
                    e.amount.minor(),
                    *refunded,
                )
            })
            .collect();
        let expected: BTreeSet<(String, String, i64, i64)> = model
            .entries
            .iter()
            .filter(|e| e.wallet == index)
            .map(|e| (e.id.clone(), e.kind.name().to_owned(), e.amount, e.refunded))
            .collect();
        prop_assert_eq!(real, expected, "transactions of {}", w.user);
    }
    for (index, _) in SCOPES.iter().enumerate() {
        let page = PageRequest::new(Some(1), Some(100)).expect("page");
        let listed = ops::list_withdrawals(store, &scope(index), None, None, page).expect("requests");
        let real: BTreeSet<(String, String, i64)> = listed
            .items
            .iter()
            .map(|r| (r.id.to_string(), r.status.as_str().to_owned(), r.amount.minor()))
            .collect();
        let expected: BTreeSet<(String, String, i64)> = model
            .requests
            .iter()
            .filter(|r| model.wallets[r.wallet].scope == index)
            .map(|r| (r.id.clone(), state(r.state).to_owned(), r.amount))
            .collect();
        prop_assert_eq!(real, expected, "withdrawal requests of scope {}", index);
    }
    let report = ops::verify(store, &[]).expect("verify runs");
    prop_assert!(report.ok(), "ledger verify: {:?}", report.broken());
    let trial = ops::trial_balance(store, None).expect("trial balance");
    for total in &trial.totals {
        prop_assert_eq!(total.debit, total.credit, "trial balance of {}", total.currency);
    }
    prop_assert!(trial.balanced());
    Ok(())
}

/// Where the test ledgers live: memory-backed when the machine has it, because every write
/// is fsynced (synchronous=FULL) and the test is about rules, not disks.
fn workspace() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().expect("temporary folder")
}

/// A fresh ledger made by `ledgerctl init` once; each sequence starts from a copy of it, which
/// is much cheaper than running every migration a thousand times.
fn empty_ledger() -> &'static [u8] {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = workspace();
        let path = dir.path().join("empty.db");
        ops::init(&DbLocation::Path(path.clone()), 5_000).expect("init");
        // Closed, so the WAL is checkpointed into the file and the file alone is the ledger.
        std::fs::read(&path).expect("read the empty ledger")
    })
}

/// Noon UTC mid-month: the same day and month in every timezone the model's policies use.
fn pinned_instant() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-04-15T12:00:00Z")
        .expect("an instant")
        .with_timezone(&chrono::Utc)
}

fn run_sequence(steps: &[Step]) -> Result<(), TestCaseError> {
    // One pinned instant: every withdrawal of a sequence falls in one day and one month of any
    // policy's timezone, which the model counts as such.
    ops::set_clock(Clock::FixedForTests(pinned_instant()));
    let dir = workspace();
    let path = dir.path().join("ledger.db");
    std::fs::write(&path, empty_ledger()).expect("write the empty ledger");
    let mut store = Store::open(&DbLocation::Path(path), 5_000).expect("open");
    let mut model = Model::default();
    let mut requests = Vec::with_capacity(steps.len());
    for step in steps {
        let request = resolve(step, &model, &requests);
        let expect = model.predict(&request);
        let real = run(&mut store, &request);
        compare(&mut model, &request, &expect, real)
            .map_err(|e| TestCaseError::fail(format!("{e}\n  at {request:?}")))?;
        let touched: Vec<usize> = match &request {
            Request::Wallet {
                scope,
                user,
                op: Op::Transfer { to_user, .. },
            } => [user, to_user]
                .iter()
                .filter_map(|u| model.wallet_of(*scope, u))
                .collect(),
            Request::Wallet { scope, user, .. }
            | Request::SetStatus { scope, user, .. }
            | Request::CreateWallet { scope, user, .. } => model.wallet_of(*scope, user).into_iter().collect(),
            Request::InternalRefund { .. } => (0..model.wallets.len()).collect(),
            Request::SetPolicy { .. } => Vec::new(),
            Request::AskWithdrawal { scope, user, .. } => model.wallet_of(*scope, user).into_iter().collect(),
            Request::Decide { id, .. } => model
                .requests
                .iter()
                .filter(|r| r.id == *id)
                .map(|r| r.wallet)
                .collect(),
        };
        for index in touched {
            check_wallet(&mut store, &model, index)?;
        }
        requests.push(request);
    }
    check_ledger(&mut store, &model)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: env_number("LEDGERCTL_MODEL_CASES", 1_000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/model_based.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_operation_sequence_behaves_as_the_reference_model(steps in sequence()) {
        run_sequence(&steps)?;
    }
}
