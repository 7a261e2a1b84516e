//! What callers are known by: kept `Idempotency-Key` responses and API tokens with their audit.

use super::{at, audit, page, scope};
use crate::ledger::chain::{AuditRecord, GENESIS_HASH};
use crate::ledger::ids::TokenId;
use crate::ledger::model::Scope;
use crate::ledger::token::{Access, Token, TokenKind};
use crate::store::{IdempotentResponse, Queries, Storage};

fn response(scope: Scope, owner: &str, key: &str) -> IdempotentResponse {
    IdempotentResponse {
        scope,
        owner: owner.into(),
        key: key.into(),
        fingerprint: "f1".into(),
        status: 201,
        response: b"{\"ok\":true}".to_vec(),
        token_id: TokenId::mint(),
        created_at: at("10:00"),
    }
}

pub(super) fn a_recorded_response_is_found_by_its_scope_owner_and_key_only<S: Storage>(mut store: S) {
    let tnt = scope("tnt", "app");
    store
        .write(|tx| {
            tx.record_response(&response(tnt.clone(), "user:usr_1", "k1"))?;
            let kept = Some(("f1".to_owned(), 201, b"{\"ok\":true}".to_vec()));
            assert_eq!(tx.idempotent_response(&tnt, "user:usr_1", "k1")?, kept);
            assert_eq!(tx.idempotent_response(&tnt, "user:usr_2", "k1")?, None);
            assert_eq!(tx.idempotent_response(&tnt, "internal", "k1")?, None);
            assert_eq!(tx.idempotent_response(&tnt, "user:usr_1", "k2")?, None);
            assert_eq!(
                tx.idempotent_response(&scope("tnt_2", "app"), "user:usr_1", "k1")?,
                None
            );
            assert_eq!(
                tx.idempotent_response(&scope("tnt", "app_2"), "user:usr_1", "k1")?,
                None
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_key_is_recorded_once_per_scope_and_owner<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            tx.record_response(&response(scope("tnt", "app"), "internal", "k1"))?;
            assert!(tx
                .record_response(&response(scope("tnt", "app"), "internal", "k1"))
                .is_err());
            // The same key in another scope is another request.
            tx.record_response(&response(scope("tnt_2", "app"), "internal", "k1"))?;
            Ok(())
        })
        .unwrap();
}

fn token(name: &str, created_at: &str) -> Token {
    Token {
        id: TokenId::mint(),
        kind: TokenKind::Bearer,
        scope: scope("tnt", "app"),
        user_id: Some("usr_1".into()),
        access: Access::Read,
        secret_sha256: "ab".repeat(32),
        created_at: at(created_at),
        expires_at: Some(at("23:00")),
        revoked_at: None,
        actor: "cli:conformance".into(),
        name: Some(name.into()),
    }
}

pub(super) fn an_inserted_token_is_read_back_whole<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let t = token("ci", "10:00");
            tx.insert_token(&t)?;
            assert_eq!(tx.token(&t.id)?, Some(t));
            assert_eq!(tx.token(&TokenId::mint())?, None);
            Ok(())
        })
        .unwrap();
}

pub(super) fn tokens_lists_newest_first_with_the_total<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let (old, new) = (token("old", "10:00"), token("new", "11:00"));
            let internal = Token {
                kind: TokenKind::Internal,
                scope: scope("tnt_2", "app"),
                user_id: None,
                ..token("mid", "10:30")
            };
            for t in [&new, &old, &internal] {
                tx.insert_token(t)?;
            }
            let first = tx.tokens(page(1, 2))?;
            assert_eq!(first.total, 3, "every tenant's tokens");
            assert_eq!(first.items, vec![new, internal]);
            assert_eq!(tx.tokens(page(2, 2))?.items, vec![old]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn a_token_is_revoked_once_and_a_second_revocation_changes_nothing<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let t = token("ci", "10:00");
            tx.insert_token(&t)?;
            assert!(tx.revoke_token(&t.id, at("12:00"))?);
            assert!(!tx.revoke_token(&t.id, at("13:00"))?);
            let revoked = tx.token(&t.id)?.expect("the token");
            assert_eq!(
                revoked.revoked_at,
                Some(at("12:00")),
                "the first revocation's time stays"
            );
            assert!(!tx.revoke_token(&TokenId::mint(), at("12:00"))?);
            Ok(())
        })
        .unwrap();
}

pub(super) fn token_audit_has_the_creation_then_the_revocation<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let (t, other) = (token("ci", "10:00"), token("other", "10:00"));
            for token in [&t, &other] {
                tx.insert_token(token)?;
                audit(tx, &AuditRecord::TokenCreated(token))?;
            }
            let (created, revoked) = tx.token_audit(&t.id)?;
            let created = created.expect("its creation is audited");
            assert_eq!(created.subject, t.id.as_str());
            assert_eq!(revoked, None);
            for (token, now) in [(&other, at("11:00")), (&t, at("12:00"))] {
                tx.revoke_token(&token.id, now)?;
                let record = AuditRecord::TokenRevoked {
                    token_id: &token.id,
                    revoked_at: &now,
                };
                audit(tx, &record)?;
            }
            let (again, revoked) = tx.token_audit(&t.id)?;
            let revoked = revoked.expect("its revocation is audited");
            assert_eq!(again, Some(created.clone()));
            assert_eq!(revoked.subject, t.id.as_str());
            assert!(revoked.seq > created.seq);
            assert_eq!(revoked.prev_hash, tx.token_audit(&other.id)?.1.expect("revoked").hash);
            Ok(())
        })
        .unwrap();
}

pub(super) fn the_audit_head_is_the_last_appended_record_and_records_are_kept_as_given<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            assert_eq!(tx.audit_head()?, None);
            let t = token("ci", "10:00");
            tx.insert_token(&t)?;
            let created = audit(tx, &AuditRecord::TokenCreated(&t))?;
            assert_eq!(created.prev_hash, GENESIS_HASH);
            assert_eq!(tx.audit_head()?, Some((1, created.hash.clone())));
            let revoked_at = at("12:00");
            let record = AuditRecord::TokenRevoked {
                token_id: &t.id,
                revoked_at: &revoked_at,
            };
            let revoked = audit(tx, &record)?;
            assert_eq!((revoked.seq, &revoked.prev_hash), (2, &created.hash));
            assert_eq!(tx.audit_head()?, Some((2, revoked.hash.clone())));
            assert_eq!(tx.all_audit_events()?, vec![created, revoked]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn an_audit_record_that_does_not_extend_the_head_is_refused<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let t = token("ci", "10:00");
            tx.insert_token(&t)?;
            let first = audit(tx, &AuditRecord::TokenCreated(&t))?;
            let replayed = tx.isolated(|tx| tx.append_audit(&first))?;
            assert!(replayed.is_err(), "a seq already in the chain");
            assert_eq!(tx.all_audit_events()?, vec![first]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn all_tokens_lists_every_tenants_tokens_by_id<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let mut tokens = vec![
                token("a", "10:00"),
                Token {
                    scope: scope("tnt_2", "app"),
                    ..token("b", "11:00")
                },
            ];
            for t in &tokens {
                tx.insert_token(t)?;
            }
            tokens.sort_by(|a, b| a.id.cmp(&b.id));
            assert_eq!(tx.all_tokens()?, tokens);
            Ok(())
        })
        .unwrap();
}
