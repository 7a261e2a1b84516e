//! `ledgerctl wallet show USER|WALLET_ID [--at TIME]`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The user's id, or the wallet's own id (wlt_…)
    #[arg(value_name = "USER|WALLET_ID")]
    pub user: String,
    /// The wallet as it was then, from the journal (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC,
    /// or a date for its midnight UTC)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &ShowArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    match &args.at {
        None => out.wallet(&ops::show_wallet(store, &ctx.scope, &args.user)?)?,
        Some(at) => {
            let at = ops::parse_time("at", at)?;
            out.wallet_at(&ops::show_wallet_at(store, &ctx.scope, &args.user, at)?, at)?;
        }
    }
    Ok(())
}
