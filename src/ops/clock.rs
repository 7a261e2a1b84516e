//! The clock the ledger stamps its records with, injected once per process.
//!
//! Production reads the system clock. Tests pin it so that no test has to sleep to separate two
//! timestamps and point-in-time tests choose their instants: the binary reads
//! [`FAKE_NOW_ENV`] at start-up, a library caller calls [`set_clock`]. Only timestamps move:
//! ids keep coming from the real clock through a monotonic generator, and `seq` from SQLite, so
//! two entries in the same pinned instant still get distinct ids and seq, in order.

use std::sync::RwLock;

use chrono::{DateTime, SubsecRound, Utc};

use crate::error::{Error, Result};
use crate::ledger::time::Timestamp;

/// The test-only environment variable that pins the binary's clock, e.g.
/// `LEDGERCTL_FAKE_NOW=2026-04-15T10:30:00Z`. A release build refuses to start with it set, and
/// `serve` always does: a production ledger never records a made-up time.
pub const FAKE_NOW_ENV: &str = "LEDGERCTL_FAKE_NOW";

/// Where "now" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The system clock: the only clock of a production ledger.
    System,
    /// A pinned instant, for tests only; named so that no caller picks it by accident.
    FixedForTests(DateTime<Utc>),
}

impl Clock {
    /// The current instant, whole seconds, as the ledger keeps time.
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now().trunc_subsecs(0),
            Clock::FixedForTests(at) => at.trunc_subsecs(0),
        }
    }

    /// The clock [`FAKE_NOW_ENV`] asks for: the system clock when it is unset. A set but
    /// unreadable value is an error, never silently the system clock; so is any value in a
    /// release build, which has no test clock.
    pub fn from_env() -> Result<Clock> {
        let Some(value) = std::env::var_os(FAKE_NOW_ENV) else {
            return Ok(Clock::System);
        };
        if !cfg!(debug_assertions) {
            return Err(Error::invalid(
                FAKE_NOW_ENV,
                "is a test-only setting that a release build refuses: unset it",
            ));
        }
        let text = value.to_string_lossy();
        let at = DateTime::parse_from_rfc3339(&text).map_err(|_| {
            Error::invalid(
                FAKE_NOW_ENV,
                format!("{text:?} is not an RFC 3339 time (2026-04-15T10:30:00Z)"),
            )
        })?;
        Ok(Clock::FixedForTests(at.with_timezone(&Utc)))
    }
}

static CLOCK: RwLock<Clock> = RwLock::new(Clock::System);

/// Injects the clock every later operation of this process stamps its records with.
pub fn set_clock(clock: Clock) {
    // A poisoned lock still holds a valid Clock (a Copy value): take it over.
    *CLOCK.write().unwrap_or_else(|e| e.into_inner()) = clock;
}

/// The clock in force.
pub fn clock() -> Clock {
    *CLOCK.read().unwrap_or_else(|e| e.into_inner())
}

/// The current time, as the ledger keeps it.
pub fn now() -> Timestamp {
    Timestamp::at(clock().now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stands_still_and_the_system_clock_moves_on() {
        let at = DateTime::parse_from_rfc3339("2026-04-15T10:30:00.750Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            Timestamp::at(Clock::FixedForTests(at).now()).to_string(),
            "2026-04-15T10:30:00Z"
        );
        assert!(Clock::System.now() > at);
    }
}
