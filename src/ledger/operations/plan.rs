//! What every operation's rule shares: the context it runs in, the draft entry it fills in,
//! and [`post`], which checks status, funds and limits from the postings themselves, so no
//! operation can forget them.

use super::status::WalletAction;
use crate::error::{Error, Result};
use crate::ledger::ids::{FreezeId, TransactionId};
use crate::ledger::model::{Account, Entry, Freeze, Postings, TxType, Wallet, WalletStatus};
use crate::ledger::money::{apply_change, Amount, Balance, Currency, Money};
use crate::ledger::time::Timestamp;

/// What the caller supplies besides the request: who, when, and the ids to mint.
#[derive(Debug, Clone)]
pub struct Context {
    pub actor: String,
    pub now: Timestamp,
    pub transaction_id: TransactionId,
    pub freeze_id: FreezeId,
}

/// What applying an operation will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub entry: Entry,
    pub wallet_after: Wallet,
    pub freeze: FreezeChange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FreezeChange {
    None,
    Create(Freeze),
    Release {
        freeze_id: FreezeId,
        released_at: Timestamp,
        reason: Option<String>,
    },
    /// The freeze ends `captured`: `amount` of it posted out at `at`, the rest released.
    Capture {
        freeze_id: FreezeId,
        amount: Amount,
        at: Timestamp,
    },
}

/// The outcome of looking up an operation's `reference_id` before acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Idempotency {
    /// No earlier entry: apply the operation.
    Apply,
    /// The same request was already applied as this transaction: return it, write nothing.
    Replay(TransactionId),
}

/// Decides a `reference_id` repeat: the same request replays, a different one conflicts.
pub fn idempotency(previous: Option<&Entry>, canonical_request: &str) -> Result<Idempotency> {
    match previous {
        None => Ok(Idempotency::Apply),
        Some(entry) if entry.request == canonical_request => Ok(Idempotency::Replay(entry.id.clone())),
        Some(entry) => Err(Error::ReferenceConflict {
            reference_id: entry.reference_id.clone().unwrap_or_default(),
            operation: entry.kind,
            wallet_id: entry.wallet_id.clone(),
            transaction_id: entry.id.clone(),
        }),
    }
}

/// What every entry has whatever its operation, filled in by the registry before the rule runs.
#[derive(Debug)]
pub(super) struct Common {
    kind: TxType,
    reference_id: Option<String>,
    request: String,
}

impl Common {
    pub fn new(kind: TxType, reference_id: Option<&str>, request: String) -> Common {
        Common {
            kind,
            reference_id: reference_id.map(str::to_owned),
            request,
        }
    }

    /// `amount` moved from `debit` to `credit`.
    pub fn transfer(self, debit: &Account, credit: &Account, currency: Currency, amount: Amount) -> Draft {
        self.moving(Postings::transfer(debit, credit, currency, amount), amount)
    }

    /// Postings that move `amount`.
    pub fn moving(self, postings: Postings, amount: Amount) -> Draft {
        Draft {
            common: self,
            postings,
            amount,
            counterparty_id: None,
            description: None,
            original_id: None,
            freeze_id: None,
        }
    }
}

/// An entry before the wallet's balances are applied to it; its rule fills in the public parts.
#[derive(Debug)]
pub(super) struct Draft {
    common: Common,
    postings: Postings,
    amount: Amount,
    pub counterparty_id: Option<String>,
    pub description: Option<String>,
    pub original_id: Option<TransactionId>,
    pub freeze_id: Option<FreezeId>,
}

/// Applies a draft's postings to the wallet, checking status, funds and limits in one place.
pub(super) fn post(wallet: &Wallet, draft: Draft, ctx: &Context, freeze: FreezeChange) -> Result<Plan> {
    let available_name = Account::available(wallet).name();
    let frozen_name = Account::frozen(wallet).name();
    // A liability grows with credits: a posting's signed amount moves its balance the other way.
    let change = |name: &str| -> i64 {
        draft
            .postings
            .iter()
            .filter(|p| p.account == name)
            .map(|p| -p.amount)
            .sum()
    };
    let (available_change, frozen_change) = (change(&available_name), change(&frozen_name));

    allowed(wallet, available_change, draft.common.kind)?;
    let currency = wallet.currency;
    if wallet.available + available_change < 0 {
        return Err(Error::InsufficientBalance {
            wallet_id: wallet.id.clone(),
            requested: Money::new(draft.amount.minor(), currency),
            available: Money::new(wallet.available, currency),
        });
    }
    let mut after = wallet.clone();
    after.available = apply_change(wallet.available, available_change, currency, Balance::Available)?;
    after.frozen = apply_change(wallet.frozen, frozen_change, currency, Balance::Frozen)?;
    apply_change(after.available, after.frozen, currency, Balance::Total)?;
    after.updated_at = ctx.now;

    let entry = Entry {
        id: ctx.transaction_id.clone(),
        wallet_id: wallet.id.clone(),
        kind: draft.common.kind,
        currency,
        amount: draft.amount,
        balance_before: wallet.balance(),
        balance_after: after.balance(),
        counterparty_id: draft.counterparty_id,
        description: draft.description,
        reference_id: draft.common.reference_id,
        original_id: draft.original_id,
        freeze_id: draft.freeze_id,
        postings: draft.postings,
        request: draft.common.request,
        actor: ctx.actor.clone(),
        created_at: ctx.now,
    };
    Ok(Plan {
        entry,
        wallet_after: after,
        freeze,
    })
}

/// A frozen wallet takes only what does not lower its available balance; a closed one nothing.
fn allowed(wallet: &Wallet, available_change: i64, kind: TxType) -> Result<()> {
    let allowed = match wallet.status {
        WalletStatus::Active => true,
        WalletStatus::Frozen => available_change >= 0,
        WalletStatus::Closed => false,
    };
    if allowed {
        return Ok(());
    }
    Err(Error::WalletNotActive {
        wallet_id: wallet.id.clone(),
        status: wallet.status,
        operation: WalletAction::Post(kind),
    })
}
