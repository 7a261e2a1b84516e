//! One wallet's integrity: its chain, entries, balance history, refunds, balances and freezes
//! proven on one snapshot by `ledger verify`'s own checker (`ledger::verify::Verifier`).

use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::model::{Scope, Wallet};
use crate::ledger::verify::{Verifier, WalletIntegrity};
use crate::store::{Queries, Storage};

/// The integrity of `user_id`'s wallet in `scope` (`ledger verify --wallet USER`).
pub fn verify_wallet<S: Storage>(store: &mut S, scope: &Scope, user_id: &str) -> Result<(Wallet, WalletIntegrity)> {
    store.read(|tx| {
        let wallet = tx
            .wallet_of_user(scope, user_id)?
            .ok_or_else(|| Error::wallet_not_found(scope, user_id))?;
        let integrity = integrity_in(tx, &wallet)?;
        Ok((wallet, integrity))
    })
}

/// The integrity of the wallet `wallet_id` (`GET /admin/wallets/{wallet_id}/integrity`). A
/// wallet of another tenant or application is not found, exactly as one that does not exist:
/// the answer never says that it does.
pub fn verify_wallet_by_id<S: Storage>(store: &mut S, scope: &Scope, wallet_id: &str) -> Result<WalletIntegrity> {
    let not_found = || Error::WalletIdNotFound {
        wallet_id: wallet_id.to_owned(),
        tenant_id: scope.tenant_id.clone(),
        application_id: scope.application_id.clone(),
    };
    let id = WalletId::new(wallet_id);
    store.read(|tx| {
        let wallet = tx.wallet(&id)?.filter(|w| w.scope() == *scope).ok_or_else(not_found)?;
        integrity_in(tx, &wallet)
    })
}

/// The journal streamed from its start (a version 1 entry links to the ledger's previous entry,
/// whoever's it is); only the wallet's own entries, freezes and balances are judged.
fn integrity_in<Q: Queries>(tx: &Q, wallet: &Wallet) -> Result<WalletIntegrity> {
    let wallets = std::slice::from_ref(wallet);
    let mut verifier = Verifier::new(&[], wallets, &[]);
    let mut last_hash = None;
    tx.for_each_entry(None, |row| {
        if row.entry.wallet_id == wallet.id {
            verifier.entry(&row, tx)?;
            last_hash = Some(row.hash);
        } else {
            verifier.skip(&row);
        }
        Ok(())
    })?;
    let freezes: Vec<_> = tx
        .all_freezes()?
        .into_iter()
        .filter(|f| f.wallet_id == wallet.id)
        .collect();
    let broken_at = verifier.first_broken();
    Ok(WalletIntegrity {
        report: verifier.finish(wallets, &freezes, Vec::new()),
        broken_at,
        last_hash,
    })
}
