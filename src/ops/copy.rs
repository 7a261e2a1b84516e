//! `ledger copy`: a whole ledger into a new, empty one, every row as it is stored (ids, times,
//! seqs, hashes, balances, statuses), read from one snapshot and written in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::ledger::ids::WalletId;
use crate::ledger::snapshot::WalletSnapshot;
use crate::store::{Queries, Storage};

/// Journal rows handed to the destination at a time, so a backend that inserts many rows per
/// statement can, while memory stays flat however long the journal is.
pub const COPY_BATCH_ENTRIES_MAX: usize = 1_000;

/// How many rows of each kind a copy wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Copied {
    pub wallets: u64,
    pub entries: u64,
    pub freezes: u64,
    pub status_changes: u64,
    pub tokens: u64,
    pub audit_events: u64,
    pub seals: u64,
    pub responses: u64,
    /// Snapshots taken (each with its wallets' rows).
    pub snapshots: u64,
    pub policy_changes: u64,
    pub withdrawal_requests: u64,
}

/// Copies the ledger `from` holds into `to`, which must be empty: all of it or, on any
/// failure (a row the destination refuses included), none of it. `progress` is told how many
/// journal entries are written so far. Not retried: a new, empty destination has no one to
/// conflict with, and a failed copy is simply run again.
pub fn copy<S: Storage, D: Storage>(from: &mut S, to: &mut D, mut progress: impl FnMut(u64)) -> Result<Copied> {
    from.read(|source| {
        to.write(|target| {
            refuse_unless_empty(target)?;
            copy_in(source, target, &mut progress)
        })
    })
}

/// Refuses a destination holding anything. Entries, freezes and status changes belong to
/// wallets (foreign keys), so looking for wallets looks for them too.
fn refuse_unless_empty<Q: Queries>(tx: &Q) -> Result<()> {
    let holds = if !tx.all_wallets()?.is_empty() {
        "wallets"
    } else if !tx.all_tokens()?.is_empty() {
        "tokens"
    } else if tx.audit_head()?.is_some() {
        "audit records"
    } else if tx.last_seal()?.is_some() {
        "seals"
    } else if tx.policy_head()?.is_some() {
        "policy changes"
    } else if !tx.all_responses()?.is_empty() {
        "kept Idempotency-Key responses"
    } else {
        return Ok(());
    };
    Err(Error::LedgerNotEmpty { holds })
}

/// Wallets first (everything else names one), then each chained table in its chain's order,
/// so the destination's guards see every row extend what is already there. Withdrawal
/// requests after the freezes and the journal entries they name (foreign keys), each in its
/// final state (the guards allow inserting a decided one).
fn copy_in<Q: Queries, R: Queries>(source: &Q, target: &R, progress: &mut impl FnMut(u64)) -> Result<Copied> {
    let wallets = each(&source.all_wallets()?, |w| target.insert_wallet(w))?;
    let entries = copy_journal(source, target, progress)?;
    let freezes = each(&source.all_freezes()?, |f| target.import_freeze(f))?;
    let withdrawal_requests = each(&source.all_withdrawal_requests()?, |r| {
        target.insert_withdrawal_request(r)
    })?;
    Ok(Copied {
        wallets,
        entries,
        freezes,
        withdrawal_requests,
        status_changes: each(&source.all_status_changes()?, |(seq, change)| {
            target.import_status_change(*seq, change)
        })?,
        tokens: each(&source.all_tokens()?, |t| target.insert_token(t))?,
        audit_events: each(&source.all_audit_events()?, |e| target.append_audit(e))?,
        seals: each(&source.all_seals()?, |s| target.insert_seal(s))?,
        responses: each(&source.all_responses()?, |r| target.record_response(r))?,
        snapshots: copy_snapshots(source, target)?,
        policy_changes: each(&source.all_policy_changes()?, |c| target.append_policy_change(c))?,
    })
}

/// Each snapshot with its wallets' rows, as taken: a row belongs to the snapshot of its
/// wallet's tenant and application and its day.
fn copy_snapshots<Q: Queries, R: Queries>(source: &Q, target: &R) -> Result<u64> {
    let scopes: HashMap<WalletId, (String, String)> = source
        .all_wallets()?
        .into_iter()
        .map(|w| (w.id, (w.tenant_id, w.application_id)))
        .collect();
    let mut rows: HashMap<(String, String, NaiveDate), Vec<WalletSnapshot>> = HashMap::new();
    for row in source.all_snapshots()? {
        let (tenant, app) = scopes
            .get(&row.wallet_id)
            .ok_or_else(|| Error::internal(format!("snapshot row of unknown wallet {}", row.wallet_id)))?;
        rows.entry((tenant.clone(), app.clone(), row.date))
            .or_default()
            .push(row);
    }
    let runs = source.all_snapshot_runs()?;
    for run in &runs {
        let key = (run.scope.tenant_id.clone(), run.scope.application_id.clone(), run.date);
        target.insert_snapshot(run, &rows.remove(&key).unwrap_or_default())?;
    }
    if let Some(((tenant, app, date), _)) = rows.into_iter().next() {
        return Err(Error::StorageIntegrity {
            message: format!(
                "snapshot rows of {date} for tenant {tenant} application {app} belong to no snapshot; the ledger was not copied"
            ),
        });
    }
    Ok(runs.len() as u64)
}

fn each<T>(rows: &[T], mut put: impl FnMut(&T) -> Result<()>) -> Result<u64> {
    for row in rows {
        put(row)?;
    }
    Ok(rows.len() as u64)
}

/// The journal streamed in seq order, in batches. A posting that belongs to no entry cannot be
/// stored anywhere: the source is damaged, and the copy stops rather than drop it.
fn copy_journal<Q: Queries, R: Queries>(source: &Q, target: &R, progress: &mut impl FnMut(u64)) -> Result<u64> {
    let mut batch = Vec::with_capacity(COPY_BATCH_ENTRIES_MAX);
    let mut copied = 0;
    let mut flush = |batch: &mut Vec<_>| -> Result<()> {
        target.import_entries(batch)?;
        copied += batch.len() as u64;
        batch.clear();
        progress(copied);
        Ok(())
    };
    let strays = source.for_each_entry(None, |row| {
        batch.push(row);
        if batch.len() == COPY_BATCH_ENTRIES_MAX {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    if let Some(first) = strays.first() {
        return Err(Error::StorageIntegrity {
            message: format!(
                "{} posting(s) belong to no journal entry (the first of seq {first}); the ledger was not copied",
                strays.len()
            ),
        });
    }
    if !batch.is_empty() {
        flush(&mut batch)?;
    }
    Ok(copied)
}
