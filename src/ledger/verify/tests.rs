//! The pure checker, in process: an honest ledger passes every check, and each kind of
//! tampering fails exactly the check that names it, with the message that says why.

use super::*;
use crate::ledger::chain::{audit_hash, entry_hash, AuditEvent, AuditRecord, GENESIS_HASH};
use crate::ledger::model::{Entry, Posting, Scope, StatusChange, WalletStatus};
use crate::ledger::money::{Amount, Currency};
use crate::ledger::operations::{Context, FreezeChange, Operation, Referent};
use crate::ledger::token::{Access, Token, TokenKind};

/// Wallets, their journal and their freeze records, built by the operations' own rules.
struct Book {
    wallets: Vec<Wallet>,
    entries: Vec<StoredEntry>,
    freezes: Vec<Freeze>,
}

impl Book {
    /// One empty CNY wallet `wlt_<user>` per user.
    fn new(users: &[&str]) -> Book {
        let scope = Scope {
            tenant_id: "t".into(),
            application_id: "a".into(),
        };
        let wallets = users
            .iter()
            .map(|u| Wallet::open(&scope, u, Currency::CNY, format!("wlt_{u}"), "2026-01-01T00:00:00Z"))
            .collect();
        Book {
            wallets,
            entries: Vec::new(),
            freezes: Vec::new(),
        }
    }

    /// Applies `op` to wallet `w` and returns the new transaction's id (`txn_<seq>`).
    fn apply(&mut self, w: usize, op: Operation, referent: Referent) -> String {
        let seq = self.entries.len() as i64 + 1;
        let ctx = Context {
            actor: "test".into(),
            now: "2026-01-01T00:00:00Z".into(),
            transaction_id: format!("txn_{seq}"),
            freeze_id: format!("frz_{seq}"),
        };
        let plan = op.plan(&self.wallets[w], &referent, &ctx).unwrap();
        let prev = self.entries.last().map_or(GENESIS_HASH.to_owned(), |e| e.hash.clone());
        let hash = entry_hash(seq, &plan.entry, Owner::of(&self.wallets[w]), &prev);
        self.entries.push(StoredEntry {
            seq,
            entry: plan.entry,
            prev_hash: prev,
            hash,
        });
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
        }
        ctx.transaction_id
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
        self.entries.last().unwrap().entry.freeze_id.clone().unwrap_or(id)
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
        self.apply(w, op, Referent::Original { entry, refunded })
    }

    /// Recomputes every hash and link from `seq` and content, as a forger who knows the
    /// scheme would: what is left to catch a change is the check it breaks.
    fn rehash(&mut self) {
        let mut prev = GENESIS_HASH.to_owned();
        for stored in &mut self.entries {
            stored.prev_hash = prev;
            let owner = self
                .wallets
                .iter()
                .find(|w| w.id == stored.entry.wallet_id)
                .map_or(NO_OWNER, Owner::of);
            stored.hash = entry_hash(stored.seq, &stored.entry, owner, &stored.prev_hash);
            prev = stored.hash.clone();
        }
    }

    fn verify(&self, anchors: &[Anchor], extra: Vec<Check>) -> Report {
        let mut v = Verifier::new(anchors, &self.wallets);
        self.entries.iter().for_each(|e| v.entry(e));
        v.finish(&self.wallets, &self.freezes, extra)
    }

    fn report(&self) -> Report {
        self.verify(&[], Vec::new())
    }

    fn entry(&mut self, id: &str) -> &mut Entry {
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
    let mut book = Book::new(&["u"]);
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
        Anchor {
            seq: 1,
            hash: hash.into()
        }
    );
    assert_eq!(format!("42:{hash}").parse::<Anchor>().unwrap().seq, 42);
    for bad in [
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
        assert!(err.contains("is not SEQ:HASH"), "{bad}: {err}");
    }
}

// ---- the journal checks ----

#[test]
fn an_honest_ledger_passes_every_check_and_counts_what_it_checked() {
    let f = full();
    let extra = external_check("triggers", "d", Vec::new());
    let r = f.book.verify(&[], vec![extra]);
    assert!(r.ok(), "{:?}", r.broken());
    assert!(!r.damaged);
    let names: Vec<_> = r.checks.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "hash_chain",
            "entries_balance",
            "balance_history",
            "wallet_balances",
            "refund_caps",
            "freezes",
            "triggers",
            "anchors"
        ]
    );
    let counts: Vec<_> = r.checks.iter().map(|c| c.checked).collect();
    assert_eq!(counts, [8, 8, 8, 2, 2, 2, 1, 0]);
    assert_eq!((r.entries, r.wallets), (8, 2));
    let last = f.book.entries.last().unwrap();
    assert_eq!(
        r.head,
        Some(Anchor {
            seq: 8,
            hash: last.hash.clone()
        })
    );
    let w = &f.book.wallets[0];
    assert_eq!((w.available, w.frozen), (5_000, 1_000));
    assert!(small().report().ok());
}

#[test]
fn an_empty_ledger_passes_and_has_no_head() {
    let book = Book::new(&["u"]);
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!((r.entries, r.wallets, r.head), (0, 1, None));
}

#[test]
fn an_edited_entry_no_longer_matches_its_hash() {
    let mut book = small();
    book.entries[0].entry.description = Some("edited".into());
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_1 (seq 1) does not match its hash: it, or its wallet's owner, was changed"],
    );
}

#[test]
fn a_wallet_handed_to_another_owner_breaks_the_chain() {
    let mut book = small();
    book.wallets[0].user_id = "thief".into();
    let problems = only_failure(&book.report(), "hash_chain");
    assert_eq!(problems.len(), 2);
}

#[test]
fn an_entry_linked_to_another_hash_breaks_the_chain() {
    let mut book = small();
    book.entries[1].prev_hash = "f".repeat(64);
    let owner = Owner::of(&book.wallets[0]);
    book.entries[1].hash = entry_hash(2, &book.entries[1].entry, owner, &book.entries[1].prev_hash);
    assert_problems(
        &book.report(),
        "hash_chain",
        &["entry txn_2 (seq 2) does not link to the previous entry's hash"],
    );
}

#[test]
fn a_renumbered_entry_breaks_the_chain() {
    let mut book = small();
    book.entries[1].seq = 3;
    book.rehash();
    let r = book.report();
    assert_problems(&r, "hash_chain", &["entry txn_2 has seq 3, expected 2"]);
    assert_eq!(r.head.unwrap().seq, 3);
}

#[test]
fn a_removed_entry_is_named_by_its_seq_and_its_link() {
    let mut book = small();
    book.entries.remove(0);
    book.wallets[0].available = -3_000;
    let r = book.report();
    let problems = check(&r, "hash_chain").problems.clone();
    assert_eq!(
        problems,
        [
            "entry txn_2 has seq 2, expected 1",
            "entry txn_2 (seq 2) does not link to the previous entry's hash"
        ]
    );
}

#[test]
fn an_entry_of_a_wallet_that_does_not_exist_is_named() {
    let mut book = small();
    book.entries[1].entry.wallet_id = "wlt_ghost".into();
    for p in &mut book.entries[1].entry.postings {
        p.account = p.account.replace("wlt_u", "wlt_ghost");
    }
    book.entries[1].entry.balance_before = 0;
    book.entries[1].entry.balance_after = -3_000;
    book.wallets[0].available = 10_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["entries_balance", "wallet_balances"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "entries_balance").problems,
        ["entry txn_2 names wallet wlt_ghost, which does not exist"]
    );
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["the journal has postings for wallet wlt_ghost, which does not exist"]
    );
}

#[test]
fn an_entry_in_another_currency_is_named() {
    let kwd: Currency = "KWD".parse().unwrap();
    let mut book = small();
    book.entries[1].entry.currency = kwd;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2 is not in its wallet's currency CNY"],
    );

    let mut book = small();
    for p in &mut book.entries[1].entry.postings {
        p.currency = "KWD".into();
    }
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2 is not in its wallet's currency CNY"],
    );
}

#[test]
fn postings_that_do_not_sum_to_zero_per_currency_are_named() {
    let mut book = small();
    book.entries[1].entry.postings[0].currency = "KWD".into();
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 is not in its wallet's currency CNY",
            "entry txn_2 does not balance in CNY: postings sum to -3000",
        ],
    );

    // A debit that no credit matches: the sum is shown with its sign.
    let mut book = small();
    book.entries[0].entry.postings[0].amount = 12_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_1 does not balance in CNY: postings sum to 2000",
            "entry txn_1's postings do not move its amount",
        ],
    );
}

#[test]
fn postings_that_do_not_move_the_amount_are_named() {
    // The amount no longer matches balanced postings.
    let mut book = small();
    book.entries[1].entry.amount = Amount::from_stored(2_000).unwrap();
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_2's postings do not move its amount"],
    );

    // The debit moves the amount, the credit does not.
    let mut book = small();
    book.entries[1].entry.postings[1].amount = -2_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 does not balance in CNY: postings sum to 1000",
            "entry txn_2's postings do not move its amount",
        ],
    );

    // The credit moves the amount, the debit does not.
    let mut book = small();
    book.entries[1].entry.postings[0].amount = 2_000;
    book.entries[1].entry.balance_after = 8_000;
    book.wallets[0].available = 8_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &[
            "entry txn_2 does not balance in CNY: postings sum to -1000",
            "entry txn_2's postings do not move its amount",
        ],
    );
}

#[test]
fn an_entry_without_two_postings_is_named() {
    let mut book = small();
    let credit = book.entries[0].entry.postings.pop().unwrap();
    book.entries[0].entry.postings.push(Posting {
        amount: -4_000,
        ..credit.clone()
    });
    book.entries[0].entry.postings.push(Posting {
        amount: -6_000,
        ..credit
    });
    book.rehash();
    assert_problems(
        &book.report(),
        "entries_balance",
        &["entry txn_1 has 3 postings, not 2"],
    );

    let mut book = small();
    book.entries[0].entry.postings.clear();
    book.entries[0].entry.balance_after = 0;
    book.entries[1].entry.balance_before = 0;
    book.entries[1].entry.balance_after = -3_000;
    book.wallets[0].available = -3_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["entries_balance", "wallet_balances"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "entries_balance").problems,
        ["entry txn_1 has 0 postings, not 2"]
    );
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u has a negative balance"]
    );
}

#[test]
fn a_balance_before_that_drifts_from_the_previous_balance_after_is_named() {
    let mut book = small();
    book.entries[1].entry.balance_before = 9_000;
    book.entries[1].entry.balance_after = 6_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "balance_history",
        &["transaction txn_2 says balance_before 9000 but the wallet's previous balance_after was 10000"],
    );
}

#[test]
fn a_balance_after_that_its_postings_do_not_explain_is_named() {
    let mut f = full();
    let last = f.book.entries.len() - 1;
    f.book.entries[last].entry.balance_after += 1;
    f.book.rehash();
    assert_problems(
        &f.book.report(),
        "balance_history",
        &["transaction txn_8's balance change does not match its postings"],
    );

    // A freeze moves money between the wallet's two accounts: its total stays.
    let mut f = full();
    let id = f.freeze_active.clone();
    let e = f
        .book
        .entries
        .iter_mut()
        .find(|e| e.entry.freeze_id.as_deref() == Some(id.as_str()) && e.entry.kind == TxType::Freeze)
        .unwrap();
    let txn = e.entry.id.clone();
    e.entry.balance_after -= 1_000;
    f.book.rehash();
    let r = f.book.report();
    assert_eq!(broken(&r), ["balance_history"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "balance_history").problems[0],
        format!("transaction {txn}'s balance change does not match its postings")
    );
}

#[test]
fn cached_balances_that_differ_from_the_postings_are_named() {
    let mut f = full();
    f.book.wallets[0].available += 1;
    assert_problems(
        &f.book.report(),
        "wallet_balances",
        &["wallet wlt_u holds available 5001 / frozen 1000 but its postings give 5000 / 1000 (minor units)"],
    );

    let mut f = full();
    f.book.wallets[0].frozen = 2_000;
    let r = f.book.report();
    assert_eq!(broken(&r), ["wallet_balances", "freezes"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u holds available 5000 / frozen 2000 but its postings give 5000 / 1000 (minor units)"]
    );

    let mut f = full();
    f.book.wallets[1].available = 1;
    assert_problems(
        &f.book.report(),
        "wallet_balances",
        &["wallet wlt_v holds available 1 / frozen 0 but its postings give 0 / 0 (minor units)"],
    );
}

#[test]
fn a_negative_balance_is_named_even_when_the_postings_agree() {
    // Money withdrawn that was never there, with postings and history that agree.
    let mut book = small();
    book.entries.remove(0);
    book.entries[0].seq = 1;
    book.entries[0].entry.balance_before = 0;
    book.entries[0].entry.balance_after = -3_000;
    book.wallets[0].available = -3_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "wallet_balances",
        &["wallet wlt_u has a negative balance"],
    );

    // A negative frozen balance: money moved out of the frozen account that was never in it.
    let mut book = Book::new(&["u"]);
    book.deposit(0, "10");
    let postings = &mut book.entries[0].entry.postings;
    postings[0].account = Account::WalletFrozen("wlt_u".into()).name();
    postings[1].account = Account::WalletAvailable("wlt_u".into()).name();
    book.entries[0].entry.balance_after = 0;
    book.wallets[0].available = 1_000;
    book.wallets[0].frozen = -1_000;
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["wallet_balances", "freezes"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "wallet_balances").problems,
        ["wallet wlt_u has a negative balance"]
    );
    assert_eq!(
        check(&r, "freezes").problems,
        ["wallet wlt_u's active freezes add up to 0 minor units, its frozen balance is -1000"]
    );
}

// ---- refunds ----

#[test]
fn refunds_up_to_their_original_pass_and_beyond_it_fail() {
    let mut f = full();
    let payment = f.payment.clone();
    let last_refund = f.book.entries[3].entry.id.clone();
    f.book.entry(&last_refund).amount = Amount::from_stored(2_600).unwrap();
    f.book.rehash();
    let r = f.book.report();
    assert_eq!(broken(&r), ["entries_balance", "refund_caps"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "refund_caps").problems,
        [format!(
            "refunds of {payment} add up to 4100 minor units, more than its 4000"
        )]
    );

    // One refund of the whole original, then one more minor unit.
    let mut book = Book::new(&["u"]);
    let deposit = book.deposit(0, "100");
    book.refund(0, &deposit, None);
    assert!(book.report().ok(), "{:?}", book.report().broken());
    book.deposit(0, "1");
    let extra = book.entries.last().unwrap().entry.id.clone();
    book.entry(&extra).kind = TxType::Refund;
    book.entry(&extra).original_id = Some(deposit.clone());
    book.rehash();
    assert_problems(
        &book.report(),
        "refund_caps",
        &[&format!(
            "refunds of {deposit} add up to 10100 minor units, more than its 10000"
        )],
    );
}

#[test]
fn a_refund_must_name_an_earlier_refundable_transaction_of_its_wallet() {
    // An original that is not refundable (a freeze), that does not exist, or none at all.
    for original in [Some("frz"), Some("txn_404"), None] {
        let mut f = full();
        let refund = f.book.entries[2].entry.id.clone();
        let named = match original {
            Some("frz") => Some(f.book.entries[4].entry.id.clone()),
            other => other.map(str::to_owned),
        };
        f.book.entry(&refund).original_id = named.clone();
        f.book.rehash();
        let shown = named.unwrap_or_else(|| "(none)".into());
        assert_problems(
            &f.book.report(),
            "refund_caps",
            &[&format!(
                "refund {refund} names {shown}, which is not an earlier refundable transaction of its wallet"
            )],
        );
    }

    // Another wallet's payment.
    let mut book = Book::new(&["u", "v"]);
    book.deposit(0, "100");
    book.deposit(1, "100");
    let theirs = book.payment(1, "40");
    let refund = book.refund(1, &theirs, Some("10"));
    let e = book.entries.iter_mut().find(|e| e.entry.id == refund).unwrap();
    e.entry.wallet_id = "wlt_u".into();
    for p in &mut e.entry.postings {
        p.account = p.account.replace("wlt_v", "wlt_u");
    }
    e.entry.balance_before = 10_000;
    e.entry.balance_after = 11_000;
    book.wallets[0].available = 11_000;
    book.wallets[1].available = 6_000;
    book.rehash();
    assert_problems(
        &book.report(),
        "refund_caps",
        &[&format!(
            "refund {refund} names {theirs}, which is not an earlier refundable transaction of its wallet"
        )],
    );
}

// ---- freezes ----

#[test]
fn a_freeze_record_whose_amount_differs_from_the_journal_is_named() {
    let mut f = full();
    let id = f.freeze_released.clone();
    f.book.freeze_record(&id).amount = Amount::from_stored(2_500).unwrap();
    assert_problems(
        &f.book.report(),
        "freezes",
        &[&format!("freeze {id}'s amount differs from its journal entry")],
    );

    let mut f = full();
    let id = f.freeze_active.clone();
    f.book.freeze_record(&id).amount = Amount::from_stored(500).unwrap();
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id}'s amount differs from its journal entry"),
            "wallet wlt_u's active freezes add up to 500 minor units, its frozen balance is 1000",
        ],
    );
}

#[test]
fn a_freeze_record_whose_status_differs_from_the_journal_is_named() {
    let mut f = full();
    let id = f.freeze_released.clone();
    f.book.freeze_record(&id).status = FreezeStatus::Active;
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id} is active but the journal disagrees"),
            "wallet wlt_u's active freezes add up to 3000 minor units, its frozen balance is 1000",
        ],
    );

    let mut f = full();
    let id = f.freeze_active.clone();
    f.book.freeze_record(&id).status = FreezeStatus::Released;
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            &format!("freeze {id} is released but the journal disagrees"),
            "wallet wlt_u's active freezes add up to 0 minor units, its frozen balance is 1000",
        ],
    );
}

#[test]
fn a_freeze_record_without_a_journal_entry_is_named() {
    let mut f = full();
    let mut forged = f.book.freezes[0].clone();
    forged.id = "frz_forged".into();
    forged.wallet_id = "wlt_v".into();
    f.book.freezes.push(forged);
    assert_problems(&f.book.report(), "freezes", &["freeze frz_forged has no journal entry"]);
    assert_eq!(check(&f.book.report(), "freezes").checked, 3);

    let mut f = full();
    let mut forged = f.book.freezes[1].clone();
    forged.id = "frz_forged".into();
    f.book.freezes.push(forged);
    assert_problems(
        &f.book.report(),
        "freezes",
        &[
            "freeze frz_forged has no journal entry",
            "wallet wlt_u's active freezes add up to 2000 minor units, its frozen balance is 1000",
        ],
    );
}

// ---- anchors ----

#[test]
fn anchors_still_in_the_journal_pass() {
    let f = full();
    let anchors: Vec<Anchor> = f.book.entries[..3]
        .iter()
        .map(|e| Anchor {
            seq: e.seq,
            hash: e.hash.clone(),
        })
        .collect();
    let r = f.book.verify(&anchors, Vec::new());
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "anchors").checked, 3);
}

#[test]
fn an_anchor_whose_entry_changed_is_named() {
    let mut book = small();
    let anchor = Anchor {
        seq: 1,
        hash: book.entries[0].hash.clone(),
    };
    book.entries[0].entry.description = Some("edited".into());
    book.rehash();
    assert_problems(
        &book.verify(&[anchor], Vec::new()),
        "anchors",
        &["entry txn_1 (seq 1) no longer has the anchored hash"],
    );
}

#[test]
fn anchors_past_the_end_of_the_journal_are_named_in_order() {
    let book = small();
    let anchor = |seq| Anchor {
        seq,
        hash: "a".repeat(64),
    };
    assert_problems(
        &book.verify(&[anchor(9), anchor(3)], Vec::new()),
        "anchors",
        &[
            "the anchored entry seq 3 is gone: the journal ends at seq 2",
            "the anchored entry seq 9 is gone: the journal ends at seq 2",
        ],
    );
}

// ---- cached balances before a write ----

fn proof(book: &Book) -> BalanceProof {
    BalanceProof {
        last_entry: book.entries.last().cloned(),
        active_frozen: book
            .freezes
            .iter()
            .filter(|f| f.status == FreezeStatus::Active)
            .map(|f| f.amount.minor())
            .sum(),
    }
}

#[test]
fn cached_balances_the_journal_proves_pass() {
    let f = full();
    assert_eq!(check_cached_balances(&f.book.wallets[0], &proof(&f.book)), Ok(()));
    let empty = Book::new(&["u"]);
    assert_eq!(check_cached_balances(&empty.wallets[0], &proof(&empty)), Ok(()));
}

#[test]
fn cached_balances_the_journal_does_not_prove_fail() {
    let f = full();
    let p = proof(&f.book);
    let w = &f.book.wallets[0];
    let expect = |available, frozen| {
        format!(
            "wallet wlt_u holds available {available} / frozen {frozen} (minor units) but its journal proves a balance of 6000 with 1000 frozen by active freezes"
        )
    };
    let more = Wallet {
        available: 5_001,
        ..w.clone()
    };
    assert_eq!(check_cached_balances(&more, &p), Err(expect(5_001, 1_000)));
    // The total still holds, but less of it is frozen than the active freezes hold.
    let moved = Wallet {
        available: 6_000,
        frozen: 0,
        ..w.clone()
    };
    assert_eq!(check_cached_balances(&moved, &p), Err(expect(6_000, 0)));
    let overflow = Wallet {
        available: i64::MAX,
        ..w.clone()
    };
    assert!(check_cached_balances(&overflow, &p).is_err());

    let empty = Book::new(&["u"]);
    let rich = Wallet {
        available: 1,
        ..empty.wallets[0].clone()
    };
    assert!(check_cached_balances(&rich, &proof(&empty)).is_err());
}

#[test]
fn a_last_entry_that_no_longer_matches_its_hash_fails_the_cached_balances() {
    let mut f = full();
    let mut p = proof(&f.book);
    p.last_entry.as_mut().unwrap().entry.balance_after += 100;
    f.book.wallets[0].available += 100;
    assert_eq!(
        check_cached_balances(&f.book.wallets[0], &p),
        Err("wallet wlt_u's last journal entry txn_8 (seq 8) does not match its hash".into())
    );
}

// ---- wallet statuses ----

fn change(wallet_id: &str, from: WalletStatus, to: WalletStatus) -> StatusChange {
    StatusChange {
        wallet_id: wallet_id.into(),
        from,
        to,
        reason: "r".into(),
        actor: "test".into(),
        created_at: "2026-01-01T00:00:00Z".into(),
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
        created_at: "2026-01-01T00:00:00Z".into(),
        expires_at: None,
        revoked_at: revoked_at.map(str::to_owned),
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
            revoked_at: "2026-01-02T00:00:00Z",
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
    a.tokens[0].revoked_at = Some("2027-01-01T00:00:00Z".into());
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
    a.tokens[1].revoked_at = Some("2026-01-03T00:00:00Z".into());
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
        revoked_at: Some("2027-01-01T00:00:00Z".into()),
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

// ---- the first tests, on a journal built step by step ----
/// A small chained journal: a deposit of 100.00 and a withdrawal of 30.00.
fn journal() -> (Vec<StoredEntry>, Wallet) {
    let scope = Scope {
        tenant_id: "t".into(),
        application_id: "a".into(),
    };
    let mut wallet = Wallet::open(&scope, "u", Currency::CNY, "wlt_1".into(), "2026-01-01T00:00:00Z");
    let mut stored = Vec::new();
    let mut prev = GENESIS_HASH.to_owned();
    for (n, op) in [
        Operation::deposit("100", None, None),
        Operation::withdraw("30", None, None),
    ]
    .into_iter()
    .enumerate()
    {
        let ctx = Context {
            actor: "test".into(),
            now: "2026-01-01T00:00:00Z".into(),
            transaction_id: format!("txn_{n}"),
            freeze_id: format!("frz_{n}"),
        };
        let p = op.unwrap().plan(&wallet, &Referent::None, &ctx).unwrap();
        let seq = n as i64 + 1;
        let hash = entry_hash(seq, &p.entry, Owner::of(&wallet), &prev);
        stored.push(StoredEntry {
            seq,
            entry: p.entry,
            prev_hash: prev.clone(),
            hash: hash.clone(),
        });
        prev = hash;
        wallet = p.wallet_after;
    }
    (stored, wallet)
}

fn report_of(entries: &[StoredEntry], wallet: &Wallet) -> Report {
    let mut v = Verifier::new(&[], std::slice::from_ref(wallet));
    entries.iter().for_each(|e| v.entry(e));
    v.finish(std::slice::from_ref(wallet), &[], Vec::new())
}

#[test]
fn an_honest_journal_verifies() {
    let (entries, wallet) = journal();
    let r = report_of(&entries, &wallet);
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!((r.entries, r.wallets, wallet.available), (2, 1, 7_000));
}

#[test]
fn an_edited_description_breaks_the_chain() {
    let (mut entries, wallet) = journal();
    entries[0].entry.description = Some("edited".into());
    assert_eq!(broken(&report_of(&entries, &wallet)), ["hash_chain"]);
}

#[test]
fn an_edited_amount_breaks_the_chain_the_postings_and_the_balances() {
    let (mut entries, wallet) = journal();
    entries[1].entry.postings[0].amount = 1_000;
    entries[1].entry.postings[1].amount = -1_000;
    assert_eq!(
        broken(&report_of(&entries, &wallet)),
        ["hash_chain", "entries_balance", "balance_history", "wallet_balances"]
    );
}

#[test]
fn a_wallet_handed_to_another_owner_or_currency_breaks_the_chain() {
    let (entries, wallet) = journal();
    let stolen = Wallet {
        tenant_id: "evil".into(),
        ..wallet.clone()
    };
    assert!(broken(&report_of(&entries, &stolen)).contains(&"hash_chain"));
    let renamed = Wallet {
        currency: "KWD".parse().unwrap(),
        ..wallet
    };
    assert!(broken(&report_of(&entries, &renamed)).contains(&"entries_balance"));
}

#[test]
fn a_removed_entry_is_a_gap_in_the_chain() {
    let (mut entries, mut wallet) = journal();
    entries.remove(0);
    wallet.available = 7_000;
    let r = report_of(&entries, &wallet);
    assert!(broken(&r).contains(&"hash_chain"), "{:?}", r.broken());
}

#[test]
fn an_unbalanced_entry_is_named() {
    let (mut entries, wallet) = journal();
    entries[0].entry.postings.pop();
    let r = report_of(&entries, &wallet);
    assert!(broken(&r).contains(&"entries_balance"));
    let check = r.checks.iter().find(|c| c.name == "entries_balance").unwrap();
    assert!(
        check.problems.iter().any(|p| p.contains("has 1 postings, not 2")),
        "{:?}",
        check.problems
    );
}
