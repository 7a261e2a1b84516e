//! `ledgerctl wallet unfreeze USER --freeze-id …`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct UnfreezeArgs {
    /// The user whose wallet holds the freeze
    #[arg(value_name = "USER")]
    pub user: String,
    /// The freeze record to release (frz_…)
    #[arg(long, value_name = "ID")]
    pub freeze_id: String,
    /// Why the funds are released (recorded on the freeze record and the unfreeze)
    #[arg(long)]
    pub reason: Option<String>,
    /// Makes the unfreeze idempotent: a repeat with the same reference replays it
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &UnfreezeArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let op = Operation::unfreeze(&args.freeze_id, args.reason.clone(), args.reference_id.clone())?;
    super::execute(&args.user, &op, ctx, store, out)
}
