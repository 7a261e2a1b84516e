//! `ledgerctl init`: create a new ledger file.

use std::io::Write;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;

pub(in crate::cli) fn exec<W: Write>(ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let db = ctx.db()?;
    let version = ops::init(&db, ctx.global.lock_timeout_ms)?;
    out.initialized(&db, version)?;
    Ok(())
}
