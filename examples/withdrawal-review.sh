#!/usr/bin/env bash
# Withdrawal review (maker-checker): with the policy requiring review, a withdrawal is asked for
# by one person (its amount held at once) and approved by another; the same person cannot
# decide their own request, a request is decided once, and the direct withdrawal is refused
# above the auto-approval limit. Every step is recorded and `ledger verify` proves it.
#
#   bash examples/withdrawal-review.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/withdrawal-review.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
build_ledgerctl
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LEDGERCTL_DB="$work/ledger.db"
echo "# every command below can be pasted into a shell that has ledgerctl on its PATH"
show export LEDGERCTL_DB="$LEDGERCTL_DB"
ledgerctl() { "$LEDGERCTL" "$@"; }

ledgerctl init >/dev/null
ledgerctl wallet create usr_1 >/dev/null
ledgerctl wallet deposit usr_1 --amount 1000.00 >/dev/null

# Withdrawals over 50.00 wait for a second person; up to 50.00 they go through at once.
say policy set --withdrawal-require-review true --auto-approve-limit 50.00

# The maker (here --actor; by default the OS user) asks: the amount is held at once.
say --actor maker withdrawal request usr_1 --amount 300.00 --remark "April payout" --reference-id payout-apr
say wallet show usr_1
id="$(ledgerctl -o json withdrawal list --status pending | field id)"

# The direct withdrawal goes around nothing: refused over the limit (exit 4), allowed under it.
say wallet withdraw usr_1 --amount 60.00 2>&1 || echo "exit status: $?"
say wallet withdraw usr_1 --amount 40.00 >/dev/null

# The reviewers' queue; the maker cannot approve their own request (exit 2).
say withdrawal list --status pending
say --actor maker withdrawal approve "$id" 2>&1 || echo "exit status: $?"

# The checker approves: one capture entry moves the held amount to the settlement account.
say --actor checker withdrawal approve "$id" --approved-by "Finance Lead" --remark "matches the payout sheet"
# Decided once: a second decision is refused (exit 4), nothing written.
say --actor auditor withdrawal reject "$id" 2>&1 || echo "exit status: $?"

# A second request, rejected: its hold goes back to the available balance.
ledgerctl --actor maker withdrawal request usr_1 --amount 100.00 --remark "duplicate" >/dev/null
second="$(ledgerctl -o json withdrawal list --status pending | field id)"
say --actor checker withdrawal reject "$second" --remark "duplicate of payout-apr"

say withdrawal list
say wallet show usr_1
say ledger verify
