//! `ledgerctl withdrawal …`: withdrawal review (maker-checker). A request holds its amount at
//! once; another actor (`--actor`, or another OS user) approves it (the money leaves) or
//! rejects it (the hold is released).

use std::io::Write;

use clap::{Args, Subcommand};

use super::PageArgs;
use crate::cli::{Context, Stop};
use crate::ledger::ids::{self, WithdrawalRequestId};
use crate::ledger::operations::freeze;
use crate::ledger::review::ReviewStatus;
use crate::ops::{self, Verdict};
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum WithdrawalCommand {
    /// Ask for a withdrawal: the amount is held at once and leaves when another actor approves
    #[command(
        after_help = "With a policy that does not require review (the default), or an amount \
within its --auto-approve-limit, the request is approved at once (decided by policy:auto_approve). \
Example:\n  ledgerctl withdrawal request alice --amount 500.00 --remark \"April payout\""
    )]
    Request(RequestArgs),
    /// List the requests, newest first: every user's, or one user's (--user)
    List(ListArgs),
    /// Show one request
    Show {
        /// The request (wdr_…)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Approve a pending request: its held amount leaves the ledger (never by its requester)
    Approve(DecideArgs),
    /// Reject a pending request: its hold is released to the available balance (never by its requester)
    Reject(RejectArgs),
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The user whose wallet pays out
    #[arg(value_name = "USER")]
    user: String,
    /// The amount, a decimal string with at most the currency's decimals
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    amount: String,
    /// Why, for the reviewer (kept as the hold's reason too)
    #[arg(long, value_name = "TEXT")]
    remark: Option<String>,
    /// Makes the request safe to repeat: the same request again answers the first one
    #[arg(long, value_name = "REF")]
    reference_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this user's requests
    #[arg(long, value_name = "USER")]
    user: Option<String>,
    /// Only this status: pending (the reviewers' queue), approved or rejected
    #[arg(long, value_name = "STATUS")]
    status: Option<String>,
    #[command(flatten)]
    page: PageArgs,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The request (wdr_…)
    #[arg(value_name = "ID")]
    id: String,
    /// The approver's name, recorded beside the deciding actor
    #[arg(long, value_name = "NAME")]
    approved_by: Option<String>,
    /// Why, recorded with the decision
    #[arg(long, value_name = "TEXT")]
    remark: Option<String>,
}

#[derive(Debug, Args)]
pub struct RejectArgs {
    /// The request (wdr_…)
    #[arg(value_name = "ID")]
    id: String,
    /// Why, recorded with the decision and as the hold's release reason
    #[arg(long, value_name = "TEXT")]
    remark: Option<String>,
}

impl WithdrawalCommand {
    /// Whether the command writes to the ledger; `list` and `show` only read it.
    pub(crate) fn writes(&self) -> bool {
        match self {
            WithdrawalCommand::List(_) | WithdrawalCommand::Show { .. } => false,
            WithdrawalCommand::Request(_) | WithdrawalCommand::Approve(_) | WithdrawalCommand::Reject(_) => true,
        }
    }

    /// Whether the result is a list, which `-o csv` can print.
    pub(crate) fn lists(&self) -> bool {
        matches!(self, WithdrawalCommand::List(_))
    }
}

fn request_id(id: &str) -> crate::error::Result<WithdrawalRequestId> {
    Ok(WithdrawalRequestId::new(ids::check_lookup("id", id)?))
}

pub(in crate::cli) fn exec<W: Write>(
    command: &WithdrawalCommand,
    ctx: &Context,
    out: &mut Printer<W>,
) -> Result<(), Stop> {
    let store = &mut ctx.open_for(command.writes())?;
    let scope = &ctx.scope;
    let (verdict, id) = match command {
        WithdrawalCommand::Request(args) => {
            let ask = freeze::Request::new(&args.amount, args.remark.clone(), args.reference_id.clone())?;
            let reviewed = ops::request_withdrawal(store, scope, &args.user, &ask, &ctx.actor)?;
            out.withdrawal(&reviewed.request, reviewed.message())?;
            return Ok(());
        }
        WithdrawalCommand::List(args) => {
            let status = args.status.as_deref().map(str::parse::<ReviewStatus>).transpose()?;
            let page = ops::list_withdrawals(store, scope, args.user.as_deref(), status, args.page.request()?)?;
            out.withdrawals(&page)?;
            return Ok(());
        }
        WithdrawalCommand::Show { id } => {
            let request = ops::show_withdrawal(store, scope, &request_id(id)?)?;
            out.withdrawal(&request, "ok")?;
            return Ok(());
        }
        WithdrawalCommand::Approve(args) => (
            Verdict::new(true, args.approved_by.clone(), args.remark.clone())?,
            &args.id,
        ),
        WithdrawalCommand::Reject(args) => (Verdict::new(false, None, args.remark.clone())?, &args.id),
    };
    let reviewed = ops::decide_withdrawal(store, scope, &request_id(id)?, &verdict, &ctx.actor)?;
    out.withdrawal(&reviewed.request, reviewed.message())?;
    Ok(())
}
