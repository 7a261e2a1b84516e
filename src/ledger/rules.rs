//! The rules of every wallet operation, as pure functions over loaded state.
//!
//! Each turns a wallet, a validated [`Operation`] and what the operation refers to (the
//! original of a refund, the record of an unfreeze) into a [`Plan`]: the one journal entry to
//! append and the wallet as it will be. Funds, status and limits are checked in one place,
//! [`post`], from the postings themselves, so no operation can forget them.

use super::model::{Account, Entry, Freeze, FreezeStatus, Posting, Scope, TxType, Wallet, WalletStatus};
use super::money::{apply_change, Amount, Currency};
use super::request::{Direction, Operation};
use crate::error::{Error, Result};

/// What the caller supplies besides the request: who, when, and the ids to mint.
#[derive(Debug, Clone)]
pub struct Context {
    pub actor: String,
    pub now: String,
    pub transaction_id: String,
    pub freeze_id: String,
}

/// What an operation refers to, loaded by the caller before the rule runs.
#[derive(Debug, Clone)]
pub enum Referent {
    None,
    /// A refund's original transaction and the sum of its earlier refunds, in minor units.
    Original {
        entry: Entry,
        refunded: i64,
    },
    /// An unfreeze's freeze record.
    Freeze(Freeze),
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
    Release { freeze_id: String, released_at: String },
}

/// The outcome of looking up an operation's `reference_id` before acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Idempotency {
    /// No earlier entry: apply the operation.
    Apply,
    /// The same request was already applied as this transaction: return it, write nothing.
    Replay(String),
}

/// Decides a `reference_id` repeat: the same request replays, a different one conflicts.
pub fn idempotency(previous: Option<&Entry>, canonical_request: &str) -> Result<Idempotency> {
    match previous {
        None => Ok(Idempotency::Apply),
        Some(entry) if entry.request == canonical_request => Ok(Idempotency::Replay(entry.id.clone())),
        Some(entry) => Err(Error::ReferenceConflict {
            reference_id: entry.reference_id.clone().unwrap_or_default(),
            operation: entry.kind.to_string(),
            wallet_id: entry.wallet_id.clone(),
            transaction_id: entry.id.clone(),
        }),
    }
}

/// Plans `operation` on `wallet`.
pub fn plan(wallet: &Wallet, operation: &Operation, referent: Referent, ctx: &Context) -> Result<Plan> {
    let currency = wallet.currency;
    let request = operation.canonical(currency)?;
    let transfer = |debit: Account, credit: Account, amount: Amount| {
        (Entry::transfer_postings(&debit, &credit, currency, amount), amount)
    };
    let draft = |(postings, amount): (Vec<Posting>, Amount)| Draft {
        kind: operation.kind(),
        postings,
        amount,
        counterparty_id: None,
        description: None,
        reference_id: operation.reference_id().map(str::to_owned),
        original_id: None,
        freeze_id: None,
        request: request.clone(),
    };
    let available = Account::available(wallet);
    match (operation, referent) {
        (
            Operation::Deposit {
                amount, description, ..
            },
            Referent::None,
        ) => {
            let mut d = draft(transfer(
                Account::Settlement(currency),
                available,
                amount.in_currency(currency)?,
            ));
            d.description = description.clone();
            post(wallet, d, ctx, FreezeChange::None)
        }
        (
            Operation::Payment {
                amount,
                counterparty_id,
                description,
                ..
            },
            Referent::None,
        ) => {
            let counterparty = Account::Counterparty {
                tenant_id: wallet.tenant_id.clone(),
                application_id: wallet.application_id.clone(),
                counterparty_id: counterparty_id.clone(),
            };
            let mut d = draft(transfer(available, counterparty, amount.in_currency(currency)?));
            d.counterparty_id = Some(counterparty_id.clone());
            d.description = description.clone();
            post(wallet, d, ctx, FreezeChange::None)
        }
        (
            Operation::Withdraw {
                amount, description, ..
            },
            Referent::None,
        ) => {
            let mut d = draft(transfer(
                available,
                Account::Settlement(currency),
                amount.in_currency(currency)?,
            ));
            d.description = description.clone();
            post(wallet, d, ctx, FreezeChange::None)
        }
        (Operation::Freeze { amount, reason }, Referent::None) => {
            let amount = amount.in_currency(currency)?;
            let mut d = draft(transfer(available, Account::frozen(wallet), amount));
            d.description = reason.clone();
            d.freeze_id = Some(ctx.freeze_id.clone());
            let record = Freeze {
                id: ctx.freeze_id.clone(),
                wallet_id: wallet.id.clone(),
                amount,
                reason: reason.clone(),
                status: FreezeStatus::Active,
                created_at: ctx.now.clone(),
                released_at: None,
            };
            post(wallet, d, ctx, FreezeChange::Create(record))
        }
        (Operation::Unfreeze { .. }, Referent::Freeze(record)) => {
            if record.wallet_id != wallet.id {
                return Err(Error::FreezeNotFound { freeze_id: record.id });
            }
            if record.status != FreezeStatus::Active {
                return Err(Error::FreezeNotActive {
                    freeze_id: record.id,
                    status: record.status.as_str().to_owned(),
                });
            }
            let mut d = draft(transfer(Account::frozen(wallet), available, record.amount));
            d.description = Some(match &record.reason {
                Some(reason) => format!("unfreeze of {}: {reason}", record.id),
                None => format!("unfreeze of {}", record.id),
            });
            d.freeze_id = Some(record.id.clone());
            let release = FreezeChange::Release {
                freeze_id: record.id,
                released_at: ctx.now.clone(),
            };
            post(wallet, d, ctx, release)
        }
        (
            Operation::Refund { amount, reason, .. },
            Referent::Original {
                entry: original,
                refunded,
            },
        ) => {
            if original.wallet_id != wallet.id {
                return Err(Error::TransactionNotFound {
                    transaction_id: original.id,
                });
            }
            if !original.kind.is_refundable() {
                return Err(Error::NotRefundable {
                    transaction_id: original.id,
                    kind: original.kind.to_string(),
                });
            }
            let remaining = original.amount.minor() - refunded;
            let requested = match amount {
                Some(text) => text.in_currency(currency)?,
                None => Amount::from_stored(remaining).ok_or_else(|| Error::ExceedsRefundable {
                    transaction_id: original.id.clone(),
                    requested: "the remaining amount".to_owned(),
                    remaining: currency.format(0),
                })?,
            };
            if requested.minor() > remaining {
                return Err(Error::ExceedsRefundable {
                    transaction_id: original.id.clone(),
                    requested: currency.format(requested.minor()),
                    remaining: currency.format(remaining),
                });
            }
            // The mirror of the original: what it debited is credited back, and vice versa.
            let [debited, credited] = original.postings.as_slice() else {
                return Err(Error::internal(format!(
                    "transaction {} does not have two postings",
                    original.id
                )));
            };
            let mut d = draft((mirror(debited, credited, requested), requested));
            d.counterparty_id = original.counterparty_id.clone();
            d.description = Some(match reason {
                Some(reason) => format!("refund of {}: {reason}", original.id),
                None => format!("refund of {}", original.id),
            });
            d.original_id = Some(original.id);
            post(wallet, d, ctx, FreezeChange::None)
        }
        (
            Operation::Adjust {
                direction,
                amount,
                reason,
                ..
            },
            Referent::None,
        ) => {
            let amount = amount.in_currency(currency)?;
            let equity = Account::Adjustments(currency);
            let mut d = match direction {
                Direction::Credit => draft(transfer(equity, available, amount)),
                Direction::Debit => draft(transfer(available, equity, amount)),
            };
            d.description = Some(reason.clone());
            post(wallet, d, ctx, FreezeChange::None)
        }
        (operation, referent) => Err(Error::internal(format!(
            "{} was planned with the wrong referent {referent:?}",
            operation.kind()
        ))),
    }
}

/// The two postings that reverse `amount` of an original entry's postings.
fn mirror(debited: &Posting, credited: &Posting, amount: Amount) -> Vec<Posting> {
    vec![
        Posting {
            account: credited.account.clone(),
            currency: credited.currency.clone(),
            amount: amount.minor(),
        },
        Posting {
            account: debited.account.clone(),
            currency: debited.currency.clone(),
            amount: -amount.minor(),
        },
    ]
}

/// An entry before the wallet's balances are applied to it.
struct Draft {
    kind: TxType,
    postings: Vec<Posting>,
    amount: Amount,
    counterparty_id: Option<String>,
    description: Option<String>,
    reference_id: Option<String>,
    original_id: Option<String>,
    freeze_id: Option<String>,
    request: String,
}

/// Applies a draft's postings to the wallet, checking status, funds and limits in one place.
fn post(wallet: &Wallet, draft: Draft, ctx: &Context, freeze: FreezeChange) -> Result<Plan> {
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
    debug_assert_eq!(draft.postings.iter().map(|p| p.amount).sum::<i64>(), 0);

    let allowed = match wallet.status {
        WalletStatus::Active => true,
        WalletStatus::Frozen => available_change >= 0,
        WalletStatus::Closed => false,
    };
    if !allowed {
        return Err(Error::WalletNotActive {
            wallet_id: wallet.id.clone(),
            status: wallet.status.as_str().to_owned(),
            operation: draft.kind.to_string(),
        });
    }
    let currency = wallet.currency;
    if wallet.available + available_change < 0 {
        return Err(Error::InsufficientBalance {
            wallet_id: wallet.id.clone(),
            requested: format!("{} {currency}", currency.format(draft.amount.minor())),
            available: format!("{} {currency}", currency.format(wallet.available)),
        });
    }
    let mut after = wallet.clone();
    after.available = apply_change(wallet.available, available_change, currency, "the available balance")?;
    after.frozen = apply_change(wallet.frozen, frozen_change, currency, "the frozen balance")?;
    apply_change(after.available, after.frozen, currency, "the balance")?;
    after.updated_at = ctx.now.clone();

    let entry = Entry {
        id: ctx.transaction_id.clone(),
        wallet_id: wallet.id.clone(),
        kind: draft.kind,
        currency,
        amount: draft.amount,
        balance_before: wallet.balance(),
        balance_after: after.balance(),
        counterparty_id: draft.counterparty_id,
        description: draft.description,
        reference_id: draft.reference_id,
        original_id: draft.original_id,
        freeze_id: draft.freeze_id,
        postings: draft.postings,
        request: draft.request,
        actor: ctx.actor.clone(),
        created_at: ctx.now.clone(),
    };
    Ok(Plan {
        entry,
        wallet_after: after,
        freeze,
    })
}

/// Plans opening a wallet for a user in a scope; nothing is posted until money moves.
pub fn open_wallet(scope: &Scope, user_id: &str, currency: Currency, id: String, now: &str) -> Wallet {
    Wallet {
        id,
        tenant_id: scope.tenant_id.clone(),
        application_id: scope.application_id.clone(),
        user_id: user_id.to_owned(),
        currency,
        status: WalletStatus::Active,
        available: 0,
        frozen: 0,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    }
}
