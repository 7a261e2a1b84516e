//! `ledgerctl wallet balance USER|WALLET_ID`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// The user's id, or the wallet's own id (wlt_…)
    #[arg(value_name = "USER|WALLET_ID")]
    pub user: String,
}

pub(super) fn exec<W: Write>(
    args: &BalanceArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    out.balance(&ops::show_wallet(store, &ctx.scope, &args.user)?)?;
    Ok(())
}
