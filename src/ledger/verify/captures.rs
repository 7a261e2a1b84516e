//! The `captures` check: a capture posts a freeze's held amount out of the wallet's frozen
//! account, part or all of it to the settlement or a counterparty and the rest back to
//! available, in one entry that ends the freeze. Proven here: every capture names an earlier
//! freeze of its wallet that had not ended (no second capture, no capture after an unfreeze,
//! no unfreeze after a capture), its postings take exactly the held amount out of frozen and
//! split it into the captured amount and the released rest; and every freeze record that says
//! `captured` has exactly one such entry, of the amount it records.

use std::collections::{BTreeMap, HashMap};

use super::Check;
use crate::ledger::entry::Posting;
use crate::ledger::ids::{FreezeId, TransactionId, WalletId};
use crate::ledger::model::{Account, Entry, Freeze, FreezeStatus, TxType};

pub(super) const NAME: &str = "captures";
const DESCRIPTION: &str = "every capture ends an active freeze of its wallet, moving its held amount out of frozen as the captured amount and the released rest, and every captured freeze has exactly that one capture";

/// A freeze met in the journal: its wallet, its held amount, and whether it has ended.
struct Hold {
    wallet_id: WalletId,
    held: i64,
    ended: bool,
}

pub(super) struct Captures {
    check: Check,
    holds: HashMap<FreezeId, Hold>,
    /// The capture entries met, by the freeze they name (sorted, for a stable report).
    captures: BTreeMap<FreezeId, Vec<(TransactionId, i64)>>,
}

impl Captures {
    pub(super) fn new() -> Captures {
        Captures {
            check: Check::new(NAME, DESCRIPTION),
            holds: HashMap::new(),
            captures: BTreeMap::new(),
        }
    }

    pub(super) fn problems(&self) -> u64 {
        self.check.problems_total
    }

    /// One entry, in `seq` order.
    pub(super) fn entry(&mut self, entry: &Entry<Vec<Posting>>) {
        let Some(freeze_id) = &entry.freeze_id else {
            if entry.kind == TxType::Capture {
                self.check.checked += 1;
                self.check.fail(format!("capture {} names no freeze", entry.id));
            }
            return;
        };
        match entry.kind {
            TxType::Freeze => {
                let hold = Hold {
                    wallet_id: entry.wallet_id.clone(),
                    held: entry.amount.minor(),
                    ended: false,
                };
                self.holds.insert(freeze_id.clone(), hold);
            }
            TxType::Unfreeze => {
                if let Some(hold) = self.holds.get_mut(freeze_id) {
                    if hold.ended && self.captures.contains_key(freeze_id) {
                        self.check.fail(format!(
                            "unfreeze {} releases freeze {freeze_id}, which a capture ended",
                            entry.id
                        ));
                    }
                    hold.ended = true;
                }
            }
            TxType::Capture => self.capture(entry, freeze_id),
            TxType::Deposit
            | TxType::Payment
            | TxType::Withdraw
            | TxType::Refund
            | TxType::AdjustCredit
            | TxType::AdjustDebit
            | TxType::TransferOut
            | TxType::TransferIn => {}
        }
    }

    fn capture(&mut self, entry: &Entry<Vec<Posting>>, freeze_id: &FreezeId) {
        self.check.checked += 1;
        let captured = entry.amount.minor();
        self.captures
            .entry(freeze_id.clone())
            .or_default()
            .push((entry.id.clone(), captured));
        let id = &entry.id;
        let hold = match self.holds.get_mut(freeze_id) {
            Some(hold) if hold.wallet_id == entry.wallet_id => hold,
            Some(_) | None => {
                return self.check.fail(format!(
                    "capture {id} names freeze {freeze_id}, which is not an earlier freeze of its wallet"
                ))
            }
        };
        if std::mem::replace(&mut hold.ended, true) {
            self.check.fail(format!(
                "capture {id} captures freeze {freeze_id}, which had already ended"
            ));
        }
        let held = hold.held;
        let (frozen, available) = (
            Account::WalletFrozen(entry.wallet_id.clone()).name(),
            Account::WalletAvailable(entry.wallet_id.clone()).name(),
        );
        let sum = |keep: &dyn Fn(&str) -> bool| -> i64 {
            entry
                .postings
                .iter()
                .filter(|p| keep(&p.account))
                .map(|p| p.amount)
                .sum()
        };
        let out_of_frozen = sum(&|a| a == frozen);
        let released = -sum(&|a| a == available);
        // The captured money leaves the wallets: to the settlement or a counterparty.
        let paid_out = -sum(&|a| a != frozen && a != available && !a.starts_with("liabilities:wallet:"));
        if out_of_frozen != held || released < 0 || paid_out != captured || captured + released != held {
            self.check.fail(format!(
                "capture {id}'s postings do not move freeze {freeze_id}'s held {held} out of frozen as its captured {captured} and the released rest"
            ));
        }
    }

    /// Every freeze record against the captures met: one capture for a captured freeze, of the
    /// amount it records; none for any other; none naming a freeze without a record.
    pub(super) fn finish(mut self, freezes: &[Freeze]) -> Check {
        for record in freezes {
            let entries = self.captures.remove(&record.id).unwrap_or_default();
            let id = &record.id;
            match (record.status, record.captured, entries.as_slice()) {
                (FreezeStatus::Captured, Some(c), [(_, amount)]) if c.amount.minor() == *amount => {}
                (FreezeStatus::Captured, Some(c), [(txn, amount)]) => self.check.fail(format!(
                    "freeze {id} records {} minor units captured, its capture {txn} {amount}",
                    c.amount.minor()
                )),
                (FreezeStatus::Captured, _, []) => self
                    .check
                    .fail(format!("freeze {id} is captured but no capture names it")),
                (FreezeStatus::Captured, None, _) => self
                    .check
                    .fail(format!("freeze {id} is captured but records no captured amount")),
                (_, _, []) => {}
                (status, _, [(txn, _)]) => self.check.fail(format!(
                    "freeze {id} is {} but capture {txn} captured it",
                    status.as_str()
                )),
                (_, _, many) => self
                    .check
                    .fail(format!("freeze {id} has {} capture entries, not one", many.len())),
            }
        }
        for (freeze_id, entries) in std::mem::take(&mut self.captures) {
            for (txn, _) in entries {
                self.check
                    .fail(format!("capture {txn} names freeze {freeze_id}, which has no record"));
            }
        }
        self.check
    }
}
