//! Seals: every wallet's chain head recorded at one moment, chained seal to seal. Inherent
//! methods until the storage interface names them (their SQLite twins have the same
//! signatures).

use std::collections::HashMap;

use ::postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::seal::{Head, Seal};

impl PgTx<'_> {
    /// Every wallet's last entry: its place in the wallet and its hash. One seek per wallet on
    /// `(wallet_id, wallet_seq)`.
    pub(super) fn wallet_heads(&self) -> Result<Vec<Head>> {
        self.rows(
            "SELECT j.wallet_id, j.wallet_seq, j.hash
             FROM (SELECT wallet_id, MAX(wallet_seq) AS last FROM journal_entries GROUP BY wallet_id) AS h
             JOIN journal_entries AS j ON j.wallet_id = h.wallet_id AND j.wallet_seq = h.last
             ORDER BY j.wallet_id",
            &[],
            head_row,
        )
    }

    /// Each sealed wallet's last sealed `wallet_seq`.
    pub(super) fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>> {
        let pairs = self.rows(
            "SELECT wallet_id, MAX(wallet_seq) FROM seal_heads GROUP BY wallet_id",
            &[],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )?;
        Ok(pairs.into_iter().collect())
    }

    /// The last seal, with the heads it recorded.
    pub(super) fn last_seal(&self) -> Result<Option<Seal>> {
        self.lock_ledger_chains()?;
        let seals = self.seals_where("seq = (SELECT MAX(seq) FROM seals)")?;
        Ok(seals.into_iter().next())
    }

    /// Every seal in order, each with its heads: what `ledger verify` checks.
    pub(super) fn all_seals(&self) -> Result<Vec<Seal>> {
        self.seals_where("TRUE")
    }

    fn seals_where(&self, condition: &str) -> Result<Vec<Seal>> {
        let mut seals = self.rows(
            &format!("SELECT seq, created_at, actor, prev_hash, hash FROM seals WHERE {condition} ORDER BY seq"),
            &[],
            seal_row,
        )?;
        let seqs: Vec<i64> = seals.iter().map(|s| s.seq).collect();
        let heads = self.rows(
            "SELECT seal_seq, wallet_id, wallet_seq, hash FROM seal_heads WHERE seal_seq = ANY($1)
             ORDER BY seal_seq, wallet_id",
            &[&seqs],
            |r| Ok((r.try_get::<_, i64>(0)?, head_at(r, 1)?)),
        )?;
        let mut by_seal: HashMap<i64, Vec<Head>> = HashMap::new();
        for (seq, head) in heads {
            by_seal.entry(seq).or_default().push(head);
        }
        for seal in &mut seals {
            seal.heads = by_seal.remove(&seal.seq).unwrap_or_default();
        }
        Ok(seals)
    }

    /// Appends a seal made by [`Seal::next`] and the heads it records.
    pub(super) fn insert_seal(&self, seal: &Seal) -> Result<()> {
        self.execute(
            "INSERT INTO seals (seq, created_at, actor, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)",
            &[
                &seal.seq,
                &seal.created_at.to_string(),
                &seal.actor,
                &seal.prev_hash,
                &seal.hash,
            ],
        )?;
        for head in &seal.heads {
            self.execute(
                "INSERT INTO seal_heads (seal_seq, wallet_id, wallet_seq, hash) VALUES ($1, $2, $3, $4)",
                &[&seal.seq, &head.wallet_id.as_str(), &head.wallet_seq, &head.hash],
            )?;
        }
        Ok(())
    }
}

fn head_row(r: &Row) -> Result<Head> {
    head_at(r, 0)
}

fn head_at(r: &Row, first: usize) -> Result<Head> {
    Ok(Head {
        wallet_id: r.try_get(first)?,
        wallet_seq: r.try_get(first + 1)?,
        hash: r.try_get(first + 2)?,
    })
}

fn seal_row(r: &Row) -> Result<Seal> {
    Ok(Seal {
        seq: r.try_get(0)?,
        created_at: r.try_get(1)?,
        actor: r.try_get(2)?,
        heads: Vec::new(),
        prev_hash: r.try_get(3)?,
        hash: r.try_get(4)?,
    })
}
