//! The daily reconciliation (`ledger reconcile --date`, `GET /admin/wallets/reconciliation`):
//! each wallet's opening and closing balance for one day, the day's movements by kind, and
//! the proof that `closing = opening + movements`, judged from the journal alone (the
//! wallets' cached balances are never read).
//!
//! A day runs from midnight to midnight in the tenant's and application's policy timezone
//! (UTC without a policy): [`Day::in_zone`] is the one place a day meets a timezone.

use chrono::{Duration, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rust_decimal::Decimal;

use super::ids::TransactionId;
use super::limits::RECONCILIATION_WALLETS_MAX;
use super::model::{Scope, TxType, Wallet};
use super::money::Currency;
use super::policy::local_midnight;
use super::time::Timestamp;
use crate::error::{Error, Result};

pub mod statement;

/// One day, `[start, end)`, from midnight to midnight in `timezone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub start: Timestamp,
    pub end: Timestamp,
    pub timezone: Tz,
}

impl Day {
    /// A day written `YYYY-MM-DD`, and only so: chrono alone would also take `2026-4-5`.
    pub fn parse(field: &str, text: &str) -> Result<Day> {
        let refused = || Error::invalid(field, format!("{text:?} is not a date written YYYY-MM-DD (2026-04-15)"));
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| refused())?;
        if date.format("%Y-%m-%d").to_string() != text {
            return Err(refused());
        }
        Day::of(field, date)
    }

    /// The UTC day of `date` ([`Day::in_zone`] moves it to a policy's timezone); only the
    /// calendar's last day has no end to name.
    pub fn of(field: &str, date: NaiveDate) -> Result<Day> {
        let start = date.and_time(NaiveTime::MIN).and_utc();
        let end = start
            .checked_add_signed(Duration::days(1))
            .ok_or_else(|| Error::invalid(field, format!("{date} is the calendar's last day")))?;
        Ok(Day {
            date,
            start: Timestamp::at(start),
            end: Timestamp::at(end),
            timezone: Tz::UTC,
        })
    }

    /// The same date from midnight to midnight in `timezone` (a policy's): where a clock
    /// change skips midnight, from the first local time that exists.
    pub fn in_zone(self, timezone: Tz) -> Result<Day> {
        let next = self
            .date
            .succ_opt()
            .ok_or_else(|| Error::invalid("date", format!("{} is the calendar's last day", self.date)))?;
        Ok(Day {
            date: self.date,
            start: local_midnight(timezone, self.date),
            end: local_midnight(timezone, next),
            timezone,
        })
    }

    /// The last second before the day: the ledger keeps whole seconds, and a posting sum "up to
    /// an instant" includes it, so the opening balance is the sum up to this second.
    pub fn before_start(&self) -> Timestamp {
        Timestamp::at(self.start.instant() - Duration::seconds(1))
    }

    /// The day's last second: the closing balance is the sum up to it, inclusive.
    pub fn last_second(&self) -> Timestamp {
        Timestamp::at(self.end.instant() - Duration::seconds(1))
    }

    /// `2026-04-15`, as the report names its day.
    pub fn text(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }
}

/// One entry of a wallet's day as the store answers it: what the entry recorded of the
/// balance, and the sum of its postings to the wallet's own two accounts (available and
/// frozen; credits negative, so money into the wallet is a negative sum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub id: TransactionId,
    pub kind: TxType,
    pub balance_before: i64,
    pub balance_after: i64,
    pub wallet_postings: i64,
    /// The entry names a counterparty: a payment, a refund of one, or a capture paid to one.
    pub to_counterparty: bool,
}

/// A day's movements of one wallet by kind, each a sum of amounts (never negative): which way
/// each moves the balance is fixed by its kind ([`Totals::net`]). A refund into the wallet (of
/// a payment or a withdrawal) is a `refund`, a refund out of it (of a deposit) a
/// `deposit_refund`. Sums are `i128`: a day's many movements may add past `i64`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub deposit: i128,
    pub withdraw: i128,
    pub payment: i128,
    pub refund: i128,
    pub deposit_refund: i128,
    pub transfer_in: i128,
    pub transfer_out: i128,
    pub adjust_credit: i128,
    pub adjust_debit: i128,
}

impl Totals {
    /// What the day's movements did to the balance: credits to the wallet less debits.
    pub fn net(&self) -> i128 {
        self.deposit + self.refund + self.transfer_in + self.adjust_credit
            - self.withdraw
            - self.payment
            - self.deposit_refund
            - self.transfer_out
            - self.adjust_debit
    }

    /// Adds a movement of `kind` that moved the balance by `effect`; false when `kind` cannot
    /// move it that way (a deposit that lowered it, a freeze that changed it at all). A
    /// capture is the payment (`to_counterparty`) or the withdrawal it posts; the part of the
    /// hold it releases stays in the wallet, so only the captured amount moves the balance.
    fn add(&mut self, kind: TxType, effect: i128, to_counterparty: bool) -> bool {
        let (bucket, up) = match kind {
            TxType::Capture if to_counterparty => (&mut self.payment, false),
            TxType::Capture => (&mut self.withdraw, false),
            TxType::Deposit => (&mut self.deposit, true),
            TxType::TransferIn => (&mut self.transfer_in, true),
            TxType::AdjustCredit => (&mut self.adjust_credit, true),
            TxType::Withdraw => (&mut self.withdraw, false),
            TxType::Payment => (&mut self.payment, false),
            TxType::TransferOut => (&mut self.transfer_out, false),
            TxType::AdjustDebit => (&mut self.adjust_debit, false),
            TxType::Refund if effect >= 0 => (&mut self.refund, true),
            TxType::Refund => (&mut self.deposit_refund, false),
            // A freeze moves money between the wallet's two accounts: the total stays.
            TxType::Freeze | TxType::Unfreeze => return effect == 0,
        };
        *bucket += effect.abs();
        effect != 0 && (effect > 0) == up
    }
}

/// One wallet's day: its balances, movements, entry count and the first disagreement found
/// between them (`None`: the day reconciles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletDay {
    pub wallet: Wallet,
    pub opening: i64,
    pub closing: i64,
    pub totals: Totals,
    /// Every entry of the day, freezes and unfreezes included.
    pub count: u64,
    pub mismatch: Option<String>,
}

impl WalletDay {
    pub fn ok(&self) -> bool {
        self.mismatch.is_none()
    }
}

/// The checker one wallet's day is streamed through: [`DayCheck::movement`] for each entry in
/// journal order, then [`DayCheck::finish`] with the closing balance from the postings.
#[derive(Debug)]
pub struct DayCheck {
    currency: Currency,
    opening: i64,
    /// The balance after the entries seen so far, as their postings moved it.
    running: i128,
    last: Option<(TransactionId, i64)>,
    totals: Totals,
    count: u64,
    mismatch: Option<String>,
}

impl DayCheck {
    /// `opening`: the wallet's balance (available + frozen) from its postings before the day.
    pub fn new(currency: Currency, opening: i64) -> DayCheck {
        DayCheck {
            currency,
            opening,
            running: i128::from(opening),
            last: None,
            totals: Totals::default(),
            count: 0,
            mismatch: None,
        }
    }

    pub fn movement(&mut self, m: &Movement) {
        // Liabilities: a credit (negative posting) raises what the wallet holds.
        let effect = -i128::from(m.wallet_postings);
        let (kind, id) = (m.kind.as_str(), &m.id);
        if i128::from(m.balance_before) != self.running {
            let (before, held) = (self.money(m.balance_before.into()), self.money(self.running));
            self.note(format!(
                "{id} ({kind}) starts from {before}; the postings before it leave {held}"
            ));
        }
        if i128::from(m.balance_after) - i128::from(m.balance_before) != effect {
            let (before, after, moved) = (
                self.money(m.balance_before.into()),
                self.money(m.balance_after.into()),
                self.money(effect),
            );
            self.note(format!(
                "{id} ({kind}) records {before} → {after}; its postings move {moved}"
            ));
        }
        if !self.totals.add(m.kind, effect, m.to_counterparty) {
            let moved = self.money(effect);
            self.note(format!(
                "{id} ({kind}) moves the balance by {moved}, which a {kind} cannot"
            ));
        }
        self.running += effect;
        self.last = Some((m.id.clone(), m.balance_after));
        self.count += 1;
    }

    /// The day judged: `closing` is the wallet's balance from its postings up to the day's end.
    pub fn finish(mut self, wallet: Wallet, closing: i64) -> WalletDay {
        let expected = i128::from(self.opening) + self.totals.net();
        if expected != i128::from(closing) {
            let (opening, net, expected, closing) = (
                self.money(self.opening.into()),
                self.money(self.totals.net()),
                self.money(expected),
                self.money(closing.into()),
            );
            self.note(format!(
                "closing {closing} is not opening {opening} + movements {net} = {expected}"
            ));
        }
        if let Some((id, after)) = self.last.clone() {
            if after != closing {
                let (after, closing) = (self.money(after.into()), self.money(closing.into()));
                self.note(format!(
                    "the day's last entry {id} ends at {after}; the postings at {closing}"
                ));
            }
        }
        WalletDay {
            wallet,
            opening: self.opening,
            closing,
            totals: self.totals,
            count: self.count,
            mismatch: self.mismatch,
        }
    }

    /// Keeps the first disagreement: the rest usually follow from it.
    fn note(&mut self, mismatch: String) {
        self.mismatch.get_or_insert(mismatch);
    }

    fn money(&self, minor: i128) -> String {
        format_minor(self.currency, minor)
    }
}

/// `minor` units of `currency` as a decimal string with its exponent (`-5.00`).
pub fn format_minor(currency: Currency, minor: i128) -> String {
    Decimal::try_from_i128_with_scale(minor, currency.exponent())
        .map(|d| d.to_string())
        .unwrap_or_else(|_| format!("{minor}e-{}", currency.exponent()))
}

/// Whether a report holding `held` records may take one more: a tenant and application with
/// more than [`RECONCILIATION_WALLETS_MAX`] wallets is refused whole, never cut short.
pub fn room_for_one_more(scope: &Scope, held: usize) -> Result<()> {
    if held < RECONCILIATION_WALLETS_MAX {
        return Ok(());
    }
    Err(Error::invalid(
        "date",
        format!(
            "tenant {} application {} holds more than {RECONCILIATION_WALLETS_MAX} wallets, more than one reconciliation report holds",
            scope.tenant_id, scope.application_id
        ),
    ))
}

/// The report of one day over a tenant and application: each wallet that existed by the
/// day's end, in user id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    pub day: Day,
    pub scope: Scope,
    pub records: Vec<WalletDay>,
}

impl Reconciliation {
    /// The wallets whose day does not reconcile, each with its mismatch.
    pub fn failures(&self) -> Vec<String> {
        self.records
            .iter()
            .filter_map(|r| {
                Some(format!(
                    "{} ({}): {}",
                    r.wallet.user_id,
                    r.wallet.id,
                    r.mismatch.as_ref()?
                ))
            })
            .collect()
    }

    pub fn ok(&self) -> bool {
        self.records.iter().all(WalletDay::ok)
    }
}

#[cfg(test)]
mod tests;
