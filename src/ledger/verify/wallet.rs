//! One wallet's integrity (`GET /admin/wallets/{wallet_id}/integrity`, `ledger verify --wallet`):
//! the checks `ledger verify` makes entry by entry and on balances and freezes, run by the same
//! [`Verifier`] over that wallet's entries alone.
//!
//! The journal is still read in `seq` order from its start: an entry of the ledger-wide chain
//! (version 1, before schema 6) links to the ledger's previous entry, whichever wallet's it is,
//! so the other wallets' entries are passed to [`Verifier::skip`], which only follows that chain
//! and judges nothing of theirs. The ledger-wide checks (the database's pages and triggers, the
//! audit chain, the seals) are `ledger verify`'s alone.

use super::{Report, Verifier};
use crate::ledger::chain::ChainVersion;
use crate::ledger::model::JournalRow;

/// What one wallet's checks found, as the upstream's integrity result names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletIntegrity {
    /// Every check, as `ledger verify` reports them.
    pub report: Report,
    /// The `wallet_seq` of the wallet's first entry a check found broken (its place in the
    /// wallet's chain, 1, 2, 3…); `None` when every entry passed, even if a balance did not.
    pub broken_at: Option<i64>,
    /// The hash of the wallet's last entry, its chain's head; `None` without entries.
    pub last_hash: Option<String>,
}

impl WalletIntegrity {
    pub fn valid(&self) -> bool {
        self.report.ok()
    }

    /// The wallet's entries checked.
    pub fn total(&self) -> u64 {
        self.report.entries
    }
}

impl Verifier<'_> {
    /// Another wallet's entry, met while checking one wallet: only the ledger-wide chain of
    /// version 1 entries moves on past it, unchecked, so that the wallet's own version 1
    /// entries are checked against the entry they link to.
    pub fn skip(&mut self, stored: &JournalRow) {
        // Its transfer leg may be the other half of one of the wallet's.
        self.transfers.entry(&stored.entry, None, false);
        match stored.version {
            ChainVersion::Ledger => {
                self.expected_seq = stored.seq + 1;
                self.prev_hash = stored.hash.clone();
            }
            ChainVersion::Wallet => self.wallet_chained = true,
        }
    }

    /// The `wallet_seq` of the first entry a per-entry check found broken.
    pub fn first_broken(&self) -> Option<i64> {
        self.first_broken
    }
}
