//! The whole ledger: health, verify's checklist and the trial balance.

use serde::Serialize;

use crate::ledger::money::Currency;
use crate::ledger::verify::{Anchor, Check, Report, WalletIntegrity};
use crate::ops::{Sealed, TrialBalance};

/// `GET /healthz`: the ledger answers a read and the writer runs.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HealthView {
    #[schema(example = "ok")]
    pub status: String,
    /// Migrations applied to the ledger file.
    pub schema_version: i64,
}

#[derive(Debug, Serialize)]
pub struct CheckView {
    pub name: &'static str,
    pub description: &'static str,
    pub ok: bool,
    pub checked: u64,
    pub problems_total: u64,
    pub problems: Vec<String>,
}

impl From<&Check> for CheckView {
    fn from(c: &Check) -> CheckView {
        CheckView {
            name: c.name,
            description: c.description,
            ok: c.ok(),
            checked: c.checked,
            problems_total: c.problems_total,
            problems: c.problems.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct VerifyView {
    pub ok: bool,
    pub entries: u64,
    pub wallets: u64,
    pub checks: Vec<CheckView>,
    /// The last entry: record `"{seq}:{hash}"` outside the file and pass it to `--anchor` later.
    pub head: Option<HeadView>,
    /// The last seal (`ledger seal`): `"seal:{seq}:{hash}"` proves every wallet up to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seal: Option<HeadView>,
    /// `ledger verify --wallet`: the one wallet these checks were of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wallet: Option<WalletIntegrityView>,
}

/// One wallet's integrity, as the upstream's `domain.WalletIntegrityResult` names it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WalletIntegrityView {
    #[schema(example = "wlt_01JRZ3NDEKTSV4RRFFQ69G5FAV")]
    pub wallet_id: String,
    /// Every check passed: the wallet's chain, entries, balance history, refunds, balances and
    /// freeze records.
    pub valid: bool,
    /// The wallet's entries checked.
    pub total: u64,
    /// The `wallet_seq` (1, 2, 3… within the wallet) of the first entry found broken; null when
    /// none was (a wallet whose only fault is its cached balance is invalid with no entry named).
    #[schema(nullable, value_type = Option<i64>)]
    pub broken_at: Option<i64>,
    /// The hash of the wallet's last entry, its chain's head; null for a wallet without entries.
    #[schema(nullable, value_type = Option<String>)]
    pub last_hash: Option<String>,
}

impl WalletIntegrityView {
    pub fn new(wallet_id: &str, integrity: &WalletIntegrity) -> WalletIntegrityView {
        WalletIntegrityView {
            wallet_id: wallet_id.to_owned(),
            valid: integrity.valid(),
            total: integrity.total(),
            broken_at: integrity.broken_at,
            last_hash: integrity.last_hash.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct HeadView {
    pub seq: i64,
    pub hash: String,
    pub anchor: String,
}

impl From<&Report> for VerifyView {
    fn from(r: &Report) -> VerifyView {
        VerifyView {
            ok: r.ok(),
            entries: r.entries,
            wallets: r.wallets,
            checks: r.checks.iter().map(CheckView::from).collect(),
            head: r.head.as_ref().map(HeadView::from),
            seal: r.seal.as_ref().map(HeadView::from),
            wallet: None,
        }
    }
}

impl From<&Anchor> for HeadView {
    fn from(a: &Anchor) -> HeadView {
        HeadView {
            seq: a.seq(),
            hash: a.hash().to_owned(),
            anchor: a.to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TrialBalanceView {
    /// With `ledger trial-balance --at`: the moment these balances are of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub balanced: bool,
    pub accounts: Vec<AccountLineView>,
    pub totals: Vec<CurrencyTotalView>,
}

#[derive(Debug, Default, Serialize)]
pub struct AccountLineView {
    pub account: String,
    pub currency: String,
    pub debit: String,
    pub credit: String,
    /// On the account's normal side (debit for assets, credit for liabilities and equity).
    pub balance: String,
    pub normal_side: &'static str,
    /// A wallet's account: whose wallet it is (null for other accounts).
    pub tenant_id: Option<String>,
    pub application_id: Option<String>,
    pub user_id: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CurrencyTotalView {
    pub currency: String,
    pub debit: String,
    pub credit: String,
    pub balanced: bool,
}

impl From<&TrialBalance> for TrialBalanceView {
    fn from(tb: &TrialBalance) -> TrialBalanceView {
        let fmt = |currency: &str, minor: i128| format_wide(currency, minor);
        TrialBalanceView {
            as_of: tb.as_of.clone(),
            balanced: tb.balanced(),
            accounts: tb
                .lines
                .iter()
                .map(|l| AccountLineView {
                    account: l.account.clone(),
                    currency: l.currency.clone(),
                    debit: fmt(&l.currency, l.debit),
                    credit: fmt(&l.currency, l.credit),
                    balance: fmt(&l.currency, l.balance),
                    normal_side: match l.normal_side {
                        crate::ledger::model::NormalSide::Debit => "debit",
                        crate::ledger::model::NormalSide::Credit => "credit",
                    },
                    tenant_id: l.owner.as_ref().map(|o| o.tenant_id.clone()),
                    application_id: l.owner.as_ref().map(|o| o.application_id.clone()),
                    user_id: l.owner.as_ref().map(|o| o.user_id.clone()),
                })
                .collect(),
            totals: tb
                .totals
                .iter()
                .map(|t| CurrencyTotalView {
                    currency: t.currency.clone(),
                    debit: fmt(&t.currency, t.debit),
                    credit: fmt(&t.currency, t.credit),
                    balanced: t.debit == t.credit,
                })
                .collect(),
        }
    }
}

/// Formats a sum of minor units that may exceed `i64` (totals across many accounts).
pub fn format_wide(currency: &str, minor: i128) -> String {
    let exponent = currency.parse::<Currency>().map(Currency::exponent).unwrap_or(0);
    rust_decimal::Decimal::try_from_i128_with_scale(minor, exponent)
        .map(|d| d.to_string())
        .unwrap_or_else(|_| format!("{minor}e-{exponent}"))
}

/// What `ledger seal` made, or found: the seal and the anchor to keep.
#[derive(Debug, Serialize)]
pub struct SealView {
    pub seq: i64,
    pub anchor: String,
    pub hash: String,
    pub prev_hash: String,
    pub created_at: String,
    pub actor: String,
    /// How many wallet heads it recorded: those that moved since the seal before.
    pub wallets: usize,
    /// Whether this run made it; `false`: no head moved since it.
    pub created: bool,
}

impl From<&Sealed> for SealView {
    fn from(s: &Sealed) -> SealView {
        SealView {
            seq: s.seal.seq,
            anchor: s.seal.anchor().to_string(),
            hash: s.seal.hash.clone(),
            prev_hash: s.seal.prev_hash.clone(),
            created_at: s.seal.created_at.to_string(),
            actor: s.seal.actor.clone(),
            wallets: s.seal.heads.len(),
            created: s.created,
        }
    }
}
