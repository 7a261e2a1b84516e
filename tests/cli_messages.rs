//! What a person reads when a command cannot do what was asked: each message names the way out.

mod support;

use support::{s, Ledger};

#[test]
fn adjust_without_an_amount_names_both_credit_and_debit() {
    let l = Ledger::new();
    l.funded("u", "10");
    let out = l
        .cmd()
        .args(["wallet", "adjust", "u", "--reason", "fix"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--credit") && stderr.contains("--debit"), "{stderr}");
    let both = l
        .cmd()
        .args([
            "wallet", "adjust", "u", "--reason", "fix", "--credit", "1", "--debit", "1",
        ])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2), "{}", String::from_utf8_lossy(&both.stderr));
}

#[test]
fn a_missing_ledger_is_named_by_its_absolute_path_with_the_way_to_point_at_another() {
    let l = Ledger::uninitialised();
    let dir = l.db.parent().unwrap();
    let out = support::command(std::path::Path::new("ledger.db"))
        .current_dir(dir)
        .args(["wallet", "show", "u"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let absolute = dir.canonicalize().unwrap().join("ledger.db");
    assert!(
        stderr.contains(&absolute.display().to_string())
            || stderr.contains(&dir.join("ledger.db").display().to_string()),
        "{stderr}"
    );
    assert!(
        stderr.contains("--db") && stderr.contains("LEDGERCTL_DB") && stderr.contains("ledgerctl init"),
        "{stderr}"
    );
}

#[test]
fn wallet_create_says_the_default_currency_and_takes_lowercase_codes() {
    let l = Ledger::new();
    let out = l.cmd().args(["-o", "json", "wallet", "create", "u"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("CNY, the default") && stderr.contains("--currency"),
        "{stderr}"
    );
    let euro = l.ok(&["wallet", "create", "v", "--currency", "eur"]);
    assert_eq!(s(&euro["data"]["currency"]), "EUR");
    let chosen = l
        .cmd()
        .args(["wallet", "create", "w", "--currency", "Usd"])
        .output()
        .unwrap();
    assert!(chosen.status.success());
    assert_eq!(
        String::from_utf8_lossy(&chosen.stderr),
        "",
        "no note when the currency was chosen"
    );
    let configured = l
        .cmd()
        .env("LEDGERCTL_CURRENCY", "jpy")
        .args(["-o", "json", "wallet", "create", "x"])
        .output()
        .unwrap();
    assert!(configured.status.success());
    assert!(String::from_utf8_lossy(&configured.stdout).contains("\"currency\":\"JPY\""));
    l.fails(&["wallet", "create", "y", "--currency", "eurx"], 2, "invalid_request");
}

#[test]
fn creating_a_wallet_for_a_user_whose_wallet_is_closed_says_so_and_what_to_do() {
    let l = Ledger::new();
    l.ok(&["wallet", "create", "u"]);
    l.ok(&["--yes", "wallet", "status", "u", "closed", "--reason", "left"]);
    let e = l.fails(&["wallet", "create", "u"], 4, "wallet_exists");
    let message = s(&e["message"]);
    assert!(
        message.contains("is closed") && message.contains("new user id"),
        "{message}"
    );
    l.ok(&["wallet", "create", "v"]);
    let e = l.fails(&["wallet", "create", "v"], 4, "wallet_exists");
    assert!(s(&e["message"]).contains("already exists"), "{e}");
}
