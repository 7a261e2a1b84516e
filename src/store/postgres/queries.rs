//! The PostgreSQL transaction behind the storage interface: each query answered by its concern's
//! file (`wallets.rs`, `journal.rs`, …), so this file only names them.

use std::collections::HashMap;

use super::PgTx;
use crate::error::Result;
use crate::ledger::chain::{AuditEvent, Linked};
use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId};
use crate::ledger::model::{
    Entry, Freeze, FreezeStatus, JournalRow, Scope, StatusChange, Transaction, TxType, Wallet, WalletStatus,
};
use crate::ledger::operations::FreezeChange;
use crate::ledger::request::{EntryFilter, PageRequest, Paged};
use crate::ledger::seal::{Head, Seal};
use crate::ledger::time::Timestamp;
use crate::ledger::token::Token;
use crate::ledger::verify::{BalanceProof, Check};
use crate::store::{AccountTotals, IdempotentResponse, Queries};

impl Queries for PgTx<'_> {
    fn isolated<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<Result<T>> {
        PgTx::isolated(self, f)
    }

    fn wallet_of_user(&self, scope: &Scope, user_id: &str) -> Result<Option<Wallet>> {
        PgTx::wallet_of_user(self, scope, user_id)
    }

    fn wallet(&self, wallet_id: &WalletId) -> Result<Option<Wallet>> {
        PgTx::wallet(self, wallet_id)
    }

    fn insert_wallet(&self, wallet: &Wallet) -> Result<()> {
        PgTx::insert_wallet(self, wallet)
    }

    fn wallets(&self, scope: &Scope, status: Option<WalletStatus>, page: PageRequest) -> Result<Paged<Wallet>> {
        PgTx::wallets(self, scope, status, page)
    }

    fn for_each_wallet(
        &self,
        scope: &Scope,
        status: Option<WalletStatus>,
        each: impl FnMut(Wallet) -> Result<()>,
    ) -> Result<u64> {
        PgTx::for_each_wallet(self, scope, status, each)
    }

    fn all_wallets(&self) -> Result<Vec<Wallet>> {
        PgTx::all_wallets(self)
    }

    fn status_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<WalletStatus>> {
        PgTx::status_at(self, wallet_id, at)
    }

    fn last_change_at(&self, wallet_id: &WalletId, at: Timestamp) -> Result<Option<Timestamp>> {
        PgTx::last_change_at(self, wallet_id, at)
    }

    fn change_status(&self, before: &Wallet, after: &Wallet, change: &StatusChange) -> Result<i64> {
        PgTx::change_status(self, before, after, change)
    }

    fn status_changes(&self, wallet_id: &WalletId, page: PageRequest) -> Result<Paged<StatusChange>> {
        PgTx::status_changes(self, wallet_id, page)
    }

    fn all_status_changes(&self) -> Result<Vec<(i64, StatusChange)>> {
        PgTx::all_status_changes(self)
    }

    fn entry(&self, id: &TransactionId) -> Result<Option<Entry>> {
        PgTx::entry(self, id)
    }

    fn refunded(&self, original_id: &TransactionId) -> Result<i64> {
        PgTx::refunded(self, original_id)
    }

    fn entries(
        &self,
        wallet_id: Option<&WalletId>,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Entry, i64)>> {
        PgTx::entries(self, wallet_id, filter, page)
    }

    fn transactions(
        &self,
        wallet_id: &WalletId,
        filter: &EntryFilter,
        page: PageRequest,
    ) -> Result<Paged<(Transaction, i64)>> {
        PgTx::transactions(self, wallet_id, filter, page)
    }

    fn balance_proof(&self, wallet_id: &WalletId) -> Result<BalanceProof> {
        PgTx::balance_proof(self, wallet_id)
    }

    fn append(&self, linked: &Linked, freeze: &FreezeChange, before: &Wallet, after: &Wallet) -> Result<i64> {
        PgTx::append(self, linked, freeze, before, after)
    }

    fn for_each_entry(&self, since: Option<Timestamp>, f: impl FnMut(JournalRow) -> Result<()>) -> Result<Vec<i64>> {
        PgTx::for_each_entry(self, since, f)
    }

    fn freeze(&self, freeze_id: &FreezeId) -> Result<Option<Freeze>> {
        PgTx::freeze(self, freeze_id)
    }

    fn freezes_of_wallet(
        &self,
        wallet_id: &WalletId,
        status: Option<FreezeStatus>,
        page: PageRequest,
    ) -> Result<Paged<Freeze>> {
        PgTx::freezes_of_wallet(self, wallet_id, status, page)
    }

    fn all_freezes(&self) -> Result<Vec<Freeze>> {
        PgTx::all_freezes(self)
    }

    fn insert_token(&self, token: &Token) -> Result<()> {
        PgTx::insert_token(self, token)
    }

    fn token(&self, token_id: &TokenId) -> Result<Option<Token>> {
        PgTx::token(self, token_id)
    }

    fn tokens(&self, page: PageRequest) -> Result<Paged<Token>> {
        PgTx::tokens(self, page)
    }

    fn revoke_token(&self, token_id: &TokenId, now: Timestamp) -> Result<bool> {
        PgTx::revoke_token(self, token_id, now)
    }

    fn all_tokens(&self) -> Result<Vec<Token>> {
        PgTx::all_tokens(self)
    }

    fn audit_head(&self) -> Result<Option<(i64, String)>> {
        PgTx::audit_head(self)
    }

    fn append_audit(&self, event: &AuditEvent) -> Result<()> {
        PgTx::append_audit(self, event)
    }

    fn token_audit(&self, token_id: &TokenId) -> Result<(Option<AuditEvent>, Option<AuditEvent>)> {
        PgTx::token_audit(self, token_id)
    }

    fn all_audit_events(&self) -> Result<Vec<AuditEvent>> {
        PgTx::all_audit_events(self)
    }

    fn entry_by_reference(&self, wallet_id: &WalletId, kind: TxType, reference_id: &str) -> Result<Option<Entry>> {
        PgTx::entry_by_reference(self, wallet_id, kind, reference_id)
    }

    fn idempotent_response(&self, scope: &Scope, owner: &str, key: &str) -> Result<Option<(String, u16, Vec<u8>)>> {
        PgTx::idempotent_response(self, scope, owner, key)
    }

    fn record_response(&self, record: &IdempotentResponse) -> Result<()> {
        PgTx::record_response(self, record)
    }

    fn account_used(&self, account: &str) -> Result<bool> {
        PgTx::account_used(self, account)
    }

    fn posting_sum(&self, account: &str, at: Timestamp) -> Result<i64> {
        PgTx::posting_sum(self, account, at)
    }

    fn accounts_under(&self, prefix: &str) -> Result<Vec<String>> {
        PgTx::accounts_under(self, prefix)
    }

    fn accounts_first_used(
        &self,
        since: Option<Timestamp>,
        until: Option<Timestamp>,
    ) -> Result<Vec<(String, Timestamp)>> {
        PgTx::accounts_first_used(self, since, until)
    }

    fn account_totals(&self, at: Option<Timestamp>) -> Result<Vec<AccountTotals>> {
        PgTx::account_totals(self, at)
    }

    fn storage_check(&self) -> Result<Check> {
        PgTx::storage_check(self)
    }

    fn missing_guards(&self) -> Result<Vec<String>> {
        PgTx::missing_guards(self)
    }

    fn wallet_heads(&self) -> Result<Vec<Head>> {
        PgTx::wallet_heads(self)
    }

    fn sealed_heads(&self) -> Result<HashMap<WalletId, i64>> {
        PgTx::sealed_heads(self)
    }

    fn last_seal(&self) -> Result<Option<Seal>> {
        PgTx::last_seal(self)
    }

    fn all_seals(&self) -> Result<Vec<Seal>> {
        PgTx::all_seals(self)
    }

    fn insert_seal(&self, seal: &Seal) -> Result<()> {
        PgTx::insert_seal(self, seal)
    }

    fn all_responses(&self) -> Result<Vec<IdempotentResponse>> {
        PgTx::all_responses(self)
    }

    fn import_entries(&self, rows: &[JournalRow]) -> Result<()> {
        PgTx::import_entries(self, rows)
    }

    fn import_freeze(&self, freeze: &Freeze) -> Result<()> {
        PgTx::import_freeze(self, freeze)
    }

    fn import_status_change(&self, seq: i64, change: &StatusChange) -> Result<()> {
        PgTx::import_status_change(self, seq, change)
    }
}
