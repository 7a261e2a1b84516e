//! `ledgerctl wallet refund USER --transaction-id …`: the wallet's own refund (the top-level
//! `refund` finds the wallet from the transaction instead).

use std::io::Write;

use clap::Args;

use crate::cli::commands::refund::RefundArgs;
use crate::cli::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct WalletRefundArgs {
    /// The user whose wallet the original transaction belongs to
    #[arg(value_name = "USER")]
    pub user: String,
    #[command(flatten)]
    pub refund: RefundArgs,
}

pub(super) fn exec<W: Write>(
    args: &WalletRefundArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let op = Operation::Refund(args.refund.request()?);
    super::execute(&args.user, &op, ctx, store, out)
}
