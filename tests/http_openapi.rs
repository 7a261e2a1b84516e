//! The OpenAPI document a running server serves says where each route is served.

mod support;

use support::server::Server;
use support::Ledger;

#[test]
fn the_document_lists_both_listeners_and_serves_the_internal_refund_only_on_the_internal_one() {
    let l = Ledger::new();
    let server = Server::start(&l);
    let answer = server.request("GET", "/openapi.json", &[], None);
    assert_eq!(answer.status, 200);
    let doc = answer.json;
    let public = format!("http://{}", server.public);
    let internal = format!("http://{}", server.internal);
    let urls = |servers: &serde_json::Value| -> Vec<String> {
        servers
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| s["url"].as_str().expect("a server url").to_owned())
            .collect()
    };
    assert_eq!(
        urls(&doc["servers"]),
        [public.clone(), internal.clone()],
        "{}",
        doc["servers"]
    );
    for server in doc["servers"].as_array().unwrap() {
        assert!(
            server["description"].as_str().is_some_and(|d| d.contains("listen")),
            "{server}"
        );
    }
    assert_eq!(
        urls(&doc["paths"]["/internal/wallet/refund"]["servers"]),
        std::slice::from_ref(&internal)
    );
    let upstream = format!("{public}/bff/wallet-service/api/v1");
    for path in ["/wallets/{user_id}/withdraw", "/wallets/{user_id}", "/wallets"] {
        assert_eq!(
            urls(&doc["paths"][path]["servers"]),
            [public.clone(), upstream.clone()],
            "{path}"
        );
    }
    assert_eq!(
        urls(&doc["paths"]["/openapi.json"]["servers"]),
        std::slice::from_ref(&public)
    );
    assert!(
        doc["paths"]["/healthz"].get("servers").is_none(),
        "/healthz is on both listeners"
    );
    // What the document says is what the listeners do.
    let on_public = server.request(
        "POST",
        "/internal/wallet/refund",
        &[("Content-Type", "application/json")],
        Some("{}"),
    );
    assert_eq!(on_public.status, 404);
    let on_internal = server.internal("GET", "/openapi.json", &[], None);
    assert_eq!(on_internal.status, 404);
}
