//! Reads over the postings: accounts used, counterparties, first use and the trial balance.

use super::{apply, at, deposit, open, scope};
use crate::ledger::model::{Account, StoredEntry, Wallet};
use crate::ledger::operations::Operation;
use crate::ledger::reconcile::Movement;
use crate::store::{AccountTotals, Queries, Storage};

fn pay<Q: Queries>(tx: &Q, wallet: &Wallet, amount: &str, counterparty: &str, now: &str) {
    let op = Operation::payment(amount, counterparty, true, None, None).expect("a valid payment");
    apply(tx, &wallet.id, &op, now).expect("the payment applies");
}

pub(super) fn an_account_is_used_once_a_posting_moves_it<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let available = Account::available(&wallet).name();
            assert!(!tx.account_used(&available)?);
            deposit(tx, &wallet.id, "10.00", "10:00");
            assert!(tx.account_used(&available)?);
            assert!(!tx.account_used(&Account::frozen(&wallet).name())?);
            Ok(())
        })
        .unwrap();
}

pub(super) fn accounts_under_names_one_scopes_counterparties_without_the_prefix<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let mine = open(tx, &scope("tnt", "app"), "usr_1");
            // A tenant whose id starts with the first one's must not leak into its list.
            let longer = open(tx, &scope("tnt_2", "app"), "usr_1");
            deposit(tx, &mine.id, "100.00", "10:00");
            deposit(tx, &longer.id, "100.00", "10:00");
            pay(tx, &mine, "1.00", "mch_b", "10:01");
            pay(tx, &mine, "1.00", "mch_a", "10:02");
            pay(tx, &mine, "1.00", "mch_a", "10:03");
            pay(tx, &longer, "1.00", "mch_z", "10:04");
            let prefix = Account::counterparties_prefix(&scope("tnt", "app"));
            assert_eq!(tx.accounts_under(&prefix)?, ["mch_a", "mch_b"]);
            Ok(())
        })
        .unwrap();
}

pub(super) fn accounts_first_used_dates_each_account_within_the_window<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            pay(tx, &wallet, "1.00", "mch_1", "11:00");
            pay(tx, &wallet, "1.00", "mch_2", "12:00");
            let (available, settlement) = (Account::available(&wallet).name(), "assets:settlement:CNY".to_owned());
            let counterparty = |id| format!("{}{id}", Account::counterparties_prefix(&scope("tnt", "app")));
            let all = tx.accounts_first_used(None, None)?;
            assert_eq!(
                all,
                vec![
                    (settlement, at("10:00")),
                    (counterparty("mch_1"), at("11:00")),
                    (counterparty("mch_2"), at("12:00")),
                    (available.clone(), at("10:00")),
                ],
                "in account order"
            );
            // `since` is inclusive, `until` exclusive.
            let window = tx.accounts_first_used(Some(at("11:00")), Some(at("12:00")))?;
            assert_eq!(
                window,
                vec![(counterparty("mch_1"), at("11:00")), (available, at("11:00"))]
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn account_totals_sum_debits_and_credits_up_to_an_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            deposit(tx, &wallet.id, "100.00", "10:00");
            deposit(tx, &wallet.id, "20.00", "11:00");
            apply(tx, &wallet.id, &Operation::withdraw("5.00", None, None)?, "12:00")?;
            let line = |account: String, debit, credit| AccountTotals {
                account,
                currency: "CNY".into(),
                debit,
                credit,
            };
            let (settlement, available) = ("assets:settlement:CNY".to_owned(), Account::available(&wallet).name());
            assert_eq!(
                tx.account_totals(None)?,
                vec![
                    line(settlement.clone(), 12_000, 500),
                    line(available.clone(), 500, 12_000)
                ]
            );
            // Inclusive of `at`: the 11:00 deposit counts, the 12:00 withdrawal does not.
            assert_eq!(
                tx.account_totals(Some(at("11:00")))?,
                vec![line(settlement, 12_000, 0), line(available, 0, 12_000)]
            );
            Ok(())
        })
        .unwrap();
}

pub(super) fn posting_sum_adds_an_accounts_postings_up_to_an_instant<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let available = Account::available(&wallet).name();
            assert_eq!(tx.posting_sum(&available, at("09:30"))?, 0, "no postings yet");
            deposit(tx, &wallet.id, "100.00", "10:00");
            apply(tx, &wallet.id, &Operation::withdraw("5.00", None, None)?, "11:00")?;
            // A liability's credits are negative postings.
            assert_eq!(tx.posting_sum(&available, at("10:59"))?, -10_000);
            assert_eq!(tx.posting_sum(&available, at("11:00"))?, -9_500, "inclusive of `at`");
            assert_eq!(tx.posting_sum("assets:settlement:CNY", at("11:00"))?, 9_500);
            assert_eq!(tx.posting_sum("assets:nowhere", at("11:00"))?, 0);
            Ok(())
        })
        .unwrap();
}

pub(super) fn for_each_movement_streams_a_wallets_entries_in_a_window_with_its_own_postings<S: Storage>(mut store: S) {
    store
        .write(|tx| {
            let wallet = open(tx, &scope("tnt", "app"), "usr_1");
            let other = open(tx, &scope("tnt", "app"), "usr_2");
            deposit(tx, &wallet.id, "100.00", "10:00");
            let withdrawal = apply(tx, &wallet.id, &Operation::withdraw("5.00", None, None)?, "10:30")?;
            deposit(tx, &other.id, "1.00", "11:00");
            let freeze = apply(tx, &wallet.id, &Operation::freeze("10.00", None, None)?, "11:59")?;
            deposit(tx, &wallet.id, "7.00", "12:00");
            let (available, frozen) = (Account::available(&wallet).name(), Account::frozen(&wallet).name());
            let mut seen = Vec::new();
            // `since` inclusive, `until` exclusive: the 10:30 withdrawal and the 11:59 freeze.
            let count = tx.for_each_movement(&wallet.id, [&available, &frozen], at("10:30"), at("12:00"), |m| {
                seen.push(m);
                Ok(())
            })?;
            let moved = |entry: &StoredEntry, wallet_postings| Movement {
                id: entry.entry.id.clone(),
                kind: entry.entry.kind,
                balance_before: entry.entry.balance_before,
                balance_after: entry.entry.balance_after,
                wallet_postings,
                to_counterparty: false,
            };
            // A withdrawal debits the wallet; a freeze moves available to frozen, netting zero.
            assert_eq!(seen, vec![moved(&withdrawal, 500), moved(&freeze, 0)]);
            assert_eq!(count, 2);
            let none = tx.for_each_movement(&wallet.id, [&available, &frozen], at("12:01"), at("13:00"), |_| {
                panic!("no entry after 12:00")
            })?;
            assert_eq!(none, 0);
            Ok(())
        })
        .unwrap();
}
