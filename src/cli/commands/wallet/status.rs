//! `ledgerctl wallet status USER [STATUS --reason …]`: the status changes, or a new status.

use std::io::Write;

use clap::Args;

use crate::cli::commands::PageArgs;
use crate::cli::confirm;
use crate::cli::{Context, Stop};
use crate::ledger::model::WalletStatus;
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The user whose wallet to show or change
    #[arg(value_name = "USER")]
    pub user: String,
    /// The new status; without it, the wallet's status changes are listed
    #[arg(value_parser = ["active", "frozen", "closed"], requires = "reason")]
    pub status: Option<String>,
    /// Why (required with a new status; recorded with who made the change)
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

pub(super) fn exec<W: Write>(
    args: &StatusArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let Some(status) = &args.status else {
        let (wallet, changes) = ops::status_history(store, &ctx.scope, &args.user, args.page.request()?)?;
        out.status_history(&wallet, &changes)?;
        return Ok(());
    };
    let to: WalletStatus = status.parse()?;
    if to != WalletStatus::Active && !ctx.global.yes {
        confirm::status(store, &ctx.scope, &args.user, to, args.reason.clone())?;
    }
    out.status(&ops::set_status(
        store,
        &ctx.scope,
        &args.user,
        to,
        args.reason.clone(),
        &ctx.actor,
    )?)?;
    Ok(())
}
