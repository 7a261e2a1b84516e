//! All SQL: the ledger's storage, its schema and every query, with bound parameters only.
//!
//! [`Storage`] opens transactions ([`Storage::write`], [`Storage::read`],
//! [`Storage::rehearse`]) and hands the closure a [`Queries`], the narrow interface the
//! operations use; `ops` is generic over both. [`SqliteStore`] implements them over one
//! connection to a ledger file (WAL, `synchronous=FULL`, a busy timeout), one file per concern
//! in `sqlite/`; [`postgres::PgStore`] over one session to a PostgreSQL database, one file per
//! concern in `postgres/`. A failure keeps its cause as a [`StoreError`], which becomes the one
//! [`crate::error::Error`] at the edge of this module, with the kind, exit code and message the
//! error table gives it.

mod any;
mod by_concern;
mod error;
mod interface;
pub mod location;
pub mod postgres;
mod reconnect;
mod sqlite;

#[cfg(test)]
mod conformance;

use crate::ledger::ids::TokenId;
use crate::ledger::model::Scope;

pub use any::{AnyTx, Store};
pub use error::StoreError;
pub use interface::{Queries, Storage};
pub use location::DbLocation;
pub use reconnect::{Event as ConnectionEvent, Reconnecting};
pub use sqlite::{has_ledger_header, SqliteStore, SqliteTx, APPEND_ONLY_TRIGGERS, MIGRATIONS};

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
