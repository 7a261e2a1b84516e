//! Seals against the journal: the seal chain holds, and every head a seal recorded is still in
//! its wallet's chain, with the same hash.

use std::collections::HashMap;

use super::{Anchor, Check};
use crate::ledger::chain::GENESIS_HASH;
use crate::ledger::ids::WalletId;
use crate::ledger::model::JournalRow;
use crate::ledger::seal::Seal;

/// The seals' side of `ledger verify`, fed the journal in order.
pub(super) struct Seals {
    check: Check,
    /// Sealed heads not yet met in the journal: (wallet, wallet_seq) → (seal, hash).
    pending: HashMap<(WalletId, i64), (i64, String)>,
    last: Option<Anchor>,
}

impl Seals {
    /// Checks the seal chain, and each `seal:N:HASH` anchor of `wanted` against it (into
    /// `anchors`); the sealed heads are then checked as the journal streams by.
    pub(super) fn new(seals: &[Seal], wanted: &[Anchor], anchors: &mut Check) -> Seals {
        let mut check = Check::new(
            "seals",
            "every seal chains onto the one before, and every wallet head it recorded is still in that wallet's chain",
        );
        let mut prev_hash = GENESIS_HASH;
        let mut pending = HashMap::new();
        for (expected_seq, seal) in (1..).zip(seals) {
            check.checked += 1;
            if seal.seq != expected_seq || seal.prev_hash != prev_hash || seal.recomputed_hash() != seal.hash {
                check.fail(format!(
                    "seal {} does not match its hash or does not follow seal {}",
                    seal.seq,
                    expected_seq - 1
                ));
            }
            prev_hash = &seal.hash;
            for head in &seal.heads {
                pending.insert((head.wallet_id.clone(), head.wallet_seq), (seal.seq, head.hash.clone()));
            }
        }
        for anchor in wanted {
            if let Anchor::Seal { seq, hash } = anchor {
                match seals.iter().find(|s| s.seq == *seq) {
                    Some(seal) if seal.hash == *hash => {}
                    Some(_) => anchors.fail(format!("seal {seq} no longer has the anchored hash")),
                    None => anchors.fail(format!(
                        "the anchored seal {seq} is gone: the ledger has {} seal(s)",
                        seals.len()
                    )),
                }
            }
        }
        Seals {
            check,
            pending,
            last: seals.last().map(Seal::anchor),
        }
    }

    pub(super) fn entry(&mut self, row: &JournalRow) {
        let key = (row.entry.wallet_id.clone(), row.wallet_seq);
        if let Some((seal, hash)) = self.pending.remove(&key) {
            if hash != row.hash {
                self.check.fail(format!(
                    "seal {seal} recorded another hash for entry {} of wallet {} (wallet_seq {})",
                    row.entry.id, row.entry.wallet_id, row.wallet_seq
                ));
            }
        }
    }

    /// The check, and the last seal's anchor.
    pub(super) fn finish(mut self) -> (Check, Option<Anchor>) {
        let mut gone: Vec<_> = self.pending.into_iter().collect();
        gone.sort();
        for ((wallet_id, wallet_seq), (seal, _)) in gone {
            self.check.fail(format!(
                "seal {seal} recorded wallet {wallet_id} up to wallet_seq {wallet_seq}, which is gone from the journal"
            ));
        }
        (self.check, self.last)
    }
}
