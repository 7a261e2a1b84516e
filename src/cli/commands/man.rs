//! `ledgerctl man [--dir DIR]`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::cli::{man, Stop};
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write ledgerctl.1 and one page per subcommand (ledgerctl-wallet-withdraw.1, …) here
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub(in crate::cli) fn exec<W: Write>(args: &ManArgs, out: &mut Printer<W>) -> Result<(), Stop> {
    match &args.dir {
        None => out.raw(&man::top_page()?)?,
        Some(dir) => man::write_pages(dir)?,
    }
    Ok(())
}
