//! A store that reopens itself when its connection is gone: what a long-running writer holds,
//! so that a PostgreSQL restart, an ended session or a network failure costs the requests that
//! were in flight, not every request after them. A SQLite file never loses its connection, so
//! over one nothing here ever acts.

use std::time::{Duration, Instant};

use super::{DbLocation, Store};
use crate::error::Error;
use crate::ledger::limits::{RECONNECT_BACKOFF_BASE_MS, RECONNECT_BACKOFF_MAX_MS};

/// An open store, or the failure to reopen it and when to try again.
pub struct Reconnecting {
    db: DbLocation,
    lock_timeout_ms: u64,
    state: State,
}

enum State {
    Open(Store),
    Down(Down),
}

/// An outage: why the last attempt failed, how many have failed, when the next may be made.
struct Down {
    error: Error,
    failures: u32,
    retry_at: Instant,
}

/// What [`Reconnecting::refresh`] found, for the server log.
#[derive(Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The connection was found gone.
    Lost,
    /// The first attempt to reopen it failed; later failures of the same outage are not
    /// reported again.
    Unreachable(&'a Error),
    /// Reopened, after this many failed attempts.
    Restored { failures: u32 },
}

impl Reconnecting {
    /// Holds `store`, opened from `db` with `lock_timeout_ms`, which a new one is opened with.
    pub fn new(store: Store, db: DbLocation, lock_timeout_ms: u64) -> Reconnecting {
        Reconnecting {
            db,
            lock_timeout_ms,
            state: State::Open(store),
        }
    }

    /// Makes sure the store can be used: a store whose connection is gone is dropped and
    /// reopened at once; after a failed attempt the next is made no sooner than a pause
    /// that doubles from `RECONNECT_BACKOFF_BASE_MS` up to `RECONNECT_BACKOFF_MAX_MS`, so that
    /// a database that is down is not hammered by every request. `report` hears what changed.
    pub fn refresh(&mut self, now: Instant, report: &mut dyn FnMut(Event)) {
        let failures = match &mut self.state {
            State::Open(store) => {
                if store.is_alive() {
                    return;
                }
                report(Event::Lost);
                0
            }
            State::Down(down) if now < down.retry_at => return,
            State::Down(down) => down.failures,
        };
        self.state = match Store::open(&self.db, self.lock_timeout_ms) {
            Ok(store) => {
                report(Event::Restored { failures });
                State::Open(store)
            }
            Err(error) => {
                let failures = failures + 1;
                if failures == 1 {
                    report(Event::Unreachable(&error));
                }
                State::Down(Down {
                    error,
                    failures,
                    retry_at: now + pause_after(failures),
                })
            }
        };
    }

    /// The ledger's path, or its URL without the password.
    pub fn shown(&self) -> String {
        self.db.shown()
    }

    /// The open store, or what requests are answered while there is none: `database_unavailable`
    /// (never started, nothing written), with the last attempt's cause.
    pub fn store(&mut self) -> Result<&mut Store, Error> {
        match &mut self.state {
            State::Open(store) => Ok(store),
            State::Down(down) => Err(match &down.error {
                unavailable @ Error::DatabaseUnavailable { .. } => unavailable.clone(),
                other => Error::DatabaseUnavailable {
                    shown: Some(self.db.shown()),
                    cause: format!("it cannot be reopened: {other}"),
                },
            }),
        }
    }
}

/// The pause after the `failures`-th failed attempt in a row (1 first).
fn pause_after(failures: u32) -> Duration {
    let factor = 2u64.checked_pow(failures.saturating_sub(1)).unwrap_or(u64::MAX);
    Duration::from_millis(
        RECONNECT_BACKOFF_BASE_MS
            .saturating_mul(factor)
            .min(RECONNECT_BACKOFF_MAX_MS),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_between_attempts_doubles_from_the_base_up_to_the_max() {
        let ms = |failures| pause_after(failures).as_millis();
        assert_eq!(ms(1), u128::from(RECONNECT_BACKOFF_BASE_MS));
        assert_eq!(ms(2), u128::from(RECONNECT_BACKOFF_BASE_MS * 2));
        assert_eq!(ms(3), u128::from(RECONNECT_BACKOFF_BASE_MS * 4));
        assert_eq!(ms(40), u128::from(RECONNECT_BACKOFF_MAX_MS));
        assert_eq!(ms(u32::MAX), u128::from(RECONNECT_BACKOFF_MAX_MS));
    }

    #[test]
    fn a_sqlite_store_is_never_reopened() {
        let dir = tempfile::tempdir().unwrap();
        let db = DbLocation::Path(dir.path().join("books.db"));
        let store = Store::create(&db, 100).unwrap();
        let mut reconnecting = Reconnecting::new(store, db, 100);
        let mut events = Vec::new();
        reconnecting.refresh(Instant::now(), &mut |event| events.push(format!("{event:?}")));
        assert!(events.is_empty(), "{events:?}");
        assert!(reconnecting.store().is_ok());
    }
}
