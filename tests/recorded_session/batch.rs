//! The batch session: CSV and JSONL files and stdin, dry runs, atomic runs, replays and the
//! refusals of lines and of whole files.

use crate::recording::Session;
use crate::DAY1;

const CSV: &str = "\
op,user_id,amount,description,reference_id,counterparty_id,reason,freeze_id,transaction_id,direction,new_counterparty
deposit,alice,100.00,opening,b-1,,,,,,
payment,alice,10,,b-2,shop,,,,,true
withdraw,alice,5,,,,,,,,
freeze,alice,3,,,,hold,,,,
adjust,alice,1,,,,correction,,,credit,
deposit,bob,500,,,,,,,,
deposit,bob,1.5,,,,,,,,
withdraw,alice,1000,,,,,,,,
deposit,nobody,1,,,,,,,,
";

#[test]
fn batches_print_and_exit_as_recorded() {
    let mut s = Session::at(DAY1);
    s.sh("init");
    s.sh("wallet create alice");
    s.sh("wallet create bob --currency JPY");
    let csv = write(&s, "ops.csv", CSV);
    s.sh(&format!("batch --dry-run {csv}"));
    s.sh(&format!("-o json batch --dry-run {csv}"));
    s.sh(&format!("batch --atomic {csv}"));
    s.sh(&format!("batch {csv}"));
    s.sh(&format!("batch {csv}"));
    let payment = s.sh("-o json wallet history alice --type payment").field("/items/0/id");
    let freeze = s.sh("-o json wallet freezes alice").field("/items/0/id");
    let jsonl = write(&s, "ops.jsonl", &jsonl_lines(&freeze, &payment));
    s.sh(&format!("batch --dry-run {jsonl}"));
    s.sh(&format!("--yes batch {jsonl}"));
    s.piped("{\"op\":\"deposit\",\"user_id\":\"bob\",\"amount\":\"7\"}\n", "batch -");
    s.piped("op,user_id,amount\ndeposit,bob,8\n", "batch --format csv -");
    s.piped("op,user,amount\ndeposit,bob,8\n", "batch --format csv -");
    s.piped("user_id,amount\nbob,8\n", "-o json batch --format csv -");
    s.piped("", "batch -");
    s.sh("batch /nonexistent/ops.csv");
    s.sh("ledger verify");
    s.sh("wallet history alice");
    s.check("batch_session.txt");
}

/// Writes `name` in the session's folder; returns its path.
fn write(s: &Session, name: &str, text: &str) -> String {
    let path = s.dir().join(name);
    std::fs::write(&path, text).expect("write a batch file");
    path.to_string_lossy().into_owned()
}

/// Lines that apply (unfreeze, refunds with and without a user, a debit adjustment) and lines
/// refused one by one (an exponent, an unknown op, an unknown key, not JSON).
fn jsonl_lines(freeze: &str, payment: &str) -> String {
    [
        format!(r#"{{"op":"unfreeze","user_id":"alice","freeze_id":"{freeze}","reason":"done"}}"#),
        format!(r#"{{"op":"refund","transaction_id":"{payment}","amount":"2"}}"#),
        format!(r#"{{"op":"refund","user_id":"alice","transaction_id":"{payment}","reference_id":"r-2"}}"#),
        r#"{"op":"adjust","user_id":"alice","amount":"1","direction":"debit","reason":"fix"}"#.to_owned(),
        r#"{"op":"deposit","user_id":"alice","amount":"1e3"}"#.to_owned(),
        r#"{"op":"teleport","user_id":"alice"}"#.to_owned(),
        r#"{"op":"deposit","user_id":"alice","amount":"1","colour":"red"}"#.to_owned(),
        "not json".to_owned(),
    ]
    .map(|line| line + "\n")
    .concat()
}
