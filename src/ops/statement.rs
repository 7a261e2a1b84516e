//! The statement match (`ledger reconcile --statement`): the settlement entries of a scope's
//! wallets within a period, from one snapshot, paired with a statement's lines by
//! `ledger::reconcile::statement`.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Result;
use crate::ledger::model::{Account, Scope};
use crate::ledger::money::Currency;
use crate::ledger::reconcile::statement::{pair, period, LedgerItem, StatementLine, StatementMatch};
use crate::ledger::reconcile::Day;
use crate::store::{Queries, Storage};

/// Pairs `lines` dated within the period (`from` and `to`, UTC days, inclusive; else the
/// statement's first and last date) with the entries of `scope`'s wallets made in those days
/// that post to `assets:settlement:<currency>`: deposits, withdrawals and their refunds.
pub fn match_statement<S: Storage>(
    store: &mut S,
    scope: &Scope,
    currency: Currency,
    (from, to): (Option<Day>, Option<Day>),
    lines: Vec<StatementLine>,
) -> Result<StatementMatch> {
    let (from, to) = period(&lines, from.map(|d| d.date), to.map(|d| d.date))?;
    let (from, to) = (Day::of("from", from)?, Day::of("to", to)?);
    let within = |date: NaiveDate| from.date <= date && date <= to.date;
    let total = lines.len();
    let lines: Vec<StatementLine> = lines.into_iter().filter(|l| within(l.date)).collect();
    let items = store.read(|tx| settlement_items(tx, scope, currency, from, to))?;
    Ok(StatementMatch {
        currency,
        from: from.date,
        to: to.date,
        outside: total - lines.len(),
        rows: pair(lines, items),
    })
}

/// The journal streamed from the period's start: only the scope's wallets' entries made before
/// its end that move the settlement account, each with that posting's signed amount.
fn settlement_items<Q: Queries>(
    tx: &Q,
    scope: &Scope,
    currency: Currency,
    from: Day,
    to: Day,
) -> Result<Vec<LedgerItem>> {
    let mut users = HashMap::new();
    tx.for_each_wallet(scope, None, |wallet| {
        users.insert(wallet.id, wallet.user_id);
        Ok(())
    })?;
    let settlement = Account::Settlement(currency).name();
    let mut items = Vec::new();
    tx.for_each_entry(Some(from.start), |row| {
        let entry = row.entry;
        if entry.created_at < from.start || entry.created_at >= to.end {
            return Ok(());
        }
        let Some(user_id) = users.get(&entry.wallet_id) else {
            return Ok(());
        };
        let moved: Vec<i64> = entry
            .postings
            .iter()
            .filter(|p| p.account == settlement)
            .map(|p| p.amount)
            .collect();
        if moved.is_empty() {
            return Ok(());
        }
        items.push(LedgerItem {
            id: entry.id,
            kind: entry.kind,
            user_id: user_id.clone(),
            date: entry.created_at.instant().date_naive(),
            amount: moved.iter().sum(),
            reference: entry.reference_id,
        });
        Ok(())
    })?;
    Ok(items)
}
