//! The store the doors open: a SQLite file or a PostgreSQL database, as `--db` names it.
//!
//! [`Store`] and its transaction [`AnyTx`] implement the storage interface by handing each call
//! to the backend's own implementation, one `match` per method: `ops` is compiled once, for this
//! type, and the doors never name a backend.

use std::collections::HashMap;

use super::postgres::{PgStore, PgTx};
use super::sqlite::{SqliteStore, SqliteTx};
use super::{AccountTotals, DbLocation, IdempotentResponse, Queries, Storage};
use crate::error::Result;
use crate::ledger::chain::{AuditEvent, Linked};
use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::model::{
    Entry, Freeze, FreezeStatus, JournalRow, Scope, StatusChange, Transaction, TxType, Wallet, WalletStatus,
};
use crate::ledger::operations::FreezeChange;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::reconcile::Movement;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::review::{Decision, ReviewFilter, ReviewStatus, WithdrawalRequest};
use crate::ledger::seal::{Head, Seal};
use crate::ledger::snapshot::{LastEntry, SnapshotFilter, SnapshotRun, WalletSnapshot};
use crate::ledger::time::Timestamp;
use crate::ledger::token::Token;
use crate::ledger::verify::{BalanceProof, Check, RefundedOriginal};
use chrono::NaiveDate;

/// An open ledger, on whichever backend holds it.
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(Box<PgStore>),
}

impl Store {
    /// Creates a new, empty ledger where `db` says: a new file, or the schema in an empty
    /// PostgreSQL database.
    pub fn create(db: &DbLocation, lock_timeout_ms: u64) -> Result<Store> {
        Ok(match db {
            DbLocation::Path(path) => Store::Sqlite(SqliteStore::create(path, lock_timeout_ms)?),
            DbLocation::Postgres { config, shown } => {
                Store::Postgres(Box::new(PgStore::create(config, shown, lock_timeout_ms)?))
            }
        })
    }

    /// Opens the ledger for writing, bringing its schema up to date.
    pub fn open(db: &DbLocation, lock_timeout_ms: u64) -> Result<Store> {
        Ok(match db {
            DbLocation::Path(path) => Store::Sqlite(SqliteStore::open(path, lock_timeout_ms)?),
            DbLocation::Postgres { config, shown } => {
                Store::Postgres(Box::new(PgStore::open(config, shown, lock_timeout_ms)?))
            }
        })
    }

    /// Opens the ledger for reading: with `read_only`, a connection that refuses every write
    /// and never migrates.
    pub fn open_for_reading(db: &DbLocation, lock_timeout_ms: u64, read_only: bool) -> Result<Store> {
        Ok(match db {
            DbLocation::Path(path) => Store::Sqlite(SqliteStore::open_for_reading(path, lock_timeout_ms, read_only)?),
            DbLocation::Postgres { config, shown } if read_only => {
                Store::Postgres(Box::new(PgStore::open_read_only(config, shown, lock_timeout_ms)?))
            }
            DbLocation::Postgres { config, shown } => {
                Store::Postgres(Box::new(PgStore::open(config, shown, lock_timeout_ms)?))
            }
        })
    }
}

impl Store {
    /// SQLite's `data_version` on this connection, which moves whenever another connection
    /// commits ([`SqliteStore::data_version`]). PostgreSQL keeps no such counter for a session
    /// to read without a round trip: `None`.
    pub fn data_version(&self) -> Result<Option<i64>> {
        match self {
            Store::Sqlite(s) => s.data_version().map(Some),
            Store::Postgres(_) => Ok(None),
        }
    }

    /// SQLite's schema cookie ([`SqliteStore::schema_cookie`]); `None` on PostgreSQL.
    pub fn schema_cookie(&self) -> Result<Option<i64>> {
        match self {
            Store::Sqlite(s) => s.schema_cookie().map(Some),
            Store::Postgres(_) => Ok(None),
        }
    }

    /// Whether the store can still be used: a SQLite file always can; a PostgreSQL session
    /// that the server ended or that no longer answers cannot, and is replaced by a new one.
    pub fn is_alive(&mut self) -> bool {
        match self {
            Store::Sqlite(_) => true,
            Store::Postgres(s) => s.is_alive(),
        }
    }
}

/// A transaction of either backend.
pub enum AnyTx<'t> {
    Sqlite(&'t SqliteTx<'t>),
    Postgres(&'t PgTx<'t>),
}

impl Storage for Store {
    type Tx<'c> = AnyTx<'c>;

    fn write<T>(&mut self, f: impl FnOnce(&AnyTx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Store::Sqlite(s) => s.write(|tx| f(&AnyTx::Sqlite(tx))),
            Store::Postgres(s) => s.write(|tx| f(&AnyTx::Postgres(tx))),
        }
    }

    fn read<T>(&mut self, f: impl FnOnce(&AnyTx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Store::Sqlite(s) => s.read(|tx| f(&AnyTx::Sqlite(tx))),
            Store::Postgres(s) => s.read(|tx| f(&AnyTx::Postgres(tx))),
        }
    }

    fn rehearse<T>(&mut self, f: impl FnOnce(&AnyTx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Store::Sqlite(s) => s.rehearse(|tx| f(&AnyTx::Sqlite(tx))),
            Store::Postgres(s) => s.rehearse(|tx| f(&AnyTx::Postgres(tx))),
        }
    }

    fn schema_version(&mut self) -> Result<i64> {
        match self {
            Store::Sqlite(s) => Storage::schema_version(s),
            Store::Postgres(s) => Storage::schema_version(s.as_mut()),
        }
    }
}

/// Each listed query of [`Queries`], answered by the transaction's own backend.
macro_rules! delegate {
    ($(fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)*) => {$(
        fn $name(&self $(, $arg: $ty)*) -> $ret {
            match self {
                AnyTx::Sqlite(tx) => tx.$name($($arg),*),
                AnyTx::Postgres(tx) => tx.$name($($arg),*),
            }
        }
    )*};
}

impl Queries for AnyTx<'_> {
    /// The savepoint is the backend's; what runs inside it is this same transaction, which
    /// both backends hand their closure as `self`.
    fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>> {
        match self {
            AnyTx::Sqlite(tx) => tx.isolated(|_| f(self)),
            AnyTx::Postgres(tx) => tx.isolated(|_| f(self)),
        }
    }

    fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64> {
        match self {
            AnyTx::Sqlite(tx) => tx.for_each_wallet(scope, status, each),
            AnyTx::Postgres(tx) => tx.for_each_wallet(scope, status, each),
        }
    }

    fn for_each_movement(
        &self,
        wallet_id: &WalletId,
        accounts: [&str; 2],
        since: Timestamp,
        until: Timestamp,
        each: impl FnMut(Movement) -> Result<()>,
    ) -> Result<u64> {
        match self {
            AnyTx::Sqlite(tx) => tx.for_each_movement(wallet_id, accounts, since, until, each),
            AnyTx::Postgres(tx) => tx.for_each_movement(wallet_id, accounts, since, until, each),
        }
    }

    fn for_each_entry(&self, since: Option<Timestamp>, f: impl FnMut(JournalRow) -> Result<()>) -> Result<Vec<i64>> {
        match self {
            AnyTx::Sqlite(tx) => tx.for_each_entry(since, f),
            AnyTx::Postgres(tx) => tx.for_each_entry(since, f),
        }
    }

    delegate! {
        fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>>;
        fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>>;
        fn wallet_id_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<WalletId>>;
        fn insert_wallet(&self, wallet: &Wallet) -> Result<()>;
        fn wallets(&self, scope: &Scope, status: Option<WalletStatus>, page: PageRequest) -> Result<Paged<Wallet>>;
        fn all_wallets(&self) -> Result<Vec<Wallet>>;
        fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>>;
        fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>>;
        fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64>;
        fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>>;
        fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>>;
        fn policy_head(&self) -> Result<Option<(i64, String)>>;
        fn latest_policy_change(&self, scope: &Scope) -> Result<Option<PolicyChange>>;
        fn append_policy_change(&self, change: &PolicyChange) -> Result<()>;
        fn policy_changes(&self, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>>;
        fn all_policy_changes(&self) -> Result<Vec<PolicyChange>>;
        fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64>;
        fn entry(&self, id: &TransactionId) -> Result<Option<Entry>>;
        fn entry_naming(&self, original_id: &TransactionId, kind: TxType) -> Result<Option<Entry>>;
        fn refunded(&self, original_id: &TransactionId) -> Result<i64>;
        fn refund_original(&self, id: &TransactionId, refund_seq: i64) -> Result<Option<RefundedOriginal>>;
        fn entries(&self, wallet_id: Option<&WalletId>, filter: &EntryFilter, page: PageRequest) -> Result<Paged<(Entry, i64)>>;
        fn transactions(&self, wallet_id: &WalletId, filter: &EntryFilter, page: PageRequest) -> Result<Paged<(Transaction, i64)>>;
        fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof>;
        fn append(&self, linked: &Linked, freeze: &FreezeChange, before: &Wallet, after: &Wallet) -> Result<i64>;
        fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>>;
        fn freezes_of_wallet(&self, wallet_id: &WalletId, status: Option<FreezeStatus>, page: PageRequest) -> Result<Paged<Freeze>>;
        fn all_freezes(&self) -> Result<Vec<Freeze>>;
        fn insert_token(&self, token: &Token) -> Result<()>;
        fn token(&self, token_id: &TokenId) -> Result<Option<Token>>;
        fn tokens(&self, page: PageRequest) -> Result<Paged<Token>>;
        fn revoke_token(&self, token_id: &TokenId, now: Timestamp) -> Result<bool>;
        fn all_tokens(&self) -> Result<Vec<Token>>;
        fn audit_head(&self) -> Result<Option<(i64, String)>>;
        fn append_audit(&self, event: &AuditEvent) -> Result<()>;
        fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)>;
        fn all_audit_events(&self) -> Result<Vec<AuditEvent>>;
        fn entry_by_reference(&self, wallet_id: &WalletId, kind: TxType, reference_id: &str) -> Result<Option<Entry>>;
        fn idempotent_response(&self, scope: &Scope, owner: &str, key: &str) -> Result<Option<(String, u16, Vec<u8>)>>;
        fn record_response(&self, record: &IdempotentResponse) -> Result<()>;
        fn account_used(&self, account: &str) -> Result<bool>;
        fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64>;
        fn accounts_under(&self, prefix: &str) -> Result<Vec<String>>;
        fn accounts_first_used(&self, since: Option<Timestamp>, until: Option<Timestamp>) -> Result<Vec<(String, Timestamp)>>;
        fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>>;
        fn storage_check(&self) -> Result<Check>;
        fn missing_guards(&self) -> Result<Vec<String>>;
        fn wallet_heads(&self) -> Result<Vec<Head>>;
        fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>>;
        fn last_seal(&self) -> Result<Option<Seal>>;
        fn all_seals(&self) -> Result<Vec<Seal>>;
        fn insert_seal(&self, seal: &Seal) -> Result<()>;
        fn all_responses(&self) -> Result<Vec<IdempotentResponse>>;
        fn snapshot_run(&self, scope: &Scope, date: NaiveDate) -> Result<Option<SnapshotRun>>;
        fn insert_snapshot(&self, run: &SnapshotRun, rows: &[WalletSnapshot]) -> Result<()>;
        fn last_entry_before(&self, wallet_id: &WalletId, until: Timestamp) -> Result<Option<LastEntry>>;
        fn snapshots(&self, scope: &Scope, filter: &SnapshotFilter, page: PageRequest) -> Result<Paged<WalletSnapshot>>;
        fn all_snapshots(&self) -> Result<Vec<WalletSnapshot>>;
        fn all_snapshot_runs(&self) -> Result<Vec<SnapshotRun>>;
        fn insert_withdrawal_request(&self, request: &WithdrawalRequest) -> Result<()>;
        fn withdrawal_request(&self, id: &WithdrawalRequestId) -> Result<Option<WithdrawalRequest>>;
        fn withdrawal_request_of_freeze(&self, freeze_id: &FreezeId) -> Result<Option<WithdrawalRequest>>;
        fn withdrawal_requests(&self, scope: &Scope, filter: &ReviewFilter, page: PageRequest) -> Result<Paged<WithdrawalRequest>>;
        fn decide_withdrawal_request(&self, id: &WithdrawalRequestId, status: ReviewStatus, decision: &Decision) -> Result<bool>;
        fn all_withdrawal_requests(&self) -> Result<Vec<WithdrawalRequest>>;
        fn import_entries(&self, rows: &[JournalRow]) -> Result<()>;
        fn import_freeze(&self, freeze: &Freeze) -> Result<()>;
        fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()>;
    }
}
