//! `ledgerctl wallet freeze USER --amount …`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct FreezeArgs {
    /// The user whose wallet is held
    #[arg(value_name = "USER")]
    pub user: String,
    /// The amount to hold
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// Why the funds are held
    #[arg(long)]
    pub reason: Option<String>,
    /// Makes the freeze idempotent: a repeat with the same reference holds nothing more
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &FreezeArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let op = Operation::freeze(&args.amount, args.reason.clone(), args.reference_id.clone())?;
    super::execute(&args.user, &op, ctx, store, out)
}
