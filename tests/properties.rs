//! Properties of the pure core (`ledgerctl::ledger`), over generated inputs: amounts parse and
//! format exactly and never round, in every currency; the strict amount grammar accepts nothing
//! beyond itself, whatever `rust_decimal` would accept; every plan the rules make is balanced;
//! an entry's hash is stable and changes with every field it covers.
//!
//! LEDGERCTL_PROPERTY_CASES (default 2000) cases per property; PROPTEST_RNG_SEED fixes the seed.

use std::collections::BTreeMap;
use std::str::FromStr;

use ledgerctl::ledger::chain::{entry_hash, Link, Owner, GENESIS_HASH};
use ledgerctl::ledger::model::{
    Account, Entry, Freeze, FreezeStatus, Postings, RawEntry, TxType, Wallet, WalletStatus,
};
use ledgerctl::ledger::money::{Amount, Currency};
use ledgerctl::ledger::operations::{Context, Direction, Operation, Referent};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;

fn cases() -> u32 {
    std::env::var("LEDGERCTL_PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..ProptestConfig::default()
    }
}

fn currency() -> impl Strategy<Value = Currency> {
    let all: Vec<Currency> = Currency::supported().map(|c| c.parse().expect("supported")).collect();
    prop::sample::select(all)
}

/// The value of a strict-grammar text in minor units, by schoolbook arithmetic: `None` when it
/// has more decimals than `exponent` (those must be refused, never rounded).
fn exact_minor(text: &str, exponent: u32) -> Option<i128> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > exponent as usize {
        return None;
    }
    let padded = format!("{whole}{fraction:0<width$}", width = exponent as usize);
    padded.parse().ok()
}

/// The strict grammar, said independently of src/ledger/money.rs: `0` or a digit string
/// without a leading zero, then optionally a dot and one or more digits.
fn strict(text: &str) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && (whole == "0" || !whole.starts_with('0')) && fraction.is_none_or(digits)
}

fn spec_refused_forms() -> Vec<String> {
    [
        "0",
        "0.00",
        "-5",
        "-0",
        "-0.00",
        "1e3",
        "1E3",
        "1e-2",
        "1_000",
        ".5",
        "5.",
        "+5",
        " 5",
        "5 ",
        "5,00",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "",
        "007",
        "00.5",
        "5..0",
        "5.0.0",
        "0x10",
        "５",
        "1.5e2",
        "１",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Every amount an operation may move formats with exactly the currency's decimals and
    /// parses back to the same minor units.
    #[test]
    fn amounts_round_trip_through_their_text_in_every_currency(
        currency in currency(),
        seed in 1_i64..=i64::MAX,
    ) {
        let minor = 1 + seed % currency.amount_max_minor();
        let text = currency.format(minor);
        let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(decimals, currency.exponent() as usize, "{}", text);
        prop_assert_eq!(currency.parse_amount(&text).map(Amount::minor), Ok(minor));
    }

    /// A text in the grammar is read exactly, or refused when it has more decimals than the
    /// currency (even `1.000` in CNY): never rounded. What is read formats back to the same
    /// number, padded to the currency's decimals.
    #[test]
    fn amounts_are_read_exactly_or_refused_never_rounded(
        currency in currency(),
        whole in prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,13}"],
        fraction in prop::option::of("[0-9]{1,6}"),
    ) {
        let text = match &fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole.clone(),
        };
        let parsed = currency.parse_amount(&text);
        let max = i128::from(currency.amount_max_minor());
        match exact_minor(&text, currency.exponent()) {
            Some(value) if value > 0 && value <= max => {
                let minor = parsed.map(Amount::minor);
                prop_assert_eq!(minor.map(i128::from), Ok(value), "{}", text);
                let formatted = currency.format(i64::try_from(value).expect("below the maximum"));
                prop_assert_eq!(exact_minor(&formatted, currency.exponent()), Some(value));
            }
            _ => prop_assert_eq!(parsed.map_err(|e| e.code()), Err("invalid_amount"), "{}", text),
        }
    }

    /// Whatever `rust_decimal` reads (signs, exponents, underscores, bare dots, 28+ decimals),
    /// ours either reads the very same value from a strict-grammar text, or refuses it as an
    /// invalid amount.
    #[test]
    fn the_strict_grammar_accepts_nothing_beyond_itself(
        currency in currency(),
        text in prop_oneof![
            r"[+-]?[0-9_]{0,6}(\.[0-9_]{0,6})?([eE][+-]?[0-9]{1,2})?",
            r"[0-9]{1,3}\.[0-9]{25,32}",
            r"[ +\-0-9._eE,]{0,12}",
            r"(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?",
        ],
    ) {
        let ours = currency.parse_amount(&text);
        if let Ok(amount) = &ours {
            prop_assert!(strict(&text), "accepted {:?}, outside the grammar", text);
            let value = Decimal::from_str(&text).expect("a strict-grammar text is a decimal");
            prop_assert_eq!(Decimal::new(amount.minor(), currency.exponent()), value, "{}", text);
        }
        match (Decimal::from_str(&text), ours) {
            (Ok(value), Err(e)) => {
                prop_assert_eq!(e.code(), "invalid_amount", "{:?} ({}) refused as {}", text, value, e);
            }
            (Err(_), Ok(amount)) => prop_assert!(false, "{:?} read as {:?}, which rust_decimal refuses", text, amount),
            _ => {}
        }
    }

    /// Every form SPEC section 2 lists is an invalid amount in every currency.
    #[test]
    fn every_refused_form_of_the_spec_is_an_invalid_amount(currency in currency()) {
        for text in spec_refused_forms() {
            let refused = currency.parse_amount(&text).map_err(|e| e.code());
            prop_assert_eq!(refused, Err("invalid_amount"), "{:?} in {}", text, currency);
        }
    }
}

#[derive(Debug, Clone)]
enum Planned {
    Deposit,
    Payment,
    Withdraw,
    Freeze,
    Unfreeze {
        active: bool,
        own: bool,
        amount: i64,
    },
    Refund {
        kind: TxType,
        own: bool,
        amount: i64,
        refunded: i64,
        whole: bool,
    },
    Adjust(Direction),
}

fn planned() -> impl Strategy<Value = Planned> {
    let kind = prop::sample::select(TxType::ALL.to_vec());
    prop_oneof![
        Just(Planned::Deposit),
        Just(Planned::Payment),
        Just(Planned::Withdraw),
        Just(Planned::Freeze),
        (any::<bool>(), prop::bool::weighted(0.9), 1_i64..5_000).prop_map(|(active, own, amount)| Planned::Unfreeze {
            active,
            own,
            amount
        }),
        (
            kind,
            prop::bool::weighted(0.9),
            1_i64..5_000,
            0_i64..5_000,
            any::<bool>()
        )
            .prop_map(|(kind, own, amount, refunded, whole)| Planned::Refund {
                kind,
                own,
                amount,
                refunded: refunded.min(amount),
                whole
            }),
        prop_oneof![Just(Direction::Credit), Just(Direction::Debit)].prop_map(Planned::Adjust),
    ]
}

fn wallet(currency: Currency, status: WalletStatus, available: i64, frozen: i64) -> Wallet {
    Wallet {
        id: "wlt_1".into(),
        tenant_id: "ten".into(),
        application_id: "app".into(),
        user_id: "usr_1".into(),
        currency,
        status,
        available,
        frozen,
        created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
        updated_at: "2026-04-15T10:30:00Z".parse().unwrap(),
    }
}

fn context() -> Context {
    Context {
        actor: "prop".into(),
        now: "2026-04-15T10:30:00Z".parse().unwrap(),
        transaction_id: "txn_new".into(),
        freeze_id: "frz_new".into(),
    }
}

/// An original transaction of `kind` on the wallet (or another one), with the postings the
/// ledger would have written for it.
fn original(w: &Wallet, kind: TxType, own: bool, amount: i64) -> Entry {
    let wallet_id = if own { w.id.clone() } else { "wlt_other".into() };
    let available = Account::WalletAvailable(wallet_id.clone());
    let settlement = Account::Settlement(w.currency);
    let (debit, credit) = match kind {
        TxType::Deposit | TxType::AdjustCredit => (settlement, available),
        _ => (available, settlement),
    };
    let amount = Amount::from_stored(amount).expect("positive");
    Entry {
        id: "txn_original".into(),
        wallet_id,
        kind,
        currency: w.currency,
        amount,
        balance_before: 0,
        balance_after: 0,
        counterparty_id: None,
        description: None,
        reference_id: None,
        original_id: None,
        freeze_id: None,
        postings: Postings::transfer(&debit, &credit, w.currency, amount),
        request: "{}".into(),
        actor: "prop".into(),
        created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
    }
}

proptest! {
    #![proptest_config(config())]

    /// Whatever the rules accept is one balanced entry: two postings in the wallet's currency
    /// summing to zero, moving the wallet's balances by exactly what they post, never below
    /// zero.
    #[test]
    fn every_plan_is_balanced_and_moves_the_wallet_by_its_postings(
        currency in currency(),
        status in prop::sample::select(vec![WalletStatus::Active, WalletStatus::Frozen, WalletStatus::Closed]),
        available in 0_i64..10_000,
        frozen in 0_i64..10_000,
        what in planned(),
        amount in 1_i64..12_000,
    ) {
        let w = wallet(currency, status, available, frozen);
        let text = currency.format(amount);
        let (operation, referent) = match what {
            Planned::Deposit => (Operation::deposit(&text, None, None), Referent::None),
            Planned::Payment => (Operation::payment(&text, "mch_1", true, None, None), Referent::None),
            Planned::Withdraw => (Operation::withdraw(&text, None, None), Referent::None),
            Planned::Freeze => (Operation::freeze(&text, None, None), Referent::None),
            Planned::Adjust(direction) => (Operation::adjust(direction, &text, "fix", None), Referent::None),
            Planned::Unfreeze { active, own, amount } => {
                let record = Freeze {
                    id: "frz_1".into(),
                    wallet_id: if own { w.id.clone() } else { "wlt_other".into() },
                    amount: Amount::from_stored(amount).expect("positive"),
                    reason: None,
                    status: if active { FreezeStatus::Active } else { FreezeStatus::Released },
                    created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
                    released_at: None,
                    release_reason: None,
                    captured: None,
                };
                (Operation::unfreeze("frz_1", None, None), Referent::Freeze(record))
            }
            Planned::Refund { kind, own, amount: original_amount, refunded, whole } => {
                let entry = original(&w, kind, own, original_amount);
                let requested = (!whole).then_some(text.as_str());
                (Operation::refund(&entry.id, requested, None, None), Referent::Original { entry, refunded })
            }
        };
        let operation = operation.expect("a valid request");
        let Ok(plan) = operation.plan(&w, &referent, &context()) else {
            return Ok(());
        };
        let postings = &plan.entry.postings;
        prop_assert_eq!(postings.len(), 2);
        let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
        for p in postings {
            prop_assert_eq!(p.currency.as_str(), currency.code());
            *sums.entry(&p.currency).or_default() += p.amount;
        }
        prop_assert!(sums.values().all(|s| *s == 0), "unbalanced: {:?}", postings);
        prop_assert_eq!(postings[0].amount, plan.entry.amount.minor(), "debit first, of the entry's amount");
        let moved = |account: Account| -> i64 {
            postings.iter().filter(|p| p.account == account.name()).map(|p| -p.amount).sum()
        };
        let after = &plan.wallet_after;
        prop_assert_eq!(after.available - w.available, moved(Account::available(&w)));
        prop_assert_eq!(after.frozen - w.frozen, moved(Account::frozen(&w)));
        prop_assert!(after.available >= 0 && after.frozen >= 0);
        prop_assert_eq!((plan.entry.balance_before, plan.entry.balance_after), (w.balance(), after.balance()));
    }
}

fn sample_entry() -> RawEntry {
    let currency = Currency::CNY;
    let amount = Amount::from_stored(5_000).expect("positive");
    Entry {
        id: "txn_01".into(),
        wallet_id: "wlt_01".into(),
        kind: TxType::Payment,
        currency,
        amount,
        balance_before: 10_000,
        balance_after: 5_000,
        counterparty_id: Some("mch_1".into()),
        description: Some("lunch".into()),
        reference_id: Some("ref-1".into()),
        original_id: None,
        freeze_id: None,
        postings: Postings::transfer(
            &Account::WalletAvailable("wlt_01".into()),
            &Account::Counterparty {
                tenant_id: "ten".into(),
                application_id: "app".into(),
                counterparty_id: "mch_1".into(),
            },
            currency,
            amount,
        )
        .to_vec(),
        request: r#"{"amount":"50.00","op":"payment"}"#.into(),
        actor: "alice".into(),
        created_at: "2026-04-15T10:30:00Z".parse().unwrap(),
    }
}

const OWNER: Owner<'static> = Owner {
    tenant_id: "ten",
    application_id: "app",
    user_id: "usr_1",
};

/// The hash of a fixed entry, pinned: every stored ledger's chain depends on the canonical form
/// staying byte for byte what it is. A deliberate change of the form is a migration, not an edit.
/// The canonical JSON is written out here, and the hash was computed outside ledgerctl (Python's
/// hashlib over the genesis hash, a newline and this JSON).
#[test]
fn an_entry_hash_is_pinned_for_a_known_entry() {
    let canonical = concat!(
        r#"{"seq":7,"id":"txn_01","wallet_id":"wlt_01","tenant_id":"ten","application_id":"app","#,
        r#""user_id":"usr_1","kind":"payment","currency":"CNY","amount":5000,"balance_before":10000,"#,
        r#""balance_after":5000,"counterparty_id":"mch_1","description":"lunch","reference_id":"ref-1","#,
        r#""original_id":null,"freeze_id":null,"request":"{\"amount\":\"50.00\",\"op\":\"payment\"}","#,
        r#""actor":"alice","created_at":"2026-04-15T10:30:00Z","postings":["#,
        r#"{"account":"liabilities:wallet:wlt_01:available","currency":"CNY","amount":5000},"#,
        r#"{"account":"liabilities:counterparty:ten:app:mch_1","currency":"CNY","amount":-5000}]}"#,
    );
    let pinned = "23244fda9b6121aeca2bcbaa421f685baba134bba0a7c888e1ebfcb6875458ba";
    assert_eq!(
        ledgerctl::ledger::chain::sha256_hex(&[GENESIS_HASH.as_bytes(), b"\n", canonical.as_bytes()]),
        pinned
    );
    assert_eq!(
        entry_hash(Link::Ledger { seq: 7 }, &sample_entry(), OWNER, GENESIS_HASH),
        pinned
    );

    // Since schema version 6 an entry is chained in its wallet: the same JSON, its place given
    // as `"version":2,"wallet_seq":7` in front (computed the same way, outside ledgerctl).
    let in_wallet = canonical.replacen(r#"{"seq":7,"#, r#"{"version":2,"wallet_seq":7,"#, 1);
    let pinned = "91e5423fb01d31fb2c4c15b625bf6b3853849f08bab74b3af7fb9ecb88fb97fb";
    assert_eq!(
        ledgerctl::ledger::chain::sha256_hex(&[GENESIS_HASH.as_bytes(), b"\n", in_wallet.as_bytes()]),
        pinned
    );
    assert_eq!(
        entry_hash(Link::Wallet { wallet_seq: 7 }, &sample_entry(), OWNER, GENESIS_HASH),
        pinned
    );
}

/// One change to one field the hash covers.
fn mutate(entry: &mut RawEntry, field: usize, text: &str) -> &'static str {
    fn other<T: From<String>>(value: &Option<T>, text: &str) -> Option<T> {
        match value {
            Some(_) => None,
            None => Some(text.to_owned().into()),
        }
    }
    match field {
        0 => entry.id = format!("{}{text}", entry.id).into(),
        1 => entry.wallet_id = format!("{}{text}", entry.wallet_id).into(),
        2 => {
            entry.kind = if entry.kind == TxType::Deposit {
                TxType::Withdraw
            } else {
                TxType::Deposit
            }
        }
        3 => {
            entry.currency = if entry.currency.code() == "JPY" {
                Currency::CNY
            } else {
                "JPY".parse().expect("JPY")
            }
        }
        4 => entry.amount = Amount::from_stored(entry.amount.minor() + 1).expect("positive"),
        5 => entry.balance_before += 1,
        6 => entry.balance_after -= 1,
        7 => entry.counterparty_id = other(&entry.counterparty_id, text),
        8 => entry.description = other(&entry.description, text),
        9 => entry.reference_id = other(&entry.reference_id, text),
        10 => entry.original_id = other(&entry.original_id, text),
        11 => entry.freeze_id = other(&entry.freeze_id, text),
        12 => entry.request.push(' '),
        13 => entry.actor.push_str(text),
        14 => entry.created_at = "2026-04-15T10:30:01Z".parse().unwrap(),
        15 => entry.postings[0].amount += 1,
        16 => entry.postings[1].account.push_str(text),
        17 => entry.postings[0].currency = "USD".into(),
        18 => entry.postings.swap(0, 1),
        _ => unreachable!("{field}"),
    }
    [
        "id",
        "wallet_id",
        "kind",
        "currency",
        "amount",
        "balance_before",
        "balance_after",
        "counterparty_id",
        "description",
        "reference_id",
        "original_id",
        "freeze_id",
        "request",
        "actor",
        "created_at",
        "posting amount",
        "posting account",
        "posting currency",
        "posting order",
    ][field]
}

proptest! {
    #![proptest_config(config())]

    /// The same entry always hashes the same, to 64 lower-case hex digits; changing any one
    /// field, its place (in the ledger or its wallet), its owner or the previous hash changes the
    /// hash.
    #[test]
    fn an_entry_hash_is_stable_and_changes_with_every_field(
        seq in 1_i64..1_000_000,
        in_wallet in any::<bool>(),
        amount in 1_i64..1_000_000,
        description in prop::option::of("[a-z ]{0,8}"),
        field in 0_usize..19,
        text in "[a-z0-9]{1,4}",
        prev in "[0-9a-f]{64}",
    ) {
        let mut entry = sample_entry();
        entry.amount = Amount::from_stored(amount).expect("positive");
        entry.description = description;
        let place = |n| if in_wallet { Link::Wallet { wallet_seq: n } } else { Link::Ledger { seq: n } };
        let link = place(seq);
        let hash = entry_hash(link, &entry, OWNER, &prev);
        prop_assert_eq!(&hash, &entry_hash(link, &entry.clone(), OWNER, &prev));
        prop_assert!(hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));

        let mut changed = entry.clone();
        let name = mutate(&mut changed, field, &text);
        prop_assert_ne!(&hash, &entry_hash(link, &changed, OWNER, &prev), "a change of {} kept the hash", name);
        prop_assert_ne!(&hash, &entry_hash(place(seq + 1), &entry, OWNER, &prev), "seq");
        let other_chain = if in_wallet { Link::Ledger { seq } } else { Link::Wallet { wallet_seq: seq } };
        prop_assert_ne!(&hash, &entry_hash(other_chain, &entry, OWNER, &prev), "chain version");
        prop_assert_ne!(&hash, &entry_hash(link, &entry, Owner { user_id: "usr_2", ..OWNER }, &prev), "owner");
        prop_assert_ne!(&hash, &entry_hash(link, &entry, Owner { tenant_id: "ten2", ..OWNER }, &prev), "tenant");
        prop_assert_ne!(&hash, &entry_hash(link, &entry, OWNER, GENESIS_HASH), "prev_hash");
    }

    /// A request's canonical form is what a `reference_id` repeat is compared by: amounts as
    /// money (`50` is `50.00`) and trimmed texts are the same request; one minor unit, another
    /// reference or another description is another request.
    #[test]
    fn a_request_canonical_form_compares_amounts_as_money(
        currency in currency(),
        minor in 1_i64..1_000_000,
        reference in "[a-z0-9]{1,6}",
    ) {
        let text = currency.format(minor);
        let short = match text.contains('.') {
            true => text.trim_end_matches('0').trim_end_matches('.'),
            false => text.as_str(),
        };
        let canonical = |amount: &str, description: &str, reference: &str| {
            Operation::withdraw(amount, Some(description.to_owned()), Some(reference.to_owned()))
                .and_then(|op| op.canonical(currency))
                .expect("a valid request")
        };
        let base = canonical(&text, "x", &reference);
        prop_assert_eq!(&base, &canonical(short, " x ", &reference));
        prop_assert_ne!(&base, &canonical(&currency.format(minor + 1), "x", &reference));
        prop_assert_ne!(&base, &canonical(&text, "y", &reference));
        prop_assert_ne!(&base, &canonical(&text, "x", &format!("{reference}_")));
    }
}
