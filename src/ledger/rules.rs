//! The rules of every wallet operation, as pure functions over loaded state.
//!
//! Each turns a wallet, a validated [`Operation`] and what the operation refers to (the
//! original of a refund, the record of an unfreeze) into a [`Plan`]: the one journal entry to
//! append and the wallet as it will be. Funds, status and limits are checked in one place,
//! [`post`], from the postings themselves, so no operation can forget them.

use super::model::{Account, Entry, Freeze, FreezeStatus, Posting, Scope, StatusChange, TxType, Wallet, WalletStatus};
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
    Release {
        freeze_id: String,
        released_at: String,
        reason: Option<String>,
    },
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
        (Operation::Freeze { amount, reason, .. }, Referent::None) => {
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
                release_reason: None,
            };
            post(wallet, d, ctx, FreezeChange::Create(record))
        }
        (Operation::Unfreeze { reason, .. }, Referent::Freeze(record)) => {
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
            // The unfreeze's own reason is its `reason` (in its request), not part of the description.
            d.description = Some(format!("unfreeze of {}", record.id));
            d.freeze_id = Some(record.id.clone());
            let release = FreezeChange::Release {
                freeze_id: record.id,
                released_at: ctx.now.clone(),
                reason: reason.clone(),
            };
            post(wallet, d, ctx, release)
        }
        (
            Operation::Refund { amount, .. },
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
            // The reason stays in the request (the transaction's `reason`), not in the description.
            d.description = Some(format!("refund of {}", original.id));
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

/// Plans a change of a wallet's status. `None` when the wallet already has it (nothing to do).
///
/// A closed wallet stays closed, and only an empty wallet (balance 0, so no active freeze
/// either) can be closed. A reason is always required: it is the audit trail.
pub fn change_status(
    wallet: &Wallet,
    to: WalletStatus,
    reason: Option<String>,
    ctx: &Context,
) -> Result<Option<(Wallet, StatusChange)>> {
    let reason = super::request::text("reason", reason)?
        .ok_or_else(|| Error::invalid("reason", "a status change needs a reason"))?;
    if wallet.status == to {
        return Ok(None);
    }
    if wallet.status == WalletStatus::Closed {
        return Err(Error::WalletNotActive {
            wallet_id: wallet.id.clone(),
            status: wallet.status.as_str().to_owned(),
            operation: format!("reopening it as {}", to.as_str()),
        });
    }
    if to == WalletStatus::Closed && wallet.balance() != 0 {
        return Err(Error::WalletNotEmpty {
            wallet_id: wallet.id.clone(),
            balance: format!("{} {}", wallet.currency.format(wallet.balance()), wallet.currency),
        });
    }
    let mut after = wallet.clone();
    after.status = to;
    after.updated_at = ctx.now.clone();
    let change = StatusChange {
        wallet_id: wallet.id.clone(),
        from: wallet.status,
        to,
        reason,
        actor: ctx.actor.clone(),
        created_at: ctx.now.clone(),
    };
    Ok(Some((after, change)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::model::{NormalSide, Scope};

    fn ctx(n: u32) -> Context {
        Context {
            actor: "cli:test".into(),
            now: "2026-04-15T10:30:00Z".into(),
            transaction_id: format!("txn_{n}"),
            freeze_id: format!("frz_{n}"),
        }
    }

    fn wallet(currency: Currency, available: i64, frozen: i64) -> Wallet {
        let scope = Scope {
            tenant_id: "tnt".into(),
            application_id: "app".into(),
        };
        let mut w = open_wallet(&scope, "usr_1", currency, "wlt_1".into(), "2026-01-01T00:00:00Z");
        w.available = available;
        w.frozen = frozen;
        w
    }

    fn run(w: &Wallet, op: Operation) -> Result<Plan> {
        plan(w, &op, Referent::None, &ctx(1))
    }

    /// Every plan's postings sum to zero and its wallet moves exactly as its postings say.
    fn assert_consistent(before: &Wallet, p: &Plan) {
        assert_eq!(p.entry.postings.iter().map(|x| x.amount).sum::<i64>(), 0);
        assert_eq!(p.entry.balance_before, before.balance());
        assert_eq!(p.entry.balance_after, p.wallet_after.balance());
        assert!(p.wallet_after.available >= 0 && p.wallet_after.frozen >= 0);
    }

    #[test]
    fn a_deposit_debits_settlement_and_credits_the_wallet() {
        let w = wallet(Currency::CNY, 0, 0);
        let p = run(&w, Operation::deposit("1000", None, None).unwrap()).unwrap();
        assert_consistent(&w, &p);
        assert_eq!(p.entry.postings[0].account, "assets:settlement:CNY");
        assert_eq!(p.entry.postings[0].amount, 100_000);
        assert_eq!(p.entry.postings[1].account, "liabilities:wallet:wlt_1:available");
        assert_eq!(p.wallet_after.available, 100_000);
    }

    #[test]
    fn debits_need_the_available_balance_not_the_total() {
        let w = wallet(Currency::CNY, 90_000, 10_000); // SPEC: 1000.00 total, 100.00 frozen
        assert_eq!(w.balance(), 100_000);
        for op in [
            Operation::withdraw("900.01", None, None).unwrap(),
            Operation::payment("900.01", "mch_1", true, None, None).unwrap(),
            Operation::freeze("900.01", None, None).unwrap(),
            Operation::adjust(Direction::Debit, "900.01", "fix", None).unwrap(),
        ] {
            let kind = op.kind();
            assert_eq!(run(&w, op).unwrap_err().code(), "insufficient_balance", "{kind}");
        }
        let p = run(&w, Operation::withdraw("900.00", None, None).unwrap()).unwrap();
        assert_consistent(&w, &p);
        assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (0, 10_000));
    }

    #[test]
    fn a_freeze_moves_available_to_frozen_and_leaves_the_balance() {
        let w = wallet(Currency::CNY, 100_000, 0);
        let p = run(
            &w,
            Operation::freeze("100.00", Some("Dispute freeze".into()), None).unwrap(),
        )
        .unwrap();
        assert_consistent(&w, &p);
        assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (90_000, 10_000));
        assert_eq!(p.entry.balance_before, p.entry.balance_after);
        let FreezeChange::Create(record) = &p.freeze else {
            panic!("a freeze creates a record")
        };
        assert_eq!(
            (record.id.as_str(), record.status, record.amount.minor()),
            ("frz_1", FreezeStatus::Active, 10_000)
        );
    }

    #[test]
    fn an_unfreeze_releases_only_an_active_freeze_of_this_wallet() {
        let w = wallet(Currency::CNY, 90_000, 10_000);
        let record = Freeze {
            id: "frz_9".into(),
            wallet_id: "wlt_1".into(),
            amount: Amount::from_stored(10_000).unwrap(),
            reason: None,
            status: FreezeStatus::Active,
            created_at: "2026-04-10T00:00:00Z".into(),
            released_at: None,
            release_reason: None,
        };
        let op = Operation::unfreeze("frz_01ARZ3NDEKTSV4RRFFQ69G5FAV", Some("cleared".into()), None).unwrap();
        let p = plan(&w, &op, Referent::Freeze(record.clone()), &ctx(2)).unwrap();
        assert_consistent(&w, &p);
        assert_eq!((p.wallet_after.available, p.wallet_after.frozen), (100_000, 0));
        assert_eq!(
            p.freeze,
            FreezeChange::Release {
                freeze_id: "frz_9".into(),
                released_at: "2026-04-15T10:30:00Z".into(),
                reason: Some("cleared".into()),
            }
        );

        let released = Freeze {
            status: FreezeStatus::Released,
            ..record.clone()
        };
        assert_eq!(
            plan(&w, &op, Referent::Freeze(released), &ctx(2)).unwrap_err().code(),
            "freeze_not_active"
        );
        let elsewhere = Freeze {
            wallet_id: "wlt_2".into(),
            ..record
        };
        assert_eq!(
            plan(&w, &op, Referent::Freeze(elsewhere), &ctx(2)).unwrap_err().code(),
            "freeze_not_found"
        );
    }

    fn original(w: &Wallet, op: Operation) -> Entry {
        run(w, op).unwrap().entry
    }

    fn refund(w: &Wallet, of: &Entry, refunded: i64, amount: Option<&str>) -> Result<Plan> {
        let op = Operation::refund("txn_01ARZ3NDEKTSV4RRFFQ69G5FAV", amount, Some("return".into()), None).unwrap();
        plan(
            w,
            &op,
            Referent::Original {
                entry: of.clone(),
                refunded,
            },
            &ctx(3),
        )
    }

    #[test]
    fn a_refund_mirrors_its_original_and_is_capped_by_what_remains() {
        let w = wallet(Currency::CNY, 100_000, 0);
        let payment = original(&w, Operation::payment("200", "mch_1", true, None, None).unwrap());
        let after_payment = wallet(Currency::CNY, 80_000, 0);
        let p = refund(&after_payment, &payment, 0, Some("50")).unwrap();
        assert_consistent(&after_payment, &p);
        assert_eq!(
            p.entry.postings[0].account, payment.postings[1].account,
            "the counterparty gives back"
        );
        assert_eq!(
            p.entry.postings[1].account, payment.postings[0].account,
            "the wallet is credited"
        );
        assert_eq!(p.entry.original_id.as_deref(), Some("txn_1"));
        assert_eq!(p.entry.counterparty_id.as_deref(), Some("mch_1"));
        assert_eq!(p.entry.description.as_deref(), Some("refund of txn_1"));
        assert_eq!(p.entry.reason().as_deref(), Some("return"));

        let rest = refund(&after_payment, &payment, 5_000, None).unwrap();
        assert_eq!(rest.entry.amount.minor(), 15_000, "absent amount: the whole remainder");
        assert_eq!(
            refund(&after_payment, &payment, 5_000, Some("150.01"))
                .unwrap_err()
                .code(),
            "exceeds_refundable_amount"
        );
        assert_eq!(
            refund(&after_payment, &payment, 20_000, None).unwrap_err().code(),
            "exceeds_refundable_amount"
        );
    }

    #[test]
    fn a_deposit_refund_takes_money_back_and_needs_it_available() {
        let w = wallet(Currency::CNY, 0, 0);
        let deposit = original(&w, Operation::deposit("100", None, None).unwrap());
        let spent = wallet(Currency::CNY, 3_000, 7_000);
        assert_eq!(
            refund(&spent, &deposit, 0, Some("30.01")).unwrap_err().code(),
            "insufficient_balance"
        );
        let p = refund(&spent, &deposit, 0, Some("30")).unwrap();
        assert_consistent(&spent, &p);
        assert_eq!(p.entry.postings[1].account, "assets:settlement:CNY");
    }

    #[test]
    fn only_payments_withdrawals_and_deposits_are_refundable() {
        let w = wallet(Currency::CNY, 100_000, 0);
        for op in [
            Operation::freeze("1", None, None).unwrap(),
            Operation::adjust(Direction::Credit, "1", "fix", None).unwrap(),
            Operation::adjust(Direction::Debit, "1", "fix", None).unwrap(),
        ] {
            let entry = original(&w, op);
            assert_eq!(
                refund(&w, &entry, 0, Some("1")).unwrap_err().code(),
                "not_refundable",
                "{}",
                entry.kind
            );
        }
        let payment = original(&w, Operation::payment("10", "mch_1", true, None, None).unwrap());
        let a_refund = refund(&w, &payment, 0, Some("1")).unwrap().entry;
        assert_eq!(
            refund(&w, &a_refund, 0, Some("1")).unwrap_err().code(),
            "not_refundable"
        );
        let other_wallet = Entry {
            wallet_id: "wlt_2".into(),
            ..payment
        };
        assert_eq!(
            refund(&w, &other_wallet, 0, Some("1")).unwrap_err().code(),
            "transaction_not_found"
        );
    }

    #[test]
    fn a_frozen_wallet_takes_credits_and_refuses_debits_a_closed_one_refuses_all() {
        let mut w = wallet(Currency::CNY, 100_000, 0);
        w.status = WalletStatus::Frozen;
        assert!(run(&w, Operation::deposit("1", None, None).unwrap()).is_ok());
        assert!(run(&w, Operation::adjust(Direction::Credit, "1", "fix", None).unwrap()).is_ok());
        for op in [
            Operation::withdraw("1", None, None).unwrap(),
            Operation::freeze("1", None, None).unwrap(),
        ] {
            assert_eq!(run(&w, op).unwrap_err().code(), "wallet_not_active");
        }
        w.status = WalletStatus::Closed;
        assert_eq!(
            run(&w, Operation::deposit("1", None, None).unwrap())
                .unwrap_err()
                .code(),
            "wallet_not_active"
        );
    }

    #[test]
    fn only_an_empty_wallet_closes_and_a_closed_one_stays_closed() {
        let w = wallet(Currency::CNY, 0, 1);
        let why = || Some("fraud review".to_owned());
        assert_eq!(
            change_status(&w, WalletStatus::Closed, why(), &ctx(1))
                .unwrap_err()
                .code(),
            "wallet_not_empty"
        );
        let (frozen, change) = change_status(&w, WalletStatus::Frozen, why(), &ctx(1))
            .unwrap()
            .unwrap();
        assert_eq!(
            (change.from, change.to, frozen.status),
            (WalletStatus::Active, WalletStatus::Frozen, WalletStatus::Frozen)
        );
        assert_eq!(change.reason, "fraud review");
        assert_eq!(
            change_status(&frozen, WalletStatus::Frozen, why(), &ctx(1)).unwrap(),
            None,
            "already frozen"
        );
        assert_eq!(
            change_status(&w, WalletStatus::Frozen, None, &ctx(1))
                .unwrap_err()
                .code(),
            "invalid_request"
        );

        let empty = wallet(Currency::CNY, 0, 0);
        let (closed, _) = change_status(&empty, WalletStatus::Closed, why(), &ctx(1))
            .unwrap()
            .unwrap();
        assert_eq!(
            change_status(&closed, WalletStatus::Active, why(), &ctx(1))
                .unwrap_err()
                .code(),
            "wallet_not_active"
        );
    }

    #[test]
    fn adjustments_post_against_equity() {
        let w = wallet("JPY".parse().unwrap(), 500, 0);
        let credit = run(
            &w,
            Operation::adjust(Direction::Credit, "100", "bank fee refund", None).unwrap(),
        )
        .unwrap();
        assert_consistent(&w, &credit);
        assert_eq!(credit.entry.postings[0].account, "equity:adjustments:JPY");
        assert_eq!(credit.wallet_after.available, 600);
        let debit = run(
            &w,
            Operation::adjust(Direction::Debit, "500", "duplicate deposit", None).unwrap(),
        )
        .unwrap();
        assert_eq!(debit.wallet_after.available, 0);
        assert_eq!(NormalSide::of("equity:adjustments:JPY"), NormalSide::Credit);
    }

    #[test]
    fn decimals_are_checked_against_the_wallet_currency() {
        let w = wallet(Currency::CNY, 0, 0);
        assert_eq!(
            run(&w, Operation::deposit("0.001", None, None).unwrap())
                .unwrap_err()
                .code(),
            "invalid_amount"
        );
        let jpy = wallet("JPY".parse().unwrap(), 0, 0);
        assert_eq!(
            run(&jpy, Operation::deposit("1.5", None, None).unwrap())
                .unwrap_err()
                .code(),
            "invalid_amount"
        );
    }

    #[test]
    fn deposits_cannot_push_a_balance_past_the_limit() {
        let w = wallet(Currency::CNY, Currency::CNY.balance_max_minor() - 1, 0);
        let err = run(&w, Operation::deposit("0.02", None, None).unwrap()).unwrap_err();
        assert_eq!(err.code(), "balance_limit_exceeded");
    }

    #[test]
    fn a_reference_repeat_replays_the_same_request_and_refuses_another() {
        let w = wallet(Currency::CNY, 100_000, 0);
        let op = Operation::withdraw("50", None, Some("wd_1".into())).unwrap();
        let first = run(&w, op.clone()).unwrap().entry;
        assert_eq!(idempotency(None, &first.request).unwrap(), Idempotency::Apply);
        let same = Operation::withdraw("50.00", None, Some("wd_1".into())).unwrap();
        assert_eq!(
            idempotency(Some(&first), &same.canonical(Currency::CNY).unwrap()).unwrap(),
            Idempotency::Replay("txn_1".into())
        );
        let other = Operation::withdraw("51", None, Some("wd_1".into())).unwrap();
        let err = idempotency(Some(&first), &other.canonical(Currency::CNY).unwrap()).unwrap_err();
        assert_eq!(err.code(), "reference_conflict");
    }
}
