//! A policy's changes: each one an append-only record (who, when, the policy before and
//! after; a clear leaves none after), chained by hash over every tenant's and application's
//! changes, so `ledger verify` catches a record edited, deleted, reordered or inserted by hand
//! (`verify::check_policy_changes`).

use serde::Serialize;

use super::Policy;
use crate::ledger::chain::{sha256_hex, GENESIS_HASH};
use crate::ledger::model::Scope;
use crate::ledger::time::Timestamp;

/// One change of a scope's policy, as stored. `old` and `new` are the canonical texts
/// ([`Policy::canonical`]); `None` is no policy (the default holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyChange {
    pub seq: i64,
    pub scope: Scope,
    pub old: Option<String>,
    pub new: Option<String>,
    pub actor: String,
    pub created_at: Timestamp,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    tenant_id: &'a str,
    application_id: &'a str,
    old_policy: Option<&'a str>,
    new_policy: Option<&'a str>,
    actor: &'a str,
    created_at: &'a Timestamp,
}

impl PolicyChange {
    /// The change from `old` to `new` (either absent) of `scope`, linked onto the chain whose
    /// head is `head` (`None` while it is empty): the row to store.
    pub fn link(
        scope: &Scope,
        old: Option<&Policy>,
        new: Option<&Policy>,
        actor: &str,
        now: Timestamp,
        head: Option<(i64, String)>,
    ) -> PolicyChange {
        let (seq, prev_hash) = head.map_or_else(|| (1, GENESIS_HASH.to_owned()), |(seq, hash)| (seq + 1, hash));
        let mut change = PolicyChange {
            seq,
            scope: scope.clone(),
            old: old.map(Policy::canonical),
            new: new.map(Policy::canonical),
            actor: actor.to_owned(),
            created_at: now,
            prev_hash,
            hash: String::new(),
        };
        change.hash = change.expected_hash();
        change
    }

    /// The hex SHA-256 of the previous hash, a newline and this record's canonical JSON.
    pub fn expected_hash(&self) -> String {
        let canonical = Canonical {
            seq: self.seq,
            tenant_id: &self.scope.tenant_id,
            application_id: &self.scope.application_id,
            old_policy: self.old.as_deref(),
            new_policy: self.new.as_deref(),
            actor: &self.actor,
            created_at: &self.created_at,
        };
        let json = serde_json::to_vec(&canonical).expect("a struct of strings and integers serializes");
        sha256_hex(&[self.prev_hash.as_bytes(), b"\n", &json])
    }

    /// The policy after this change; the default after a clear.
    pub fn policy_after(&self) -> crate::error::Result<Policy> {
        self.new
            .as_deref()
            .map_or_else(|| Ok(Policy::default()), Policy::from_stored)
    }
}
