//! `ledger snapshot --date` and `ledger snapshots`: each wallet's balances at the end of a day
//! that has ended, taken once per tenant, application and day (a repeat answers the first
//! result), never changed by later entries, refused for today, a later day or a malformed date,
//! proven by `ledger verify`, on either backend (`LEDGERCTL_TEST_BACKEND=postgres`).

mod support;

use serde_json::Value;
use support::{s, Ledger};

const DAY: [&str; 4] = ["ledger", "snapshot", "--date", "2026-04-15"];

/// alice (100.00, 30.00 of it frozen) and bob (empty) by the end of 2026-04-15, a deposit at
/// its last second and another at midnight after it, carol opened the next day, globex's dave
/// that day; the clock then stands on 2026-04-16.
fn ledger() -> Ledger {
    let l = Ledger::at("2026-04-15T09:00:00Z");
    l.funded("alice", "90.00");
    l.ok(&["wallet", "freeze", "alice", "--amount", "30"]);
    l.ok(&["wallet", "create", "bob"]);
    l.ok(&["--tenant", "globex", "wallet", "create", "dave"]);
    l.ok(&["--tenant", "globex", "wallet", "deposit", "dave", "--amount", "7"]);
    l.set_clock("2026-04-15T23:59:59Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "10"]);
    l.set_clock("2026-04-16T00:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "500"]);
    l.ok(&["wallet", "create", "carol"]);
    l.set_clock("2026-04-16T08:00:00Z");
    l
}

fn rows(l: &Ledger, args: &[&str]) -> Vec<Value> {
    let listed = l.ok(&[&["ledger", "snapshots"], args].concat());
    listed["items"].as_array().expect("items").clone()
}

#[test]
fn a_snapshot_stores_each_wallets_balances_and_last_entry_at_the_days_end() {
    let l = ledger();
    let taken = l.ok(&DAY);
    assert_eq!(taken["message"], "created", "{taken}");
    let d = &taken["data"];
    assert_eq!(
        (s(&d["snapshot_date"]), s(&d["tenant_id"]), s(&d["application_id"])),
        ("2026-04-15", "default", "default")
    );
    assert_eq!(
        (s(&d["snapshot_at"]), s(&d["timezone"]), s(&d["created_at"])),
        ("2026-04-16T00:00:00Z", "UTC", "2026-04-16T08:00:00Z")
    );
    assert_eq!(
        (&d["snapshot_count"], &d["wallets_total"]),
        (&Value::from(2), &Value::from(3)),
        "carol opened after the day: counted in the total, not snapshotted"
    );
    let items = rows(&l, &[]);
    let shown: Vec<(&str, &str, &str, &str)> = items
        .iter()
        .map(|r| {
            (
                s(&r["user_id"]),
                s(&r["balance"]),
                s(&r["available_balance"]),
                s(&r["frozen_balance"]),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [("alice", "100.00", "70.00", "30.00"), ("bob", "0.00", "0.00", "0.00")],
        "the deposit at 23:59:59 is in, the one at midnight is not"
    );
    let last_deposit = l.texts("SELECT id FROM journal_entries WHERE created_at = '2026-04-15T23:59:59Z'");
    let alice = &items[0];
    assert_eq!(s(&alice["last_transaction_id"]), last_deposit[0]);
    assert_eq!(alice["last_wallet_seq"], 3);
    let hash = l.texts(&format!(
        "SELECT hash FROM journal_entries WHERE id = '{}'",
        last_deposit[0]
    ));
    assert_eq!(s(&alice["last_hash"]), hash[0]);
    assert_eq!(
        (&items[1]["last_transaction_id"], &items[1]["last_hash"]),
        (&Value::Null, &Value::Null),
        "bob had no entry"
    );
    assert_eq!(
        (
            s(&alice["snapshot_date"]),
            s(&alice["snapshot_at"]),
            s(&alice["currency"])
        ),
        ("2026-04-15", "2026-04-16T00:00:00Z", "CNY")
    );
    // The stored balance is the journal's at the day's end, as `wallet show --at` derives it.
    let then = l.ok(&["wallet", "show", "alice", "--at", "2026-04-15T23:59:59Z"]);
    assert_eq!(then["data"]["balance"], alice["balance"]);
    assert_eq!(then["data"]["frozen_balance"], alice["frozen_balance"]);
    // And it is the day's closing balance in the reconciliation, wallet by wallet.
    let day = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    let closing: Vec<(&str, &str)> = day["data"]["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (s(&r["user_id"]), s(&r["closing_balance"])))
        .collect();
    assert_eq!(closing, [("alice", "100.00"), ("bob", "0.00")]);
    l.verified();
}

#[test]
fn a_repeat_answers_the_first_result_and_stores_nothing_and_later_entries_change_nothing() {
    let l = ledger();
    let first = l.ok(&DAY);
    let stored = l.snapshot();
    l.set_clock("2026-04-20T10:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "1"]);
    l.ok(&["wallet", "deposit", "bob", "--amount", "2"]);
    l.ok(&["wallet", "create", "erin"]);
    let before_repeat = l.snapshot();
    let again = l.ok(&DAY);
    assert_eq!(
        s(&again["message"]),
        "already taken: the snapshot as it was first taken"
    );
    assert_eq!(again["data"], first["data"], "the first result, unchanged");
    assert_eq!(l.snapshot(), before_repeat, "a repeat writes nothing");
    assert_ne!(stored, before_repeat);
    let items = rows(&l, &["--date", "2026-04-15"]);
    assert_eq!(items.len(), 2);
    assert_eq!(
        (s(&items[0]["balance"]), s(&items[1]["balance"])),
        ("100.00", "0.00"),
        "later deposits leave a stored snapshot as it was"
    );
    let table = l.cmd().args(DAY).output().unwrap();
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("already taken"), "{text}");
    l.verified();
}

#[test]
fn today_a_later_day_or_a_malformed_date_is_refused_with_exit_status_2_and_nothing_stored() {
    let l = ledger();
    let before = l.snapshot();
    for day in ["2026-04-16", "2026-04-17", "2099-01-01"] {
        let refused = l.fails(&["ledger", "snapshot", "--date", day], 2, "invalid_request");
        let message = s(&refused["message"]);
        assert!(
            message.contains("has not ended yet") && message.contains("could still change"),
            "{message}"
        );
    }
    for bad in ["2026-4-15", "2026-02-30", "yesterday", "2026-04-15T00:00:00Z", ""] {
        let refused = l.fails(&["ledger", "snapshot", "--date", bad], 2, "invalid_request");
        assert!(s(&refused["message"]).contains("YYYY-MM-DD"), "{refused}");
    }
    l.fails(&["ledger", "snapshots", "--date", "2026-4-15"], 2, "invalid_request");
    assert_eq!(l.snapshot(), before);
    // The day's last second has passed once the clock reads midnight.
    l.set_clock("2026-04-17T00:00:00Z");
    assert_eq!(
        l.ok(&["ledger", "snapshot", "--date", "2026-04-16"])["message"],
        "created"
    );
}

#[test]
fn other_tenants_and_applications_see_only_their_own_snapshots_and_take_their_own() {
    let l = ledger();
    l.ok(&DAY);
    let globex = |args: &[&str]| l.ok(&[&["--tenant", "globex"], args].concat());
    let theirs = globex(&["ledger", "snapshots"]);
    assert_eq!(theirs["total"], 0, "globex's day was not taken: {theirs}");
    let taken = globex(&DAY);
    assert_eq!(taken["message"], "created", "a day is taken once per tenant: {taken}");
    assert_eq!(taken["data"]["snapshot_count"], 1);
    let items = globex(&["ledger", "snapshots"])["items"].clone();
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert_eq!((s(&items[0]["user_id"]), s(&items[0]["balance"])), ("dave", "7.00"));
    let other_app = l.ok(&["--app", "games", "ledger", "snapshots"]);
    assert_eq!(other_app["total"], 0);
    assert_eq!(rows(&l, &[]).len(), 2, "default's rows are its own");
}

#[test]
fn snapshots_list_newest_day_first_then_by_user_filtered_by_day_and_user() {
    let l = ledger();
    l.ok(&["ledger", "snapshot", "--date", "2026-04-14"]);
    l.ok(&DAY);
    let days: Vec<(String, String)> = rows(&l, &[])
        .iter()
        .map(|r| (s(&r["snapshot_date"]).to_owned(), s(&r["user_id"]).to_owned()))
        .collect();
    let expected = [("2026-04-15", "alice"), ("2026-04-15", "bob")];
    assert_eq!(days.len(), 2, "no wallet existed by the end of the 14th: {days:?}");
    assert_eq!(days, expected.map(|(d, u)| (d.to_owned(), u.to_owned())));
    assert_eq!(rows(&l, &["--user", "bob"]).len(), 1);
    assert_eq!(rows(&l, &["--date", "2026-04-14"]).len(), 0);
    let csv = l.cmd().args(["-o", "csv", "ledger", "snapshots"]).output().unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("wallet_id,user_id,snapshot_date,snapshot_at,currency,balance,available_balance,frozen_balance,last_transaction_id,last_wallet_seq,last_hash\n"),
        "{csv}"
    );
}

#[test]
fn verify_catches_a_snapshot_edited_by_hand_and_the_database_refuses_edits() {
    let l = ledger();
    l.ok(&DAY);
    // PostgreSQL's guards give the same refusals (src/store/postgres/tests/guards.rs).
    if !support::on_postgres() {
        let conn = l.sqlite();
        for sql in [
            "UPDATE snapshot_balances SET available_minor = 1",
            "DELETE FROM snapshot_balances",
            "UPDATE snapshots SET snapshot_count = 0",
            "DELETE FROM snapshots",
        ] {
            let err = conn.execute_batch(sql).expect_err(sql);
            assert!(err.to_string().contains("snapshots are kept as taken"), "{sql}: {err}");
        }
    }
    let alice = l.wallet("alice");
    l.edit_behind_the_triggers(
        "snapshot_balances",
        &format!(
            "UPDATE snapshot_balances SET available_minor = available_minor + 100, balance_minor = balance_minor + 100 WHERE wallet_id = '{}'",
            s(&alice["wallet_id"])
        ),
    );
    let failed = l.fails(&["ledger", "verify"], 7, "invariant_broken");
    let message = s(&failed["message"]);
    assert!(
        message.starts_with("ledger verify found 1 broken invariant(s): snapshots"),
        "{message}"
    );
    assert!(
        message.contains("stores available 71.00; the journal's postings up to 2026-04-16T00:00:00Z give 70.00"),
        "{message}"
    );
}

#[test]
fn racing_processes_take_one_snapshot_and_every_one_answers_it() {
    let l = ledger();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let racers: Vec<_> = (0..4)
        .map(|_| {
            let (mut cmd, barrier) = (l.cmd(), barrier.clone());
            cmd.args(["-o", "json", "--lock-timeout-ms", "30000"]).args(DAY);
            std::thread::spawn(move || {
                barrier.wait();
                cmd.output().expect("ledgerctl runs")
            })
        })
        .collect();
    let answers: Vec<Value> = racers
        .into_iter()
        .map(|racer| {
            let out = racer.join().expect("a racer");
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
            serde_json::from_slice(&out.stdout).expect("an envelope")
        })
        .collect();
    let created = answers.iter().filter(|a| a["message"] == "created").count();
    assert_eq!(created, 1, "one racer takes it, the others answer it: {answers:?}");
    assert!(answers.iter().all(|a| a["data"] == answers[0]["data"]), "{answers:?}");
    assert_eq!(l.number("SELECT COUNT(*) FROM snapshots"), 1);
    assert_eq!(l.number("SELECT COUNT(*) FROM snapshot_balances"), 2);
    l.verified();
}

/// With a policy timezone the day runs midnight to midnight there, as the reconciliation's:
/// in Asia/Shanghai (UTC+8) 2026-04-15 ends at 16:00 UTC, so the deposit at 15:59:59 UTC is
/// in it and the one at 16:00 UTC is not; it cannot be taken before that end; the run names
/// its timezone, a repeat after the policy changed still names the one it was taken in, and
/// each row is the reconciliation's closing balance of that day.
#[test]
fn a_snapshot_counts_the_day_in_the_policys_timezone_and_keeps_the_one_it_was_taken_in() {
    let l = Ledger::at("2026-04-15T09:00:00Z");
    l.ok(&["policy", "set", "--timezone", "Asia/Shanghai"]);
    l.funded("alice", "90.00");
    l.set_clock("2026-04-15T15:59:59Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "10"]);
    let early = l.fails(&DAY, 2, "invalid_request");
    assert!(s(&early["message"]).contains("Asia/Shanghai"), "{early}");
    l.set_clock("2026-04-15T16:00:00Z");
    l.ok(&["wallet", "deposit", "alice", "--amount", "500"]);
    let taken = l.ok(&DAY);
    let d = &taken["data"];
    assert_eq!(
        (s(&d["snapshot_at"]), s(&d["timezone"])),
        ("2026-04-15T16:00:00Z", "Asia/Shanghai"),
        "{taken}"
    );
    let items = rows(&l, &["--user", "alice"]);
    assert_eq!(s(&items[0]["balance"]), "100.00", "{items:?}");
    let day = l.ok(&["ledger", "reconcile", "--date", "2026-04-15"]);
    assert_eq!(
        day["data"]["records"][0]["closing_balance"], items[0]["balance"],
        "{day}"
    );
    l.ok(&["policy", "set", "--timezone", "UTC"]);
    let again = l.ok(&DAY);
    assert_eq!(again["message"], "already taken: the snapshot as it was first taken");
    assert_eq!(again["data"], taken["data"], "the first result, its timezone included");
    l.verified();
}
