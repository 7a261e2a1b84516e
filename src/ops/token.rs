//! Credentials for `serve`: made, listed and revoked by the CLI, checked by the server.

use crate::error::{Error, Result};
use crate::ledger::chain::AuditRecord;
use crate::ledger::ids::{self, TokenId};
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::token::{self, Access, Presented, Token, TokenKind, Unauthenticated, SECRET_BYTES};
use crate::ledger::verify::token_matches_audit;
use crate::store::{Queries, Storage};

use super::retry::retrying;

/// What `token create` asks for.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub kind: TokenKind,
    pub scope: Scope,
    pub user_id: Option<String>,
    pub access: Access,
    /// `--expires` as typed: a lifetime (`30d`) or an RFC 3339 moment; `None` never expires.
    pub expires: Option<String>,
    /// A label for people, shown by `token list`.
    pub name: Option<String>,
}

/// Stores a new token and returns it with its secret text, which exists nowhere else: only its
/// hash is written.
pub fn create_token<S: Storage>(store: &mut S, new: &NewToken, actor: &str) -> Result<(Token, String)> {
    ids::check_name("tenant", &new.scope.tenant_id)?;
    ids::check_name("app", &new.scope.application_id)?;
    if let Some(user_id) = &new.user_id {
        ids::check_name("user", user_id)?;
    }
    if new.kind == TokenKind::Internal && (new.user_id.is_some() || new.access != Access::Write) {
        return Err(Error::invalid(
            "internal",
            "an internal API key serves the internal refund of its tenant and application: it takes no --user or --scope",
        ));
    }
    // An admin token moves money on every wallet of its application; one user's admin is not a
    // thing (the database refuses it too).
    if new.access == Access::Admin && new.user_id.is_some() {
        return Err(Error::invalid(
            "user",
            "an admin token reaches every wallet of its tenant and application: it takes no --user",
        ));
    }
    let name = crate::ledger::operations::fields::text("name", new.name.clone())?;
    let now = super::clock().now();
    let expires_at = new
        .expires
        .as_deref()
        .map(|input| token::expiry(input, now))
        .transpose()?;
    let mut random = [0u8; SECRET_BYTES];
    getrandom::fill(&mut random).map_err(|e| Error::internal(format!("no randomness for a secret: {e}")))?;
    let id = TokenId::mint();
    let minted = token::mint_secret(&id, &random);
    let stored = Token {
        id,
        kind: new.kind,
        scope: new.scope.clone(),
        user_id: new.user_id.clone(),
        access: new.access,
        secret_sha256: minted.secret_sha256,
        created_at: super::now(),
        expires_at,
        revoked_at: None,
        actor: actor.to_owned(),
        name,
    };
    retrying(|| {
        store.write(|tx| {
            tx.insert_token(&stored)?;
            super::audit(tx, &AuditRecord::TokenCreated(&stored))
        })
    })?;
    Ok((stored, minted.text))
}

pub fn list_tokens<S: Storage>(store: &mut S, page: PageRequest) -> Result<Paged<Token>> {
    store.read(|tx| tx.tokens(page))
}

pub fn show_token<S: Storage>(store: &mut S, token_id: &str) -> Result<Token> {
    let token_id = TokenId::new(token_id);
    store.read(|tx| find(tx, &token_id))
}

fn find<Q: Queries>(tx: &Q, token_id: &TokenId) -> Result<Token> {
    tx.token(token_id)?.ok_or_else(|| Error::TokenNotFound {
        token_id: token_id.clone(),
    })
}

/// Revokes a token for good; the token as it is now, and whether this call revoked it (false
/// when it already was, which is not an error: the outcome asked for holds).
pub fn revoke_token<S: Storage>(store: &mut S, token_id: &str) -> Result<(Token, bool)> {
    let token_id = TokenId::new(token_id);
    retrying(|| {
        store.write(|tx| {
            find(tx, &token_id)?;
            let now = super::now();
            let revoked = tx.revoke_token(&token_id, now)?;
            if revoked {
                let record = AuditRecord::TokenRevoked {
                    token_id: &token_id,
                    revoked_at: &now,
                };
                super::audit(tx, &record)?;
            }
            Ok((find(tx, &token_id)?, revoked))
        })
    })
}

/// The token behind a presented credential, if it is this kind and usable now: `Ok(Err(_))`
/// refuses the credential, `Err(_)` is a failure to look it up.
pub fn authenticate<S: Storage>(
    store: &mut S,
    presented: &str,
    kind: TokenKind,
) -> Result<Result<Token, Unauthenticated>> {
    let presented = match Presented::parse(presented) {
        Ok(presented) => presented,
        Err(refused) => return Ok(Err(refused)),
    };
    let stored = store.read(|tx| {
        let Some(token) = tx.token(&presented.id)? else {
            return Ok(None);
        };
        let (created, revocation) = tx.token_audit(&token.id)?;
        // A row its audit records do not vouch for (edited or forged by hand) is no token.
        Ok(token_matches_audit(&token, created.as_ref(), revocation.as_ref()).then_some(token))
    })?;
    Ok(presented.authenticate(stored.as_ref(), kind, super::now()))
}
