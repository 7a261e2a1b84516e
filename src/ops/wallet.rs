//! Opening wallets and looking at them.

use crate::error::{Error, Result};
use crate::ledger::chain::AuditRecord;
use crate::ledger::ids::{self, FreezeId, TransactionId, WalletId};
use crate::ledger::limits::ID_LEN_MAX;
use crate::ledger::model::{
    Account, Entry, Freeze, FreezeStatus, Scope, StatusChange, Transaction, Wallet, WalletStatus,
};
use crate::ledger::money::Currency;
use crate::ledger::operations::status;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::store::{Queries, Storage};

use super::retry::retrying;

/// Opens a wallet for a user; one per (tenant, application, user), currency fixed for good.
pub fn create_wallet<S: Storage>(store: &mut S, scope: &Scope, user_id: &str, currency: Currency) -> Result<Wallet> {
    retrying(|| store.write(|tx| create_wallet_in(tx, scope, user_id, currency)))
}

/// [`create_wallet`] inside a transaction already open: the server's writer runs it in a
/// request's savepoint, so the wallet is durable before the answer.
pub fn create_wallet_in<Q: Queries>(tx: &Q, scope: &Scope, user_id: &str, currency: Currency) -> Result<Wallet> {
    let user_id = ids::check_name("user_id", user_id)?;
    if let Some(existing) = tx.wallet_of_user(scope, user_id)? {
        return Err(Error::WalletExists {
            user_id: user_id.to_owned(),
            closed: existing.status == WalletStatus::Closed,
            wallet_id: existing.id,
        });
    }
    super::policy::current(tx, scope)?.check_currency(currency)?;
    let wallet = Wallet::open(scope, user_id, currency, WalletId::mint(), super::now());
    tx.insert_wallet(&wallet)?;
    Ok(wallet)
}

fn wallet_in<Q: Queries>(tx: &Q, scope: &Scope, user_id: &str) -> Result<Wallet> {
    tx.wallet_of_user(scope, user_id)?
        .ok_or_else(|| Error::wallet_not_found(scope, user_id))
}

/// The wallet of a user, or the wallet with that `wlt_` id, in `scope`. A user id wins: user
/// ids are chosen by operators and may look like anything, wallet ids only name a wallet when
/// no user has that name.
fn wallet_by_user_or_id<Q: Queries>(tx: &Q, scope: &Scope, user_or_wallet: &str) -> Result<Wallet> {
    if let Some(wallet) = tx.wallet_of_user(scope, user_or_wallet)? {
        return Ok(wallet);
    }
    if user_or_wallet.starts_with(WalletId::PREFIX) {
        if let Some(wallet) = tx
            .wallet(&WalletId::new(user_or_wallet))?
            .filter(|w| in_scope(w, scope))
        {
            return Ok(wallet);
        }
    }
    Err(Error::wallet_not_found(scope, user_or_wallet))
}

/// Whether a wallet belongs to `scope`; anything outside it is reported as not found.
pub(super) fn in_scope(wallet: &Wallet, scope: &Scope) -> bool {
    wallet.tenant_id == scope.tenant_id && wallet.application_id == scope.application_id
}

/// A wallet by its user's id or by its own `wlt_` id.
pub fn show_wallet<S: Storage>(store: &mut S, scope: &Scope, user_or_wallet: &str) -> Result<Wallet> {
    store.read(|tx| wallet_by_user_or_id(tx, scope, user_or_wallet))
}

pub fn list_wallets<S: Storage>(
    store: &mut S,
    scope: &Scope,
    status: Option<WalletStatus>,
    page: PageRequest,
) -> Result<Paged<Wallet>> {
    store.read(|tx| tx.wallets(scope, status, page))
}

/// The wallets a caller reaches, with `status` if given: every wallet of `scope`, or, for a
/// caller bound to one user, that user's wallet alone (a list of one or none, paged alike).
pub fn list_reachable_wallets<S: Storage>(
    store: &mut S,
    scope: &Scope,
    bound_to: Option<&str>,
    status: Option<WalletStatus>,
    page: PageRequest,
) -> Result<Paged<Wallet>> {
    let Some(user_id) = bound_to else {
        return list_wallets(store, scope, status, page);
    };
    store.read(|tx| {
        let wallet = tx
            .wallet_of_user(scope, user_id)?
            .filter(|w| status.is_none_or(|s| w.status == s));
        let total = u64::from(wallet.is_some());
        let items = wallet.into_iter().filter(|_| page.page == 1).collect();
        Ok(Paged { items, total, page })
    })
}

/// Every wallet of `scope` (with `status`, if given), handed to `each` as it is read, from one
/// snapshot. Returns how many there were.
pub fn each_wallet<S: Storage>(
    store: &mut S,
    scope: &Scope,
    status: Option<WalletStatus>,
    each: impl FnMut(Wallet) -> Result<()>,
) -> Result<u64> {
    store.read(|tx| tx.for_each_wallet(scope, status, each))
}

/// An id typed by a person, checked only for what cannot name anything: any other string is
/// looked up, and one that names nothing is not found (404), as for every id.
fn check_lookup_id(field: &str, id: &str) -> Result<()> {
    if id.is_empty() || id.len() > ID_LEN_MAX {
        return Err(Error::invalid(field, format!("must be 1 to {ID_LEN_MAX} characters")));
    }
    Ok(())
}

/// Any transaction of `scope` by its id, with how much of it was refunded and its wallet (so
/// its user). Another tenant's or application's transaction is not found, like a missing one.
pub fn show_transaction<S: Storage>(
    store: &mut S,
    scope: &Scope,
    transaction_id: &str,
) -> Result<(Entry, i64, Wallet)> {
    check_lookup_id("transaction_id", transaction_id)?;
    let transaction_id = TransactionId::new(transaction_id);
    let not_found = || Error::TransactionNotFound {
        transaction_id: transaction_id.clone(),
    };
    store.read(|tx| {
        let entry = tx.entry(&transaction_id)?.ok_or_else(not_found)?;
        let wallet = tx
            .wallet(&entry.wallet_id)?
            .filter(|w| in_scope(w, scope))
            .ok_or_else(not_found)?;
        let refunded = tx.refunded(&entry.id)?;
        Ok((entry, refunded, wallet))
    })
}

/// Any freeze record of `scope` by its id, with its wallet. Another tenant's or application's
/// freeze is not found, like a missing one.
pub fn show_freeze<S: Storage>(store: &mut S, scope: &Scope, freeze_id: &str) -> Result<(Freeze, Wallet)> {
    check_lookup_id("freeze_id", freeze_id)?;
    let freeze_id = FreezeId::new(freeze_id);
    let not_found = || Error::FreezeNotFound {
        freeze_id: freeze_id.clone(),
    };
    store.read(|tx| {
        let freeze = tx.freeze(&freeze_id)?.ok_or_else(not_found)?;
        let wallet = tx
            .wallet(&freeze.wallet_id)?
            .filter(|w| in_scope(w, scope))
            .ok_or_else(not_found)?;
        Ok((freeze, wallet))
    })
}

/// A wallet's transactions, newest first, each with how much of it has been refunded.
pub fn history<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    filter: &EntryFilter,
    page: PageRequest,
) -> Result<(Wallet, Paged<(Transaction, i64)>)> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        // A cursor must be one of this wallet's transactions: any other id would page from a
        // place that is not in this list (or give an empty page that looks like its end).
        if let Some(cursor) = &filter.before {
            if tx.entry(cursor)?.is_none_or(|entry| entry.wallet_id != wallet.id) {
                return Err(Error::invalid(
                    "cursor",
                    format!("{cursor} is not a transaction of this wallet"),
                ));
            }
        }
        let entries = tx.transactions(&wallet.id, filter, page)?;
        Ok((wallet, entries))
    })
}

/// A wallet as it was at `at`, from the journal and its status
/// changes: balances of every entry up to and including that second.
pub fn show_wallet_at<S: Storage>(store: &mut S, scope: &Scope, user_id: &str, at: Timestamp) -> Result<Wallet> {
    store.read(|tx| {
        let wallet = wallet_by_user_or_id(tx, scope, user_id)?;
        wallet_at(tx, &wallet, at)?.ok_or_else(|| Error::wallet_not_found_at(scope, user_id, at))
    })
}

/// A wallet's available and frozen balances from its postings up to `at` (inclusive), and its
/// status then; `None` if the wallet did not exist yet.
fn wallet_at<Q: Queries>(tx: &Q, wallet: &Wallet, at: Timestamp) -> Result<Option<Wallet>> {
    if wallet.created_at > at {
        return Ok(None);
    }
    // Liabilities: credits (negative postings) raise the balance.
    let balance = |account: Account| -> Result<i64> { Ok(-tx.posting_sum(&account.name(), at)?) };
    let mut then = wallet.clone();
    then.available = balance(Account::available(wallet))?;
    then.frozen = balance(Account::frozen(wallet))?;
    then.status = tx.status_at(&wallet.id, at)?.unwrap_or(WalletStatus::Active);
    then.updated_at = tx.last_change_at(&wallet.id, at)?.unwrap_or(wallet.created_at);
    Ok(Some(then))
}

pub fn freezes<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    status: Option<FreezeStatus>,
    page: PageRequest,
) -> Result<(Wallet, Paged<Freeze>)> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        let records = tx.freezes_of_wallet(&wallet.id, status, page)?;
        Ok((wallet, records))
    })
}

/// What a status command did: the wallet as it now is, and the change (none if it already had
/// that status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusOutcome {
    pub wallet: Wallet,
    pub change: Option<StatusChange>,
}

/// Sets a wallet's status, recording who and why, in one write transaction.
pub fn set_status<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    to: WalletStatus,
    reason: Option<String>,
    actor: &str,
) -> Result<StatusOutcome> {
    retrying(|| store.write(|tx| set_status_in(tx, scope, user_id, to, reason.clone(), actor)))
}

fn set_status_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    user_id: &str,
    to: WalletStatus,
    reason: Option<String>,
    actor: &str,
) -> Result<StatusOutcome> {
    let wallet = wallet_in(tx, scope, user_id)?;
    change_status_in(tx, wallet, to, reason, actor)
}

/// Sets the status of the wallet `wallet_id` of `scope`, in the caller's transaction (the
/// server's writer, `PUT /admin/wallets/{wallet_id}`). Another scope's wallet is not found, as
/// one that does not exist.
pub(super) fn set_status_by_id_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    wallet_id: &WalletId,
    to: WalletStatus,
    reason: Option<String>,
    actor: &str,
) -> Result<StatusOutcome> {
    let wallet = tx
        .wallet(wallet_id)?
        .filter(|w| in_scope(w, scope))
        .ok_or_else(|| Error::WalletIdNotFound {
            wallet_id: wallet_id.to_string(),
            tenant_id: scope.tenant_id.clone(),
            application_id: scope.application_id.clone(),
        })?;
    change_status_in(tx, wallet, to, reason, actor)
}

/// The change, its record and its audit record, from the wallet as loaded in this transaction.
fn change_status_in<Q: Queries>(
    tx: &Q,
    wallet: Wallet,
    to: WalletStatus,
    reason: Option<String>,
    actor: &str,
) -> Result<StatusOutcome> {
    super::trusted(tx, &wallet)?;
    match status::change_status(&wallet, to, reason, &super::context(actor))? {
        None => Ok(StatusOutcome { wallet, change: None }),
        Some((after, change)) => {
            let change_seq = tx.change_status(&wallet, &after, &change)?;
            super::audit(
                tx,
                &AuditRecord::StatusChanged {
                    change_seq,
                    change: &change,
                },
            )?;
            Ok(StatusOutcome {
                wallet: after,
                change: Some(change),
            })
        }
    }
}

/// What [`set_status`] would do, without writing: for a confirmation prompt.
pub fn preview_status<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    to: WalletStatus,
    reason: Option<String>,
) -> Result<StatusOutcome> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        super::trusted(tx, &wallet)?;
        let change = status::change_status(&wallet, to, reason, &super::context("preview"))?;
        Ok(StatusOutcome {
            change: change.map(|(_, c)| c),
            wallet,
        })
    })
}

/// A wallet's status changes, newest first.
pub fn status_history<S: Storage>(
    store: &mut S,
    scope: &Scope,
    user_id: &str,
    page: PageRequest,
) -> Result<(Wallet, Paged<StatusChange>)> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        let changes = tx.status_changes(&wallet.id, page)?;
        Ok((wallet, changes))
    })
}
