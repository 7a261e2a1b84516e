//! Wallet status histories and the audit chain.

use super::*;

// ---- wallet statuses ----

fn change(wallet_id: &str, from: WalletStatus, to: WalletStatus) -> StatusChange {
    StatusChange {
        wallet_id: wallet_id.into(),
        from,
        to,
        reason: "r".into(),
        actor: "test".into(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    }
}

#[test]
fn status_changes_that_follow_on_and_end_at_the_status_pass() {
    let mut book = Book::new(&["u", "v"]);
    book.wallets[0].status = WalletStatus::Closed;
    let changes = [
        change("wlt_u", WalletStatus::Active, WalletStatus::Frozen),
        change("wlt_u", WalletStatus::Frozen, WalletStatus::Active),
        change("wlt_u", WalletStatus::Active, WalletStatus::Closed),
    ];
    let c = check_statuses(&book.wallets, &changes);
    assert!(c.ok(), "{:?}", c.problems);
    assert_eq!((c.name, c.checked), ("wallet_statuses", 5));
    assert!(check_statuses(&book.wallets[1..], &[]).ok());
}

#[test]
fn status_changes_that_do_not_follow_on_are_named() {
    let mut book = Book::new(&["u"]);
    book.wallets[0].status = WalletStatus::Closed;
    let changes = [
        change("wlt_u", WalletStatus::Frozen, WalletStatus::Closed),
        change("wlt_ghost", WalletStatus::Active, WalletStatus::Closed),
    ];
    let c = check_statuses(&book.wallets, &changes);
    assert_eq!(
        c.problems,
        [
            "wallet wlt_u changed from frozen while it was active",
            "a status change names wallet wlt_ghost, which does not exist",
            "wallet wlt_u is closed but its recorded changes end at active",
        ]
    );
    assert_eq!(c.checked, 3);
}

#[test]
fn a_status_without_its_change_is_named() {
    let mut book = Book::new(&["u"]);
    book.wallets[0].status = WalletStatus::Frozen;
    let c = check_statuses(&book.wallets, &[]);
    assert_eq!(
        c.problems,
        ["wallet wlt_u is frozen but its recorded changes end at active"]
    );
    assert_eq!(c.problems_total, 1);
}

// ---- the audit chain ----

fn token(id: &str, revoked_at: Option<&str>) -> Token {
    Token {
        id: id.into(),
        kind: TokenKind::Bearer,
        scope: Scope {
            tenant_id: "t".into(),
            application_id: "a".into(),
        },
        user_id: Some("u".into()),
        access: Access::Read,
        secret_sha256: "5".repeat(64),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
        expires_at: None,
        revoked_at: revoked_at.map(|at| at.parse().unwrap()),
        actor: "test".into(),
        name: None,
    }
}

/// Appends `record` to the audit chain `events`.
fn record(events: &mut Vec<AuditEvent>, record: AuditRecord) {
    let seq = events.len() as i64 + 1;
    let prev_hash = events.last().map_or(GENESIS_HASH.to_owned(), |e| e.hash.clone());
    events.push(AuditEvent {
        seq,
        kind: record.kind(),
        subject: record.subject(),
        hash: audit_hash(seq, &record, &prev_hash),
        prev_hash,
    });
}

/// Two tokens (tok_1 revoked) and two status changes of wlt_u, with their honest audit chain:
/// tok_1 created, tok_2 created, change 1, tok_1 revoked, change 2.
struct Audit {
    events: Vec<AuditEvent>,
    tokens: Vec<Token>,
    changes: Vec<(i64, StatusChange)>,
}

fn audit() -> Audit {
    let tokens = vec![token("tok_1", Some("2026-01-02T00:00:00Z")), token("tok_2", None)];
    let changes = vec![
        (1, change("wlt_u", WalletStatus::Active, WalletStatus::Frozen)),
        (2, change("wlt_u", WalletStatus::Frozen, WalletStatus::Active)),
    ];
    let mut events = Vec::new();
    record(&mut events, AuditRecord::TokenCreated(&tokens[0]));
    record(&mut events, AuditRecord::TokenCreated(&tokens[1]));
    record(
        &mut events,
        AuditRecord::StatusChanged {
            change_seq: 1,
            change: &changes[0].1,
        },
    );
    record(
        &mut events,
        AuditRecord::TokenRevoked {
            token_id: "tok_1",
            revoked_at: &"2026-01-02T00:00:00Z".parse().unwrap(),
        },
    );
    record(
        &mut events,
        AuditRecord::StatusChanged {
            change_seq: 2,
            change: &changes[1].1,
        },
    );
    Audit {
        events,
        tokens,
        changes,
    }
}

impl Audit {
    fn check(&self) -> Check {
        check_audit(&self.events, &self.tokens, &self.changes)
    }

    fn problems(&self) -> Vec<String> {
        let c = self.check();
        assert_eq!(c.problems_total, c.problems.len() as u64);
        c.problems
    }
}

#[test]
fn an_honest_audit_chain_passes() {
    let a = audit();
    let c = a.check();
    assert!(c.ok(), "{:?}", c.problems);
    assert_eq!((c.name, c.checked), ("audit_chain", 5));
    assert!(check_audit(&[], &[], &[]).ok());
}

#[test]
fn an_audit_chain_cut_or_reordered_is_named() {
    // Renumbered, its hash recomputed: the link still holds, the number does not.
    let mut a = audit();
    a.events[4].seq = 6;
    let record = AuditRecord::StatusChanged {
        change_seq: 2,
        change: &a.changes[1].1,
    };
    a.events[4].hash = audit_hash(6, &record, &a.events[4].prev_hash);
    assert_eq!(
        a.problems(),
        ["audit record seq 6 does not follow on from the record before it: the chain was cut or reordered"]
    );

    // Linked to another hash, its hash recomputed: the number holds, the link does not.
    let mut a = audit();
    a.events[4].prev_hash = "f".repeat(64);
    a.events[4].hash = audit_hash(5, &record_of_change(&a.changes[1]), &a.events[4].prev_hash);
    assert_eq!(
        a.problems(),
        ["audit record seq 5 does not follow on from the record before it: the chain was cut or reordered"]
    );
}

fn record_of_change((seq, change): &(i64, StatusChange)) -> AuditRecord<'_> {
    AuditRecord::StatusChanged {
        change_seq: *seq,
        change,
    }
}

#[test]
fn deleted_or_un_revoked_tokens_and_deleted_changes_are_named() {
    let mut a = audit();
    a.tokens.remove(1);
    assert_eq!(
        a.problems(),
        ["token tok_2 (audit record seq 2) is gone: it was deleted"]
    );

    let mut a = audit();
    a.tokens.remove(0);
    assert_eq!(
        a.problems(),
        [
            "token tok_1 (audit record seq 1) is gone: it was deleted",
            "revoked token tok_1 (audit record seq 4) is gone: it was deleted"
        ]
    );

    let mut a = audit();
    a.tokens[0].revoked_at = None;
    assert_eq!(
        a.problems(),
        ["token tok_1 was revoked (audit record seq 4) but is no longer revoked"]
    );

    let mut a = audit();
    a.changes.remove(0);
    assert_eq!(
        a.problems(),
        ["status change seq 1 (audit record seq 3) is gone: it was deleted"]
    );
}

#[test]
fn a_token_recorded_as_created_twice_is_named() {
    let mut a = audit();
    let again = a.tokens[1].clone();
    record(&mut a.events, AuditRecord::TokenCreated(&again));
    assert_eq!(
        a.problems(),
        ["token tok_2 is recorded as created twice (audit record seq 6)"]
    );
}

#[test]
fn records_that_no_longer_match_their_hash_are_named() {
    let mut a = audit();
    a.tokens[1].access = Access::Write;
    assert_eq!(
        a.problems(),
        ["token tok_2 does not match its hash (audit record seq 2): its scope, tenant, application, user, secret hash, expiry or name was changed"]
    );

    let mut a = audit();
    a.tokens[0].revoked_at = Some("2027-01-01T00:00:00Z".parse().unwrap());
    assert_eq!(
        a.problems(),
        ["token tok_1's revocation does not match its hash (audit record seq 4)"]
    );

    let mut a = audit();
    a.changes[0].1.reason = "edited".into();
    assert_eq!(
        a.problems(),
        ["status change seq 1 of wallet wlt_u does not match its hash (audit record seq 3)"]
    );
}

#[test]
fn tokens_revocations_and_changes_without_a_record_are_named() {
    let mut a = audit();
    a.tokens.push(token("tok_3", None));
    assert_eq!(
        a.problems(),
        ["token tok_3 has no audit record: it was inserted by hand"]
    );

    let mut a = audit();
    a.tokens[1].revoked_at = Some("2026-01-03T00:00:00Z".parse().unwrap());
    assert_eq!(a.problems(), ["token tok_2 is revoked without an audit record"]);

    let mut a = audit();
    a.changes
        .push((3, change("wlt_u", WalletStatus::Active, WalletStatus::Closed)));
    assert_eq!(
        a.problems(),
        ["status change seq 3 of wallet wlt_u has no audit record: it was inserted by hand"]
    );
}

#[test]
fn a_token_matches_its_audit_records_only_when_every_one_holds() {
    let a = audit();
    let (revoked, live) = (&a.tokens[0], &a.tokens[1]);
    let (created_1, created_2, revocation_1) = (&a.events[0], &a.events[1], &a.events[3]);
    assert!(token_matches_audit(live, Some(created_2), None));
    assert!(token_matches_audit(revoked, Some(created_1), Some(revocation_1)));
    // Not recorded as created, or recorded for other content.
    assert!(!token_matches_audit(live, None, None));
    assert!(!token_matches_audit(live, Some(created_1), None));
    let widened = Token {
        access: Access::Write,
        ..live.clone()
    };
    assert!(!token_matches_audit(&widened, Some(created_2), None));
    // Revoked in the audit chain: it must still be revoked, at the recorded time.
    let un_revoked = Token {
        revoked_at: None,
        ..revoked.clone()
    };
    assert!(!token_matches_audit(&un_revoked, Some(created_1), Some(revocation_1)));
    let moved = Token {
        revoked_at: Some("2027-01-01T00:00:00Z".parse().unwrap()),
        ..revoked.clone()
    };
    assert!(!token_matches_audit(&moved, Some(created_1), Some(revocation_1)));
    // A revocation that holds does not vouch for a creation that does not.
    let renamed = Token {
        name: Some("forged".into()),
        ..revoked.clone()
    };
    assert!(!token_matches_audit(&renamed, Some(created_1), Some(revocation_1)));
}
