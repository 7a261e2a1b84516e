//! `ledgerctl wallet capture USER --freeze-id … [--amount …] [--counterparty …]`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ledger::operations::{capture, Operation};
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct CaptureArgs {
    /// The user whose wallet holds the freeze
    #[arg(value_name = "USER")]
    pub user: String,
    /// The active freeze record to capture (frz_…)
    #[arg(long, value_name = "ID")]
    pub freeze_id: String,
    /// How much of the held amount to post (at most all of it); without it, all of it. The rest
    /// is released to the available balance
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Pay this counterparty (a payment); without it the capture is a withdrawal to the
    /// settlement account
    #[arg(long, value_name = "ID")]
    pub counterparty: Option<String>,
    /// The counterparty may be one never paid before in this tenant and application
    #[arg(long, requires = "counterparty")]
    pub new_counterparty: bool,
    /// Free text recorded with the transaction
    #[arg(long)]
    pub description: Option<String>,
    /// Makes the capture idempotent: a repeat with the same reference replays it
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &CaptureArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let request = capture::Request::new(
        &args.freeze_id,
        args.amount.as_deref(),
        args.counterparty.as_deref(),
        args.new_counterparty,
        args.description.clone(),
        args.reference_id.clone(),
    )?;
    super::execute(&args.user, &Operation::Capture(request), ctx, store, out)
}
