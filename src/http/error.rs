//! The conditions only the server meets (a credential, a route, a body, a deadline, an
//! `Idempotency-Key`), and what a request fails with: one of these or a domain [`Error`]. Both
//! map into the one kind table of [`crate::error`], so an HTTP answer and a CLI exit status
//! are read from the same rows.

use crate::error::{Classified, Error, ErrorKind};
use crate::ledger::token::Unauthenticated;

/// What only an HTTP request can run into, with the facts a caller needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No credential, or one the ledger refused (malformed, unknown, expired or revoked).
    #[error(transparent)]
    Unauthenticated(#[from] Unauthenticated),

    /// A valid token asking for something its scope does not allow.
    #[error("forbidden: {reason}")]
    Forbidden { reason: String },

    #[error("{method} is not allowed on {path}")]
    MethodNotAllowed { method: String, path: String },

    #[error("no route {path}")]
    RouteNotFound { path: String },

    #[error("the request body is larger than {limit_bytes} bytes")]
    PayloadTooLarge { limit_bytes: usize },

    #[error("the request body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,

    #[error("Idempotency-Key {key:?} was already used with another request (a different route or body)")]
    IdempotencyConflict { key: String },

    /// A currency code the ledger does not know, in a request body. 422 as the issue's
    /// `POST /wallets` asks; the CLI's `--currency` stays an invalid argument (exit 2).
    #[error("currency {code:?} is not supported (supported: {supported})")]
    UnsupportedCurrency { code: String, supported: String },

    /// A policy route naming a tenant or application other than the token's: answered as a
    /// wallet of theirs is, not found (an admin token reaches only its own).
    #[error("no policy of tenant {tenant_id}, application {application_id} is within this token's reach")]
    PolicyNotFound { tenant_id: String, application_id: String },

    #[error(
        "the request was not applied within {timeout_ms} ms (the ledger is busy); nothing was written, safe to retry"
    )]
    RequestTimeout { timeout_ms: u64 },
}

impl HttpError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            HttpError::Unauthenticated(_) => ErrorKind::Unauthenticated,
            HttpError::Forbidden { .. } => ErrorKind::Forbidden,
            HttpError::MethodNotAllowed { .. } => ErrorKind::MethodNotAllowed,
            HttpError::RouteNotFound { .. } => ErrorKind::NotFound,
            HttpError::PayloadTooLarge { .. } => ErrorKind::PayloadTooLarge,
            HttpError::UnsupportedMediaType => ErrorKind::UnsupportedMediaType,
            HttpError::IdempotencyConflict { .. } => ErrorKind::Conflict,
            HttpError::RequestTimeout { .. } => ErrorKind::Busy,
            HttpError::UnsupportedCurrency { .. } => ErrorKind::InvalidAmount,
            HttpError::PolicyNotFound { .. } => ErrorKind::NotFound,
        }
    }

    /// The stable machine-readable `error` string of the envelope.
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::Unauthenticated(refused) => refused.code(),
            HttpError::Forbidden { .. } => "forbidden",
            HttpError::MethodNotAllowed { .. } => "method_not_allowed",
            HttpError::RouteNotFound { .. } => "route_not_found",
            HttpError::PayloadTooLarge { .. } => "payload_too_large",
            HttpError::UnsupportedMediaType => "unsupported_media_type",
            HttpError::IdempotencyConflict { .. } => "idempotency_key_reused",
            HttpError::RequestTimeout { .. } => "request_timeout",
            HttpError::UnsupportedCurrency { .. } => "unsupported_currency",
            HttpError::PolicyNotFound { .. } => "policy_not_found",
        }
    }

    /// One error of every variant, with empty facts: with [`Error::one_of_each`], what the
    /// tables of `error` names (docs/cli.md's exit codes) are checked against.
    /// `tests/docs_tables.rs` also checks that it names every variant of the enum.
    pub fn one_of_each() -> Vec<HttpError> {
        let s = String::new;
        vec![
            HttpError::Unauthenticated(Unauthenticated { reason: "" }),
            HttpError::Forbidden { reason: s() },
            HttpError::MethodNotAllowed { method: s(), path: s() },
            HttpError::RouteNotFound { path: s() },
            HttpError::PayloadTooLarge { limit_bytes: 0 },
            HttpError::UnsupportedMediaType,
            HttpError::IdempotencyConflict { key: s() },
            HttpError::RequestTimeout { timeout_ms: 0 },
            HttpError::UnsupportedCurrency {
                code: s(),
                supported: s(),
            },
            HttpError::PolicyNotFound {
                tenant_id: s(),
                application_id: s(),
            },
        ]
    }
}

impl Classified for HttpError {
    fn kind(&self) -> ErrorKind {
        HttpError::kind(self)
    }

    fn code(&self) -> &'static str {
        HttpError::code(self)
    }
}

/// What a request fails with: a domain error (from `ops`, or a request's own fields checked as
/// the CLI checks them) or a condition only HTTP meets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Domain(#[from] Error),
    #[error(transparent)]
    Http(#[from] HttpError),
}

impl Failure {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Failure::Domain(e) => e.kind(),
            Failure::Http(e) => e.kind(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Failure::Domain(e) => e.code(),
            Failure::Http(e) => e.code(),
        }
    }
}

impl Classified for Failure {
    fn kind(&self) -> ErrorKind {
        Failure::kind(self)
    }

    fn code(&self) -> &'static str {
        Failure::code(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of SPEC section 3 each HTTP-only condition falls in: (error, status, exit code).
    #[test]
    fn http_conditions_fall_in_their_spec_rows() {
        let rows: Vec<(&str, u16, u8)> = HttpError::one_of_each()
            .iter()
            .map(|e| (e.code(), e.kind().http_status(), e.kind().exit_code()))
            .collect();
        assert_eq!(
            rows,
            [
                ("unauthenticated", 401, 2),
                ("forbidden", 403, 2),
                ("method_not_allowed", 405, 2),
                ("route_not_found", 404, 3),
                ("payload_too_large", 413, 2),
                ("unsupported_media_type", 415, 2),
                ("idempotency_key_reused", 409, 4),
                ("request_timeout", 503, 6),
                ("unsupported_currency", 422, 5),
                ("policy_not_found", 404, 3),
            ]
        );
    }

    #[test]
    fn no_http_condition_shares_an_error_name_with_the_domain() {
        let domain: Vec<&str> = Error::one_of_each().iter().map(Error::code).collect();
        for e in HttpError::one_of_each() {
            assert!(!domain.contains(&e.code()), "{} is a domain name too", e.code());
        }
    }

    #[test]
    fn a_refused_token_reads_as_before() {
        let refused = HttpError::from(Unauthenticated {
            reason: "the token is malformed",
        });
        assert_eq!(refused.to_string(), "unauthenticated: the token is malformed");
        assert_eq!(Failure::from(refused).code(), "unauthenticated");
    }
}
