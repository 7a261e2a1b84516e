//! Man pages from the clap definitions, one per command, each with the sections a man reader
//! looks for: ENVIRONMENT (every variable the CLI reads, found in the definitions themselves),
//! EXIT STATUS and EXAMPLES.

use std::path::Path;

use clap::CommandFactory;

use super::reference::{environment, exit_statuses};
use super::Cli;
use crate::error::{Error, Result};

/// Examples per page, by the page's name; a page without its own shows the top page's.
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "ledgerctl",
        &[
            ("Create a ledger file and open a wallet", "ledgerctl --db /srv/ledger.db init\nledgerctl --db /srv/ledger.db wallet create alice --currency USD"),
            ("Move money, idempotently", "ledgerctl wallet deposit alice --amount 100.00 --reference-id dep-1"),
            ("A script reads one JSON envelope", "ledgerctl -o json wallet show alice"),
            ("Every operation of a file", "ledgerctl batch refunds.csv --dry-run"),
        ],
    ),
    ("ledgerctl-init", &[("Create a ledger file", "ledgerctl --db /srv/ledger.db init")]),
    (
        "ledgerctl-wallet-create",
        &[
            ("A wallet in the default currency (CNY)", "ledgerctl wallet create alice"),
            ("A wallet in euros (the code may be lowercase)", "ledgerctl --tenant acme --app shop wallet create bob --currency eur"),
        ],
    ),
    (
        "ledgerctl-wallet-show",
        &[
            ("By user id, or by wallet id", "ledgerctl wallet show alice\nledgerctl wallet show wlt_01JH4Q3ZKX8D5W2N6M7P9R0S1T"),
            ("As it was at the end of March", "ledgerctl wallet show alice --at 2026-04-01"),
        ],
    ),
    (
        "ledgerctl-wallet-list",
        &[
            ("The frozen wallets", "ledgerctl wallet list --status frozen"),
            ("Every wallet, for a spreadsheet", "ledgerctl -o csv wallet list --all > wallets.csv"),
        ],
    ),
    (
        "ledgerctl-wallet-history",
        &[("April's refunds", "ledgerctl wallet history alice --type refund --from 2026-04-01 --to 2026-05-01")],
    ),
    ("ledgerctl-wallet-freezes", &[("The active freezes", "ledgerctl wallet freezes alice --status active")]),
    (
        "ledgerctl-wallet-deposit",
        &[("Credit 100.00", "ledgerctl wallet deposit alice --amount 100.00 --reference-id dep-2026-04-15")],
    ),
    (
        "ledgerctl-wallet-payment",
        &[("Pay a merchant", "ledgerctl wallet payment alice --amount 20.00 --counterparty mch_1 --reference-id order-1001")],
    ),
    (
        "ledgerctl-wallet-withdraw",
        &[("Pay out to the bank", "ledgerctl wallet withdraw alice --amount 50.00 --reference-id wd-77")],
    ),
    (
        "ledgerctl-wallet-freeze",
        &[("Hold 30.00 during a dispute", "ledgerctl wallet freeze alice --amount 30.00 --reason 'chargeback 4411'")],
    ),
    (
        "ledgerctl-wallet-unfreeze",
        &[("Release a hold", "ledgerctl wallet unfreeze alice --freeze-id frz_01JH4Q3ZKX8D5W2N6M7P9R0S1T")],
    ),
    (
        "ledgerctl-wallet-refund",
        &[("Refund part of a payment", "ledgerctl wallet refund alice --transaction-id txn_01JH4Q3ZKX8D5W2N6M7P9R0S1T --amount 5.00 --reason 'damaged item'")],
    ),
    (
        "ledgerctl-wallet-adjust",
        &[
            ("Credit a goodwill gesture (asks first)", "ledgerctl wallet adjust alice --credit 10.00 --reason 'late delivery'"),
            ("The same from a script", "ledgerctl --yes wallet adjust alice --credit 10.00 --reason 'late delivery' --reference-id adj-9"),
        ],
    ),
    (
        "ledgerctl-wallet-status",
        &[
            ("Freeze a whole wallet (asks first)", "ledgerctl wallet status alice frozen --reason 'fraud review'"),
            ("Its status changes", "ledgerctl wallet status alice"),
        ],
    ),
    (
        "ledgerctl-refund",
        &[("Refund a transaction without knowing its user", "ledgerctl refund --transaction-id txn_01JH4Q3ZKX8D5W2N6M7P9R0S1T")],
    ),
    (
        "ledgerctl-transaction-show",
        &[("Which user a transaction belongs to", "ledgerctl transaction show txn_01JH4Q3ZKX8D5W2N6M7P9R0S1T")],
    ),
    ("ledgerctl-freeze-show", &[("One freeze record", "ledgerctl freeze show frz_01JH4Q3ZKX8D5W2N6M7P9R0S1T")]),
    (
        "ledgerctl-batch",
        &[
            ("Check a file, then apply it", "ledgerctl batch refunds.csv --dry-run\nledgerctl --yes batch refunds.csv"),
            ("From standard input", "ledgerctl batch - < refunds.jsonl"),
        ],
    ),
    (
        "ledgerctl-ledger-verify",
        &[
            ("Verify, and later prove the head is still there", "ledgerctl ledger verify\nledgerctl ledger verify --anchor 42:9f86d081884c7d65"),
            ("Prove every wallet up to last month's seal", "ledgerctl ledger verify --anchor seal:3:9f86d081884c7d65"),
        ],
    ),
    (
        "ledgerctl-ledger-seal",
        &[("Month-end: seal, and keep the anchor it prints", "ledgerctl ledger seal")],
    ),
    ("ledgerctl-ledger-trial-balance", &[("Month-end", "ledgerctl ledger trial-balance")]),
    (
        "ledgerctl-ledger-journal",
        &[("One wallet's entries with their postings", "ledgerctl ledger journal --wallet-id wlt_01JH4Q3ZKX8D5W2N6M7P9R0S1T")],
    ),
    (
        "ledgerctl-ledger-export",
        &[("For hledger", "ledgerctl ledger export --format hledger > ledger.journal\nhledger -f ledger.journal balance")],
    ),
    (
        "ledgerctl-token-create",
        &[
            ("A write token for one application", "ledgerctl --tenant acme --app shop token create --scope write --expires 30d"),
            ("A key for the internal refund", "ledgerctl --tenant acme --app shop token create --internal"),
        ],
    ),
    ("ledgerctl-token-list", &[("Every token (never a secret)", "ledgerctl token list")]),
    ("ledgerctl-token-revoke", &[("Revoke a token (asks first)", "ledgerctl token revoke tok_01JH4Q3ZKX8D5W2N6M7P9R0S1T")]),
    (
        "ledgerctl-serve",
        &[("Public API on all interfaces, internal refund on loopback", "ledgerctl serve --listen 0.0.0.0:8080 --internal-listen 127.0.0.1:8081")],
    ),
    (
        "ledgerctl-completions",
        &[("Bash completion", "ledgerctl completions bash > ~/.local/share/bash-completion/completions/ledgerctl")],
    ),
    (
        "ledgerctl-man",
        &[("Read or install the pages", "ledgerctl man | man -l -\nledgerctl man --dir /usr/local/share/man/man1")],
    ),
];

/// The command tree as the pages describe it (built, so subcommands carry their full names).
fn built() -> clap::Command {
    // The pages have EXIT STATUS and ENVIRONMENT sections of their own, from the same tables
    // as the long help, so the tree is taken without the long help's end (`cli::command`).
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// The top-level page.
pub fn top_page() -> Result<Vec<u8>> {
    let command = built();
    let env = environment(&command);
    page(command, &env)
}

/// Every page, `ledgerctl.1` and one per subcommand, written into `dir`.
pub fn write_pages(dir: &Path) -> Result<()> {
    let command = built();
    let env = environment(&command);
    let mut stack = vec![command];
    while let Some(command) = stack.pop() {
        stack.extend(command.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
        let name = page_name(&command);
        let text = page(command, &env)?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, text)
            .map_err(|e| Error::invalid("dir", format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

fn page_name(command: &clap::Command) -> String {
    command.get_display_name().unwrap_or(command.get_name()).to_owned()
}

fn page(command: clap::Command, env: &[(String, String)]) -> Result<Vec<u8>> {
    let name = page_name(&command);
    let version = command.get_version().unwrap_or_default().to_owned();
    let man = clap_mangen::Man::new(command)
        .title(name.clone())
        .source(format!("ledgerctl {version}"))
        .manual("ledgerctl manual");
    let mut text = Vec::new();
    let rendering = |e: std::io::Error| Error::internal(format!("rendering the man page {name}: {e}"));
    man.render(&mut text).map_err(rendering)?;
    let mut extra = String::new();
    extra.push_str(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in exit_statuses() {
        extra.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff(&meaning)));
    }
    extra.push_str(".SH ENVIRONMENT\n");
    for (var, help) in env {
        extra.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(var), roff(help)));
    }
    extra.push_str(".SH EXAMPLES\n");
    let examples = EXAMPLES
        .iter()
        .find(|(page, _)| *page == name)
        .or_else(|| EXAMPLES.first())
        .map(|(_, examples)| *examples)
        .unwrap_or_default();
    for (what, lines) in examples {
        extra.push_str(&format!(".PP\n{}:\n.PP\n.RS 4\n.nf\n", roff(what)));
        for line in lines.lines() {
            extra.push_str(&roff(line));
            extra.push('\n');
        }
        extra.push_str(".fi\n.RE\n");
    }
    text.extend_from_slice(extra.as_bytes());
    Ok(text)
}

/// Text made safe for roff: backslashes and hyphens escaped, no line starting with a control
/// character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
