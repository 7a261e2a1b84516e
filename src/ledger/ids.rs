//! Identifiers: prefixed, sortable ids the ledger mints, and checks on the ids users supply.

use std::borrow::Borrow;
use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

use super::limits::{ID_LEN_MAX, LOOKUP_ID_LEN_MAX, REFERENCE_ID_LEN_MAX};

/// An id of one kind of record, so a wallet's id cannot be passed where a transaction's is
/// meant. `mint` makes a new one; `new` takes one as stored or as a caller names it (the doors
/// check what users type, with [`check_lookup`] or [`check_minted`], before they look it up).
macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $prefix:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Its prefix, e.g. `wlt_`.
            pub const PREFIX: &'static str = $prefix;

            /// A new id, sorting after every id this process minted before.
            pub fn mint() -> $name {
                $name(mint($prefix))
            }

            /// An id as stored, or as a caller names it.
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        /// Read as text wherever text is meant (a message, a hash's canonical form, a view).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        /// Maps keyed by id are looked up by `&str` too.
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> $name {
                $name::new(id)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> $name {
                $name(id)
            }
        }

    };
}

record_id!(
    /// A wallet (`wlt_…`).
    WalletId,
    WALLET_PREFIX
);
record_id!(
    /// A journal entry, i.e. a wallet transaction (`txn_…`).
    TransactionId,
    TRANSACTION_PREFIX
);
record_id!(
    /// A freeze record (`frz_…`).
    FreezeId,
    FREEZE_PREFIX
);
record_id!(
    /// A bearer token or internal key (`tok_…`).
    TokenId,
    TOKEN_PREFIX
);
record_id!(
    /// A withdrawal request awaiting, or past, its review (`wdr_…`).
    WithdrawalRequestId,
    WITHDRAWAL_REQUEST_PREFIX
);

/// The prefixes of ids the ledger mints; a ULID follows, so ids sort by creation time.
pub const WALLET_PREFIX: &str = "wlt_";
pub const TRANSACTION_PREFIX: &str = "txn_";
pub const FREEZE_PREFIX: &str = "frz_";
pub const TOKEN_PREFIX: &str = "tok_";
pub const WITHDRAWAL_REQUEST_PREFIX: &str = "wdr_";

/// Mints a new id with a prefix, e.g. `txn_01JH4Q…`. Ids minted by one process sort in the
/// order they were minted, also within one millisecond (a batch mints thousands in one).
pub fn mint(prefix: &str) -> String {
    static GENERATOR: std::sync::Mutex<Option<ulid::Generator>> = std::sync::Mutex::new(None);
    let next = GENERATOR
        .lock()
        .ok()
        .and_then(|mut generator| generator.get_or_insert_with(ulid::Generator::new).generate().ok());
    // Not unwrap_or_default: Ulid's default is the all-zero nil id.
    let id = match next {
        Some(id) => id,
        None => ulid::Ulid::new(),
    };
    format!("{prefix}{id}")
}

/// Checks an id a user supplies (user, counterparty, tenant, application):
/// 1 to 64 bytes of ASCII letters, digits, `_`, `-`, `.`, `@`. Account names are built from
/// these with `:` separators, so a `:` or space could forge another account's name.
pub fn check_name<'a>(field: &str, value: &'a str) -> Result<&'a str> {
    if value.is_empty() || value.len() > ID_LEN_MAX {
        return Err(Error::invalid(field, format!("must be 1 to {ID_LEN_MAX} characters")));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '@');
    if !value.chars().all(allowed) {
        return Err(Error::invalid(
            field,
            format!("{value:?} may only contain letters, digits, '_', '-', '.' and '@'"),
        ));
    }
    Ok(value)
}

/// Checks a `reference_id`: 1 to `REFERENCE_ID_LEN_MAX` characters of UTF-8 without control
/// characters. It is kept and compared byte for byte (no trimming, no normalisation): it is the
/// caller's key, and two keys that look alike but differ are two requests.
pub fn check_reference<'a>(field: &str, value: &'a str) -> Result<&'a str> {
    let len = value.chars().count();
    if len == 0 || len > REFERENCE_ID_LEN_MAX {
        return Err(Error::invalid(
            field,
            format!("must be 1 to {REFERENCE_ID_LEN_MAX} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(value)
}

/// Checks a transaction or freeze id before it is looked up: only its length. Whatever its
/// shape, an id that names nothing is then "not found" (404), as payment APIs answer, so a
/// caller can tell a typo in an id from a malformed request.
pub fn check_lookup<'a>(field: &str, value: &'a str) -> Result<&'a str> {
    let len = value.chars().count();
    if len == 0 || len > LOOKUP_ID_LEN_MAX {
        return Err(Error::invalid(
            field,
            format!("must be 1 to {LOOKUP_ID_LEN_MAX} characters"),
        ));
    }
    Ok(value)
}

/// Checks an id the ledger minted (`tok_…`, a `txn_…` cursor) before it is used.
pub fn check_minted<'a>(field: &str, prefix: &str, value: &'a str) -> Result<&'a str> {
    let well_formed = value
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.parse::<ulid::Ulid>().is_ok() && rest.len() == 26);
    if !well_formed {
        return Err(Error::invalid(field, format!("{value:?} is not a {prefix}… id")));
    }
    Ok(value)
}

/// The names among `known` closest to `name` by edit distance (at most a third of its
/// characters, and at least 2, changed), nearest first, at most `max`: "did you mean" hints.
pub fn closest<'a>(name: &str, known: &'a [String], max: usize) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (edit_distance(name, k), k.as_str()))
        .filter(|(distance, _)| *distance <= limit)
        .collect();
    near.sort_unstable();
    near.into_iter().take(max).map(|(_, k)| k).collect()
}

/// Levenshtein distance in characters (insertions, deletions, substitutions), one row at a time.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_ids_are_prefixed_and_check_out() {
        let id = mint(TRANSACTION_PREFIX);
        assert!(id.starts_with("txn_"));
        assert!(check_minted("transaction_id", TRANSACTION_PREFIX, &id).is_ok());
        assert!(check_minted("freeze_id", FREEZE_PREFIX, &id).is_err());
        assert!(check_minted("transaction_id", TRANSACTION_PREFIX, "txn_abc").is_err());
    }

    #[test]
    fn ids_minted_in_a_row_sort_in_order() {
        let ids: Vec<String> = (0..1000).map(|_| mint(FREEZE_PREFIX)).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn user_supplied_names_cannot_forge_account_names() {
        assert!(check_name("user_id", "usr_1").is_ok());
        assert!(check_name("user_id", "alice@example.com").is_ok());
        for bad in ["", "a:b", "a b", "ü", &"x".repeat(65), "a\nb"] {
            assert!(check_name("user_id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn references_are_any_printable_text_up_to_the_limit() {
        for good in [
            "order:2026/04/15#1",
            " spaced ",
            "заказ-1",
            &"x".repeat(128),
            &"é".repeat(128),
        ] {
            assert_eq!(check_reference("reference_id", good).unwrap(), good);
        }
        for bad in ["", &"x".repeat(129), "a\nb", "a\tb", "a\u{7f}", "a\u{85}"] {
            assert!(check_reference("reference_id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_closest_names_are_a_few_edits_away_nearest_first() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("mch_stroe", "mch_store"), 2);
        let known: Vec<String> = ["mch_store", "mch_stores", "mch_1", "acme"].map(String::from).to_vec();
        assert_eq!(closest("mch_stroe", &known, 3), ["mch_store", "mch_stores"]);
        assert_eq!(closest("mch_2", &known, 3), ["mch_1"]);
        assert!(closest("zzzzzzzz", &known, 3).is_empty());
        assert_eq!(closest("mch_store", &known, 1), ["mch_store"]);
    }

    #[test]
    fn lookups_only_refuse_empty_or_over_long_ids() {
        assert!(check_lookup("transaction_id", "txn_abc123").is_ok());
        assert!(check_lookup("transaction_id", "").is_err());
        assert!(check_lookup("transaction_id", &"x".repeat(129)).is_err());
    }
}
