//! The journal: entries at the end of their chain, their postings, and reading them back.

use std::collections::HashMap;

use ::postgres::Row;

use super::freezes::ACTIVE_FROZEN_SQL;
use super::PgTx;
use crate::error::{Error, Result};
use crate::ledger::chain::{ChainVersion, Linked};
use crate::ledger::ids::{TransactionId, WalletId};
use crate::ledger::model::{Entry, JournalRow, Posting, RawEntry, StoredEntry, Transaction, TxType, Wallet};
use crate::ledger::money::Amount;
use crate::ledger::operations::FreezeChange;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::ledger::verify::{BalanceProof, RefundedOriginal};
use crate::store::sqlite::wallets::{currency_of, guarded_update};

pub(super) const ENTRY_COLUMNS: &str = "seq, id, wallet_id, kind, currency, amount_minor, balance_before_minor, balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request, actor, created_at, prev_hash, hash, wallet_seq, chain_version";

/// The columns an entry is inserted with: all but `seq`, which the database gives it.
const INSERTED_COLUMNS: &str = "id, wallet_id, kind, currency, amount_minor, balance_before_minor, balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request, actor, created_at, prev_hash, hash, wallet_seq, chain_version";

/// How many entries `for_each_entry` holds at once.
const ENTRY_CHUNK_ROWS: i64 = 1000;

impl PgTx<'_> {
    pub(super) fn entry(&self, id: &TransactionId) -> Result<Option<Entry>> {
        if !Self::storable(id.as_str()) {
            return Ok(None);
        }
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE id = $1");
        let row = self.first(&sql, &[&id.as_str()], entry_row)?;
        self.with_postings(row)
    }

    pub(super) fn entry_naming(&self, original_id: &TransactionId, kind: TxType) -> Result<Option<Entry>> {
        if !Self::storable(original_id.as_str()) {
            return Ok(None);
        }
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE original_id = $1 AND kind = $2");
        let row = self.first(&sql, &[&original_id.as_str(), &kind.as_str()], entry_row)?;
        self.with_postings(row)
    }

    pub(super) fn with_postings(&self, row: Option<JournalRow>) -> Result<Option<Entry>> {
        let Some(stored) = row else {
            return Ok(None);
        };
        let mut entry = stored.entry;
        entry.postings = self.postings(stored.seq)?;
        Ok(Some(checked(entry)?))
    }

    fn postings(&self, seq: i64) -> Result<Vec<Posting>> {
        self.rows(
            "SELECT account, currency, amount_minor FROM postings WHERE entry_seq = $1 ORDER BY idx",
            &[&seq],
            |r| posting_at(r, 0),
        )
    }

    /// The sum of all refunds of a transaction, in minor units (a transfer's receiving leg names
    /// its sender's leg as its original too, and is not a refund).
    pub(super) fn refunded(&self, original_id: &TransactionId) -> Result<i64> {
        let row = self.one(
            "SELECT COALESCE(SUM(amount_minor), 0)::BIGINT FROM journal_entries WHERE original_id = $1 AND kind = 'refund'",
            &[&original_id.as_str()],
        )?;
        Ok(row.try_get(0)?)
    }

    /// A refund's original for `ledger verify` (its seq, wallet, type, amount), with what its own
    /// wallet's refunds after it and before `refund_seq` refunded of it: two index seeks (the
    /// ids, then the originals), so the verifier holds no refundable entry in memory.
    pub(super) fn refund_original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>> {
        self.first(
            "SELECT o.seq, o.wallet_id, o.kind, o.amount_minor,
                (SELECT COALESCE(SUM(r.amount_minor), 0)::BIGINT FROM journal_entries r
                 WHERE r.original_id = o.id AND r.kind = 'refund' AND r.wallet_id = o.wallet_id
                   AND r.seq > o.seq AND r.seq < $2)
             FROM journal_entries o WHERE o.id = $1",
            &[&id.as_str(), &refund_seq],
            |r| {
                let kind: &str = r.try_get(2)?;
                Ok(RefundedOriginal {
                    seq: r.try_get(0)?,
                    wallet_id: WalletId::new(r.try_get::<_, &str>(1)?),
                    kind: kind.parse()?,
                    amount: r.try_get(3)?,
                    refunded_before: r.try_get(4)?,
                })
            },
        )
    }

    /// Journal entries newest first, each with its postings and the sum of its refunds.
    pub(super) fn entries(
        &self,
        wallet_id: Option<&WalletId>,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Entry, i64)>> {
        self.entry_page(wallet_id, filter, page, |tx, row| {
            let mut entry = row.entry;
            entry.postings = tx.postings(row.seq)?;
            checked(entry)
        })
    }

    /// A wallet's transactions newest first, each with the sum of its refunds: the entries
    /// without their postings, which a history does not show.
    pub(super) fn transactions(
        &self,
        wallet_id: &WalletId,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Transaction, i64)>> {
        self.entry_page(Some(wallet_id), filter, page, |_, row| Ok(row.entry.header()))
    }

    fn entry_page<E>(
        &self,
        wallet_id: Option<&WalletId>,
        filter: &EntryFilter,
        page: PageRequest,
        finish: impl Fn(&Self, JournalRow) -> Result<Entry<E>>,
    ) -> Result<Paged<(Entry<E>, i64)>> {
        let types: Option<Vec<&str>> =
            (!filter.types.is_empty()).then(|| filter.types.iter().map(|t| t.as_str()).collect());
        let wallet_id = wallet_id.map(WalletId::as_str);
        let (from, to) = (
            filter.from.as_ref().map(Timestamp::to_string),
            filter.to.as_ref().map(Timestamp::to_string),
        );
        let before = filter.before.as_ref().map(TransactionId::as_str);
        let stored = self.page_of(
            ENTRY_COLUMNS,
            &entries_where(wallet_id.is_some()),
            "seq DESC",
            &[&wallet_id, &from, &to, &filter.reference_id, &types, &before],
            page,
            entry_row,
        )?;
        let mut items = Vec::with_capacity(stored.items.len());
        for row in stored.items {
            let entry = finish(self, row)?;
            let refunded = self.refunded(&entry.id)?;
            items.push((entry, refunded));
        }
        Ok(Paged {
            items,
            total: stored.total,
            page,
        })
    }

    /// What the journal proves about a wallet's balances: its last entry and its active freezes.
    pub(super) fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE wallet_id = $1 ORDER BY seq DESC LIMIT 1");
        let last_entry = match self.first(&sql, &[&wallet_id.as_str()], entry_row)? {
            Some(mut stored) => {
                stored.entry.postings = self.postings(stored.seq)?;
                Some(stored)
            }
            None => None,
        };
        let active_frozen = self.one(ACTIVE_FROZEN_SQL, &[&wallet_id.as_str()])?.try_get(0)?;
        Ok(BalanceProof {
            last_entry,
            active_frozen,
        })
    }

    /// Appends an entry already linked onto its wallet's chain, its postings, its freeze change
    /// and its wallet's new balances, and answers the entry's `seq`. The caller's transaction
    /// makes it all or nothing.
    pub(super) fn append(
        &self,
        linked: &Linked,
        freeze: &FreezeChange,
        before: &Wallet,
        after: &Wallet,
    ) -> Result<i64> {
        let seq = self.insert_entry(linked)?;
        self.insert_postings(seq, &linked.entry)?;
        self.apply_freeze_change(freeze)?;
        self.update_balances(before, after)?;
        Ok(seq)
    }

    /// Inserts the entry row, chained in its wallet (version 2), and answers the seq the
    /// database gave it (an identity: increasing, with gaps where an insert failed).
    fn insert_entry(&self, linked: &Linked) -> Result<i64> {
        let e = &linked.entry;
        let sql = format!(
            "INSERT INTO journal_entries ({INSERTED_COLUMNS})
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
             RETURNING seq"
        );
        let (amount, created_at) = (e.amount.minor(), e.created_at.to_string());
        let original_id = e.original_id.as_ref().map(TransactionId::as_str);
        let freeze_id = e.freeze_id.as_ref().map(|id| id.as_str());
        let version = ChainVersion::Wallet.number() as i16;
        let params: [&(dyn ::postgres::types::ToSql + Sync); 19] = [
            &e.id.as_str(),
            &e.wallet_id.as_str(),
            &e.kind.as_str(),
            &e.currency.code(),
            &amount,
            &e.balance_before,
            &e.balance_after,
            &e.counterparty_id,
            &e.description,
            &e.reference_id,
            &original_id,
            &freeze_id,
            &e.request,
            &e.actor,
            &created_at,
            &linked.prev_hash,
            &linked.hash,
            &linked.wallet_seq,
            &version,
        ];
        let statement = self.prepared(&sql)?;
        match self.unless_duplicate(|tx| tx.query_one(&statement, &params))? {
            Some(row) => Ok(row.try_get(0)?),
            None => Err(self.duplicate_entry(e)),
        }
    }

    fn insert_postings(&self, seq: i64, e: &Entry) -> Result<()> {
        for (idx, p) in e.postings.iter().enumerate() {
            let idx = i64::try_from(idx).map_err(|_| Error::internal("too many postings"))?;
            self.execute(
                "INSERT INTO postings (entry_seq, idx, account, currency, amount_minor) VALUES ($1, $2, $3, $4, $5)",
                &[&seq, &idx, &p.account, &p.currency, &p.amount],
            )?;
        }
        Ok(())
    }

    /// Writes a wallet's new balances, only if they are still what the plan started from.
    fn update_balances(&self, before: &Wallet, after: &Wallet) -> Result<()> {
        let changed = self.execute(
            "UPDATE wallets SET available_minor = $2, frozen_minor = $3, updated_at = $4
             WHERE id = $1 AND available_minor = $5 AND frozen_minor = $6",
            &[
                &after.id.as_str(),
                &after.available,
                &after.frozen,
                &after.updated_at.to_string(),
                &before.available,
                &before.frozen,
            ],
        )?;
        guarded_update(usize::try_from(changed).unwrap_or(usize::MAX), &before.id)
    }

    /// Streams the journal in `seq` order, from `since` on, each entry with its postings, in
    /// keyset chunks: one snapshot, no cursor held open, no borrow held while `f` runs. Returns
    /// the seqs of postings that belong to no entry, as `ledger verify` reports them.
    pub(super) fn for_each_entry(
        &self,
        since: Option<Timestamp>,
        mut f: impl FnMut(JournalRow) -> Result<()>,
    ) -> Result<Vec<i64>> {
        let first_seq: i64 = match since {
            None => 0,
            Some(since) => self
                .one(
                    "SELECT COALESCE(MIN(seq), 9223372036854775807) FROM journal_entries WHERE created_at >= $1",
                    &[&since.to_string()],
                )?
                .try_get(0)?,
        };
        let entries_sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE seq >= $1 ORDER BY seq LIMIT $2");
        let mut next = first_seq;
        loop {
            let chunk = self.rows(&entries_sql, &[&next, &ENTRY_CHUNK_ROWS], entry_row)?;
            let Some(last) = chunk.last() else { break };
            next = last.seq.saturating_add(1);
            let seqs: Vec<i64> = chunk.iter().map(|row| row.seq).collect();
            let mut postings = self.postings_of(&seqs)?;
            for mut row in chunk {
                row.entry.postings = postings.remove(&row.seq).unwrap_or_default();
                f(row)?;
            }
        }
        self.rows(
            "SELECT p.entry_seq FROM postings p LEFT JOIN journal_entries e ON e.seq = p.entry_seq
             WHERE p.entry_seq >= $1 AND e.seq IS NULL ORDER BY p.entry_seq, p.idx",
            &[&first_seq],
            |r| Ok(r.try_get(0)?),
        )
    }

    /// The postings of the entries `seqs`, by entry, each entry's in order.
    fn postings_of(&self, seqs: &[i64]) -> Result<HashMap<i64, Vec<Posting>>> {
        let rows = self.rows(
            "SELECT entry_seq, account, currency, amount_minor FROM postings WHERE entry_seq = ANY($1)
             ORDER BY entry_seq, idx",
            &[&seqs],
            |r| Ok((r.try_get::<_, i64>(0)?, posting_at(r, 1)?)),
        )?;
        let mut by_entry: HashMap<i64, Vec<Posting>> = HashMap::new();
        for (seq, posting) in rows {
            by_entry.entry(seq).or_default().push(posting);
        }
        Ok(by_entry)
    }
}

/// The filter of [`PgTx::entries`], each condition off while its value is NULL. One wallet's
/// list is spelled `wallet_id = $1`, as SQLite's is, so that it seeks on `(wallet_id, seq)`
/// even under a prepared statement's generic plan, which cannot tell that `$1` is never NULL.
fn entries_where(one_wallet: bool) -> String {
    let wallet = if one_wallet {
        "wallet_id = $1"
    } else {
        "$1::text IS NULL"
    };
    format!(
        "journal_entries
         WHERE {wallet} AND ($2::text IS NULL OR created_at >= $2)
           AND ($3::text IS NULL OR created_at < $3) AND ($4::text IS NULL OR reference_id = $4)
           AND ($5::text[] IS NULL OR kind = ANY($5))
           AND ($6::text IS NULL OR seq < (SELECT seq FROM journal_entries WHERE id = $6))"
    )
}

fn posting_at(r: &Row, first: usize) -> Result<Posting> {
    Ok(Posting {
        account: r.try_get(first)?,
        currency: r.try_get(first + 1)?,
        amount: r.try_get(first + 2)?,
    })
}

pub(super) fn entry_row(r: &Row) -> Result<JournalRow> {
    let kind: &str = r.try_get(3)?;
    let currency: &str = r.try_get(4)?;
    let amount: i64 = r.try_get(5)?;
    let amount = Amount::from_stored(amount)
        .ok_or_else(|| Error::internal(format!("stored amount {amount} is not positive")))?;
    Ok(StoredEntry {
        seq: r.try_get(0)?,
        entry: Entry {
            id: r.try_get(1)?,
            wallet_id: r.try_get(2)?,
            kind: kind.parse()?,
            currency: currency_of(currency)?,
            amount,
            balance_before: r.try_get(6)?,
            balance_after: r.try_get(7)?,
            counterparty_id: r.try_get(8)?,
            description: r.try_get(9)?,
            reference_id: r.try_get(10)?,
            original_id: r.try_get(11)?,
            freeze_id: r.try_get(12)?,
            request: r.try_get(13)?,
            actor: r.try_get(14)?,
            created_at: r.try_get(15)?,
            postings: Vec::new(),
        },
        prev_hash: r.try_get(16)?,
        hash: r.try_get(17)?,
        wallet_seq: r.try_get(18)?,
        version: chain_version(r.try_get(19)?)?,
    })
}

/// The stored `chain_version`; any other number is a ledger edited by hand.
fn chain_version(n: i16) -> Result<ChainVersion> {
    ChainVersion::from_number(i64::from(n)).ok_or_else(|| Error::StorageIntegrity {
        message: format!("a journal entry has chain_version {n}, which ledgerctl never writes"),
    })
}

/// A stored entry whose postings balance; one that does not is a damaged or hand-edited ledger.
fn checked(entry: RawEntry) -> Result<Entry> {
    entry.checked().map_err(|message| Error::StorageIntegrity { message })
}
