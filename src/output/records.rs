//! The records and grids the `Table` format draws: a record is a field per line, a grid a list.

use super::table::{self, Column, Grid};
use super::views::{BalanceView, FreezeView, TokenView, TransactionView, WalletView};
use crate::ledger::model::TxType;

/// What the `Table` format prints: a record (a field per line) or a list (a grid).
pub(super) enum Table {
    Record(String),
    Grid(Grid),
}

impl Table {
    pub(super) fn add_row<S: ToString>(&mut self, cells: Vec<S>) {
        if let Table::Grid(grid) = self {
            grid.row(cells.iter().map(ToString::to_string).collect());
        }
    }
}

pub(super) fn grid(columns: Vec<Column>) -> Table {
    Table::Grid(Grid::new(columns))
}

/// A record's fields, one per line (the flag said whether the value is money, which the
/// layout no longer needs: values are left-aligned after their names).
pub(super) fn record(rows: Vec<(&str, String, bool)>) -> Table {
    let rows: Vec<(&str, String)> = rows.into_iter().map(|(name, value, _)| (name, value)).collect();
    Table::Record(table::record(&rows))
}

/// A wallet listing, one row per wallet.
pub(super) fn wallets_table(items: &[WalletView]) -> Table {
    let mut t = grid(vec![
        Column::plain("USER", 0),
        Column::plain("WALLET", 1),
        Column::plain("CURRENCY", 0),
        Column::money("BALANCE", 0),
        Column::money("FROZEN", 2),
        Column::money("AVAILABLE", 0),
        Column::plain("STATUS", 0),
        Column::plain("CREATED", 3),
    ]);
    for w in items {
        t.add_row(vec![
            &w.user_id,
            &w.wallet_id,
            &w.currency,
            &w.balance,
            &w.frozen_balance,
            &w.available_balance,
            &w.status,
            &w.created_at,
        ]);
    }
    t
}

pub(super) fn wallet_table(w: &WalletView) -> Table {
    record(vec![
        ("user", w.user_id.clone(), false),
        ("tenant / app", format!("{} / {}", w.tenant_id, w.application_id), false),
        ("status", w.status.clone(), false),
        ("balance", format!("{} {}", w.balance, w.currency), true),
        ("frozen", format!("{} {}", w.frozen_balance, w.currency), true),
        ("available", format!("{} {}", w.available_balance, w.currency), true),
        ("updated", w.updated_at.clone(), false),
    ])
}

pub(super) fn balance_table(b: &BalanceView, currency: &str) -> Table {
    record(vec![
        ("balance", format!("{} {currency}", b.balance), true),
        ("frozen", format!("{} {currency}", b.frozen_balance), true),
        ("available", format!("{} {currency}", b.available_balance), true),
    ])
}

pub(super) fn token_table(t: &TokenView) -> Table {
    record(vec![
        ("name", t.name.clone().unwrap_or_else(|| "-".to_owned()), false),
        ("kind", t.kind.to_owned(), false),
        ("tenant / app", format!("{} / {}", t.tenant_id, t.application_id), false),
        (
            "user",
            t.user_id.clone().unwrap_or_else(|| "(any user)".to_owned()),
            false,
        ),
        ("scope", t.scope.to_owned(), false),
        ("status", t.status.to_owned(), false),
        ("created", format!("{} by {}", t.created_at, t.created_by), false),
        (
            "expires",
            t.expires_at.clone().unwrap_or_else(|| "never".to_owned()),
            false,
        ),
        ("revoked", t.revoked_at.clone().unwrap_or_else(|| "-".to_owned()), false),
    ])
}

pub(super) fn transaction_table(t: &TransactionView) -> Table {
    let mut rows = vec![
        ("type", t.kind.clone(), false),
        ("status", t.status.to_owned(), false),
        ("amount", format!("{} {}", t.amount, t.currency), true),
        ("balance before", format!("{} {}", t.balance_before, t.currency), true),
        ("balance after", format!("{} {}", t.balance_after, t.currency), true),
    ];
    let optional = [
        (
            "refunded",
            t.refunded_amount.as_ref().map(|a| format!("{a} {}", t.currency)),
            true,
        ),
        // A transfer's receiving leg names the sending leg, as a refund names what it refunds.
        (
            if t.kind == TxType::TransferIn.as_str() {
                "transfer from"
            } else {
                "refund of"
            },
            t.original_transaction_id.clone(),
            false,
        ),
        ("counterparty", t.counterparty_id.clone(), false),
        // A capture names the freeze it ended (a freeze's own table is titled by its id).
        (
            "freeze",
            t.freeze_id.clone().filter(|_| t.kind == TxType::Capture.as_str()),
            false,
        ),
        ("description", t.description.clone(), false),
        ("reason", t.reason.clone(), false),
        ("reference", t.reference_id.clone(), false),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, v, money)| v.map(|v| (k, v, money))),
    );
    rows.push(("created", t.created_at.clone(), false));
    record(rows)
}

pub(super) fn freeze_table(f: &FreezeView) -> Table {
    let mut rows = vec![("status", f.status.clone(), false), ("amount", f.amount.clone(), true)];
    if let Some(reason) = &f.reason {
        rows.push(("reason", reason.clone(), false));
    }
    rows.push(("created", f.created_at.clone(), false));
    if let Some(released) = &f.released_at {
        rows.push(("released", released.clone(), false));
    }
    if let Some(reason) = &f.release_reason {
        rows.push(("release reason", reason.clone(), false));
    }
    if let (Some(amount), Some(at)) = (&f.captured_amount, &f.captured_at) {
        rows.push(("captured", amount.clone(), true));
        rows.push(("captured at", at.clone(), false));
    }
    record(rows)
}
