//! A client generated from the server's own `/openapi.json` by openapi-python-client (PyPI) works
//! without hand edits: it generates with no warning, then `tests/client/wallet_flow.py` opens two
//! wallets, deposits (and replays the deposit), transfers, reads both balances, checks both
//! wallets' integrity and gets an overdraft refused, through the generated typed functions only.
//! `.ci/run` installs the generator and sets LEDGERCTL_REQUIRE_OPENAPI_PYTHON_CLIENT=1, so in CI
//! a missing generator is a failure, not a skip.

mod support;

use std::path::Path;
use std::process::Command;

use support::server::Server;
use support::Ledger;

const GENERATOR: &str = "openapi-python-client";

/// What the script prints when every step held: made only of what the server answered.
const SUMMARY: &str = "\
created alice CNY active 0.00
created bob CNY active 0.00
deposit alice 100.00 -> 100.00 (replayed once)
transfer 30.25 alice 100.00 -> 69.75, bob 0.00 -> 30.25
balance alice 69.75 available 69.75 frozen 0.00
balance bob 30.25 available 30.25 frozen 0.00
integrity alice valid
integrity bob valid
refused transfer 1000000.00 alice -> bob: 409 insufficient_balance
";

/// Generates the client from `document` into `dir`, failing on anything the generator says
/// besides the one line naming where it generated: its warnings are about parts of our
/// document it could not turn into code, and a client missing them is not "without hand edits".
fn generate(document: &Path, dir: &Path) -> std::path::PathBuf {
    let out = dir.join("client");
    let run = Command::new(GENERATOR)
        .args(["generate", "--path"])
        .arg(document)
        .arg("--output-path")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .expect("openapi-python-client runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the generator failed:\n{stdout}\n{stderr}");
    let said: Vec<&str> = stdout.lines().filter(|line| !line.trim().is_empty()).collect();
    assert_eq!(
        said,
        [format!("Generating {}", out.display())],
        "the generator warned:\n{stdout}\n{stderr}"
    );
    assert_eq!(stderr.trim(), "", "the generator warned on stderr");
    assert!(
        out.join("ledgerctl_client/api/wallet_service").is_dir(),
        "{}",
        out.display()
    );
    out
}

#[test]
fn a_client_generated_from_the_document_opens_wallets_transfers_and_checks_integrity() {
    if !support::tool_installed(GENERATOR, "LEDGERCTL_REQUIRE_OPENAPI_PYTHON_CLIENT") {
        return;
    }
    let ledger = Ledger::new();
    let write = ledger.token(&["token", "create", "--scope", "write"]);
    let admin = ledger.token(&["token", "create", "--scope", "admin"]);
    let server = Server::start(&ledger);
    let served = server.request("GET", "/openapi.json", &[], None);
    assert_eq!(served.status, 200, "{}", served.body);
    let dir = tempfile::tempdir().unwrap();
    let document = dir.path().join("openapi.json");
    std::fs::write(&document, &served.body).unwrap();
    let client = generate(&document, dir.path());

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/client/wallet_flow.py");
    let run = Command::new("python3")
        .arg(&script)
        .arg(format!("http://{}", server.public))
        .env("PYTHONPATH", &client)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LEDGERCTL_WRITE_TOKEN", &write)
        .env("LEDGERCTL_ADMIN_TOKEN", &admin)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "the generated client's flow failed:\n{stdout}\n{stderr}"
    );
    assert_eq!(stdout, SUMMARY, "{stderr}");

    let (code, stderr) = server.stop();
    assert_eq!(code, 0, "{stderr}");
    ledger.verified();
}
