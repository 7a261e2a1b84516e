//! Opening wallets and looking at them.

use crate::error::{Error, Result};
use crate::ledger::ids::{self, WALLET_PREFIX};
use crate::ledger::model::{Entry, Freeze, FreezeStatus, Scope, Wallet};
use crate::ledger::money::Currency;
use crate::ledger::request::{PageRequest, Paged};
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
    page: PageRequest,
) -> Result<(Wallet, Paged<(Entry, i64)>)> {
    store.read(|tx| {
        let wallet = wallet_in(tx, scope, user_id)?;
        let entries = tx.entries_of_wallet(&wallet.id, page)?;
        Ok((wallet, entries))
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
