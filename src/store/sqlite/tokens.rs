//! API tokens: their rows, listing and revocation, each change recorded in the audit chain.

use rusqlite::{params, OptionalExtension, Row};

use super::SqliteTx;
use crate::error::Result;
use crate::ledger::ids::TokenId;
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::ledger::token::{Access, Token, TokenKind};

pub(super) const TOKEN_COLUMNS: &str =
    "id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, expires_at, revoked_at, actor, name";

impl SqliteTx<'_> {
    pub(super) fn insert_token(&self, t: &Token) -> Result<()> {
        self.q()
            .prepare_cached(&format!(
                "INSERT INTO tokens ({TOKEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
            ))?
            .execute(params![
                t.id,
                t.kind.as_str(),
                t.scope.tenant_id,
                t.scope.application_id,
                t.user_id,
                t.access.as_str(),
                t.secret_sha256,
                t.created_at,
                t.expires_at,
                t.revoked_at,
                t.actor,
                t.name
            ])?;
        Ok(())
    }

    pub(super) fn token(&self, token_id: &TokenId) -> Result<Option<Token>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = ?1");
        self.q()
            .prepare_cached(&sql)?
            .query_row(params![token_id], token_row)
            .optional()?
            .transpose()
    }

    /// Every token of every tenant, newest first.
    pub(super) fn tokens(&self, page: PageRequest) -> Result<Paged<Token>> {
        self.page_of(
            TOKEN_COLUMNS,
            "tokens",
            "created_at DESC, id DESC",
            &[],
            page,
            token_row,
        )
    }

    /// Marks a token revoked at `now`; false when it already was.
    pub(super) fn revoke_token(&self, token_id: &TokenId, now: Timestamp) -> Result<bool> {
        let changed = self
            .q()
            .prepare_cached("UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")?
            .execute(params![token_id, now])?;
        Ok(changed == 1)
    }

    /// Every token, for `ledger verify`.
    pub(super) fn all_tokens(&self) -> Result<Vec<Token>> {
        self.rows(
            &format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY id"),
            [],
            token_row,
        )
    }
}

pub(super) fn token_row(r: &Row) -> rusqlite::Result<Result<Token>> {
    let kind: String = r.get(1)?;
    let access: String = r.get(5)?;
    let parsed = (|| -> Result<(TokenKind, Access)> { Ok((kind.parse()?, access.parse()?)) })();
    let (kind, access) = match parsed {
        Ok(parts) => parts,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Token {
        id: r.get(0)?,
        kind,
        scope: Scope {
            tenant_id: r.get(2)?,
            application_id: r.get(3)?,
        },
        user_id: r.get(4)?,
        access,
        secret_sha256: r.get(6)?,
        created_at: r.get(7)?,
        expires_at: r.get(8)?,
        revoked_at: r.get(9)?,
        actor: r.get(10)?,
        name: r.get(11)?,
    }))
}
