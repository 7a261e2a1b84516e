//! Policy changes (each already linked and hashed by `ops`) and the sums a withdrawal limit
//! reads, answering as SQLite's `policies.rs` does.

use ::postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::model::Scope;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;

const POLICY_CHANGE_COLUMNS: &str =
    "seq, tenant_id, application_id, old_policy, new_policy, actor, created_at, prev_hash, hash";

impl PgTx<'_> {
    /// The seq and hash of the policy chain's last change; `None` while it is empty. Taken
    /// under the ledger's chain lock (the audit chain's), so two changes never link onto one
    /// head, and a change reads its scope's policy only once no other change is in flight.
    pub(super) fn policy_head(&self) -> Result<Option<(i64, String)>> {
        self.lock_ledger_chains()?;
        self.first(
            "SELECT seq, hash FROM policy_changes ORDER BY seq DESC LIMIT 1",
            &[],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }

    /// A scope's last policy change: its policy now.
    pub(super) fn latest_policy_change(&self, scope: &Scope) -> Result<Option<PolicyChange>> {
        self.first(
            &format!(
                "SELECT {POLICY_CHANGE_COLUMNS} FROM policy_changes
                 WHERE tenant_id = $1 AND application_id = $2 ORDER BY seq DESC LIMIT 1"
            ),
            &[&scope.tenant_id, &scope.application_id],
            policy_change_row,
        )
    }

    /// Stores a change as linked (a new one, or one copied from another ledger at its seq).
    pub(super) fn append_policy_change(&self, change: &PolicyChange) -> Result<()> {
        self.execute(
            &format!(
                "INSERT INTO policy_changes ({POLICY_CHANGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            ),
            &[
                &change.seq,
                &change.scope.tenant_id,
                &change.scope.application_id,
                &change.old,
                &change.new,
                &change.actor,
                &change.created_at.to_string(),
                &change.prev_hash,
                &change.hash,
            ],
        )?;
        Ok(())
    }

    /// A scope's policy changes, newest first.
    pub(super) fn policy_changes(&self, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>> {
        self.page_of(
            POLICY_CHANGE_COLUMNS,
            "policy_changes WHERE tenant_id = $1 AND application_id = $2",
            "seq DESC",
            &[&scope.tenant_id, &scope.application_id],
            page,
            policy_change_row,
        )
    }

    /// Every policy change, oldest first, for `ledger verify` and `ledger copy`.
    pub(super) fn all_policy_changes(&self) -> Result<Vec<PolicyChange>> {
        self.rows(
            &format!("SELECT {POLICY_CHANGE_COLUMNS} FROM policy_changes ORDER BY seq"),
            &[],
            policy_change_row,
        )
    }

    /// Minor units withdrawn from a wallet by the withdrawals, and the captures to the
    /// settlement (a capture naming no counterparty), made at or after `since`. The
    /// wallet's row is locked by the write that asks (`FOR UPDATE`), so two withdrawals from
    /// it count one after the other.
    pub(super) fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64> {
        let row = self.one(
            "SELECT COALESCE(SUM(amount_minor), 0)::BIGINT FROM journal_entries
             WHERE wallet_id = $1 AND kind IN ('withdraw', 'capture') AND created_at >= $2
               AND (kind = 'withdraw' OR counterparty_id IS NULL)",
            &[&wallet_id.as_str(), &since.to_string()],
        )?;
        Ok(row.try_get(0)?)
    }
}

fn policy_change_row(r: &Row) -> Result<PolicyChange> {
    Ok(PolicyChange {
        seq: r.try_get(0)?,
        scope: Scope {
            tenant_id: r.try_get(1)?,
            application_id: r.try_get(2)?,
        },
        old: r.try_get(3)?,
        new: r.try_get(4)?,
        actor: r.try_get(5)?,
        created_at: r.try_get(6)?,
        prev_hash: r.try_get(7)?,
        hash: r.try_get(8)?,
    })
}
