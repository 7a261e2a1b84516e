//! Who is calling: a bearer token on the public routes, an internal API key on the internal
//! route. Missing, malformed, unknown, expired or revoked credentials are all 401, alike.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::error::Error;
use crate::ledger::token::{Access, Token, TokenKind};
use crate::ops;

use super::api::State;
use super::body::ApiError;

/// The token of a public request.
pub struct Bearer(pub Token);

/// The key of an internal request.
pub struct InternalKey(pub Token);

impl FromRequestParts<State> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Bearer, ApiError> {
        let presented = bearer(&parts.headers)?;
        Ok(Bearer(check(state, presented, TokenKind::Bearer).await?))
    }
}

impl FromRequestParts<State> for InternalKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<InternalKey, ApiError> {
        let presented = parts
            .headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Error::Unauthenticated {
                reason: "send the internal API key as `X-API-Key: <key>` (token create --internal)".to_owned(),
            })?
            .to_owned();
        Ok(InternalKey(check(state, presented, TokenKind::Internal).await?))
    }
}

fn bearer(headers: &HeaderMap) -> Result<String, Error> {
    let missing = || Error::Unauthenticated {
        reason: "send a token as `Authorization: Bearer <token>` (token create)".to_owned(),
    };
    let value = headers.get(header::AUTHORIZATION).ok_or_else(missing)?;
    let text = value.to_str().map_err(|_| missing())?;
    let (scheme, token) = text.split_once(' ').ok_or_else(missing)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(missing());
    }
    Ok(token.trim().to_owned())
}

async fn check(state: &State, presented: String, kind: TokenKind) -> Result<Token, Error> {
    state
        .reads
        .run(move |store| ops::authenticate(store, &presented, kind))
        .await
}

impl Bearer {
    /// The token may write (POST routes); a read token is refused with 403.
    pub fn writer(&self) -> Result<(), Error> {
        if self.0.access < Access::Write {
            return Err(Error::Forbidden {
                reason: format!("token {} has the read scope; this route needs write", self.0.id),
            });
        }
        Ok(())
    }

    /// The token reaches this user's wallet. A token bound to another user gets the same answer
    /// as for a wallet that does not exist, so it learns nothing about who has one.
    pub fn reaches(&self, user_id: &str) -> Result<(), Error> {
        match &self.0.user_id {
            Some(own) if own != user_id => Err(Error::WalletNotFound {
                user_id: user_id.to_owned(),
            }),
            _ => Ok(()),
        }
    }

    pub fn actor(&self) -> String {
        format!("token:{}", self.0.id)
    }
}
