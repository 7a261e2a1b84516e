//! The CLI front door: the clap tree and its global options, and the dispatch to one file per
//! subcommand (`commands/`), which turns arguments into one `ops` call and hands the result to
//! the printer. No SQL, no business rule; every question asked before writing is in `confirm`.

mod batch;
pub mod commands;
mod confirm;
mod man;
mod reference;
mod statement;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind as ClapErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

pub use commands::ledger::{ExportFormatArg, LedgerCommand};
pub use commands::policy::PolicyCommand;
pub use commands::token::{TokenCommand, TokenScope};
pub use commands::wallet::WalletCommand;
pub use commands::withdrawal::WithdrawalCommand;
pub use commands::{freeze::FreezeCommand, transaction::TransactionCommand};

use crate::error::{Error, Result};
use crate::ledger::limits::{LOCK_TIMEOUT_MS_DEFAULT, LOCK_TIMEOUT_MS_MAX};
use crate::ledger::model::Scope;
use crate::ops;
use crate::output::views::ErrorEnvelope;
use crate::output::{Format, Printer};
use crate::store::{DbLocation, Store};
use commands::{batch::BatchArgs, completions::CompletionsArgs, man::ManArgs, refund::RefundArgs, serve::ServeArgs};

/// Double-entry wallet ledger administration over a SQLite file or a PostgreSQL database.
///
/// Every money movement is one balanced journal entry, written durably in one transaction.
/// Amounts are decimal strings with at most the currency's decimals (CNY 50.00, JPY 500);
/// nothing is ever rounded.
#[derive(Debug, Parser)]
#[command(name = "ledgerctl", version, propagate_version = true, max_term_width = 100)]
#[command(after_help = "Exit codes: 0 ok, 1 internal error, 2 invalid request, 3 not found, \
4 conflict or insufficient balance, 5 invalid amount, 6 ledger busy (safe to retry), \
7 ledger verify found a broken invariant, 8 cancelled at a confirmation (nothing written).")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The ledger: a SQLite file's path, or a PostgreSQL database's URL
    /// (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)
    #[arg(
        long,
        global = true,
        env = "LEDGERCTL_DB",
        hide_env_values = true,
        default_value = "ledger.db",
        value_name = "PATH|URL"
    )]
    pub db: String,

    /// The tenant whose wallets this command reaches
    #[arg(
        long,
        global = true,
        env = "LEDGERCTL_TENANT",
        default_value = "default",
        value_name = "ID"
    )]
    pub tenant: String,

    /// The application whose wallets this command reaches
    #[arg(
        long,
        global = true,
        env = "LEDGERCTL_APP",
        default_value = "default",
        value_name = "ID"
    )]
    pub app: String,

    /// Tables for people, or exactly one JSON envelope for scripts
    #[arg(short = 'o', long, global = true, env = "LEDGERCTL_OUTPUT", value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Tables show every column in full, even wider than the terminal (on a narrow terminal,
    /// the least important columns are otherwise cut short or left out)
    #[arg(long, global = true)]
    pub wide: bool,

    /// Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Open the ledger read-only: reading commands work (also on a file this user cannot
    /// write), every write is refused with exit 2 (read_only) before the file is touched
    #[arg(long, global = true, env = "LEDGERCTL_READ_ONLY")]
    pub read_only: bool,

    /// Who is acting, as the journal, the audit records and withdrawal review record it
    /// (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and
    /// approver apart by it
    #[arg(long, global = true, env = "LEDGERCTL_ACTOR", value_name = "NAME")]
    pub actor: Option<String>,

    /// How long to wait for another writer's lock before failing with exit 6
    #[arg(long, global = true, env = "LEDGERCTL_LOCK_TIMEOUT_MS", default_value_t = LOCK_TIMEOUT_MS_DEFAULT, value_name = "MS",
          value_parser = clap::value_parser!(u64).range(0..=LOCK_TIMEOUT_MS_MAX))]
    pub lock_timeout_ms: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger: a file (WAL, synchronous=FULL), or the schema in an empty PostgreSQL database; refuses to touch an existing one
    Init,

    /// Open wallets, move money, and inspect them
    #[command(subcommand)]
    Wallet(WalletCommand),

    /// The internal refund: refund a transaction, finding its wallet from the transaction
    Refund(RefundArgs),

    /// Prove the ledger's invariants and print its trial balance
    #[command(subcommand)]
    Ledger(LedgerCommand),

    /// Run many operations from a CSV or JSONL file (or - for stdin), one JSON result per line
    #[command(
        after_help = "Columns (CSV header) or keys (JSONL): op (deposit, payment, withdraw, freeze, \
unfreeze, refund, adjust), user_id, amount, description, reference_id, counterparty_id, reason, \
freeze_id, transaction_id, direction (credit or debit, for adjust), new_counterparty (true to pay \
a counterparty never paid before). A refund without user_id finds its wallet from the transaction. Exit 0 only when every line succeeded (a replay succeeds)."
    )]
    Batch(BatchArgs),

    /// Look up one transaction of the tenant and application by its id
    #[command(subcommand)]
    Transaction(TransactionCommand),

    /// Look up one freeze record of the tenant and application by its id
    #[command(subcommand)]
    Freeze(FreezeCommand),

    /// Make, list and revoke the credentials `serve` accepts
    #[command(subcommand)]
    Token(TokenCommand),

    /// The tenant's and application's policy: withdrawal limits, max balance, currencies, transfers
    #[command(subcommand)]
    Policy(PolicyCommand),

    /// Withdrawal review (maker-checker): request, list, show, approve, reject
    #[command(subcommand)]
    Withdrawal(WithdrawalCommand),

    /// Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)
    #[command(after_help = "Public routes take `Authorization: Bearer <token>` (token create); \
POST /internal/wallet/refund is served only on --internal-listen and takes `X-API-Key: <key>` \
(token create --internal). Every 200 is durable on disk. SIGINT or SIGTERM stop taking new \
connections and let the requests in flight finish (at most the request timeout + 5 s; a second signal stops waiting) \
before exiting; an answered write is never lost.")]
    Serve(ServeArgs),

    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),

    /// Print the man page (roff), or write every page with `--dir`
    Man(ManArgs),
}

impl Command {
    /// Whether the command writes to the ledger (or creates it); every other command only
    /// reads it, through a read-only connection.
    fn writes(&self) -> bool {
        match self {
            Command::Completions(_) | Command::Man(_) | Command::Transaction(_) | Command::Freeze(_) => false,
            Command::Ledger(command) => command.writes(),
            Command::Token(command) => command.writes(),
            Command::Policy(command) => command.writes(),
            Command::Withdrawal(command) => command.writes(),
            Command::Wallet(command) => command.writes(),
            Command::Init | Command::Refund(_) | Command::Batch(_) | Command::Serve(_) => true,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    fn lists(&self) -> bool {
        match self {
            Command::Ledger(command) => command.lists(),
            Command::Token(command) => command.lists(),
            Command::Policy(command) => command.lists(),
            Command::Withdrawal(command) => command.lists(),
            Command::Wallet(command) => command.lists(),
            Command::Init
            | Command::Refund(_)
            | Command::Batch(_)
            | Command::Transaction(_)
            | Command::Freeze(_)
            | Command::Serve(_)
            | Command::Completions(_)
            | Command::Man(_) => false,
        }
    }
}

/// The names and help of [`Format`] on the command line; output itself knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Tables for people.
    Table,
    /// One JSON envelope per command, for scripts.
    Json,
    /// CSV with a header row, for spreadsheets: list commands only.
    Csv,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Format {
        match format {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Csv => Format::Csv,
        }
    }
}

/// What every command may need besides its own arguments: the global options, the checked
/// tenant and application, and who is acting.
struct Context<'a> {
    pub global: &'a Global,
    pub scope: Scope,
    pub actor: String,
}

impl Context<'_> {
    /// Where the ledger is: `--db` read as a path or a PostgreSQL URL.
    fn db(&self) -> Result<DbLocation> {
        DbLocation::parse(&self.global.db)
    }

    /// The ledger, for a command that writes.
    fn open(&self) -> Result<Store> {
        Store::open(&self.db()?, self.global.lock_timeout_ms)
    }

    /// The ledger through a read-only connection.
    fn open_read(&self) -> Result<Store> {
        let g = self.global;
        Store::open_for_reading(&self.db()?, g.lock_timeout_ms, g.read_only)
    }

    fn open_for(&self, writes: bool) -> Result<Store> {
        if writes {
            self.open()
        } else {
            self.open_read()
        }
    }
}

/// Runs the CLI on the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(code) = version_alone(&args) {
        return code;
    }
    let cli = match parse(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &args),
    };
    // Buffered: a batch prints a line per input line. Flushed once, below, where a closed
    // stdout is handled like any other write.
    // Injected before anything is stamped, the envelope's timestamp included.
    let clock = ops::Clock::from_env();
    if let Ok(clock) = clock {
        ops::set_clock(clock);
    }
    let mut printer = Printer::new(
        cli.global.output.into(),
        io::BufWriter::new(io::stdout().lock()),
        ops::now(),
    );
    if io::stdout().is_terminal() {
        printer = printer.on_terminal((!cli.global.wide).then(terminal_width));
    }
    let ran = clock.map_err(Stop::Failed).and_then(|_| run(&cli, &mut printer));
    // Always flushed here, also after a failure: a batch's results are its output either way.
    let flushed = printer.flush();
    let result = match (ran, flushed) {
        (Ok(()), Err(e)) => Err(Stop::Output(e)),
        (ran, _) => ran,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Stop::Quiet(code)) => ExitCode::from(code),
        Err(Stop::Output(e)) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(1)
        }
        Err(Stop::Failed(error)) => {
            let written = match printer.format {
                Format::Json => printer.error(&error).and_then(|()| printer.flush()),
                // A person said no: that is an answer, not an error.
                Format::Table | Format::Csv if error == Error::Cancelled => writeln!(io::stderr(), "{error}"),
                Format::Table | Format::Csv => writeln!(io::stderr(), "error: {error} ({})", error.code()),
            };
            match written {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => eprintln!("error: {error}"),
                _ => {}
            }
            ExitCode::from(error.kind().exit_code())
        }
    }
}

/// The width tables fit on a terminal: `COLUMNS` when set (so it can be chosen, and tested),
/// else the terminal's own, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0)))
        .filter(|&c| c > 0)
        .unwrap_or(80)
}

/// Why a command stopped early: a ledger error, stdout going away, or a failure already
/// reported on stdout (a batch's failed lines) that only sets the exit status.
enum Stop {
    Failed(Error),
    Output(io::Error),
    Quiet(u8),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Failed(e)
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// A usage error is an invalid request (exit 2); with `-o json` it is still one envelope.
fn usage_error(e: &clap::Error, args: &[OsString]) -> ExitCode {
    if matches!(e.kind(), ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if wants_json(args) {
        let message = if e.kind() == ClapErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            "a subcommand is missing; see --help".to_owned()
        } else {
            // clap's message without its usage and tips, on one line.
            let rendered = e.render().to_string();
            let lines = rendered.lines().map(str::trim);
            let message: Vec<&str> = lines
                .take_while(|l| {
                    !l.starts_with("Usage:") && !l.starts_with("tip:") && !l.starts_with("For more information")
                })
                .filter(|l| !l.is_empty())
                .collect();
            message.join(" ").trim_start_matches("error: ").to_owned()
        };
        let error = Error::invalid("arguments", message);
        // Written, not println!'d: println! panics on a closed stdout.
        let mut stdout = io::stdout().lock();
        let _ = serde_json::to_writer(&mut stdout, &ErrorEnvelope::new(&error, ops::now()))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout));
    } else {
        let _ = e.print();
    }
    ExitCode::from(2)
}

/// Whether the arguments (or the environment) ask for JSON, read without clap: used only
/// when clap itself refused the arguments.
fn wants_json(args: &[OsString]) -> bool {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let flagged = args.iter().enumerate().any(|(i, a)| {
        matches!(a.as_str(), "-ojson" | "--output=json" | "-o=json")
            || (matches!(a.as_str(), "-o" | "--output") && args.get(i + 1).is_some_and(|v| v == "json"))
    });
    flagged || std::env::var("LEDGERCTL_OUTPUT").is_ok_and(|v| v == "json")
}

fn run<W: Write>(cli: &Cli, out: &mut Printer<W>) -> Result<(), Stop> {
    let g = &cli.global;
    let scope = Scope {
        tenant_id: crate::ledger::ids::check_name("tenant", &g.tenant)?.to_owned(),
        application_id: crate::ledger::ids::check_name("app", &g.app)?.to_owned(),
    };
    if out.format == Format::Csv && !cli.command.lists() {
        let lists = "wallet list, wallet history, wallet freezes, wallet status USER, token list, ledger journal, \
                     ledger trial-balance, policy history, withdrawal list";
        return Err(Error::invalid("output", format!("csv is for the list commands ({lists})")).into());
    }
    if g.read_only && cli.command.writes() {
        return Err(Error::ReadOnly {
            reason: "--read-only (LEDGERCTL_READ_ONLY) forbids this command, which writes; nothing was written"
                .to_owned(),
        }
        .into());
    }
    let ctx = Context {
        global: g,
        scope,
        actor: actor(g.actor.as_deref())?,
    };
    match &cli.command {
        Command::Completions(args) => commands::completions::exec(args, out),
        Command::Man(args) => commands::man::exec(args, out),
        Command::Init => commands::init::exec(&ctx, out),
        Command::Refund(args) => commands::refund::exec(args, &ctx, out),
        Command::Ledger(command) => commands::ledger::exec(command, &ctx, out),
        Command::Transaction(command) => commands::transaction::exec(command, &ctx, out),
        Command::Freeze(command) => commands::freeze::exec(command, &ctx, out),
        Command::Token(command) => commands::token::exec(command, &ctx, out),
        Command::Policy(command) => commands::policy::exec(command, &ctx, out),
        Command::Withdrawal(command) => commands::withdrawal::exec(command, &ctx, out),
        Command::Serve(args) => commands::serve::exec(args, &ctx, out),
        Command::Batch(args) => commands::batch::exec(args, &ctx, out),
        Command::Wallet(command) => commands::wallet::exec(command, &ctx, out),
    }
}

/// The command tree, with the long help's reference (exit statuses, environment) at its end.
pub fn command() -> clap::Command {
    Cli::command().after_long_help(reference::after_long_help())
}

/// The arguments as clap reads them. The long help's reference is built from a second command
/// tree, which costs as much as the first: it is added only when the line may print help.
fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let may_print_help = args.iter().skip(1).any(|a| a == "--help" || a == "help");
    let command = if may_print_help { command() } else { Cli::command() };
    let mut matches = command.try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut Cli::command()))
}

/// `ledgerctl --version` (or `-V`) and nothing else: printed as clap prints it, without building
/// the whole command tree first, which was a third of the command's page faults
/// (docs/performance.md). Anything more on the line goes through clap as usual.
fn version_alone(args: &[OsString]) -> Option<ExitCode> {
    let [_, flag] = args else { return None };
    if flag != "--version" && flag != "-V" {
        return None;
    }
    let mut out = io::stdout().lock();
    let written = writeln!(out, "ledgerctl {}", env!("CARGO_PKG_VERSION")).and_then(|()| out.flush());
    Some(if written.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Who is acting, for the journal: `--actor` (LEDGERCTL_ACTOR) when given, else the
/// operating-system user running the command; `cli:` before it either way, so no CLI actor can
/// pass for a token (`token:…`) or the policy's auto-approval (`policy:…`).
fn actor(given: Option<&str>) -> Result<String> {
    if let Some(name) = given {
        return Ok(format!("cli:{}", crate::ledger::ids::check_name("actor", name)?));
    }
    let name = ["USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    Ok(match name {
        Some(name) => format!("cli:{name}"),
        None => {
            use std::os::unix::fs::MetadataExt;
            let uid = std::fs::metadata("/proc/self")
                .map(|m| m.uid().to_string())
                .unwrap_or_else(|_| "unknown".to_owned());
            format!("cli:uid-{uid}")
        }
    })
}
