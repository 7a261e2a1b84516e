//! Snapshots: upstream's `dto.SnapshotCreateResult` and `dto.WalletSnapshotResponse`, plus
//! what a finance team needs to tie them to the journal.

use serde::Serialize;

use crate::ledger::reconcile::format_minor;
use crate::ledger::snapshot::{date_text, WalletSnapshot};
use crate::ledger::time::Timestamp;
use crate::ops::SnapshotTaken;

use super::Envelope;

/// `dto.SnapshotCreateResult`, plus the application, the instant the balances are of, the
/// timezone the day is counted in, and who took it when. A repeat answers the same fields.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SnapshotCreateView {
    #[schema(example = "2026-04-14")]
    pub snapshot_date: String,
    #[schema(example = "tnt_xyz789")]
    pub tenant_id: String,
    pub application_id: String,
    /// The day runs from midnight to midnight in this timezone: the tenant's and application's
    /// policy timezone when the snapshot was taken, UTC without a policy.
    #[schema(example = "Asia/Shanghai")]
    pub timezone: String,
    /// The instant the balances are of: the day's end (every entry made before it counts).
    #[schema(example = "2026-04-15T00:00:00Z")]
    pub snapshot_at: String,
    /// The wallets snapshotted: those of the tenant and application opened by the day's end.
    pub snapshot_count: u64,
    /// The wallets of the tenant and application when the snapshot was taken (opened later
    /// ones are not in it).
    pub wallets_total: u64,
    /// When it was taken and by whom (`token:tok_…`, or the OS user of the CLI).
    pub created_at: String,
    pub created_by: String,
}

/// `dto.WalletSnapshotResponse`, plus the day, the currency, the balance's two parts and the
/// wallet's last entry by then (what `ledger verify` proves the balances against).
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct WalletSnapshotView {
    #[schema(example = "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV")]
    pub wallet_id: String,
    #[schema(example = "usr_abc123")]
    pub user_id: String,
    #[schema(example = "2026-04-14")]
    pub snapshot_date: String,
    #[schema(example = "2026-04-15T00:00:00Z")]
    pub snapshot_at: String,
    #[schema(example = "CNY")]
    pub currency: String,
    /// The total, available + frozen.
    #[schema(example = "1000.00")]
    pub balance: String,
    #[schema(example = "900.00")]
    pub available_balance: String,
    #[schema(example = "100.00")]
    pub frozen_balance: String,
    /// The wallet's last entry by `snapshot_at`; null when it had none.
    #[schema(nullable, value_type = Option<String>)]
    pub last_transaction_id: Option<String>,
    /// That entry's place in the wallet's hash chain.
    #[schema(nullable, value_type = Option<i64>)]
    pub last_wallet_seq: Option<i64>,
    /// That entry's hash.
    #[schema(nullable, value_type = Option<String>)]
    pub last_hash: Option<String>,
}

impl From<&SnapshotTaken> for SnapshotCreateView {
    fn from(taken: &SnapshotTaken) -> SnapshotCreateView {
        let run = &taken.run;
        SnapshotCreateView {
            snapshot_date: date_text(run.date),
            tenant_id: run.scope.tenant_id.clone(),
            application_id: run.scope.application_id.clone(),
            timezone: run.timezone.clone(),
            snapshot_at: run.snapshot_at.to_string(),
            snapshot_count: run.snapshot_count,
            wallets_total: run.wallets_total,
            created_at: run.created_at.to_string(),
            created_by: run.actor.clone(),
        }
    }
}

/// A snapshot's answer, the CLI's and the server's alike: 201 `created` when this request took
/// it, 200 `already taken` with the first answer's data when it had been taken before.
pub fn snapshot_envelope(taken: &SnapshotTaken, now: Timestamp) -> Envelope<SnapshotCreateView> {
    let view = SnapshotCreateView::from(taken);
    if taken.created {
        Envelope::created(view, now)
    } else {
        Envelope::with_message("already taken: the snapshot as it was first taken", view, now)
    }
}

impl From<&WalletSnapshot> for WalletSnapshotView {
    fn from(s: &WalletSnapshot) -> WalletSnapshotView {
        let money = |minor: i64| format_minor(s.currency, minor.into());
        WalletSnapshotView {
            wallet_id: s.wallet_id.to_string(),
            user_id: s.user_id.clone(),
            snapshot_date: date_text(s.date),
            snapshot_at: s.snapshot_at.to_string(),
            currency: s.currency.code().to_owned(),
            balance: money(s.balance),
            available_balance: money(s.available),
            frozen_balance: money(s.frozen),
            last_transaction_id: s.last.as_ref().map(|l| l.transaction_id.to_string()),
            last_wallet_seq: s.last.as_ref().map(|l| l.wallet_seq),
            last_hash: s.last.as_ref().map(|l| l.hash.clone()),
        }
    }
}
