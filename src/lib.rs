//! ledgerctl: a double-entry wallet ledger over a SQLite file, for finance operators, scripts,
//! support staff and services over HTTP. ARCHITECTURE.md draws this map file by file.
//!
//! Data flows one way: a front door ([`cli`], [`http`]) turns input into a validated
//! [`ledger::operations::Operation`] and calls a use case in [`ops`]; `ops` opens one transaction
//! on the [`store`], asks the pure rules in [`ledger`] for a plan, appends it and hands the
//! outcome to [`output`], which renders the seeds' envelope or a table. [`error`] holds the
//! domain error and the one table that maps every layer's error kinds to exit codes, HTTP
//! statuses and `error` strings; the server's own conditions are in [`http`].
//!
//! - [`ledger`]: money, wallets, journal entries, one module per operation
//!   ([`ledger::operations`]), the hash chain and the invariant checker. No I/O.
//! - [`store`]: the storage traits `ops` is generic over, and all SQL behind them, a file per
//!   concern: schema, migrations, append-only triggers, queries.
//! - [`ops`]: one function per use case; the only layer that sees both ledger and store.
//! - [`output`]: the wire contract (envelope, `dto.*` views) and tables.
//! - [`cli`]: the clap tree and one file per subcommand (`cli/commands/`).
//! - [`http`]: `serve`, the same operations over HTTP.

pub mod cli;
pub mod error;
pub mod http;
pub mod ledger;
pub mod ops;
pub mod output;
pub mod store;
