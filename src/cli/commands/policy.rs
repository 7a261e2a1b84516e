//! `ledgerctl policy …`: the policy of --tenant and --app (limits, currencies, transfers,
//! timezone), its changes and their history.

use std::io::Write;

use clap::{Args, Subcommand};
use serde_json::{Map, Value};

use super::PageArgs;
use crate::cli::{Context, Stop};
use crate::ops;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)
    Show,
    /// Change the fields given, keep the others; every change is recorded in the policy history
    #[command(
        after_help = "Amounts are decimal strings with at most 3 decimals, compared in each \
wallet's currency; 0 is no limit. Examples:\n  \
ledgerctl --tenant acme --app shop policy set --daily-withdraw-limit 5000.00 --timezone Asia/Shanghai\n  \
ledgerctl --tenant acme --app shop policy set --supported-currencies CNY,USD --transfer-enabled false"
    )]
    Set(SetArgs),
    /// Remove the policy: the default holds again (recorded in the history)
    Clear,
    /// The policy's recorded changes, newest first
    History {
        #[command(flatten)]
        page: PageArgs,
    },
}

/// A flag per policy field; only the given ones change.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The smallest withdrawal allowed (0: none)
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    min_withdraw_amount: Option<String>,
    /// The most a wallet may withdraw in a day of the policy's timezone (0: no limit)
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    daily_withdraw_limit: Option<String>,
    /// The most a wallet may withdraw in a month of the policy's timezone (0: no limit)
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    monthly_withdraw_limit: Option<String>,
    /// The most a wallet may hold after a deposit or an incoming transfer (0: no limit)
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    max_balance: Option<String>,
    /// Currencies new wallets may have, comma-separated (CNY,USD); "" for every one
    #[arg(long, value_name = "CODES")]
    supported_currencies: Option<String>,
    /// Whether wallets may transfer to one another
    #[arg(long, value_name = "BOOL")]
    transfer_enabled: Option<bool>,
    /// Withdrawals wait for another actor's approval (`withdrawal request`); a direct
    /// withdrawal is then refused (review_required), except up to --auto-approve-limit
    #[arg(long, value_name = "BOOL")]
    withdrawal_require_review: Option<bool>,
    /// With review required, a withdrawal of at most this much needs none (0: every one is reviewed)
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    auto_approve_limit: Option<String>,
    /// The IANA timezone days and months of the limits are counted in (Asia/Shanghai)
    #[arg(long, value_name = "NAME")]
    timezone: Option<String>,
}

impl SetArgs {
    /// The fields given, as the JSON object a PUT body is: one reader for both doors.
    fn fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        let texts = [
            ("min_withdraw_amount", &self.min_withdraw_amount),
            ("daily_withdraw_limit", &self.daily_withdraw_limit),
            ("monthly_withdraw_limit", &self.monthly_withdraw_limit),
            ("max_balance", &self.max_balance),
            ("supported_currencies", &self.supported_currencies),
            ("auto_approve_limit", &self.auto_approve_limit),
            ("timezone", &self.timezone),
        ];
        for (name, value) in texts {
            if let Some(text) = value {
                fields.insert(name.to_owned(), Value::String(text.clone()));
            }
        }
        let flags = [
            ("transfer_enabled", self.transfer_enabled),
            ("withdrawal_require_review", self.withdrawal_require_review),
        ];
        for (name, value) in flags {
            if let Some(flag) = value {
                fields.insert(name.to_owned(), Value::Bool(flag));
            }
        }
        fields
    }
}

impl PolicyCommand {
    /// Whether the command writes to the ledger; `show` and `history` only read it.
    pub(crate) fn writes(&self) -> bool {
        match self {
            PolicyCommand::Show | PolicyCommand::History { .. } => false,
            PolicyCommand::Set(_) | PolicyCommand::Clear => true,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        match self {
            PolicyCommand::History { .. } => true,
            PolicyCommand::Show | PolicyCommand::Set(_) | PolicyCommand::Clear => false,
        }
    }
}

pub(in crate::cli) fn exec<W: Write>(command: &PolicyCommand, ctx: &Context, out: &mut Printer<W>) -> Result<(), Stop> {
    let store = &mut ctx.open_for(command.writes())?;
    let scope = &ctx.scope;
    let state = match command {
        PolicyCommand::Show => ops::show_policy(store, scope)?,
        PolicyCommand::Set(args) => ops::set_policy(store, scope, &args.fields(), &ctx.actor)?,
        PolicyCommand::Clear => ops::clear_policy(store, scope, &ctx.actor)?,
        PolicyCommand::History { page } => {
            out.policy_history(&ops::policy_history(store, scope, page.request()?)?)?;
            return Ok(());
        }
    };
    let message = match command {
        PolicyCommand::Show => "ok",
        PolicyCommand::Set(_) | PolicyCommand::Clear | PolicyCommand::History { .. } => state.message(),
    };
    out.policy(&state.scope, &state.policy, state.configured, message)?;
    Ok(())
}
