//! The instants the ledger records: when an entry was made, a wallet changed, a freeze was
//! released, a token expires.

use std::fmt;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Serialize, Serializer};

/// The one way the ledger writes an instant: RFC 3339 in UTC, whole seconds, with a `Z`.
const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// An instant as the ledger keeps it: UTC, to the whole second. Compared as an instant; written
/// (in the database, in a hash's canonical form, on the wire) as `2026-04-15T10:30:00Z`, a text
/// that sorts as the instants do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The instant, its fraction of a second dropped.
    pub fn at(instant: DateTime<Utc>) -> Timestamp {
        Timestamp(instant.trunc_subsecs(0))
    }

    /// A stored instant. Only the ledger's own form is read, and only if it writes back byte for
    /// byte: a hash covers the text, so a time that reads the same but is spelled otherwise
    /// (another offset, a fraction) would change the hash if it were accepted and rewritten.
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let instant = DateTime::parse_from_rfc3339(text)
            .map(|t| Timestamp::at(t.with_timezone(&Utc)))
            .map_err(|_| format!("{text:?} is not a time as the ledger writes it (2026-04-15T10:30:00Z)"))?;
        if instant.to_string() != text {
            return Err(format!(
                "{text:?} is not written as the ledger writes times (2026-04-15T10:30:00Z)"
            ));
        }
        Ok(instant)
    }

    pub fn instant(self) -> DateTime<Utc> {
        self.0
    }
}

impl std::str::FromStr for Timestamp {
    type Err = String;
    fn from_str(text: &str) -> Result<Timestamp, String> {
        Timestamp::parse(text)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_reads_back_exactly_what_it_writes() {
        let at = Timestamp::parse("2026-04-15T10:30:00Z").unwrap();
        assert_eq!(at.to_string(), "2026-04-15T10:30:00Z");
        assert_eq!(serde_json::to_string(&at).unwrap(), "\"2026-04-15T10:30:00Z\"");
        for other in [
            "2026-04-15T10:30:00+00:00",
            "2026-04-15T10:30:00.5Z",
            "2026-04-15 10:30:00",
            "",
            "x",
        ] {
            assert!(Timestamp::parse(other).is_err(), "{other:?}");
        }
    }

    #[test]
    fn instants_compare_as_instants_and_drop_their_fraction() {
        let instant = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let early = Timestamp::at(instant("2026-04-15T10:30:00.999Z"));
        assert_eq!(early, Timestamp::parse("2026-04-15T10:30:00Z").unwrap());
        // 12:00 at +02:00 is 10:00 UTC: earlier, though its text sorts later.
        assert!(Timestamp::at(instant("2026-04-15T12:00:00+02:00")) < early);
        assert!(early < Timestamp::at(instant("2026-04-15T10:30:01Z")));
    }
}
