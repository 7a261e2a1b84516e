//! Opening wallets and looking at them.

use crate::error::{Error, Result};
use crate::ledger::ids::{self, WALLET_PREFIX};
use crate::ledger::model::{Entry, Freeze, FreezeStatus, Scope, StatusChange, Wallet, WalletStatus};
use crate::ledger::money::Currency;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::rules;
use crate::store::{Store, Tx};

/// Opens a wallet for a user; one per (tenant, application, user), currency fixed for good.
pub fn create_wallet(store: &mut Store, scope: &Scope, user_id: &str, currency: Currency) -> Result<Wallet> {
    let user_id = ids::check_name("user_id", user_id)?;
    store.write(|tx| {
        if let Some(existing) = tx.wallet_of_user(scope, user_id)? {
            return Err(Error::WalletExists {
                user_id: user_id.to_owned(),
                wallet_id: existing.id,
            });
        }
        let wallet = rules::open_wallet(scope, user_id, currency, ids::mint(WALLET_PREFIX), &super::now());
        tx.insert_wallet(&wallet)?;
        Ok(wallet)
    })
}

fn wallet_in(tx: &Tx, scope: &Scope, user_id: &str) -> Result<Wallet> {
    tx.wallet_of_user(scope, user_id)?.ok_or_else(|| Error::WalletNotFound {
        user_id: user_id.to_owned(),
    })
}

pub fn show_wallet(store: &mut Store, scope: &Scope, user_id: &str) -> Result<Wallet> {
    store.read(|tx| wallet_in(tx, scope, user_id))
}

pub fn list_wallets(store: &mut Store, scope: &Scope, page: PageRequest) -> Result<Paged<Wallet>> {
    store.read(|tx| tx.wallets(scope, page))
}

/// A wallet's transactions, newest first, each with how much of it has been refunded.
pub fn history(
    store: &mut Store,
    scope: &Scope,
    user_id: &str,
    filter: &EntryFilter,
    page: PageRequest,
) -> Result<(Wallet, Paged<(Entry, i64)>)> {
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
        let entries = tx.entries(Some(&wallet.id), filter, page, false)?;
        Ok((wallet, entries))
    })
}

/// A wallet as it was at `at` (a stored-format timestamp), from the journal and its status
/// changes: balances of every entry up to and including that second.
pub fn show_wallet_at(store: &mut Store, scope: &Scope, user_id: &str, at: &str) -> Result<Wallet> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        tx.wallet_at(&wallet, at)?.ok_or_else(|| Error::WalletNotFound {
            user_id: format!("{user_id} at {at}"),
        })
    })
}

pub fn freezes(
    store: &mut Store,
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
pub fn set_status(
    store: &mut Store,
    scope: &Scope,
    user_id: &str,
    to: WalletStatus,
    reason: Option<String>,
    actor: &str,
) -> Result<StatusOutcome> {
    store.write(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        super::trusted(tx, &wallet)?;
        match rules::change_status(&wallet, to, reason, &super::context(actor))? {
            None => Ok(StatusOutcome { wallet, change: None }),
            Some((after, change)) => {
                tx.change_status(&wallet, &after, &change)?;
                Ok(StatusOutcome {
                    wallet: after,
                    change: Some(change),
                })
            }
        }
    })
}

/// What [`set_status`] would do, without writing: for a confirmation prompt.
pub fn preview_status(
    store: &mut Store,
    scope: &Scope,
    user_id: &str,
    to: WalletStatus,
    reason: Option<String>,
) -> Result<StatusOutcome> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        super::trusted(tx, &wallet)?;
        let change = rules::change_status(&wallet, to, reason, &super::context("preview"))?;
        Ok(StatusOutcome {
            change: change.map(|(_, c)| c),
            wallet,
        })
    })
}

/// A wallet's status changes, newest first.
pub fn status_history(
    store: &mut Store,
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
