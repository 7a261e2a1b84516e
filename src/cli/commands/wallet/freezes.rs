//! `ledgerctl wallet freezes USER`.

use std::io::Write;

use clap::Args;

use crate::cli::commands::PageArgs;
use crate::cli::{Context, Stop};
use crate::ledger::model::FreezeStatus;
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct FreezesArgs {
    /// The user whose wallet to list
    #[arg(value_name = "USER")]
    pub user: String,
    /// Only records in this state
    #[arg(long, value_parser = ["active", "released", "captured"])]
    pub status: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

pub(super) fn exec<W: Write>(
    args: &FreezesArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let status = args.status.as_deref().map(str::parse::<FreezeStatus>).transpose()?;
    let (wallet, records) = ops::freezes(store, &ctx.scope, &args.user, status, args.page.request()?)?;
    out.freezes(&wallet, &records)?;
    Ok(())
}
