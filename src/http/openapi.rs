//! The OpenAPI document, generated from the handlers' annotations and the output views, so it
//! cannot drift from what the server does. Request bodies are described in `schema.rs`; they
//! are decoded by the batch-line parser, and a test here holds each description to the fields
//! its route takes.

use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::ServerBuilder;
use utoipa::openapi::{ContentBuilder, HttpMethod, Ref};
use utoipa::{Modify, OpenApi};

use crate::output::views::ErrorEnvelope;

use super::routes::{HEALTHZ_PATH, INTERNAL_REFUND_PATH, UPSTREAM_BASE_PATH};

/// The document's own path, served only at the listener's root.
const OPENAPI_PATH: &str = "/openapi.json";
use super::state::Bound;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ledgerctl",
        description = "Double-entry wallet ledger. Every 200 (or 201) of a write is durable on disk. Errors are `{code, message, error, timestamp}`: the HTTP status, a message for people and a stable `error` string for programs. /internal/wallet/refund is served only on the internal listener (--internal-listen, X-API-Key); every other route only on the public one (--listen, Bearer token), with /healthz on both.",
    ),
    paths(
        super::routes::writes::withdraw,
        super::routes::writes::freeze,
        super::routes::writes::unfreeze,
        super::routes::writes::refund,
        super::routes::writes::deposit,
        super::routes::writes::payment,
        super::routes::writes::internal_refund,
        super::routes::writes::transfer,
        super::routes::writes::capture,
        super::routes::wallets::wallet,
        // The wallet-side routes of issue 12.
        super::routes::wallets::create,
        super::routes::wallets::list,
        super::routes::wallets::balance,
        super::routes::wallets::transaction,
        super::routes::history::transactions,
        super::routes::history::freezes,
        // The administration routes, one block.
        super::routes::admin::update_wallet,
        super::routes::admin::integrity,
        super::routes::admin::reconciliation,
        super::routes::admin::adjust,
        super::routes::admin::batch_freeze,
        super::routes::admin::batch_unfreeze,
        // Snapshots (issue 13).
        super::routes::snapshots::take_snapshot,
        super::routes::snapshots::list_snapshots,
        super::routes::snapshots::snapshot_of_day,
        super::routes::policy::show,
        super::routes::policy::set,
        super::routes::policy::clear,
        // Withdrawal review (issue 13).
        super::routes::withdrawals::request,
        super::routes::withdrawals::of_user,
        super::routes::withdrawals::of_application,
        super::routes::withdrawals::show,
        super::routes::withdrawals::approve,
        super::routes::withdrawals::reject,
        super::routes::service::healthz,
        super::routes::service::openapi_json,
    ),
    components(schemas(ErrorEnvelope)),
    modifiers(&Errors)
)]
struct ApiDoc;

/// The error responses, the same envelope everywhere: added to every operation from one list,
/// by what the operation can answer.
struct Errors;

impl Modify for Errors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearerAuth",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "apiKey",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let methods = [
                (HttpMethod::Get, &mut item.get),
                (HttpMethod::Post, &mut item.post),
                (HttpMethod::Put, &mut item.put),
                (HttpMethod::Delete, &mut item.delete),
            ];
            for (method, operation) in methods {
                let Some(operation) = operation else { continue };
                for (status, description) in errors(path, method) {
                    let content = ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorEnvelope")))
                        .build();
                    let response = ResponseBuilder::new()
                        .description(*description)
                        .content("application/json", content)
                        .build();
                    operation
                        .responses
                        .responses
                        .insert(status.to_string(), response.into());
                }
            }
        }
    }
}

// The error responses each kind of route documents.
const OPEN: &[(u16, &str)] = &[
    (500, "Internal server error"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): retry"),
];
const READ: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (404, "Wallet not found, or not reachable with this token"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const WRITE: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope does not allow writes"),
    (404, "Wallet, transaction, freeze or counterparty not found, or not reachable with this token"),
    (409, "Insufficient balance, or a conflict (wallet not active, freeze released or captured or holding a withdrawal request under review, not refundable, a withdrawal the policy requires to be reviewed (review_required), reference or Idempotency-Key reused with other parameters)"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Invalid amount (invalid_amount), or more than can be refunded or captured (exceeds_refundable_amount, exceeds_held_amount)"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the write may or may not have been applied; resend it with the same Idempotency-Key or reference_id, whose replay answers the original outcome"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const ADMIN_READ: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Wallet not found, or of another tenant or application"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const ADMIN_REPORT: &[(u16, &str)] = &[
    (400, "Invalid request parameters (a date that is missing or not YYYY-MM-DD, or more wallets than one report holds)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const ADMIN_WRITE: &[(u16, &str)] = &[
    (400, "Invalid request parameters (a status change needs a reason)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Wallet not found, or of another tenant or application"),
    (409, "A conflict: the wallet is closed, or not empty for closing, or the Idempotency-Key was used with another body"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the write may or may not have been applied; resend it with the same Idempotency-Key, whose replay answers the original outcome"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const ADMIN_MONEY: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Wallet not found, or of another tenant or application"),
    (409, "Insufficient balance, or a conflict (wallet not active, reference or Idempotency-Key reused with other parameters)"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Invalid amount"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the write may or may not have been applied; resend it with the same Idempotency-Key or reference_id, whose replay answers the original outcome"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const INTERNAL: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Missing or invalid X-API-Key"),
    (404, "Transaction not found (or of another tenant), or this is not the internal listener"),
    (409, "Insufficient balance, or a conflict (not refundable, reference or Idempotency-Key reused with other parameters)"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Invalid amount"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the write may or may not have been applied; resend it with the same Idempotency-Key or reference_id, whose replay answers the original outcome"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const CREATE: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope does not allow writes, or the token is bound to another user"),
    (409, "The user already has a wallet (wallet_exists), or the Idempotency-Key was used with another body"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Unsupported currency (unsupported_currency)"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the wallet may or may not have been created; resend it with the same Idempotency-Key, or read GET /wallets/{user_id}"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const SNAPSHOT_CREATE: &[(u16, &str)] = &[
    (400, "Invalid request parameters (a snapshot_date that is missing, not YYYY-MM-DD, today or later, or a day with more wallets than one snapshot holds)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (409, "The Idempotency-Key was used with another body"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the snapshot may or may not have been taken; send it again, a day already taken answers its first result"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const SNAPSHOT_LIST: &[(u16, &str)] = &[
    (400, "Invalid request parameters (a date that is not YYYY-MM-DD, an empty or over-long user_id, a bad page)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const SNAPSHOT_DAY: &[(u16, &str)] = &[
    (400, "Invalid request parameters (a date that is missing or not YYYY-MM-DD, a bad page)"),
    (401, "Unauthenticated or invalid token"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const POLICY_READ: &[(u16, &str)] = &[
    (400, "Invalid request parameters (an empty or over-long tenant or application id)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Another tenant's or application's policy (policy_not_found)"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];
const POLICY_WRITE: &[(u16, &str)] = &[
    (400, "Invalid request parameters (an unknown field, a body naming no field, an unknown timezone or currency, a malformed Idempotency-Key)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Another tenant's or application's policy (policy_not_found)"),
    (409, "The Idempotency-Key was used with another request"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Invalid amount"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the change may or may not have been applied; resend it with the same Idempotency-Key, or read the policy"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const POLICY_CLEAR: &[(u16, &str)] = &[
    (400, "Invalid request parameters (an empty or over-long tenant or application id, a malformed Idempotency-Key)"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin"),
    (404, "Another tenant's or application's policy (policy_not_found)"),
    (409, "The Idempotency-Key was used with another request (a PUT)"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the change may or may not have been applied; resend it with the same Idempotency-Key, or read the policy"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const REVIEW_REQUEST: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope does not allow writes"),
    (404, "Wallet not found, or not reachable with this token"),
    (409, "Insufficient balance, or a conflict (wallet not active, reference_id or Idempotency-Key reused with other parameters)"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "Invalid amount, or refused by the policy (below_min_withdraw, daily_limit_exceeded, monthly_limit_exceeded, currency_not_allowed)"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the request may or may not have been made; resend it with the same Idempotency-Key or reference_id, whose replay answers the request"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const REVIEW_DECIDE: &[(u16, &str)] = &[
    (400, "Invalid request parameters"),
    (401, "Unauthenticated or invalid token"),
    (403, "The token's scope is not admin, or this token made the request (same_actor: another actor must decide it)"),
    (404, "Withdrawal request not found, or of another tenant or application (withdrawal_request_not_found)"),
    (409, "Already decided (withdrawal_not_pending), the wallet is not active, or the Idempotency-Key was used with another body"),
    (413, "Request body too large"),
    (415, "The body is not application/json"),
    (422, "An approval refused by the policy as of now (below_min_withdraw, daily_limit_exceeded, monthly_limit_exceeded)"),
    (500, "Internal server error (internal_error), or commit_outcome_unknown: the database connection was lost during COMMIT, so the decision may or may not have been made; resend it with the same Idempotency-Key, or read the request"),
    (503, "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was written, retry"),
];
const LOOKUP: &[(u16, &str)] = &[
    (400, "Invalid request parameters (an empty or over-long id)"),
    (401, "Unauthenticated or invalid token"),
    (404, "Transaction not found, or not reachable with this token (another tenant's, application's or user's)"),
    (500, "Internal server error"),
    (
        503,
        "Ledger busy, database unavailable or request timed out (ledger_busy, database_unavailable, request_timeout): nothing was read or written, retry",
    ),
];

const POLICY_PATH: &str = "/admin/wallets/tenants/{tenant_id}/apps/{app_id}/policy";

fn errors(path: &str, method: HttpMethod) -> &'static [(u16, &'static str)] {
    match (path, method) {
        ("/healthz" | "/openapi.json", _) => OPEN,
        ("/transactions/{transaction_id}", _) => LOOKUP,
        ("/wallets", HttpMethod::Post) => CREATE,
        ("/internal/wallet/refund", _) => INTERNAL,
        ("/admin/wallets/reconciliation", HttpMethod::Get) => ADMIN_REPORT,
        ("/wallets/snapshot", HttpMethod::Post) => SNAPSHOT_CREATE,
        ("/wallets/snapshot", _) => SNAPSHOT_DAY,
        ("/admin/wallets/snapshots", _) => SNAPSHOT_LIST,
        (POLICY_PATH, HttpMethod::Put) => POLICY_WRITE,
        (POLICY_PATH, HttpMethod::Delete) => POLICY_CLEAR,
        (POLICY_PATH, _) => POLICY_READ,
        ("/wallets/{user_id}/withdraw/request", _) => REVIEW_REQUEST,
        (decide, HttpMethod::Post) if decide.starts_with("/admin/wallets/withdrawals/") => REVIEW_DECIDE,
        (admin, HttpMethod::Get) if admin.starts_with("/admin/") => ADMIN_READ,
        (admin, HttpMethod::Put) if admin.starts_with("/admin/") => ADMIN_WRITE,
        (admin, HttpMethod::Post) if admin.starts_with("/admin/") => ADMIN_MONEY,
        (_, HttpMethod::Post) => WRITE,
        (_, _) => READ,
    }
}

/// The document as a value.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The document as a server listening at `bound` serves it: `servers` lists both listeners,
/// and each path names the one it is served on (the internal refund only the internal one,
/// /healthz both, this document the public one, every wallet route the public one at its own
/// path and under the upstream base path).
pub fn served(bound: &Bound) -> utoipa::openapi::OpenApi {
    let mut doc = document();
    let listener = |addr: std::net::SocketAddr, description: &str| {
        ServerBuilder::new()
            .url(format!("http://{addr}"))
            .description(Some(description))
            .build()
    };
    let public = listener(
        bound.public,
        "The public listener (--listen): the wallet routes with a bearer token, /healthz and /openapi.json",
    );
    let internal = listener(
        bound.internal,
        "The internal listener (--internal-listen): POST /internal/wallet/refund with an X-API-Key, and /healthz",
    );
    let upstream = ServerBuilder::new()
        .url(format!("http://{}{UPSTREAM_BASE_PATH}", bound.public))
        .description(Some(
            "The public listener under the upstream document's base path: the same route, the same answers",
        ))
        .build();
    for (path, item) in doc.paths.paths.iter_mut() {
        item.servers = match path.as_str() {
            INTERNAL_REFUND_PATH => Some(vec![internal.clone()]),
            HEALTHZ_PATH => None,
            OPENAPI_PATH => Some(vec![public.clone()]),
            _ => Some(vec![public.clone(), upstream.clone()]),
        };
    }
    doc.servers = Some(vec![public, internal]);
    doc
}

/// [`served`], rendered: once per server, when its listeners are bound.
pub fn served_bytes(bound: &Bound) -> Vec<u8> {
    serde_json::to_vec(&served(bound)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::operations::{capture, deposit, freeze, payment, refund, transfer, unfreeze, withdraw};

    /// The documented body of each write route lists exactly the fields the route decodes.
    #[test]
    fn request_schemas_match_the_fields_each_route_takes() {
        let doc = serde_json::to_value(document()).unwrap();
        let routes = [
            ("/wallets/{user_id}/deposit", deposit::SPEC),
            ("/wallets/{user_id}/payment", payment::SPEC),
            ("/wallets/{user_id}/withdraw", withdraw::SPEC),
            ("/wallets/{user_id}/freeze", freeze::SPEC),
            ("/wallets/{user_id}/unfreeze", unfreeze::SPEC),
            ("/wallets/{user_id}/refund", refund::SPEC),
            ("/internal/wallet/refund", refund::SPEC),
            ("/wallets/transfer", transfer::SPEC),
            ("/wallets/{user_id}/capture", capture::SPEC),
        ];
        for (path, spec) in routes {
            assert!(path.ends_with(spec.name), "{path} is not the route of {}", spec.name);
            let fields = spec.fields;
            let schema_ref = doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .unwrap_or_else(|| panic!("{path} has no request schema"));
            let name = schema_ref.rsplit('/').next().unwrap();
            let properties = doc["components"]["schemas"][name]["properties"].as_object().unwrap();
            let mut documented: Vec<&str> = properties.keys().map(String::as_str).collect();
            let mut taken = fields.to_vec();
            documented.sort_unstable();
            taken.sort_unstable();
            assert_eq!(documented, taken, "{path}");
        }
        let schema = &doc["components"]["schemas"]["CreateWalletRequest"]["properties"];
        let mut documented: Vec<&str> = schema.as_object().unwrap().keys().map(String::as_str).collect();
        let mut taken = super::super::routes::wallets::CREATE_FIELDS.to_vec();
        documented.sort_unstable();
        taken.sort_unstable();
        assert_eq!(documented, taken, "POST /wallets");
        let created = &doc["paths"]["/wallets"]["post"]["responses"];
        assert!(created.get("201").is_some() && created.get("200").is_none());
    }

    #[test]
    fn every_route_documents_its_errors_with_the_envelope() {
        let doc = serde_json::to_value(document()).unwrap();
        let withdraw = &doc["paths"]["/wallets/{user_id}/withdraw"]["post"]["responses"];
        for status in [
            "200", "400", "401", "403", "404", "409", "413", "415", "422", "500", "503",
        ] {
            assert!(withdraw.get(status).is_some(), "withdraw documents {status}");
        }
        let read = &doc["paths"]["/wallets/{user_id}"]["get"]["responses"];
        assert!(read.get("401").is_some() && read.get("409").is_none());
        assert_eq!(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
    }

    #[test]
    fn each_path_names_the_listener_that_serves_it() {
        let bound = Bound {
            public: "127.0.0.1:8080".parse().unwrap(),
            internal: "127.0.0.1:8081".parse().unwrap(),
        };
        let doc = serde_json::to_value(served(&bound)).unwrap();
        let urls = |servers: &serde_json::Value| -> Vec<String> {
            servers
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s["url"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            urls(&doc["servers"]),
            ["http://127.0.0.1:8080", "http://127.0.0.1:8081"]
        );
        for (path, item) in doc["paths"].as_object().unwrap() {
            let expected: &[&str] = match path.as_str() {
                INTERNAL_REFUND_PATH => &["http://127.0.0.1:8081"],
                HEALTHZ_PATH => &[],
                OPENAPI_PATH => &["http://127.0.0.1:8080"],
                _ => &[
                    "http://127.0.0.1:8080",
                    "http://127.0.0.1:8080/bff/wallet-service/api/v1",
                ],
            };
            assert_eq!(urls(&item["servers"]), expected, "{path}");
        }
    }
}
