//! Seals: the ledger's heads recorded at one moment, chained, so that an anchor kept outside the
//! ledger proves that nothing up to it was removed or changed in any wallet.
//!
//! Since schema version 6 every wallet has a hash chain of its own. An entry's hash proves its
//! wallet's history before it, but nothing about other wallets, and nothing about entries cut
//! from the end of a wallet. A seal records, in one transaction, the head (last `wallet_seq` and
//! hash) of every wallet whose head moved since the previous seal, and hashes them with the
//! previous seal's hash. `seal:N:HASH` kept outside the ledger then proves seal N and every seal
//! before it, and `ledger verify` proves that every sealed head is still in its wallet's chain.

use serde::Serialize;

use super::chain::{sha256_hex, GENESIS_HASH};
use super::ids::WalletId;
use super::time::Timestamp;

/// A wallet's last entry: its place in the wallet and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Head {
    pub wallet_id: WalletId,
    pub wallet_seq: i64,
    pub hash: String,
}

/// A seal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// 1, 2, 3…
    pub seq: i64,
    pub created_at: Timestamp,
    pub actor: String,
    /// The heads that moved since the previous seal, by wallet id.
    pub heads: Vec<Head>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    created_at: &'a Timestamp,
    actor: &'a str,
    heads: &'a [Head],
}

impl Seal {
    /// The seal after `previous` (`None` for the first) of `heads`, every wallet's head now, of
    /// which it records those that moved since `sealed` (each wallet's last sealed `wallet_seq`).
    /// `None` when no head moved: the previous seal still proves everything.
    pub fn next(
        previous: Option<(i64, &str)>,
        mut heads: Vec<Head>,
        sealed: &std::collections::HashMap<WalletId, i64>,
        created_at: Timestamp,
        actor: &str,
    ) -> Option<Seal> {
        heads.retain(|h| sealed.get(&h.wallet_id).is_none_or(|&last| h.wallet_seq > last));
        if heads.is_empty() && previous.is_some() {
            return None;
        }
        heads.sort_by(|a, b| a.wallet_id.cmp(&b.wallet_id));
        let (seq, prev_hash) = match previous {
            Some((seq, hash)) => (seq + 1, hash.to_owned()),
            None => (1, GENESIS_HASH.to_owned()),
        };
        let mut seal = Seal {
            seq,
            created_at,
            actor: actor.to_owned(),
            heads,
            prev_hash,
            hash: String::new(),
        };
        seal.hash = seal.recomputed_hash();
        Some(seal)
    }

    /// The hex SHA-256 of `prev_hash`, a newline and the seal's canonical JSON.
    pub fn recomputed_hash(&self) -> String {
        let canonical = Canonical {
            seq: self.seq,
            created_at: &self.created_at,
            actor: &self.actor,
            heads: &self.heads,
        };
        let json = serde_json::to_vec(&canonical).expect("a struct of strings and integers serializes");
        sha256_hex(&[self.prev_hash.as_bytes(), b"\n", &json])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn head(wallet: &str, wallet_seq: i64) -> Head {
        Head {
            wallet_id: wallet.into(),
            wallet_seq,
            hash: format!("{wallet}-{wallet_seq}"),
        }
    }

    fn at(s: &str) -> Timestamp {
        s.parse().expect("a timestamp")
    }

    #[test]
    fn a_seal_records_the_heads_that_moved_and_chains_onto_the_previous_seal() {
        let first = Seal::next(
            None,
            vec![head("w2", 3), head("w1", 1)],
            &HashMap::new(),
            at("2026-11-28T10:00:00Z"),
            "ops",
        )
        .expect("the first seal");
        assert_eq!((first.seq, first.prev_hash.as_str()), (1, GENESIS_HASH));
        assert_eq!(first.heads, [head("w1", 1), head("w2", 3)], "sorted by wallet");
        assert_eq!(first.hash, first.recomputed_hash());

        let sealed: HashMap<WalletId, i64> = first
            .heads
            .iter()
            .map(|h| (h.wallet_id.clone(), h.wallet_seq))
            .collect();
        let now = vec![head("w1", 1), head("w2", 4), head("w3", 1)];
        let second = Seal::next(
            Some((first.seq, &first.hash)),
            now,
            &sealed,
            at("2026-11-28T11:00:00Z"),
            "ops",
        )
        .expect("two heads moved");
        assert_eq!((second.seq, second.prev_hash.as_str()), (2, first.hash.as_str()));
        assert_eq!(second.heads, [head("w2", 4), head("w3", 1)], "w1 did not move");

        let unchanged = Seal::next(
            Some((1, &first.hash)),
            vec![head("w1", 1)],
            &sealed,
            at("2026-11-28T12:00:00Z"),
            "ops",
        );
        assert_eq!(unchanged, None, "nothing moved: the previous seal still proves it all");
    }

    #[test]
    fn the_hash_covers_every_field_and_the_previous_hash() {
        let seal = Seal::next(
            None,
            vec![head("w1", 2)],
            &HashMap::new(),
            at("2026-11-28T10:00:00Z"),
            "ops",
        )
        .expect("a seal");
        let edits: [fn(&mut Seal); 6] = [
            |s| s.seq = 2,
            |s| s.created_at = "2026-11-28T10:00:01Z".parse().expect("a timestamp"),
            |s| s.actor = "mallory".to_owned(),
            |s| s.heads[0].wallet_seq = 1,
            |s| s.heads[0].hash = "other".to_owned(),
            |s| s.prev_hash = "f".repeat(64),
        ];
        for (i, edit) in edits.into_iter().enumerate() {
            let mut edited = seal.clone();
            edit(&mut edited);
            assert_ne!(edited.recomputed_hash(), seal.hash, "edit {i}");
        }
    }
}
