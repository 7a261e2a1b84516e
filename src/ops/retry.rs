//! Running a write transaction again when the database undid it because a concurrent one
//! conflicted with it ([`Error::Retry`]: PostgreSQL's serialization failures, deadlocks and
//! concurrent duplicates; SQLite waits on its busy timeout instead and never reports one).
//!
//! Only a transaction the database rolled back whole is run again, so a request is never
//! applied twice: a failure before COMMIT, or a COMMIT the database refused. A commit whose
//! outcome is unknown (the connection lost during COMMIT) is another error, answered as it is.
//! An attempt must therefore be repeatable: whatever it does outside the transaction (count
//! progress, start a request, hand out an answer) is done after the commit, or once across
//! attempts by the caller.
//!
//! [`Error::Retry`]: crate::error::Error::Retry

use std::time::Duration;

use crate::error::Result;
use crate::ledger::limits::{RETRY_ATTEMPTS_MAX, RETRY_BACKOFF_BASE_MS, RETRY_BACKOFF_CAP_MS};

/// Runs `attempt`, one whole write transaction, until it succeeds, fails with anything but
/// `Error::Retry`, or has run `RETRY_ATTEMPTS_MAX` times, and answers as its last run did:
/// when the attempts run out, that is the last `Error::Retry` (`ledger_busy`, retry later).
/// Between runs it sleeps a random time under a bound that doubles each time (full jitter), so
/// writers that conflicted once do not meet again in step.
pub fn retrying<T>(attempt: impl FnMut() -> Result<T>) -> Result<T> {
    retrying_with(attempt, |retry| std::thread::sleep(backoff(retry, random())))
}

/// [`retrying`] with its pause given: `pause(n)` before the retry numbered `n` (0 first).
fn retrying_with<T>(mut attempt: impl FnMut() -> Result<T>, mut pause: impl FnMut(u32)) -> Result<T> {
    let mut attempts = 1;
    loop {
        match attempt() {
            Err(e) if e.retryable() && attempts < RETRY_ATTEMPTS_MAX => {
                pause(attempts - 1);
                attempts += 1;
            }
            answer => return answer,
        }
    }
}

/// The longest pause before retry `n` (0 first): `RETRY_BACKOFF_BASE_MS · 2^n`, at most
/// `RETRY_BACKOFF_CAP_MS`.
fn backoff_ceiling(n: u32) -> Duration {
    let cap = Duration::from_millis(RETRY_BACKOFF_CAP_MS);
    2u32.checked_pow(n)
        .and_then(|factor| Duration::from_millis(RETRY_BACKOFF_BASE_MS).checked_mul(factor))
        .map_or(cap, |ceiling| ceiling.min(cap))
}

/// The pause before retry `n`: uniform from zero to its ceiling, to the microsecond, drawn from
/// `random`. Without randomness the whole ceiling: no jitter, but still bounded.
fn backoff(n: u32, random: Option<u64>) -> Duration {
    let ceiling_us = u64::try_from(backoff_ceiling(n).as_micros()).unwrap_or(u64::MAX);
    let pause_us = random.map_or(ceiling_us, |r| r % ceiling_us.saturating_add(1));
    Duration::from_micros(pause_us)
}

/// 64 bits from the operating system's generator; `None` if it cannot give them, which only
/// costs the jitter.
fn random() -> Option<u64> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).ok()?;
    Some(u64::from_le_bytes(bytes))
}

#[cfg(test)]
mod tests;
