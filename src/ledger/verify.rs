//! The invariants `ledger verify` proves, as a pure checker fed the stored journal in order.
//!
//! The checker streams: it keeps per-wallet running state, not the journal, and asks the store
//! for a refund's original when it meets the refund ([`Originals`]), so the memory it holds
//! grows with the ledger's wallets and freezes, never with its journal entries.
#![deny(clippy::wildcard_enum_match_arm)]

mod audit;
mod balances;
mod captures;
mod policy;
mod report;
mod review;
mod seals;
mod snapshots;
mod transfers;
mod wallet;

use std::collections::{BTreeMap, HashMap};

use crate::error::Result;

pub use audit::{check_audit, check_statuses, token_matches_audit};
pub use balances::{check_cached_balances, BalanceProof};
pub use policy::check_policy_changes;
pub use report::{external_check, Anchor, Check, Report, INTEGRITY_CHECK, INTEGRITY_DESCRIPTION};
pub use snapshots::{Snapshots, SNAPSHOTS_CHECK};
pub use wallet::WalletIntegrity;

use super::chain::{ChainVersion, Owner, GENESIS_HASH};
use super::ids::{FreezeId, TransactionId, WalletId};
use super::model::{Account, Freeze, FreezeStatus, JournalRow, TxType, Wallet};
use super::review::WithdrawalRequest;
use super::seal::Seal;

/// What `hash_chain` proves.
pub const CHAIN_DESCRIPTION: &str =
    "each wallet's entries are numbered 1, 2, 3… and each hash covers its content and the previous hash of its chain";

#[derive(Default)]
struct WalletRun {
    available: i64,
    frozen: i64,
    last_balance_after: i64,
    /// The wallet's entries so far: the next one's `wallet_seq` is one more.
    entries: i64,
    /// The hash of the wallet's last entry so far: what its next version 2 entry links to.
    head: Option<String>,
}

/// A refund's original as the journal holds it, with the refunds of it before the refund.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundedOriginal {
    pub seq: i64,
    pub wallet_id: WalletId,
    pub kind: TxType,
    pub amount: i64,
    /// The minor units refunded of it by its own wallet's refunds after it and before the
    /// refund being checked.
    pub refunded_before: i64,
}

/// Where the `refund_caps` check finds a refund's original: in `ledger verify`, the same read
/// snapshot the journal streams from, so that no refundable entry is held in memory.
pub trait Originals {
    /// The entry `id` and its refunds before `refund_seq`; `None` if there is no entry `id`.
    fn original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>>;
}

/// Feed [`Verifier::entry`] every stored entry in `seq` order, then call [`Verifier::finish`].
pub struct Verifier<'w> {
    /// The wallets, by id: whose each entry is, and in which currency.
    wallets: HashMap<&'w str, &'w Wallet>,
    /// The next version 1 entry's `seq`, and the hash it links to: version 1 entries form one
    /// chain through the ledger, numbered 1, 2, 3…
    expected_seq: i64,
    prev_hash: String,
    /// A version 2 entry was met: every later entry must be version 2 too.
    wallet_chained: bool,
    /// The last entry's place and hash: the journal's head.
    last: Option<Anchor>,
    chain: Check,
    balanced: Check,
    history: Check,
    refunds: Check,
    runs: HashMap<WalletId, WalletRun>,
    transfers: transfers::Transfers,
    captures: captures::Captures,
    reviews: review::Reviews,
    /// The withdrawal requests to check against the journal, once given.
    requests: Option<Vec<WithdrawalRequest>>,
    /// Freeze id → (amount, unfrozen) from the journal.
    frozen_in_journal: HashMap<FreezeId, (i64, bool)>,
    anchors: Check,
    /// Entry anchors not yet met in the journal, by seq.
    pending_anchors: HashMap<i64, String>,
    seals: seals::Seals,
    /// The `wallet_seq` of the first entry a per-entry check found broken.
    first_broken: Option<i64>,
}

impl<'w> Verifier<'w> {
    /// A verifier of the journal of `wallets` and its `seals` that also proves the anchors are
    /// still in it.
    pub fn new(anchors: &[Anchor], wallets: &'w [Wallet], seals: &[Seal]) -> Verifier<'w> {
        let mut anchor_check = Check {
            checked: anchors.len() as u64,
            ..Check::new(
                "anchors",
                "every anchor given with --anchor is still in the ledger, unchanged",
            )
        };
        let seals = seals::Seals::new(seals, anchors, &mut anchor_check);
        let pending_anchors = anchors
            .iter()
            .filter_map(|a| match a {
                Anchor::Entry { seq, hash } => Some((*seq, hash.clone())),
                Anchor::Seal { .. } => None,
            })
            .collect();
        Verifier {
            wallets: wallets.iter().map(|w| (w.id.as_str(), w)).collect(),
            anchors: anchor_check,
            pending_anchors,
            seals,
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
            wallet_chained: false,
            last: None,
            chain: Check::new("hash_chain", CHAIN_DESCRIPTION),
            balanced: Check::new("entries_balance", "every entry has two postings (a capture, three when it releases a rest) that sum to zero per currency and match its amount"),
            history: Check::new("balance_history", "each wallet transaction's balance_before is the previous balance_after, and the difference is its postings"),
            refunds: Check::new("refund_caps", "every refund refunds a refundable transaction of its wallet, and refunds never exceed their original"),
            runs: HashMap::new(),
            transfers: transfers::Transfers::new(),
            captures: captures::Captures::new(),
            reviews: review::Reviews::new(),
            requests: None,
            frozen_in_journal: HashMap::new(),
            first_broken: None,
        }
    }

    /// Checks the next entry; a refund's original is looked up in `originals`.
    pub fn entry(&mut self, stored: &JournalRow, originals: &dyn Originals) -> Result<()> {
        let problems_before = self.entry_problems();
        self.check_entry(stored, originals)?;
        if self.first_broken.is_none() && self.entry_problems() > problems_before {
            self.first_broken = Some(stored.wallet_seq);
        }
        Ok(())
    }

    /// The problems the checks made entry by entry have found so far.
    fn entry_problems(&self) -> u64 {
        [&self.chain, &self.balanced, &self.history, &self.refunds, &self.anchors]
            .iter()
            .map(|c| c.problems_total)
            .sum::<u64>()
            + self.transfers.problems()
            + self.captures.problems()
    }

    fn check_entry(&mut self, stored: &JournalRow, originals: &dyn Originals) -> Result<()> {
        let entry = &stored.entry;
        let wallet = self.wallets.get(entry.wallet_id.as_str()).copied();
        self.check_chain(stored, wallet);
        self.seals.entry(stored);
        self.last = Some(Anchor::Entry {
            seq: stored.seq,
            hash: stored.hash.clone(),
        });
        match wallet {
            None => self.balanced.fail(format!(
                "entry {} names wallet {}, which does not exist",
                entry.id, entry.wallet_id
            )),
            Some(w)
                if w.currency != entry.currency || entry.postings.iter().any(|p| p.currency != w.currency.code()) =>
            {
                self.balanced.fail(format!(
                    "entry {} is not in its wallet's currency {}",
                    entry.id, w.currency
                ))
            }
            Some(_) => {}
        }

        self.check_balanced(stored);
        self.check_history(stored);
        self.check_refund(stored, originals)?;
        self.transfers.entry(entry, wallet.map(|w| w.scope()), true);
        self.captures.entry(entry);
        self.reviews.entry(entry);
        if let Some(freeze_id) = &entry.freeze_id {
            let record = self.frozen_in_journal.entry(freeze_id.clone()).or_insert((0, false));
            match entry.kind {
                TxType::Freeze => record.0 = entry.amount.minor(),
                TxType::Unfreeze => record.1 = true,
                // Only a freeze and its unfreeze move frozen money under a freeze id; a capture,
                // which ends a freeze too, is the `captures` check's.
                TxType::Capture
                | TxType::Deposit
                | TxType::Payment
                | TxType::Withdraw
                | TxType::Refund
                | TxType::AdjustCredit
                | TxType::AdjustDebit
                | TxType::TransferOut
                | TxType::TransferIn => {}
            }
        }
        Ok(())
    }

    /// The entry's place in its hash chain: its anchor if one was given, its place in its wallet,
    /// its place in the ledger's chain (version 1) or link to its wallet's last entry (version
    /// 2), and its own hash (which covers its wallet's owner).
    fn check_chain(&mut self, stored: &JournalRow, wallet: Option<&Wallet>) {
        let entry = &stored.entry;
        if let Some(expected) = self.pending_anchors.remove(&stored.seq) {
            if expected != stored.hash {
                self.anchors.fail(format!(
                    "entry {} (seq {}) no longer has the anchored hash",
                    entry.id, stored.seq
                ));
            }
        }
        self.chain.checked += 1;
        let run = self.runs.entry(entry.wallet_id.clone()).or_default();
        run.entries += 1;
        if stored.wallet_seq != run.entries {
            self.chain.fail(format!(
                "entry {} has wallet_seq {}, expected {} in wallet {}",
                entry.id, stored.wallet_seq, run.entries, entry.wallet_id
            ));
        }
        let wallet_head = run.head.replace(stored.hash.clone());
        match stored.version {
            ChainVersion::Ledger => self.check_ledger_link(stored),
            ChainVersion::Wallet => {
                self.wallet_chained = true;
                if stored.prev_hash != wallet_head.as_deref().unwrap_or(GENESIS_HASH) {
                    self.chain.fail(format!(
                        "entry {} (seq {}) does not link to its wallet's previous entry's hash",
                        entry.id, stored.seq
                    ));
                }
            }
        }
        let owner = wallet.map(Owner::of).unwrap_or(Owner {
            tenant_id: "",
            application_id: "",
            user_id: "",
        });
        if stored.recomputed_hash(owner) != stored.hash {
            self.chain.fail(format!(
                "entry {} (seq {}) does not match its hash: it, or its wallet's owner, was changed",
                entry.id, stored.seq
            ));
        }
    }

    /// A version 1 entry extends the ledger's one chain: numbered 1, 2, 3… before any entry
    /// chained per wallet, each linking to the one before.
    fn check_ledger_link(&mut self, stored: &JournalRow) {
        let entry = &stored.entry;
        if self.wallet_chained {
            self.chain.fail(format!(
                "entry {} (seq {}) is chained through the ledger after entries chained per wallet",
                entry.id, stored.seq
            ));
        }
        if stored.seq != self.expected_seq {
            self.chain.fail(format!(
                "entry {} has seq {}, expected {}",
                entry.id, stored.seq, self.expected_seq
            ));
        }
        if stored.prev_hash != self.prev_hash {
            self.chain.fail(format!(
                "entry {} (seq {}) does not link to the previous entry's hash",
                entry.id, stored.seq
            ));
        }
        self.expected_seq = stored.seq + 1;
        self.prev_hash = stored.hash.clone();
    }

    fn check_balanced(&mut self, stored: &JournalRow) {
        let entry = &stored.entry;
        self.balanced.checked += 1;
        let mut per_currency: BTreeMap<&str, i64> = BTreeMap::new();
        for p in &entry.postings {
            *per_currency.entry(&p.currency).or_default() += p.amount;
        }
        if let Some((currency, sum)) = per_currency.iter().find(|(_, sum)| **sum != 0) {
            self.balanced.fail(format!(
                "entry {} does not balance in {currency}: postings sum to {sum}",
                entry.id
            ));
        }
        let minor = entry.amount.minor();
        match entry.postings.as_slice() {
            [debit, credit] if debit.amount == minor && credit.amount == -minor => {}
            [debit, credit, rest]
                if entry.kind == TxType::Capture
                    && rest.amount < 0
                    && credit.amount == -minor
                    && debit.amount == minor.saturating_sub(rest.amount) => {}
            [_, _] => self
                .balanced
                .fail(format!("entry {}'s postings do not move its amount", entry.id)),
            [_, _, _] if entry.kind == TxType::Capture => self
                .balanced
                .fail(format!("entry {}'s postings do not move its amount", entry.id)),
            other => self
                .balanced
                .fail(format!("entry {} has {} postings, not 2", entry.id, other.len())),
        }
    }

    fn check_history(&mut self, stored: &JournalRow) {
        let entry = &stored.entry;
        self.history.checked += 1;
        let available = Account::WalletAvailable(entry.wallet_id.clone()).name();
        let frozen = Account::WalletFrozen(entry.wallet_id.clone()).name();
        let run = self.runs.entry(entry.wallet_id.clone()).or_default();
        let mut change = 0;
        for p in &entry.postings {
            // Wallet accounts are liabilities: credits (negative postings) raise them.
            if p.account == available {
                run.available -= p.amount;
                change -= p.amount;
            } else if p.account == frozen {
                run.frozen -= p.amount;
                change -= p.amount;
            }
        }
        if entry.balance_before != run.last_balance_after {
            self.history.fail(format!(
                "transaction {} says balance_before {} but the wallet's previous balance_after was {}",
                entry.id, entry.balance_before, run.last_balance_after
            ));
        }
        if entry.balance_after - entry.balance_before != change {
            self.history.fail(format!(
                "transaction {}'s balance change does not match its postings",
                entry.id
            ));
        }
        run.last_balance_after = entry.balance_after;
    }

    /// A refund refunds an earlier refundable entry of its own wallet, and its wallet's refunds
    /// of it, this one included, stay within its amount.
    fn check_refund(&mut self, stored: &JournalRow, originals: &dyn Originals) -> Result<()> {
        let entry = &stored.entry;
        if entry.kind != TxType::Refund {
            return Ok(());
        }
        self.refunds.checked += 1;
        let found = match &entry.original_id {
            Some(id) => originals.original(id, stored.seq)?,
            None => None,
        };
        let original_id = entry.original_id.as_deref().unwrap_or("(none)");
        match found {
            Some(original)
                if original.seq < stored.seq
                    && original.wallet_id == entry.wallet_id
                    && original.kind.is_refundable() =>
            {
                let refunded = original.refunded_before.saturating_add(entry.amount.minor());
                if refunded > original.amount {
                    self.refunds.fail(format!(
                        "refunds of {original_id} add up to {refunded} minor units, more than its {}",
                        original.amount
                    ));
                }
            }
            Some(_) | None => self.refunds.fail(format!(
                "refund {} names {original_id}, which is not an earlier refundable transaction of its wallet",
                entry.id
            )),
        }
        Ok(())
    }

    /// The ledger's withdrawal requests, which [`Verifier::finish`] then proves against the
    /// journal and the freeze records (the `withdrawal_requests` check, absent without them).
    pub fn withdrawal_requests(&mut self, requests: Vec<WithdrawalRequest>) {
        self.requests = Some(requests);
    }

    /// Compares the running state with the stored wallets and freeze records.
    pub fn finish(self, wallets: &[Wallet], freezes: &[Freeze], mut extra: Vec<Check>) -> Report {
        let balances = wallet_balances(wallets, self.runs);
        let frozen = freeze_records(wallets, freezes, &self.frozen_in_journal);
        let entries = self.chain.checked;
        let mut anchors = self.anchors;
        let mut missing: Vec<_> = self.pending_anchors.keys().copied().collect();
        missing.sort_unstable();
        let end = match &self.last {
            Some(Anchor::Entry { seq, .. }) => *seq,
            _ => 0,
        };
        for seq in missing {
            anchors.fail(format!(
                "the anchored entry seq {seq} is gone: the journal ends at seq {end}"
            ));
        }
        let (sealed, seal) = self.seals.finish();
        let transfers = self.transfers.finish();
        let captures = self.captures.finish(freezes);
        let reviews = self.requests.map(|r| self.reviews.finish(&r, wallets, freezes));
        let mut checks = vec![
            self.chain,
            self.balanced,
            self.history,
            balances,
            self.refunds,
            transfers,
            frozen,
            captures,
        ];
        checks.extend(reviews);
        checks.append(&mut extra);
        checks.push(sealed);
        checks.push(anchors);
        Report {
            entries,
            wallets: wallets.len() as u64,
            checks,
            head: self.last,
            seal,
            damaged: false,
        }
    }
}

/// Every wallet's cached balances are the sums of its postings; no postings name a missing wallet.
fn wallet_balances(wallets: &[Wallet], mut runs: HashMap<WalletId, WalletRun>) -> Check {
    let mut balances = Check::new(
        "wallet_balances",
        "every wallet's available and frozen balance equals the sum of its postings",
    );
    for wallet in wallets {
        balances.checked += 1;
        let run = runs.remove(&wallet.id).unwrap_or_default();
        if (run.available, run.frozen) != (wallet.available, wallet.frozen) {
            balances.fail(format!(
                "wallet {} holds available {} / frozen {} but its postings give {} / {} (minor units)",
                wallet.id, wallet.available, wallet.frozen, run.available, run.frozen
            ));
        }
        if wallet.available < 0 || wallet.frozen < 0 {
            balances.fail(format!("wallet {} has a negative balance", wallet.id));
        }
    }
    for orphan in runs.keys() {
        balances.fail(format!(
            "the journal has postings for wallet {orphan}, which does not exist"
        ));
    }
    balances
}

/// Active freezes add up to each wallet's frozen balance, and each freeze record is the one its
/// journal entries (a freeze, and an unfreeze once released) describe.
fn freeze_records(wallets: &[Wallet], freezes: &[Freeze], frozen_in_journal: &HashMap<FreezeId, (i64, bool)>) -> Check {
    let mut frozen = Check::new(
        "freezes",
        "active freezes add up to each wallet's frozen balance, and every freeze record matches the journal",
    );
    let mut active_per_wallet: HashMap<&str, i64> = HashMap::new();
    for record in freezes {
        frozen.checked += 1;
        if record.status == FreezeStatus::Active {
            *active_per_wallet.entry(&record.wallet_id).or_default() += record.amount.minor();
        }
        match frozen_in_journal.get(&record.id) {
            Some(&(amount, unfrozen)) => {
                if amount != record.amount.minor() {
                    frozen.fail(format!("freeze {}'s amount differs from its journal entry", record.id));
                }
                if unfrozen != (record.status == FreezeStatus::Released) {
                    frozen.fail(format!(
                        "freeze {} is {} but the journal disagrees",
                        record.id,
                        record.status.as_str()
                    ));
                }
            }
            None => frozen.fail(format!("freeze {} has no journal entry", record.id)),
        }
    }
    for wallet in wallets {
        let active = active_per_wallet.get(wallet.id.as_str()).copied().unwrap_or(0);
        if active != wallet.frozen {
            frozen.fail(format!(
                "wallet {}'s active freezes add up to {active} minor units, its frozen balance is {}",
                wallet.id, wallet.frozen
            ));
        }
    }
    frozen
}

#[cfg(test)]
mod tests;
