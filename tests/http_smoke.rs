//! The server starts on ephemeral ports, answers, and stops cleanly on SIGTERM.

mod support;

use support::server::Server;
use support::Ledger;

#[test]
fn serve_answers_a_withdrawal_and_stops_on_sigterm() {
    let ledger = Ledger::new();
    ledger.funded("alice", "100.00");
    let token = ledger.token(&["token", "create", "--scope", "write"]);
    let server = Server::start(&ledger);
    let answer = server.post(&token, "/wallets/alice/withdraw", r#"{"amount":"30.00"}"#);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json["data"]["wallet"]["balance"], "70.00");
    let (code, stderr) = server.stop();
    assert_eq!(code, 0, "{stderr}");
    // The last log lines are written before the process exits, not lost with it.
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(stderr.trim_end().ends_with("ledgerctl serve: stopped"), "{stderr}");
    assert_eq!(ledger.wallet("alice")["balance"], "70.00");
    ledger.verified();
}
