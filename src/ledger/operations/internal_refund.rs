//! The internal refund: a refund named by its transaction alone. A service that holds a
//! transaction id but not the user's id asks for it (`POST /internal/wallet/refund`,
//! `ledgerctl refund`, a batch `refund` line without `user_id`); the wallet is the
//! transaction's, found within the caller's tenant and application.
//!
//! Its rule is the refund's: the same checks, the same mirrored postings, the same `refund`
//! entry and the same canonical request, so a repeat of one `reference_id` through the other
//! door is a replay, not a second refund.

use serde_json::Value;

use super::plan::{Common, Context, Plan};
use super::{refund, Load};
use crate::error::Result;
use crate::ledger::ids::TransactionId;
use crate::ledger::model::Wallet;
use crate::ledger::money::Currency;

/// A refund of the transaction it names, on that transaction's wallet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request(pub refund::Request);

impl Request {
    /// The transaction whose wallet the refund acts on.
    pub fn transaction_id(&self) -> &TransactionId {
        &self.0.transaction_id
    }

    pub(super) fn canonical(&self, currency: Currency) -> Result<Value> {
        self.0.canonical(currency)
    }

    pub(super) fn plan(&self, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        self.0.plan(wallet, load, common, ctx)
    }
}
