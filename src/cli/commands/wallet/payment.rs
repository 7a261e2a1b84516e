//! `ledgerctl wallet payment USER --amount … --counterparty …`.

use std::io::Write;

use clap::Args;

use super::MovementArgs;
use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct PaymentArgs {
    /// The user whose wallet pays
    #[arg(value_name = "USER")]
    pub user: String,
    /// The merchant or counterparty paid
    #[arg(long, value_name = "ID")]
    pub counterparty: String,
    /// The counterparty may be one never paid before in this tenant and application
    /// (without it, an unknown one is refused with the closest known names)
    #[arg(long)]
    pub new_counterparty: bool,
    #[command(flatten)]
    pub movement: MovementArgs,
}

pub(super) fn exec<W: Write>(
    args: &PaymentArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let m = &args.movement;
    let op = Operation::payment(
        &m.amount,
        &args.counterparty,
        args.new_counterparty,
        m.description.clone(),
        m.reference_id.clone(),
    )?;
    super::execute(&args.user, &op, ctx, store, out)
}
