//! The server's token checks from memory, with a revocation still refused at the very next
//! request.
//!
//! The full check ([`super::authenticate`]) reads a token's row and its audit records; the
//! server ran it on a blocking thread for every request, and handing each request to that
//! thread and back was about a fifth of the server's time under load. [`TokenCache`] remembers
//! every token that authenticated, keyed by its secret's SHA-256 (never the secret), and
//! answers from memory for as long as nothing the answer depends on can have changed:
//!
//! - SQLite's `data_version`, read on the cache's own connection, differs from its last reading
//!   whenever any other connection has committed (another process's, or the server's own
//!   writer). While it has not moved, every remembered row is the stored one.
//! - When it has moved, two reads of one row each say whether any token may have changed: the
//!   audit chain's last `seq` (`token create` and `token revoke` each append a record, in the
//!   same transaction as the row) and the schema's version (changing a token or an audit record
//!   in any other way than these needs a guard trigger dropped first). If either moved, every
//!   token is forgotten. If neither did (the server's own writes), the token at hand is read
//!   again by its id, and forgotten unless its row is the one remembered: a revocation made by
//!   hand, with no audit record, is refused at once as well.
//!
//! Every answer from memory is still judged by [`Presented::authenticate`] at the current time,
//! so a token expires on time; a token not remembered is checked in full, as before.
//!
//! PostgreSQL keeps no such counter that a session can read without a round trip to the
//! server, and a round trip costs what the full check costs: there every request is checked in
//! full, as before.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use crate::error::Result;
use crate::ledger::limits::TOKEN_CACHE_ENTRIES_MAX;
use crate::ledger::time::Timestamp;
use crate::ledger::token::{Presented, Token, TokenKind, Unauthenticated};
use crate::store::{DbLocation, Queries, Storage, Store};

/// A server's remembered tokens and the connection that tells when to forget them.
pub struct TokenCache {
    /// The ledger file; `None` on PostgreSQL, where nothing is remembered.
    db: Option<DbLocation>,
    state: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    /// The cache's own connection: opened by the first full check (on a blocking thread), with
    /// no busy timeout, so that it never waits for a lock.
    store: Option<Store>,
    /// The marks it read last.
    seen: Option<Seen>,
    /// Moves each time every token is forgotten: a full check that began before may have read
    /// the ledger as it was before the change, and must not add its token afterwards.
    generation: u64,
    /// By the SHA-256 (hex) of the presented secret.
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    data_version: i64,
    schema_version: i64,
    audit_head: Option<i64>,
}

struct Entry {
    token: Token,
    /// The `data_version` at which the stored row was last found to be this one.
    checked_at: i64,
}

/// The cache as a full check found it before it read: what its token is remembered against.
struct Ticket {
    generation: u64,
    data_version: i64,
}

impl TokenCache {
    /// A cache for the ledger at `db`; on PostgreSQL one that never remembers.
    pub fn new(db: &DbLocation) -> TokenCache {
        TokenCache {
            db: matches!(db, DbLocation::Path(_)).then(|| db.clone()),
            state: Mutex::new(Remembered::default()),
        }
    }

    /// The answer without a read of the ledger, if there is one: a malformed credential's
    /// refusal, or the judgement at `now` of a remembered token whose row still holds. `None`
    /// sends the request to [`TokenCache::check`].
    ///
    /// Runs on the caller's thread, a server's async worker, which must never wait long. It
    /// does at most a few statements that are each bounded: reading `data_version` and the
    /// schema's version (the WAL index in shared memory and the file's header), and, after a
    /// commit, the audit chain's last row and one token row, each one index seek. In WAL mode a
    /// reader never waits for the writer, and this connection has no busy timeout: should
    /// SQLite answer busy (a connection recovering the WAL after a crash), the read fails at
    /// once and the request goes to the full check. The lock is held only for those statements.
    pub fn answer(&self, presented: &str, kind: TokenKind, now: Timestamp) -> Option<Result<Token, Unauthenticated>> {
        let presented = match Presented::parse(presented) {
            Ok(presented) => presented,
            Err(refused) => return Some(Err(refused)),
        };
        self.db.as_ref()?;
        let key = presented.secret_sha256();
        let mut state = self.lock()?;
        let data_version = state.refresh()?;
        let token = state.current(&key, data_version)?;
        let answer = presented.authenticate(Some(token), kind, now);
        if answer.is_err() {
            // Expired, or presented where its kind does not go: the full check says the same.
            state.entries.remove(&key);
        }
        Some(answer)
    }

    /// The full check ([`super::authenticate`]) on `store`, a read connection (so on a blocking
    /// thread); a token that authenticates is remembered.
    pub fn check(&self, store: &mut Store, presented: &str, kind: TokenKind) -> Result<Result<Token, Unauthenticated>> {
        let ticket = self.ticket();
        let checked = super::authenticate(store, presented, kind)?;
        if let (Ok(token), Some(ticket), Ok(presented)) = (&checked, ticket, Presented::parse(presented)) {
            self.remember(ticket, presented.secret_sha256(), token);
        }
        Ok(checked)
    }

    fn lock(&self) -> Option<MutexGuard<'_, Remembered>> {
        // A poisoned lock (a panic while it was held) is left alone: every request is then
        // checked in full, as without a cache.
        self.state.lock().ok()
    }

    /// Opens the cache's connection if it has none, and reads its marks.
    fn ticket(&self) -> Option<Ticket> {
        let db = self.db.as_ref()?;
        if self.lock()?.store.is_none() {
            // Opened outside the lock: opening takes a while, and answers must not wait for it.
            let opened = Store::open(db, 0).ok()?;
            self.lock()?.store.get_or_insert(opened);
        }
        let mut state = self.lock()?;
        let data_version = state.refresh()?;
        Some(Ticket {
            generation: state.generation,
            data_version,
        })
    }

    fn remember(&self, ticket: Ticket, key: String, token: &Token) {
        let Some(mut state) = self.lock() else { return };
        if state.generation != ticket.generation {
            return;
        }
        if state.entries.len() >= TOKEN_CACHE_ENTRIES_MAX && !state.entries.contains_key(&key) {
            // Which token makes room matters little: it is checked in full at its next use.
            if let Some(evicted) = state.entries.keys().next().cloned() {
                state.entries.remove(&evicted);
            }
        }
        state.entries.insert(
            key,
            Entry {
                token: token.clone(),
                checked_at: ticket.data_version,
            },
        );
    }
}

impl Remembered {
    /// Reads the connection's marks, forgets every token if any may have changed, and returns
    /// the `data_version` read. `None` without a connection, or when a read failed: the
    /// connection is then closed (its state is unknown) and everything forgotten.
    fn refresh(&mut self) -> Option<i64> {
        let read = self.read_marks();
        if read.is_none() {
            self.close();
        }
        read
    }

    fn close(&mut self) {
        self.store = None;
        self.seen = None;
        self.forget_all();
    }

    fn read_marks(&mut self) -> Option<i64> {
        let store = self.store.as_mut()?;
        let data_version = store.data_version().ok()??;
        if self.seen.is_some_and(|seen| seen.data_version == data_version) {
            return Some(data_version);
        }
        // Read after `data_version`: a commit in between moves `data_version` again, so the
        // next reading looks once more. A schema change is a commit too, so the schema's
        // version need not be read while `data_version` stands still.
        let schema_version = store.schema_cookie().ok()??;
        let audit_head = store.read(|tx| Ok(tx.audit_head()?.map(|(seq, _)| seq))).ok()?;
        let seen = Seen {
            data_version,
            schema_version,
            audit_head,
        };
        let tokens_alike = self
            .seen
            .is_some_and(|before| (before.schema_version, before.audit_head) == (schema_version, audit_head));
        if !tokens_alike {
            self.forget_all();
        }
        self.seen = Some(seen);
        Some(data_version)
    }

    /// The remembered token of `key`, its row read again if anything was committed since it
    /// was last found as remembered; `None` if it is not remembered (any more).
    fn current(&mut self, key: &str, data_version: i64) -> Option<&Token> {
        let entry = self.entries.get(key)?;
        if entry.checked_at != data_version {
            let id = entry.token.id.clone();
            let row = self.store.as_mut()?.read(|tx| tx.token(&id));
            let entry = self.entries.get_mut(key)?;
            match row {
                Ok(Some(stored)) if stored == entry.token => entry.checked_at = data_version,
                Ok(_) => {
                    self.entries.remove(key);
                    return None;
                }
                Err(_) => {
                    self.close();
                    return None;
                }
            }
        }
        self.entries.get(key).map(|entry| &entry.token)
    }

    fn forget_all(&mut self) {
        self.entries.clear();
        self.generation += 1;
    }
}

#[cfg(test)]
mod tests;
