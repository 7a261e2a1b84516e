//! `ledgerctl completions SHELL`.

use std::io::Write;

use clap::{Args, CommandFactory};

use crate::cli::{Cli, Stop};
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

pub(in crate::cli) fn exec<W: Write>(args: &CompletionsArgs, out: &mut Printer<W>) -> Result<(), Stop> {
    out.raw(&script(args.shell))?;
    Ok(())
}

/// The completion script of `shell`, generated from the clap definitions.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ledgerctl", &mut script);
    script
}
