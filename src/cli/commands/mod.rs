//! One file per subcommand, cargo's shape: its clap arguments and an `exec` that only pulls
//! them out, calls one `ops` use case and hands the result to the printer.

pub mod batch;
pub mod completions;
pub mod freeze;
pub mod init;
pub mod ledger;
pub mod man;
pub mod policy;
pub mod reconcile;
pub mod refund;
pub mod serve;
pub mod token;
pub mod transaction;
pub mod wallet;
pub mod withdrawal;

use clap::Args;

use crate::error::Result;
use crate::ledger::request::{EntryFilter, PageRequest};
use crate::ops;

/// The page flags of a list.
#[derive(Debug, Args)]
pub struct PageArgs {
    /// The page to show, from 1
    #[arg(long)]
    pub page: Option<u32>,
    /// Rows per page (default 20, at most 100)
    #[arg(long)]
    pub page_size: Option<u32>,
}

impl PageArgs {
    /// The page asked for, checked.
    fn request(&self) -> Result<PageRequest> {
        PageRequest::new(self.page, self.page_size)
    }
}

/// The filter flags of a list of journal entries.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only these types (repeatable): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only entries at or after this moment (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date
    /// for its midnight UTC)
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    /// Only entries before this moment (exclusive: --from 2026-04-01 --to 2026-05-01 is April)
    #[arg(long, value_name = "TIME")]
    pub to: Option<String>,
    /// Only the entry with this reference
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

impl FilterArgs {
    /// The filter flags, parsed and checked.
    fn filter(&self) -> Result<EntryFilter> {
        ops::entry_filter(
            self.types.iter().map(String::as_str),
            self.from.as_deref(),
            self.to.as_deref(),
            self.reference_id.as_deref(),
            None,
        )
    }
}
