//! The `transfers` check: a transfer is two entries written in one transaction, its
//! `transfer_out` in the sender's chain and its `transfer_in` in the receiver's, each balanced
//! against the transfers clearing account. Proven here: every `transfer_out` is followed by
//! exactly one `transfer_in` that names it, of the same amount and currency, in another wallet
//! of the same tenant and application; each leg posts its amount to the clearing account on
//! its side; nothing else posts there; and the clearing account nets to zero in every currency.
//!
//! The legs of one transfer are adjacent in the journal (one transaction), so the legs waiting
//! for their other half are few whatever the journal's size.

use std::collections::{BTreeMap, HashMap};

use super::Check;
use crate::ledger::entry::Posting;
use crate::ledger::ids::{TransactionId, WalletId};
use crate::ledger::model::{Entry, Scope, TxType};

/// What every clearing account's name starts with (`liabilities:transfers:<CUR>`).
const CLEARING_PREFIX: &str = "liabilities:transfers:";

pub(super) const NAME: &str = "transfers";
const DESCRIPTION: &str = "every transfer_out has exactly one transfer_in of the same amount in another wallet of its tenant and application, and the transfers clearing account nets to zero";

/// A `transfer_out` whose `transfer_in` has not been met yet.
struct Out {
    wallet_id: WalletId,
    scope: Option<Scope>,
    currency: String,
    amount: i64,
    /// Whether the wallet being checked is the sender's (always, for the whole ledger).
    own: bool,
}

pub(super) struct Transfers {
    check: Check,
    waiting: HashMap<TransactionId, Out>,
    clearing: BTreeMap<String, i64>,
    /// False once another wallet's entry was met (one wallet's integrity): the clearing
    /// account's total then says nothing about that wallet.
    whole: bool,
}

impl Transfers {
    pub(super) fn new() -> Transfers {
        Transfers {
            check: Check::new(NAME, DESCRIPTION),
            waiting: HashMap::new(),
            clearing: BTreeMap::new(),
            whole: true,
        }
    }

    pub(super) fn problems(&self) -> u64 {
        self.check.problems_total
    }

    /// One entry, in `seq` order, with its wallet's tenant and application when known. `own`
    /// is false for another wallet's entry met while checking one wallet: its leg is followed
    /// so that the checked wallet's legs can be paired, but a problem of its own is not judged.
    /// (Its tenant is not known then: whether the two wallets share one is `ledger verify`'s.)
    pub(super) fn entry(&mut self, entry: &Entry<Vec<Posting>>, scope: Option<Scope>, own: bool) {
        self.whole &= own;
        let clearing: i64 = entry
            .postings
            .iter()
            .filter(|p| p.account.starts_with(CLEARING_PREFIX))
            .map(|p| {
                *self.clearing.entry(p.currency.clone()).or_default() += p.amount;
                p.amount
            })
            .sum();
        let amount = entry.amount.minor();
        match entry.kind {
            TxType::TransferOut => {
                self.count(own);
                if clearing != -amount {
                    self.fail(
                        own,
                        format!(
                            "transfer_out {} does not credit its amount to the transfers clearing account",
                            entry.id
                        ),
                    );
                }
                let out = Out {
                    wallet_id: entry.wallet_id.clone(),
                    scope,
                    currency: entry.currency.code().to_owned(),
                    amount,
                    own,
                };
                self.waiting.insert(entry.id.clone(), out);
            }
            TxType::TransferIn => {
                self.count(own);
                if clearing != amount {
                    self.fail(
                        own,
                        format!(
                            "transfer_in {} does not debit its amount from the transfers clearing account",
                            entry.id
                        ),
                    );
                }
                self.pair(entry, scope, own);
            }
            TxType::Deposit
            | TxType::Payment
            | TxType::Withdraw
            | TxType::Freeze
            | TxType::Unfreeze
            | TxType::Refund
            | TxType::AdjustCredit
            | TxType::AdjustDebit
            | TxType::Capture => {
                if clearing != 0 || entry.postings.iter().any(|p| p.account.starts_with(CLEARING_PREFIX)) {
                    self.fail(
                        own,
                        format!("{} {} posts to the transfers clearing account", entry.kind, entry.id),
                    );
                }
            }
        }
    }

    /// A `transfer_in` and the `transfer_out` it names.
    fn pair(&mut self, entry: &Entry<Vec<Posting>>, scope: Option<Scope>, own: bool) {
        let named = entry.original_id.as_ref().and_then(|id| self.waiting.remove(id));
        let Some(out) = named else {
            let original = entry.original_id.as_deref().unwrap_or("(none)");
            return self.fail(
                own,
                format!(
                    "transfer_in {} names {original}, which is not an earlier transfer_out without its transfer_in",
                    entry.id
                ),
            );
        };
        let judged = own || out.own;
        let other_scope = matches!((&scope, &out.scope), (Some(a), Some(b)) if a != b);
        let problem = if out.wallet_id == entry.wallet_id {
            Some("is in the sender's own wallet")
        } else if out.currency != entry.currency.code() || out.amount != entry.amount.minor() {
            Some("does not move the amount and currency of its transfer_out")
        } else if other_scope {
            Some("is in a wallet of another tenant or application than its transfer_out's")
        } else {
            None
        };
        if let Some(problem) = problem {
            self.fail(judged, format!("transfer_in {} {problem}", entry.id));
        }
    }

    fn count(&mut self, own: bool) {
        if own {
            self.check.checked += 1;
        }
    }

    fn fail(&mut self, judged: bool, problem: String) {
        if judged {
            self.check.fail(problem);
        }
    }

    pub(super) fn finish(mut self) -> Check {
        let mut unpaired: Vec<(TransactionId, Out)> = self.waiting.drain().filter(|(_, out)| out.own).collect();
        unpaired.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        for (id, _) in unpaired {
            self.check.fail(format!("transfer_out {id} has no transfer_in"));
        }
        if self.whole {
            for (currency, total) in &self.clearing {
                if *total != 0 {
                    self.check.fail(format!(
                        "the transfers clearing account in {currency} holds {total} minor units, not zero"
                    ));
                }
            }
        }
        self.check
    }
}
