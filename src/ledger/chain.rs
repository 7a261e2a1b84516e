//! The hash chain: each entry's hash covers its canonical content and the previous hash, so
//! `ledger verify` detects an entry edited, removed or reordered by hand.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::model::{Entry, Posting};

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Whose wallet an entry moves money in. Part of every entry's hash, so a hand edit that hands a
/// wallet (and its money) to another tenant or user breaks the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner<'a> {
    pub tenant_id: &'a str,
    pub application_id: &'a str,
    pub user_id: &'a str,
}

impl<'a> Owner<'a> {
    pub fn of(wallet: &'a super::model::Wallet) -> Owner<'a> {
        Owner {
            tenant_id: &wallet.tenant_id,
            application_id: &wallet.application_id,
            user_id: &wallet.user_id,
        }
    }
}

/// An entry's content in a fixed field order, amounts in minor units, times as stored.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    id: &'a str,
    wallet_id: &'a str,
    tenant_id: &'a str,
    application_id: &'a str,
    user_id: &'a str,
    kind: &'a str,
    currency: &'a str,
    amount: i64,
    balance_before: i64,
    balance_after: i64,
    counterparty_id: Option<&'a str>,
    description: Option<&'a str>,
    reference_id: Option<&'a str>,
    original_id: Option<&'a str>,
    freeze_id: Option<&'a str>,
    request: &'a str,
    actor: &'a str,
    created_at: &'a str,
    postings: &'a [Posting],
}

/// The hex SHA-256 of `prev_hash`, a newline and the entry's canonical JSON.
pub fn entry_hash(seq: i64, entry: &Entry, owner: Owner, prev_hash: &str) -> String {
    let canonical = Canonical {
        seq,
        id: &entry.id,
        wallet_id: &entry.wallet_id,
        tenant_id: owner.tenant_id,
        application_id: owner.application_id,
        user_id: owner.user_id,
        kind: entry.kind.as_str(),
        currency: entry.currency.code(),
        amount: entry.amount.minor(),
        balance_before: entry.balance_before,
        balance_after: entry.balance_after,
        counterparty_id: entry.counterparty_id.as_deref(),
        description: entry.description.as_deref(),
        reference_id: entry.reference_id.as_deref(),
        original_id: entry.original_id.as_deref(),
        freeze_id: entry.freeze_id.as_deref(),
        request: &entry.request,
        actor: &entry.actor,
        created_at: &entry.created_at,
        postings: &entry.postings,
    };
    let json = serde_json::to_vec(&canonical).expect("a struct of strings and integers serializes");
    sha256_hex(&[prev_hash.as_bytes(), b"\n", &json])
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The SHA-256 of `parts` fed in order, as lower-case hex: the one hash of the ledger (entry
/// chain, token secrets, request fingerprints).
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FIPS 180-2's "abc" vector, fed in parts: every stored hash (entries, token secrets,
    /// request fingerprints) depends on this staying exactly SHA-256 in lower-case hex.
    #[test]
    fn sha256_hex_is_sha256_of_the_parts_in_order() {
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_hex(&[b"abc"]), expected);
        assert_eq!(sha256_hex(&[b"a", b"", b"bc"]), expected);
        assert_eq!(hex(&[0x00, 0x0f, 0xff]), "000fff");
    }
}
