//! `ledgerctl transaction show TXN_ID`.

use std::io::Write;

use clap::Subcommand;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum TransactionCommand {
    /// Show a transaction with its wallet and user (only the tenant's and application's own)
    Show {
        /// The transaction's id (txn_…)
        #[arg(value_name = "TXN_ID")]
        transaction_id: String,
    },
}

pub(in crate::cli) fn exec<W: Write>(
    command: &TransactionCommand,
    ctx: &Context,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    match command {
        TransactionCommand::Show { transaction_id } => {
            let (entry, refunded, wallet) = ops::show_transaction(&mut ctx.open_read()?, &ctx.scope, transaction_id)?;
            out.transaction(&entry, refunded, &wallet)?;
        }
    }
    Ok(())
}
