//! Credentials for `serve`: bearer tokens for the wallet routes and internal API keys for the
//! internal refund. Pure: the random bytes and the clock are passed in.
//!
//! A token reads `tok_<ULID>.<64 hex digits>`. The id before the dot names the stored row; the
//! secret after it is 32 random bytes of which only the SHA-256 is stored. A high-entropy
//! secret needs no slow password hash: nobody can guess a 256-bit preimage, whatever the speed.

use std::fmt;
use std::str::FromStr;

use subtle::ConstantTimeEq;

use super::chain::{hex, sha256_hex};
use super::ids;
use super::limits::TOKEN_EXPIRES_DAYS_MAX;
use super::model::Scope;
use crate::error::{Error, Result};

use super::ids::TokenId;
pub use super::ids::TOKEN_PREFIX;
use super::time::Timestamp;

/// Bytes of randomness in a secret.
pub const SECRET_BYTES: usize = 32;

/// Where a credential is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// `Authorization: Bearer …` on the public listener's wallet routes.
    Bearer,
    /// `X-API-Key: …` on the internal listener's refund route.
    Internal,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Bearer => "bearer",
            TokenKind::Internal => "internal",
        }
    }
}

impl FromStr for TokenKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<TokenKind> {
        match s {
            "bearer" => Ok(TokenKind::Bearer),
            "internal" => Ok(TokenKind::Internal),
            other => Err(Error::internal(format!("unknown token kind {other:?} in ledger"))),
        }
    }
}

/// What a token may do: `read` reaches the GET routes only, `write` every wallet route, `admin`
/// the `/admin/…` routes too. Each includes the ones before it (the order is the comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    Read,
    Write,
    Admin,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::Admin => "admin",
        }
    }
}

impl FromStr for Access {
    type Err = Error;
    fn from_str(s: &str) -> Result<Access> {
        match s {
            "read" => Ok(Access::Read),
            "write" => Ok(Access::Write),
            "admin" => Ok(Access::Admin),
            other => Err(Error::internal(format!("unknown token scope {other:?} in ledger"))),
        }
    }
}

/// A stored token: everything but its secret, of which only the hash is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub id: TokenId,
    pub kind: TokenKind,
    pub scope: Scope,
    /// When set, the token reaches this user's wallet only.
    pub user_id: Option<String>,
    pub access: Access,
    /// Hex SHA-256 of the secret.
    pub secret_sha256: String,
    pub created_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
    /// Who created it (the OS user of the CLI).
    pub actor: String,
    /// A label for people (`token create --name`), e.g. what the token is for.
    pub name: Option<String>,
}

/// Whether a token is usable at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    Active,
    Expired,
    Revoked,
}

impl TokenState {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenState::Active => "active",
            TokenState::Expired => "expired",
            TokenState::Revoked => "revoked",
        }
    }
}

impl Token {
    /// The token's state at `now`.
    pub fn state(&self, now: Timestamp) -> TokenState {
        if self.revoked_at.is_some() {
            TokenState::Revoked
        } else if self.expires_at.is_some_and(|at| at <= now) {
            TokenState::Expired
        } else {
            TokenState::Active
        }
    }
}

/// A credential refused: missing, malformed, unknown, expired or revoked. The reason is
/// deliberately vague about which, so a caller learns nothing about other tokens. Not an
/// [`Error`]: only the server checks credentials, and it alone answers this (with 401).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unauthenticated: {reason}")]
pub struct Unauthenticated {
    pub reason: &'static str,
}

impl Unauthenticated {
    /// The stable `error` name of the answer.
    pub fn code(&self) -> &'static str {
        "unauthenticated"
    }
}

/// A token as a caller presents it, split into its id and secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Presented {
    pub id: TokenId,
    secret: String,
}

// The secret never reaches a log line, not even through `{:?}`.
impl fmt::Debug for Presented {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Presented {{ id: {:?}, secret: <hidden> }}", self.id)
    }
}

impl Presented {
    /// Splits `tok_<ULID>.<hex>`; anything else is an unauthenticated caller, named vaguely.
    pub fn parse(text: &str) -> Result<Presented, Unauthenticated> {
        let malformed = || Unauthenticated {
            reason: "the token is malformed",
        };
        let (id, secret) = text.split_once('.').ok_or_else(malformed)?;
        ids::check_minted("token", TOKEN_PREFIX, id).map_err(|_| malformed())?;
        let hex_secret =
            secret.len() == SECRET_BYTES * 2 && secret.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !hex_secret {
            return Err(malformed());
        }
        Ok(Presented {
            id: TokenId::new(id),
            secret: secret.to_owned(),
        })
    }

    /// The SHA-256 (hex) of the secret: what the ledger stores of it, and the only form of it
    /// the server keeps in memory (its token cache's key).
    pub fn secret_sha256(&self) -> String {
        sha256_hex(&[self.secret.as_bytes()])
    }

    /// The caller's identity if `stored` is this token, of this kind, and usable at `now`.
    /// Every refusal reads the same, so a caller cannot tell a wrong secret from a revoked token.
    pub fn authenticate(
        &self,
        stored: Option<&Token>,
        kind: TokenKind,
        now: Timestamp,
    ) -> Result<Token, Unauthenticated> {
        let refused = || Unauthenticated {
            reason: "the token is unknown, expired or revoked",
        };
        let token = stored.ok_or_else(refused)?;
        // Compare the hashes in constant time: the time taken says nothing about how much of a
        // guessed secret was right.
        let presented = self.secret_sha256();
        let matches: bool = presented.as_bytes().ct_eq(token.secret_sha256.as_bytes()).into();
        if !matches || token.id != self.id || token.kind != kind || token.state(now) != TokenState::Active {
            return Err(refused());
        }
        Ok(token.clone())
    }
}

/// A freshly made secret: the full text to hand out once, and the hash to store.
pub struct Minted {
    pub text: String,
    pub secret_sha256: String,
}

/// Builds a token's text from its id and `SECRET_BYTES` random bytes.
pub fn mint_secret(id: &str, random: &[u8; SECRET_BYTES]) -> Minted {
    let secret = hex(random);
    Minted {
        text: format!("{id}.{secret}"),
        secret_sha256: sha256_hex(&[secret.as_bytes()]),
    }
}

/// Reads `--expires`: a lifetime (`30d`, `12h`, `90m`) from `now`, or an RFC 3339 moment.
/// Returns the moment the token expires.
pub fn expiry(input: &str, now: chrono::DateTime<chrono::Utc>) -> Result<Timestamp> {
    let invalid = |reason: String| Error::invalid("expires", reason);
    let at = match input.char_indices().last() {
        Some((index, unit @ ('d' | 'h' | 'm'))) => {
            let count: i64 = input[..index]
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| invalid(format!("{input:?} is not a lifetime like 30d, 12h or 90m")))?;
            let minutes = match unit {
                'd' => count.checked_mul(24 * 60),
                'h' => count.checked_mul(60),
                _ => Some(count),
            };
            let minutes = minutes
                .filter(|m| *m <= TOKEN_EXPIRES_DAYS_MAX * 24 * 60)
                .ok_or_else(|| invalid(format!("{input:?} is longer than {TOKEN_EXPIRES_DAYS_MAX} days")))?;
            now + chrono::Duration::minutes(minutes)
        }
        _ => {
            let at = chrono::DateTime::parse_from_rfc3339(input)
                .map_err(|_| {
                    invalid(format!(
                        "{input:?} is not a lifetime (30d, 12h, 90m) or an RFC 3339 time"
                    ))
                })?
                .with_timezone(&chrono::Utc);
            if at <= now {
                return Err(invalid(format!("{input:?} is in the past")));
            }
            if at > now + chrono::Duration::days(TOKEN_EXPIRES_DAYS_MAX) {
                return Err(invalid(format!(
                    "{input:?} is more than {TOKEN_EXPIRES_DAYS_MAX} days away"
                )));
            }
            at
        }
    };
    Ok(Timestamp::at(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(minted: &Minted, id: &str) -> Token {
        Token {
            id: id.into(),
            kind: TokenKind::Bearer,
            scope: Scope {
                tenant_id: "t".into(),
                application_id: "a".into(),
            },
            user_id: None,
            access: Access::Write,
            secret_sha256: minted.secret_sha256.clone(),
            created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            expires_at: Some("2026-02-01T00:00:00Z".parse().unwrap()),
            revoked_at: None,
            actor: "cli:test".into(),
            name: None,
        }
    }

    const ID: &str = "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV";

    #[test]
    fn a_minted_token_authenticates_and_only_its_hash_is_kept() {
        let minted = mint_secret(ID, &[7; SECRET_BYTES]);
        assert!(minted.text.starts_with("tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.0707"));
        assert!(!minted.secret_sha256.contains("0707070707"));
        let token = stored(&minted, ID);
        let presented = Presented::parse(&minted.text).unwrap();
        assert_eq!(presented.id, ID);
        assert!(!format!("{presented:?}").contains("0707"));
        let ok = presented.authenticate(Some(&token), TokenKind::Bearer, "2026-01-15T00:00:00Z".parse().unwrap());
        assert_eq!(ok.unwrap().id, ID);
    }

    #[test]
    fn wrong_secret_kind_expiry_and_revocation_are_all_the_same_refusal() {
        let minted = mint_secret(ID, &[7; SECRET_BYTES]);
        let token = stored(&minted, ID);
        let now: Timestamp = "2026-01-15T00:00:00Z".parse().unwrap();
        let other = mint_secret(ID, &[8; SECRET_BYTES]);
        let wrong = Presented::parse(&other.text).unwrap();
        let right = Presented::parse(&minted.text).unwrap();
        let revoked = Token {
            revoked_at: Some(now),
            ..token.clone()
        };
        let refusals = [
            wrong.authenticate(Some(&token), TokenKind::Bearer, now),
            right.authenticate(None, TokenKind::Bearer, now),
            right.authenticate(Some(&token), TokenKind::Internal, now),
            right.authenticate(Some(&token), TokenKind::Bearer, "2026-02-01T00:00:00Z".parse().unwrap()),
            right.authenticate(Some(&revoked), TokenKind::Bearer, now),
        ];
        for refusal in refusals {
            let e = refusal.unwrap_err();
            assert_eq!(e.code(), "unauthenticated");
            assert_eq!(
                e.to_string(),
                "unauthenticated: the token is unknown, expired or revoked"
            );
        }
    }

    #[test]
    fn malformed_tokens_are_refused_before_any_lookup() {
        for text in [
            "",
            "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV",
            "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.abc",
            "wlt_01ARZ3NDEKTSV4RRFFQ69G5FAV.0000000000000000000000000000000000000000000000000000000000000000",
            "tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.000000000000000000000000000000000000000000000000000000000000000G",
        ] {
            assert_eq!(Presented::parse(text).unwrap_err().code(), "unauthenticated", "{text}");
        }
    }

    #[test]
    fn expiry_reads_lifetimes_and_moments_within_the_limit() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(expiry("30d", now).unwrap().to_string(), "2026-01-31T00:00:00Z");
        assert_eq!(expiry("12h", now).unwrap().to_string(), "2026-01-01T12:00:00Z");
        assert_eq!(expiry("90m", now).unwrap().to_string(), "2026-01-01T01:30:00Z");
        assert_eq!(
            expiry("2026-03-01T00:00:00Z", now).unwrap().to_string(),
            "2026-03-01T00:00:00Z"
        );
        for bad in [
            "0d",
            "-1d",
            "d",
            "30",
            "30w",
            "3651d",
            "99999999999999999d",
            "2025-01-01T00:00:00Z",
            "soon",
        ] {
            assert_eq!(expiry(bad, now).unwrap_err().code(), "invalid_request", "{bad}");
        }
    }
}
