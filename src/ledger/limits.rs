//! Every limit of the ledger, named, in one place. docs/limits.md lists them, and
//! tests/docs_tables.rs holds the two together.

/// The largest amount one operation may move, in major units of its currency (1 trillion).
pub const AMOUNT_MAX_MAJOR: i64 = 1_000_000_000_000;

/// The largest balance a wallet may hold, in major units (100 trillion). With at most three
/// decimals this keeps every balance inside `i64`; sums across accounts (trial balance, batch
/// totals) are made in `i128`.
pub const BALANCE_MAX_MAJOR: i64 = 100_000_000_000_000;

/// Amount strings longer than this are refused before any parsing (a 13-digit maximum plus a
/// dot and three decimals is 17 characters).
pub const AMOUNT_TEXT_LEN_MAX: usize = 24;

/// The longest user, counterparty, tenant, application id, in bytes.
pub const ID_LEN_MAX: usize = 64;

/// The longest `reference_id`, in characters: room for a payment provider's own keys
/// (`order:2026/04/15#1`, a 70-character idempotency key) as they are.
pub const REFERENCE_ID_LEN_MAX: usize = 128;

/// The longest transaction or freeze id that is looked up, in characters. Longer is a bad
/// request (400); anything shorter that names nothing is not found (404).
pub const LOOKUP_ID_LEN_MAX: usize = 128;

/// The longest description or reason, in characters.
pub const TEXT_LEN_MAX: usize = 500;

/// Rows per page of a list when none is asked for, and the most a page may hold.
pub const PAGE_SIZE_DEFAULT: u32 = 20;
pub const PAGE_SIZE_MAX: u32 = 100;

/// How long a writer waits for another writer's lock before giving up with `ledger_busy`.
pub const LOCK_TIMEOUT_MS_DEFAULT: u64 = 5_000;

/// The most lines one batch file may hold (all are read before any is applied).
pub const BATCH_LINES_MAX: usize = 1_000_000;

/// The longest line of a batch file, in bytes.
pub const BATCH_LINE_BYTES_MAX: usize = 64 * 1024;

/// Lines applied per durable commit when a batch is not `--atomic`: one fsync per this many.
pub const BATCH_COMMIT_LINES: usize = 1_000;

/// Batches longer than this ask for confirmation on a terminal (and need `--yes` elsewhere).
pub const BATCH_CONFIRM_LINES: usize = 100;

/// The longest lock wait that may be asked for: SQLite's busy timeout is a 32-bit count of ms.
pub const LOCK_TIMEOUT_MS_MAX: u64 = i32::MAX as u64;

/// The largest HTTP request body `serve` reads; a larger one is refused (413) before it is read.
/// The biggest valid body (a refund with a 500-character reason) is under 3 KiB.
pub const BODY_BYTES_MAX: usize = 64 * 1024;

/// How long a request may wait to be started before `serve` answers 503 `request_timeout`
/// (`--request-timeout-ms`), by default and at most.
pub const REQUEST_TIMEOUT_MS: u64 = 30_000;
pub const REQUEST_TIMEOUT_MS_MAX: u64 = 600_000;

/// Runs of one write transaction the database undid for a conflict with a concurrent one
/// (a deadlock, a serialization failure, a concurrent duplicate) before `ledger_busy` is answered; the first run
/// counts.
pub const RETRY_ATTEMPTS_MAX: u32 = 8;

/// The pause before each rerun is random, from zero up to this bound doubled per rerun
/// (5, 10, 20 … ms), so writers that conflicted once do not meet again in step; and never
/// above the cap. Seven pauses of at most 565 ms in all.
pub const RETRY_BACKOFF_BASE_MS: u64 = 5;
pub const RETRY_BACKOFF_CAP_MS: u64 = 250;

/// Writes `serve` commits together in one transaction (one fsync), by default and at most.
pub const COMMIT_GROUP_DEFAULT: usize = 256;
pub const COMMIT_GROUP_MAX: usize = 1_000;

/// Writer threads `serve` runs on PostgreSQL, each with its own connection and each request its
/// own transaction: the database groups their commits into its log flushes, and writes to
/// different wallets run at once. (On SQLite one writer groups up to `--commit-group-max`.)
pub const POSTGRES_WRITERS: usize = 8;

/// A PostgreSQL connection idle for longer than this is asked a trivial round trip before it is
/// used again (a reused read connection, a writer's next request), and given up if it does not
/// answer within `CONNECTION_CHECK_TIMEOUT_MS`: a server restart or an ended session shows
/// there, not as the next request's failure. One used more recently is trusted.
pub const CONNECTION_CHECK_IDLE_MS: u64 = 1_000;
pub const CONNECTION_CHECK_TIMEOUT_MS: u64 = 1_000;

/// Connecting to PostgreSQL gives up after this long unless the URL sets its own
/// `connect_timeout`: a host that drops packets would otherwise hold a command, or a writer
/// reconnecting, for the operating system's TCP timeout (minutes). Then: `database_unavailable`.
pub const CONNECT_TIMEOUT_MS: u64 = 10_000;

/// A `serve` writer whose PostgreSQL connection is lost reconnects before its next request; if
/// that fails, it tries again no sooner than this pause, which doubles per failure from the base
/// up to the max. Requests it takes meanwhile are answered `database_unavailable`.
pub const RECONNECT_BACKOFF_BASE_MS: u64 = 50;
pub const RECONNECT_BACKOFF_MAX_MS: u64 = 2_000;

/// Writes waiting for the writer; a request past this many waits for room (backpressure).
pub const WRITE_QUEUE_MAX: usize = 4_096;

/// Read connections `serve` keeps open for GET routes and token checks.
pub const READ_CONNECTIONS_MAX: usize = 16;

/// Tokens `serve` (on a SQLite ledger) remembers as checked, so that a request whose token
/// was checked since the last change to any token is answered without a read. Only tokens
/// that authenticated are remembered, so unknown or made-up ones cannot fill it.
pub const TOKEN_CACHE_ENTRIES_MAX: usize = 1_024;

/// The longest `Idempotency-Key`, in bytes (visible ASCII only).
pub const IDEMPOTENCY_KEY_LEN_MAX: usize = 255;

/// The longest lifetime `token create --expires` accepts, in days (ten years).
pub const TOKEN_EXPIRES_DAYS_MAX: i64 = 3_650;

/// How long `serve` waits for a client to send a request's headers before closing the connection.
pub const HEADER_READ_TIMEOUT_MS: u64 = 10_000;

/// How long `serve` waits for a request's body, before any credential is checked: a slow
/// sender cannot hold a connection slot for the whole request time.
pub const BODY_READ_TIMEOUT_MS: u64 = 10_000;

/// Open connections per listener; more wait in the kernel's accept queue.
pub const CONNECTIONS_MAX: usize = 1_024;

/// After SIGINT or SIGTERM, how long `serve` lets requests in flight finish beyond the request
/// timeout before it stops waiting for them (a second signal stops waiting at once).
pub const SHUTDOWN_GRACE_EXTRA_MS: u64 = 5_000;

/// Access-log lines waiting to be written; when stderr cannot keep up, lines beyond this are
/// dropped (and counted) rather than slowing down answers.
pub const LOG_QUEUE_MAX: usize = 4_096;

/// The most users one `POST /admin/wallets/batch-freeze` may name: the batch is one request,
/// one transaction and one answer; a longer list is a batch file's job (`ledgerctl batch`).
pub const BATCH_FREEZE_USERS_MAX: usize = 100;

/// The most freezes one `POST /admin/wallets/batch-unfreeze` may name, for the same reason as
/// `BATCH_FREEZE_USERS_MAX`: one request, one transaction, one answer.
pub const BATCH_UNFREEZE_FREEZES_MAX: usize = 100;

/// The most wallets one daily reconciliation report holds (`ledger reconcile --date`,
/// `GET /admin/wallets/reconciliation`): the wallets and their entries are streamed, but the
/// report's records are kept until it is printed or answered, with their view: about 1.3 KB a
/// wallet at the peak (150 MB measured at this limit). A tenant and application with more is
/// refused (400 / exit 2), not cut short.
pub const RECONCILIATION_WALLETS_MAX: usize = 100_000;

/// The most wallets one snapshot holds (`ledger snapshot --date`, `POST /wallets/snapshot`):
/// the wallets are streamed, but their rows are kept until they are stored in the snapshot's
/// one transaction, about 250 bytes each (measured: 27.5 MB resident for 20,000 wallets, 22 MB
/// of it the process itself; 25 MB at this limit). A tenant and application with
/// more wallets by the day's end is refused (400 / exit 2), never snapshotted in part.
pub const SNAPSHOT_WALLETS_MAX: usize = 100_000;

/// The most lines one statement may hold (`ledger reconcile --statement`): a statement is read
/// whole and checked before anything is matched, and the ledger's settlement entries of its
/// period are held beside it.
pub const STATEMENT_LINES_MAX: usize = 1_000_000;

/// How many of the closest known counterparty names a `counterparty_not_found` error suggests.
pub const COUNTERPARTY_SUGGESTIONS_MAX: usize = 3;

/// Every limit above, by name, with its value: what docs/limits.md's table is checked against.
/// `tests/docs_tables.rs` also checks that it names every constant of this file.
pub const EVERY_LIMIT: &[(&str, i128)] = &[
    ("AMOUNT_MAX_MAJOR", AMOUNT_MAX_MAJOR as i128),
    ("BALANCE_MAX_MAJOR", BALANCE_MAX_MAJOR as i128),
    ("AMOUNT_TEXT_LEN_MAX", AMOUNT_TEXT_LEN_MAX as i128),
    ("ID_LEN_MAX", ID_LEN_MAX as i128),
    ("REFERENCE_ID_LEN_MAX", REFERENCE_ID_LEN_MAX as i128),
    ("LOOKUP_ID_LEN_MAX", LOOKUP_ID_LEN_MAX as i128),
    ("TEXT_LEN_MAX", TEXT_LEN_MAX as i128),
    ("PAGE_SIZE_DEFAULT", PAGE_SIZE_DEFAULT as i128),
    ("PAGE_SIZE_MAX", PAGE_SIZE_MAX as i128),
    ("LOCK_TIMEOUT_MS_DEFAULT", LOCK_TIMEOUT_MS_DEFAULT as i128),
    ("BATCH_LINES_MAX", BATCH_LINES_MAX as i128),
    ("BATCH_LINE_BYTES_MAX", BATCH_LINE_BYTES_MAX as i128),
    ("BATCH_COMMIT_LINES", BATCH_COMMIT_LINES as i128),
    ("BATCH_CONFIRM_LINES", BATCH_CONFIRM_LINES as i128),
    ("LOCK_TIMEOUT_MS_MAX", LOCK_TIMEOUT_MS_MAX as i128),
    ("BODY_BYTES_MAX", BODY_BYTES_MAX as i128),
    ("REQUEST_TIMEOUT_MS", REQUEST_TIMEOUT_MS as i128),
    ("REQUEST_TIMEOUT_MS_MAX", REQUEST_TIMEOUT_MS_MAX as i128),
    ("RETRY_ATTEMPTS_MAX", RETRY_ATTEMPTS_MAX as i128),
    ("RETRY_BACKOFF_BASE_MS", RETRY_BACKOFF_BASE_MS as i128),
    ("RETRY_BACKOFF_CAP_MS", RETRY_BACKOFF_CAP_MS as i128),
    ("COMMIT_GROUP_DEFAULT", COMMIT_GROUP_DEFAULT as i128),
    ("COMMIT_GROUP_MAX", COMMIT_GROUP_MAX as i128),
    ("POSTGRES_WRITERS", POSTGRES_WRITERS as i128),
    ("CONNECT_TIMEOUT_MS", CONNECT_TIMEOUT_MS as i128),
    ("CONNECTION_CHECK_IDLE_MS", CONNECTION_CHECK_IDLE_MS as i128),
    ("CONNECTION_CHECK_TIMEOUT_MS", CONNECTION_CHECK_TIMEOUT_MS as i128),
    ("RECONNECT_BACKOFF_BASE_MS", RECONNECT_BACKOFF_BASE_MS as i128),
    ("RECONNECT_BACKOFF_MAX_MS", RECONNECT_BACKOFF_MAX_MS as i128),
    ("WRITE_QUEUE_MAX", WRITE_QUEUE_MAX as i128),
    ("READ_CONNECTIONS_MAX", READ_CONNECTIONS_MAX as i128),
    ("TOKEN_CACHE_ENTRIES_MAX", TOKEN_CACHE_ENTRIES_MAX as i128),
    ("IDEMPOTENCY_KEY_LEN_MAX", IDEMPOTENCY_KEY_LEN_MAX as i128),
    ("TOKEN_EXPIRES_DAYS_MAX", TOKEN_EXPIRES_DAYS_MAX as i128),
    ("HEADER_READ_TIMEOUT_MS", HEADER_READ_TIMEOUT_MS as i128),
    ("BODY_READ_TIMEOUT_MS", BODY_READ_TIMEOUT_MS as i128),
    ("CONNECTIONS_MAX", CONNECTIONS_MAX as i128),
    ("SHUTDOWN_GRACE_EXTRA_MS", SHUTDOWN_GRACE_EXTRA_MS as i128),
    ("LOG_QUEUE_MAX", LOG_QUEUE_MAX as i128),
    ("COUNTERPARTY_SUGGESTIONS_MAX", COUNTERPARTY_SUGGESTIONS_MAX as i128),
    ("BATCH_FREEZE_USERS_MAX", BATCH_FREEZE_USERS_MAX as i128),
    ("BATCH_UNFREEZE_FREEZES_MAX", BATCH_UNFREEZE_FREEZES_MAX as i128),
    ("RECONCILIATION_WALLETS_MAX", RECONCILIATION_WALLETS_MAX as i128),
    ("SNAPSHOT_WALLETS_MAX", SNAPSHOT_WALLETS_MAX as i128),
    ("STATEMENT_LINES_MAX", STATEMENT_LINES_MAX as i128),
];
