//! `ledgerctl wallet adjust USER --credit|--debit … --reason …`: a correction by hand.

use std::io::Write;

use clap::Args;

use crate::cli::confirm;
use crate::cli::{Context, Stop};
use crate::error::Error;
use crate::ledger::operations::{Direction, Operation};
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct AdjustArgs {
    /// The user whose wallet is corrected
    #[arg(value_name = "USER")]
    pub user: String,
    /// Add this amount to the wallet
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    pub credit: Option<String>,
    /// Take this amount from the wallet
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    pub debit: Option<String>,
    /// Why (required; recorded in the journal)
    #[arg(long)]
    pub reason: String,
    /// Makes the adjustment idempotent: a repeat with the same reference writes nothing
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &AdjustArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let (direction, amount) = match (&args.credit, &args.debit) {
        (Some(a), None) => (Direction::Credit, a),
        (None, Some(a)) => (Direction::Debit, a),
        _ => return Err(Error::invalid("adjust", "give exactly one of --credit and --debit").into()),
    };
    let op = Operation::adjust(direction, amount, &args.reason, args.reference_id.clone())?;
    if !ctx.global.yes {
        confirm::adjustment(store, &ctx.scope, &args.user, &op)?;
    }
    super::execute(&args.user, &op, ctx, store, out)
}
