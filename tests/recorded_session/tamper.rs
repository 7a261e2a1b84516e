//! `ledger verify` on a ledger edited by hand: the exit code and every check's report; and
//! `ledger reconcile`, which an edited cache leaves as it was and an edited entry fails.

use crate::recording::Session;
use crate::DAY1;

#[test]
fn a_ledger_edited_by_hand_fails_verify_as_recorded() {
    let mut s = Session::at(DAY1);
    for line in [
        "init",
        "wallet create alice",
        "wallet deposit alice --amount 100",
        "wallet withdraw alice --amount 30",
        "wallet freeze alice --amount 10 --reason hold",
    ] {
        s.sh(line);
    }
    edit(
        &s,
        "wallets",
        "UPDATE wallets SET available_minor = available_minor + 100",
    );
    verify(&mut s);
    // The reconciliation reads the journal alone: an edited cache does not change it.
    let day = &DAY1[..10];
    assert_eq!(s.sh(&format!("ledger reconcile --date {day}")).code, 0);
    edit(
        &s,
        "journal_entries",
        "UPDATE journal_entries SET description = 'edited' WHERE seq = 2",
    );
    verify(&mut s);
    edit(
        &s,
        "journal_entries",
        "UPDATE journal_entries SET balance_after_minor = balance_after_minor + 1 WHERE seq = 2",
    );
    for line in ["ledger reconcile --date", "-o json ledger reconcile --date"] {
        let verdict = s.sh(&format!("{line} {day}"));
        assert_eq!(verdict.code, 7, "{}", verdict.stdout);
    }
    s.check("tampered_ledger.txt");
}

fn verify(s: &mut Session) {
    for line in ["ledger verify", "-o json ledger verify"] {
        let verdict = s.sh(line);
        assert_eq!(verdict.code, 7, "{}", verdict.stdout);
    }
}

/// Runs `sql` (one row changed) on `table` with its guarding triggers dropped for the
/// moment, as a person with the file and sqlite3 could.
fn edit(s: &Session, table: &str, sql: &str) {
    let conn = s.ledger.sqlite();
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1")
        .expect("list triggers")
        .query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("triggers")
        .map(|trigger| trigger.expect("a trigger"))
        .collect();
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .expect("drop a trigger");
    }
    assert_eq!(conn.execute(sql, []).expect("the hand edit"), 1, "{sql}");
    for (_, definition) in &triggers {
        conn.execute_batch(definition).expect("restore a trigger");
    }
}
