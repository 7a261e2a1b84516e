//! The proof a write starts from: a wallet's cached balances against what its journal proves.

use crate::ledger::chain::Owner;
use crate::ledger::model::{JournalRow, Wallet};

/// What the journal proves about a wallet, for checking its cached balances before a write:
/// its last entry (with postings) and the sum of its active freezes, in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceProof {
    pub last_entry: Option<JournalRow>,
    pub active_frozen: i64,
}

/// Whether a wallet's cached balances are the ones its journal proves: its total equals its last
/// entry's `balance_after` (an entry whose hash still holds), and its frozen balance equals its
/// active freezes. A write starts only from balances that pass, so a hand-edited cache is never
/// spent. Returns what differs.
pub fn check_cached_balances(wallet: &Wallet, proof: &BalanceProof) -> Result<(), String> {
    let proven_total = match &proof.last_entry {
        None => 0,
        Some(last) => {
            if last.recomputed_hash(Owner::of(wallet)) != last.hash {
                return Err(format!(
                    "wallet {}'s last journal entry {} (seq {}) does not match its hash",
                    wallet.id, last.entry.id, last.seq
                ));
            }
            last.entry.balance_after
        }
    };
    let cached_total = wallet.available.checked_add(wallet.frozen);
    if cached_total != Some(proven_total) || wallet.frozen != proof.active_frozen {
        return Err(format!(
            "wallet {} holds available {} / frozen {} (minor units) but its journal proves a balance of {} with {} frozen by active freezes",
            wallet.id, wallet.available, wallet.frozen, proven_total, proof.active_frozen
        ));
    }
    Ok(())
}
