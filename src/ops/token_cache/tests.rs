//! The token cache on a real ledger file: what it answers from memory, and every change that
//! must make it look again (another connection's revocation, a revocation or an edit by hand,
//! the clock) or must not (writes that touch no token).

use rusqlite::Connection;
use tempfile::TempDir;

use super::{Entry, TokenCache};
use crate::ledger::limits::TOKEN_CACHE_ENTRIES_MAX;
use crate::ledger::model::Scope;
use crate::ledger::time::Timestamp;
use crate::ledger::token::{Access, Token, TokenKind};
use crate::ops::{self, NewToken};
use crate::store::{DbLocation, Store};

struct Ledger {
    _dir: TempDir,
    db: DbLocation,
}

impl Ledger {
    fn new() -> Ledger {
        let dir = TempDir::new().unwrap();
        let db = DbLocation::Path(dir.path().join("ledger.db"));
        ops::init(&db, 5_000).unwrap();
        Ledger { _dir: dir, db }
    }

    /// Another connection, as another process (the CLI) or the server's writer would have.
    fn store(&self) -> Store {
        Store::open(&self.db, 5_000).unwrap()
    }

    fn sql(&self, sql: &str) {
        let DbLocation::Path(path) = &self.db else {
            unreachable!()
        };
        Connection::open(path).unwrap().execute_batch(sql).unwrap();
    }

    /// A write token's text and row, made by `token create`'s operation.
    fn token(&self, expires: Option<&str>) -> (String, Token) {
        let new = NewToken {
            kind: TokenKind::Bearer,
            scope: scope(),
            user_id: None,
            access: Access::Write,
            expires: expires.map(str::to_owned),
            name: None,
        };
        let (token, text) = ops::create_token(&mut self.store(), &new, "test").unwrap();
        (text, token)
    }
}

fn scope() -> Scope {
    Scope {
        tenant_id: "acme".into(),
        application_id: "shop".into(),
    }
}

/// A cache that has checked `text` in full once, as the server's first request with it does.
fn warm(l: &Ledger, text: &str) -> TokenCache {
    let cache = TokenCache::new(&l.db);
    assert!(
        cache.answer(text, TokenKind::Bearer, ops::now()).is_none(),
        "nothing is remembered yet"
    );
    assert!(cache.check(&mut l.store(), text, TokenKind::Bearer).unwrap().is_ok());
    cache
}

fn answer(cache: &TokenCache, text: &str) -> Option<bool> {
    cache
        .answer(text, TokenKind::Bearer, ops::now())
        .map(|answer| answer.is_ok())
}

fn refused_in_full(l: &Ledger, cache: &TokenCache, text: &str) {
    assert_eq!(answer(cache, text), None, "not answered from memory");
    assert!(cache.check(&mut l.store(), text, TokenKind::Bearer).unwrap().is_err());
    assert_eq!(answer(cache, text), None, "a refused token is not remembered");
}

#[test]
fn a_token_checked_once_is_answered_from_memory() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let cache = warm(&l, &text);
    assert_eq!(cache.answer(&text, TokenKind::Bearer, ops::now()), Some(Ok(token)));
    assert_eq!(cache.lock().unwrap().entries.len(), 1);
}

#[test]
fn writes_that_touch_no_token_keep_it_remembered_reading_only_its_row() {
    let l = Ledger::new();
    let (text, _) = l.token(None);
    let cache = warm(&l, &text);
    let generation = cache.lock().unwrap().generation;
    for user in ["alice", "bob"] {
        ops::create_wallet(&mut l.store(), &scope(), user, "USD".parse().unwrap()).unwrap();
        assert_eq!(answer(&cache, &text), Some(true), "after {user}'s wallet");
    }
    let state = cache.lock().unwrap();
    assert_eq!(state.generation, generation, "nothing was forgotten");
    let checked_at = state.entries.values().next().unwrap().checked_at;
    assert_eq!(
        Some(checked_at),
        state.seen.map(|seen| seen.data_version),
        "its row was read again"
    );
}

#[test]
fn a_token_revoked_by_another_connection_is_refused_at_the_next_answer() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let (other, _) = l.token(None);
    let cache = warm(&l, &text);
    assert!(cache.check(&mut l.store(), &other, TokenKind::Bearer).unwrap().is_ok());
    ops::revoke_token(&mut l.store(), &token.id).unwrap();
    refused_in_full(&l, &cache, &text);
    assert_eq!(answer(&cache, &other), None, "every token was forgotten");
    assert_eq!(cache.lock().unwrap().entries.len(), 0);
}

#[test]
fn a_token_revoked_by_hand_without_its_audit_record_is_refused_at_the_next_answer() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let cache = warm(&l, &text);
    l.sql(&format!(
        "UPDATE tokens SET revoked_at = '2026-01-01T00:00:00Z' WHERE id = '{}'",
        token.id
    ));
    refused_in_full(&l, &cache, &text);
}

#[test]
fn a_token_row_edited_by_hand_is_refused_as_forged_at_the_next_answer() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let cache = warm(&l, &text);
    l.sql(&format!(
        "DROP TRIGGER tokens_revoke_only; UPDATE tokens SET name = 'edited' WHERE id = '{}'",
        token.id
    ));
    refused_in_full(&l, &cache, &text);
}

#[test]
fn an_audit_record_edited_by_hand_makes_its_token_refused_at_the_next_answer() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let cache = warm(&l, &text);
    // The token's row stays as it was: only the schema's version says something changed.
    l.sql(&format!(
        "DROP TRIGGER audit_events_no_update;
         UPDATE audit_events SET hash = '{}' WHERE subject = '{}'",
        "0".repeat(64),
        token.id
    ));
    refused_in_full(&l, &cache, &text);
}

#[test]
fn a_remembered_token_expires_on_time() {
    let l = Ledger::new();
    let (text, _) = l.token(Some("1d"));
    let cache = warm(&l, &text);
    let tomorrow = Timestamp::at(ops::clock().now() + chrono::Duration::days(1));
    assert!(cache.answer(&text, TokenKind::Bearer, ops::now()).unwrap().is_ok());
    assert!(cache.answer(&text, TokenKind::Bearer, tomorrow).unwrap().is_err());
    assert_eq!(cache.lock().unwrap().entries.len(), 0, "an expired token is forgotten");
}

#[test]
fn a_remembered_bearer_token_is_still_no_internal_key() {
    let l = Ledger::new();
    let (text, _) = l.token(None);
    let cache = warm(&l, &text);
    assert!(cache.answer(&text, TokenKind::Internal, ops::now()).unwrap().is_err());
}

#[test]
fn unknown_forged_and_malformed_tokens_are_never_remembered() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let cache = TokenCache::new(&l.db);
    let unknown = format!("tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.{}", "ab".repeat(32));
    let wrong_secret = format!("{}.{}", token.id, "ab".repeat(32));
    for refused in [unknown, wrong_secret] {
        assert!(cache
            .check(&mut l.store(), &refused, TokenKind::Bearer)
            .unwrap()
            .is_err());
        assert_eq!(answer(&cache, &refused), None);
    }
    // A malformed one is refused without any read, remembered or not.
    assert_eq!(answer(&cache, "tok_x.y"), Some(false));
    assert_eq!(cache.lock().unwrap().entries.len(), 0);
    assert_eq!(answer(&cache, &text), None);
}

#[test]
fn a_check_that_began_before_every_token_was_forgotten_does_not_remember_its_token() {
    let l = Ledger::new();
    let (text, token) = l.token(None);
    let (other, _) = l.token(None);
    let cache = warm(&l, &other);
    let ticket = cache.ticket().unwrap();
    ops::revoke_token(&mut l.store(), &token.id).unwrap();
    assert_eq!(answer(&cache, &other), None, "the revocation was seen");
    cache.remember(ticket, "a".repeat(64), &token);
    assert_eq!(answer(&cache, &text), None);
    assert_eq!(cache.lock().unwrap().entries.len(), 0);
}

#[test]
fn the_cache_holds_at_most_its_limit() {
    let l = Ledger::new();
    let (_, token) = l.token(None);
    let cache = TokenCache::new(&l.db);
    for n in 0..=TOKEN_CACHE_ENTRIES_MAX {
        let ticket = cache.ticket().unwrap();
        cache.remember(ticket, format!("{n:064}"), &token);
    }
    let state = cache.lock().unwrap();
    assert_eq!(state.entries.len(), TOKEN_CACHE_ENTRIES_MAX);
    assert!(state.entries.values().all(|Entry { token: t, .. }| *t == token));
}

#[test]
fn on_postgresql_nothing_is_remembered() {
    let db = DbLocation::Postgres {
        config: Box::new("host=/nowhere dbname=ledger".parse().unwrap()),
        shown: "postgres://nowhere/ledger".into(),
    };
    let cache = TokenCache::new(&db);
    let text = format!("tok_01ARZ3NDEKTSV4RRFFQ69G5FAV.{}", "ab".repeat(32));
    assert!(cache.answer(&text, TokenKind::Bearer, ops::now()).is_none());
    assert!(cache.ticket().is_none());
    assert!(cache.lock().unwrap().store.is_none());
}
