//! `POST /admin/wallets/batch-freeze`: one freeze on each of many wallets, each in its own
//! savepoint, so a wallet that refuses (not found, not active, short of money) undoes only its
//! own freeze and the others stand.

use crate::error::{ErrorKind, Result};
use crate::ledger::model::Scope;
use crate::ledger::operations::Operation;
use crate::store::Queries;

use super::operate::{execute_in, Outcome};

/// What became of each user's freeze, in the order they were asked for.
#[derive(Debug)]
pub struct BatchFrozen {
    pub results: Vec<(String, Result<Outcome>)>,
}

impl BatchFrozen {
    /// The freezes made.
    pub fn frozen_count(&self) -> usize {
        self.results.iter().filter(|(_, result)| result.is_ok()).count()
    }
}

/// Freezes on each user's wallet, in the caller's transaction. A busy database (or a conflict
/// it wants retried) stops the whole request, as it stops a group of requests: the retry runs
/// every freeze again, none is left half-decided.
pub(super) fn freeze_each_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    user_ids: &[String],
    freeze: &Operation,
    actor: &str,
) -> Result<BatchFrozen> {
    let busy = |kind| kind == ErrorKind::Busy;
    let mut results = Vec::with_capacity(user_ids.len());
    for user_id in user_ids {
        let result = super::in_savepoint(tx, busy, |tx| execute_in(tx, scope, Some(user_id), freeze, actor))?;
        results.push((user_id.clone(), result));
    }
    Ok(BatchFrozen { results })
}
