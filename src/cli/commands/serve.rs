//! `ledgerctl serve`: the HTTP API over this ledger.

use std::io::Write;

use clap::Args;

use crate::cli::{Context, Stop};
use crate::error::Error;
use crate::ledger::limits::{COMMIT_GROUP_DEFAULT, COMMIT_GROUP_MAX, REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS_MAX};
use crate::ops;
use crate::output::Printer;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The public listener: the wallet routes, /healthz and /openapi.json
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:8080",
        env = "LEDGERCTL_LISTEN"
    )]
    pub listen: String,
    /// The internal listener, the only one serving POST /internal/wallet/refund
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:8081",
        env = "LEDGERCTL_INTERNAL_LISTEN"
    )]
    pub internal_listen: String,
    /// Concurrent writes committed together in one transaction (1: one transaction per request)
    #[arg(long, value_name = "N", default_value_t = COMMIT_GROUP_DEFAULT as u64,
          value_parser = clap::value_parser!(u64).range(1..=COMMIT_GROUP_MAX as u64))]
    pub commit_group_max: u64,
    /// How long a request may wait to be started before it is answered 503 request_timeout,
    /// nothing written
    #[arg(long, value_name = "MS", default_value_t = REQUEST_TIMEOUT_MS,
          value_parser = clap::value_parser!(u64).range(100..=REQUEST_TIMEOUT_MS_MAX))]
    pub request_timeout_ms: u64,
    /// No access log on stderr (one line per request: time, method, path, status, microseconds,
    /// token id; never a secret)
    #[arg(long)]
    pub quiet: bool,
}

pub(in crate::cli) fn exec<W: Write>(args: &ServeArgs, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    // A server is how a ledger runs in production: it never stamps a pinned time.
    if ops::clock() != ops::Clock::System {
        return Err(Stop::Failed(Error::invalid(
            ops::FAKE_NOW_ENV,
            "is a test-only setting for single commands; serve refuses to run with it: unset it",
        )));
    }
    let g = ctx.global;
    let config = crate::http::Config {
        db: ctx.db()?,
        lock_timeout_ms: g.lock_timeout_ms,
        commit_group_max: usize::try_from(args.commit_group_max).unwrap_or(1),
        access_log: !args.quiet,
        request_timeout_ms: args.request_timeout_ms,
    };
    crate::http::run(&config, &args.listen, &args.internal_listen, &mut |bound| {
        out.listening(bound.public, bound.internal)?;
        out.flush()
    })?;
    Ok(())
}
