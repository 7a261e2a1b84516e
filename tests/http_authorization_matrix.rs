//! Every route of the public listener × every kind of caller → the status it gets, with the
//! ledger left exactly as it was (every row of every table) whenever the answer is a refusal.
//!
//! A new route is one line of `routes()`: its method, its path as the OpenAPI document writes it
//! (`{user_id}` is alice, `{wallet_id}` her wallet's id, `{tenant_id}` and `{app_id}` acme and shop; `.on("carol")` for another acme/shop
//! user's), the body it sends (made fresh for each caller, so a success never spends what the
//! next caller needs) and its expectations, a row in [`CALLERS`]'s order (one of the rows below,
//! or its own). A route the document lists and the table does not fails the second test.

mod support;

use support::server::{token_id, Answer, Server};
use support::Ledger;

/// Who calls, in the order of every expectation row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    /// No `Authorization` header.
    NoToken,
    /// An acme/shop write token, revoked.
    Revoked,
    /// acme/shop tokens of each scope.
    Read,
    Write,
    Admin,
    /// An admin token of another tenant (globex/shop).
    OtherTenant,
    /// An admin token of another application of the tenant (acme/games).
    OtherApplication,
    /// An acme/shop write token bound to another user (bob).
    OtherUser,
}

const CALLERS: [Caller; 8] = [
    Caller::NoToken,
    Caller::Revoked,
    Caller::Read,
    Caller::Write,
    Caller::Admin,
    Caller::OtherTenant,
    Caller::OtherApplication,
    Caller::OtherUser,
];

/// Served to anyone, token or not.
const OPEN: [u16; 8] = [200, 200, 200, 200, 200, 200, 200, 200];
/// A read of a user's wallet: any scope of its tenant and application; another tenant's,
/// application's or user's token gets the answer of a wallet that does not exist.
const READ: [u16; 8] = [401, 401, 200, 200, 200, 404, 404, 404];
/// A write on a user's wallet: write or admin scope.
const WRITE: [u16; 8] = [401, 401, 403, 200, 200, 404, 404, 404];
/// An `/admin/…` route: the admin scope first (a bound token is never admin), then the reach.
const ADMIN: [u16; 8] = [401, 401, 403, 403, 200, 404, 404, 403];
/// A list of what the token reaches: every token of any scope is answered, each with its own
/// reach (another tenant's or application's none of acme/shop's wallets, a bound token its user's).
const LIST: [u16; 8] = [401, 401, 200, 200, 200, 200, 200, 200];
/// Opening a wallet: write or admin scope; another tenant's or application's token opens one in
/// its own reach (201); a token bound to bob may not open another user's.
const CREATE: [u16; 8] = [401, 401, 403, 201, 201, 201, 201, 403];
/// A batch over users: the admin scope first; another tenant's or application's admin is
/// answered 200 with every user `wallet_not_found` (its own reach holds none of them; that
/// nothing is written then is checked in tests/http_admin.rs).
const ADMIN_BATCH: [u16; 8] = [401, 401, 403, 403, 200, 200, 200, 403];
/// A report over the token's tenant and application: the admin scope first; another tenant's or
/// application's admin is answered 200 with its own reach's wallets, none of acme/shop's (checked
/// in tests/http_reconcile.rs).
const ADMIN_REPORT: [u16; 8] = [401, 401, 403, 403, 200, 200, 200, 403];
/// Taking a snapshot of the token's tenant and application: the admin scope first (though the
/// path is not under /admin); another tenant's or application's admin takes its own reach's
/// (201), which holds none of acme/shop's wallets (checked in tests/http_snapshots.rs).
const ADMIN_SNAPSHOT: [u16; 8] = [401, 401, 403, 403, 201, 201, 201, 403];
/// A withdrawal request on a user's wallet: write or admin scope, answered 201 (approved at
/// once here: it is within the world's auto-approval limit).
const REQUEST: [u16; 8] = [401, 401, 403, 201, 201, 404, 404, 404];

/// One route: the request each caller sends and what each gets.
struct Route {
    method: &'static str,
    /// As the OpenAPI document writes it.
    path: &'static str,
    /// The acme/shop user whose wallet the path names (alice unless `.on` says otherwise).
    user: &'static str,
    /// The query string sent after the path (none unless `.query` gives one).
    query: &'static str,
    /// The JSON body, made just before each request (it may write what it names first);
    /// `None` for a request without one.
    body: fn(&World) -> Option<String>,
    expect: [u16; 8],
}

impl Route {
    /// The route on another acme/shop user's wallet.
    fn on(self, user: &'static str) -> Route {
        Route { user, ..self }
    }

    /// The route with a query string.
    fn query(self, query: &'static str) -> Route {
        Route { query, ..self }
    }
}

fn none(_: &World) -> Option<String> {
    None
}

fn one(_: &World) -> Option<String> {
    Some(r#"{"amount":"1.00"}"#.to_owned())
}

fn routes() -> Vec<Route> {
    let route = |method, path, body, expect| Route {
        method,
        path,
        user: "alice",
        query: "",
        body,
        expect,
    };
    vec![
        route("GET", "/healthz", none, OPEN),
        route("GET", "/openapi.json", none, OPEN),
        route("GET", "/wallets/{user_id}", none, READ),
        route("GET", "/wallets/{user_id}/transactions", none, READ),
        route("GET", "/wallets/{user_id}/freezes", none, READ),
        route("GET", "/wallets/{user_id}/balance", none, READ),
        route("GET", "/transactions/{transaction_id}", none, READ),
        route("GET", "/wallets", none, LIST),
        route("POST", "/wallets", new_wallet, CREATE),
        route("POST", "/wallets/{user_id}/deposit", one, WRITE),
        route("POST", "/wallets/{user_id}/payment", payment, WRITE),
        route("POST", "/wallets/{user_id}/withdraw", one, WRITE),
        route("POST", "/wallets/{user_id}/freeze", one, WRITE),
        route("POST", "/wallets/{user_id}/unfreeze", unfreeze, WRITE),
        route("POST", "/wallets/{user_id}/capture", capture, WRITE),
        route("POST", "/wallets/{user_id}/refund", refund, WRITE),
        // alice sends: a token bound to bob reaches her wallet as little as on her own routes.
        route("POST", "/wallets/transfer", transfer, WRITE),
        route("GET", "/admin/wallets/{wallet_id}/integrity", none, ADMIN),
        route("GET", "/admin/wallets/reconciliation", none, ADMIN_REPORT).query("date=2026-04-15"),
        route("PUT", "/admin/wallets/{wallet_id}", status, ADMIN).on("carol"),
        route("POST", "/admin/wallets/{user_id}/adjust", adjust, ADMIN),
        route("POST", "/admin/wallets/batch-freeze", batch_freeze, ADMIN_BATCH),
        route("POST", "/admin/wallets/batch-unfreeze", batch_unfreeze, ADMIN_BATCH),
        route("POST", "/wallets/snapshot", snapshot, ADMIN_SNAPSHOT),
        route("GET", "/admin/wallets/snapshots", none, ADMIN_REPORT),
        // Any token reads a day's snapshot within its reach (a bound token: its user's row).
        route("GET", "/wallets/snapshot", none, LIST).query("date=2026-04-15"),
        route("POST", "/wallets/{user_id}/withdraw/request", one, REQUEST),
        route("GET", "/wallets/{user_id}/withdrawals", none, READ),
        route("GET", "/admin/wallets/withdrawals", none, ADMIN_REPORT),
        // {id}: a new pending request of alice's, made by another actor, for each caller.
        route("GET", "/admin/wallets/withdrawals/{id}", pending_to_read, ADMIN),
        route(
            "POST",
            "/admin/wallets/withdrawals/{id}/approve",
            pending_request,
            ADMIN,
        ),
        route("POST", "/admin/wallets/withdrawals/{id}/reject", pending_request, ADMIN),
        route("GET", POLICY, none, ADMIN),
        route("PUT", POLICY, policy, ADMIN),
        route("DELETE", POLICY, none, ADMIN),
    ]
}

/// A user who has no wallet yet, a new one for each request.
/// The policy routes name acme/shop, the world's tenant and application, in their path.
const POLICY: &str = "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy";

fn policy(_: &World) -> Option<String> {
    Some(r#"{"daily_withdraw_limit":"1000000"}"#.to_owned())
}

fn new_wallet(_: &World) -> Option<String> {
    static OPENED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Some(format!(r#"{{"user_id":"new_{n}","currency":"CNY"}}"#))
}

fn transfer(_: &World) -> Option<String> {
    Some(r#"{"from_user_id":"alice","to_user_id":"bob","amount":"1.00"}"#.to_owned())
}

fn payment(_: &World) -> Option<String> {
    Some(r#"{"amount":"1.00","counterparty_id":"mch_1","new_counterparty":true}"#.to_owned())
}

/// A new freeze of alice's, for this request to release.
fn unfreeze(w: &World) -> Option<String> {
    let frozen = w
        .ledger
        .ok(&[&ACME[..], &["wallet", "freeze", "alice", "--amount", "1"]].concat());
    let id = frozen["data"]["freeze"]["id"].as_str().expect("freeze id");
    Some(format!(r#"{{"freeze_id":"{id}"}}"#))
}

/// A new freeze of alice's, for this request to capture in part (to a counterparty).
fn capture(w: &World) -> Option<String> {
    let frozen = w
        .ledger
        .ok(&[&ACME[..], &["wallet", "freeze", "alice", "--amount", "2"]].concat());
    let id = frozen["data"]["freeze"]["id"].as_str().expect("freeze id");
    Some(format!(
        r#"{{"freeze_id":"{id}","amount":"1.00","counterparty_id":"mch_1","new_counterparty":true}}"#
    ))
}

/// A new withdrawal of alice's, for this request to refund.
fn refund(w: &World) -> Option<String> {
    let paid = w
        .ledger
        .ok(&[&ACME[..], &["wallet", "withdraw", "alice", "--amount", "1"]].concat());
    let id = paid["data"]["transaction"]["id"].as_str().expect("transaction id");
    Some(format!(r#"{{"transaction_id":"{id}"}}"#))
}

/// On carol's wallet (empty, so her status never stops another route's write).
fn status(_: &World) -> Option<String> {
    Some(r#"{"status":"frozen","reason":"matrix"}"#.to_owned())
}

fn batch_freeze(_: &World) -> Option<String> {
    Some(r#"{"user_ids":["alice","bob"],"amount":"1.00"}"#.to_owned())
}

/// New freezes of alice's and bob's, for this request to release (another tenant's or
/// application's admin finds neither: each is `freeze_not_found`, nothing written, checked in
/// tests/http_batch_freeze.rs).
fn batch_unfreeze(w: &World) -> Option<String> {
    let freeze = |user: &str| {
        let frozen = w
            .ledger
            .ok(&[&ACME[..], &["wallet", "freeze", user, "--amount", "1"]].concat());
        frozen["data"]["freeze"]["id"].as_str().expect("freeze id").to_owned()
    };
    Some(format!(
        r#"{{"freeze_ids":["{}","{}"]}}"#,
        freeze("alice"),
        freeze("bob")
    ))
}

/// A new pending withdrawal request of alice's (over the world's auto-approval limit), made by
/// a CLI actor, so that no token is its requester; its id is the path's `{id}`. A decision's
/// body (empty: both fields are optional), none for the read.
fn pending_request(w: &World) -> Option<String> {
    let args = ["--actor", "maker", "withdrawal", "request", "alice", "--amount", "2"];
    let made = w.ledger.ok(&[&ACME[..], &args[..]].concat());
    let id = made["data"]["id"].as_str().expect("request id").to_owned();
    *w.request_id.borrow_mut() = id;
    Some("{}".to_owned())
}

/// A new pending request, for this request to read.
fn pending_to_read(w: &World) -> Option<String> {
    pending_request(w);
    None
}

/// A day long past: every caller may name it (its scope alone decides).
fn snapshot(_: &World) -> Option<String> {
    Some(r#"{"snapshot_date":"2026-04-15"}"#.to_owned())
}

fn adjust(_: &World) -> Option<String> {
    Some(r#"{"amount":"1.00","reason":"matrix","type":"credit"}"#.to_owned())
}

const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];

/// The ledger every request meets: alice with money, bob and carol, and a token per caller.
struct World {
    ledger: Ledger,
    /// Each acme/shop user's wallet id.
    wallets: Vec<(&'static str, String)>,
    /// A transaction of alice's (her deposit).
    transaction_id: String,
    tokens: Vec<(Caller, String)>,
    /// The withdrawal request the last `pending_request` made (the path's `{id}`).
    request_id: std::cell::RefCell<String>,
}

impl World {
    fn new() -> World {
        let ledger = Ledger::new();
        let acme = |args: &[&str]| ledger.ok(&[&ACME[..], args].concat());
        for user in ["alice", "bob", "carol"] {
            acme(&["wallet", "create", user]);
        }
        let deposit = acme(&["wallet", "deposit", "alice", "--amount", "1000"]);
        let transaction_id = deposit["data"]["transaction"]["id"]
            .as_str()
            .expect("transaction id")
            .to_owned();
        acme(&["wallet", "deposit", "bob", "--amount", "10"]);
        // Withdrawals are reviewed over 1.00: the routes' own withdrawals (1.00) pass, a
        // request for more waits for a decision.
        acme(&[
            "policy",
            "set",
            "--withdrawal-require-review",
            "true",
            "--auto-approve-limit",
            "1",
        ]);
        let wallet_id = |user: &str| {
            acme(&["wallet", "show", user])["data"]["wallet_id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let token = |tenant: &str, app: &str, args: &[&str]| {
            ledger.token(&[&["--tenant", tenant, "--app", app, "token", "create"][..], args].concat())
        };
        let revoked = token("acme", "shop", &["--scope", "write"]);
        ledger.ok(&["--yes", "token", "revoke", token_id(&revoked)]);
        let tokens = vec![
            (Caller::Revoked, revoked),
            (Caller::Read, token("acme", "shop", &["--scope", "read"])),
            (Caller::Write, token("acme", "shop", &["--scope", "write"])),
            (Caller::Admin, token("acme", "shop", &["--scope", "admin"])),
            (Caller::OtherTenant, token("globex", "shop", &["--scope", "admin"])),
            (Caller::OtherApplication, token("acme", "games", &["--scope", "admin"])),
            (
                Caller::OtherUser,
                token("acme", "shop", &["--scope", "write", "--user", "bob"]),
            ),
        ];
        World {
            request_id: std::cell::RefCell::new(String::new()),
            transaction_id,
            wallets: ["alice", "bob", "carol"].map(|user| (user, wallet_id(user))).to_vec(),
            ledger,
            tokens,
        }
    }

    fn path(&self, route: &Route) -> String {
        let (_, wallet_id) = self
            .wallets
            .iter()
            .find(|(user, _)| *user == route.user)
            .expect("a user of the world");
        let path = route
            .path
            .replace("{user_id}", route.user)
            .replace("{wallet_id}", wallet_id)
            .replace("{transaction_id}", &self.transaction_id)
            .replace("{id}", &self.request_id.borrow())
            .replace("{tenant_id}", "acme")
            .replace("{app_id}", "shop");
        match route.query {
            "" => path,
            query => format!("{path}?{query}"),
        }
    }

    fn send(&self, server: &Server, route: &Route, caller: Caller, body: Option<&str>) -> Answer {
        let auth = self
            .tokens
            .iter()
            .find(|(who, _)| *who == caller)
            .map(|(_, secret)| format!("Bearer {secret}"));
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(auth) = &auth {
            headers.push(("Authorization", auth.as_str()));
        }
        server.request(route.method, &self.path(route), &headers, body)
    }
}

#[test]
fn every_route_answers_every_caller_as_its_row_says_and_every_refusal_changes_nothing() {
    let world = World::new();
    let server = Server::start(&world.ledger);
    let mut wrong = Vec::new();
    for route in routes() {
        for (caller, expected) in CALLERS.into_iter().zip(route.expect) {
            let body = (route.body)(&world);
            let before = world.ledger.snapshot();
            let answer = world.send(&server, &route, caller, body.as_deref());
            let what = format!("{} {} as {caller:?}", route.method, route.path);
            if answer.status != expected {
                wrong.push(format!(
                    "{what}: {} (expected {expected}): {}",
                    answer.status, answer.body
                ));
            }
            if answer.status >= 400 && world.ledger.snapshot() != before {
                wrong.push(format!("{what}: refused with {} but the ledger changed", answer.status));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    world.ledger.verified();
}

/// The matrix covers every route the server documents, so a new route cannot be left out.
#[test]
fn the_matrix_has_a_row_for_every_route_of_the_public_listener() {
    let world = World::new();
    let server = Server::start(&world.ledger);
    let doc = server.request("GET", "/openapi.json", &[], None).json;
    let mut documented: Vec<String> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "delete", "patch"] {
            if item.get(method).is_some() && path != "/internal/wallet/refund" {
                documented.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let mut rows: Vec<String> = routes().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    documented.sort();
    rows.sort();
    assert_eq!(rows, documented);
}
