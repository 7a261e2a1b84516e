//! `ledgerctl wallet deposit USER --amount …`.

use std::io::Write;

use clap::Args;

use super::MovementArgs;
use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct DepositArgs {
    /// The user whose wallet is credited
    #[arg(value_name = "USER")]
    pub user: String,
    #[command(flatten)]
    pub movement: MovementArgs,
}

pub(super) fn exec<W: Write>(
    args: &DepositArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let m = &args.movement;
    let op = Operation::deposit(&m.amount, m.description.clone(), m.reference_id.clone())?;
    super::execute(&args.user, &op, ctx, store, out)
}
