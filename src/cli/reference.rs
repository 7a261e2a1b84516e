//! What a reader of `ledgerctl --help` and of the man pages looks up: what each exit status
//! means (the codes come from the kind table in `crate::error`) and every environment variable
//! the CLI reads (found in the clap definitions themselves).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Args, Subcommand};

use super::{Command, Global};
use crate::error::ErrorKind;

/// The meaning of a successful run.
const SUCCESS: &str = "Success, also a replayed reference_id.";

/// The kinds a command can stop with, in the order of their exit statuses.
const KINDS: [ErrorKind; 9] = [
    ErrorKind::Internal,
    ErrorKind::InvalidRequest,
    ErrorKind::Forbidden,
    ErrorKind::NotFound,
    ErrorKind::Conflict,
    ErrorKind::InvalidAmount,
    ErrorKind::Busy,
    ErrorKind::InvariantBroken,
    ErrorKind::Cancelled,
];

/// What an exit status means to a person at a terminal; `None` for the kinds only the HTTP
/// server answers with. No wildcard: a new kind must be explained here before it builds.
fn meaning(kind: ErrorKind) -> Option<&'static str> {
    match kind {
        ErrorKind::Internal => Some(
            "Internal error: a bug or a storage failure; or (PostgreSQL) the connection was lost during COMMIT, so the write may or may not have been applied: rerun it with the same --reference-id, or look at wallet history first.",
        ),
        ErrorKind::InvalidRequest => Some(
            "Invalid request: a missing or malformed argument, a bad id, an unknown currency, not a ledger file, a confirmation needed without a terminal.",
        ),
        ErrorKind::NotFound => Some("Not found: the ledger file, a wallet, transaction, freeze or token."),
        ErrorKind::Conflict => Some(
            "Conflict: insufficient balance, a wallet not active or not empty, a freeze already released, a reference_id reused with other parameters, an existing ledger.",
        ),
        ErrorKind::InvalidAmount => {
            Some("Invalid amount, an amount above what can be refunded, or a balance above the maximum.")
        }
        ErrorKind::Busy => Some(
            "The ledger is busy (another writer held the lock past --lock-timeout-ms), or its PostgreSQL database cannot be reached: nothing was written, safe to retry.",
        ),
        ErrorKind::InvariantBroken => Some("ledger verify found a broken invariant."),
        ErrorKind::Cancelled => Some("Cancelled: the answer at a confirmation was no (or Ctrl-C); nothing was written."),
        // The one a command meets shares invalid request's status (HTTP's 403).
        ErrorKind::Forbidden => Some(
            "Forbidden (HTTP 403): a withdrawal request decided by the actor who made it (same_actor); another user, or --actor, must decide it.",
        ),
        ErrorKind::Unauthenticated
        | ErrorKind::MethodNotAllowed
        | ErrorKind::PayloadTooLarge
        | ErrorKind::UnsupportedMediaType => None,
    }
}

/// Every exit status with its meaning, in order: 0, then each kind's own code, once (2's
/// meaning is an invalid request's and then `same_actor`'s, the one refusal of who asks).
pub fn exit_statuses() -> Vec<(u8, String)> {
    let mut statuses: Vec<(u8, String)> = vec![(0, SUCCESS.to_owned())];
    for kind in KINDS {
        let Some(meaning) = meaning(kind) else { continue };
        match statuses.last_mut() {
            Some((code, text)) if *code == kind.exit_code() => {
                text.push(' ');
                text.push_str(meaning);
            }
            _ => statuses.push((kind.exit_code(), meaning.to_owned())),
        }
    }
    statuses
}

/// Every environment variable any command reads, with what it sets, from the definitions.
pub fn environment(command: &clap::Command) -> Vec<(String, String)> {
    let mut found = BTreeMap::new();
    let mut stack = vec![command.clone()];
    while let Some(command) = stack.pop() {
        for arg in command.get_arguments() {
            if let Some(var) = arg.get_env() {
                let flag = arg.get_long().map(|l| format!("--{l}")).unwrap_or_default();
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                found
                    .entry(var.to_string_lossy().into_owned())
                    .or_insert_with(|| format!("{help} (as {flag}; the flag wins)."));
            }
        }
        stack.extend(command.get_subcommands().cloned());
    }
    found.into_iter().collect()
}

/// The end of `ledgerctl --help`: the exit statuses and the environment, from a command tree of
/// its own (`cli::command` adds it to the tree only when a line may print help).
pub fn after_long_help() -> String {
    let tree = Command::augment_subcommands(Global::augment_args(clap::Command::new("ledgerctl")));
    let mut text = String::from("Exit status:\n");
    for (code, meaning) in exit_statuses() {
        text.push_str(&hanging(&format!("  {code}  "), &meaning));
    }
    text.push_str("\nEnvironment:\n");
    for (var, help) in environment(&tree) {
        let _ = writeln!(text, "  {var}");
        text.push_str(&hanging("      ", &help));
    }
    text.trim_end().to_owned()
}

/// The widest help line: clap's own limit (`max_term_width`) less a margin, so clap, which
/// would wrap without indenting, leaves these lines as they are on any wide terminal.
const HELP_WIDTH: usize = 96;

/// `text` after `lead`, broken between words, every later line indented as deep as `lead`.
fn hanging(lead: &str, text: &str) -> String {
    let indent = " ".repeat(lead.chars().count());
    let mut out = String::new();
    let mut line = lead.to_owned();
    let mut bare = true; // no word on this line yet
    for word in text.split(' ') {
        if !bare && line.chars().count() + 1 + word.chars().count() > HELP_WIDTH {
            out.push_str(&line);
            out.push('\n');
            line.clone_from(&indent);
            bare = true;
        }
        if !bare {
            line.push(' ');
        }
        line.push_str(word);
        bare = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    /// The domain error holds only what a command can meet: each of its kinds has an exit
    /// status explained here, and each status explained here is some domain error's.
    #[test]
    fn the_explained_statuses_are_exactly_the_domain_error_kinds() {
        let domain: Vec<ErrorKind> = Error::one_of_each().iter().map(Error::kind).collect();
        for kind in &domain {
            assert!(
                KINDS.contains(kind) && meaning(*kind).is_some(),
                "{kind:?} is not explained"
            );
        }
        for kind in KINDS {
            assert!(
                domain.contains(&kind),
                "{kind:?} is explained but no domain error has it"
            );
        }
    }

    #[test]
    fn every_exit_status_from_0_to_8_is_explained_once_in_order() {
        let codes: Vec<u8> = exit_statuses().iter().map(|(code, _)| *code).collect();
        assert_eq!(codes, (0..=8).collect::<Vec<u8>>());
    }

    #[test]
    fn the_long_help_names_every_variable_and_status() {
        let text = after_long_help();
        for var in [
            "LEDGERCTL_DB",
            "LEDGERCTL_OUTPUT",
            "LEDGERCTL_CURRENCY",
            "LEDGERCTL_LISTEN",
        ] {
            assert!(text.contains(var), "{var} missing from:\n{text}");
        }
        assert!(text.contains("  8  Cancelled"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= HELP_WIDTH), "{text}");
    }
}
