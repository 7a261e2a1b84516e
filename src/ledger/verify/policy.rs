//! The policy changes' chain and history.

use std::collections::HashMap;

use super::Check;
use crate::ledger::chain::GENESIS_HASH;
use crate::ledger::model::Scope;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::policy::Policy;

/// The policy changes in order: an unbroken chain of hashes that still hold, each record's
/// old policy its scope's previous record's new one (none before the first), and every
/// stored policy readable.
pub fn check_policy_changes(changes: &[PolicyChange]) -> Check {
    let mut check = Check::new(
        "policy_changes",
        "the policy changes form an unbroken hash chain, each one's old policy its scope's previous new one",
    );
    let mut prev_hash = GENESIS_HASH;
    let mut current: HashMap<&Scope, Option<&str>> = HashMap::new();
    for (expected_seq, change) in (1..).zip(changes) {
        check.checked += 1;
        let at = format!("policy change seq {}", change.seq);
        if change.seq != expected_seq || change.prev_hash != prev_hash {
            check.fail(format!(
                "{at} does not follow on from the change before it: the chain was cut or reordered"
            ));
        }
        prev_hash = &change.hash;
        if change.expected_hash() != change.hash {
            check.fail(format!("{at} does not match its hash: it was edited"));
        }
        let before = current.insert(&change.scope, change.new.as_deref()).flatten();
        if before != change.old.as_deref() {
            check.fail(format!(
                "{at} of tenant {}, application {} starts from another policy than the change before it left",
                change.scope.tenant_id, change.scope.application_id
            ));
        }
        for text in [&change.old, &change.new].into_iter().flatten() {
            if Policy::from_stored(text).is_err() {
                check.fail(format!("{at} holds a policy that does not read back: {text}"));
            }
        }
    }
    check
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn policy(daily: &str) -> Policy {
        let change = json!({ "daily_withdraw_limit": daily });
        Policy::default().changed(change.as_object().unwrap()).unwrap()
    }

    fn scope(tenant: &str) -> Scope {
        Scope {
            tenant_id: tenant.into(),
            application_id: "app".into(),
        }
    }

    /// Set 100 on tnt, set 100 on tnt_2, change tnt to 200, clear tnt: as `ops` links them.
    fn history() -> Vec<PolicyChange> {
        let now = "2026-04-15T10:00:00Z".parse().unwrap();
        let steps = [
            ("tnt", None, Some(policy("100"))),
            ("tnt_2", None, Some(policy("100"))),
            ("tnt", Some(policy("100")), Some(policy("200"))),
            ("tnt", Some(policy("200")), None),
        ];
        let mut changes: Vec<PolicyChange> = Vec::new();
        for (tenant, old, new) in steps {
            let head = changes.last().map(|c| (c.seq, c.hash.clone()));
            changes.push(PolicyChange::link(
                &scope(tenant),
                old.as_ref(),
                new.as_ref(),
                "cli:test",
                now,
                head,
            ));
        }
        changes
    }

    fn problems(changes: &[PolicyChange]) -> Vec<String> {
        check_policy_changes(changes).problems
    }

    #[test]
    fn an_untouched_history_passes() {
        let check = check_policy_changes(&history());
        assert!(check.ok(), "{:?}", check.problems);
        assert_eq!(check.checked, 4);
    }

    #[test]
    fn an_edited_change_fails_its_hash() {
        let mut changes = history();
        changes[2].new = Some(policy("999999").canonical());
        let found = problems(&changes);
        assert!(
            found.iter().any(|p| p.contains("seq 3 does not match its hash")),
            "{found:?}"
        );
    }

    #[test]
    fn a_deleted_change_cuts_the_chain_and_the_next_one_starts_elsewhere() {
        let mut changes = history();
        changes.remove(2);
        let found = problems(&changes);
        assert!(found.iter().any(|p| p.contains("cut or reordered")), "{found:?}");
        assert!(
            found.iter().any(|p| p.contains("starts from another policy")),
            "{found:?}"
        );
    }

    #[test]
    fn a_change_whose_old_is_not_the_previous_new_fails_even_with_its_hash_recomputed() {
        let mut changes = history();
        changes[2].old = Some(policy("5").canonical());
        // A forger recomputing every hash from here on still breaks the old = previous new rule.
        for i in 2..changes.len() {
            changes[i].prev_hash = changes[i - 1].hash.clone();
            changes[i].hash = changes[i].expected_hash();
        }
        let found = problems(&changes);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("seq 3 of tenant tnt"), "{found:?}");
    }

    #[test]
    fn a_stored_policy_that_does_not_read_back_fails() {
        let mut changes = history();
        changes[0].new = Some("{\"daily_withdraw_limit\":\"100\"}".into());
        changes[0].hash = changes[0].expected_hash();
        changes[1].prev_hash = changes[0].hash.clone();
        let found = problems(&changes);
        assert!(found.iter().any(|p| p.contains("does not read back")), "{found:?}");
    }
}
