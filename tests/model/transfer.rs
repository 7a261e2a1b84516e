//! Transfers in the reference model, from docs/accounting.md "## Transfers": two legs, the
//! sender's `transfer_out` and the receiver's `transfer_in`, written together or not at all.
//! The order of the checks is the real one (src/ops/transfer.rs): both wallets found, then
//! distinct; then the sender's amount, `reference_id`, status and funds, as every operation's;
//! only then the receiver's currency and status, and the limit of its balance.

use super::{within_limits, Kind, Model, ModelEntry, Status};

impl Model {
    /// The receiving wallet of a transfer from `sender`: `to_user`'s in the same scope
    /// (another tenant's is not found, as one that does not exist), and not the sender's.
    pub(super) fn receiver(&self, scope: usize, sender: usize, to_user: &str) -> Result<usize, &'static str> {
        let receiver = self.wallet_of(scope, to_user).ok_or("wallet_not_found")?;
        if receiver == sender {
            return Err("invalid_request");
        }
        Ok(receiver)
    }

    /// Whether `receiver` takes `amount` from `sender`, once the sender's leg is accepted: the
    /// same currency (else the amount cannot move), active (a frozen wallet takes deposits but
    /// not transfers), and its balances within the limit after the credit.
    pub(super) fn receiving(&self, sender: usize, receiver: usize, amount: i64) -> Result<(), &'static str> {
        let (from, to) = (&self.wallets[sender], &self.wallets[receiver]);
        if from.currency != to.currency {
            return Err("invalid_amount");
        }
        if to.status != Status::Active {
            return Err("wallet_not_active");
        }
        within_limits(to, amount, 0)
    }

    /// Records the receiving leg of the transfer whose sending leg is entry `out`.
    pub(super) fn receive(&mut self, receiver: usize, out: usize, amount: i64, id: &str) {
        self.wallets[receiver].available += amount;
        self.entries.push(ModelEntry {
            id: id.to_owned(),
            wallet: receiver,
            kind: Kind::TransferIn,
            amount,
            refunded: 0,
            leg_of: Some(out),
            settles: false,
        });
    }

    /// The receiving leg of entry `out`, when it is a transfer's sending leg.
    pub fn received_by(&self, out: usize) -> Option<usize> {
        self.entries.iter().position(|e| e.leg_of == Some(out))
    }
}
