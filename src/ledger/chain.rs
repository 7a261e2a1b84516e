//! The hash chains: each entry's hash covers its canonical content and the previous hash of its
//! chain (its wallet's, since schema version 6; the whole ledger's before), so `ledger verify`
//! detects an entry edited, removed or reordered by hand.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::model::{Entry, Posting, StatusChange, StoredEntry};
use super::time::Timestamp;
use super::token::Token;

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

/// Which hash chain an entry extends, as stored (`chain_version`).
///
/// Entries written before schema version 6 extend one chain through the whole ledger, in `seq`
/// order. Every later entry extends its own wallet's chain, so that writes to different wallets
/// never wait on one chain head (several servers on one PostgreSQL database append at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainVersion {
    /// Version 1: linked to the ledger's previous entry; its hash covers its global `seq`.
    Ledger,
    /// Version 2: linked to its wallet's previous entry; its hash covers its `wallet_seq`.
    Wallet,
}

impl ChainVersion {
    pub fn number(self) -> i64 {
        match self {
            ChainVersion::Ledger => 1,
            ChainVersion::Wallet => 2,
        }
    }

    pub fn from_number(n: i64) -> Option<ChainVersion> {
        match n {
            1 => Some(ChainVersion::Ledger),
            2 => Some(ChainVersion::Wallet),
            _ => None,
        }
    }
}

/// An entry's place in its chain, as its hash covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A version 1 entry: its place in the whole ledger.
    Ledger { seq: i64 },
    /// A version 2 entry: its place in its wallet (1, 2, 3…).
    Wallet { wallet_seq: i64 },
}

/// An entry's content in a fixed field order, amounts in minor units, times as stored.
#[derive(Serialize)]
struct Canonical<'a> {
    #[serde(flatten)]
    place: Place,
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
    created_at: &'a Timestamp,
    postings: &'a [Posting],
}

/// The first fields of the canonical JSON: `{"seq":N,…` for version 1 (byte for byte what every
/// entry before version 6 was hashed with), `{"version":2,"wallet_seq":N,…` for version 2.
#[derive(Serialize)]
#[serde(untagged)]
enum Place {
    Ledger { seq: i64 },
    Wallet { version: u8, wallet_seq: i64 },
}

/// The hex SHA-256 of `prev_hash`, a newline and the entry's canonical JSON at `link`.
pub fn entry_hash<P: AsRef<[Posting]>>(link: Link, entry: &Entry<P>, owner: Owner, prev_hash: &str) -> String {
    let place = match link {
        Link::Ledger { seq } => Place::Ledger { seq },
        Link::Wallet { wallet_seq } => Place::Wallet { version: 2, wallet_seq },
    };
    let canonical = Canonical {
        place,
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
        postings: entry.postings.as_ref(),
    };
    let json = serde_json::to_vec(&canonical).expect("a struct of strings and integers serializes");
    sha256_hex(&[prev_hash.as_bytes(), b"\n", &json])
}

/// `entry` linked onto its wallet's chain, whose head is `head` (the wallet's last entry's
/// `wallet_seq` and hash; `None` for a wallet without entries): the row to store.
pub fn link(entry: Entry, owner: Owner, head: Option<(i64, &str)>) -> Linked {
    let (wallet_seq, prev_hash) = match head {
        Some((last, hash)) => (last + 1, hash.to_owned()),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let hash = entry_hash(Link::Wallet { wallet_seq }, &entry, owner, &prev_hash);
    Linked {
        wallet_seq,
        entry,
        prev_hash,
        hash,
    }
}

/// An entry linked onto its wallet's chain, before the store gives it its global `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    pub wallet_seq: i64,
    pub entry: Entry,
    pub prev_hash: String,
    pub hash: String,
}

impl Linked {
    /// The entry as stored at `seq`, the place the store gave it in the whole journal.
    pub fn stored(self, seq: i64) -> StoredEntry {
        StoredEntry {
            seq,
            wallet_seq: self.wallet_seq,
            version: ChainVersion::Wallet,
            entry: self.entry,
            prev_hash: self.prev_hash,
            hash: self.hash,
        }
    }
}

/// The seq and `prev_hash` of the record that follows `head`, the audit chain's last seq and
/// hash: seq 1 on the genesis hash when the chain is empty.
pub fn after(head: Option<(i64, String)>) -> (i64, String) {
    head.map_or_else(|| (1, GENESIS_HASH.to_owned()), |(seq, hash)| (seq + 1, hash))
}

/// `record` linked onto an audit chain whose head is `prev_hash`, at `seq`: the row to store.
pub fn link_audit(seq: i64, record: &AuditRecord, prev_hash: String) -> AuditEvent {
    AuditEvent {
        seq,
        kind: record.kind(),
        subject: record.subject(),
        hash: audit_hash(seq, record, &prev_hash),
        prev_hash,
    }
}

/// What the audit chain records, each in the order it happened: a token made, a token revoked,
/// a wallet's status changed. Chained like the journal, so `ledger verify` catches a token
/// widened, moved, un-revoked or forged, and a status change edited or deleted, by hand.
#[derive(Debug, Clone, Copy)]
pub enum AuditRecord<'a> {
    TokenCreated(&'a Token),
    TokenRevoked {
        token_id: &'a str,
        revoked_at: &'a Timestamp,
    },
    /// `change_seq` is the status change's own row number.
    StatusChanged {
        change_seq: i64,
        change: &'a StatusChange,
    },
}

/// The kind of an audit record, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditKind {
    TokenCreated,
    TokenRevoked,
    StatusChanged,
}

impl AuditKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::TokenCreated => "token_created",
            AuditKind::TokenRevoked => "token_revoked",
            AuditKind::StatusChanged => "status_changed",
        }
    }
}

impl std::str::FromStr for AuditKind {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> crate::error::Result<AuditKind> {
        match s {
            "token_created" => Ok(AuditKind::TokenCreated),
            "token_revoked" => Ok(AuditKind::TokenRevoked),
            "status_changed" => Ok(AuditKind::StatusChanged),
            other => Err(crate::error::Error::internal(format!(
                "unknown audit record kind {other:?} in ledger"
            ))),
        }
    }
}

impl AuditRecord<'_> {
    pub fn kind(&self) -> AuditKind {
        match self {
            AuditRecord::TokenCreated(_) => AuditKind::TokenCreated,
            AuditRecord::TokenRevoked { .. } => AuditKind::TokenRevoked,
            AuditRecord::StatusChanged { .. } => AuditKind::StatusChanged,
        }
    }

    /// What the record is about: a token's id, or a status change's row number.
    pub fn subject(&self) -> String {
        match self {
            AuditRecord::TokenCreated(token) => token.id.to_string(),
            AuditRecord::TokenRevoked { token_id, .. } => (*token_id).to_owned(),
            AuditRecord::StatusChanged { change_seq, .. } => change_seq.to_string(),
        }
    }
}

/// A stored audit record: its place in the chain and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub seq: i64,
    pub kind: AuditKind,
    pub subject: String,
    pub prev_hash: String,
    pub hash: String,
}

/// An audit record's content in a fixed field order. A token's revocation is its own record,
/// so the token's record covers only what never changes.
#[derive(Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum CanonicalAudit<'a> {
    TokenCreated {
        id: &'a str,
        kind: &'a str,
        tenant_id: &'a str,
        application_id: &'a str,
        user_id: Option<&'a str>,
        access: &'a str,
        secret_sha256: &'a str,
        created_at: &'a Timestamp,
        expires_at: Option<&'a Timestamp>,
        actor: &'a str,
        name: Option<&'a str>,
    },
    TokenRevoked {
        token_id: &'a str,
        revoked_at: &'a Timestamp,
    },
    StatusChanged {
        change_seq: i64,
        wallet_id: &'a str,
        from_status: &'a str,
        to_status: &'a str,
        reason: &'a str,
        actor: &'a str,
        created_at: &'a Timestamp,
    },
}

#[derive(Serialize)]
struct CanonicalAuditEvent<'a> {
    seq: i64,
    #[serde(flatten)]
    record: CanonicalAudit<'a>,
}

/// The hex SHA-256 of `prev_hash`, a newline and the record's canonical JSON at `seq`.
pub fn audit_hash(seq: i64, record: &AuditRecord, prev_hash: &str) -> String {
    let record = match *record {
        AuditRecord::TokenCreated(t) => CanonicalAudit::TokenCreated {
            id: &t.id,
            kind: t.kind.as_str(),
            tenant_id: &t.scope.tenant_id,
            application_id: &t.scope.application_id,
            user_id: t.user_id.as_deref(),
            access: t.access.as_str(),
            secret_sha256: &t.secret_sha256,
            created_at: &t.created_at,
            expires_at: t.expires_at.as_ref(),
            actor: &t.actor,
            name: t.name.as_deref(),
        },
        AuditRecord::TokenRevoked { token_id, revoked_at } => CanonicalAudit::TokenRevoked { token_id, revoked_at },
        AuditRecord::StatusChanged { change_seq, change } => CanonicalAudit::StatusChanged {
            change_seq,
            wallet_id: &change.wallet_id,
            from_status: change.from.as_str(),
            to_status: change.to.as_str(),
            reason: &change.reason,
            actor: &change.actor,
            created_at: &change.created_at,
        },
    };
    let json =
        serde_json::to_vec(&CanonicalAuditEvent { seq, record }).expect("a struct of strings and integers serializes");
    sha256_hex(&[prev_hash.as_bytes(), b"\n", &json])
}

/// Lower-case hex of bytes. Written into one buffer: a `format!` per byte made 32 small strings
/// per hash, which showed in the server's profile (every entry, token check and fingerprint).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
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

    #[test]
    fn hex_writes_every_byte_as_format_does() {
        let every: Vec<u8> = (0..=255).collect();
        let expected: String = every.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(hex(&every), expected);
    }
}
