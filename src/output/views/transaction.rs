//! Transactions: as a record, as a journal entry with its postings, and as an operation's result.

use serde::Serialize;

use super::{FreezeResult, FreezeView, WalletView};
use crate::ledger::model::{Entry, TxType};
use crate::ledger::money::Currency;
use crate::ops::Outcome;

/// `dto.TransactionResponse`, plus what a refund needs: the original it refunds, and on a
/// refundable transaction how much of it has been refunded.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct TransactionView {
    pub id: String,
    pub wallet_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub amount: String,
    pub currency: String,
    pub balance_before: String,
    pub balance_after: String,
    /// Payments, captures paid to a counterparty, and their refunds; null otherwise.
    pub counterparty_id: Option<String>,
    /// What the caller wrote (deposit, payment, withdraw); a refund's and an unfreeze's name
    /// their original; a freeze's and an adjustment's is their reason. Null when none.
    pub description: Option<String>,
    /// Null when the request gave none.
    pub reference_id: Option<String>,
    /// The reason a refund, freeze, unfreeze or adjustment gave; null when none (always for
    /// deposits, payments and withdrawals).
    pub reason: Option<String>,
    #[schema(value_type = String, example = "completed")]
    pub status: &'static str,
    pub created_at: String,
    /// Refunds: the transaction refunded; null otherwise.
    pub original_transaction_id: Option<String>,
    /// Payments, withdrawals and deposits: how much has been refunded ("0.00" for none); null
    /// for the types that cannot be refunded.
    pub refunded_amount: Option<String>,
    /// Freezes, unfreezes and captures: the freeze record; null otherwise.
    pub freeze_id: Option<String>,
}

impl TransactionView {
    pub fn new<P>(e: &Entry<P>, refunded: i64) -> TransactionView {
        let c: Currency = e.currency;
        TransactionView {
            id: e.id.to_string(),
            wallet_id: e.wallet_id.to_string(),
            kind: e.kind.as_str().to_owned(),
            amount: c.format(e.amount.minor()),
            currency: c.code().to_owned(),
            balance_before: c.format(e.balance_before),
            balance_after: c.format(e.balance_after),
            counterparty_id: e.counterparty_id.clone(),
            description: e.description.clone(),
            reference_id: e.reference_id.clone(),
            reason: e.reason(),
            // Every posted transaction is complete: there is no pending state in this ledger.
            status: "completed",
            created_at: e.created_at.to_string(),
            original_transaction_id: e.original_id.as_deref().map(str::to_owned),
            refunded_amount: e.kind.is_refundable().then(|| c.format(refunded)),
            freeze_id: e.freeze_id.as_deref().map(str::to_owned),
        }
    }
}

/// A journal entry: its transaction fields and its postings (signed: "-50.00" is a credit).
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntryView {
    #[serde(flatten)]
    pub transaction: TransactionView,
    pub postings: Vec<PostingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostingView {
    pub account: String,
    pub currency: String,
    pub amount: String,
}

impl JournalEntryView {
    pub fn new(e: &Entry, refunded: i64) -> JournalEntryView {
        let postings = e
            .postings
            .iter()
            .map(|p| PostingView {
                account: p.account.clone(),
                currency: p.currency.clone(),
                amount: e.currency.format(p.amount),
            })
            .collect();
        JournalEntryView {
            transaction: TransactionView::new(e, refunded),
            postings,
        }
    }
}

/// One posting of the journal as a flat row, for tables and CSV.
#[derive(Debug, Default, Clone, Serialize)]
pub struct JournalPostingRow {
    pub created_at: String,
    pub transaction_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub wallet_id: String,
    pub account: String,
    pub currency: String,
    pub debit: String,
    pub credit: String,
}

impl JournalPostingRow {
    pub fn rows(entry: &JournalEntryView) -> Vec<JournalPostingRow> {
        let t = &entry.transaction;
        entry
            .postings
            .iter()
            .map(|p| {
                let (debit, credit) = match p.amount.strip_prefix('-') {
                    Some(credit) => (String::new(), credit.to_owned()),
                    None => (p.amount.clone(), String::new()),
                };
                JournalPostingRow {
                    created_at: t.created_at.to_string(),
                    transaction_id: t.id.clone(),
                    kind: t.kind.clone(),
                    wallet_id: t.wallet_id.clone(),
                    account: p.account.clone(),
                    currency: p.currency.clone(),
                    debit,
                    credit,
                }
            })
            .collect()
    }
}

/// `dto.WithdrawResult` / `dto.RefundResult`: the transaction and the wallet after it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TransactionResult {
    pub transaction: TransactionView,
    pub wallet: WalletView,
}

/// `dto.TransferResult`: a transfer's two legs, each with its wallet after it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TransferResult {
    /// The sender's leg (`transfer_out`).
    pub from_transaction: TransactionView,
    pub from_wallet: WalletView,
    /// The receiver's leg (`transfer_in`), whose `original_transaction_id` is the sender's leg.
    pub to_transaction: TransactionView,
    pub to_wallet: WalletView,
}

/// A capture's result: its transaction (naming its freeze and, for a payment, its
/// counterparty), the freeze record it ended, and the wallet after it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaptureResult {
    pub transaction: TransactionView,
    pub freeze: FreezeView,
    pub wallet: WalletView,
}

/// The `data` of an operation's envelope: a freeze or unfreeze returns the freeze record, a
/// capture its transaction and freeze record, a transfer both its legs, every other operation
/// its transaction.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum OutcomeView {
    Transaction(TransactionResult),
    Freeze(FreezeResult),
    Capture(Box<CaptureResult>),
    Transfer(Box<TransferResult>),
}

impl From<&Outcome> for OutcomeView {
    fn from(o: &Outcome) -> OutcomeView {
        let wallet = WalletView::from(&o.wallet);
        if let Some(received) = &o.received {
            return OutcomeView::Transfer(Box::new(TransferResult {
                from_transaction: TransactionView::new(&o.entry, o.refunded),
                from_wallet: wallet,
                to_transaction: TransactionView::new(&received.entry, 0),
                to_wallet: WalletView::from(&received.wallet),
            }));
        }
        match &o.freeze {
            Some(freeze) if o.entry.kind == TxType::Capture => OutcomeView::Capture(Box::new(CaptureResult {
                transaction: TransactionView::new(&o.entry, o.refunded),
                freeze: FreezeView::new(freeze, o.wallet.currency),
                wallet,
            })),
            Some(freeze) => OutcomeView::Freeze(FreezeResult {
                freeze: FreezeView::new(freeze, o.wallet.currency),
                wallet,
            }),
            None => OutcomeView::Transaction(TransactionResult {
                transaction: TransactionView::new(&o.entry, o.refunded),
                wallet,
            }),
        }
    }
}

/// The message of an operation's envelope: `replayed` when a `reference_id` repeat wrote nothing.
pub fn outcome_message(o: &Outcome) -> &'static str {
    if o.replayed {
        "replayed"
    } else {
        "ok"
    }
}
