//! `ledgerctl token …`: make, list and revoke the credentials `serve` accepts.

use std::io::{IsTerminal, Write};

use clap::Subcommand;

use super::PageArgs;
use crate::cli::{confirm, Context, Stop};
use crate::ledger::model::Scope;
use crate::ledger::token::{Access, TokenKind};
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token for --tenant and --app; its secret is printed this once and stored hashed
    #[command(
        after_help = "Examples:\n  ledgerctl --tenant acme --app shop token create --scope write --expires 30d\n  \
ledgerctl --tenant acme --app shop token create --user alice --scope read\n  \
ledgerctl --tenant acme --app shop token create --scope admin --name finance-ops\n  \
ledgerctl --tenant acme --app shop token create --internal"
    )]
    Create {
        /// Reach only this user's wallet (default: every wallet of the tenant and application)
        #[arg(long, value_name = "ID", conflicts_with = "internal")]
        user: Option<String>,
        /// read: the GET routes only; write: every wallet route; admin: the /admin/… routes too
        #[arg(long, value_enum, default_value_t = TokenScope::Read, conflicts_with = "internal")]
        scope: TokenScope,
        /// Lifetime (30d, 12h, 90m) or an RFC 3339 moment; at most 3650 days (default: never)
        #[arg(long, value_name = "WHEN")]
        expires: Option<String>,
        /// An internal API key (X-API-Key) for POST /internal/wallet/refund instead of a bearer token
        #[arg(long)]
        internal: bool,
        /// A label for people, shown by `token list` (e.g. what or who the token is for)
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
    },
    /// List every token of every tenant, newest first (never their secrets)
    List {
        #[command(flatten)]
        page: PageArgs,
    },
    /// Revoke a token for good: its next request is refused with 401
    Revoke {
        /// The token's id (tok_…), as `token list` shows it
        token_id: String,
    },
}

/// What a bearer token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TokenScope {
    /// The GET routes only
    Read,
    /// Every wallet route, money movements included
    Write,
    /// Every route, the /admin/… ones too, on every wallet of the tenant and application; never
    /// bound to one user
    Admin,
}

impl TokenCommand {
    /// Whether the command writes to the ledger; `list` only reads it.
    pub(crate) fn writes(&self) -> bool {
        match self {
            TokenCommand::List { .. } => false,
            TokenCommand::Create { .. } | TokenCommand::Revoke { .. } => true,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        match self {
            TokenCommand::List { .. } => true,
            TokenCommand::Create { .. } | TokenCommand::Revoke { .. } => false,
        }
    }
}

pub(in crate::cli) fn exec<W: Write>(command: &TokenCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let store = &mut ctx.open_for(command.writes())?;
    match command {
        TokenCommand::Create {
            user,
            scope,
            expires,
            internal,
            name,
        } => {
            let new = ops::NewToken {
                kind: if *internal {
                    TokenKind::Internal
                } else {
                    TokenKind::Bearer
                },
                scope: ctx.scope.clone(),
                user_id: user.clone(),
                access: match (scope, internal) {
                    (_, true) | (TokenScope::Write, _) => Access::Write,
                    (TokenScope::Read, false) => Access::Read,
                    (TokenScope::Admin, false) => Access::Admin,
                },
                expires: expires.clone(),
                name: name.clone(),
            };
            let (token, secret) = ops::create_token(store, &new, &ctx.actor)?;
            if token.access == Access::Admin {
                warn_admin(&token.scope);
            }
            out.token_created(&token, &secret)?;
        }
        TokenCommand::List { page } => out.tokens(&ops::list_tokens(store, page.request()?)?)?,
        TokenCommand::Revoke { token_id } => revoke(token_id, ctx, store, out)?,
    }
    Ok(())
}

/// A person making an admin token is told once what it can do; a script's stderr is left alone
/// (its output stays exactly as it was for the other scopes).
fn warn_admin(scope: &Scope) {
    if std::io::stderr().is_terminal() {
        eprintln!(
            "warning: this admin token can move money on every wallet of tenant {} application {} \
(status changes and adjustments); keep its secret like a password, and revoke it when done",
            scope.tenant_id, scope.application_id
        );
    }
}

fn revoke<W: Write>(token_id: &str, ctx: &Context, store: &mut Store, out: &mut Printer<W>) -> Result<(), Stop> {
    let token = ops::show_token(store, token_id)?;
    if token.revoked_at.is_none() && !ctx.global.yes {
        confirm::revoke(&token)?;
    }
    let (token, revoked) = ops::revoke_token(store, token_id)?;
    out.token(&token, if revoked { "revoked" } else { "already revoked" })?;
    Ok(())
}
