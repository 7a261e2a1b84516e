//! `ledgerctl wallet …`: open wallets, move money, and inspect them; one file per subcommand.

mod adjust;
mod balance;
mod capture;
mod create;
mod deposit;
mod freeze;
mod freezes;
mod history;
mod list;
mod payment;
mod refund;
mod show;
mod status;
mod transfer;
mod unfreeze;
mod withdraw;

use std::io::Write;

use clap::{Args, Subcommand};

use super::super::{Context, Stop};
use crate::ledger::operations::Operation;
use crate::ops;
use crate::output::Printer;
use crate::store::Store;

pub use adjust::AdjustArgs;
pub use balance::BalanceArgs;
pub use capture::CaptureArgs;
pub use create::CreateArgs;
pub use deposit::DepositArgs;
pub use freeze::FreezeArgs;
pub use freezes::FreezesArgs;
pub use history::HistoryArgs;
pub use list::ListArgs;
pub use payment::PaymentArgs;
pub use refund::WalletRefundArgs;
pub use show::ShowArgs;
pub use status::StatusArgs;
pub use transfer::TransferArgs;
pub use unfreeze::UnfreezeArgs;
pub use withdraw::WithdrawArgs;

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Open a wallet for a user (one per tenant, application and user)
    Create(CreateArgs),
    /// Show a wallet's balance, frozen and available amounts, now or at a past moment
    Show(ShowArgs),
    /// Show a wallet's balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)
    Balance(BalanceArgs),
    /// List the wallets of the tenant and application
    List(ListArgs),
    /// List a wallet's transactions, newest first
    History(HistoryArgs),
    /// List a wallet's freeze records, newest first
    Freezes(FreezesArgs),
    /// Credit money received for the user (Dr settlement, Cr wallet)
    Deposit(DepositArgs),
    /// Pay a counterparty from the wallet (Dr wallet, Cr counterparty)
    Payment(PaymentArgs),
    /// Pay money out of the wallet (Dr wallet, Cr settlement)
    Withdraw(WithdrawArgs),
    /// Hold part of the available balance; the total balance is unchanged
    Freeze(FreezeArgs),
    /// Release a freeze back to the available balance
    Unfreeze(UnfreezeArgs),
    /// Post a freeze's held amount, all or part, as a withdrawal or a payment, releasing the rest
    Capture(CaptureArgs),
    /// Refund a payment, withdrawal or deposit of this wallet, in whole or in part
    Refund(WalletRefundArgs),
    /// Move money from one user's wallet to another's (two legs, one transaction; undone by a transfer back)
    Transfer(TransferArgs),
    /// Show a wallet's status changes, or set its status (active, frozen, closed) with a reason
    #[command(after_help = "frozen: no money leaves available (withdraw, payment, freeze, debit \
adjustment, refund of a deposit); credits still land. closed: nothing, for good; only an empty \
wallet can be closed. Freezing or closing asks for confirmation on a terminal (--yes skips it).")]
    Status(StatusArgs),
    /// Correct a balance against equity:adjustments (asks for confirmation on a terminal)
    #[command(group(clap::ArgGroup::new("amount").required(true).args(["credit", "debit"])))]
    Adjust(AdjustArgs),
}

impl WalletCommand {
    /// Whether the command writes to the ledger; the others read it through a read-only
    /// connection.
    pub(crate) fn writes(&self) -> bool {
        match self {
            WalletCommand::Show(_)
            | WalletCommand::Balance(_)
            | WalletCommand::List(_)
            | WalletCommand::History(_)
            | WalletCommand::Freezes(_) => false,
            WalletCommand::Status(args) => args.status.is_some(),
            WalletCommand::Create(_)
            | WalletCommand::Deposit(_)
            | WalletCommand::Payment(_)
            | WalletCommand::Withdraw(_)
            | WalletCommand::Freeze(_)
            | WalletCommand::Unfreeze(_)
            | WalletCommand::Capture(_)
            | WalletCommand::Refund(_)
            | WalletCommand::Transfer(_)
            | WalletCommand::Adjust(_) => true,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        match self {
            WalletCommand::List(_) | WalletCommand::History(_) | WalletCommand::Freezes(_) => true,
            WalletCommand::Status(args) => args.status.is_none(),
            WalletCommand::Create(_)
            | WalletCommand::Show(_)
            | WalletCommand::Balance(_)
            | WalletCommand::Deposit(_)
            | WalletCommand::Payment(_)
            | WalletCommand::Withdraw(_)
            | WalletCommand::Freeze(_)
            | WalletCommand::Unfreeze(_)
            | WalletCommand::Capture(_)
            | WalletCommand::Refund(_)
            | WalletCommand::Transfer(_)
            | WalletCommand::Adjust(_) => false,
        }
    }
}

pub(in crate::cli) fn exec<W: Write>(command: &WalletCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let store = &mut ctx.open_for(command.writes())?;
    match command {
        WalletCommand::Create(args) => create::exec(args, ctx, store, out),
        WalletCommand::Show(args) => show::exec(args, ctx, store, out),
        WalletCommand::Balance(args) => balance::exec(args, ctx, store, out),
        WalletCommand::List(args) => list::exec(args, ctx, store, out),
        WalletCommand::History(args) => history::exec(args, ctx, store, out),
        WalletCommand::Freezes(args) => freezes::exec(args, ctx, store, out),
        WalletCommand::Deposit(args) => deposit::exec(args, ctx, store, out),
        WalletCommand::Payment(args) => payment::exec(args, ctx, store, out),
        WalletCommand::Withdraw(args) => withdraw::exec(args, ctx, store, out),
        WalletCommand::Freeze(args) => freeze::exec(args, ctx, store, out),
        WalletCommand::Unfreeze(args) => unfreeze::exec(args, ctx, store, out),
        WalletCommand::Capture(args) => capture::exec(args, ctx, store, out),
        WalletCommand::Refund(args) => refund::exec(args, ctx, store, out),
        WalletCommand::Transfer(args) => transfer::exec(args, ctx, store, out),
        WalletCommand::Status(args) => status::exec(args, ctx, store, out),
        WalletCommand::Adjust(args) => adjust::exec(args, ctx, store, out),
    }
}

/// The amount and notes of a deposit, payment or withdrawal.
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

/// Runs one money movement on `user`'s wallet and prints its outcome.
fn execute<W: Write>(
    user: &str,
    op: &Operation,
    ctx: &Context,
    store: &mut Store,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    out.outcome(&ops::execute(store, &ctx.scope, user, op, &ctx.actor)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::cli::Cli;
    use crate::ledger::operations::SPECS;

    /// The CLI's flags for each operation are the fields its SPEC reads from a batch line or an
    /// HTTP body (and the OpenAPI test holds the body schemas to the same SPEC), so the doors
    /// cannot drift apart. Three CLI names differ, on purpose and only these: `--counterparty`
    /// for `counterparty_id`, the adjustment's direction as its flag (`--credit AMOUNT`), and a
    /// transfer's two users as its two arguments (`FROM TO`).
    #[test]
    fn every_operation_takes_its_spec_fields_as_wallet_flags() {
        let cli = Cli::command();
        let wallet = cli.find_subcommand("wallet").expect("wallet");
        for spec in SPECS {
            let command = wallet
                .find_subcommand(spec.name)
                .unwrap_or_else(|| panic!("no `wallet {}`", spec.name));
            let mut flags: Vec<String> = command
                .get_arguments()
                .filter_map(|a| a.get_long())
                .map(|long| match long {
                    "counterparty" => "counterparty_id".to_owned(),
                    long => long.replace('-', "_"),
                })
                .collect();
            let mut fields: Vec<String> = spec.fields.iter().map(|f| f.to_string()).collect();
            if spec.name == "adjust" {
                fields.retain(|f| f != "direction" && f != "amount");
                fields.extend(["credit".to_owned(), "debit".to_owned()]);
            }
            if spec.name == "transfer" {
                fields.retain(|f| f != "from_user_id" && f != "to_user_id");
                let arguments: Vec<_> = command
                    .get_positionals()
                    .map(|a| a.get_value_names().unwrap_or_default().join(" "))
                    .collect();
                assert_eq!(arguments, ["FROM", "TO"], "wallet transfer");
            }
            flags.sort_unstable();
            fields.sort_unstable();
            assert_eq!(flags, fields, "wallet {}", spec.name);
        }
    }
}
