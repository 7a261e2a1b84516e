//! `ledgerctl wallet withdraw USER --amount …`.

use std::io::Write;

use clap::Args;

use super::MovementArgs;
use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The user whose wallet pays out
    #[arg(value_name = "USER")]
    pub user: String,
    #[command(flatten)]
    pub movement: MovementArgs,
}

pub(super) fn exec<W: Write>(
    args: &WithdrawArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let m = &args.movement;
    let op = Operation::withdraw(&m.amount, m.description.clone(), m.reference_id.clone())?;
    super::execute(&args.user, &op, ctx, store, out)
}
