//! Policy changes (each already linked and hashed by `ops`) and the sums a withdrawal limit reads.

use rusqlite::{params, OptionalExtension, Row};

use super::SqliteTx;
use crate::error::Result;
use crate::ledger::ids::WalletId;
use crate::ledger::model::Scope;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;

pub(super) const WITHDRAWN_SINCE_SQL: &str = "SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entries
     WHERE wallet_id = ?1 AND kind IN ('withdraw', 'capture') AND created_at >= ?2
       AND (kind = 'withdraw' OR counterparty_id IS NULL)";

const POLICY_CHANGE_COLUMNS: &str =
    "seq, tenant_id, application_id, old_policy, new_policy, actor, created_at, prev_hash, hash";

impl SqliteTx<'_> {
    /// The seq and hash of the policy chain's last change; `None` while it is empty. The
    /// write transaction's lock already keeps a second writer from linking onto it too.
    pub(super) fn policy_head(&self) -> Result<Option<(i64, String)>> {
        Ok(self
            .q()
            .prepare_cached("SELECT seq, hash FROM policy_changes ORDER BY seq DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// A scope's last policy change: its policy now.
    pub(super) fn latest_policy_change(&self, scope: &Scope) -> Result<Option<PolicyChange>> {
        self.q()
            .prepare_cached(&latest_policy_change_sql())?
            .query_row(params![scope.tenant_id, scope.application_id], policy_change_row)
            .optional()?
            .transpose()
    }

    /// Stores a change as linked (a new one, or one copied from another ledger at its seq).
    pub(super) fn append_policy_change(&self, change: &PolicyChange) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO policy_changes ({POLICY_CHANGE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ))?
            .execute(params![
                change.seq,
                change.scope.tenant_id,
                change.scope.application_id,
                change.old,
                change.new,
                change.actor,
                change.created_at,
                change.prev_hash,
                change.hash
            ])?;
        Ok(())
    }

    /// A scope's policy changes, newest first.
    pub(super) fn policy_changes(&self, scope: &Scope, page: PageRequest) -> Result<Paged<PolicyChange>> {
        self.page_of(
            POLICY_CHANGE_COLUMNS,
            "policy_changes WHERE tenant_id = ?1 AND application_id = ?2",
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
            [],
            policy_change_row,
        )
    }

    /// Minor units withdrawn from a wallet by the withdrawals, and the captures to the
    /// settlement (a capture naming no counterparty), made at or after `since`: two ranges of
    /// the (wallet, kind, time, amount, counterparty) index, which covers it (`query_plans::a_withdrawal_limits_sum_reads_one_index_range`).
    pub(super) fn withdrawn_since(&self, wallet_id: &WalletId, since: Timestamp) -> Result<i64> {
        Ok(self
            .q()
            .prepare_cached(WITHDRAWN_SINCE_SQL)?
            .query_row(params![wallet_id, since], |r| r.get(0))?)
    }
}

fn policy_change_row(r: &Row) -> rusqlite::Result<Result<PolicyChange>> {
    Ok(Ok(PolicyChange {
        seq: r.get(0)?,
        scope: Scope {
            tenant_id: r.get(1)?,
            application_id: r.get(2)?,
        },
        old: r.get(3)?,
        new: r.get(4)?,
        actor: r.get(5)?,
        created_at: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    }))
}

/// A scope's last policy change; cast for the reason `journal::POSTINGS_OF_ENTRY_SQL` says (every
/// operation reads its policy).
pub(super) fn latest_policy_change_sql() -> String {
    format!(
        "SELECT {POLICY_CHANGE_COLUMNS} FROM policy_changes
         WHERE tenant_id = CAST(?1 AS TEXT) AND application_id = CAST(?2 AS TEXT) ORDER BY seq DESC LIMIT 1"
    )
}
