//! Tokens: a new one with its secret (printed this once), one, and a page of them.

use std::io::{self, Write};

use super::records::{grid, token_table};
use super::table::Column;
use super::views::{CreatedTokenView, Envelope, ListEnvelope, TokenView};
use super::{Format, Printer};
use crate::ledger::request::Paged;
use crate::ledger::token::{Token, TokenKind};

impl<W: Write> Printer<W> {
    /// A new token with its secret: the only time the secret is ever printed.
    pub fn token_created(&mut self, token: &Token, secret: &str) -> io::Result<()> {
        let view = TokenView::new(token, self.now);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::ok(
                CreatedTokenView {
                    token: view,
                    secret: secret.to_owned(),
                },
                self.now,
            )),
            Format::Table => {
                self.table(Some(&format!("Token {}", view.id)), &token_table(&view))?;
                let header = match token.kind {
                    TokenKind::Bearer => "Authorization: Bearer",
                    TokenKind::Internal => "X-API-Key:",
                };
                writeln!(
                    self.out,
                    "\nSecret (shown only this once; send it as `{header} <secret>`):\n{secret}"
                )
            }
        }
    }

    pub fn token(&mut self, token: &Token, message: &str) -> io::Result<()> {
        let view = TokenView::new(token, self.now);
        match self.format {
            Format::Json | Format::Csv => self.json(&Envelope::with_message(message, &view, self.now)),
            Format::Table => self.table(Some(&format!("Token {} ({message})", view.id)), &token_table(&view)),
        }
    }

    pub fn tokens(&mut self, page: &Paged<Token>) -> io::Result<()> {
        let now = self.now;
        let list = ListEnvelope::new(page, |t| TokenView::new(t, now), self.now);
        match self.format {
            Format::Json => self.json(&list),
            Format::Csv => self.csv(&list.items),
            Format::Table => {
                let mut t = grid(vec![
                    Column::plain("TOKEN", 0),
                    Column::plain("KIND", 4),
                    Column::plain("TENANT", 2),
                    Column::plain("APP", 2),
                    Column::plain("USER", 3),
                    Column::plain("SCOPE", 0),
                    Column::plain("STATUS", 0),
                    Column::plain("EXPIRES", 1),
                    // Free text, so last: piped, every column before it is one word.
                    Column::text("NAME", 5),
                ]);
                for v in &list.items {
                    t.add_row(vec![
                        v.id.as_str(),
                        v.kind,
                        &v.tenant_id,
                        &v.application_id,
                        v.user_id.as_deref().unwrap_or("(any)"),
                        v.scope,
                        v.status,
                        v.expires_at.as_deref().unwrap_or("never"),
                        v.name.as_deref().unwrap_or_default(),
                    ]);
                }
                self.table(None, &t)?;
                self.footer(&list)
            }
        }
    }
}
