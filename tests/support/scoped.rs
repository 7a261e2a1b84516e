//! Commands in one tenant and application: the three scopes the HTTP tests use, and `ok` and
//! `token create` run in one of them.

use serde_json::Value;

use super::Ledger;

pub const ACME: [&str; 4] = ["--tenant", "acme", "--app", "shop"];
pub const GLOBEX: [&str; 4] = ["--tenant", "globex", "--app", "shop"];
pub const ACME_GAMES: [&str; 4] = ["--tenant", "acme", "--app", "games"];

/// `args` in `scope`, which must succeed; its envelope.
pub fn cli(l: &Ledger, scope: [&str; 4], args: &[&str]) -> Value {
    l.ok(&[&scope[..], args].concat())
}

/// A token made in `scope` with `args` (`--scope write`, `--user alice`, …); its secret.
pub fn token(l: &Ledger, scope: [&str; 4], args: &[&str]) -> String {
    l.token(&[&scope[..], &["token", "create"], args].concat())
}
