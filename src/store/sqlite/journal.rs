//! The journal: entries at the end of the hash chain, their postings, and reading them back.

use rusqlite::{params, OptionalExtension, Row};

use super::freezes::ACTIVE_FROZEN_SQL;
use super::wallets::currency_of;
use super::SqliteTx;
use crate::error::{Error, Result};
use crate::ledger::chain::{ChainVersion, Linked};
use crate::ledger::ids::{TransactionId, WalletId};
use crate::ledger::model::{Entry, JournalRow, Posting, RawEntry, StoredEntry, Transaction, TxType, Wallet};
use crate::ledger::money::{Amount, Currency};
use crate::ledger::operations::FreezeChange;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::ledger::verify::{BalanceProof, RefundedOriginal};

/// An entry's postings in order. The CAST, here and in [`last_entry_of_wallet_sql`]: SQLite
/// (3.54) compiles a query whose `ORDER BY` follows an equality on a bare parameter against that
/// parameter's value, and compiles it again each time it is bound to another, which every batch
/// line did (a quarter of a refund line's time); a cast value is not looked at when planning.
/// Both columns are of the cast's type in these STRICT tables, so no row compares differently.
pub(super) const POSTINGS_OF_ENTRY_SQL: &str =
    "SELECT account, currency, amount_minor FROM postings WHERE entry_seq = CAST(?1 AS INTEGER) ORDER BY idx";

pub(super) const ENTRY_COLUMNS: &str = "seq, id, wallet_id, kind, currency, amount_minor, balance_before_minor, balance_after_minor, counterparty_id, description, reference_id, original_id, freeze_id, request, actor, created_at, prev_hash, hash, wallet_seq, chain_version";

impl SqliteTx<'_> {
    pub(super) fn entry(&self, id: &TransactionId) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE id = ?1");
        let row = self
            .q()
            .prepare_cached(&sql)?
            .query_row(params![id], entry_row)
            .optional()?;
        self.with_postings(row)
    }

    pub(super) fn entry_naming(&self, original_id: &TransactionId, kind: TxType) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE original_id = ?1 AND kind = ?2");
        let row = self
            .q()
            .prepare_cached(&sql)?
            .query_row(params![original_id, kind.as_str()], entry_row)
            .optional()?;
        self.with_postings(row)
    }

    pub(super) fn with_postings(&self, row: Option<Result<JournalRow>>) -> Result<Option<Entry>> {
        let Some(stored) = row.transpose()? else {
            return Ok(None);
        };
        let mut entry = stored.entry;
        entry.postings = self.postings(stored.seq)?;
        Ok(Some(checked(entry)?))
    }

    fn postings(&self, seq: i64) -> Result<Vec<Posting>> {
        self.q()
            .prepare_cached(POSTINGS_OF_ENTRY_SQL)?
            .query_map(params![seq], |r| {
                Ok(Posting {
                    account: r.get(0)?,
                    currency: r.get(1)?,
                    amount: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()
            .map_err(Error::from)
    }

    /// The sum of all refunds of a transaction, in minor units (a transfer's receiving leg names
    /// its sender's leg as its original too, and is not a refund).
    pub(super) fn refunded(&self, original_id: &TransactionId) -> Result<i64> {
        Ok(self
            .q()
            .prepare_cached(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entries WHERE original_id = ?1 AND kind = 'refund'",
            )?
            .query_row(params![original_id], |r| r.get(0))?)
    }

    /// A refund's original for `ledger verify` (its seq, wallet, type, amount), with what its own
    /// wallet's refunds after it and before `refund_seq` refunded of it: two index seeks (the
    /// ids, then the originals), so the verifier holds no refundable entry in memory.
    pub(super) fn refund_original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>> {
        let found = self
            .q()
            .prepare_cached(REFUND_ORIGINAL_SQL)?
            .query_row(params![id, refund_seq], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        found
            .map(|(seq, wallet_id, kind, amount, refunded_before)| {
                Ok(RefundedOriginal {
                    seq,
                    wallet_id,
                    kind: kind.parse()?,
                    amount,
                    refunded_before,
                })
            })
            .transpose()
    }

    /// Journal entries newest first, each with its postings and the sum of its refunds: of one
    /// wallet, or of the whole ledger; narrowed by `filter`.
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

    /// A wallet's transactions newest first, each with the sum of its refunds, narrowed by
    /// `filter`: the entries without their postings, which a history does not show.
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
        let types = (!filter.types.is_empty())
            .then(|| serde_json::to_string(&filter.types.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
            .transpose()
            .map_err(|e| Error::internal(e.to_string()))?;
        let from_where = format!("journal_entries {}", entries_where(wallet_id.is_some()));
        let filter_params: [&dyn rusqlite::ToSql; 6] = [
            &wallet_id,
            &filter.from,
            &filter.to,
            &filter.reference_id,
            &types,
            &filter.before,
        ];
        let stored = self.page_of(ENTRY_COLUMNS, &from_where, "seq DESC", &filter_params, page, entry_row)?;
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
    /// Two index seeks, whatever the wallet's history (`query_plans::balance_proof_seeks_on_indexes`).
    pub(super) fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof> {
        let row = self
            .q()
            .prepare_cached(&last_entry_of_wallet_sql())?
            .query_row(params![wallet_id], entry_row)
            .optional()?;
        let last_entry = match row.transpose()? {
            Some(mut stored) => {
                stored.entry.postings = self.postings(stored.seq)?;
                Some(stored)
            }
            None => None,
        };
        let active_frozen = self
            .q()
            .prepare_cached(ACTIVE_FROZEN_SQL)?
            .query_row(params![wallet_id], |r| r.get(0))?;
        Ok(BalanceProof {
            last_entry,
            active_frozen,
        })
    }

    /// Appends an entry already linked onto its wallet's chain ([`chain::link`]), its postings,
    /// its freeze change and its wallet's new balances, and returns the entry's `seq`. The
    /// caller's transaction makes it all or nothing.
    ///
    /// [`chain::link`]: crate::ledger::chain::link
    pub(super) fn append(
        &self,
        linked: &Linked,
        freeze: &FreezeChange,
        before: &Wallet,
        after: &Wallet,
    ) -> Result<i64> {
        let e = &linked.entry;
        let seq = self.insert_entry(linked)?;
        self.insert_postings(seq, &e.postings)?;
        self.apply_freeze_change(freeze)?;
        self.update_balances(before, after)?;
        Ok(seq)
    }

    /// Inserts the entry row; SQLite gives it the next `seq`.
    fn insert_entry(&self, linked: &Linked) -> Result<i64> {
        let e = &linked.entry;
        let chain = (
            linked.wallet_seq,
            ChainVersion::Wallet,
            linked.prev_hash.as_str(),
            linked.hash.as_str(),
        );
        self.insert_entry_row(None, e, chain)
            .map_err(|err| self.unique_reference_or(err, e))
    }

    /// Stores journal rows as another ledger holds them, each at its own `seq`, in the order
    /// given: the chain trigger checks each against the rows before it.
    pub(super) fn import_entries(&self, rows: &[JournalRow]) -> Result<()> {
        for row in rows {
            let chain = (row.wallet_seq, row.version, row.prev_hash.as_str(), row.hash.as_str());
            let seq = self.insert_entry_row(Some(row.seq), &row.entry, chain)?;
            self.insert_postings(seq, &row.entry.postings)?;
        }
        Ok(())
    }

    /// One `journal_entries` row at `seq` (the next one if `None`) with its place in its chain
    /// (`wallet_seq`, version, `prev_hash`, hash); the seq it was stored at.
    fn insert_entry_row<P>(
        &self,
        seq: Option<i64>,
        e: &Entry<P>,
        (wallet_seq, version, prev_hash, hash): (i64, ChainVersion, &str, &str),
    ) -> rusqlite::Result<i64> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO journal_entries ({ENTRY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) RETURNING seq"
            ))?
            .query_row(
                params![
                    seq,
                    e.id,
                    e.wallet_id,
                    e.kind.as_str(),
                    e.currency.code(),
                    e.amount.minor(),
                    e.balance_before,
                    e.balance_after,
                    e.counterparty_id,
                    e.description,
                    e.reference_id,
                    e.original_id,
                    e.freeze_id,
                    e.request,
                    e.actor,
                    e.created_at,
                    prev_hash,
                    hash,
                    wallet_seq,
                    version
                ],
                |r| r.get(0),
            )
    }

    fn insert_postings(&self, seq: i64, postings: &[Posting]) -> Result<()> {
        let mut insert_posting = self.q().prepare_cached(
            "INSERT INTO postings (entry_seq, idx, account, currency, amount_minor) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (idx, p) in postings.iter().enumerate() {
            insert_posting.execute(params![seq, idx as i64, p.account, p.currency, p.amount])?;
        }
        Ok(())
    }

    /// Writes a wallet's new balances, only if they are still what the plan started from.
    fn update_balances(&self, before: &Wallet, after: &Wallet) -> Result<()> {
        let changed = self
            .q()
            .prepare_cached(
                "UPDATE wallets SET available_minor = ?2, frozen_minor = ?3, updated_at = ?4
                 WHERE id = ?1 AND available_minor = ?5 AND frozen_minor = ?6",
            )?
            .execute(params![
                after.id,
                after.available,
                after.frozen,
                after.updated_at,
                before.available,
                before.frozen
            ])?;
        super::wallets::guarded_update(changed, &before.id)
    }

    /// Streams the journal in `seq` order, from `since` (a stored timestamp) on, each entry with
    /// its postings. Returns the postings that belong to no entry, as `ledger verify` reports them.
    pub(super) fn for_each_entry(
        &self,
        since: Option<Timestamp>,
        mut f: impl FnMut(JournalRow) -> Result<()>,
    ) -> Result<Vec<i64>> {
        // The first seq at or after `since`: both streams start there, so postings line up.
        let first_seq: i64 = match since {
            None => 0,
            Some(since) => self
                .q()
                .prepare("SELECT COALESCE(MIN(seq), 9223372036854775807) FROM journal_entries WHERE created_at >= ?1")?
                .query_row(params![since], |r| r.get(0))?,
        };
        let mut entries = self.q().prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE seq >= ?1 ORDER BY seq"
        ))?;
        let mut postings = self.q().prepare(
            "SELECT entry_seq, account, currency, amount_minor FROM postings WHERE entry_seq >= ?1 ORDER BY entry_seq, idx",
        )?;
        let mut posting_rows = postings.query_map(params![first_seq], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Posting {
                    account: r.get(1)?,
                    currency: r.get(2)?,
                    amount: r.get(3)?,
                },
            ))
        })?;
        let mut pending = posting_rows.next().transpose()?;
        let mut strays = Vec::new();
        for row in entries.query_map(params![first_seq], entry_row)? {
            let mut stored = row??;
            // Both streams are ordered by seq: take this entry's postings, note any without one.
            while let Some((seq, posting)) = pending.take() {
                if seq > stored.seq {
                    pending = Some((seq, posting));
                    break;
                }
                if seq == stored.seq {
                    stored.entry.postings.push(posting);
                } else {
                    strays.push(seq);
                }
                pending = posting_rows.next().transpose()?;
            }
            f(stored)?;
        }
        while let Some((seq, _)) = pending {
            strays.push(seq);
            pending = posting_rows.next().transpose()?;
        }
        Ok(strays)
    }
}

/// The filter of [`SqliteTx::entries`]. One wallet's list is spelled `wallet_id = ?1` so that it seeks
/// on `(wallet_id, seq)`; `?1 IS NULL OR wallet_id = ?1` made SQLite scan every tenant's journal.
pub(super) fn entries_where(one_wallet: bool) -> String {
    let wallet = if one_wallet { "wallet_id = ?1" } else { "?1 IS NULL" };
    format!(
        "WHERE {wallet} AND (?2 IS NULL OR created_at >= ?2) AND (?3 IS NULL OR created_at < ?3)
           AND (?4 IS NULL OR reference_id = ?4) AND (?5 IS NULL OR kind IN (SELECT value FROM json_each(?5)))
           AND (?6 IS NULL OR seq < (SELECT seq FROM journal_entries WHERE id = ?6))"
    )
}

pub(super) fn last_entry_of_wallet_sql() -> String {
    format!("SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE wallet_id = CAST(?1 AS TEXT) ORDER BY seq DESC LIMIT 1")
}

/// The original `?1` and its own wallet's refunds between it and the refund at seq `?2`.
const REFUND_ORIGINAL_SQL: &str = "SELECT o.seq, o.wallet_id, o.kind, o.amount_minor,
    (SELECT COALESCE(SUM(r.amount_minor), 0) FROM journal_entries r
     WHERE r.original_id = o.id AND r.kind = 'refund' AND r.wallet_id = o.wallet_id
       AND r.seq > o.seq AND r.seq < ?2)
    FROM journal_entries o WHERE o.id = ?1";

pub(super) fn entry_row(r: &Row) -> rusqlite::Result<Result<JournalRow>> {
    let kind: String = r.get(3)?;
    let currency: String = r.get(4)?;
    let amount: i64 = r.get(5)?;
    let parsed = (|| -> Result<(TxType, Currency, Amount)> {
        let amount = Amount::from_stored(amount)
            .ok_or_else(|| Error::internal(format!("stored amount {amount} is not positive")))?;
        Ok((kind.parse()?, currency_of(&currency)?, amount))
    })();
    let (kind, currency, amount) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(StoredEntry {
        seq: r.get(0)?,
        entry: Entry {
            id: r.get(1)?,
            wallet_id: r.get(2)?,
            kind,
            currency,
            amount,
            balance_before: r.get(6)?,
            balance_after: r.get(7)?,
            counterparty_id: r.get(8)?,
            description: r.get(9)?,
            reference_id: r.get(10)?,
            original_id: r.get(11)?,
            freeze_id: r.get(12)?,
            request: r.get(13)?,
            actor: r.get(14)?,
            created_at: r.get(15)?,
            postings: Vec::new(),
        },
        prev_hash: r.get(16)?,
        hash: r.get(17)?,
        wallet_seq: r.get(18)?,
        version: r.get(19)?,
    }))
}

/// A stored entry whose postings balance; one that does not is a damaged or hand-edited file.
fn checked(entry: RawEntry) -> Result<Entry> {
    entry.checked().map_err(|message| Error::StorageIntegrity { message })
}
