//! Unfreeze: an active freeze of the wallet is released, its amount back to available. A
//! freeze is released once; the unfreeze's `reason` is kept as the freeze's release reason.

use serde_json::{json, Value};

use super::fields::{reference, text};
use super::plan::{post, Common, Context, FreezeChange, Plan};
use super::{Load, Operation, Spec};
use crate::error::{Error, Result};
use crate::ledger::ids::{self, FreezeId};
use crate::ledger::model::{Account, Freeze, FreezeStatus, TxType, Wallet};

pub const SPEC: Spec = Spec {
    name: "unfreeze",
    fields: &["freeze_id", "reason", "reference_id"],
    read: |f| {
        let user_id = f.required("user_id")?;
        let op = Operation::unfreeze(&f.required("freeze_id")?, f.take("reason")?, f.take("reference_id")?)?;
        Ok((Some(user_id), op))
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub freeze_id: FreezeId,
    pub reason: Option<String>,
    pub reference_id: Option<String>,
}

impl Request {
    pub fn new(freeze_id: &str, reason: Option<String>, reference_id: Option<String>) -> Result<Request> {
        Ok(Request {
            freeze_id: FreezeId::new(ids::check_lookup("freeze_id", freeze_id)?),
            reason: text("reason", reason)?,
            reference_id: reference("reference_id", reference_id)?,
        })
    }

    pub(super) fn canonical(&self) -> Value {
        json!({
            "op": TxType::Unfreeze,
            "freeze_id": self.freeze_id,
            "reason": self.reason,
            "reference_id": self.reference_id,
        })
    }

    pub(super) fn plan(&self, wallet: &Wallet, load: &dyn Load, common: Common, ctx: &Context) -> Result<Plan> {
        let record = load.freeze(&self.freeze_id)?;
        if record.wallet_id != wallet.id {
            return Err(Error::FreezeNotFound { freeze_id: record.id });
        }
        if record.status != FreezeStatus::Active {
            return Err(Error::FreezeNotActive {
                freeze_id: record.id,
                status: record.status,
            });
        }
        super::capture::not_under_review(load, &record)?;
        release(wallet, record, self.reason.clone(), common, ctx)
    }
}

/// Withdrawal review's rejection: the request's freeze released whole, with the rejection's
/// remark as its release reason, past the check that keeps it from being released directly.
pub fn plan_rejection(wallet: &Wallet, record: Freeze, reason: Option<String>, ctx: &Context) -> Result<Plan> {
    if record.wallet_id != wallet.id || record.status != FreezeStatus::Active {
        return Err(Error::StorageIntegrity {
            message: format!(
                "a pending withdrawal request's freeze {} is not active on its wallet: run ledger verify",
                record.id
            ),
        });
    }
    let request = Request {
        freeze_id: record.id.clone(),
        reason: reason.clone(),
        reference_id: None,
    };
    let common = Common::new(TxType::Unfreeze, None, request.canonical().to_string());
    release(wallet, record, reason, common, ctx)
}

/// Frozen → available for the whole of `record`, ending it released.
fn release(wallet: &Wallet, record: Freeze, reason: Option<String>, common: Common, ctx: &Context) -> Result<Plan> {
    let mut draft = common.transfer(
        &Account::frozen(wallet),
        &Account::available(wallet),
        wallet.currency,
        record.amount,
    );
    // The unfreeze's own reason is its `reason` (in its request), not part of the description.
    draft.description = Some(format!("unfreeze of {}", record.id));
    draft.freeze_id = Some(record.id.clone());
    let release = FreezeChange::Release {
        freeze_id: record.id,
        released_at: ctx.now,
        reason,
    };
    post(wallet, draft, ctx, release)
}
