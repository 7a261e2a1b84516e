//! All SQL: the ledger file, its schema and every query, with bound parameters only.
//!
//! [`Store`] owns one connection to a ledger file (WAL, `synchronous=FULL`, a busy timeout).
//! Writes run in [`Store::write`] (`BEGIN IMMEDIATE`), reads in [`Store::read`] (a snapshot);
//! both hand the closure a [`Tx`], the narrow interface the operations use. The SQLite
//! implementation lives in `sqlite/`, one file per concern; this module is what other layers see.
//! A failure keeps its cause as a [`StoreError`], which becomes the one [`crate::error::Error`]
//! at the edge of this module, with the kind, exit code and message the error table gives it.

mod error;
pub mod location;
pub mod postgres;
mod sqlite;

#[cfg(test)]
mod conformance;

use crate::ledger::ids::TokenId;
use crate::ledger::model::Scope;

pub use error::StoreError;
pub use sqlite::{has_ledger_header, Store, Tx, APPEND_ONLY_TRIGGERS, MIGRATIONS};

/// A response kept for its `Idempotency-Key`, within the tenant and application of the token
/// that sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotentResponse {
    pub scope: Scope,
    /// `user:<user_id>` or `internal`.
    pub owner: String,
    pub key: String,
    pub fingerprint: String,
    pub status: u16,
    pub response: Vec<u8>,
    pub token_id: TokenId,
    pub created_at: crate::ledger::time::Timestamp,
}

/// One line of the trial balance, in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountTotals {
    pub account: String,
    pub currency: String,
    pub debit: i128,
    pub credit: i128,
}
