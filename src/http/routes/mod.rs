//! The routes, a file per group: each decodes its request into what the CLI would build, calls
//! the same `ops` function, and answers with the same envelope. What more than one group needs
//! (the path's user, checked) is here; a group never imports another.

pub mod admin;
pub mod history;
pub mod service;
pub mod wallets;
pub mod writes;

use axum::extract::rejection::PathRejection;
use axum::extract::Path;

use crate::error::{Error, Result};
use crate::ledger::ids;

use super::auth::Bearer;

/// The internal listener's one route, and the route both listeners serve.
pub const INTERNAL_REFUND_PATH: &str = "/internal/wallet/refund";
pub const HEALTHZ_PATH: &str = "/healthz";

/// The `user_id` of the path, checked; a path that cannot be decoded is a 400 envelope too.
fn path_user(path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let Path(user_id) = path.map_err(|e| Error::invalid("user_id", e.body_text()))?;
    ids::check_name("user_id", &user_id)?;
    Ok(user_id)
}

/// A user's wallet, after the token's reach is checked.
fn reachable(caller: &Bearer, path: std::result::Result<Path<String>, PathRejection>) -> Result<String> {
    let user_id = path_user(path)?;
    caller.reaches(&user_id)?;
    Ok(user_id)
}
