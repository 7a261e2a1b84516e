//! A payment to a counterparty never paid before must say so (`--new-counterparty`): a typo in
//! `--counterparty` is refused with the closest known names instead of opening a new account.

mod support;

use std::io::Write;

use serde_json::Value;
use support::server::Server;
use support::{s, Ledger};

fn pay<'a>(user: &'a str, counterparty: &'a str) -> Vec<&'a str> {
    vec![
        "wallet",
        "payment",
        user,
        "--amount",
        "1",
        "--counterparty",
        counterparty,
    ]
}

#[test]
fn a_typo_in_the_counterparty_is_not_found_and_names_the_closest_known_ones() {
    let l = Ledger::new();
    l.funded("u", "100.00");
    l.ok(&[pay("u", "mch_store"), vec!["--new-counterparty"]].concat());
    l.ok(&[pay("u", "mch_stores"), vec!["--new-counterparty"]].concat());
    l.ok(&pay("u", "mch_store")); // known now: no flag needed
                                  // Another tenant's counterparties are never suggested, however close.
    l.ok(&["--tenant", "other", "wallet", "create", "u"]);
    l.ok(&["--tenant", "other", "wallet", "deposit", "u", "--amount", "5"]);
    l.ok(&[
        vec!["--tenant", "other"],
        pay("u", "mch_stroe_"),
        vec!["--new-counterparty"],
    ]
    .concat());

    let e = l.fails(&pay("u", "mch_stroe"), 3, "counterparty_not_found");
    assert_eq!(e["code"], 404);
    let message = s(&e["message"]);
    assert!(message.contains("did you mean mch_store, mch_stores?"), "{message}");
    assert!(
        !message.contains("mch_stroe_"),
        "another tenant's name leaked: {message}"
    );
    assert!(message.contains("--new-counterparty"), "{message}");
    let nothing_close = l.fails(&pay("u", "acme_payments"), 3, "counterparty_not_found");
    assert!(
        !s(&nothing_close["message"]).contains("did you mean"),
        "{nothing_close}"
    );

    let table = l.cmd().args(pay("u", "mch_stroe")).output().unwrap();
    assert_eq!(table.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&table.stderr).contains("(counterparty_not_found)"));

    l.ok(&[pay("u", "mch_stroe"), vec!["--new-counterparty"]].concat());
    assert_eq!(s(&l.wallet("u")["balance"]), "96.00");
    l.verified();
}

#[test]
fn batch_lines_and_http_bodies_say_new_counterparty_true() {
    let l = Ledger::new();
    l.funded("alice", "100.00");
    let csv = "op,user_id,amount,counterparty_id,new_counterparty\n\
               payment,alice,1,mch_a,\n\
               payment,alice,1,mch_a,true\n\
               payment,alice,1,mch_a,\n\
               payment,alice,1,mch_b,maybe\n";
    let path = l.db.with_file_name("pay.csv");
    std::fs::File::create(&path).unwrap().write_all(csv.as_bytes()).unwrap();
    let out = l.cmd().arg("batch").arg(&path).output().unwrap();
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let errors: Vec<&str> = results.iter().map(|r| r["error"].as_str().unwrap_or("")).collect();
    assert_eq!(errors, ["counterparty_not_found", "", "", "invalid_request"]);
    assert_eq!(out.status.code(), Some(3));

    let jsonl = "{\"op\":\"payment\",\"user_id\":\"alice\",\"amount\":\"1\",\"counterparty_id\":\"mch_c\",\"new_counterparty\":true}\n\
                 {\"op\":\"deposit\",\"user_id\":\"alice\",\"amount\":\"1\",\"new_counterparty\":true}\n";
    let out = l.cmd().args(["batch", "-"]).write_stdin(jsonl).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines[0]["code"], 200, "{stdout}");
    assert_eq!(
        lines[1]["error"], "invalid_request",
        "a deposit does not take it: {stdout}"
    );

    let token = l.token(&["token", "create", "--scope", "write"]);
    let server = Server::start(&l);
    let refused = l.refused(404, "counterparty_not_found", || {
        server.post(
            &token,
            "/wallets/alice/payment",
            r#"{"amount":"1.00","counterparty_id":"mch_d"}"#,
        )
    });
    assert!(
        s(&refused.json["message"]).contains("did you mean mch_a"),
        "{}",
        refused.body
    );
    let paid = server.post(
        &token,
        "/wallets/alice/payment",
        r#"{"amount":"1.00","counterparty_id":"mch_d","new_counterparty":true}"#,
    );
    assert_eq!(paid.ok()["transaction"]["counterparty_id"], "mch_d");
}
