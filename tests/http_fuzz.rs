//! Schemathesis (PyPI) fuzzes a running server from its own `/openapi.json`: no 500, no status
//! the document does not list, no response that breaks its own schema, and a ledger that still
//! verifies afterwards. `.ci/run` installs schemathesis and sets LEDGERCTL_REQUIRE_SCHEMATHESIS=1,
//! so in CI a missing fuzzer is a failure, not a skip.

mod support;

use std::process::Command;

use support::server::Server;
use support::Ledger;

/// The checks that hold the server to its document (schemathesis' names).
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance";

/// Schemathesis' command, or None when it is not installed and CI did not require it (the test
/// then says `skipped: …` where `cargo test` shows it).
fn schemathesis() -> Option<String> {
    support::tool_installed("st", "LEDGERCTL_REQUIRE_SCHEMATHESIS").then(|| "st".to_owned())
}

fn fuzz(st: &str, schema: &str, base: &str, header: &str, extra: &[&str]) {
    let report = tempfile::tempdir().unwrap();
    let out = Command::new(st)
        .args(["run", schema, "--url", base, "-H", header, "-c", CHECKS])
        .args(["--max-examples", "40", "--seed", "20261123", "--report-dir"])
        .arg(report.path())
        .args(extra)
        .env("NO_COLOR", "1")
        .env("SCHEMATHESIS_TELEMETRY", "false")
        .output()
        .expect("schemathesis runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found failures against {base}:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("passed"), "{stdout}");
}

#[test]
fn schemathesis_finds_no_server_error_and_no_response_outside_the_document() {
    let Some(st) = schemathesis() else { return };
    let ledger = Ledger::new();
    ledger.funded("alice", "100000.00");
    ledger.funded("bob", "10.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let key = ledger.token(&["token", "create", "--internal"]);
    let server = Server::start(&ledger);
    let schema = format!("http://{}/openapi.json", server.public);
    fuzz(
        &st,
        &schema,
        &format!("http://{}", server.public),
        &format!("Authorization: Bearer {token}"),
        &[],
    );
    // The same routes under the upstream document's base path (the document itself is not).
    fuzz(
        &st,
        &schema,
        &format!("http://{}/bff/wallet-service/api/v1", server.public),
        &format!("Authorization: Bearer {token}"),
        &[
            "--exclude-path",
            "/openapi.json",
            "--exclude-path",
            "/internal/wallet/refund",
            "--exclude-path",
            "/healthz",
        ],
    );
    fuzz(
        &st,
        &schema,
        &format!("http://{}", server.internal),
        &format!("X-API-Key: {key}"),
        &["--include-path", "/internal/wallet/refund"],
    );
    // The /admin/… routes once more with an admin token, so they are fuzzed past the 403 a
    // write token gets there.
    let admin = ledger.token(&["token", "create", "--scope", "admin"]);
    fuzz(
        &st,
        &schema,
        &format!("http://{}", server.public),
        &format!("Authorization: Bearer {admin}"),
        &["--include-path-regex", "^/admin/"],
    );
    let (code, stderr) = server.stop();
    assert_eq!(code, 0, "{stderr}");
    ledger.verified();
}
