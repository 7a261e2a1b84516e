//! Journal entries: their balanced postings, the rows they are stored as, and the checks that
//! turn a row back into an entry.

use serde::Serialize;

use super::chain::{entry_hash, ChainVersion, Link, Owner};
use super::ids::{FreezeId, TransactionId, WalletId};
use super::model::{Account, TxType};
use super::money::{Amount, Currency};
use super::time::Timestamp;

/// One line of a journal entry. `amount` is signed: positive debits, negative credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posting {
    pub account: String,
    pub currency: String,
    pub amount: i64,
}

/// An entry's postings, which balance: the debit first, then the credit of the same amount in
/// the same currency; a capture's may add a second credit, the part of the hold released
/// (debit = captured + released). Its constructors are the only way to build one, so an
/// [`Entry`] holds balanced postings whatever made it: a rule, or a row read back and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Postings(Vec<Posting>);

impl Postings {
    /// The postings of moving `amount` from the `credit` account to the `debit` account.
    pub fn transfer(debit: &Account, credit: &Account, currency: Currency, amount: Amount) -> Postings {
        Postings::pair(debit.name(), credit.name(), currency.code(), amount)
    }

    /// A capture's postings: `held` out of `frozen`, `captured` of it credited to `out` (the
    /// settlement or a counterparty) and the rest, if any, to `available`.
    pub fn capture(
        frozen: &Account,
        out: &Account,
        available: &Account,
        currency: Currency,
        held: Amount,
        captured: Amount,
    ) -> Postings {
        debug_assert!(captured.minor() <= held.minor(), "the rule caps a capture at its hold");
        let posting = |account: &Account, amount: i64| Posting {
            account: account.name(),
            currency: currency.code().to_owned(),
            amount,
        };
        let mut postings = vec![posting(frozen, held.minor()), posting(out, -captured.minor())];
        let released = held.minor() - captured.minor();
        if released > 0 {
            postings.push(posting(available, -released));
        }
        Postings(postings)
    }

    /// The postings that move `amount` back the other way (a refund of these): from the
    /// account credited first back to the one debited, or, for a capture, back to the
    /// wallet's available balance (`to`): the hold has ended, so nothing returns to frozen.
    pub fn mirror(&self, amount: Amount, to: Option<&Account>) -> Postings {
        let (debit, credit) = (&self.0[0], &self.0[1]);
        let back = to.map_or_else(|| debit.account.clone(), Account::name);
        Postings::pair(credit.account.clone(), back, &credit.currency, amount)
    }

    fn pair(debit: String, credit: String, currency: &str, amount: Amount) -> Postings {
        let posting = |account: String, amount: i64| Posting {
            account,
            currency: currency.to_owned(),
            amount,
        };
        Postings(vec![posting(debit, amount.minor()), posting(credit, -amount.minor())])
    }
}

impl AsRef<[Posting]> for Postings {
    fn as_ref(&self) -> &[Posting] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Postings {
    type Item = &'a Posting;
    type IntoIter = std::slice::Iter<'a, Posting>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl std::ops::Deref for Postings {
    type Target = [Posting];
    fn deref(&self) -> &[Posting] {
        &self.0
    }
}

/// A journal entry: one money movement of one wallet, two postings that sum to zero (a capture
/// that releases part of its hold has three).
///
/// This is also the wallet-level transaction record (`txn_…`) the API returns. Entries are
/// append-only; a correction is a new entry (a refund or an adjustment).
///
/// `P` is what holds its postings: [`Postings`] (balanced by construction) everywhere but in
/// [`RawEntry`], a row exactly as the file holds it, which only `ledger verify` reads and which
/// [`RawEntry::checked`] turns into an `Entry`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<P = Postings> {
    pub id: TransactionId,
    pub wallet_id: WalletId,
    pub kind: TxType,
    pub currency: Currency,
    pub amount: Amount,
    /// The wallet's total balance before and after (a freeze leaves it unchanged).
    pub balance_before: i64,
    pub balance_after: i64,
    pub counterparty_id: Option<String>,
    pub description: Option<String>,
    pub reference_id: Option<String>,
    /// For a refund: the transaction it refunds.
    pub original_id: Option<TransactionId>,
    /// For a freeze or unfreeze: the freeze record.
    pub freeze_id: Option<FreezeId>,
    pub postings: P,
    /// The canonical form of the request that made it, compared on `reference_id` replays.
    pub request: String,
    pub actor: String,
    pub created_at: Timestamp,
}

/// A transaction record: an entry's fields without its postings, as a wallet's history lists it.
pub type Transaction = Entry<()>;

/// A journal row as stored, its postings not yet checked: what `ledger verify` inspects, and
/// what a hand-edited file may hold.
pub type RawEntry = Entry<Vec<Posting>>;

impl<P> Entry<P> {
    /// The reason its request gave (refunds, freezes, unfreezes, adjustments), if any. Read from
    /// the stored canonical request, which every entry's hash covers, old entries included: no
    /// second copy to drift from it, and no change to any hash.
    pub fn reason(&self) -> Option<String> {
        let request: serde_json::Value = serde_json::from_str(&self.request).ok()?;
        request.get("reason")?.as_str().map(str::to_owned)
    }

    fn with_postings<Q>(self, postings: Q) -> Entry<Q> {
        Entry {
            id: self.id,
            wallet_id: self.wallet_id,
            kind: self.kind,
            currency: self.currency,
            amount: self.amount,
            balance_before: self.balance_before,
            balance_after: self.balance_after,
            counterparty_id: self.counterparty_id,
            description: self.description,
            reference_id: self.reference_id,
            original_id: self.original_id,
            freeze_id: self.freeze_id,
            postings,
            request: self.request,
            actor: self.actor,
            created_at: self.created_at,
        }
    }
}

impl RawEntry {
    /// The entry, if its postings are two that move its amount in its currency, debit first,
    /// or a capture's three (its amount credited second, the released rest third): the rule
    /// [`Postings`] keeps. Otherwise why not, for an error (`ledger verify` reports the same
    /// rows through its own checks).
    pub fn checked(mut self) -> std::result::Result<Entry, String> {
        if !moves_amount(self.kind, self.amount.minor(), self.currency.code(), &self.postings) {
            return Err(format!("entry {}'s postings do not balance its amount", self.id));
        }
        let postings = Postings(std::mem::take(&mut self.postings));
        Ok(self.with_postings(postings))
    }
}

/// Whether `postings` are the shape [`Postings`] keeps for an entry of `kind` moving `minor`
/// in `code`: a debit and a credit of it, or for a capture a debit of more, credited as
/// `minor` and a positive released rest.
pub fn moves_amount(kind: TxType, minor: i64, code: &str, postings: &[Posting]) -> bool {
    let moves = |p: &Posting, amount: i64| p.amount == amount && p.currency == code;
    match postings {
        [debit, credit] => moves(debit, minor) && moves(credit, -minor),
        [debit, credit, released] if kind == TxType::Capture => {
            released.amount < 0
                && released.currency == code
                && moves(credit, -minor)
                && moves(debit, minor.saturating_sub(released.amount))
        }
        _ => false,
    }
}

impl Entry {
    /// The entry as a [`RawEntry`]: what its row holds.
    pub fn raw(mut self) -> RawEntry {
        let postings = std::mem::take(&mut self.postings.0);
        self.with_postings(postings)
    }
}

impl<P> Entry<P> {
    /// The entry's transaction fields without its postings: what a wallet's history lists.
    pub fn header(self) -> Transaction {
        self.with_postings(())
    }
}

/// An entry as stored: with its place in the journal and in its hash chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry<P = Postings> {
    /// Its place in the whole journal: increasing, with gaps where a PostgreSQL insert failed.
    pub seq: i64,
    /// Its place among its wallet's entries: 1, 2, 3…
    pub wallet_seq: i64,
    pub version: ChainVersion,
    pub entry: Entry<P>,
    pub prev_hash: String,
    pub hash: String,
}

/// A journal row exactly as the file holds it, postings unchecked: what `ledger verify` and
/// the cached-balance proof inspect.
pub type JournalRow = StoredEntry<Vec<Posting>>;

impl JournalRow {
    /// The stored entry, if its postings balance ([`RawEntry::checked`]).
    pub fn checked(self) -> std::result::Result<StoredEntry, String> {
        Ok(StoredEntry {
            seq: self.seq,
            wallet_seq: self.wallet_seq,
            version: self.version,
            entry: self.entry.checked()?,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

impl<P: AsRef<[Posting]>> StoredEntry<P> {
    /// Its place as its chain's hash covers it.
    pub fn link(&self) -> Link {
        match self.version {
            ChainVersion::Ledger => Link::Ledger { seq: self.seq },
            ChainVersion::Wallet => Link::Wallet {
                wallet_seq: self.wallet_seq,
            },
        }
    }

    /// The hash its content, place and `prev_hash` give, with its wallet's `owner`: equal to
    /// `hash` unless the row (or the wallet's owner) was changed after it was written.
    pub fn recomputed_hash(&self, owner: Owner) -> String {
        entry_hash(self.link(), &self.entry, owner, &self.prev_hash)
    }
}

impl StoredEntry {
    /// The row this stored entry is.
    pub fn raw(self) -> JournalRow {
        StoredEntry {
            seq: self.seq,
            wallet_seq: self.wallet_seq,
            version: self.version,
            entry: self.entry.raw(),
            prev_hash: self.prev_hash,
            hash: self.hash,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(postings: impl FnOnce(Vec<Posting>) -> Vec<Posting>) -> RawEntry {
        let wallet = Account::WalletAvailable("wlt_1".into());
        let amount = Amount::from_stored(5_000).expect("positive");
        let balanced = Postings::transfer(&wallet, &Account::Settlement(Currency::CNY), Currency::CNY, amount);
        Entry {
            id: "txn_1".into(),
            wallet_id: "wlt_1".into(),
            kind: TxType::Withdraw,
            currency: Currency::CNY,
            amount,
            balance_before: 5_000,
            balance_after: 0,
            counterparty_id: None,
            description: None,
            reference_id: None,
            original_id: None,
            freeze_id: None,
            postings: postings(balanced.to_vec()),
            request: "{}".into(),
            actor: "test".into(),
            created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_row_becomes_an_entry_only_when_its_postings_move_its_amount() {
        let entry = payment(|p| p).checked().expect("balanced");
        let amounts: Vec<i64> = (&entry.postings).into_iter().map(|p| p.amount).collect();
        assert_eq!(amounts, [5_000, -5_000], "the debit first, then the credit");
        assert_eq!(entry.clone().raw(), payment(|p| p), "the round trip keeps the row");
        let broken: [fn(Vec<Posting>) -> Vec<Posting>; 5] = [
            |mut p| {
                p[0].amount += 1;
                p
            },
            |mut p| {
                p[0].amount += 1;
                p[1].amount -= 1;
                p
            },
            |mut p| {
                p[1].currency = "USD".into();
                p
            },
            |mut p| {
                p.swap(0, 1);
                p
            },
            |mut p| {
                p.push(p[0].clone());
                p
            },
        ];
        for (i, edit) in broken.into_iter().enumerate() {
            assert_eq!(
                payment(edit).checked().unwrap_err(),
                "entry txn_1's postings do not balance its amount",
                "edit {i}"
            );
        }
    }

    #[test]
    fn a_mirror_moves_part_of_the_amount_back() {
        let entry = payment(|p| p).checked().expect("balanced");
        let back = entry
            .postings
            .mirror(Amount::from_stored(2_000).expect("positive"), None);
        assert_eq!(back[0].account, "assets:settlement:CNY");
        assert_eq!(back[0].amount, 2_000);
        assert_eq!(back[1].account, "liabilities:wallet:wlt_1:available");
        assert_eq!(back[1].amount, -2_000);
        assert!(back.iter().all(|p| p.currency == "CNY"));
    }
}
