//! `ledgerctl wallet transfer FROM TO --amount …`: money from one user's wallet to another's.

use std::io::Write;

use clap::Args;

use super::MovementArgs;
use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct TransferArgs {
    /// The user whose wallet sends (its available balance pays)
    #[arg(value_name = "FROM")]
    pub from: String,
    /// The user whose wallet receives: same tenant, application and currency, and active
    #[arg(value_name = "TO")]
    pub to: String,
    #[command(flatten)]
    pub movement: MovementArgs,
}

pub(super) fn exec<W: Write>(
    args: &TransferArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let m = &args.movement;
    let op = Operation::transfer(&args.to, &m.amount, m.description.clone(), m.reference_id.clone())?;
    super::execute(&args.from, &op, ctx, store, out)
}
