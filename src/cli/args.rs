//! The command line, defined once: help, completions and man pages are generated from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::ledger::limits::{
    COMMIT_GROUP_DEFAULT, COMMIT_GROUP_MAX, LOCK_TIMEOUT_MS_DEFAULT, LOCK_TIMEOUT_MS_MAX, REQUEST_TIMEOUT_MS,
    REQUEST_TIMEOUT_MS_MAX,
};
use crate::output::export::ExportFormat;
use crate::output::Format;

/// Double-entry wallet ledger administration over a SQLite ledger file.
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
    /// The ledger file
    #[arg(
        long,
        global = true,
        env = "LEDGERCTL_DB",
        default_value = "ledger.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,

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

    /// How long to wait for another writer's lock before failing with exit 6
    #[arg(long, global = true, env = "LEDGERCTL_LOCK_TIMEOUT_MS", default_value_t = LOCK_TIMEOUT_MS_DEFAULT, value_name = "MS",
          value_parser = clap::value_parser!(u64).range(0..=LOCK_TIMEOUT_MS_MAX))]
    pub lock_timeout_ms: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger file (WAL, synchronous=FULL); refuses to touch an existing file
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

    /// Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)
    #[command(after_help = "Public routes take `Authorization: Bearer <token>` (token create); \
POST /internal/wallet/refund is served only on --internal-listen and takes `X-API-Key: <key>` \
(token create --internal). Every 200 is durable on disk. SIGINT or SIGTERM stop taking new \
connections and let the requests in flight finish (at most the request timeout + 5 s; a second signal stops waiting) \
before exiting; an answered write is never lost.")]
    Serve(ServeArgs),

    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), or write every page with `--dir`
    Man {
        /// Write ledgerctl.1 and one page per subcommand (ledgerctl-wallet-withdraw.1, …) here
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Open a wallet for a user (one per tenant, application and user)
    Create {
        /// The user the wallet is for (an id of letters, digits, _ - . @)
        #[arg(value_name = "USER")]
        user: String,
        /// The wallet's currency, fixed for good: CNY, USD, EUR, GBP, HKD, SGD, JPY, KRW, KWD, BHD,
        /// JOD, in any case (default CNY, said on stderr when used)
        #[arg(long, env = "LEDGERCTL_CURRENCY", value_name = "CODE")]
        currency: Option<String>,
    },
    /// Show a wallet's balance, frozen and available amounts, now or at a past moment
    Show {
        /// The user's id, or the wallet's own id (wlt_…)
        #[arg(value_name = "USER|WALLET_ID")]
        user: String,
        /// The wallet as it was then, from the journal (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC,
        /// or a date for its midnight UTC)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// List the wallets of the tenant and application
    List {
        /// Only wallets with this status
        #[arg(long, value_parser = ["active", "frozen", "closed"])]
        status: Option<String>,
        /// Every wallet in user id order, streamed as it is read (no page, no 100-row limit)
        #[arg(long, conflicts_with_all = ["page", "page_size"])]
        all: bool,
        #[command(flatten)]
        page: PageArgs,
    },
    /// List a wallet's transactions, newest first
    History {
        /// The user whose wallet to list
        #[arg(value_name = "USER")]
        user: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        page: PageArgs,
    },
    /// List a wallet's freeze records, newest first
    Freezes {
        /// The user whose wallet to list
        #[arg(value_name = "USER")]
        user: String,
        /// Only records in this state
        #[arg(long, value_parser = ["active", "released"])]
        status: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Credit money received for the user (Dr settlement, Cr wallet)
    Deposit {
        /// The user whose wallet is credited
        #[arg(value_name = "USER")]
        user: String,
        #[command(flatten)]
        movement: MovementArgs,
    },
    /// Pay a counterparty from the wallet (Dr wallet, Cr counterparty)
    Payment {
        /// The user whose wallet pays
        #[arg(value_name = "USER")]
        user: String,
        /// The merchant or counterparty paid
        #[arg(long, value_name = "ID")]
        counterparty: String,
        /// The counterparty may be one never paid before in this tenant and application
        /// (without it, an unknown one is refused with the closest known names)
        #[arg(long)]
        new_counterparty: bool,
        #[command(flatten)]
        movement: MovementArgs,
    },
    /// Pay money out of the wallet (Dr wallet, Cr settlement)
    Withdraw {
        /// The user whose wallet pays out
        #[arg(value_name = "USER")]
        user: String,
        #[command(flatten)]
        movement: MovementArgs,
    },
    /// Hold part of the available balance; the total balance is unchanged
    Freeze {
        /// The user whose wallet is held
        #[arg(value_name = "USER")]
        user: String,
        /// The amount to hold
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Why the funds are held
        #[arg(long)]
        reason: Option<String>,
        /// Makes the freeze idempotent: a repeat with the same reference holds nothing more
        #[arg(long, value_name = "ID")]
        reference_id: Option<String>,
    },
    /// Release a freeze back to the available balance
    Unfreeze {
        /// The user whose wallet holds the freeze
        #[arg(value_name = "USER")]
        user: String,
        /// The freeze record to release (frz_…)
        #[arg(long, value_name = "ID")]
        freeze_id: String,
        /// Why the funds are released (recorded on the freeze record and the unfreeze)
        #[arg(long)]
        reason: Option<String>,
        /// Makes the unfreeze idempotent: a repeat with the same reference replays it
        #[arg(long, value_name = "ID")]
        reference_id: Option<String>,
    },
    /// Refund a payment, withdrawal or deposit of this wallet, in whole or in part
    Refund {
        /// The user whose wallet the original transaction belongs to
        #[arg(value_name = "USER")]
        user: String,
        #[command(flatten)]
        refund: RefundArgs,
    },
    /// Show a wallet's status changes, or set its status (active, frozen, closed) with a reason
    #[command(after_help = "frozen: no money leaves available (withdraw, payment, freeze, debit \
adjustment, refund of a deposit); credits still land. closed: nothing, for good; only an empty \
wallet can be closed. Freezing or closing asks for confirmation on a terminal (--yes skips it).")]
    Status {
        /// The user whose wallet to show or change
        #[arg(value_name = "USER")]
        user: String,
        /// The new status; without it, the wallet's status changes are listed
        #[arg(value_parser = ["active", "frozen", "closed"], requires = "reason")]
        status: Option<String>,
        /// Why (required with a new status; recorded with who made the change)
        #[arg(long)]
        reason: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Correct a balance against equity:adjustments (asks for confirmation on a terminal)
    #[command(group(clap::ArgGroup::new("amount").required(true).args(["credit", "debit"])))]
    Adjust {
        /// The user whose wallet is corrected
        #[arg(value_name = "USER")]
        user: String,
        /// Add this amount to the wallet
        #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
        credit: Option<String>,
        /// Take this amount from the wallet
        #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
        debit: Option<String>,
        /// Why (required; recorded in the journal)
        #[arg(long)]
        reason: String,
        /// Makes the adjustment idempotent: a repeat with the same reference writes nothing
        #[arg(long, value_name = "ID")]
        reference_id: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The file to read, or - for standard input
    pub file: String,
    /// The file's format; by default from its extension (.csv, .jsonl), else from its first character
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// All lines or none: if any line fails, nothing is committed
    #[arg(long)]
    pub atomic: bool,
    /// Check and compute every line against the ledger, commit nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// Comma-separated values with a header row
    Csv,
    /// One JSON object per line
    Jsonl,
}

#[derive(Debug, Args)]
pub struct MovementArgs {
    /// The amount, e.g. 50.00 (at most the currency's decimals)
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// Free text recorded with the transaction
    #[arg(long)]
    pub description: Option<String>,
    /// Makes the operation idempotent: a repeat with the same reference writes nothing
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct RefundArgs {
    /// The original transaction (txn_…)
    #[arg(long, value_name = "ID")]
    pub transaction_id: String,
    /// How much to refund; the whole remaining refundable amount when absent
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Why (recorded in the refund's description)
    #[arg(long)]
    pub reason: Option<String>,
    /// Makes the refund idempotent: a repeat with the same reference writes nothing
    #[arg(long, value_name = "ID")]
    pub reference_id: Option<String>,
}

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

#[derive(Debug, Subcommand)]
pub enum TransactionCommand {
    /// Show a transaction with its wallet and user (only the tenant's and application's own)
    Show {
        /// The transaction's id (txn_…)
        #[arg(value_name = "TXN_ID")]
        transaction_id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FreezeCommand {
    /// Show a freeze record with its wallet and user (only the tenant's and application's own)
    Show {
        /// The freeze record's id (frz_…)
        #[arg(value_name = "FRZ_ID")]
        freeze_id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token for --tenant and --app; its secret is printed this once and stored hashed
    #[command(
        after_help = "Examples:\n  ledgerctl --tenant acme --app shop token create --scope write --expires 30d\n  \
ledgerctl --tenant acme --app shop token create --user alice --scope read\n  \
ledgerctl --tenant acme --app shop token create --internal"
    )]
    Create {
        /// Reach only this user's wallet (default: every wallet of the tenant and application)
        #[arg(long, value_name = "ID", conflicts_with = "internal")]
        user: Option<String>,
        /// read: the GET routes only; write: every route
        #[arg(long, value_enum, default_value_t = TokenScope::Read, conflicts_with = "internal")]
        scope: TokenScope,
        /// Lifetime (30d, 12h, 90m) or an RFC 3339 moment; at most 3650 days (default: never)
        #[arg(long, value_name = "WHEN")]
        expires: Option<String>,
        /// An internal API key (X-API-Key) for POST /internal/wallet/refund instead of a bearer token
        #[arg(long)]
        internal: bool,
        /// A label for people, shown by `token list` (e.g. what or who the token is for)
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
    },
    /// List every token of every tenant, newest first (never their secrets)
    List {
        #[command(flatten)]
        page: PageArgs,
    },
    /// Revoke a token for good: its next request is refused with 401
    Revoke {
        /// The token's id (tok_…), as `token list` shows it
        token_id: String,
    },
}

/// What a bearer token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TokenScope {
    /// The GET routes only
    Read,
    /// Every route, money movements included
    Write,
}

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

#[derive(Debug, Args)]
pub struct PageArgs {
    /// The page to show, from 1
    #[arg(long)]
    pub page: Option<u32>,
    /// Rows per page (default 20, at most 100)
    #[arg(long)]
    pub page_size: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity
    Verify {
        /// An entry's SEQ:HASH recorded earlier from this command's "head": proves the journal
        /// still holds it unchanged, so entries removed from the end are caught (repeatable)
        #[arg(long, value_name = "SEQ:HASH")]
        anchor: Vec<String>,
    },
    /// Every account's debits, credits and balance, with totals per currency, now or at a past moment
    TrialBalance {
        /// The balances as they were then: every entry up to and including that second
        /// (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// The journal entries of every wallet with their postings, newest first
    Journal {
        /// Only this wallet's entries (wlt_…)
        #[arg(long, value_name = "ID")]
        wallet_id: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        page: PageArgs,
    },
    /// The whole journal for other tools: csv, json (JSON Lines), hledger or beancount
    #[command(
        after_help = "The hledger and beancount files are accepted by `hledger -f FILE bal` and \
`bean-check FILE`, and their balances equal `ledger trial-balance`. Covers every tenant."
    )]
    Export {
        /// The format to write on stdout
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Only entries from this moment on (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date
        /// for its midnight UTC)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only entries before this moment (exclusive: --since 2026-04-01 --until 2026-05-01 is April)
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
    },
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

/// The names and help of [`ExportFormat`] on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// One row per posting
    Csv,
    /// JSON Lines: one entry per line
    Json,
    /// An hledger journal
    Hledger,
    /// A beancount ledger
    Beancount,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(format: ExportFormatArg) -> ExportFormat {
        match format {
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Hledger => ExportFormat::Hledger,
            ExportFormatArg::Beancount => ExportFormat::Beancount,
        }
    }
}
