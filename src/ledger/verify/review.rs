//! The `withdrawal_requests` check: every withdrawal request against the journal and the
//! freeze records. A request is of its wallet's owner and currency and held by a freeze of its
//! wallet and amount, made by its requester when it was asked; a pending one's freeze is still
//! active; an approved one's freeze was captured whole to the settlement by the entry its
//! decision names, a rejected one's released by it; the decision is another actor's than the
//! requester's (the policy's auto-approval, only ever an approval with no approver's name),
//! made at that entry's time by that entry's actor (the requester's, for an auto-approval,
//! whose entry the request itself made).

use std::collections::HashMap;

use super::Check;
use crate::ledger::ids::{FreezeId, TransactionId};
use crate::ledger::model::{Freeze, FreezeStatus, RawEntry, TxType, Wallet};
use crate::ledger::review::{Decision, ReviewStatus, WithdrawalRequest, AUTO_APPROVER};
use crate::ledger::time::Timestamp;

pub(super) const NAME: &str = "withdrawal_requests";
const DESCRIPTION: &str = "every withdrawal request is its wallet's, held by a freeze of its wallet and amount made by its requester: pending, the freeze active; approved, captured whole to the settlement by its decision's entry; rejected, released by it; decided by another actor, at that entry's time, by that entry's actor";

/// Who wrote an entry, and when.
struct Made {
    actor: String,
    at: Timestamp,
}

/// A capture or an unfreeze met in the journal: what a decision's entry must be.
struct Ending {
    kind: TxType,
    freeze_id: FreezeId,
    amount: i64,
    counterparty: bool,
    made: Made,
}

/// The entries a request's checks read, gathered as the journal streams by: each freeze's
/// creating entry, and every entry that ends a freeze, by id.
pub(super) struct Reviews {
    holds: HashMap<FreezeId, Made>,
    endings: HashMap<TransactionId, Ending>,
}

impl Reviews {
    pub(super) fn new() -> Reviews {
        Reviews {
            holds: HashMap::new(),
            endings: HashMap::new(),
        }
    }

    /// One entry, in `seq` order.
    pub(super) fn entry(&mut self, entry: &RawEntry) {
        let Some(freeze_id) = &entry.freeze_id else {
            return;
        };
        let made = Made {
            actor: entry.actor.clone(),
            at: entry.created_at,
        };
        match entry.kind {
            TxType::Freeze => {
                self.holds.insert(freeze_id.clone(), made);
            }
            TxType::Capture | TxType::Unfreeze => {
                let ending = Ending {
                    kind: entry.kind,
                    freeze_id: freeze_id.clone(),
                    amount: entry.amount.minor(),
                    counterparty: entry.counterparty_id.is_some(),
                    made,
                };
                self.endings.insert(entry.id.clone(), ending);
            }
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

    /// Every request against the entries met and the stored wallets and freeze records.
    pub(super) fn finish(self, requests: &[WithdrawalRequest], wallets: &[Wallet], freezes: &[Freeze]) -> Check {
        let mut check = Check::new(NAME, DESCRIPTION);
        let wallets: HashMap<&str, &Wallet> = wallets.iter().map(|w| (w.id.as_str(), w)).collect();
        let freezes: HashMap<&str, &Freeze> = freezes.iter().map(|f| (f.id.as_str(), f)).collect();
        for request in requests {
            check.checked += 1;
            let mut problems = Vec::new();
            let wallet = wallets.get(request.wallet_id.as_str()).copied();
            let freeze = freezes.get(request.freeze_id.as_str()).copied();
            self.held(request, wallet, freeze, &mut problems);
            match (&request.decision, request.status) {
                (None, ReviewStatus::Pending) => {}
                (Some(decision), ReviewStatus::Approved) => {
                    self.decided(request, decision, true, freeze, &mut problems)
                }
                (Some(decision), ReviewStatus::Rejected) => {
                    self.decided(request, decision, false, freeze, &mut problems)
                }
                (None, _) | (Some(_), ReviewStatus::Pending) => {
                    problems.push(format!("is {} but its decision says otherwise", request.status))
                }
            }
            for problem in problems {
                check.fail(format!("withdrawal request {} {problem}", request.id));
            }
        }
        check
    }

    /// The request's wallet, its freeze and the freeze's entry, and the freeze's state while
    /// pending.
    fn held(
        &self,
        r: &WithdrawalRequest,
        wallet: Option<&Wallet>,
        freeze: Option<&Freeze>,
        problems: &mut Vec<String>,
    ) {
        match wallet {
            None => problems.push(format!("names wallet {}, which does not exist", r.wallet_id)),
            Some(w) if w.scope() != r.scope || w.user_id != r.user_id || w.currency != r.currency => {
                problems.push(format!(
                    "does not match its wallet {}'s tenant, application, user or currency",
                    w.id
                ))
            }
            Some(_) => {}
        }
        let Some(freeze) = freeze else {
            return problems.push(format!("names freeze {}, which has no record", r.freeze_id));
        };
        if freeze.wallet_id != r.wallet_id || freeze.amount != r.amount {
            problems.push(format!(
                "is not held by its freeze {}: another wallet or amount",
                freeze.id
            ));
        }
        match self.holds.get(&r.freeze_id) {
            Some(made) if made.actor == r.requested_by && made.at == r.requested_at => {}
            Some(_) => problems.push(format!("was not asked by its freeze {}'s actor at its time", freeze.id)),
            None => problems.push(format!("names freeze {}, which no freeze entry made", freeze.id)),
        }
        if r.status == ReviewStatus::Pending && freeze.status != FreezeStatus::Active {
            problems.push(format!(
                "is pending but its freeze {} is {}",
                freeze.id,
                freeze.status.as_str()
            ));
        }
    }

    /// The decision's actor, its entry and what that entry did to the freeze: captured whole
    /// to the settlement (`approved`), or released.
    fn decided(
        &self,
        r: &WithdrawalRequest,
        d: &Decision,
        approved: bool,
        freeze: Option<&Freeze>,
        problems: &mut Vec<String>,
    ) {
        let auto = d.decided_by == AUTO_APPROVER;
        if d.decided_by == r.requested_by {
            problems.push(format!("is decided by its requester {}", r.requested_by));
        }
        // The policy approves, never rejects, and types no approver's name; a person's typed
        // name goes with an approval only.
        let approver_fits = match (auto, &d.approved_by) {
            (true, None) | (false, Some(_)) => approved,
            (true, Some(_)) => false,
            (false, None) => true,
        };
        if !approver_fits {
            problems.push(format!(
                "is {} by {} with approver {:?}",
                r.status, d.decided_by, d.approved_by
            ));
        }
        let txn = &d.transaction_id;
        let Some(ending) = self.endings.get(txn) else {
            return problems.push(format!("names decision entry {txn}, which ends no freeze"));
        };
        let actor = if auto { &r.requested_by } else { &d.decided_by };
        if ending.made.at != d.decided_at || ending.made.actor != *actor {
            problems.push(format!(
                "was not decided at its entry {txn}'s time by its entry's actor"
            ));
        }
        let (kind, status, what) = if approved {
            (
                TxType::Capture,
                FreezeStatus::Captured,
                "captured whole to the settlement",
            )
        } else {
            (TxType::Unfreeze, FreezeStatus::Released, "released")
        };
        let whole = !approved || (ending.amount == r.amount.minor() && !ending.counterparty);
        if ending.kind != kind || ending.freeze_id != r.freeze_id || !whole {
            problems.push(format!(
                "is {} but its entry {txn} has not {what} its freeze {}",
                r.status, r.freeze_id
            ));
        }
        let record_fits =
            |f: &Freeze| f.status == status && (!approved || f.captured.map(|c| c.amount) == Some(r.amount));
        if freeze.is_some_and(|f| !record_fits(f)) {
            problems.push(format!(
                "is {} but its freeze {}'s record is not {what}",
                r.status, r.freeze_id
            ));
        }
    }
}
