//! The CLI session: every command and subcommand, its output formats and its failures.

use crate::recording::Session;
use crate::{DAY1, DAY2, DAY3, DAY4};

/// Every output format of a read: the table, JSON, CSV (refused by non-list commands), every
/// column in full, and a narrow terminal.
fn every_format(s: &mut Session, args: &[&str]) {
    s.run(args);
    for format in [["-o", "json"], ["-o", "csv"]] {
        s.run(&[&format[..], args].concat());
    }
    s.run(&[&["--wide"], args].concat());
    s.run_with(&[("COLUMNS", "60")], None, args);
}

#[test]
fn every_command_prints_and_exits_as_recorded() {
    let mut s = Session::at(DAY1);
    every_command(&mut s);
    s.check("cli_session.txt");
}

/// The same session on a PostgreSQL ledger prints the same bytes and exits the same way, but
/// for what names the backend: `init`'s line, the ledger's location (its URL) and the storage's
/// own check.
#[test]
fn every_command_prints_and_exits_on_postgres_as_on_sqlite() {
    let Some(mut s) = Session::on_postgres(DAY1) else {
        return;
    };
    every_command(&mut s);
    s.check("cli_session.txt");
}

fn every_command(s: &mut Session) {
    let ids = opening(s);
    s.clock(DAY2);
    let ids = moving_money(s, ids);
    s.clock(DAY3);
    statuses_and_adjustments(s);
    transfers(s);
    refused_amounts_and_ids(s, &ids);
    s.clock(DAY4);
    tokens(s);
    reads(s, &ids);
    captures(s);
}

/// A hold captured in part to a new counterparty (table, then its replay as JSON), the freeze
/// it ended, and the refusals: the freeze ended already, one that names nothing, more than held.
fn captures(s: &mut Session) {
    let held = s.sh("-o json wallet freeze alice --amount 6 --reason 'card authorisation'");
    let freeze_id = held.field("/data/freeze/id");
    let capture = format!(
        "wallet capture alice --freeze-id {freeze_id} --amount 4.50 --counterparty mch_cafe --new-counterparty --reference-id cap-1"
    );
    s.sh(&capture);
    s.sh(&format!("-o json {capture}"));
    s.sh(&format!("freeze show {freeze_id}"));
    s.sh(&format!("-o json freeze show {freeze_id}"));
    s.sh(&format!("wallet capture alice --freeze-id {freeze_id}"));
    s.sh(&format!("wallet unfreeze alice --freeze-id {freeze_id}"));
    s.sh("wallet capture alice --freeze-id frz_abc123");
    let other = s.sh("-o json wallet freeze alice --amount 1").field("/data/freeze/id");
    s.sh(&format!("wallet capture alice --freeze-id {other} --amount 1.01"));
    s.sh(&format!("wallet capture alice --freeze-id {other}"));
}

/// The ids later commands name.
struct Ids {
    deposit: String,
    payment: String,
    withdraw: String,
    freeze_id: String,
    freeze_txn: String,
    alice_wallet: String,
}

fn opening(s: &mut Session) -> Ids {
    s.sh("init");
    s.sh("init");
    s.sh("wallet create alice");
    let alice_wallet = s.sh("-o json wallet show alice").field("/data/wallet_id");
    s.sh("-o json wallet create bob --currency usd");
    s.sh("wallet create carol --currency JPY");
    s.sh("-o json wallet create dave --currency KWD");
    s.sh("wallet create erin --currency EUR");
    s.sh("wallet create alice");
    s.sh("-o json wallet create alice");
    s.sh("wallet create zed --currency XXX");
    s.sh("-o json wallet create 'a b'");
    let deposit = s.sh("wallet deposit alice --amount 100");
    assert_eq!(deposit.code, 0);
    let deposit = s
        .sh("-o json wallet deposit alice --amount 500.50 --description 'salary, March' --reference-id dep-1")
        .field("/data/transaction/id");
    s.sh("-o json wallet deposit alice --amount 500.5 --reference-id dep-1");
    s.sh("wallet deposit alice --amount 500.5 --reference-id dep-1");
    s.sh("-o json wallet deposit alice --amount 7 --reference-id dep-1");
    s.sh("-o json wallet deposit bob --amount 250");
    s.sh("wallet deposit carol --amount 1000");
    s.sh("wallet deposit dave --amount 12.345");
    s.sh("-o json wallet deposit erin --amount 0.01");
    Ids {
        deposit,
        payment: String::new(),
        withdraw: String::new(),
        freeze_id: String::new(),
        freeze_txn: String::new(),
        alice_wallet,
    }
}

fn moving_money(s: &mut Session, mut ids: Ids) -> Ids {
    s.sh("wallet payment alice --counterparty shop --amount 10");
    s.sh("-o json wallet payment alice --counterparty shop --amount 10");
    ids.payment = s
        .sh("-o json wallet payment alice --counterparty shop --new-counterparty --amount 40.00 --description 'order 17' --reference-id pay-1")
        .field("/data/transaction/id");
    s.sh("wallet payment alice --counterparty shpo --amount 1");
    s.sh("-o json wallet payment alice --counterparty shpo --amount 1");
    s.sh("wallet payment alice --counterparty shop --amount 2.50");
    s.sh("wallet payment bob --counterparty shop --new-counterparty --amount 3");
    s.sh("wallet withdraw alice --amount 20 --description 'to bank'");
    ids.withdraw = s
        .sh("-o json wallet withdraw alice --amount 15 --reference-id wd-1")
        .field("/data/transaction/id");
    s.sh("wallet withdraw alice --amount 100000");
    s.sh("-o json wallet withdraw alice --amount 100000");
    s.sh("wallet freeze alice --amount 30 --reason 'dispute 4'");
    let freeze = s.sh("-o json wallet freeze alice --amount 12.00 --reason chargeback --reference-id frz-1");
    ids.freeze_id = freeze.field("/data/freeze/id");
    let freezes = s.sh("-o json wallet history alice --type freeze");
    ids.freeze_txn = freezes.field("/items/0/id");
    s.sh("-o json wallet freeze alice --amount 12 --reason chargeback --reference-id frz-1");
    s.sh("wallet freeze alice --amount 1000000");
    s.sh(&format!(
        "wallet unfreeze alice --freeze-id {} --reason resolved",
        ids.freeze_id
    ));
    s.sh(&format!("-o json wallet unfreeze alice --freeze-id {}", ids.freeze_id));
    s.sh("wallet unfreeze alice --freeze-id frz_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    s.sh(&format!("wallet unfreeze bob --freeze-id {}", ids.freeze_id));
    refunds(s, &ids);
    ids
}

fn refunds(s: &mut Session, ids: &Ids) {
    let payment = ids.payment.as_str();
    s.sh(&format!(
        "wallet refund alice --transaction-id {payment} --amount 4 --reason 'one item back'"
    ));
    s.sh(&format!(
        "-o json wallet refund alice --transaction-id {payment} --reference-id ref-1"
    ));
    s.sh(&format!(
        "-o json wallet refund alice --transaction-id {payment} --reference-id ref-1"
    ));
    s.sh(&format!("wallet refund alice --transaction-id {payment} --amount 0.01"));
    s.sh(&format!("wallet refund alice --transaction-id {}", ids.freeze_txn));
    s.sh(&format!("wallet refund bob --transaction-id {payment}"));
    s.sh(&format!(
        "refund --transaction-id {} --amount 5 --reason 'bank returned part'",
        ids.withdraw
    ));
    s.sh(&format!("-o json refund --transaction-id {}", ids.withdraw));
    s.sh(&format!("-o json refund --transaction-id {}", ids.withdraw));
    s.sh(&format!("refund --transaction-id {} --amount 0.50", ids.deposit));
    s.sh("refund --transaction-id txn_01ARZ3NDEKTSV4RRFFQ69G5FAV");
}

/// A transfer to a new wallet, its replay, and each kind of refusal; then the leg refunded.
fn transfers(s: &mut Session) {
    s.sh("wallet create fay");
    s.sh("wallet transfer alice fay --amount 3.25 --description 'lunch split' --reference-id tr-1");
    let sent = s.sh("-o json wallet transfer alice fay --amount 3.25 --description 'lunch split' --reference-id tr-1");
    let leg = sent.field("/data/to_transaction/id");
    s.sh("wallet transfer alice fay --amount 4 --reference-id tr-1");
    s.sh("wallet transfer alice alice --amount 1");
    s.sh("wallet transfer alice bob --amount 1");
    s.sh("wallet transfer alice nobody --amount 1");
    s.sh("wallet transfer alice fay --amount 0.001");
    s.sh("wallet transfer alice fay --amount 1000000");
    s.sh("wallet transfer carol fay --amount 1");
    s.sh(&format!("wallet refund fay --transaction-id {leg}"));
    s.sh("-o csv wallet history fay");
}

fn statuses_and_adjustments(s: &mut Session) {
    s.sh("--yes wallet adjust alice --credit 5 --reason 'fee returned'");
    s.sh("-o json --yes wallet adjust alice --debit 2 --reason fee --reference-id adj-1");
    s.sh("-o json --yes wallet adjust alice --credit 2 --reason fee --reference-id adj-1");
    s.sh("wallet adjust alice --credit 1 --reason 'no terminal'");
    s.sh("--yes wallet adjust alice --credit 1");
    s.sh("--yes wallet adjust alice --credit 1 --debit 1 --reason x");
    s.sh("--yes wallet adjust alice --debit 100000 --reason 'too much'");
    s.sh("wallet status bob frozen --reason 'kyc review'");
    s.sh("--yes wallet status bob frozen --reason 'kyc review'");
    s.sh("wallet withdraw bob --amount 1");
    s.sh("-o json wallet payment bob --counterparty shop --amount 1");
    s.sh("wallet deposit bob --amount 1");
    s.sh("--yes wallet status bob frozen --reason again");
    s.sh("-o json wallet status bob active --reason 'kyc passed'");
    s.sh("--yes wallet status carol closed --reason left");
    s.sh("wallet status carol active");
    s.sh("--yes wallet withdraw erin --amount 0.01");
    s.sh("--yes wallet status erin closed --reason 'account closed'");
    s.sh("wallet deposit erin --amount 1");
    s.sh("--yes wallet status erin active --reason reopened");
    s.sh("--yes wallet status dave frozen --reason 'sanctions check'");
    every_format(s, &["wallet", "status", "bob"]);
    s.sh("wallet status bob --page 2 --page-size 1");
}

fn refused_amounts_and_ids(s: &mut Session, ids: &Ids) {
    for amount in [
        "1e3",
        "-0",
        "0.001",
        "0",
        "-5",
        "",
        "abc",
        "1,00",
        " 1",
        "+1",
        "99999999999999999999",
    ] {
        s.run(&["-o", "json", "wallet", "deposit", "alice", "--amount", amount]);
    }
    s.sh("wallet deposit alice --amount 1e3");
    s.sh("wallet deposit carol --amount 1.5");
    s.sh("wallet deposit dave --amount 1.2345");
    s.sh("wallet freeze alice --amount -0");
    s.sh(&format!(
        "wallet refund alice --transaction-id {} --amount 0.001",
        ids.payment
    ));
    s.sh("wallet show nobody");
    s.sh("-o json wallet deposit nobody --amount 1");
    s.sh("wallet show wlt_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    s.sh("transaction show txn_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    s.sh("-o json transaction show nope");
    s.sh("freeze show frz_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    s.sh(&format!("--tenant other transaction show {}", ids.payment));
    s.sh("--tenant other -o json wallet list");
    s.sh("--read-only wallet deposit alice --amount 1");
    s.sh("--read-only -o json wallet show alice");
    s.sh("-o csv wallet show alice");
    s.sh("wallet history alice --type bogus");
    s.sh("wallet history alice --from yesterday");
    s.sh("wallet list --page-size 101");
    s.sh("wallet list --page 0");
    s.sh("wallet");
    s.sh("wallet deposit alice");
    s.sh("bogus");
    s.sh("--version");
    s.sh("serve --listen 127.0.0.1:0 --internal-listen 127.0.0.1:0");
}

fn tokens(s: &mut Session) {
    s.sh("token create");
    let write = s
        .sh("-o json token create --scope write --name 'ops team' --expires 30d")
        .field("/data/token/id");
    s.sh("token create --user alice --expires 2035-12-31T00:00:00Z --name 'alice app'");
    s.sh("-o json --tenant acme --app shop token create --internal --scope write");
    s.sh("token create --expires 5000d");
    s.sh("token create --expires soon");
    s.sh("token create --scope owner");
    s.sh("token create --scope admin --user alice");
    s.sh(&format!("token revoke {write}"));
    s.sh(&format!("--yes token revoke {write}"));
    s.sh(&format!("-o json --yes token revoke {write}"));
    s.sh("--yes token revoke tok_01ARZ3NDEKTSV4RRFFQ69G5FAV");
    s.sh("--yes token revoke not-a-token");
    every_format(s, &["token", "list"]);
    s.sh("token list --page 2 --page-size 2");
}

fn reads(s: &mut Session, ids: &Ids) {
    every_format(s, &["wallet", "show", "alice"]);
    s.sh(&format!("wallet show {}", ids.alice_wallet));
    s.sh("wallet show alice --at 2026-03-02");
    s.sh("-o json wallet show alice --at '2026-03-01 12:00:00'");
    s.sh("wallet show alice --at 2020-01-01");
    every_format(s, &["wallet", "list"]);
    s.sh("wallet list --status frozen");
    s.sh("-o json wallet list --status closed");
    s.sh("wallet list --all");
    s.sh("-o json wallet list --all");
    s.sh("-o csv wallet list --all");
    s.sh("-o json wallet list --page 2 --page-size 2");
    every_format(s, &["wallet", "history", "alice"]);
    s.sh("wallet history alice --type payment --type refund");
    s.sh("-o json wallet history alice --from 2026-03-02 --to 2026-03-03");
    s.sh("wallet history alice --reference-id dep-1");
    s.sh("-o csv wallet history alice --page 2 --page-size 3");
    every_format(s, &["wallet", "freezes", "alice"]);
    s.sh("wallet freezes alice --status active");
    s.sh("-o json wallet freezes alice --status released");
    every_format(s, &["transaction", "show", &ids.payment]);
    s.sh(&format!("transaction show {}", ids.freeze_txn));
    every_format(s, &["freeze", "show", &ids.freeze_id]);
    ledger_reads(s, ids);
}

fn ledger_reads(s: &mut Session, ids: &Ids) {
    every_format(s, &["ledger", "verify"]);
    let anchor = s.sh("-o json ledger verify").field("/data/head/anchor");
    s.sh(&format!("ledger verify --anchor {anchor}"));
    s.sh("ledger verify --anchor 3:0000000000000000000000000000000000000000000000000000000000000000");
    s.sh("ledger verify --anchor nonsense");
    let seal = s.sh("-o json ledger seal").field("/data/anchor");
    s.sh("ledger seal");
    s.sh(&format!("ledger verify --anchor {seal} --anchor {anchor}"));
    s.sh("-o json ledger verify --anchor seal:2:0000000000000000000000000000000000000000000000000000000000000000");
    every_format(s, &["ledger", "trial-balance"]);
    s.sh("ledger trial-balance --at 2026-03-02");
    s.sh("-o json ledger trial-balance --at 2026-03-01T09:00:00Z");
    every_format(s, &["ledger", "reconcile", "--date", "2026-03-02"]);
    s.sh("ledger reconcile --date 2026-03-01");
    s.sh("ledger reconcile --date 2026-3-2");
    every_format(s, &["ledger", "journal"]);
    s.sh(&format!(
        "ledger journal --wallet-id {} --type freeze --type unfreeze",
        ids.alice_wallet
    ));
    s.sh("-o json ledger journal --from 2026-03-03 --page-size 2");
    s.sh("ledger journal --reference-id pay-1");
    for format in ["csv", "json", "hledger", "beancount"] {
        s.sh(&format!("ledger export --format {format}"));
    }
    s.sh("ledger export --format csv --since 2026-03-02 --until 2026-03-03");
    s.sh("-o json ledger export --format json");
    s.sh("ledger export --format xml");
    // After the exports, which name every hash first: a snapshot's last_hash renumbers nothing.
    every_format(s, &["ledger", "snapshot", "--date", "2026-03-02"]);
    s.sh("ledger snapshot --date 2099-01-01");
    every_format(s, &["ledger", "snapshots"]);
}
