//! The ledger's nouns: wallets, accounts, journal entries (the wallet transactions) and freezes.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use super::entry::{Entry, JournalRow, Posting, Postings, RawEntry, StoredEntry, Transaction};
use super::ids::{FreezeId, WalletId};
use super::money::{Amount, Currency};
use super::time::Timestamp;
use crate::error::{Error, Result};

/// Who a caller is allowed to act for: one tenant and application (the CLI's `--tenant/--app`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope {
    pub tenant_id: String,
    pub application_id: String,
}

/// The upstream's three wallet statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalletStatus {
    /// Everything is allowed.
    Active,
    /// The whole wallet is frozen: no debits; credits still land.
    Frozen,
    /// Nothing is allowed; only a wallet with a zero balance may be closed.
    Closed,
}

impl WalletStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WalletStatus::Active => "active",
            WalletStatus::Frozen => "frozen",
            WalletStatus::Closed => "closed",
        }
    }
}

impl FromStr for WalletStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<WalletStatus> {
        match s {
            "active" => Ok(WalletStatus::Active),
            "frozen" => Ok(WalletStatus::Frozen),
            "closed" => Ok(WalletStatus::Closed),
            other => Err(Error::invalid(
                "status",
                format!("{other:?} is not one of active, frozen, closed"),
            )),
        }
    }
}

/// A user's wallet: two liability accounts, `available` and `frozen`, in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wallet {
    pub id: WalletId,
    pub tenant_id: String,
    pub application_id: String,
    pub user_id: String,
    pub currency: Currency,
    pub status: WalletStatus,
    /// Minor units the user may spend.
    pub available: i64,
    /// Minor units held by active freezes.
    pub frozen: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Wallet {
    /// A new wallet for a user in a scope; nothing is posted until money moves.
    pub fn open(scope: &Scope, user_id: &str, currency: Currency, id: WalletId, now: Timestamp) -> Wallet {
        Wallet {
            id,
            tenant_id: scope.tenant_id.clone(),
            application_id: scope.application_id.clone(),
            user_id: user_id.to_owned(),
            currency,
            status: WalletStatus::Active,
            available: 0,
            frozen: 0,
            created_at: now,
            updated_at: now,
        }
    }

    /// The tenant and application the wallet belongs to.
    pub fn scope(&self) -> Scope {
        Scope {
            tenant_id: self.tenant_id.clone(),
            application_id: self.application_id.clone(),
        }
    }

    /// The user's total balance: what the operator owes them (available + frozen).
    pub fn balance(&self) -> i64 {
        self.available + self.frozen
    }
}

/// The kinds of journal entry, i.e. of wallet transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TxType {
    Deposit,
    Payment,
    Withdraw,
    Freeze,
    Unfreeze,
    Refund,
    AdjustCredit,
    AdjustDebit,
    /// A transfer's leg in the sender's wallet: its available balance → the transfers clearing
    /// account.
    TransferOut,
    /// A transfer's leg in the receiver's wallet: the clearing account → its available balance.
    TransferIn,
    /// A freeze's held amount posted, all or part, as a withdrawal (to settlement) or a payment
    /// (to a counterparty), the rest released to available: one entry that ends the freeze.
    Capture,
}

impl TxType {
    pub const ALL: [TxType; 11] = [
        TxType::Deposit,
        TxType::Payment,
        TxType::Withdraw,
        TxType::Freeze,
        TxType::Unfreeze,
        TxType::Refund,
        TxType::AdjustCredit,
        TxType::AdjustDebit,
        TxType::TransferOut,
        TxType::TransferIn,
        TxType::Capture,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TxType::Deposit => "deposit",
            TxType::Payment => "payment",
            TxType::Withdraw => "withdraw",
            TxType::Freeze => "freeze",
            TxType::Unfreeze => "unfreeze",
            TxType::Refund => "refund",
            TxType::AdjustCredit => "adjust_credit",
            TxType::AdjustDebit => "adjust_debit",
            TxType::TransferOut => "transfer_out",
            TxType::TransferIn => "transfer_in",
            TxType::Capture => "capture",
        }
    }

    /// Payments, withdrawals and deposits can be refunded, and a capture, which is a withdrawal
    /// or a payment of held money; nothing else can. A transfer is undone by a transfer back,
    /// which its receiver must agree to (docs/accounting.md).
    pub fn is_refundable(self) -> bool {
        matches!(
            self,
            TxType::Payment | TxType::Withdraw | TxType::Deposit | TxType::Capture
        )
    }
}

impl FromStr for TxType {
    type Err = Error;
    fn from_str(s: &str) -> Result<TxType> {
        TxType::ALL.into_iter().find(|t| t.as_str() == s).ok_or_else(|| {
            let known: Vec<&str> = TxType::ALL.iter().map(|t| t.as_str()).collect();
            Error::invalid("type", format!("{s:?} is not one of {}", known.join(", ")))
        })
    }
}

impl fmt::Display for TxType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account of the chart of accounts. Its name is its identity in postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    /// `assets:settlement:<CUR>`: money at the bank or payment provider (debit-normal).
    Settlement(Currency),
    /// `liabilities:wallet:<wallet_id>:available` (credit-normal).
    WalletAvailable(WalletId),
    /// `liabilities:wallet:<wallet_id>:frozen` (credit-normal).
    WalletFrozen(WalletId),
    /// `liabilities:counterparty:<tenant>:<app>:<id>`: merchants paid from wallets.
    Counterparty {
        tenant_id: String,
        application_id: String,
        counterparty_id: String,
    },
    /// `equity:adjustments:<CUR>`: manual corrections by finance operators.
    Adjustments(Currency),
    /// `liabilities:transfers:<CUR>`: the clearing account a transfer passes through between
    /// its two legs, written in one transaction; its balance is always zero.
    Transfers(Currency),
}

impl Account {
    pub fn available(wallet: &Wallet) -> Account {
        Account::WalletAvailable(wallet.id.clone())
    }

    pub fn frozen(wallet: &Wallet) -> Account {
        Account::WalletFrozen(wallet.id.clone())
    }

    /// What every counterparty account of a tenant and application is named after: its name
    /// without the counterparty id.
    pub fn counterparties_prefix(scope: &Scope) -> String {
        format!("liabilities:counterparty:{}:{}:", scope.tenant_id, scope.application_id)
    }

    pub fn name(&self) -> String {
        match self {
            Account::Settlement(c) => format!("assets:settlement:{c}"),
            Account::WalletAvailable(w) => format!("liabilities:wallet:{w}:available"),
            Account::WalletFrozen(w) => format!("liabilities:wallet:{w}:frozen"),
            Account::Counterparty {
                tenant_id,
                application_id,
                counterparty_id,
            } => format!("liabilities:counterparty:{tenant_id}:{application_id}:{counterparty_id}"),
            Account::Adjustments(c) => format!("equity:adjustments:{c}"),
            Account::Transfers(c) => format!("liabilities:transfers:{c}"),
        }
    }
}

/// Whether an account's balance grows with debits (assets) or credits (liabilities, equity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormalSide {
    Debit,
    Credit,
}

impl NormalSide {
    /// The side of an account, from the root of its name.
    pub fn of(account_name: &str) -> NormalSide {
        if account_name.starts_with("assets:") || account_name.starts_with("expenses:") {
            NormalSide::Debit
        } else {
            NormalSide::Credit
        }
    }

    /// An account's balance on its normal side, from the signed sum of its postings.
    pub fn balance(self, signed_sum: i128) -> i128 {
        match self {
            NormalSide::Debit => signed_sum,
            NormalSide::Credit => -signed_sum,
        }
    }
}

/// The state of a freeze record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreezeStatus {
    Active,
    Released,
    /// Ended by a capture: part or all of it was posted out, the rest released.
    Captured,
}

impl FreezeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FreezeStatus::Active => "active",
            FreezeStatus::Released => "released",
            FreezeStatus::Captured => "captured",
        }
    }
}

impl FromStr for FreezeStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<FreezeStatus> {
        match s {
            "active" => Ok(FreezeStatus::Active),
            "released" => Ok(FreezeStatus::Released),
            "captured" => Ok(FreezeStatus::Captured),
            other => Err(Error::invalid(
                "status",
                format!("{other:?} is not one of active, released, captured"),
            )),
        }
    }
}

/// Funds held in a wallet's `frozen` account until released.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freeze {
    pub id: FreezeId,
    pub wallet_id: WalletId,
    pub amount: Amount,
    pub reason: Option<String>,
    pub status: FreezeStatus,
    pub created_at: Timestamp,
    pub released_at: Option<Timestamp>,
    /// Why it was released, when the unfreeze gave a reason.
    pub release_reason: Option<String>,
    /// What a capture posted out of it, and when; `None` unless it is captured.
    pub captured: Option<Captured>,
}

/// The part of a freeze a capture posted out (the rest went back to available), and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Captured {
    pub amount: Amount,
    pub at: Timestamp,
}

/// A change of a wallet's status, with who made it and why. Append-only, like the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub wallet_id: WalletId,
    pub from: WalletStatus,
    pub to: WalletStatus,
    pub reason: String,
    pub actor: String,
    pub created_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counterparty_account_is_named_after_its_tenant_and_application() {
        let scope = Scope {
            tenant_id: "tnt".into(),
            application_id: "app".into(),
        };
        let account = Account::Counterparty {
            tenant_id: "tnt".into(),
            application_id: "app".into(),
            counterparty_id: "mch_1".into(),
        };
        let prefix = Account::counterparties_prefix(&scope);
        assert_eq!(prefix, "liabilities:counterparty:tnt:app:");
        assert_eq!(account.name(), format!("{prefix}mch_1"));
    }
}
