//! The CLI front door: arguments → one `ops` call → the printer. No SQL, no business rule.

mod args;
mod batch;
mod confirm;
mod man;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind as ClapErrorKind;
use clap::{CommandFactory, Parser};

pub use args::{
    Cli, Command, FreezeCommand, Global, LedgerCommand, TokenCommand, TokenScope, TransactionCommand, WalletCommand,
};

use crate::error::{Error, Result};
use crate::ledger::model::{FreezeStatus, Scope, WalletStatus};
use crate::ledger::request::{Direction, EntryFilter, Operation, PageRequest};
use crate::ledger::token::{Access, TokenKind};
use crate::ops;
use crate::output::export::Exporter;
use crate::output::views::ErrorEnvelope;
use crate::output::{Format, Printer};
use crate::store::Store;

/// Runs the CLI on the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
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
        let _ = serde_json::to_writer(&mut stdout, &ErrorEnvelope::new(&error, &ops::now()))
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
    if out.format == Format::Csv && !lists(&cli.command) {
        let lists = "wallet list, wallet history, wallet freezes, wallet status USER, token list, ledger journal, \
                     ledger trial-balance";
        return Err(Error::invalid("output", format!("csv is for the list commands ({lists})")).into());
    }
    if g.read_only && writes(&cli.command) {
        return Err(Error::ReadOnly {
            reason: "--read-only (LEDGERCTL_READ_ONLY) forbids this command, which writes; nothing was written"
                .to_owned(),
        }
        .into());
    }
    let actor = actor();
    let open = || Store::open(&g.db, g.lock_timeout_ms);
    let open_read = || Store::open_for_reading(&g.db, g.lock_timeout_ms, g.read_only);
    let open_for = |command: &Command| if writes(command) { open() } else { open_read() };
    match &cli.command {
        Command::Completions { shell } => out.raw(&completions(*shell))?,
        Command::Man { dir: None } => out.raw(&man_page()?)?,
        Command::Man { dir: Some(dir) } => man::write_pages(dir)?,
        Command::Init => {
            let version = ops::init(&g.db, g.lock_timeout_ms)?;
            out.initialized(&g.db.display().to_string(), version)?;
        }
        Command::Refund(r) => {
            let op = Operation::refund(
                &r.transaction_id,
                r.amount.as_deref(),
                r.reason.clone(),
                r.reference_id.clone(),
            )?;
            out.outcome(&ops::refund_by_transaction(&mut open()?, &scope, &op, &actor)?)?;
        }
        Command::Ledger(LedgerCommand::Verify { anchor }) => {
            let anchors = anchor.iter().map(|a| a.parse()).collect::<Result<Vec<_>>>()?;
            let report = ops::verify_file(&g.db, open_read, &anchors)?;
            if report.ok() || out.format == Format::Table {
                out.verify(&report)?;
            }
            if !report.ok() {
                return Err(Error::InvariantBroken {
                    broken: report.broken(),
                }
                .into());
            }
        }
        Command::Ledger(LedgerCommand::Export { format, since, until }) => {
            let since = since.as_deref().map(|t| ops::parse_time("since", t)).transpose()?;
            let until = until.as_deref().map(|t| ops::parse_time("until", t)).transpose()?;
            let mut store = open_read()?;
            let mut exporter = Exporter::new((*format).into(), out.writer());
            let exported = ops::export(&mut store, since.as_deref(), until.as_deref(), &mut exporter);
            if let Some(e) = exporter.io_error.take() {
                return Err(Stop::Output(e));
            }
            exported?;
        }
        Command::Ledger(LedgerCommand::Journal {
            wallet_id,
            filter,
            page,
        }) => {
            let page = PageRequest::new(page.page, page.page_size)?;
            out.journal(&ops::journal(
                &mut open_read()?,
                wallet_id.as_deref(),
                &entry_filter(filter)?,
                page,
            )?)?;
        }
        Command::Ledger(LedgerCommand::TrialBalance { at }) => {
            let at = at.as_deref().map(|t| ops::parse_time("at", t)).transpose()?;
            out.trial_balance(&ops::trial_balance(&mut open_read()?, at.as_deref())?)?
        }
        Command::Transaction(TransactionCommand::Show { transaction_id }) => {
            let (entry, refunded, wallet) = ops::show_transaction(&mut open_read()?, &scope, transaction_id)?;
            out.transaction(&entry, refunded, &wallet)?;
        }
        Command::Freeze(FreezeCommand::Show { freeze_id }) => {
            let (freeze, wallet) = ops::show_freeze(&mut open_read()?, &scope, freeze_id)?;
            out.freeze(&freeze, &wallet)?;
        }
        Command::Token(command) => token(command, g, &scope, &actor, &mut open_for(&cli.command)?, out)?,
        Command::Serve(args) => serve(args, g, out)?,
        Command::Batch(args) => batch::run(args, g.yes, &scope, &actor, &mut open()?, out)?,
        Command::Wallet(command) => wallet(command, g, &scope, &actor, &mut open_for(&cli.command)?, out)?,
    }
    Ok(())
}

fn token<W: Write>(
    command: &TokenCommand,
    g: &Global,
    scope: &Scope,
    actor: &str,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    match command {
        TokenCommand::Create {
            user,
            scope: access,
            expires,
            internal,
            name,
        } => {
            let new = ops::NewToken {
                kind: if *internal {
                    TokenKind::Internal
                } else {
                    TokenKind::Bearer
                },
                scope: scope.clone(),
                user_id: user.clone(),
                access: match (access, internal) {
                    (_, true) | (TokenScope::Write, _) => Access::Write,
                    (TokenScope::Read, false) => Access::Read,
                },
                expires: expires.clone(),
                name: name.clone(),
            };
            let (token, secret) = ops::create_token(store, &new, actor)?;
            out.token_created(&token, &secret)?;
        }
        TokenCommand::List { page } => {
            out.tokens(&ops::list_tokens(store, PageRequest::new(page.page, page.page_size)?)?)?
        }
        TokenCommand::Revoke { token_id } => {
            let token = ops::show_token(store, token_id)?;
            if token.revoked_at.is_none() && !g.yes {
                confirm::revoke(&token)?;
            }
            let (token, revoked) = ops::revoke_token(store, token_id)?;
            out.token(&token, if revoked { "revoked" } else { "already revoked" })?;
        }
    }
    Ok(())
}

fn serve<W: Write>(args: &args::ServeArgs, g: &Global, out: &mut Printer<W>) -> Result<(), Stop> {
    // A server is how a ledger runs in production: it never stamps a pinned time.
    if ops::clock() != ops::Clock::System {
        return Err(Stop::Failed(Error::invalid(
            ops::FAKE_NOW_ENV,
            "is a test-only setting for single commands; serve refuses to run with it: unset it",
        )));
    }
    let config = crate::http::Config {
        db: g.db.clone(),
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

/// The commands that write to the ledger (or create it); every other command only reads it,
/// through a read-only connection.
fn writes(command: &Command) -> bool {
    match command {
        Command::Completions { .. } | Command::Man { .. } => false,
        Command::Ledger(
            LedgerCommand::Verify { .. }
            | LedgerCommand::TrialBalance { .. }
            | LedgerCommand::Journal { .. }
            | LedgerCommand::Export { .. },
        ) => false,
        Command::Transaction(TransactionCommand::Show { .. }) | Command::Freeze(FreezeCommand::Show { .. }) => false,
        Command::Token(TokenCommand::List { .. }) => false,
        Command::Wallet(
            WalletCommand::Show { .. }
            | WalletCommand::List { .. }
            | WalletCommand::History { .. }
            | WalletCommand::Freezes { .. }
            | WalletCommand::Status { status: None, .. },
        ) => false,
        Command::Init
        | Command::Refund(_)
        | Command::Batch(_)
        | Command::Serve(_)
        | Command::Token(TokenCommand::Create { .. } | TokenCommand::Revoke { .. })
        | Command::Wallet(_) => true,
    }
}

/// The commands whose result is a list, which `-o csv` can print.
fn lists(command: &Command) -> bool {
    matches!(
        command,
        Command::Ledger(LedgerCommand::Journal { .. } | LedgerCommand::TrialBalance { .. })
            | Command::Token(TokenCommand::List { .. })
            | Command::Wallet(
                WalletCommand::List { .. }
                    | WalletCommand::History { .. }
                    | WalletCommand::Freezes { .. }
                    | WalletCommand::Status { status: None, .. }
            )
    )
}

/// The filter flags of a list, parsed and checked.
fn entry_filter(args: &args::FilterArgs) -> Result<EntryFilter> {
    ops::entry_filter(
        args.types.iter().map(String::as_str),
        args.from.as_deref(),
        args.to.as_deref(),
        args.reference_id.as_deref(),
        None,
    )
}

fn wallet<W: Write>(
    command: &WalletCommand,
    g: &Global,
    scope: &Scope,
    actor: &str,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let (user, op) = match command {
        WalletCommand::Create { user, currency } => {
            let chosen = currency
                .as_deref()
                .map(|code| code.to_ascii_uppercase().parse())
                .transpose()?;
            let currency = chosen.unwrap_or(crate::ledger::money::Currency::CNY);
            let wallet = ops::create_wallet(store, scope, user, currency)?;
            if chosen.is_none() {
                // The currency is fixed for good: say which one was taken without being asked.
                eprintln!(
                    "note: the wallet is in {currency}, the default (choose with --currency or LEDGERCTL_CURRENCY)"
                );
            }
            out.wallet(&wallet)?;
            return Ok(());
        }
        WalletCommand::Show { user, at: None } => {
            out.wallet(&ops::show_wallet(store, scope, user)?)?;
            return Ok(());
        }
        WalletCommand::Show { user, at: Some(at) } => {
            let at = ops::parse_time("at", at)?;
            out.wallet_at(&ops::show_wallet_at(store, scope, user, &at)?, &at)?;
            return Ok(());
        }
        WalletCommand::List { status, all, page } => {
            let status = status.as_deref().map(str::parse::<WalletStatus>).transpose()?;
            if *all {
                let mut list = out.wallet_stream()?;
                let listed = ops::each_wallet(store, scope, status, |w| list.item(&w));
                // A closed stdout stops the walk; it is reported as what it is, not as a ledger error.
                if let Some(e) = list.io_error.take() {
                    return Err(Stop::Output(e));
                }
                list.finish(listed?)?;
            } else {
                out.wallets(&ops::list_wallets(
                    store,
                    scope,
                    status,
                    PageRequest::new(page.page, page.page_size)?,
                )?)?;
            }
            return Ok(());
        }
        WalletCommand::History { user, filter, page } => {
            let (wallet, entries) = ops::history(
                store,
                scope,
                user,
                &entry_filter(filter)?,
                PageRequest::new(page.page, page.page_size)?,
            )?;
            out.history(&wallet, &entries)?;
            return Ok(());
        }
        WalletCommand::Freezes { user, status, page } => {
            let status = status.as_deref().map(str::parse::<FreezeStatus>).transpose()?;
            let (wallet, records) =
                ops::freezes(store, scope, user, status, PageRequest::new(page.page, page.page_size)?)?;
            out.freezes(&wallet, &records)?;
            return Ok(());
        }
        WalletCommand::Status {
            user,
            status: None,
            page,
            ..
        } => {
            let (wallet, changes) =
                ops::status_history(store, scope, user, PageRequest::new(page.page, page.page_size)?)?;
            out.status_history(&wallet, &changes)?;
            return Ok(());
        }
        WalletCommand::Status {
            user,
            status: Some(status),
            reason,
            ..
        } => {
            let to: WalletStatus = status.parse()?;
            if to != WalletStatus::Active && !g.yes {
                confirm::status(store, scope, user, to, reason.clone())?;
            }
            out.status(&ops::set_status(store, scope, user, to, reason.clone(), actor)?)?;
            return Ok(());
        }
        WalletCommand::Deposit { user, movement: m } => (
            user,
            Operation::deposit(&m.amount, m.description.clone(), m.reference_id.clone())?,
        ),
        WalletCommand::Payment {
            user,
            counterparty,
            new_counterparty,
            movement: m,
        } => (
            user,
            Operation::payment(
                &m.amount,
                counterparty,
                *new_counterparty,
                m.description.clone(),
                m.reference_id.clone(),
            )?,
        ),
        WalletCommand::Withdraw { user, movement: m } => (
            user,
            Operation::withdraw(&m.amount, m.description.clone(), m.reference_id.clone())?,
        ),
        WalletCommand::Freeze {
            user,
            amount,
            reason,
            reference_id,
        } => (user, Operation::freeze(amount, reason.clone(), reference_id.clone())?),
        WalletCommand::Unfreeze {
            user,
            freeze_id,
            reason,
            reference_id,
        } => (
            user,
            Operation::unfreeze(freeze_id, reason.clone(), reference_id.clone())?,
        ),
        WalletCommand::Refund { user, refund: r } => (
            user,
            Operation::refund(
                &r.transaction_id,
                r.amount.as_deref(),
                r.reason.clone(),
                r.reference_id.clone(),
            )?,
        ),
        WalletCommand::Adjust {
            user,
            credit,
            debit,
            reason,
            reference_id,
        } => {
            let (direction, amount) = match (credit, debit) {
                (Some(a), None) => (Direction::Credit, a),
                (None, Some(a)) => (Direction::Debit, a),
                _ => return Err(Error::invalid("adjust", "give exactly one of --credit and --debit").into()),
            };
            let op = Operation::adjust(direction, amount, reason, reference_id.clone())?;
            if !g.yes {
                confirm::adjustment(store, scope, user, &op)?;
            }
            (user, op)
        }
    };
    out.outcome(&ops::execute(store, scope, user, &op, actor)?)?;
    Ok(())
}

/// The completion script of `shell`, generated from the clap definitions.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ledgerctl", &mut script);
    script
}

/// The top-level man page (roff), generated from the clap definitions.
pub fn man_page() -> Result<Vec<u8>> {
    man::top_page()
}

/// Who is acting, for the journal: the operating-system user running the command.
fn actor() -> String {
    let name = ["USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    match name {
        Some(name) => format!("cli:{name}"),
        None => {
            use std::os::unix::fs::MetadataExt;
            let uid = std::fs::metadata("/proc/self")
                .map(|m| m.uid().to_string())
                .unwrap_or_else(|_| "unknown".to_owned());
            format!("cli:uid-{uid}")
        }
    }
}
