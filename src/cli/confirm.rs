//! Every question the CLI asks before writing, and how it asks.
//!
//! The facts go above the question, one per line, and the question itself is short
//! (`Proceed? [y/N] `): it is printed once and never redrawn, so a narrow terminal that wraps a
//! long line cannot leave half of it on the screen twice. The answer is one key read in raw
//! mode; the cursor is never hidden. Ctrl-C, Ctrl-D, Escape, Enter and `n` all decline, which
//! is [`Error::Cancelled`]: its own exit status, nothing written.

use std::io::{self, IsTerminal};

use dialoguer::console::{Key, Term};

use crate::error::{Error, Result};
use crate::ledger::limits::BATCH_CONFIRM_LINES;
use crate::ledger::model::{Scope, TxType, WalletStatus};
use crate::ledger::operations::Operation;
use crate::ops;
use crate::store::Store;

/// A question needs a person: without a terminal the command is refused, naming `--yes`.
fn require_terminal(why: &str) -> Result<()> {
    if io::stdin().is_terminal() && io::stderr().is_terminal() {
        Ok(())
    } else {
        Err(Error::invalid(
            "confirmation",
            format!("{why}: confirm on a terminal, or pass --yes"),
        ))
    }
}

/// Shows `facts` (one per line) and asks `question`; only `y` goes on.
fn ask(facts: &[String], question: &str) -> Result<()> {
    let term = Term::stderr();
    let io_error = |e: io::Error| Error::internal(format!("asking for confirmation: {e}"));
    for fact in facts {
        term.write_line(fact).map_err(io_error)?;
    }
    term.write_str(&format!("{question} [y/N] ")).map_err(io_error)?;
    let yes = loop {
        match term.read_key_raw() {
            Ok(Key::Char('y' | 'Y')) => break true,
            // Ctrl-D arrives as its control character in raw mode.
            Ok(Key::Char('n' | 'N' | '\u{4}') | Key::Enter | Key::Escape | Key::CtrlC) => break false,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break false,
            Err(e) => {
                let _ = term.write_line("");
                return Err(io_error(e));
            }
        }
    };
    term.write_line(if yes { "yes" } else { "no" }).map_err(io_error)?;
    // Nothing here hides the cursor, but a terminal left without one by whatever ran before is
    // given it back: a person at this prompt is about to type again.
    term.show_cursor().map_err(io_error)?;
    if yes {
        Ok(())
    } else {
        Err(Error::Cancelled)
    }
}

/// Freezing or closing a wallet stops a user's money: show who and what, and ask.
pub(super) fn status(
    store: &mut Store,
    scope: &Scope,
    user: &str,
    to: WalletStatus,
    reason: Option<String>,
) -> Result<()> {
    // The rules run first, so a refusal (closing a wallet with money in it) is said before asking.
    let preview = ops::preview_status(store, scope, user, to, reason.clone())?;
    if preview.change.is_none() {
        return Ok(()); // already so: nothing will be written, nothing to confirm
    }
    require_terminal(&format!("setting a wallet {} stops its user's money", to.as_str()))?;
    let w = &preview.wallet;
    let c = w.currency;
    let facts = [
        format!("Set wallet {} to {}:", w.id, to.as_str()),
        format!("  user       {user}"),
        format!("  status     {} → {}", w.status.as_str(), to.as_str()),
        format!("  balance    {} {c}", c.format(w.balance())),
        format!("  available  {} {c}", c.format(w.available)),
        format!("  reason     {}", reason.as_deref().unwrap_or_default()),
    ];
    ask(&facts, "Proceed?")
}

/// Shows a person what an adjustment will do and asks; without a terminal, asks for `--yes`.
pub(super) fn adjustment(store: &mut Store, scope: &Scope, user: &str, op: &Operation) -> Result<()> {
    require_terminal("wallet adjust changes a balance by hand")?;
    let Some(plan) = ops::preview(store, scope, user, op)? else {
        return Ok(()); // a replay of an applied adjustment writes nothing: nothing to confirm
    };
    let e = &plan.entry;
    let c = e.currency;
    let direction = if e.kind == TxType::AdjustCredit {
        "Credit"
    } else {
        "Debit"
    };
    let facts = [
        format!("{direction} {} {c} by hand:", c.format(e.amount.minor())),
        format!("  wallet   {}", e.wallet_id),
        format!("  user     {user}"),
        format!(
            "  balance  {} → {} {c}",
            c.format(e.balance_before),
            c.format(e.balance_after)
        ),
        format!("  reason   {}", e.description.as_deref().unwrap_or_default()),
    ];
    ask(&facts, "Proceed?")
}

/// Revoking cannot be undone: name the token and whose it is, and ask.
pub(super) fn revoke(token: &crate::ledger::token::Token) -> Result<()> {
    require_terminal("token revoke cannot be undone")?;
    let mut facts = vec![
        format!("Revoke {}: every request with it is refused from now on.", token.id),
        format!("  scope   {}", token.access.as_str()),
        format!("  tenant  {}", token.scope.tenant_id),
        format!("  app     {}", token.scope.application_id),
    ];
    if let Some(user) = &token.user_id {
        facts.push(format!("  user    {user}"));
    }
    ask(&facts, "Revoke?")
}

/// A long batch moves a lot of money: show what it will do (the facts `rehearse` finds by a
/// dry run, only once a person is there to read them) and ask.
pub(super) fn batch(lines: usize, rehearse: impl FnOnce() -> Result<Vec<String>>) -> Result<()> {
    require_terminal(&format!(
        "a batch of {lines} lines (more than {BATCH_CONFIRM_LINES}) changes balances"
    ))?;
    let mut facts = vec![format!(
        "This batch has {lines} lines. A dry run against the ledger now gives:"
    )];
    facts.extend(rehearse()?);
    ask(&facts, &format!("Apply {lines} lines?"))
}
