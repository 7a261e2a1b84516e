//! The daily reconciliation (`ledger reconcile --date`, `GET /admin/wallets/reconciliation`):
//! every wallet of a tenant and application, streamed, each day judged by
//! `ledger::reconcile` from its postings and entries on one snapshot.

use crate::error::{Error, Result};
use crate::ledger::model::{Account, Scope, Wallet};
use crate::ledger::reconcile::{room_for_one_more, Day, DayCheck, Reconciliation, WalletDay};
use crate::store::{Queries, Storage};

/// The day `day` of every wallet of `scope` that existed by its end, in user id order, the day
/// counted in the scope's policy timezone (read on the same snapshot). The wallets are
/// streamed and each one's entries too; only the records are held, at most
/// `RECONCILIATION_WALLETS_MAX` of them.
pub fn reconcile_day<S: Storage>(store: &mut S, scope: &Scope, day: Day) -> Result<Reconciliation> {
    store.read(|tx| {
        let day = day.in_zone(super::policy::current(tx, scope)?.timezone)?;
        let mut records = Vec::new();
        tx.for_each_wallet(scope, None, |wallet| {
            if wallet.created_at >= day.end {
                return Ok(());
            }
            room_for_one_more(scope, records.len())?;
            records.push(wallet_day(tx, wallet, &day)?);
            Ok(())
        })?;
        Ok(Reconciliation {
            day,
            scope: scope.clone(),
            records,
        })
    })
}

/// One wallet's day: its opening and closing totals (available + frozen) from the postings up
/// to each end of the day, and its entries of the day streamed through the check between them.
fn wallet_day<Q: Queries>(tx: &Q, wallet: Wallet, day: &Day) -> Result<WalletDay> {
    let (available, frozen) = (Account::available(&wallet).name(), Account::frozen(&wallet).name());
    // Liabilities: credits (negative postings) are what the wallet holds.
    let total_at = |at| -> Result<i64> {
        let sum = i128::from(tx.posting_sum(&available, at)?) + i128::from(tx.posting_sum(&frozen, at)?);
        i64::try_from(-sum).map_err(|_| Error::internal(format!("wallet {} holds {sum} minor units", wallet.id)))
    };
    let opening = total_at(day.before_start())?;
    let closing = total_at(day.last_second())?;
    let mut check = DayCheck::new(wallet.currency, opening);
    tx.for_each_movement(&wallet.id, [&available, &frozen], day.start, day.end, |movement| {
        check.movement(&movement);
        Ok(())
    })?;
    Ok(check.finish(wallet, closing))
}
