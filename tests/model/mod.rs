//! The reference model of the ledger: an obviously-correct, in-memory statement of its money
//! rules, written from SPEC.md and the docs and on purpose sharing no code with `src/ledger`.
//! Amounts are parsed by its own few lines, balances are plain `i64` minor units, refund caps,
//! freezes, statuses, counterparties and `reference_id` replays are tables, and a transfer is
//! two entries, one in each wallet (tests/model/transfer.rs); a capture ends a freeze with one entry
//! (tests/model/capture.rs). The state-machine test
//! (tests/model_based.rs) asks it what every request must do and holds the real operations
//! layer to that answer.

mod capture;
mod policy;
mod review;
mod transfer;

pub use policy::ModelPolicy;
pub use review::{AskIds, ModelRequest, ReviewState, ACTORS};

use std::collections::{BTreeMap, BTreeSet};

/// The caller scopes a test uses: two tenants of one application.
pub const SCOPES: [(&str, &str); 2] = [("ten_a", "app_1"), ("ten_b", "app_1")];

/// The limits (docs/limits.md): one operation moves at most 10^12 major units; a balance stays below
/// 10^14; an amount is at most 24 characters.
const AMOUNT_MAX_MAJOR: i128 = 1_000_000_000_000;
const BALANCE_MAX_MAJOR: i128 = 100_000_000_000_000;
const AMOUNT_TEXT_MAX: usize = 24;

/// ISO 4217 exponents of the currencies the test opens wallets in.
pub fn exponent(code: &str) -> Option<u32> {
    match code {
        "CNY" | "USD" => Some(2),
        "JPY" => Some(0),
        "KWD" => Some(3),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Deposit,
    Payment,
    Withdraw,
    Freeze,
    Unfreeze,
    Refund,
    AdjustCredit,
    AdjustDebit,
    TransferOut,
    TransferIn,
    Capture,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Deposit => "deposit",
            Kind::Payment => "payment",
            Kind::Withdraw => "withdraw",
            Kind::Freeze => "freeze",
            Kind::Unfreeze => "unfreeze",
            Kind::Refund => "refund",
            Kind::AdjustCredit => "adjust_credit",
            Kind::AdjustDebit => "adjust_debit",
            Kind::TransferOut => "transfer_out",
            Kind::TransferIn => "transfer_in",
            Kind::Capture => "capture",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Frozen,
    Closed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Frozen => "frozen",
            Status::Closed => "closed",
        }
    }
}

/// One money movement on a user's wallet, as the CLI's `wallet …` subcommands take it.
#[derive(Debug, Clone)]
pub enum Op {
    Deposit {
        amount: String,
        description: Option<String>,
        reference: Option<String>,
    },
    Payment {
        amount: String,
        counterparty: String,
        new_counterparty: bool,
        description: Option<String>,
        reference: Option<String>,
    },
    Withdraw {
        amount: String,
        description: Option<String>,
        reference: Option<String>,
    },
    Freeze {
        amount: String,
        reason: Option<String>,
        reference: Option<String>,
    },
    Unfreeze {
        freeze_id: String,
        reason: Option<String>,
        reference: Option<String>,
    },
    Refund {
        transaction_id: String,
        amount: Option<String>,
        reason: Option<String>,
        reference: Option<String>,
    },
    Adjust {
        credit: bool,
        amount: String,
        reason: String,
        reference: Option<String>,
    },
    /// `wallet transfer USER TO_USER`: the wallet it is applied to sends.
    Transfer {
        to_user: String,
        amount: String,
        description: Option<String>,
        reference: Option<String>,
    },
    /// `wallet capture USER --freeze-id F [--amount A] [--counterparty C]`.
    Capture {
        freeze_id: String,
        amount: Option<String>,
        counterparty: Option<String>,
        new_counterparty: bool,
        description: Option<String>,
        reference: Option<String>,
    },
}

/// One request, with every id already concrete.
#[derive(Debug, Clone)]
pub enum Request {
    CreateWallet {
        scope: usize,
        user: String,
        currency: String,
    },
    /// `wallet <op> --user USER`.
    Wallet { scope: usize, user: String, op: Op },
    /// `ledger refund TXN`: the wallet is the transaction's (an `Op::Refund`).
    InternalRefund { scope: usize, op: Op },
    SetStatus {
        scope: usize,
        user: String,
        to: Status,
        reason: Option<String>,
    },
    /// `policy set` with every field, in the scope's tenant and application.
    SetPolicy { scope: usize, policy: ModelPolicy },
    /// `withdrawal request USER --amount A` by `ACTORS[actor]`.
    AskWithdrawal {
        scope: usize,
        user: String,
        amount: String,
        remark: Option<String>,
        reference: Option<String>,
        actor: usize,
    },
    /// `withdrawal approve|reject ID` by `ACTORS[actor]`.
    Decide {
        scope: usize,
        id: String,
        approve: bool,
        actor: usize,
    },
}

#[derive(Debug, Clone)]
pub struct ModelWallet {
    pub scope: usize,
    pub user: String,
    pub id: String,
    pub currency: String,
    pub exponent: u32,
    pub status: Status,
    pub available: i64,
    pub frozen: i64,
}

#[derive(Debug, Clone)]
pub struct ModelEntry {
    pub id: String,
    pub wallet: usize,
    pub kind: Kind,
    pub amount: i64,
    pub refunded: i64,
    /// A `transfer_in`'s `transfer_out`, the sender's leg it pairs with.
    pub leg_of: Option<usize>,
    /// Money out to the settlement: a withdrawal, or a capture naming no counterparty; what
    /// a policy's withdrawal limits count.
    pub settles: bool,
}

#[derive(Debug, Clone)]
pub struct ModelFreeze {
    pub id: String,
    pub wallet: usize,
    pub amount: i64,
    pub active: bool,
    /// The freeze entry that made it.
    pub created_by: usize,
}

/// What an accepted movement writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub wallet: usize,
    pub kind: Kind,
    pub amount: i64,
    /// Changes of the wallet's available and frozen balances, in minor units.
    pub available_change: i64,
    pub frozen_change: i64,
    pub creates_freeze: bool,
    pub releases: Option<usize>,
    /// The freeze a capture ends.
    pub captures: Option<usize>,
    pub refund_of: Option<usize>,
    pub pays: Option<(usize, String)>,
    /// A transfer's receiving wallet: its `transfer_in` leg credits it with `amount`.
    pub receives: Option<usize>,
    /// (kind, reference_id, the request's parameters) when it carries a reference_id.
    pub reference: Option<(Kind, String, String)>,
}

/// What the model says a request must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Refused with this `error` name; nothing changes.
    Refused(&'static str),
    WalletCreated,
    StatusSet {
        wallet: usize,
        changed: bool,
    },
    PolicySet,
    /// A `reference_id` repeat of this entry: its result again, nothing written.
    Replay {
        wallet: usize,
        entry: usize,
    },
    Posted(Posted),
    /// A new withdrawal request: its hold, approved at once when `auto`.
    Asked {
        freeze: Posted,
        auto: bool,
        actor: usize,
    },
    /// A `reference_id` repeat of this request: it as it is now, nothing written.
    AskReplay {
        request: usize,
    },
    /// A pending request decided: `posted` is its capture or its release.
    Decided {
        request: usize,
        approve: bool,
        posted: Posted,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub wallets: Vec<ModelWallet>,
    pub entries: Vec<ModelEntry>,
    pub freezes: Vec<ModelFreeze>,
    /// (wallet, kind, reference_id) → (parameters, entry).
    references: BTreeMap<(usize, Kind, String), (String, usize)>,
    /// Counterparties ever paid, per scope.
    counterparties: BTreeSet<(usize, String)>,
    /// Each scope's policy, once set.
    policies: BTreeMap<usize, ModelPolicy>,
    /// Withdrawal requests, in the order they were made.
    pub requests: Vec<ModelRequest>,
}

/// The strict amount grammar: digits, optionally a dot and at least one digit, no leading zero.
fn grammar_ok(text: &str) -> bool {
    if text.is_empty() || text.len() > AMOUNT_TEXT_MAX {
        return false;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits) && !(whole.len() > 1 && whole.starts_with('0'))
}

/// The amount in minor units of a currency with `exponent` decimals, if it is one.
fn minor_units(text: &str, exponent: u32) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > exponent as usize {
        return None;
    }
    let mut value: i128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        value = value * 10 + i128::from(b - b'0');
    }
    for _ in fraction.len()..exponent as usize {
        value *= 10;
    }
    let max = AMOUNT_MAX_MAJOR * 10_i128.pow(exponent);
    (value > 0 && value <= max).then(|| i64::try_from(value).expect("below the maximum"))
}

/// Whether `w`'s balances, moved by these changes, stay within the balance limit.
fn within_limits(w: &ModelWallet, available_change: i64, frozen_change: i64) -> Result<(), &'static str> {
    let max = BALANCE_MAX_MAJOR * 10_i128.pow(w.exponent);
    let available = i128::from(w.available + available_change);
    let frozen = i128::from(w.frozen + frozen_change);
    if available > max || frozen > max || available + frozen > max {
        return Err("balance_limit_exceeded");
    }
    Ok(())
}

/// Minor units as a decimal text with `exponent` decimals (a negative one is a refused amount).
pub fn format_minor(minor: i64, exponent: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let digits = format!("{:0>width$}", minor.unsigned_abs(), width = exponent as usize + 1);
    let (whole, fraction) = digits.split_at(digits.len() - exponent as usize);
    match exponent {
        0 => format!("{sign}{whole}"),
        _ => format!("{sign}{whole}.{fraction}"),
    }
}

/// A free text as the ledger keeps it: trimmed, and absent when blank.
fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

impl Op {
    fn kind(&self) -> Kind {
        match self {
            Op::Deposit { .. } => Kind::Deposit,
            Op::Payment { .. } => Kind::Payment,
            Op::Withdraw { .. } => Kind::Withdraw,
            Op::Freeze { .. } => Kind::Freeze,
            Op::Unfreeze { .. } => Kind::Unfreeze,
            Op::Refund { .. } => Kind::Refund,
            Op::Adjust { credit: true, .. } => Kind::AdjustCredit,
            Op::Adjust { credit: false, .. } => Kind::AdjustDebit,
            Op::Transfer { .. } => Kind::TransferOut,
            Op::Capture { .. } => Kind::Capture,
        }
    }

    fn reference(&self) -> Option<&String> {
        match self {
            Op::Deposit { reference, .. }
            | Op::Payment { reference, .. }
            | Op::Withdraw { reference, .. }
            | Op::Freeze { reference, .. }
            | Op::Unfreeze { reference, .. }
            | Op::Refund { reference, .. }
            | Op::Adjust { reference, .. }
            | Op::Transfer { reference, .. }
            | Op::Capture { reference, .. } => reference.as_ref(),
        }
    }

    /// The amounts this request carries (a refund's may be absent).
    fn amount_texts(&self) -> Vec<&str> {
        match self {
            Op::Deposit { amount, .. }
            | Op::Payment { amount, .. }
            | Op::Withdraw { amount, .. }
            | Op::Freeze { amount, .. }
            | Op::Adjust { amount, .. }
            | Op::Transfer { amount, .. } => vec![amount],
            Op::Refund { amount, .. } | Op::Capture { amount, .. } => amount.iter().map(String::as_str).collect(),
            Op::Unfreeze { .. } => vec![],
        }
    }

    /// What the request itself gets wrong, before any wallet is looked at.
    fn malformed(&self) -> Option<&'static str> {
        // An adjustment's reason is read before its amount.
        if let Op::Adjust { reason, .. } = self {
            if reason.trim().is_empty() {
                return Some("invalid_request");
            }
        }
        if self.amount_texts().iter().any(|a| !grammar_ok(a)) {
            return Some("invalid_amount");
        }
        // A capture's permission for a new counterparty names none without one.
        if let Op::Capture {
            counterparty: None,
            new_counterparty: true,
            ..
        } = self
        {
            return Some("invalid_request");
        }
        None
    }

    /// The request's parameters in the currency's decimals: two requests with one reference_id
    /// are the same request exactly when these are equal (`new_counterparty` is a permission,
    /// not a parameter).
    fn parameters(&self, exponent: u32) -> Result<String, &'static str> {
        let amount = |text: &str| minor_units(text, exponent).ok_or("invalid_amount");
        Ok(match self {
            Op::Deposit {
                amount: a, description, ..
            }
            | Op::Withdraw {
                amount: a, description, ..
            } => format!("{}|{:?}", amount(a)?, text(description)),
            Op::Payment {
                amount: a,
                counterparty,
                description,
                ..
            } => format!("{}|{counterparty}|{:?}", amount(a)?, text(description)),
            Op::Freeze { amount: a, reason, .. } => format!("{}|{:?}", amount(a)?, text(reason)),
            Op::Unfreeze { freeze_id, reason, .. } => format!("{freeze_id}|{:?}", text(reason)),
            Op::Refund {
                transaction_id,
                amount: a,
                reason,
                ..
            } => {
                let a = a.as_deref().map(amount).transpose()?;
                format!("{transaction_id}|{a:?}|{:?}", text(reason))
            }
            Op::Adjust {
                credit,
                amount: a,
                reason,
                ..
            } => format!("{credit}|{}|{:?}", amount(a)?, reason.trim()),
            // The receiver by its user id, as the sender named it.
            Op::Transfer {
                to_user,
                amount: a,
                description,
                ..
            } => format!("{to_user}|{}|{:?}", amount(a)?, text(description)),
            Op::Capture {
                freeze_id,
                amount: a,
                counterparty,
                description,
                ..
            } => {
                let a = a.as_deref().map(amount).transpose()?;
                format!("{freeze_id}|{a:?}|{counterparty:?}|{:?}", text(description))
            }
        })
    }
}

impl Model {
    pub fn wallet_of(&self, scope: usize, user: &str) -> Option<usize> {
        self.wallets.iter().position(|w| w.scope == scope && w.user == user)
    }

    fn entry_by_id(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    pub fn refunded(&self, entry: usize) -> i64 {
        self.entries[entry].refunded
    }

    pub fn predict(&self, request: &Request) -> Expect {
        match self.decide(request) {
            Ok(expect) => expect,
            Err(code) => Expect::Refused(code),
        }
    }

    fn decide(&self, request: &Request) -> Result<Expect, &'static str> {
        match request {
            Request::CreateWallet { scope, user, currency } => {
                exponent(currency).ok_or("invalid_request")?;
                if self.wallet_of(*scope, user).is_some() {
                    return Err("wallet_exists");
                }
                self.policy_of(*scope).currency(currency)?;
                Ok(Expect::WalletCreated)
            }
            Request::SetPolicy { .. } => Ok(Expect::PolicySet),
            Request::AskWithdrawal {
                scope,
                user,
                amount,
                remark,
                reference,
                actor,
            } => {
                let hold = Op::Freeze {
                    amount: amount.clone(),
                    reason: remark.clone(),
                    reference: reference.clone(),
                };
                if let Some(code) = hold.malformed() {
                    return Err(code);
                }
                let wallet = self.wallet_of(*scope, user).ok_or("wallet_not_found")?;
                let held = self.movement(wallet, &hold)?;
                self.ask(held, *actor)
            }
            Request::Decide {
                scope,
                id,
                approve,
                actor,
            } => self.decide_request(*scope, id, *approve, *actor),
            Request::SetStatus {
                scope,
                user,
                to,
                reason,
            } => {
                let wallet = self.wallet_of(*scope, user).ok_or("wallet_not_found")?;
                text(reason).ok_or("invalid_request")?;
                let w = &self.wallets[wallet];
                if w.status == *to {
                    return Ok(Expect::StatusSet { wallet, changed: false });
                }
                if w.status == Status::Closed {
                    return Err("wallet_not_active");
                }
                if *to == Status::Closed && w.available + w.frozen != 0 {
                    return Err("wallet_not_empty");
                }
                Ok(Expect::StatusSet { wallet, changed: true })
            }
            Request::Wallet { scope, user, op } => {
                if let Some(code) = op.malformed() {
                    return Err(code);
                }
                let wallet = self.wallet_of(*scope, user).ok_or("wallet_not_found")?;
                // A transfer finds both wallets, and tells them apart, before anything else.
                if let Op::Transfer { to_user, .. } = op {
                    self.receiver(*scope, wallet, to_user)?;
                }
                self.movement(wallet, op)
            }
            Request::InternalRefund { scope, op } => {
                if let Some(code) = op.malformed() {
                    return Err(code);
                }
                let Op::Refund { transaction_id, .. } = op else {
                    unreachable!("an internal refund is a refund")
                };
                let entry = self.entry_by_id(transaction_id).ok_or("transaction_not_found")?;
                let wallet = self.entries[entry].wallet;
                if self.wallets[wallet].scope != *scope {
                    return Err("transaction_not_found");
                }
                self.movement(wallet, op)
            }
        }
    }

    /// A money movement on a known wallet: the rules of SPEC section 2, in their order.
    fn movement(&self, wallet: usize, op: &Op) -> Result<Expect, &'static str> {
        let w = &self.wallets[wallet];
        let parameters = op.parameters(w.exponent)?;
        let kind = op.kind();
        // `wallet adjust` is one operation whichever its direction: a reference_id used for a
        // credit conflicts with the same one on a debit.
        let operation = match kind {
            Kind::AdjustDebit => Kind::AdjustCredit,
            other => other,
        };
        let reference = op.reference().cloned();
        if let Some(r) = &reference {
            if let Some((earlier, entry)) = self.references.get(&(wallet, operation, r.clone())) {
                return if *earlier == parameters {
                    Ok(Expect::Replay { wallet, entry: *entry })
                } else {
                    Err("reference_conflict")
                };
            }
        }
        let amount_of = |text: &str| minor_units(text, w.exponent).expect("checked by parameters");
        let mut posted = Posted {
            wallet,
            kind,
            amount: 0,
            available_change: 0,
            frozen_change: 0,
            creates_freeze: false,
            releases: None,
            captures: None,
            refund_of: None,
            pays: None,
            receives: None,
            reference: reference.map(|r| (operation, r, parameters)),
        };
        match op {
            Op::Deposit { amount, .. } => {
                posted.amount = amount_of(amount);
                posted.available_change = posted.amount;
            }
            Op::Payment {
                amount,
                counterparty,
                new_counterparty,
                ..
            } => {
                let key = (w.scope, counterparty.clone());
                if !new_counterparty && !self.counterparties.contains(&key) {
                    return Err("counterparty_not_found");
                }
                posted.amount = amount_of(amount);
                posted.available_change = -posted.amount;
                posted.pays = Some(key);
            }
            Op::Withdraw { amount, .. } => {
                posted.amount = amount_of(amount);
                posted.available_change = -posted.amount;
            }
            Op::Freeze { amount, .. } => {
                posted.amount = amount_of(amount);
                posted.available_change = -posted.amount;
                posted.frozen_change = posted.amount;
                posted.creates_freeze = true;
            }
            Op::Unfreeze { freeze_id, .. } => {
                let f = self
                    .freezes
                    .iter()
                    .position(|f| f.id == *freeze_id)
                    .ok_or("freeze_not_found")?;
                let record = &self.freezes[f];
                if record.wallet != wallet {
                    return Err("freeze_not_found");
                }
                if !record.active {
                    return Err("freeze_not_active");
                }
                self.not_under_review(f)?;
                posted.amount = record.amount;
                posted.available_change = record.amount;
                posted.frozen_change = -record.amount;
                posted.releases = Some(f);
            }
            Op::Refund {
                transaction_id, amount, ..
            } => {
                let e = self.entry_by_id(transaction_id).ok_or("transaction_not_found")?;
                let original = &self.entries[e];
                if original.wallet != wallet {
                    return Err("transaction_not_found");
                }
                let sign = match original.kind {
                    // A capture is the withdrawal or payment it posted; its refund goes back
                    // to available.
                    Kind::Payment | Kind::Withdraw | Kind::Capture => 1,
                    Kind::Deposit => -1,
                    // Neither leg of a transfer: it is undone by a transfer back.
                    Kind::Freeze
                    | Kind::Unfreeze
                    | Kind::Refund
                    | Kind::AdjustCredit
                    | Kind::AdjustDebit
                    | Kind::TransferOut
                    | Kind::TransferIn => return Err("not_refundable"),
                };
                let remaining = original.amount - original.refunded;
                let requested = match amount {
                    Some(text) => amount_of(text),
                    None if remaining > 0 => remaining,
                    None => return Err("exceeds_refundable_amount"),
                };
                if requested > remaining {
                    return Err("exceeds_refundable_amount");
                }
                posted.amount = requested;
                posted.available_change = sign * requested;
                posted.refund_of = Some(e);
            }
            Op::Adjust { credit, amount, .. } => {
                posted.amount = amount_of(amount);
                posted.available_change = if *credit { posted.amount } else { -posted.amount };
            }
            Op::Transfer { to_user, amount, .. } => {
                posted.amount = amount_of(amount);
                posted.available_change = -posted.amount;
                posted.receives = Some(self.receiver(w.scope, wallet, to_user)?);
            }
            Op::Capture {
                freeze_id,
                amount,
                counterparty,
                new_counterparty,
                ..
            } => {
                let c = capture::Capture {
                    freeze_id,
                    amount: amount.as_deref(),
                    counterparty: counterparty.as_deref(),
                    new_counterparty: *new_counterparty,
                };
                self.capture(&c, &mut posted)?;
            }
        }
        let allowed = match w.status {
            Status::Active => true,
            Status::Frozen => posted.available_change >= 0,
            Status::Closed => false,
        };
        if !allowed {
            return Err("wallet_not_active");
        }
        if w.available + posted.available_change < 0 {
            return Err("insufficient_balance");
        }
        within_limits(w, posted.available_change, posted.frozen_change)?;
        let policy = self.policy_of(w.scope);
        match kind {
            // A capture to the settlement is a withdrawal, to a counterparty a payment; with
            // review required neither a withdrawal nor such a capture goes around it.
            Kind::Withdraw | Kind::Capture if posted.pays.is_none() => {
                policy.review(posted.amount, w.exponent)?;
                policy.withdraw(posted.amount, self.withdrawn(wallet), w.exponent)?
            }
            Kind::Deposit => policy.inflow(w.available + w.frozen + posted.amount, w.exponent)?,
            Kind::TransferOut => policy.transfer()?,
            _ => {}
        }
        if let Some(receiver) = posted.receives {
            self.receiving(wallet, receiver, posted.amount)?;
            let r = &self.wallets[receiver];
            policy.inflow(r.available + r.frozen + posted.amount, r.exponent)?;
        }
        Ok(Expect::Posted(posted))
    }

    /// Records what an accepted request did, with the ids the ledger gave its new objects: the
    /// entry's, a new freeze's, a transfer's receiving leg's.
    pub fn commit(&mut self, request: &Request, expect: &Expect, new_id: &str, second_id: Option<&str>) {
        match expect {
            // Recorded by `commit_ask` and `commit_decision`, with the ids the ledger gave.
            Expect::Refused(_)
            | Expect::Replay { .. }
            | Expect::Asked { .. }
            | Expect::AskReplay { .. }
            | Expect::Decided { .. } => {}
            Expect::WalletCreated => {
                let Request::CreateWallet { scope, user, currency } = request else {
                    unreachable!()
                };
                self.wallets.push(ModelWallet {
                    scope: *scope,
                    user: user.clone(),
                    id: new_id.to_owned(),
                    exponent: exponent(currency).expect("checked"),
                    currency: currency.clone(),
                    status: Status::Active,
                    available: 0,
                    frozen: 0,
                });
            }
            Expect::StatusSet { wallet, .. } => {
                let Request::SetStatus { to, .. } = request else {
                    unreachable!()
                };
                self.wallets[*wallet].status = *to;
            }
            Expect::PolicySet => {
                let Request::SetPolicy { scope, policy } = request else {
                    unreachable!()
                };
                self.policies.insert(*scope, policy.clone());
            }
            Expect::Posted(p) => self.commit_posted(p, new_id, second_id),
        }
    }

    /// Records an accepted movement, with the ids the ledger gave it: the entry's, a new
    /// freeze's or a transfer's receiving leg's.
    pub fn commit_posted(&mut self, p: &Posted, new_id: &str, second_id: Option<&str>) {
        let w = &mut self.wallets[p.wallet];
        w.available += p.available_change;
        w.frozen += p.frozen_change;
        let entry = self.entries.len();
        self.entries.push(ModelEntry {
            id: new_id.to_owned(),
            wallet: p.wallet,
            kind: p.kind,
            amount: p.amount,
            refunded: 0,
            leg_of: None,
            settles: p.kind == Kind::Withdraw || (p.kind == Kind::Capture && p.pays.is_none()),
        });
        if let Some(receiver) = p.receives {
            self.receive(receiver, entry, p.amount, second_id.expect("a transfer has two legs"));
        }
        if let Some(original) = p.refund_of {
            self.entries[original].refunded += p.amount;
        }
        if let Some(f) = p.releases.or(p.captures) {
            self.freezes[f].active = false;
        }
        if p.creates_freeze {
            self.freezes.push(ModelFreeze {
                id: second_id.expect("a freeze has a record").to_owned(),
                wallet: p.wallet,
                amount: p.amount,
                active: true,
                created_by: entry,
            });
        }
        if let Some(key) = &p.pays {
            self.counterparties.insert(key.clone());
        }
        if let Some((kind, reference, parameters)) = &p.reference {
            self.references
                .insert((p.wallet, *kind, reference.clone()), (parameters.clone(), entry));
        }
    }
}
