//! `ledger verify` on a ledger edited by hand: the exit code and every check's report.

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
    edit(
        &s,
        "journal_entries",
        "UPDATE journal_entries SET description = 'edited' WHERE seq = 2",
    );
    verify(&mut s);
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
