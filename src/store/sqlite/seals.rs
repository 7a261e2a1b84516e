//! Seals: every wallet's chain head recorded at one moment, chained seal to seal.

use std::collections::HashMap;

use rusqlite::{params, Row};

use super::SqliteTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::seal::{Head, Seal};

impl SqliteTx<'_> {
    /// Every wallet's last entry: its place in the wallet and its hash. One seek per wallet on
    /// `(wallet_id, wallet_seq)`.
    pub(super) fn wallet_heads(&self) -> Result<Vec<Head>> {
        self.rows(
            "SELECT j.wallet_id, j.wallet_seq, j.hash
             FROM (SELECT wallet_id, MAX(wallet_seq) AS last FROM journal_entries GROUP BY wallet_id) AS h
             JOIN journal_entries AS j ON j.wallet_id = h.wallet_id AND j.wallet_seq = h.last
             ORDER BY j.wallet_id",
            [],
            head_row,
        )
    }

    /// Each sealed wallet's last sealed `wallet_seq`.
    pub(super) fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>> {
        let pairs = self.rows(
            "SELECT wallet_id, MAX(wallet_seq) FROM seal_heads GROUP BY wallet_id",
            [],
            |r| Ok(Ok((r.get(0)?, r.get(1)?))),
        )?;
        Ok(pairs.into_iter().collect())
    }

    /// The last seal, with the heads it recorded.
    pub(super) fn last_seal(&self) -> Result<Option<Seal>> {
        let seals = self.seals_where("seq = (SELECT MAX(seq) FROM seals)")?;
        Ok(seals.into_iter().next())
    }

    /// Every seal in order, each with its heads: what `ledger verify` checks.
    pub(super) fn all_seals(&self) -> Result<Vec<Seal>> {
        self.seals_where("1")
    }

    fn seals_where(&self, condition: &str) -> Result<Vec<Seal>> {
        let mut seals = self.rows(
            &format!("SELECT seq, created_at, actor, prev_hash, hash FROM seals WHERE {condition} ORDER BY seq"),
            [],
            seal_row,
        )?;
        let mut heads = self.q().prepare_cached(
            "SELECT wallet_id, wallet_seq, hash FROM seal_heads WHERE seal_seq = ?1 ORDER BY wallet_id",
        )?;
        for seal in &mut seals {
            seal.heads = heads
                .query_map(params![seal.seq], head_row)?
                .map(|r| r?)
                .collect::<Result<_>>()?;
        }
        Ok(seals)
    }

    /// Appends a seal made by [`Seal::next`] and the heads it records.
    pub(super) fn insert_seal(&self, seal: &Seal) -> Result<()> {
        self.q()
            .prepare_cached("INSERT INTO seals (seq, created_at, actor, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![
                seal.seq,
                seal.created_at,
                seal.actor,
                seal.prev_hash,
                seal.hash
            ])?;
        let mut insert_head = self
            .q()
            .prepare_cached("INSERT INTO seal_heads (seal_seq, wallet_id, wallet_seq, hash) VALUES (?1, ?2, ?3, ?4)")?;
        for head in &seal.heads {
            insert_head.execute(params![seal.seq, head.wallet_id, head.wallet_seq, head.hash])?;
        }
        Ok(())
    }
}

fn head_row(r: &Row) -> rusqlite::Result<Result<Head>> {
    Ok(Ok(Head {
        wallet_id: r.get(0)?,
        wallet_seq: r.get(1)?,
        hash: r.get(2)?,
    }))
}

fn seal_row(r: &Row) -> rusqlite::Result<Result<Seal>> {
    Ok(Ok(Seal {
        seq: r.get(0)?,
        created_at: r.get(1)?,
        actor: r.get(2)?,
        heads: Vec::new(),
        prev_hash: r.get(3)?,
        hash: r.get(4)?,
    }))
}
