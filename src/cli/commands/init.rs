//! `ledgerctl init`: create a new ledger file.

use std::io::Write;

use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;

pub(in crate::cli) fn exec<W: Write>(ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let g = ctx.global;
    let version = ops::init(&g.db, g.lock_timeout_ms)?;
    out.initialized(&g.db.display().to_string(), version)?;
    Ok(())
}
