//! The instants the ledger records: when an entry was made, a wallet changed, a freeze was
//! released, a token expires.

use std::fmt;

use chrono::{DateTime, Datelike, SubsecRound, Timelike, Utc};
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
    /// `FORMAT`, written digit by digit: chrono reads its format string again for every instant
    /// it writes, which showed in the server's profile (several instants per entry written).
    /// Years outside 0 to 9999 and leap seconds, which chrono writes otherwise, go through it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (date, time) = (self.0.date_naive(), self.0.time());
        let year = u32::try_from(date.year()).ok().filter(|year| *year <= 9999);
        let (Some(year), false) = (year, time.nanosecond() >= 1_000_000_000) else {
            return write!(f, "{}", self.0.format(FORMAT));
        };
        let mut text = *b"0000-00-00T00:00:00Z";
        for (at, width, value) in [
            (0, 4, year),
            (5, 2, date.month()),
            (8, 2, date.day()),
            (11, 2, time.hour()),
            (14, 2, time.minute()),
            (17, 2, time.second()),
        ] {
            let mut rest = value;
            for digit in text[at..at + width].iter_mut().rev() {
                *digit = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
        }
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
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
    fn instants_are_written_as_chrono_writes_the_format() {
        let instant = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let mut instants: Vec<DateTime<Utc>> = [
            "0000-01-01T00:00:00Z",
            "0999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z",
            "2026-04-15T10:30:07.9Z",
            "9999-12-31T23:59:59Z",
            // A leap second, and a year past 9999: chrono writes them its own way.
            "2016-12-31T23:59:60Z",
        ]
        .into_iter()
        .map(instant)
        .collect();
        instants.push(instant("9999-12-31T23:59:59Z") + chrono::Duration::days(400));
        instants.extend((0..2_000).map(|n| instant("2024-02-28T22:58:57Z") + chrono::Duration::seconds(n * 7_919)));
        for at in instants {
            let at = Timestamp::at(at);
            assert_eq!(at.to_string(), at.0.format(FORMAT).to_string());
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
