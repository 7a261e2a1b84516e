//! `ledgerctl freeze show FRZ_ID` (holding money is `wallet freeze`).

use std::io::Write;

use clap::Subcommand;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum FreezeCommand {
    /// Show a freeze record with its wallet and user (only the tenant's and application's own)
    Show {
        /// The freeze record's id (frz_…)
        #[arg(value_name = "FRZ_ID")]
        freeze_id: String,
    },
}

pub(in crate::cli) fn exec<W: Write>(command: &FreezeCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    match command {
        FreezeCommand::Show { freeze_id } => {
            let (freeze, wallet) = ops::show_freeze(&mut ctx.open_read()?, &ctx.scope, freeze_id)?;
            out.freeze(&freeze, &wallet)?;
        }
    }
    Ok(())
}
