//! Who is calling: a bearer token on the public routes, an internal API key on the internal
//! route. Missing, malformed, unknown, expired or revoked credentials are all 401, alike.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::{Error, ErrorKind};
use crate::ledger::token::{Access, Token, TokenKind, Unauthenticated};
use crate::ops;

use super::body::ApiError;
use super::error::{Failure, HttpError};
use super::state::State;

/// Who a request turned out to be, for its access-log line: the id of the token or key it
/// authenticated with (never the secret). Set by the extractors below, read after the answer.
#[derive(Clone, Default)]
pub struct Caller(std::sync::Arc<std::sync::OnceLock<String>>);

impl Caller {
    /// The authenticated token's id, if the request got that far.
    pub fn token_id(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }

    fn authenticated(parts: &Parts, token: &Token) {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            let _ = caller.0.set(token.id.to_string());
        }
    }
}

/// The token of a public request.
pub struct Bearer(pub Token);

/// The key of an internal request.
pub struct InternalKey(pub Token);

impl FromRequestParts<State> for Bearer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Bearer, Response> {
        let checked = match bearer(&parts.headers) {
            Ok(presented) => check(state, presented, TokenKind::Bearer).await,
            Err(e) => Err(HttpError::from(e).into()),
        };
        if let Ok(token) = &checked {
            Caller::authenticated(parts, token);
        }
        checked.map(Bearer).map_err(|e| refused(e, "Bearer"))
    }
}

impl FromRequestParts<State> for InternalKey {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<InternalKey, Response> {
        let presented = parts.headers.get("x-api-key").and_then(|v| v.to_str().ok());
        let checked = match presented {
            Some(presented) => check(state, presented.to_owned(), TokenKind::Internal).await,
            None => Err(HttpError::from(Unauthenticated {
                reason: "send the internal API key as `X-API-Key: <key>` (token create --internal)",
            })
            .into()),
        };
        if let Ok(token) = &checked {
            Caller::authenticated(parts, token);
        }
        checked
            .map(InternalKey)
            .map_err(|e| refused(e, r#"ApiKey header="X-API-Key""#))
    }
}

/// An error response; a 401 names the credential to send (RFC 9110 asks every 401 for one).
fn refused(e: Failure, challenge: &'static str) -> Response {
    let unauthenticated = e.kind() == ErrorKind::Unauthenticated;
    let mut response = ApiError(e).into_response();
    if unauthenticated {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    }
    response
}

fn bearer(headers: &HeaderMap) -> Result<String, Unauthenticated> {
    let missing = || Unauthenticated {
        reason: "send a token as `Authorization: Bearer <token>` (token create)",
    };
    let value = headers.get(header::AUTHORIZATION).ok_or_else(missing)?;
    let text = value.to_str().map_err(|_| missing())?;
    let (scheme, token) = text.split_once(' ').ok_or_else(missing)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(missing());
    }
    Ok(token.trim().to_owned())
}

/// From memory when the token was checked since the last change to any token (on this async
/// thread: see [`ops::TokenCache::answer`] for why it may), else the full check on a read
/// connection, as every request did before.
async fn check(state: &State, presented: String, kind: TokenKind) -> Result<Token, Failure> {
    if let Some(answer) = state.tokens.answer(&presented, kind, ops::now()) {
        return Ok(answer.map_err(HttpError::from)?);
    }
    let tokens = state.tokens.clone();
    let checked = state
        .reads
        .run(move |store| tokens.check(store, &presented, kind))
        .await?;
    Ok(checked.map_err(HttpError::from)?)
}

impl Bearer {
    /// The token may write (POST routes); a read token is refused with 403.
    pub fn writer(&self) -> Result<(), HttpError> {
        self.needs(Access::Write)
    }

    /// The token may administer its application's wallets (the `/admin/…` routes); a read or
    /// write token is refused with 403.
    pub fn admin(&self) -> Result<(), HttpError> {
        self.needs(Access::Admin)
    }

    fn needs(&self, access: Access) -> Result<(), HttpError> {
        if self.0.access < access {
            return Err(HttpError::Forbidden {
                reason: format!(
                    "token {} has the {} scope; this route needs {}",
                    self.0.id,
                    self.0.access.as_str(),
                    access.as_str()
                ),
            });
        }
        Ok(())
    }

    /// The token reaches this user's wallet. A token bound to another user gets the same answer
    /// as for a wallet that does not exist, so it learns nothing about who has one.
    pub fn reaches(&self, user_id: &str) -> Result<(), Error> {
        match &self.0.user_id {
            Some(own) if own != user_id => Err(Error::wallet_not_found(&self.0.scope, user_id)),
            _ => Ok(()),
        }
    }

    pub fn actor(&self) -> String {
        format!("token:{}", self.0.id)
    }
}
