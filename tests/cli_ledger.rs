//! SPEC section 2, the ledger as a whole: the append-only journal, `ledger verify` catching hand
//! edits, the trial balance, and the ledger file itself (init, missing, not a ledger).

mod support;

use serde_json::{json, Value};
use support::{s, Ledger, Seeded};

const CHECKS: [&str; 18] = [
    "hash_chain",
    "entries_balance",
    "balance_history",
    "wallet_balances",
    "refund_caps",
    "transfers",
    "freezes",
    "captures",
    "withdrawal_requests",
    "wallet_statuses",
    "audit_chain",
    "snapshots",
    "policy_changes",
    "postings_belong_to_entries",
    "sqlite_integrity",
    "append_only_triggers",
    "seals",
    "anchors",
];

/// A ledger with some of every kind of entry: two CNY wallets and a JPY one.
fn busy_ledger() -> Ledger {
    busy(Ledger::new())
}

/// [`busy_ledger`] in a file, whichever backend the suites run on: for the tests that edit it
/// by hand.
fn busy_file() -> Ledger {
    busy(Ledger::file())
}

fn busy(l: Ledger) -> Ledger {
    l.funded("u", "1000.00");
    l.funded("v", "250.50");
    let payment = l.ok(&[
        "wallet",
        "payment",
        "u",
        "--counterparty",
        "mch_1",
        "--new-counterparty",
        "--amount",
        "200",
    ]);
    let payment_id = s(&payment["data"]["transaction"]["id"]).to_owned();
    l.ok(&[
        "wallet",
        "refund",
        "u",
        "--transaction-id",
        &payment_id,
        "--amount",
        "50",
    ]);
    l.ok(&["wallet", "withdraw", "u", "--amount", "100"]);
    l.ok(&["wallet", "withdraw", "v", "--amount", "0.50"]);
    let freeze = l.ok(&["wallet", "freeze", "u", "--amount", "300"]);
    let freeze_id = s(&freeze["data"]["freeze"]["id"]).to_owned();
    l.ok(&["wallet", "freeze", "u", "--amount", "100"]);
    l.ok(&["wallet", "unfreeze", "u", "--freeze-id", &freeze_id]);
    l.ok(&[
        "--yes", "wallet", "adjust", "v", "--credit", "10", "--reason", "goodwill",
    ]);
    l.ok(&["--yes", "wallet", "adjust", "u", "--debit", "5", "--reason", "fee"]);
    l.ok(&["wallet", "create", "jp", "--currency", "JPY"]);
    l.ok(&["wallet", "deposit", "jp", "--amount", "5000"]);
    l.ok(&["wallet", "withdraw", "jp", "--amount", "1200"]);
    l
}

/// Runs `ledger verify -o json` on a ledger that must be broken; returns the error message
/// after checking the one error envelope and exit 7.
fn broken(l: &Ledger) -> String {
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(run.code, 7, "verify must exit 7: {}", run.json);
    let e = &run.json;
    assert_eq!(e["error"], "invariant_broken", "{e}");
    assert!(e.get("data").is_none(), "one error envelope, no data: {e}");
    assert!(e["code"].is_u64(), "{e}");
    s(&e["message"]).to_owned()
}

/// Which of the checks a verify message names.
fn named_checks(message: &str) -> Vec<&'static str> {
    CHECKS.iter().copied().filter(|c| message.contains(c)).collect()
}

/// Runs `sql` with the named triggers dropped, then puts them back as they were: a careful
/// person editing the file by hand.
fn edit_behind_the_triggers(l: &Ledger, triggers: &[&str], sql: &str) {
    let conn = l.sqlite();
    let mut definitions = Vec::new();
    for t in triggers {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [t],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("trigger {t}: {e}"));
        definitions.push(sql);
        conn.execute_batch(&format!("DROP TRIGGER {t}")).expect("drop trigger");
    }
    conn.execute_batch(sql).expect("hand edit");
    for d in definitions {
        conn.execute_batch(&d).expect("recreate trigger");
    }
}

#[test]
fn verify_on_a_healthy_ledger_passes_every_check() {
    let l = busy_ledger();
    let run = l.run(&["ledger", "verify"]);
    assert_eq!(run.code, 0, "{}", run.json);
    let data = &run.json["data"];
    assert_eq!(data["ok"], true, "{data}");
    assert_eq!(data["entries"], 13, "{data}");
    assert_eq!(data["wallets"], 3, "{data}");
    let checks = data["checks"].as_array().expect("checks");
    let names: Vec<&str> = checks.iter().map(|c| s(&c["name"])).collect();
    // The storage's own check is named after the backend; the rest are the same on both.
    let storage = if support::on_postgres() {
        "postgres_integrity"
    } else {
        "sqlite_integrity"
    };
    let expected: Vec<&str> = CHECKS
        .iter()
        .map(|&check| if check == "sqlite_integrity" { storage } else { check })
        .collect();
    assert_eq!(names, expected);
    for c in checks {
        assert_eq!(c["ok"], true, "{c}");
        assert_eq!(c["problems_total"], 0, "{c}");
        assert!(
            c["checked"].as_u64().is_some_and(|n| n > 0)
                || [
                    "refund_caps",
                    "transfers",
                    "captures",
                    "withdrawal_requests",
                    "seals",
                    "anchors",
                    "audit_chain",
                    "snapshots",
                    "policy_changes"
                ]
                .contains(&s(&c["name"])),
            "{c}"
        );
    }
    let hash_chain = &checks[0];
    assert_eq!(hash_chain["checked"], 13, "every entry is checked: {hash_chain}");
}

#[test]
fn the_database_refuses_to_update_or_delete_entries_and_postings() {
    let l = busy_file();
    let before = l.snapshot();
    let conn = l.sqlite();
    for sql in [
        "UPDATE journal_entries SET amount_minor = 1 WHERE seq = 1",
        "UPDATE journal_entries SET description = 'edited'",
        "DELETE FROM journal_entries",
        "DELETE FROM journal_entries WHERE seq = (SELECT MAX(seq) FROM journal_entries)",
        "DELETE FROM postings",
        "UPDATE postings SET amount_minor = amount_minor * 2",
    ] {
        let err = conn.execute_batch(sql).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let err = conn.execute_batch("DELETE FROM freezes").expect_err("freezes are kept");
    assert!(err.to_string().contains("never deleted"), "{err}");
    let err = conn.execute_batch("DELETE FROM wallets").expect_err("wallets are kept");
    assert!(err.to_string().contains("never deleted"), "{err}");
    drop(conn);
    assert_eq!(l.snapshot(), before);
    l.verified();
}

#[test]
fn an_entry_that_breaks_the_hash_chain_cannot_be_inserted() {
    let l = busy_file();
    let before = l.snapshot();
    let conn = l.sqlite();
    let err = conn
        .execute_batch(
            "INSERT INTO journal_entries
             SELECT seq + 100, id || 'x', wallet_id, kind, currency, amount_minor, balance_before_minor,
                    balance_after_minor, counterparty_id, description, reference_id, original_id,
                    freeze_id, request, actor, created_at, prev_hash, hash || 'x', wallet_seq, chain_version
             FROM journal_entries WHERE seq = 1",
        )
        .expect_err("a forged entry");
    assert!(err.to_string().contains("hash chain"), "{err}");
    drop(conn);
    assert_eq!(l.snapshot(), before);
}

/// Copies of the last entry as a forger would insert them, each failing one rule of the
/// per-wallet chain trigger: the next place in the wallet with another link, a place skipped,
/// a version 1 entry after version 2 ones, an unknown version.
#[test]
fn an_entry_that_does_not_extend_its_wallets_chain_cannot_be_inserted() {
    let l = busy_file();
    let before = l.snapshot();
    let conn = l.sqlite();
    let copy = |wallet_seq: &str, chain_version: &str, prev_hash: &str| {
        format!(
            "INSERT INTO journal_entries
             SELECT NULL, id || 'x', wallet_id, kind, currency, amount_minor, balance_before_minor,
                    balance_after_minor, counterparty_id, description, reference_id || 'x', original_id,
                    freeze_id, request, actor, created_at, {prev_hash}, hash || 'x', {wallet_seq}, {chain_version}
             FROM journal_entries WHERE seq = (SELECT MAX(seq) FROM journal_entries)"
        )
    };
    for sql in [
        copy("wallet_seq + 1", "2", "prev_hash"),
        copy("wallet_seq + 2", "2", "hash"),
        copy("wallet_seq + 1", "1", "hash"),
        copy("wallet_seq + 1", "3", "hash"),
        copy("NULL", "2", "hash"),
    ] {
        let err = conn.execute_batch(&sql).expect_err(&sql);
        assert!(
            err.to_string().contains("hash chain") || err.to_string().contains("CHECK"),
            "{sql}: {err}"
        );
    }
    drop(conn);
    assert_eq!(l.snapshot(), before);
    l.verified();
}

#[test]
fn a_hand_edited_description_is_caught_as_a_broken_hash_chain() {
    let l = busy_file();
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_update"],
        "UPDATE journal_entries SET description = 'nothing to see' WHERE seq = 3",
    );
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["hash_chain"], "{message}");
    assert!(message.contains("seq 3"), "the message names the entry: {message}");
}

#[test]
fn a_hand_edited_amount_is_caught_even_when_everything_else_is_made_to_match() {
    let l = busy_file();
    // The last entry is the JPY withdrawal of 1200: make it 12, with postings, balance and
    // cached wallet balance all made to agree. Only the hash can tell.
    let last: (i64, String, i64) = l
        .sqlite()
        .query_row(
            "SELECT seq, wallet_id, amount_minor FROM journal_entries ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("last entry");
    assert_eq!(last.2, 1200);
    let (seq, wallet) = (last.0, last.1);
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_update", "postings_no_update"],
        &format!(
            "UPDATE journal_entries SET amount_minor = 12, balance_after_minor = 4988 WHERE seq = {seq};
             UPDATE postings SET amount_minor = CASE WHEN amount_minor > 0 THEN 12 ELSE -12 END WHERE entry_seq = {seq};
             UPDATE wallets SET available_minor = 4988 WHERE id = '{wallet}';"
        ),
    );
    assert_eq!(s(&l.wallet("jp")["balance"]), "4988", "the edit took");
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["hash_chain"], "{message}");
}

#[test]
fn a_hand_edited_amount_alone_breaks_the_chain_and_the_postings() {
    let l = busy_file();
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_update"],
        "UPDATE journal_entries SET amount_minor = amount_minor + 1 WHERE seq = 1",
    );
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["hash_chain", "entries_balance"], "{message}");
}

#[test]
fn a_hand_deleted_entry_in_the_middle_is_a_gap_in_the_hash_chain() {
    let l = busy_file();
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_delete", "postings_no_delete"],
        "DELETE FROM postings WHERE entry_seq = 5; DELETE FROM journal_entries WHERE seq = 5;",
    );
    let message = broken(&l);
    assert!(named_checks(&message).contains(&"hash_chain"), "{message}");
}

#[test]
fn a_hand_deleted_last_entry_is_caught_by_the_wallet_balances() {
    let l = busy_file();
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_delete", "postings_no_delete"],
        "DELETE FROM postings WHERE entry_seq = (SELECT MAX(seq) FROM journal_entries);
         DELETE FROM journal_entries WHERE seq = (SELECT MAX(seq) FROM journal_entries);",
    );
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["wallet_balances"], "{message}");
}

#[test]
fn a_hand_deleted_tail_with_matching_balances_is_caught_by_an_anchor_recorded_before() {
    let l = busy_file();
    let head = l.ok(&["ledger", "verify"])["data"]["head"].clone();
    assert_eq!(head["seq"], 13, "{head}");
    let anchor = s(&head["anchor"]).to_owned();
    assert_eq!(anchor, format!("13:{}", s(&head["hash"])));
    l.ok(&["ledger", "verify", "--anchor", &anchor]);
    // Remove the last entry and put its wallet's cached balances back to what the shorter
    // journal says: a careful forger.
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_delete", "postings_no_delete"],
        "UPDATE wallets SET available_minor = available_minor
             + (SELECT CASE WHEN p.account LIKE '%:available' THEN p.amount_minor ELSE 0 END
                FROM postings p WHERE p.entry_seq = (SELECT MAX(seq) FROM journal_entries) AND p.account LIKE 'liabilities:wallet:' || wallets.id || ':%' ORDER BY p.idx LIMIT 1)
           WHERE id = (SELECT wallet_id FROM journal_entries ORDER BY seq DESC LIMIT 1);
         UPDATE wallets SET frozen_minor = frozen_minor
             + COALESCE((SELECT SUM(p.amount_minor) FROM postings p WHERE p.entry_seq = (SELECT MAX(seq) FROM journal_entries) AND p.account = 'liabilities:wallet:' || wallets.id || ':frozen'), 0)
           WHERE id = (SELECT wallet_id FROM journal_entries ORDER BY seq DESC LIMIT 1);
         DELETE FROM postings WHERE entry_seq = (SELECT MAX(seq) FROM journal_entries);
         DELETE FROM journal_entries WHERE seq = (SELECT MAX(seq) FROM journal_entries);",
    );
    let unanchored = l.run(&["ledger", "verify"]);
    let anchored = l.run(&["ledger", "verify", "--anchor", &anchor]);
    assert_eq!(anchored.code, 7, "{}", anchored.json);
    assert_eq!(
        named_checks(s(&anchored.json["message"])),
        ["anchors"],
        "{}",
        anchored.json
    );
    assert!(
        s(&anchored.json["message"]).contains("seq 13 is gone"),
        "{}",
        anchored.json
    );
    // The known limit of a chain whose head lives in the same file: without an anchor this
    // forgery passes. That is why verify prints the head, to be kept elsewhere.
    assert_eq!(unanchored.code, 0, "{}", unanchored.json);
    assert_eq!(unanchored.json["data"]["entries"], 12);
}

#[test]
fn a_malformed_anchor_is_an_invalid_request() {
    let l = busy_ledger();
    l.fails(&["ledger", "verify", "--anchor", "13"], 2, "invalid_request");
    l.fails(&["ledger", "verify", "--anchor", "x:abc"], 2, "invalid_request");
}

#[test]
fn a_hand_edit_that_leaves_the_triggers_dropped_is_caught_twice() {
    let l = busy_file();
    let conn = l.sqlite();
    conn.execute_batch("DROP TRIGGER journal_entries_no_update")
        .expect("drop");
    conn.execute_batch("UPDATE journal_entries SET description = 'x' WHERE seq = 2")
        .expect("the edit");
    drop(conn);
    let message = broken(&l);
    assert_eq!(
        named_checks(&message),
        ["hash_chain", "append_only_triggers"],
        "{message}"
    );
    assert!(message.contains("journal_entries_no_update"), "{message}");
}

#[test]
fn an_edited_cached_wallet_balance_is_caught() {
    let l = busy_file();
    let wallet_id = s(&l.wallet("v")["wallet_id"]).to_owned();
    let changed = l
        .sqlite()
        .execute(
            "UPDATE wallets SET available_minor = available_minor + 100000 WHERE id = ?1",
            [&wallet_id],
        )
        .expect("the wallets table takes balance updates");
    assert_eq!(changed, 1);
    assert_eq!(s(&l.wallet("v")["balance"]), "1260.00", "the edit took");
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["wallet_balances"], "{message}");
    assert!(message.contains(&wallet_id), "the message names the wallet: {message}");
}

#[test]
fn an_edited_frozen_balance_is_caught() {
    let l = busy_file();
    l.sqlite()
        .execute_batch("UPDATE wallets SET frozen_minor = frozen_minor + 1")
        .expect("update");
    let message = broken(&l);
    let named = named_checks(&message);
    assert!(named.contains(&"wallet_balances"), "{message}");
    assert!(named.contains(&"freezes"), "{message}");
}

#[test]
fn a_missing_trigger_alone_is_caught() {
    for trigger in [
        "postings_no_delete",
        "journal_entries_no_update",
        "journal_entries_chain",
    ] {
        let l = busy_file();
        l.sqlite()
            .execute_batch(&format!("DROP TRIGGER {trigger}"))
            .expect("drop trigger");
        let message = broken(&l);
        assert_eq!(named_checks(&message), ["append_only_triggers"], "{trigger}: {message}");
        assert!(message.contains(trigger), "the message names {trigger}: {message}");
    }
}

#[test]
fn verify_in_table_mode_shows_the_checklist_and_the_error() {
    let l = busy_file();
    let ok = l.cmd().args(["ledger", "verify"]).output().expect("runs");
    assert_eq!(ok.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&ok.stdout);
    for check in CHECKS {
        assert!(stdout.contains(check), "{check} in {stdout}");
    }
    assert!(!stdout.contains("BROKEN"), "{stdout}");

    l.sqlite()
        .execute_batch("DROP TRIGGER postings_no_update")
        .expect("drop");
    let bad = l.cmd().args(["ledger", "verify"]).output().expect("runs");
    assert_eq!(bad.status.code(), Some(7));
    let stdout = String::from_utf8_lossy(&bad.stdout);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stdout.contains("BROKEN"), "{stdout}");
    assert!(stdout.contains("postings_no_update"), "{stdout}");
    assert!(stderr.contains("invariant_broken"), "{stderr}");
}

fn trial_balance(l: &Ledger) -> Value {
    l.ok(&["ledger", "trial-balance"])["data"].clone()
}

fn line<'a>(tb: &'a Value, account: &str) -> &'a Value {
    tb["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["account"] == account)
        .unwrap_or_else(|| panic!("no account {account} in {tb}"))
}

#[test]
fn the_trial_balance_has_equal_debits_and_credits_per_currency() {
    let l = busy_ledger();
    let tb = trial_balance(&l);
    assert_eq!(tb["balanced"], true, "{tb}");
    let totals = tb["totals"].as_array().expect("totals");
    let currencies: Vec<&str> = totals.iter().map(|t| s(&t["currency"])).collect();
    assert_eq!(currencies, ["CNY", "JPY"], "{tb}");
    for t in totals {
        assert_eq!(t["debit"], t["credit"], "{t}");
        assert_eq!(t["balanced"], true, "{t}");
    }
    // Sum the lines ourselves.
    for currency in ["CNY", "JPY"] {
        let (mut debit, mut credit) = (0_i64, 0_i64);
        for a in tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["currency"] == currency)
        {
            // Amounts always carry the currency's decimals, so dropping the dot gives minor units.
            let minor = |v: &Value| s(v).replace('.', "").parse::<i64>().unwrap();
            debit += minor(&a["debit"]);
            credit += minor(&a["credit"]);
        }
        assert_eq!(debit, credit, "{currency}: {tb}");
        assert!(debit > 0, "{currency}");
    }
}

#[test]
fn the_trial_balance_accounts_match_the_wallets() {
    let l = busy_ledger();
    let tb = trial_balance(&l);
    // Settlement holds deposits − withdrawals: CNY 1000 + 250.50 − 100 − 0.50; JPY 5000 − 1200.
    let settlement = line(&tb, "assets:settlement:CNY");
    assert_eq!(s(&settlement["balance"]), "1150.00", "{settlement}");
    assert_eq!(s(&settlement["debit"]), "1250.50", "{settlement}");
    assert_eq!(s(&settlement["credit"]), "100.50", "{settlement}");
    assert_eq!(s(&line(&tb, "assets:settlement:JPY")["balance"]), "3800");
    // Equity: +5 from the debit adjustment, −10 for the credit adjustment.
    let equity = line(&tb, "equity:adjustments:CNY");
    assert_eq!(
        (s(&equity["debit"]), s(&equity["credit"])),
        ("10.00", "5.00"),
        "{equity}"
    );
    // Every wallet's available and frozen accounts are its balances.
    for user in ["u", "v", "jp"] {
        let w = l.wallet(user);
        let id = s(&w["wallet_id"]);
        let available = line(&tb, &format!("liabilities:wallet:{id}:available"));
        assert_eq!(available["balance"], w["available_balance"], "{user}: {available}");
        let frozen = tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["account"] == format!("liabilities:wallet:{id}:frozen"))
            .map(|a| a["balance"].clone());
        let zero = if user == "jp" { "0" } else { "0.00" };
        assert_eq!(
            frozen.unwrap_or_else(|| Value::from(zero)),
            w["frozen_balance"],
            "{user}"
        );
    }
    let u = l.wallet("u");
    // 1000 − 200 + 50 − 100 − 5 = 745, of which 100 frozen.
    assert_eq!(
        (s(&u["balance"]), s(&u["frozen_balance"]), s(&u["available_balance"])),
        ("745.00", "100.00", "645.00")
    );
    let counterparty = tb["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| s(&a["account"]).starts_with("liabilities:counterparty:") && s(&a["account"]).contains("mch_1"))
        .expect("the counterparty account");
    assert_eq!(s(&counterparty["balance"]), "150.00", "{counterparty}");
}

#[test]
fn an_empty_ledger_has_an_empty_balanced_trial_balance() {
    let l = Ledger::new();
    let tb = trial_balance(&l);
    assert_eq!(tb["balanced"], true);
    assert_eq!(tb["accounts"].as_array().map(Vec::len), Some(0), "{tb}");
    l.verified();
}

#[test]
fn init_twice_is_refused() {
    let l = Ledger::new();
    l.funded("u", "10");
    let e = l.fails(&["init"], 4, "ledger_exists");
    assert_eq!(e["code"], 409);
    assert_eq!(s(&l.wallet("u")["balance"]), "10.00");
}

#[test]
fn any_command_on_a_missing_file_is_not_found_and_creates_nothing() {
    let l = Ledger::uninitialised();
    for args in [
        &["wallet", "show", "u"][..],
        &["wallet", "create", "u"],
        &["wallet", "list"],
        &["wallet", "deposit", "u", "--amount", "10"],
        &["wallet", "history", "u"],
        &["refund", "--transaction-id", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"],
        &["ledger", "verify"],
        &["ledger", "trial-balance"],
    ] {
        let run = l.run(args);
        assert_eq!(run.code, 3, "`{}`: {}", args.join(" "), run.json);
        assert_eq!(run.json["error"], "ledger_not_found", "`{}`", args.join(" "));
        assert_eq!(run.json["code"], 404);
        assert!(
            s(&run.json["message"]).contains("init"),
            "the message says what to do: {}",
            run.json
        );
        let folder: Vec<_> = std::fs::read_dir(l.db.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(folder.is_empty(), "`{}` created {folder:?}", args.join(" "));
    }
}

#[test]
fn a_file_that_is_not_a_ledger_is_refused_and_left_alone() {
    let l = Ledger::file_uninitialised();
    for contents in [&b"payee,amount\nalice,10\n"[..], b""] {
        std::fs::write(&l.db, contents).expect("write");
        for args in [
            &["wallet", "show", "u"][..],
            &["wallet", "create", "u"],
            &["ledger", "verify"],
            &["init"],
        ] {
            let run = l.run(args);
            let expected = if args == ["init"] {
                (4, "ledger_exists")
            } else {
                (2, "invalid_request")
            };
            assert_eq!(
                (run.code, s(&run.json["error"])),
                expected,
                "`{}`: {}",
                args.join(" "),
                run.json
            );
            assert_eq!(
                std::fs::read(&l.db).unwrap(),
                contents,
                "`{}` changed the file",
                args.join(" ")
            );
        }
    }
    // A SQLite database of another program is not a ledger either.
    std::fs::remove_file(&l.db).unwrap();
    let other = rusqlite::Connection::open(&l.db).unwrap();
    other
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")
        .unwrap();
    drop(other);
    let run = l.run(&["wallet", "create", "u"]);
    assert_eq!(
        (run.code, s(&run.json["error"])),
        (2, "invalid_request"),
        "{}",
        run.json
    );
    let tables: i64 = l
        .sqlite()
        .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(tables, 1, "the other program's database was not migrated");
}

#[test]
fn concurrent_inits_create_one_ledger_and_refuse_the_others() {
    const PROCESSES: usize = 8;
    const ROUNDS: usize = 15;
    for round in 0..ROUNDS {
        let l = std::sync::Arc::new(Ledger::uninitialised());
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(PROCESSES));
        let handles: Vec<_> = (0..PROCESSES)
            .map(|_| {
                let (l, barrier) = (l.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    l.run(&["init"])
                })
            })
            .collect();
        let runs: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let created = runs.iter().filter(|r| r.code == 0).count();
        let refused = runs
            .iter()
            .filter(|r| r.code == 4 && r.json["error"] == "ledger_exists")
            .count();
        let codes: Vec<i32> = runs.iter().map(|r| r.code).collect();
        assert_eq!(
            (created, refused),
            (1, PROCESSES - 1),
            "round {round}: one init creates the ledger, the others find it exists; exit codes {codes:?}"
        );
        l.verified();
    }
}

#[test]
fn a_wallet_handed_to_another_tenant_or_currency_by_hand_is_caught() {
    let one = "WHERE id = (SELECT wallet_id FROM journal_entries ORDER BY seq LIMIT 1)";
    for set in ["tenant_id = 'evil'", "user_id = 'mallory'", "currency = 'KWD'"] {
        let edit = format!("UPDATE wallets SET {set} {one}");
        let l = busy_file();
        edit_behind_the_triggers(&l, &["wallets_identity_fixed"], &edit);
        let message = broken(&l);
        assert!(
            named_checks(&message)
                .iter()
                .any(|c| *c == "hash_chain" || *c == "entries_balance"),
            "{edit}: {message}"
        );
    }
}

/// A ledger of several pages: enough rows that damage can land past its first pages.
fn ledger_of_many_pages() -> Ledger {
    let l = busy_file();
    let long = "a deposit with a description long enough to fill pages ".repeat(6);
    for _ in 0..12 {
        l.ok(&["wallet", "deposit", "u", "--amount", "1", "--description", &long]);
    }
    let pages: i64 = l.sqlite().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    assert!(pages >= 8, "the ledger has {pages} pages");
    l
}

/// `ledger verify` on a damaged file must fail as a verification (exit 7, the error envelope
/// naming `sqlite_integrity`), never as an internal error.
fn verify_names_the_integrity_check(l: &Ledger, what: &str) {
    let message = broken(l);
    assert_eq!(named_checks(&message), ["sqlite_integrity"], "{what}: {message}");
    let table = l.cmd().args(["ledger", "verify"]).output().unwrap();
    assert_eq!(table.status.code(), Some(7), "{what}");
    let stdout = String::from_utf8_lossy(&table.stdout);
    assert!(
        stdout.contains("sqlite_integrity") && stdout.contains("damaged"),
        "{what}: {stdout}"
    );
}

#[test]
fn verify_on_a_truncated_copy_exits_7_naming_the_integrity_check() {
    let l = ledger_of_many_pages();
    let whole = std::fs::read(&l.db).unwrap();
    for keep in [whole.len() / 2, 8192, 4096, 50] {
        std::fs::write(&l.db, &whole[..keep]).unwrap();
        verify_names_the_integrity_check(&l, &format!("truncated to {keep} bytes"));
    }
    // Other commands refuse the damaged file the same way, as a storage-integrity failure.
    std::fs::write(&l.db, &whole[..whole.len() / 2]).unwrap();
    let run = l.run(&["wallet", "history", "u"]);
    assert_eq!(
        (run.code, s(&run.json["error"])),
        (7, "storage_integrity"),
        "{}",
        run.json
    );
}

#[test]
fn a_time_edited_into_another_form_is_a_damaged_file_not_an_internal_error() {
    let l = busy_file();
    // Still the same instant, but not as ledgerctl writes times; a hash covers the text.
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_update"],
        "UPDATE journal_entries SET created_at = replace(replace(created_at, 'T', ' '), 'Z', '') WHERE seq = 2",
    );
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["sqlite_integrity"], "{message}");
    assert!(message.contains("is not as ledgerctl writes it"), "{message}");
    let run = l.run(&["ledger", "journal"]);
    assert_eq!(
        (run.code, s(&run.json["error"])),
        (7, "storage_integrity"),
        "{}",
        run.json
    );
}

#[test]
fn verify_on_a_file_with_corrupted_pages_exits_7_naming_the_integrity_check() {
    let l = ledger_of_many_pages();
    let whole = std::fs::read(&l.db).unwrap();
    let page = 4096;
    // Two pages past the schema's first page overwritten with a fixed pattern, as a bad disk would.
    for first in [2, 4] {
        let mut damaged = whole.clone();
        damaged[first * page..(first + 2) * page].fill(0xA5);
        std::fs::write(&l.db, &damaged).unwrap();
        verify_names_the_integrity_check(&l, &format!("pages {first} and {} overwritten", first + 1));
    }
}

#[test]
fn a_killed_init_leaves_no_ledger_or_one_that_verifies() {
    const KILLS: usize = 48;
    const SEED: u64 = 0x1ED6_E2C7_1A11_0008;
    let binary = assert_cmd::cargo::cargo_bin("ledgerctl");
    // Kill moments spread over the whole run of an init on this machine, and a little past it.
    let timed = Ledger::file_uninitialised();
    let started = std::time::Instant::now();
    timed.ok(&["init"]);
    let mut window_us = (started.elapsed().as_micros() as u64 * 3 / 2).max(1_000);
    let mut random = Seeded(SEED);
    let (mut nothing_left, mut ledger_left) = (0, 0);
    // Under load one init can take far longer or shorter than the one timed: if the kills all
    // landed on one side, the window moves (twice as long, or half) and the kills go on, up to
    // three times as many, so the test does not depend on one timing.
    let mut kill = 0;
    while kill < KILLS || ((nothing_left == 0 || ledger_left == 0) && kill < 3 * KILLS) {
        if kill >= KILLS {
            window_us = if ledger_left == 0 {
                window_us * 2
            } else {
                (window_us / 2).max(1)
            };
        }
        kill += 1;
        let l = Ledger::file_uninitialised();
        let delay_us = random.below(window_us);
        let mut child = std::process::Command::new(&binary)
            .args(["--db", l.db.to_str().unwrap(), "init"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("init starts");
        std::thread::sleep(std::time::Duration::from_micros(delay_us));
        let _ = child.kill(); // SIGKILL
        child.wait().expect("init is reaped");
        let what = format!("kill {kill} after {delay_us} µs (seed {SEED:#x})");
        let left_a_ledger = l.db.exists();
        if left_a_ledger {
            ledger_left += 1;
            let run = l.run(&["ledger", "verify"]);
            assert_eq!(
                run.code, 0,
                "{what}: the file left behind must be a working ledger: {}",
                run.json
            );
        } else {
            nothing_left += 1;
            l.ok(&["init"]);
            l.verified();
        }
        let folder = std::fs::read_dir(l.db.parent().unwrap()).unwrap();
        for name in folder.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()) {
            let sqlite_state = ["ledger.db", "ledger.db-wal", "ledger.db-shm"].contains(&name.as_str());
            // A killed build's temporary is ignored by every command, and removed by the next init.
            let ignored_build = left_a_ledger && name.starts_with(".ledger.db.init-");
            assert!(sqlite_state || ignored_build, "{what}: {name} was left behind");
        }
    }
    assert!(
        nothing_left > 0 && ledger_left > 0,
        "the kills must land both before and after the ledger appears: {nothing_left} left nothing, {ledger_left} a ledger"
    );
}

#[test]
fn a_seal_proves_every_wallet_and_catches_a_wallet_cut_back_behind_it() {
    let l = Ledger::file();
    l.funded("u", "100.00");
    l.funded("v", "50.00");
    let first = l.ok(&["ledger", "seal"]);
    assert_eq!(first["message"], "sealed", "{first}");
    assert_eq!(
        (&first["data"]["seq"], &first["data"]["wallets"]),
        (&json!(1), &json!(2))
    );
    let again = l.ok(&["ledger", "seal"]);
    assert_eq!(again["message"], "nothing moved since the last seal", "{again}");
    assert_eq!(again["data"]["anchor"], first["data"]["anchor"]);

    l.ok(&["wallet", "deposit", "u", "--amount", "5.00"]);
    let second = l.ok(&["ledger", "seal"]);
    assert_eq!(
        (&second["data"]["seq"], &second["data"]["wallets"]),
        (&json!(2), &json!(1)),
        "only u moved"
    );
    let anchor = s(&second["data"]["anchor"]).to_owned();
    let verified = l.ok(&[
        "ledger",
        "verify",
        "--anchor",
        &anchor,
        "--anchor",
        s(&first["data"]["anchor"]),
    ]);
    assert_eq!(verified["data"]["seal"]["anchor"], anchor.as_str());

    // The forger removes u's last entry and puts its balance back: u's chain is valid in itself,
    // the balances agree, and only the seal knows the chain used to be longer.
    edit_behind_the_triggers(
        &l,
        &["journal_entries_no_delete", "postings_no_delete"],
        "DELETE FROM postings WHERE entry_seq = (SELECT MAX(seq) FROM journal_entries);
         DELETE FROM journal_entries WHERE seq = (SELECT MAX(seq) FROM journal_entries);
         UPDATE wallets SET available_minor = 10000 WHERE user_id = 'u';",
    );
    let message = broken(&l);
    assert_eq!(named_checks(&message), ["seals"], "{message}");
    assert_eq!(l.run(&["ledger", "verify", "--anchor", &anchor]).code, 7);
    assert!(
        message.contains("up to wallet_seq 2, which is gone from the journal"),
        "{message}"
    );
}
