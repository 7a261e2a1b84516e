//! The use cases. Each opens one transaction, loads state through the store, asks the pure
//! rules in [`crate::ledger`] what to do and appends the result: the only layer that sees both.
//! The CLI and the HTTP server call these, and nothing below them.

mod batch;
mod batch_freeze;
mod batch_unfreeze;
mod clock;
mod copy;
mod integrity;
mod ledger;
mod operate;
mod policy;
mod reconcile;
mod retry;
mod review;
mod serve;
mod snapshot;
mod statement;
mod token;
mod token_cache;
mod transfer;
mod wallet;

pub use batch::{batch, batch_streamed, BatchLine, BatchMode, BatchSink, LineResult, LineSource};
pub use batch_freeze::BatchFrozen;
pub use batch_unfreeze::BatchUnfrozen;
pub use clock::{clock, now, set_clock, Clock, FAKE_NOW_ENV};
pub use copy::{copy, Copied, COPY_BATCH_ENTRIES_MAX};
pub use integrity::{verify_wallet, verify_wallet_by_id};
pub use ledger::{
    export, init, journal, schema_version, seal, trial_balance, verify, verify_file, wallet_of_account, ExportSink,
    Sealed, TrialBalance, TrialBalanceLine, TrialBalanceTotal, WalletOwner,
};
pub use operate::{execute, internal_refund, preview, Outcome};
pub use policy::{clear_policy, policy_history, set_policy, show_policy, PolicyState};
pub use reconcile::reconcile_day;
pub use review::{
    decide_withdrawal, decide_withdrawal_in, list_withdrawals, request_withdrawal, request_withdrawal_in,
    show_withdrawal, Reviewed, Verdict,
};
pub use serve::{commit_group, IdempotencyKey, Reply, Settled, Work, WriteRequest};
pub use snapshot::{list_snapshots, take_snapshot, SnapshotTaken};
pub use statement::match_statement;
pub use token::{authenticate, create_token, list_tokens, revoke_token, show_token, NewToken};
pub use token_cache::TokenCache;
pub use transfer::Received;
pub use wallet::{
    create_wallet, each_wallet, freezes, history, list_reachable_wallets, list_wallets, preview_status, set_status,
    show_freeze, show_transaction, show_wallet, show_wallet_at, status_history, StatusOutcome,
};

use crate::ledger::chain::{self, AuditRecord};
use crate::ledger::ids::{check_minted, check_reference, FreezeId, TransactionId};
use crate::ledger::operations::Context;
use crate::ledger::request::EntryFilter;
use crate::ledger::time::Timestamp;
use crate::store::Queries;

/// Reads a moment given by a user: RFC 3339 (any offset), `YYYY-MM-DD HH:MM:SS` (UTC) or a date
/// (its midnight UTC), to the whole second as the ledger keeps time.
pub fn parse_time(field: &str, input: &str) -> crate::error::Result<Timestamp> {
    let parsed = chrono::DateTime::parse_from_rfc3339(input)
        .map(|t| t.with_timezone(&chrono::Utc))
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(input, "%Y-%m-%d %H:%M:%S").map(|t| t.and_utc()))
        .or_else(|_| {
            chrono::NaiveDate::parse_from_str(input, "%Y-%m-%d").map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc())
        });
    let utc = parsed.map_err(|_| {
        crate::error::Error::invalid(
            field,
            format!(
                "{input:?} is not an RFC 3339 time (2026-04-15T10:30:00Z), a UTC date and time \
                 (2026-04-15 10:30:00) or a date (2026-04-15)"
            ),
        )
    })?;
    Ok(Timestamp::at(utc))
}

/// The filter of a transaction list as a user typed it (CLI flags, HTTP query), checked once
/// for both: types by name, times as [`parse_time`] reads them, ids by their rules.
pub fn entry_filter<'a>(
    types: impl IntoIterator<Item = &'a str>,
    from: Option<&str>,
    to: Option<&str>,
    reference_id: Option<&str>,
    cursor: Option<&str>,
) -> crate::error::Result<EntryFilter> {
    Ok(EntryFilter {
        types: types
            .into_iter()
            .map(|t| t.trim().parse())
            .collect::<crate::error::Result<_>>()?,
        from: from.map(|t| parse_time("from", t)).transpose()?,
        to: to.map(|t| parse_time("to", t)).transpose()?,
        reference_id: reference_id
            .map(|r| check_reference("reference_id", r).map(str::to_owned))
            .transpose()?,
        before: cursor
            .map(|c| check_minted("cursor", TransactionId::PREFIX, c).map(TransactionId::new))
            .transpose()?,
    })
}

/// The upstream's names for a transaction list's filter, added to `filter`: `status` (every
/// posted transaction is `completed`, so `completed` keeps them all and any other value is
/// refused), `start_date` and `end_date`, each a date (`YYYY-MM-DD`, UTC) or an RFC 3339
/// instant. Both ends are inclusive: a start date from its midnight, an end date through its
/// whole UTC day, an instant through its own second. Each date names a bound `from`/`to` may
/// name too: giving both is refused rather than one silently winning.
pub fn upstream_filter(
    filter: &mut EntryFilter,
    status: Option<&str>,
    start_date: Option<&str>,
    end_date: Option<&str>,
) -> crate::error::Result<()> {
    use crate::error::Error;
    if let Some(status) = status.filter(|s| *s != "completed") {
        return Err(Error::invalid(
            "status",
            format!("{status:?}: every transaction of the ledger is completed (the one status it has)"),
        ));
    }
    let both = |field: &str, other: &str| Error::invalid(field, format!("names the same bound as {other}: give one"));
    if let Some(start) = start_date {
        if filter.from.is_some() {
            return Err(both("start_date", "from"));
        }
        filter.from = Some(upstream_date("start_date", start)?.0);
    }
    if let Some(end) = end_date {
        if filter.to.is_some() {
            return Err(both("end_date", "to"));
        }
        filter.to = Some(upstream_date("end_date", end)?.1);
    }
    Ok(())
}

/// A `start_date`/`end_date` as the instants it covers: from its first second, to (exclusive)
/// the second after its last one.
fn upstream_date(field: &str, input: &str) -> crate::error::Result<(Timestamp, Timestamp)> {
    let invalid = || {
        crate::error::Error::invalid(
            field,
            format!("{input:?} is not a date (2026-04-15) or an RFC 3339 time (2026-04-15T10:30:00Z)"),
        )
    };
    let (first, after) = match chrono::NaiveDate::parse_from_str(input, "%Y-%m-%d") {
        Ok(day) => {
            let first = day.and_time(chrono::NaiveTime::MIN).and_utc();
            (first, first.checked_add_signed(chrono::TimeDelta::days(1)))
        }
        Err(_) => {
            let instant = chrono::DateTime::parse_from_rfc3339(input).map_err(|_| invalid())?;
            let first = Timestamp::at(instant.with_timezone(&chrono::Utc)).instant();
            (first, first.checked_add_signed(chrono::TimeDelta::seconds(1)))
        }
    };
    Ok((Timestamp::at(first), Timestamp::at(after.ok_or_else(invalid)?)))
}

/// Runs one request of a group (a batch line, a server request) in its own savepoint, the one
/// way both do it: the request's own failure undoes only what it wrote and is its answer
/// (`Ok(Err(_))`); a failure that is no request's fault (a kind `stops` names) or a savepoint
/// that cannot be undone ends the group (`Err(_)`): the transaction is then in doubt and must
/// not commit.
fn in_savepoint<T, Q: Queries>(
    tx: &Q,
    stops: fn(crate::error::ErrorKind) -> bool,
    run: impl FnOnce(&Q) -> crate::error::Result<T>,
) -> crate::error::Result<crate::error::Result<T>> {
    match tx.isolated(run)? {
        Err(e) if stops(e.kind()) => Err(e),
        answer => Ok(answer),
    }
}

/// Refuses to start a write from cached balances the wallet's journal does not prove (a hand
/// edit of the file): nothing is written, and `ledger verify` says more. Returns the wallet's
/// chain head (its last entry's `wallet_seq` and hash), which the proof has just checked.
fn trusted<Q: Queries>(tx: &Q, wallet: &crate::ledger::model::Wallet) -> crate::error::Result<Option<(i64, String)>> {
    let proof = tx.balance_proof(&wallet.id)?;
    crate::ledger::verify::check_cached_balances(wallet, &proof)
        .map_err(|message| crate::error::Error::StorageIntegrity { message })?;
    Ok(proof.last_entry.map(|last| (last.wallet_seq, last.hash)))
}

/// Appends `record` to the audit chain: hashed here, onto the head the store answers, as
/// [`operate`] links journal entries.
fn audit<Q: Queries>(tx: &Q, record: &AuditRecord) -> crate::error::Result<()> {
    let (seq, prev_hash) = chain::after(tx.audit_head()?);
    tx.append_audit(&chain::link_audit(seq, record, prev_hash))
}

fn context(actor: &str) -> Context {
    Context {
        actor: actor.to_owned(),
        now: now(),
        transaction_id: TransactionId::mint(),
        freeze_id: FreezeId::mint(),
    }
}
