//! Policy changes, chained as `ops` links them, and the withdrawals a limit counts.

use serde_json::json;

use super::{apply, at, open, page, scope};
use crate::ledger::operations::Operation;
use crate::ledger::policy::history::PolicyChange;
use crate::ledger::policy::Policy;
use crate::store::{Queries, Storage};

fn limited(daily: &str) -> Policy {
    let change = json!({ "daily_withdraw_limit": daily });
    Policy::default().changed(change.as_object().unwrap()).unwrap()
}

/// Links a change onto the head, as `ops` does, and stores it.
fn change<Q: Queries>(tx: &Q, tenant: &str, old: Option<&Policy>, new: Option<&Policy>, now: &str) -> PolicyChange {
    let linked = PolicyChange::link(
        &scope(tenant, "app"),
        old,
        new,
        "cli:conformance",
        at(now),
        tx.policy_head().unwrap(),
    );
    tx.append_policy_change(&linked).unwrap();
    linked
}

pub(super) fn policy_changes_are_read_back_newest_first_per_scope_and_the_head_follows_the_last<S: Storage>(
    mut store: S,
) {
    store
        .write(|tx| {
            assert_eq!(tx.policy_head()?, None);
            let (p1, p2) = (limited("100"), limited("200"));
            let first = change(tx, "tnt", None, Some(&p1), "10:00");
            let other = change(tx, "tnt_2", None, Some(&p1), "10:01");
            let second = change(tx, "tnt", Some(&p1), Some(&p2), "10:02");
            let cleared = change(tx, "tnt", Some(&p2), None, "10:03");
            assert_eq!(tx.policy_head()?, Some((4, cleared.hash.clone())));
            assert_eq!(tx.latest_policy_change(&scope("tnt", "app"))?, Some(cleared.clone()));
            assert_eq!(tx.latest_policy_change(&scope("tnt_2", "app"))?, Some(other.clone()));
            assert_eq!(tx.latest_policy_change(&scope("tnt", "app_2"))?, None);
            let listed = tx.policy_changes(&scope("tnt", "app"), page(1, 2))?;
            assert_eq!(listed.total, 3);
            assert_eq!(listed.items, vec![cleared.clone(), second.clone()]);
            assert_eq!(tx.all_policy_changes()?, vec![first, other, second, cleared]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_policy_change_that_does_not_extend_the_chain_is_refused<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let first = change(tx, "tnt", None, Some(&limited("1")), "10:00");
            let mut stale = PolicyChange::link(&scope("tnt", "app"), None, None, "x", at("10:01"), None);
            assert!(tx.isolated(|tx| tx.append_policy_change(&stale))?.is_err());
            stale = PolicyChange::link(
                &scope("tnt", "app"),
                None,
                None,
                "x",
                at("10:01"),
                Some((1, "0".repeat(64))),
            );
            assert!(tx.isolated(|tx| tx.append_policy_change(&stale))?.is_err());
            assert_eq!(tx.all_policy_changes()?, vec![first]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn withdrawn_since_sums_one_wallets_withdrawals_from_an_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let tnt = scope("tnt", "app");
            let (w1, w2) = (open(tx, &tnt, "usr_1"), open(tx, &tnt, "usr_2"));
            for w in [&w1, &w2] {
                apply(tx, &w.id, &Operation::deposit("100", None, None)?, "09:30")?;
            }
            apply(tx, &w1.id, &Operation::withdraw("1", None, None)?, "10:00")?;
            apply(tx, &w1.id, &Operation::withdraw("2", None, None)?, "11:00")?;
            apply(tx, &w1.id, &Operation::payment("4", "shop", true, None, None)?, "11:30")?;
            apply(tx, &w2.id, &Operation::withdraw("8", None, None)?, "11:00")?;
            assert_eq!(tx.withdrawn_since(&w1.id, at("09:00"))?, 300);
            assert_eq!(tx.withdrawn_since(&w1.id, at("10:00"))?, 300);
            assert_eq!(tx.withdrawn_since(&w1.id, at("10:01"))?, 200);
            assert_eq!(tx.withdrawn_since(&w1.id, at("11:01"))?, 0);
            assert_eq!(tx.withdrawn_since(&w2.id, at("09:00"))?, 800);
            Ok(())
        })
        .unwrap();
}
