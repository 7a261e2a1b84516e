//! Captures in the reference model, from docs/accounting.md "## Captures": a freeze of the
//! wallet, still active, ends with `amount` of it (all of it when none is given) paid out (to
//! a counterparty or the settlement) and the rest back to available. The order of the checks
//! is the documented one: the amount's grammar and decimals (as every operation's, before the
//! reference), then the freeze (found in this wallet, active), the amount against the hold,
//! the counterparty, and last the wallet's status (a capture moves money out: active only).

use super::{minor_units, Model, Posted, Status};

/// A capture as the model reads it from its request.
pub(super) struct Capture<'a> {
    pub freeze_id: &'a str,
    pub amount: Option<&'a str>,
    pub counterparty: Option<&'a str>,
    pub new_counterparty: bool,
}

impl Model {
    /// Fills in what the capture `c` of `posted.wallet` posts, or why it is refused.
    pub(super) fn capture(&self, c: &Capture<'_>, posted: &mut Posted) -> Result<(), &'static str> {
        let w = &self.wallets[posted.wallet];
        let f = self
            .freezes
            .iter()
            .position(|f| f.id == c.freeze_id && f.wallet == posted.wallet)
            .ok_or("freeze_not_found")?;
        let held = &self.freezes[f];
        if !held.active {
            return Err("freeze_not_active");
        }
        self.not_under_review(f)?;
        let captured = match c.amount {
            Some(text) => minor_units(text, w.exponent).ok_or("invalid_amount")?,
            None => held.amount,
        };
        if captured > held.amount {
            return Err("exceeds_held_amount");
        }
        if let Some(counterparty) = c.counterparty {
            let key = (w.scope, counterparty.to_owned());
            if !c.new_counterparty && !self.counterparties.contains(&key) {
                return Err("counterparty_not_found");
            }
            posted.pays = Some(key);
        }
        if w.status != Status::Active {
            return Err("wallet_not_active");
        }
        posted.amount = captured;
        posted.available_change = held.amount - captured;
        posted.frozen_change = -held.amount;
        posted.captures = Some(f);
        Ok(())
    }
}
