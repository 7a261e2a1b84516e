//! `POST /admin/wallets/batch-unfreeze`: many freezes released, each in its own savepoint, so
//! a freeze that cannot be released (not found in the caller's reach, already released)
//! undoes only its own release and the others stand.

use crate::error::{Error, ErrorKind, Result};
use crate::ledger::ids::FreezeId;
use crate::ledger::model::Scope;
use crate::ledger::operations::Operation;
use crate::store::Queries;

use super::operate::{apply, Outcome};
use super::wallet::in_scope;

/// What became of each freeze's release, in the order they were asked for.
#[derive(Debug)]
pub struct BatchUnfrozen {
    pub results: Vec<(String, Result<Outcome>)>,
}

impl BatchUnfrozen {
    /// The freezes released.
    pub fn released_count(&self) -> usize {
        self.results.iter().filter(|(_, result)| result.is_ok()).count()
    }
}

/// Releases each freeze, in the caller's transaction. A busy database stops the whole request
/// (as in a batch freeze): the retry runs every release again, none is left half-decided.
pub(super) fn unfreeze_each_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    freeze_ids: &[String],
    reason: Option<&String>,
    actor: &str,
) -> Result<BatchUnfrozen> {
    let busy = |kind| kind == ErrorKind::Busy;
    let mut results = Vec::with_capacity(freeze_ids.len());
    for freeze_id in freeze_ids {
        let result = super::in_savepoint(tx, busy, |tx| unfreeze_in(tx, scope, freeze_id, reason, actor))?;
        results.push((freeze_id.clone(), result));
    }
    Ok(BatchUnfrozen { results })
}

/// An `unfreeze` on the wallet that holds the freeze. The wallet is found from the freeze, and
/// one outside `scope` is reported exactly like a missing freeze: the answer must not tell
/// another tenant's admin that the id exists.
fn unfreeze_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    freeze_id: &str,
    reason: Option<&String>,
    actor: &str,
) -> Result<Outcome> {
    let unfreeze = Operation::unfreeze(freeze_id, reason.cloned(), None)?;
    let freeze_id = FreezeId::new(freeze_id);
    let not_found = || Error::FreezeNotFound {
        freeze_id: freeze_id.clone(),
    };
    let freeze = tx.freeze(&freeze_id)?.ok_or_else(not_found)?;
    let wallet = tx
        .wallet(&freeze.wallet_id)?
        .filter(|w| in_scope(w, scope))
        .ok_or_else(not_found)?;
    apply(tx, wallet, &unfreeze, actor)
}
