//! A ledger file written by the code of schema version 5, committed as
//! `tests/fixtures/ledger-schema-5.db`: every transaction type, freezes released and open,
//! wallet status changes, tokens created and revoked (so audit events), a batch and an HTTP
//! write kept under an `Idempotency-Key`. Whatever the code becomes, this file must keep
//! opening, verifying and reading exactly as it did (`tests/golden/fixture_schema_5.txt`).
//!
//! `cargo test --test fixture_ledgers -- --ignored make_schema_5_fixture` rewrites the file
//! (new ids, so bless the golden file after: `LEDGERCTL_BLESS=1 cargo test --test
//! fixture_ledgers`); only do so on purpose, since the point is a file written by older code.

mod recording;
mod support;

use recording::http::{Api, Http};
use recording::Session;
use support::server::Server;
use support::Ledger;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-5.db");

/// The schema version this ledgerctl migrates every older file to: the one number to move
/// when a migration is added.
const LATEST_SCHEMA: i64 = 12;

/// The reads run at this instant, after everything in the file.
const READ_AT: &str = "2029-01-01T12:00:00Z";

/// Rows of a query, each value as text.
type Rows = Vec<Vec<Option<String>>>;

/// A copy of the schema-8 fixture, opened by `ledger verify` (which migrates it to
/// [`LATEST_SCHEMA`] and must pass), with what each of `queries` read before: each reads the
/// same after, every row kept as it was.
fn schema_8_migrated(queries: &[&str]) -> (Ledger, Vec<Rows>) {
    let ledger = Ledger::file_uninitialised();
    std::fs::copy(SCHEMA_8_FIXTURE, &ledger.db).expect("copy the fixture");
    let read = |ledger: &Ledger| -> Vec<Rows> { queries.iter().map(|sql| ledger.rows(sql)).collect() };
    let before = read(&ledger);
    ledger.verified();
    assert_eq!(
        ledger.number("PRAGMA user_version"),
        LATEST_SCHEMA,
        "opened (by verify) and migrated"
    );
    assert_eq!(read(&ledger), before, "rows before = rows after");
    (ledger, before)
}

#[test]
fn the_schema_5_ledger_opens_verifies_and_reads_as_recorded() {
    let ledger = Ledger::uninitialised();
    std::fs::copy(FIXTURE, &ledger.db).expect("copy the fixture");
    let mut s = Session::exact(ledger, READ_AT);
    let verified = s.run(&["-o", "json", "ledger", "verify"]);
    assert_eq!(verified.code, 0, "{}", verified.stdout);
    assert_eq!(verified.json()["data"]["ok"], true);
    s.run(&["ledger", "verify"]);
    reads(&mut s);
    let payment = s
        .run(&["-o", "json", "wallet", "history", "alice", "--type", "payment"])
        .field("/items/0/id");
    let freeze = s
        .run(&["-o", "json", "wallet", "freezes", "alice"])
        .field("/items/0/id");
    for args in [
        ["transaction", "show", payment.as_str()],
        ["freeze", "show", freeze.as_str()],
    ] {
        s.run(&args);
        s.run(&[&["-o", "json"], &args[..]].concat());
    }
    replayed_over_http(&mut s);
    // The file also takes new writes, and still verifies after them.
    s.run(&["wallet", "deposit", "alice", "--amount", "1.00"]);
    let verified = s.run(&["ledger", "verify"]);
    assert_eq!(verified.code, 0, "{}", verified.stdout);
    s.check("fixture_schema_5.txt");
}

/// The file written at schema version 6 opens at version 7: its tokens table, rebuilt for the
/// `admin` scope, holds every row byte for byte at the same rowid and the same two guards, the
/// whole ledger (audit chain included) still verifies, and an admin token can then be made.
#[test]
fn the_schema_6_ledger_migrates_its_tokens_byte_for_byte_and_verifies() {
    let ledger = Ledger::file_uninitialised();
    std::fs::copy(SCHEMA_6_FIXTURE, &ledger.db).expect("copy the fixture");
    let tokens = "SELECT rowid, quote(id), quote(kind), quote(tenant_id), quote(application_id), \
                  quote(user_id), quote(access), quote(secret_sha256), quote(created_at), \
                  quote(expires_at), quote(revoked_at), quote(actor), quote(name) FROM tokens ORDER BY rowid";
    let guards = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tokens' ORDER BY name";
    let before = (ledger.rows(tokens), ledger.rows(guards));
    assert_eq!(before.0.len(), 5, "the fixture holds five tokens");
    assert_eq!(before.1.len(), 2, "and two guards on them");
    ledger.verified();
    let version = ledger.number("PRAGMA user_version");
    assert_eq!(version, LATEST_SCHEMA, "opened (by verify) and migrated");
    assert_eq!((ledger.rows(tokens), ledger.rows(guards)), before);
    let bound = ledger.sqlite().execute_batch(
        "INSERT INTO tokens (id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, actor) \
         VALUES ('tok_x', 'bearer', 't', 'a', 'alice', 'admin', printf('%064d', 0), '2026-01-01T00:00:00Z', 'me')",
    );
    let refused = bound.expect_err("the database refuses an admin token bound to a user");
    assert!(refused.to_string().contains("CHECK constraint failed"), "{refused}");
    let made = ledger.ok(&["token", "create", "--scope", "admin"]);
    assert_eq!(made["data"]["token"]["scope"], "admin", "{made}");
    ledger.verified();
}

/// The file written at schema version 7 opens at version 8: the journal's `kind` check is
/// widened in place to the two legs of a transfer, every row of the journal and its postings is
/// as it was, byte for byte, the database still checks kinds (an unknown one is refused) and is
/// intact, the ledger verifies, and a transfer is then written and verified.
#[test]
fn the_schema_7_ledger_widens_its_journal_kinds_in_place_and_takes_transfers() {
    let ledger = Ledger::file_uninitialised();
    std::fs::copy(SCHEMA_7_FIXTURE, &ledger.db).expect("copy the fixture");
    let journal = "SELECT quote(seq), quote(id), quote(kind), quote(amount_minor), quote(original_id), \
                   quote(request), quote(hash), quote(prev_hash), quote(wallet_seq) FROM journal_entries ORDER BY seq";
    let postings = "SELECT entry_seq, idx, account, amount_minor FROM postings ORDER BY entry_seq, idx";
    let before = (ledger.rows(journal), ledger.rows(postings));
    assert!(before.0.len() > 10, "the fixture holds a journal");
    ledger.verified();
    assert_eq!(
        ledger.number("PRAGMA user_version"),
        LATEST_SCHEMA,
        "opened (by verify) and migrated"
    );
    assert_eq!((ledger.rows(journal), ledger.rows(postings)), before);
    let definition = ledger.texts("SELECT sql FROM sqlite_schema WHERE name = 'journal_entries'");
    assert!(
        definition[0].contains("'transfer_out', 'transfer_in'"),
        "{definition:?}"
    );
    assert_eq!(ledger.texts("PRAGMA integrity_check"), ["ok"]);
    // Past the chain's trigger (dropped in a transaction rolled back after), only the check judges.
    let mut conn = ledger.sqlite();
    let tx = conn.transaction().expect("begin");
    tx.execute_batch("DROP TRIGGER journal_entries_chain")
        .expect("drop the chain's trigger");
    let unknown = tx.execute_batch(
        "INSERT INTO journal_entries (id, wallet_id, kind, currency, amount_minor, balance_before_minor, \
         balance_after_minor, request, actor, created_at, prev_hash, hash, wallet_seq, chain_version) \
         SELECT 'txn_x', id, 'gift', 'CNY', 1, 0, 1, '{}', 'me', '2026-01-01T00:00:00Z', 'p', 'h', 99, 2 FROM wallets LIMIT 1",
    );
    let refused = unknown.expect_err("the database still refuses a kind it does not know");
    assert!(refused.to_string().contains("CHECK constraint failed"), "{refused}");
    drop(tx);
    drop(conn);
    ledger.ok(&["wallet", "create", "zoe"]);
    let sent = ledger.ok(&["wallet", "transfer", "alice", "zoe", "--amount", "1.00"]);
    assert_eq!(sent["data"]["to_transaction"]["type"], "transfer_in", "{sent}");
    ledger.verified();
}

/// The file written at schema version 8 (every kind of entry, a transfer among them) opens at
/// the captures' version: the journal and its postings are as they were, byte for byte; the
/// freezes table, rebuilt for the `captured` status, holds every record as it was at the same
/// rowid; its guards are in place; the database is intact and still refuses an unknown kind
/// and a freeze ended twice; the ledger verifies; and a freeze is then captured, in part, and
/// verified.
#[test]
fn the_schema_8_ledger_takes_captures_with_every_row_as_it_was() {
    let (ledger, before) = schema_8_migrated(&[
        "SELECT quote(seq), quote(id), quote(kind), quote(amount_minor), quote(freeze_id), \
         quote(request), quote(hash), quote(prev_hash), quote(wallet_seq) FROM journal_entries ORDER BY seq",
        "SELECT entry_seq, idx, account, amount_minor FROM postings ORDER BY entry_seq, idx",
        "SELECT rowid, quote(id), quote(wallet_id), quote(amount_minor), quote(reason), quote(status), \
         quote(created_at), quote(released_at), quote(release_reason) FROM freezes ORDER BY rowid",
    ]);
    assert!(
        before[0].iter().any(|r| r[2].as_deref() == Some("'transfer_in'")),
        "the fixture holds a transfer"
    );
    assert!(before[2].len() >= 2, "and freezes");
    let guards =
        ledger.texts("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'freezes' ORDER BY name");
    assert_eq!(guards, ["freezes_no_delete", "freezes_release_only"]);
    assert_eq!(ledger.texts("PRAGMA integrity_check"), ["ok"]);
    let released = ledger.sqlite().execute_batch(
        "UPDATE freezes SET status = 'captured', captured_minor = 1, captured_at = '2030-01-01T00:00:00Z' \
         WHERE status = 'released'",
    );
    let refused = released.expect_err("a released freeze cannot end again");
    assert!(refused.to_string().contains("a freeze record ends once"), "{refused}");
    ledger.ok(&["wallet", "deposit", "alice", "--amount", "10.00"]);
    let held = ledger.ok(&["wallet", "freeze", "alice", "--amount", "10.00"]);
    let freeze_id = held["data"]["freeze"]["id"].as_str().expect("a freeze id").to_owned();
    let captured = ledger.ok(&[
        "wallet",
        "capture",
        "alice",
        "--freeze-id",
        &freeze_id,
        "--amount",
        "4.00",
    ]);
    assert_eq!(captured["data"]["transaction"]["type"], "capture", "{captured}");
    assert_eq!(captured["data"]["freeze"]["status"], "captured", "{captured}");
    assert_eq!(captured["data"]["freeze"]["captured_amount"], "4.00", "{captured}");
    ledger.verified();
}

/// The file written at schema version 8 opens with the snapshot tables: every row of every
/// table it held is there as it was, the ledger verifies (no snapshot yet), and a snapshot of a
/// day of its story is then taken, holds the journal's balances at that day's end, and verifies.
#[test]
fn the_schema_8_ledger_gains_snapshots_and_keeps_every_row() {
    let tables = [
        "wallets ORDER BY id",
        "journal_entries ORDER BY seq",
        "postings ORDER BY entry_seq, idx",
        // The captures' migration rebuilt freezes with two more columns: the old ones stand.
        "(SELECT id, wallet_id, amount_minor, reason, status, created_at, released_at, release_reason \
         FROM freezes) ORDER BY id",
        "wallet_status_changes ORDER BY seq",
        "tokens ORDER BY rowid",
        "audit_events ORDER BY seq",
        "idempotency_keys ORDER BY key",
        "seals ORDER BY seq",
        "seal_heads ORDER BY seal_seq, wallet_id",
    ]
    .map(|t| format!("SELECT * FROM {t}"));
    let (ledger, before) = schema_8_migrated(&tables.each_ref().map(String::as_str));
    assert!(before[1].len() > 10, "the fixture holds a journal");
    assert_eq!(ledger.number("SELECT COUNT(*) FROM snapshot_balances"), 0);
    ledger.set_clock(READ_AT);
    let taken = ledger.ok(&["ledger", "snapshot", "--date", "2026-02-02"]);
    assert_eq!(taken["data"]["snapshot_count"], 5, "{taken}");
    let listed = ledger.ok(&["ledger", "snapshots", "--user", "alice"]);
    let then = ledger.ok(&["wallet", "show", "alice", "--at", "2026-02-02T23:59:59Z"]);
    assert_eq!(listed["items"][0]["balance"], then["data"]["balance"], "{listed}");
    assert_eq!(
        listed["items"][0]["available_balance"],
        then["data"]["available_balance"]
    );
    ledger.verified();
}

fn reads(s: &mut Session) {
    for format in ["table", "json", "csv"] {
        let o = ["-o", format];
        s.run(&[&o[..], &["wallet", "list", "--all"]].concat());
        s.run(&[&o[..], &["--tenant", "acme", "--app", "shop", "wallet", "list"]].concat());
        s.run(&[&o[..], &["wallet", "history", "alice"]].concat());
        s.run(&[&o[..], &["wallet", "freezes", "alice"]].concat());
        s.run(&[&o[..], &["wallet", "status", "bob"]].concat());
        s.run(&[&o[..], &["ledger", "journal", "--page-size", "100"]].concat());
        s.run(&[&o[..], &["ledger", "trial-balance"]].concat());
        s.run(&[&o[..], &["token", "list"]].concat());
    }
    for user in ["alice", "bob", "carol", "erin"] {
        s.run(&["wallet", "show", user]);
    }
    s.run(&["-o", "json", "wallet", "show", "alice", "--at", "2026-02-01T10:00:00Z"]);
    s.run(&["ledger", "trial-balance", "--at", "2026-02-01T10:00:00Z"]);
    for format in ["csv", "json", "hledger", "beancount"] {
        s.run(&["ledger", "export", "--format", format]);
    }
}

/// The HTTP write the fixture kept under an `Idempotency-Key`, sent again: the stored response
/// comes back byte for byte (keys are scoped to the tenant, application and user, so a new
/// token of the same tenant reaches it).
fn replayed_over_http(s: &mut Session) {
    let secret = s
        .run(&["-o", "json", "token", "create", "--scope", "write"])
        .field("/data/secret");
    let http = Http::start(s);
    let api = Api::new(s, &http);
    let keyed = api.bearer(&secret).with("Idempotency-Key", "fixture-1");
    keyed.req(&format!("POST /wallets/alice/deposit {KEYED_BODY}"));
    keyed.req(r#"POST /wallets/alice/deposit {"amount":"9.99"}"#);
}

const KEYED_BODY: &str = r#"{"amount":"12.34","description":"over HTTP"}"#;

/// Writes `tests/fixtures/ledger-schema-5.db` with today's code (the code of schema version 5).
#[test]
#[ignore = "rewrites a committed fixture: run on purpose only"]
fn make_schema_5_fixture() {
    make_fixture(5, FIXTURE);
}

/// Writes `tests/fixtures/ledger-schema-6.db` with today's code (the code of schema version 6),
/// the same story as the schema 5 file.
#[test]
#[ignore = "rewrites a committed fixture: run on purpose only"]
fn make_schema_6_fixture() {
    make_fixture(6, SCHEMA_6_FIXTURE);
}

const SCHEMA_6_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-6.db");

/// Writes `tests/fixtures/ledger-schema-7.db` with today's code (the code of schema version 7),
/// the same story again.
#[test]
#[ignore = "rewrites a committed fixture: run on purpose only"]
fn make_schema_7_fixture() {
    make_fixture(7, SCHEMA_7_FIXTURE);
}

const SCHEMA_7_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-7.db");

/// Writes `tests/fixtures/ledger-schema-8.db` with today's code (the code of schema version 8),
/// the same story with a transfer in it: the file later versions' migrations start from.
#[test]
#[ignore = "rewrites a committed fixture: run on purpose only"]
fn make_schema_8_fixture() {
    make_fixture(8, SCHEMA_8_FIXTURE);
}

const SCHEMA_8_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger-schema-8.db");

/// The file written at schema version 8 opens at today's version with every row it held as it
/// was (the journal, its postings, wallets, status changes, tokens and the audit chain), an
/// empty policy history, and still verifies; a policy is then set, a withdrawal over its limit
/// refused, and the ledger verifies again with the policy's change in its chain.
#[test]
fn the_schema_8_ledger_migrates_to_policies_keeping_every_row_and_enforces_one() {
    let tables = [
        "SELECT quote(seq), quote(id), quote(kind), quote(amount_minor), quote(hash), quote(prev_hash),          quote(wallet_seq), quote(created_at) FROM journal_entries ORDER BY seq",
        "SELECT entry_seq, idx, account, amount_minor FROM postings ORDER BY entry_seq, idx",
        "SELECT id, status, available_minor, frozen_minor, updated_at FROM wallets ORDER BY id",
        "SELECT seq, wallet_id, from_status, to_status FROM wallet_status_changes ORDER BY seq",
        "SELECT id, access, revoked_at FROM tokens ORDER BY id",
        "SELECT seq, kind, subject, hash FROM audit_events ORDER BY seq",
    ];
    let (ledger, before) = schema_8_migrated(&tables);
    assert!(before[0].len() > 10, "the fixture holds a journal");
    assert_eq!(ledger.number("SELECT COUNT(*) FROM policy_changes"), 0);
    assert_eq!(ledger.texts("PRAGMA integrity_check"), ["ok"]);
    ledger.ok(&["policy", "set", "--daily-withdraw-limit", "1"]);
    let refused = ledger.run(&["wallet", "withdraw", "alice", "--amount", "1.01"]);
    assert_eq!(refused.json["error"], "daily_limit_exceeded", "{}", refused.json);
    ledger.ok(&["wallet", "withdraw", "alice", "--amount", "1"]);
    ledger.verified();
}

/// The file written at schema version 8 opens with the withdrawal requests' table (schema 12):
/// every row it held is there as it was and the ledger verifies; then a request holds its
/// amount, is decided once (rejected by another actor), its row's guards hold, and the ledger
/// still verifies.
#[test]
fn the_schema_8_ledger_gains_withdrawal_requests_keeping_every_row() {
    let tables = [
        "SELECT quote(seq), quote(id), quote(hash), quote(prev_hash), quote(wallet_seq) FROM journal_entries ORDER BY seq",
        "SELECT entry_seq, idx, account, amount_minor FROM postings ORDER BY entry_seq, idx",
        "SELECT id, status, available_minor, frozen_minor FROM wallets ORDER BY id",
        "SELECT id, wallet_id, amount_minor, status, released_at FROM freezes ORDER BY id",
        "SELECT seq, kind, subject, hash FROM audit_events ORDER BY seq",
    ];
    let (ledger, before) = schema_8_migrated(&tables);
    assert!(before[0].len() > 10, "the fixture holds a journal");
    assert_eq!(ledger.number("SELECT COUNT(*) FROM withdrawal_requests"), 0);
    let guards = ledger.texts(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'withdrawal_requests' ORDER BY name",
    );
    assert_eq!(
        guards,
        ["withdrawal_requests_decide_once", "withdrawal_requests_no_delete"]
    );
    ledger.ok(&["policy", "set", "--withdrawal-require-review", "true"]);
    let made = ledger.ok(&["withdrawal", "request", "alice", "--amount", "1.00"]);
    let id = made["data"]["id"].as_str().expect("a request id").to_owned();
    ledger.verified();
    ledger.ok(&["--actor", "checker", "withdrawal", "reject", &id]);
    let conn = ledger.sqlite();
    let again = conn.execute_batch("UPDATE withdrawal_requests SET status = 'approved', approved_by = 'Bob'");
    assert!(again.expect_err("decided once").to_string().contains("decided once"));
    let gone = conn.execute_batch("DELETE FROM withdrawal_requests");
    assert!(gone.expect_err("kept").to_string().contains("never deleted"));
    assert_eq!(
        ledger.texts("SELECT decided_by FROM withdrawal_requests"),
        ["cli:checker"]
    );
    ledger.verified();
}

/// The fixture's story, written at schema `version` to `path`; refuses to write a file whose
/// name would lie about its version.
fn make_fixture(version: i64, path: &str) {
    let l = Ledger::at("2026-02-01T09:00:00Z");
    opening(&l);
    l.set_clock("2026-02-02T09:00:00Z");
    let payment = moving_money(&l, version);
    l.set_clock("2026-02-03T09:00:00Z");
    corrections(&l, &payment);
    l.set_clock("2026-02-04T09:00:00Z");
    statuses_and_tokens(&l);
    keyed_over_http(&l);
    let conn = l.sqlite();
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(found, version, "the fixture's name says its schema version");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    l.verified();
    std::fs::copy(&l.db, path).expect("write the fixture");
}

fn opening(l: &Ledger) {
    l.ok(&["wallet", "create", "alice"]);
    l.ok(&["wallet", "create", "bob", "--currency", "USD"]);
    l.ok(&["wallet", "create", "carol", "--currency", "JPY"]);
    l.ok(&["wallet", "create", "erin", "--currency", "EUR"]);
    l.ok(&[
        "--tenant",
        "acme",
        "--app",
        "shop",
        "wallet",
        "create",
        "dave",
        "--currency",
        "KWD",
    ]);
    l.ok(&[
        "wallet",
        "deposit",
        "alice",
        "--amount",
        "500.00",
        "--reference-id",
        "dep-1",
    ]);
    l.ok(&["wallet", "deposit", "bob", "--amount", "80", "--description", "opening"]);
    l.ok(&["wallet", "deposit", "carol", "--amount", "3000"]);
    l.ok(&["wallet", "deposit", "erin", "--amount", "5"]);
    l.ok(&[
        "--tenant", "acme", "--app", "shop", "wallet", "deposit", "dave", "--amount", "1.234",
    ]);
}

/// Payments, a withdrawal, a transfer (from schema version 8), freezes (one released, one left
/// open) and a batch; returns the first payment's id.
fn moving_money(l: &Ledger, version: i64) -> String {
    let payment = l.ok(&[
        "wallet",
        "payment",
        "alice",
        "--counterparty",
        "shop",
        "--new-counterparty",
        "--amount",
        "60",
        "--reference-id",
        "pay-1",
    ])["data"]["transaction"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    l.ok(&["wallet", "payment", "bob", "--counterparty", "shop", "--amount", "5.50"]);
    if version >= 8 {
        l.ok(&["wallet", "create", "frank"]);
        l.ok(&[
            "wallet",
            "transfer",
            "alice",
            "frank",
            "--amount",
            "12.34",
            "--reference-id",
            "trf-1",
        ]);
    }
    l.ok(&[
        "wallet",
        "withdraw",
        "alice",
        "--amount",
        "40",
        "--description",
        "to bank",
    ]);
    let held = l.ok(&["wallet", "freeze", "alice", "--amount", "25", "--reason", "dispute"]);
    let held = held["data"]["freeze"]["id"].as_str().unwrap().to_owned();
    l.ok(&[
        "wallet",
        "freeze",
        "alice",
        "--amount",
        "10",
        "--reason",
        "kept",
        "--reference-id",
        "frz-1",
    ]);
    l.ok(&[
        "wallet",
        "unfreeze",
        "alice",
        "--freeze-id",
        &held,
        "--reason",
        "resolved",
    ]);
    let lines = "op,user_id,amount,counterparty_id,reference_id\n\
                 deposit,carol,100,,b-1\n\
                 payment,carol,30,shop,b-2\n";
    let batch = l
        .cmd()
        .args(["batch", "--format", "csv", "-"])
        .write_stdin(lines)
        .output()
        .unwrap();
    assert!(batch.status.success(), "{}", String::from_utf8_lossy(&batch.stderr));
    payment
}

/// Refunds by wallet and internal, of a payment, a withdrawal and a deposit; adjustments.
fn corrections(l: &Ledger, payment: &str) {
    l.ok(&[
        "wallet",
        "refund",
        "alice",
        "--transaction-id",
        payment,
        "--amount",
        "15",
        "--reason",
        "one item",
    ]);
    let withdraws = l.ok(&["wallet", "history", "alice", "--type", "withdraw"]);
    let withdraw = withdraws["items"][0]["id"].as_str().unwrap().to_owned();
    l.ok(&["refund", "--transaction-id", &withdraw, "--reason", "bank returned it"]);
    let deposits = l.ok(&["wallet", "history", "bob", "--type", "deposit"]);
    let deposit = deposits["items"][0]["id"].as_str().unwrap().to_owned();
    l.ok(&["refund", "--transaction-id", &deposit, "--amount", "10"]);
    l.ok(&[
        "--yes",
        "wallet",
        "adjust",
        "alice",
        "--credit",
        "2.50",
        "--reason",
        "fee returned",
    ]);
    l.ok(&[
        "--yes",
        "wallet",
        "adjust",
        "bob",
        "--debit",
        "1",
        "--reason",
        "fee",
        "--reference-id",
        "adj-1",
    ]);
}

fn statuses_and_tokens(l: &Ledger) {
    l.ok(&["--yes", "wallet", "status", "bob", "frozen", "--reason", "kyc review"]);
    l.ok(&["wallet", "status", "bob", "active", "--reason", "kyc passed"]);
    l.ok(&["--yes", "wallet", "withdraw", "erin", "--amount", "5"]);
    l.ok(&[
        "--yes",
        "wallet",
        "status",
        "erin",
        "closed",
        "--reason",
        "account closed",
    ]);
    l.ok(&[
        "--yes",
        "wallet",
        "status",
        "carol",
        "frozen",
        "--reason",
        "sanctions check",
    ]);
    l.ok(&["token", "create", "--name", "reader"]);
    l.ok(&[
        "token",
        "create",
        "--scope",
        "write",
        "--user",
        "alice",
        "--expires",
        "2036-01-01T00:00:00Z",
    ]);
    l.ok(&[
        "--tenant",
        "acme",
        "--app",
        "shop",
        "token",
        "create",
        "--internal",
        "--name",
        "refunds",
    ]);
    let gone = l.ok(&["token", "create", "--scope", "write", "--name", "leaked"]);
    let gone = gone["data"]["token"]["id"].as_str().unwrap().to_owned();
    l.ok(&["--yes", "token", "revoke", &gone]);
}

/// One write over HTTP under an `Idempotency-Key`, so the file holds a stored response.
fn keyed_over_http(l: &Ledger) {
    let secret = l.ok(&["token", "create", "--scope", "write", "--name", "http"])["data"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let server = Server::start(l);
    let answer = server.post_keyed(&secret, "fixture-1", "/wallets/alice/deposit", KEYED_BODY);
    assert_eq!(answer.status, 200, "{}", answer.body);
    server.stop();
}
