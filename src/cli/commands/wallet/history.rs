//! `ledgerctl wallet history USER`.

use std::io::Write;

use clap::Args;

use crate::cli::commands::{FilterArgs, PageArgs};
use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The user whose wallet to list
    #[arg(value_name = "USER")]
    pub user: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub page: PageArgs,
}

pub(super) fn exec<W: Write>(
    args: &HistoryArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let (wallet, entries) = ops::history(
        store,
        &ctx.scope,
        &args.user,
        &args.filter.filter()?,
        args.page.request()?,
    )?;
    out.history(&wallet, &entries)?;
    Ok(())
}
