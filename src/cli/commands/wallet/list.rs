//! `ledgerctl wallet list`: a page of wallets, or every one streamed.

use std::io::Write;

use clap::Args;

use crate::cli::commands::PageArgs;
use crate::cli::{Context, Stop};
use crate::ledger::model::WalletStatus;
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only wallets with this status
    #[arg(long, value_parser = ["active", "frozen", "closed"])]
    pub status: Option<String>,
    /// Every wallet in user id order, streamed as it is read (no page, no 100-row limit)
    #[arg(long, conflicts_with_all = ["page", "page_size"])]
    pub all: bool,
    #[command(flatten)]
    pub page: PageArgs,
}

pub(super) fn exec<W: Write>(
    args: &ListArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let status = args.status.as_deref().map(str::parse::<WalletStatus>).transpose()?;
    if !args.all {
        out.wallets(&ops::list_wallets(store, &ctx.scope, status, args.page.request()?)?)?;
        return Ok(());
    }
    let mut list = out.wallet_stream()?;
    let listed = ops::each_wallet(store, &ctx.scope, status, |w| list.item(&w));
    // A closed stdout stops the walk; it is reported as what it is, not as a ledger error.
    if let Some(e) = list.io_error.take() {
        return Err(Stop::Output(e));
    }
    list.finish(listed?)?;
    Ok(())
}
