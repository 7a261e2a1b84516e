//! `ledgerctl wallet create USER`.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::ledger::money::Currency;
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The user the wallet is for (an id of letters, digits, _ - . @)
    #[arg(value_name = "USER")]
    pub user: String,
    /// The wallet's currency, fixed for good: CNY, USD, EUR, GBP, HKD, SGD, JPY, KRW, KWD, BHD,
    /// JOD, in any case (default CNY, said on stderr when used)
    #[arg(long, env = "LEDGERCTL_CURRENCY", value_name = "CODE")]
    pub currency: Option<String>,
}

pub(super) fn exec<W: Write>(
    args: &CreateArgs,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let chosen = args.currency.as_deref().map(Currency::from_any_case).transpose()?;
    let currency = chosen.unwrap_or(Currency::CNY);
    let wallet = ops::create_wallet(store, &ctx.scope, &args.user, currency)?;
    if chosen.is_none() {
        // The currency is fixed for good: say which one was taken without being asked.
        eprintln!("note: the wallet is in {currency}, the default (choose with --currency or LEDGERCTL_CURRENCY)");
    }
    out.wallet(&wallet)?;
    Ok(())
}
