//! The `ledgerctl` binary: everything lives in the library, so tests and benchmarks share it.

use std::process::ExitCode;

fn main() -> ExitCode {
    ledgerctl::cli::main()
}
