//! The HTTP session: every route of a real `serve`, its refusals and `/openapi.json`.

use crate::recording::http::{Api, Door, Http};
use crate::recording::Session;
use crate::DAY1;

#[test]
fn every_http_route_answers_as_recorded() {
    let mut s = Session::at(DAY1);
    every_route(&mut s);
    s.check("http_session.txt");
}

/// The same routes over a PostgreSQL ledger answer the same bytes; what names the backend is
/// recorded as the SQLite session prints it (see `cli.rs`).
#[test]
fn every_http_route_answers_on_postgres_as_on_sqlite() {
    let Some(mut s) = Session::on_postgres(DAY1) else {
        return;
    };
    every_route(&mut s);
    s.check("http_session.txt");
}

fn every_route(s: &mut Session) {
    for line in [
        "init",
        "wallet create alice",
        "wallet create bob --currency USD",
        "wallet deposit alice --amount 100",
        "wallet deposit bob --amount 50",
    ] {
        s.sh(line);
    }
    let mut token = |options: &str| s.sh(&format!("-o json token create {options}")).field("/data/secret");
    let tokens = Tokens {
        write: token("--scope write"),
        read: token(""),
        alice: token("--scope write --user alice"),
        internal: token("--internal"),
        revoked: token("--scope write"),
    };
    let revoked_id = tokens.revoked.split_once('.').expect("a token's text").0;
    s.sh(&format!("--yes token revoke {revoked_id}"));
    let http = Http::start(s);
    s.literal(&http.server.public, "<public listener>");
    s.literal(&http.server.internal, "<internal listener>");
    {
        let api = Api::new(s, &http);
        reads(&api, &tokens);
        writes(&api, &tokens);
        refusals(&api, &tokens);
        captures(&api, &tokens);
    }
    let admin = s.sh("-o json token create --scope admin").field("/data/secret");
    snapshots(&Api::new(s, &http), &tokens, &admin);
    let (code, stderr) = http.server.stop();
    let exit = format!("{code}\n");
    s.record("serve stopped by SIGTERM", &[("exit", &exit), ("stderr", &stderr)]);
}

/// The secrets of the tokens the session made.
struct Tokens {
    write: String,
    read: String,
    alice: String,
    internal: String,
    revoked: String,
}

fn reads(api: &Api, t: &Tokens) {
    let anonymous = api.anonymous();
    anonymous.req("GET /healthz");
    anonymous.on(Door::Internal).req("GET /healthz");
    api.anonymous().req("GET /openapi.json");
    let read = api.bearer(&t.read);
    for path in [
        "/wallets/alice",
        "/wallets/bob",
        "/wallets/nobody",
        "/wallets/alice/transactions",
        "/wallets/alice/freezes",
    ] {
        read.req(&format!("GET {path}"));
    }
    let alice = api.bearer(&t.alice);
    alice.req("GET /wallets/alice");
    alice.req("GET /wallets/bob");
}

fn writes(api: &Api, t: &Tokens) {
    let w = api.bearer(&t.write);
    w.req(r#"POST /wallets/alice/deposit {"amount":"10.00","description":"top up","reference_id":"h-1"}"#);
    w.req(r#"POST /wallets/alice/deposit {"amount":"10","reference_id":"h-1"}"#);
    w.req(r#"POST /wallets/alice/deposit {"amount":"11","reference_id":"h-1"}"#);
    let paid = w
        .req(r#"POST /wallets/alice/payment {"amount":"20","counterparty_id":"shop","new_counterparty":true}"#)
        .field("/data/transaction/id");
    w.req(r#"POST /wallets/alice/payment {"amount":"1","counterparty_id":"shpo"}"#);
    w.req(r#"POST /wallets/alice/withdraw {"amount":"5"}"#);
    w.req(r#"POST /wallets/alice/withdraw {"amount":"5000"}"#);
    let freeze_id = w
        .req(r#"POST /wallets/alice/freeze {"amount":"7","reason":"hold"}"#)
        .field("/data/freeze/id");
    w.req(&format!(
        r#"POST /wallets/alice/unfreeze {{"freeze_id":"{freeze_id}","reason":"ok"}}"#
    ));
    w.req(&format!(
        r#"POST /wallets/alice/unfreeze {{"freeze_id":"{freeze_id}"}}"#
    ));
    w.req(&format!(
        r#"POST /wallets/alice/refund {{"transaction_id":"{paid}","amount":"3","reason":"r"}}"#
    ));
    let keyed = api.bearer(&t.write).with("Idempotency-Key", "k-1");
    for amount in ["2", "2", "3"] {
        keyed.req(&format!(r#"POST /wallets/bob/deposit {{"amount":"{amount}"}}"#));
    }
    internal_refunds(api, t, &paid);
    pages(api, t);
    transfers(api, t);
}

/// A wallet opened over HTTP, a transfer to it and its replay, and the refusals: another
/// currency, a sender a bound token does not reach, a body naming `user_id`.
fn transfers(api: &Api, t: &Tokens) {
    let w = api.bearer(&t.write);
    w.req(r#"POST /wallets {"user_id":"carol"}"#);
    let sent =
        r#"POST /wallets/transfer {"from_user_id":"alice","to_user_id":"carol","amount":"4.00","reference_id":"tr-1"}"#;
    w.req(sent);
    w.req(sent);
    w.req(r#"POST /wallets/transfer {"from_user_id":"alice","to_user_id":"bob","amount":"1"}"#);
    w.req(r#"POST /wallets/transfer {"user_id":"alice","to_user_id":"carol","amount":"1"}"#);
    api.bearer(&t.alice)
        .req(r#"POST /wallets/transfer {"from_user_id":"carol","to_user_id":"alice","amount":"1"}"#);
}

/// A hold captured in part to the settlement and its replay under the same key, then the
/// refusals: the freeze ended, more than held, a freeze of another user's wallet.
fn captures(api: &Api, t: &Tokens) {
    let w = api.bearer(&t.write);
    let freeze_id = w
        .req(r#"POST /wallets/alice/freeze {"amount":"5","reason":"authorisation"}"#)
        .field("/data/freeze/id");
    let keyed = api.bearer(&t.write).with("Idempotency-Key", "cap-k-1");
    let capture = format!(r#"POST /wallets/alice/capture {{"freeze_id":"{freeze_id}","amount":"3.00"}}"#);
    keyed.req(&capture);
    keyed.req(&capture);
    w.req(&format!(r#"POST /wallets/alice/capture {{"freeze_id":"{freeze_id}"}}"#));
    let other = w
        .req(r#"POST /wallets/alice/freeze {"amount":"1"}"#)
        .field("/data/freeze/id");
    w.req(&format!(
        r#"POST /wallets/alice/capture {{"freeze_id":"{other}","amount":"1.01"}}"#
    ));
    w.req(&format!(r#"POST /wallets/bob/capture {{"freeze_id":"{other}"}}"#));
}

/// The first day's snapshot taken (201), asked again (200, the first result), refused to a
/// write token and for a day that has not ended, and read back: every row for the admin,
/// alice's own for her bound token.
fn snapshots(api: &Api, t: &Tokens, admin: &str) {
    let day = &DAY1[..10];
    let a = api.bearer(admin);
    let take = format!(r#"POST /wallets/snapshot {{"snapshot_date":"{day}"}}"#);
    a.req(&take);
    a.req(&take);
    api.bearer(&t.write).req(&take);
    a.req(r#"POST /wallets/snapshot {"snapshot_date":"2099-01-01"}"#);
    a.req("GET /admin/wallets/snapshots");
    api.bearer(&t.alice).req(&format!("GET /wallets/snapshot?date={day}"));
    api.bearer(&t.read).req("GET /wallets/snapshot");
}

fn internal_refunds(api: &Api, t: &Tokens, paid: &str) {
    let partial = format!(r#"POST /internal/wallet/refund {{"transaction_id":"{paid}","amount":"2"}}"#);
    let rest = format!(r#"POST /internal/wallet/refund {{"transaction_id":"{paid}"}}"#);
    let internal = api.api_key(&t.internal);
    internal.req(&partial);
    let keyed = api.api_key(&t.internal).with("Idempotency-Key", "ik-1");
    keyed.req(&rest);
    keyed.req(&rest);
    internal.req(&partial);
}

fn pages(api: &Api, t: &Tokens) {
    let read = api.bearer(&t.read);
    let first = read.req("GET /wallets/alice/transactions?page_size=2");
    if let Some(cursor) = first.json()["next_cursor"].as_str() {
        read.req(&format!("GET /wallets/alice/transactions?page_size=2&cursor={cursor}"));
    }
    read.req("GET /wallets/alice/transactions?type=payment,refund");
    read.req("GET /wallets/alice/transactions?reference_id=h-1&page=1");
    read.req("GET /wallets/alice/freezes?status=released");
}

fn refusals(api: &Api, t: &Tokens) {
    api.anonymous().req("GET /wallets/alice");
    api.bearer("tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.nonsense")
        .req("GET /wallets/alice");
    api.bearer(&t.revoked).req("GET /wallets/alice");
    api.bearer(&t.read).req(r#"POST /wallets/alice/deposit {"amount":"1"}"#);
    api.bearer(&t.alice).req(r#"POST /wallets/bob/deposit {"amount":"1"}"#);
    api.bearer(&t.internal).req("GET /wallets/alice");
    let w = api.bearer(&t.write);
    for amount in [r#""1e3""#, r#""-0""#, r#""0.001""#, r#""0""#, r#""""#, "1"] {
        w.req(&format!(r#"POST /wallets/alice/deposit {{"amount":{amount}}}"#));
    }
    w.req(r#"POST /wallets/alice/deposit {"amount":"1","colour":"red"}"#);
    w.req(r#"POST /wallets/alice/deposit {"amount":"1""#);
    w.req("POST /wallets/alice/deposit");
    let text = api.bearer(&t.write).content_type(Some("text/plain"));
    text.req(r#"POST /wallets/alice/deposit {"amount":"1"}"#);
    w.req(r#"POST /wallets/nobody/deposit {"amount":"1"}"#);
    w.req(r#"POST /wallets/alice/unfreeze {"freeze_id":"frz_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#);
    w.req(r#"POST /wallets/alice/refund {"transaction_id":"txn_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#);
    let read = api.bearer(&t.read);
    for query in ["colour=red", "page_size=1000", "type=bogus", "cursor=nonsense"] {
        read.req(&format!("GET /wallets/alice/transactions?{query}"));
    }
    read.req("GET /nowhere");
    w.req("DELETE /wallets/alice");
    w.req("GET /wallets/alice/deposit");
    w.req(r#"POST /internal/wallet/refund {"transaction_id":"x"}"#);
    api.api_key(&t.write)
        .req(r#"POST /internal/wallet/refund {"transaction_id":"x"}"#);
    let bare = api.anonymous().on(Door::Internal).content_type(None);
    bare.req(r#"POST /internal/wallet/refund {"transaction_id":"x"}"#);
    api.bearer(&t.write).on(Door::Internal).req("GET /wallets/alice");
}
