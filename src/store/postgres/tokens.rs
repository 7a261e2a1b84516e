//! API tokens: their rows, listing and revocation.

use ::postgres::Row;

use super::PgTx;
use crate::error::Result;
use crate::ledger::ids::TokenId;
use crate::ledger::model::Scope;
use crate::ledger::request::{PageRequest, Paged};
use crate::ledger::time::Timestamp;
use crate::ledger::token::Token;

const TOKEN_COLUMNS: &str =
    "id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, expires_at, revoked_at, actor, name";

impl PgTx<'_> {
    pub(super) fn insert_token(&self, t: &Token) -> Result<()> {
        self.execute(
            &format!("INSERT INTO tokens ({TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"),
            &[
                &t.id.as_str(),
                &t.kind.as_str(),
                &t.scope.tenant_id,
                &t.scope.application_id,
                &t.user_id,
                &t.access.as_str(),
                &t.secret_sha256,
                &t.created_at.to_string(),
                &t.expires_at.as_ref().map(Timestamp::to_string),
                &t.revoked_at.as_ref().map(Timestamp::to_string),
                &t.actor,
                &t.name,
            ],
        )?;
        Ok(())
    }

    pub(super) fn token(&self, token_id: &TokenId) -> Result<Option<Token>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = $1");
        self.first(&sql, &[&token_id.as_str()], token_row)
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
        let changed = self.execute(
            "UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
            &[&token_id.as_str(), &now.to_string()],
        )?;
        Ok(changed == 1)
    }

    /// Every token, for `ledger verify`.
    pub(super) fn all_tokens(&self) -> Result<Vec<Token>> {
        self.rows(
            &format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY id"),
            &[],
            token_row,
        )
    }
}

fn token_row(r: &Row) -> Result<Token> {
    let kind: &str = r.try_get(1)?;
    let access: &str = r.try_get(5)?;
    Ok(Token {
        id: r.try_get(0)?,
        kind: kind.parse()?,
        scope: Scope {
            tenant_id: r.try_get(2)?,
            application_id: r.try_get(3)?,
        },
        user_id: r.try_get(4)?,
        access: access.parse()?,
        secret_sha256: r.try_get(6)?,
        created_at: r.try_get(7)?,
        expires_at: r.try_get(8)?,
        revoked_at: r.try_get(9)?,
        actor: r.try_get(10)?,
        name: r.try_get(11)?,
    })
}
