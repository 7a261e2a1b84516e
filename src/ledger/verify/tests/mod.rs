//! The pure checker, in process: an honest ledger passes every check, and each kind of
//! tampering fails exactly the check that names it, with the message that says why.

use super::*;
use crate::ledger::chain::{audit_hash, entry_hash, AuditEvent, AuditRecord, ChainVersion, Link, GENESIS_HASH};
use crate::ledger::model::{JournalRow, Posting, RawEntry, Scope, StatusChange, WalletStatus};
use crate::ledger::money::{Amount, Currency};
use crate::ledger::operations::{Context, FreezeChange, Operation, Referent};
use crate::ledger::seal::{Head, Seal};
use crate::ledger::token::{Access, Token, TokenKind};

/// The rows themselves answering for a refund's original, as the stores' query does: the
/// original by id, and its own wallet's refunds of it between it and the refund.
struct Rows<'a>(&'a [JournalRow]);

impl Originals for Rows<'_> {
    fn original(&self, id: &TransactionId, refund_seq: i64) -> crate::error::Result<Option<RefundedOriginal>> {
        let Some(original) = self.0.iter().find(|r| r.entry.id == *id) else {
            return Ok(None);
        };
        let refunded_before = self
            .0
            .iter()
            .filter(|r| {
                r.entry.kind == TxType::Refund
                    && r.entry.original_id.as_ref() == Some(id)
                    && r.entry.wallet_id == original.entry.wallet_id
                    && r.seq > original.seq
                    && r.seq < refund_seq
            })
            .map(|r| r.entry.amount.minor())
            .sum();
        Ok(Some(RefundedOriginal {
            seq: original.seq,
            wallet_id: original.entry.wallet_id.clone(),
            kind: original.entry.kind,
            amount: original.entry.amount.minor(),
            refunded_before,
        }))
    }
}

/// Wallets, their journal and their freeze records, built by the operations' own rules.
struct Book {
    wallets: Vec<Wallet>,
    entries: Vec<JournalRow>,
    freezes: Vec<Freeze>,
    /// How new entries are chained: per wallet, as ledgerctl writes them, or through the whole
    /// ledger, as ledgers written before schema version 6 hold them.
    version: ChainVersion,
    seals: Vec<Seal>,
}

impl Book {
    /// One empty CNY wallet `wlt_<user>` per user, its entries chained per wallet.
    fn new(users: &[&str]) -> Book {
        Book::chained(users, ChainVersion::Wallet)
    }

    /// As [`Book::new`], its entries chained through the whole ledger (before version 6).
    fn legacy(users: &[&str]) -> Book {
        Book::chained(users, ChainVersion::Ledger)
    }

    fn chained(users: &[&str], version: ChainVersion) -> Book {
        let scope = Scope {
            tenant_id: "t".into(),
            application_id: "a".into(),
        };
        let wallets = users
            .iter()
            .map(|u| {
                Wallet::open(
                    &scope,
                    u,
                    Currency::CNY,
                    format!("wlt_{u}").into(),
                    "2026-01-01T00:00:00Z".parse().unwrap(),
                )
            })
            .collect();
        Book {
            wallets,
            entries: Vec::new(),
            freezes: Vec::new(),
            version,
            seals: Vec::new(),
        }
    }

    /// Applies `op` to wallet `w` and returns the new transaction's id (`txn_<seq>`).
    fn apply(&mut self, w: usize, op: Operation, referent: Referent) -> String {
        let ctx = self.context();
        let plan = op.plan(&self.wallets[w], &referent, &ctx).unwrap();
        self.push(w, plan);
        ctx.transaction_id.to_string()
    }

    /// The context of the next entry: its id is `txn_<seq>`.
    fn context(&self) -> Context {
        let seq = self.entries.len() as i64 + 1;
        Context {
            actor: "test".into(),
            now: "2026-01-01T00:00:00Z".parse().unwrap(),
            transaction_id: format!("txn_{seq}").into(),
            freeze_id: format!("frz_{seq}").into(),
        }
    }

    /// Appends a planned entry of wallet `w` at the end of its chain.
    fn push(&mut self, w: usize, plan: crate::ledger::operations::Plan) {
        let seq = self.entries.len() as i64 + 1;
        let wallet_id = &self.wallets[w].id;
        let wallet_seq = self.entries.iter().filter(|e| e.entry.wallet_id == *wallet_id).count() as i64 + 1;
        let mut row = JournalRow {
            seq,
            wallet_seq,
            version: self.version,
            entry: plan.entry.raw(),
            prev_hash: String::new(),
            hash: String::new(),
        };
        row.prev_hash = self.prev_hash(&row);
        row.hash = row.recomputed_hash(Owner::of(&self.wallets[w]));
        self.entries.push(row);
        self.wallets[w] = plan.wallet_after;
        match plan.freeze {
            FreezeChange::None => {}
            FreezeChange::Create(record) => self.freezes.push(record),
            FreezeChange::Release {
                freeze_id, released_at, ..
            } => {
                let record = self.freezes.iter_mut().find(|f| f.id == freeze_id).unwrap();
                record.status = FreezeStatus::Released;
                record.released_at = Some(released_at);
            }
            FreezeChange::Capture { freeze_id, amount, at } => {
                let record = self.freezes.iter_mut().find(|f| f.id == freeze_id).unwrap();
                record.status = FreezeStatus::Captured;
                record.captured = Some(crate::ledger::model::Captured { amount, at });
            }
        }
    }

    /// A transfer from wallet `from` to wallet `to`, as ledgerctl writes one: the sender's leg,
    /// then the receiver's naming it. The two legs' ids.
    fn transfer(&mut self, from: usize, to: usize, amount: &str) -> (String, String) {
        let request = crate::ledger::operations::transfer::Request::new("x", amount, None, None).unwrap();
        let out = self.apply(from, Operation::Transfer(request.clone()), Referent::None);
        let ctx = self.context();
        let sent = self.entries.last().unwrap().entry.clone().checked().unwrap();
        request.check_receiver(&self.wallets[from], &self.wallets[to]).unwrap();
        let plan = request
            .plan_in(
                &self.wallets[to],
                &sent,
                &ctx,
                &crate::ledger::policy::Policy::default(),
            )
            .unwrap();
        self.push(to, plan);
        (out, ctx.transaction_id.to_string())
    }

    fn deposit(&mut self, w: usize, amount: &str) -> String {
        self.apply(w, Operation::deposit(amount, None, None).unwrap(), Referent::None)
    }

    fn withdraw(&mut self, w: usize, amount: &str) -> String {
        self.apply(w, Operation::withdraw(amount, None, None).unwrap(), Referent::None)
    }

    fn payment(&mut self, w: usize, amount: &str) -> String {
        let op = Operation::payment(amount, "mch_1", true, None, None).unwrap();
        self.apply(w, op, Referent::None)
    }

    fn freeze(&mut self, w: usize, amount: &str) -> String {
        let id = self.apply(w, Operation::freeze(amount, None, None).unwrap(), Referent::None);
        self.entries
            .last()
            .unwrap()
            .entry
            .freeze_id
            .clone()
            .map_or(id, |f| f.to_string())
    }

    fn unfreeze(&mut self, w: usize, freeze_id: &str) -> String {
        let record = self.freezes.iter().find(|f| f.id == freeze_id).unwrap().clone();
        self.apply(
            w,
            Operation::unfreeze(freeze_id, None, None).unwrap(),
            Referent::Freeze(record),
        )
    }

    fn refund(&mut self, w: usize, original_id: &str, amount: Option<&str>) -> String {
        let entry = self
            .entries
            .iter()
            .find(|e| e.entry.id == original_id)
            .unwrap()
            .entry
            .clone();
        let refunded = self
            .entries
            .iter()
            .filter(|e| e.entry.original_id.as_deref() == Some(original_id))
            .map(|e| e.entry.amount.minor())
            .sum();
        let op = Operation::refund(original_id, amount, Some("returned".into()), None).unwrap();
        let entry = entry.checked().unwrap();
        self.apply(w, op, Referent::Original { entry, refunded })
    }

    /// What `row` links to in its chain, from the entries before it in `self.entries`.
    fn prev_hash(&self, row: &JournalRow) -> String {
        let before = self.entries.iter().take_while(|e| e.seq != row.seq);
        let previous = match row.version {
            ChainVersion::Ledger => before.last(),
            ChainVersion::Wallet => before.filter(|e| e.entry.wallet_id == row.entry.wallet_id).last(),
        };
        previous.map_or(GENESIS_HASH.to_owned(), |e| e.hash.clone())
    }

    /// Recomputes every hash and link from each entry's place and content, as a forger who
    /// knows the scheme would: what is left to catch a change is the check it breaks.
    fn rehash(&mut self) {
        for i in 0..self.entries.len() {
            let prev_hash = self.prev_hash(&self.entries[i]);
            let stored = &self.entries[i];
            let owner = self
                .wallets
                .iter()
                .find(|w| w.id == stored.entry.wallet_id)
                .map_or(NO_OWNER, Owner::of);
            let hash = entry_hash(stored.link(), &stored.entry, owner, &prev_hash);
            self.entries[i].prev_hash = prev_hash;
            self.entries[i].hash = hash;
        }
    }

    /// Seals the heads that moved since the last seal.
    fn seal(&mut self) -> Anchor {
        let mut heads: Vec<Head> = Vec::new();
        for e in &self.entries {
            heads.retain(|h| h.wallet_id != e.entry.wallet_id);
            heads.push(Head {
                wallet_id: e.entry.wallet_id.clone(),
                wallet_seq: e.wallet_seq,
                hash: e.hash.clone(),
            });
        }
        let mut sealed = std::collections::HashMap::new();
        for head in self.seals.iter().flat_map(|s| &s.heads) {
            sealed.insert(head.wallet_id.clone(), head.wallet_seq);
        }
        let previous = self.seals.last().map(|s| (s.seq, s.hash.as_str()));
        let now = "2026-01-02T00:00:00Z".parse().unwrap();
        let seal = Seal::next(previous, heads, &sealed, now, "auditor").expect("a head moved");
        let anchor = seal.anchor();
        self.seals.push(seal);
        anchor
    }

    fn verify(&self, anchors: &[Anchor], extra: Vec<Check>) -> Report {
        let mut v = Verifier::new(anchors, &self.wallets, &self.seals);
        for e in &self.entries {
            v.entry(e, &Rows(&self.entries)).expect("the rows answer");
        }
        v.finish(&self.wallets, &self.freezes, extra)
    }

    fn report(&self) -> Report {
        self.verify(&[], Vec::new())
    }

    fn entry(&mut self, id: &str) -> &mut RawEntry {
        &mut self.entries.iter_mut().find(|e| e.entry.id == id).unwrap().entry
    }

    fn freeze_record(&mut self, id: &str) -> &mut Freeze {
        self.freezes.iter_mut().find(|f| f.id == id).unwrap()
    }
}

const NO_OWNER: Owner<'static> = Owner {
    tenant_id: "",
    application_id: "",
    user_id: "",
};

/// A deposit of 100.00 and a withdrawal of 30.00: available 70.00, nothing frozen.
fn small() -> Book {
    small_in(Book::new(&["u"]))
}

fn small_in(mut book: Book) -> Book {
    book.deposit(0, "100");
    book.withdraw(0, "30");
    book
}

/// Every kind of entry over two wallets, ending with money on both sides of wallet 0
/// (available 50.00, frozen 10.00) and a wallet 1 that stayed empty.
struct Full {
    book: Book,
    payment: String,
    freeze_released: String,
    freeze_active: String,
}

fn full() -> Full {
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100"); // 100
    let payment = book.payment(0, "40"); // 60
    book.refund(0, &payment, Some("15")); // 75
    book.refund(0, &payment, Some("25")); // 100: the payment is fully refunded
    let freeze_released = book.freeze(0, "20"); // 80 + 20 frozen
    let freeze_active = book.freeze(0, "10"); // 70 + 30 frozen
    book.unfreeze(0, &freeze_released); // 90 + 10 frozen
    book.withdraw(0, "40"); // 50 + 10 frozen
    Full {
        book,
        payment,
        freeze_released,
        freeze_active,
    }
}

fn broken(r: &Report) -> Vec<&str> {
    r.checks.iter().filter(|c| !c.ok()).map(|c| c.name).collect()
}

fn check<'r>(r: &'r Report, name: &str) -> &'r Check {
    r.checks.iter().find(|c| c.name == name).unwrap()
}

/// The problems of the one check that fails, after asserting it is `name`.
fn only_failure(r: &Report, name: &str) -> Vec<String> {
    assert_eq!(broken(r), [name], "{:?}", r.broken());
    check(r, name).problems.clone()
}

fn assert_problems(r: &Report, name: &str, expected: &[&str]) {
    assert_eq!(only_failure(r, name), expected);
    assert_eq!(check(r, name).problems_total, expected.len() as u64);
}

// ---- Check and Report ----

#[test]
fn a_check_shows_its_first_twenty_problems_and_counts_them_all() {
    let problems: Vec<String> = (0..25).map(|n| format!("p{n}")).collect();
    let c = external_check("triggers", "the triggers are there", problems.clone());
    assert_eq!(
        (c.name, c.description, c.checked),
        ("triggers", "the triggers are there", 1)
    );
    assert_eq!(c.problems, problems[..20]);
    assert_eq!(c.problems_total, 25);
    assert!(!c.ok());
    let one = external_check("triggers", "d", vec!["only".into()]);
    assert!(!one.ok());
    assert_eq!((one.problems, one.problems_total), (vec!["only".to_owned()], 1));
    assert!(external_check("triggers", "d", Vec::new()).ok());
}

#[test]
fn a_damaged_file_reports_the_integrity_check_alone() {
    let r = Report::damaged(external_check(
        INTEGRITY_CHECK,
        INTEGRITY_DESCRIPTION,
        vec!["page 3 is bad".into()],
    ));
    assert!(r.damaged && !r.ok());
    assert_eq!((r.entries, r.wallets, r.head.clone()), (0, 0, None));
    assert_eq!(r.checks.len(), 1);
    assert_eq!(
        r.checks[0].problems,
        [
            "page 3 is bad",
            "the other checks were not run: they would read damaged pages"
        ]
    );
    assert_eq!(r.broken(), ["sqlite_integrity (2 problem(s), first: page 3 is bad)"]);

    let unreadable = Report::unreadable("not a database".into());
    assert!(unreadable.damaged && !unreadable.ok());
    assert_eq!(unreadable.checks[0].name, INTEGRITY_CHECK);
    assert_eq!(unreadable.checks[0].description, INTEGRITY_DESCRIPTION);
    assert_eq!(unreadable.checks[0].problems_total, 2);
    assert_eq!(
        unreadable.broken(),
        ["sqlite_integrity (2 problem(s), first: not a database)"]
    );
}

#[test]
fn a_report_names_each_broken_check_with_its_first_problem() {
    let ok = Report {
        entries: 0,
        wallets: 0,
        checks: vec![external_check("a", "d", Vec::new())],
        head: None,
        seal: None,
        damaged: false,
    };
    assert!(ok.ok());
    assert!(ok.broken().is_empty());
    let r = Report {
        checks: vec![
            external_check("a", "d", Vec::new()),
            external_check("b", "d", vec!["first".into(), "second".into()]),
        ],
        ..ok
    };
    assert!(!r.ok());
    assert_eq!(r.broken(), ["b (2 problem(s), first: first)"]);
}

#[test]
fn an_anchor_is_seq_colon_lowercase_sha256() {
    let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let a: Anchor = format!("1:{hash}").parse().unwrap();
    assert_eq!(
        a,
        Anchor::Entry {
            seq: 1,
            hash: hash.into()
        }
    );
    assert_eq!(a.to_string(), format!("1:{hash}"));
    assert_eq!(format!("42:{hash}").parse::<Anchor>().unwrap().seq(), 42);
    let sealed: Anchor = format!("seal:7:{hash}").parse().unwrap();
    assert_eq!(
        sealed,
        Anchor::Seal {
            seq: 7,
            hash: hash.into()
        }
    );
    assert_eq!(sealed.to_string(), format!("seal:7:{hash}"));
    for bad in [
        format!("seal:{hash}"),
        format!("seal:0:{hash}"),
        format!("seal::{hash}"),
        format!("SEAL:1:{hash}"),
        format!("seal:seal:1:{hash}"),
        format!("0:{hash}"),
        format!("-1:{hash}"),
        format!("x:{hash}"),
        hash.to_owned(),
        format!("1:{}", &hash[1..]),
        format!("1:{hash}0"),
        format!("1:{}", hash.to_uppercase()),
        format!("1:{}", "g".repeat(64)),
        format!("1:{}", "z".repeat(64)),
    ] {
        let err = bad.parse::<Anchor>().unwrap_err().to_string();
        assert!(err.contains("is not SEQ:HASH or seal:N:HASH"), "{bad}: {err}");
    }
}

mod audit;
mod captures;
mod chains;
mod holds;
mod journal;
mod review;
mod snapshots;
mod transfers;
