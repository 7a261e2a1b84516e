//! The SQLite transaction behind the storage interface: each query answered by its concern's
//! file (`wallets.rs`, `journal.rs`, …), so this file only names them.

use std::collections::HashMap;

use super::SqliteTx;
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
use crate::store::{AccountTotals, IdempotentResponse, Queries};
use chrono::NaiveDate;

crate::store::by_concern::queries_by_concern!(SqliteTx);
