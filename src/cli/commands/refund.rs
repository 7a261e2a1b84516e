//! `ledgerctl refund --transaction-id …`: the internal refund, which finds the wallet from the
//! transaction.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::error::Result;
use crate::ledger::operations::{internal_refund, refund};
use crate::ops;
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct RefundArgs {
    /// The original transaction (txn_…)
    #[arg(long, value_name = "ID")]
    pub transaction_id: String,
    /// How much to refund; the whole remaining refundable amount when absent
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Why (recorded in the refund's description)
    #[arg(long)]
    pub reason: Option<String>,
    /// Makes the refund idempotent: a repeat with the same reference writes nothing
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

impl RefundArgs {
    /// The refund these flags ask for, checked (also `wallet refund`'s).
    pub(crate) fn request(&self) -> Result<refund::Request> {
        refund::Request::new(
            &self.transaction_id,
            self.amount.as_deref(),
            self.reason.clone(),
            self.reference_id.clone(),
        )
    }
}

pub(in crate::cli) fn exec<W: Write>(args: &RefundArgs, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let request = internal_refund::Request(args.request()?);
    out.outcome(&ops::internal_refund(
        &mut ctx.open()?,
        &ctx.scope,
        &request,
        &ctx.actor,
    )?)?;
    Ok(())
}
