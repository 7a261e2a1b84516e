//! The checks over what is not the journal: wallet status histories and the audit chain of
//! tokens, revocations and status changes.

use std::collections::HashMap;

use super::Check;
use crate::ledger::chain::{audit_hash, AuditEvent, AuditKind, AuditRecord, GENESIS_HASH};
use crate::ledger::model::{StatusChange, Wallet, WalletStatus};
use crate::ledger::token::Token;

/// Every wallet starts `active`; its status changes must follow on from one another and end
/// at the status the wallet has now.
pub fn check_statuses(wallets: &[Wallet], changes: &[StatusChange]) -> Check {
    let mut check = Check::new(
        "wallet_statuses",
        "each wallet's status changes follow on from one another and end at its status",
    );
    let mut current: HashMap<&str, WalletStatus> =
        wallets.iter().map(|w| (w.id.as_str(), WalletStatus::Active)).collect();
    for change in changes {
        check.checked += 1;
        match current.get_mut(change.wallet_id.as_str()) {
            Some(status) if *status == change.from => *status = change.to,
            Some(status) => check.fail(format!(
                "wallet {} changed from {} while it was {}",
                change.wallet_id,
                change.from.as_str(),
                status.as_str()
            )),
            None => check.fail(format!(
                "a status change names wallet {}, which does not exist",
                change.wallet_id
            )),
        }
    }
    for wallet in wallets {
        check.checked += 1;
        let recorded = current.get(wallet.id.as_str()).copied().unwrap_or(WalletStatus::Active);
        if recorded != wallet.status {
            check.fail(format!(
                "wallet {} is {} but its recorded changes end at {}",
                wallet.id,
                wallet.status.as_str(),
                recorded.as_str()
            ));
        }
    }
    check
}

/// Every token, every revocation and every wallet status change must be recorded once in the
/// audit chain, and still match the hash recorded there; the chain itself must be unbroken.
/// `changes` are the status changes with their row numbers.
pub fn check_audit(events: &[AuditEvent], tokens: &[Token], changes: &[(i64, StatusChange)]) -> Check {
    let mut audit = Audit {
        check: Check::new(
            "audit_chain",
            "every token, revocation and wallet status change matches its record in the audit hash chain",
        ),
        tokens_by_id: tokens.iter().map(|t| (t.id.as_str(), t)).collect(),
        changes_by_seq: changes.iter().map(|(seq, c)| (seq.to_string(), (*seq, c))).collect(),
        created: HashMap::new(),
        revoked: HashMap::new(),
        recorded_changes: HashMap::new(),
    };
    let mut prev_hash = GENESIS_HASH;
    for (expected_seq, event) in (1..).zip(events) {
        audit.check.checked += 1;
        let at = format!("audit record seq {}", event.seq);
        if event.seq != expected_seq || event.prev_hash != prev_hash {
            audit.check.fail(format!(
                "{at} does not follow on from the record before it: the chain was cut or reordered"
            ));
        }
        prev_hash = &event.hash;
        let Some(record) = audit.record(event, &at) else {
            continue;
        };
        if audit_hash(event.seq, &record, &event.prev_hash) != event.hash {
            audit.check.fail(changed(&record, &at));
        }
    }
    audit.unrecorded(tokens, changes);
    audit.check
}

/// The audit chain as it is read: its check, what the file holds now, and which records were seen.
struct Audit<'a> {
    check: Check,
    tokens_by_id: HashMap<&'a str, &'a Token>,
    changes_by_seq: HashMap<String, (i64, &'a StatusChange)>,
    created: HashMap<&'a str, i64>,
    revoked: HashMap<&'a str, i64>,
    recorded_changes: HashMap<&'a str, i64>,
}

impl<'a> Audit<'a> {
    /// What `event` vouches for, as the file holds it now; `None` when it is gone (a failure
    /// already noted).
    fn record(&mut self, event: &'a AuditEvent, at: &str) -> Option<AuditRecord<'a>> {
        let subject = event.subject.as_str();
        match event.kind {
            AuditKind::TokenCreated => match self.tokens_by_id.get(subject) {
                Some(token) => {
                    if self.created.insert(subject, event.seq).is_some() {
                        self.check
                            .fail(format!("token {subject} is recorded as created twice ({at})"));
                    }
                    Some(AuditRecord::TokenCreated(token))
                }
                None => {
                    self.check
                        .fail(format!("token {subject} ({at}) is gone: it was deleted"));
                    None
                }
            },
            AuditKind::TokenRevoked => {
                self.revoked.insert(subject, event.seq);
                match self.tokens_by_id.get(subject).map(|t| t.revoked_at.as_ref()) {
                    Some(Some(revoked_at)) => Some(AuditRecord::TokenRevoked {
                        token_id: subject,
                        revoked_at,
                    }),
                    Some(None) => {
                        self.check
                            .fail(format!("token {subject} was revoked ({at}) but is no longer revoked"));
                        None
                    }
                    None => {
                        self.check
                            .fail(format!("revoked token {subject} ({at}) is gone: it was deleted"));
                        None
                    }
                }
            }
            AuditKind::StatusChanged => match self.changes_by_seq.get(subject) {
                Some(&(change_seq, change)) => {
                    self.recorded_changes.insert(subject, event.seq);
                    Some(AuditRecord::StatusChanged { change_seq, change })
                }
                None => {
                    self.check
                        .fail(format!("status change seq {subject} ({at}) is gone: it was deleted"));
                    None
                }
            },
        }
    }

    /// Tokens, revocations and status changes the chain never recorded: inserted by hand.
    fn unrecorded(&mut self, tokens: &[Token], changes: &[(i64, StatusChange)]) {
        for token in tokens {
            if !self.created.contains_key(token.id.as_str()) {
                self.check.fail(format!(
                    "token {} has no audit record: it was inserted by hand",
                    token.id
                ));
            }
            if token.revoked_at.is_some() && !self.revoked.contains_key(token.id.as_str()) {
                self.check
                    .fail(format!("token {} is revoked without an audit record", token.id));
            }
        }
        for (seq, change) in changes {
            if !self.recorded_changes.contains_key(seq.to_string().as_str()) {
                self.check.fail(format!(
                    "status change seq {seq} of wallet {} has no audit record: it was inserted by hand",
                    change.wallet_id
                ));
            }
        }
    }
}

/// What a record whose hash no longer holds says was changed.
fn changed(record: &AuditRecord, at: &str) -> String {
    match record {
        AuditRecord::TokenCreated(t) => format!(
            "token {} does not match its hash ({at}): its scope, tenant, application, user, secret hash, expiry or name was changed",
            t.id
        ),
        AuditRecord::TokenRevoked { token_id, .. } => {
            format!("token {token_id}'s revocation does not match its hash ({at})")
        }
        AuditRecord::StatusChanged { change_seq, change } => format!(
            "status change seq {change_seq} of wallet {} does not match its hash ({at})",
            change.wallet_id
        ),
    }
}

/// Whether a stored token is the one its audit records vouch for: recorded as created, with a
/// hash that still holds, and revoked if a revocation was recorded. A token that is not (a row
/// inserted, widened, moved or un-revoked by hand) must not be honoured.
pub fn token_matches_audit(token: &Token, created: Option<&AuditEvent>, revocation: Option<&AuditEvent>) -> bool {
    let created_holds = created
        .is_some_and(|event| audit_hash(event.seq, &AuditRecord::TokenCreated(token), &event.prev_hash) == event.hash);
    let revocation_holds = match (revocation, token.revoked_at.as_ref()) {
        (None, _) => true,
        (Some(event), Some(revoked_at)) => {
            let record = AuditRecord::TokenRevoked {
                token_id: &token.id,
                revoked_at,
            };
            audit_hash(event.seq, &record, &event.prev_hash) == event.hash
        }
        (Some(_), None) => false,
    };
    created_holds && revocation_holds
}
