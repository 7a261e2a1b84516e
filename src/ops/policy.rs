//! Policies: a tenant's and application's policy read, changed (a partial change: the fields
//! given), cleared, and its history; each change a record chained onto the policy chain's
//! head in the transaction that makes it.

use serde_json::{Map, Value};

use crate::error::Result;
use crate::ledger::model::Scope;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::policy::Policy;
use crate::ledger::request::{PageRequest, Paged};
use crate::store::{Queries, Storage};

use super::retry::retrying;

/// A scope's policy and the change that set it (`None`: never set, or cleared; the default holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyState {
    pub scope: Scope,
    pub policy: Policy,
    /// Whether a policy is set (`false`: the default holds).
    pub configured: bool,
    /// The change this request recorded; `None` when it changed nothing.
    pub change: Option<PolicyChange>,
}

impl PolicyState {
    /// What a set or clear did, as its answer says it.
    pub fn message(&self) -> &'static str {
        match &self.change {
            None => "unchanged",
            Some(change) if change.new.is_none() => "policy cleared",
            Some(_) => "policy set",
        }
    }
}

/// The policy `scope`'s operations obey now.
pub fn current<Q: Queries>(tx: &Q, scope: &Scope) -> Result<Policy> {
    tx.latest_policy_change(scope)?
        .map_or_else(|| Ok(Policy::default()), |change| change.policy_after())
}

/// A scope's policy as it is now.
pub fn show_policy<S: Storage>(store: &mut S, scope: &Scope) -> Result<PolicyState> {
    store.read(|tx| state(tx, scope, None))
}

fn state<Q: Queries>(tx: &Q, scope: &Scope, change: Option<PolicyChange>) -> Result<PolicyState> {
    let latest = tx.latest_policy_change(scope)?;
    Ok(PolicyState {
        scope: scope.clone(),
        policy: latest
            .as_ref()
            .map_or_else(|| Ok(Policy::default()), PolicyChange::policy_after)?,
        configured: latest.is_some_and(|c| c.new.is_some()),
        change,
    })
}

/// Changes the fields `fields` gives (a JSON object, as a PUT body and `policy set`'s flags
/// build it), keeping the others, in one write transaction.
pub fn set_policy<S: Storage>(
    store: &mut S,
    scope: &Scope,
    fields: &Map<String, Value>,
    actor: &str,
) -> Result<PolicyState> {
    retrying(|| store.write(|tx| set_policy_in(tx, scope, fields, actor)))
}

/// [`set_policy`] in a transaction the caller holds (the server's writer).
pub fn set_policy_in<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    fields: &Map<String, Value>,
    actor: &str,
) -> Result<PolicyState> {
    // The head first: on PostgreSQL it is the lock that keeps a second change from reading
    // the same policy and linking onto the same head.
    let head = tx.policy_head()?;
    let latest = tx.latest_policy_change(scope)?;
    let old = latest
        .as_ref()
        .and_then(|c| c.new.as_deref())
        .map(Policy::from_stored)
        .transpose()?;
    let new = old.clone().unwrap_or_default().changed(fields)?;
    record(tx, scope, old.as_ref(), Some(&new), actor, head)
}

/// Removes a scope's policy (the default holds again), in one write transaction.
pub fn clear_policy<S: Storage>(store: &mut S, scope: &Scope, actor: &str) -> Result<PolicyState> {
    retrying(|| store.write(|tx| clear_policy_in(tx, scope, actor)))
}

/// [`clear_policy`] in a transaction the caller holds (the server's writer).
pub fn clear_policy_in<Q: Queries>(tx: &Q, scope: &Scope, actor: &str) -> Result<PolicyState> {
    let head = tx.policy_head()?;
    let latest = tx.latest_policy_change(scope)?;
    let old = latest
        .as_ref()
        .and_then(|c| c.new.as_deref())
        .map(Policy::from_stored)
        .transpose()?;
    record(tx, scope, old.as_ref(), None, actor, head)
}

/// Appends the change from `old` to `new`; a change that leaves the policy in force as it was
/// records nothing (setting the default's values where none is set, clearing nothing).
fn record<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    old: Option<&Policy>,
    new: Option<&Policy>,
    actor: &str,
    head: Option<(i64, String)>,
) -> Result<PolicyState> {
    if old.cloned().unwrap_or_default() == new.cloned().unwrap_or_default() {
        return state(tx, scope, None);
    }
    let change = PolicyChange::link(scope, old, new, actor, super::now(), head);
    tx.append_policy_change(&change)?;
    state(tx, scope, Some(change))
}

/// A scope's policy changes, newest first.
pub fn policy_history<S: Storage>(store: &mut S, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>> {
    store.read(|tx| tx.policy_changes(scope, page))
}
