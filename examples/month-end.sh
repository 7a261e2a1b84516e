#!/usr/bin/env bash
# Month-end reconciliation: prove the ledger, seal every wallet's head and keep the seal as an
# anchor for next month (proved against it at once), snapshot every wallet's balances at the
# month's end, print the trial balance and the daily reconciliation, match the provider's
# statements, and export the journal for other accounting tools, checked by them when they are
# installed (hledger from Debian, beancount from PyPI).
#
#   bash examples/month-end.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/month-end.sh
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

# A month of activity in two currencies (today, UTC, in this example).
today="$(date -u +%F)"
ledgerctl init >/dev/null
ledgerctl wallet create usr_1 >/dev/null
ledgerctl wallet create usr_2 --currency JPY >/dev/null
ledgerctl wallet deposit usr_1 --amount 1000.00 --reference-id dep-1 >/dev/null
ledgerctl wallet deposit usr_2 --amount 50000 --reference-id dep-2 >/dev/null
ledgerctl wallet payment usr_1 --amount 120.00 --counterparty mch_1 --new-counterparty >/dev/null
ledgerctl wallet withdraw usr_2 --amount 20000 >/dev/null
ledgerctl wallet adjust usr_1 --credit 5.00 --reason "bank fee refunded" --yes >/dev/null

say ledger verify
say ledger seal
anchor="$(ledgerctl -o json ledger seal | grep -o '"anchor":"seal:[0-9]*:[0-9a-f]*"' | cut -d'"' -f4)"
echo "anchor to keep in the month-end report: $anchor"

# Every wallet's balances at the end of the month's last day, stored once and proved by every
# later `ledger verify`. Run it the morning after that day: a day still running is refused
# (exit 2), its balances could still change. This example's month is today, so today is refused
# and yesterday's snapshot holds none of its wallets (they were opened today); run again, a
# snapshot answers what it stored the first time.
yesterday="$(date -u -d yesterday +%F)"
say ledger snapshot --date "$today" || echo "exit status: $?"
say ledger snapshot --date "$yesterday"
say ledger snapshot --date "$yesterday"
say ledger snapshots --date "$yesterday"

say ledger trial-balance

# Each wallet's day, from the journal alone: opening balance, the day's movements by kind and
# the closing balance, with closing = opening + movements checked (exit 7 if a day does not
# reconcile). Days run in the policy's timezone (UTC here: no policy is set); run it for
# every day of the month at month-end.
say ledger reconcile --date "$today"

# The provider's statement (date, signed amount, reference) against the settlement entries:
# usr_1's deposit dep-1 is on it; the payment and the adjustment never reach the provider.
statement="$work/statement-cny.csv"
printf 'booked,amount,ref\n%s,1000.00,dep-1\n' "$today" > "$statement"
# (--to: through now, should this example have run across midnight UTC.)
say ledger reconcile --statement "$statement" --date-column booked --reference-column ref --to "$(date -u +%F)"

# A statement with a bank fee the ledger does not hold, and the JPY withdrawal (which was made
# without a reference): both are named, with exit status 4.
statement="$work/statement-jpy.csv"
printf 'date,amount,reference\n%s,50000,dep-2\n%s,-300,bank-fee\n' "$today" "$today" > "$statement"
say ledger reconcile --statement "$statement" --currency JPY --to "$(date -u +%F)" || echo "exit status: $?"

mkdir -p "$work/export"
for format in csv json hledger beancount; do
  printf '$ ledgerctl ledger export --format %s > %s\n' "$format" "$(shell_word "$work/export/journal.$format")"
  ledgerctl ledger export --format "$format" > "$work/export/journal.$format"
done
echo
echo "exported journal.csv, journal.json, journal.hledger and journal.beancount ($(cat "$work"/export/journal.* | wc -l) lines in all)"

if command -v hledger >/dev/null; then
  echo
  show hledger -f "$work/export/journal.hledger" balance
  hledger -f "$work/export/journal.hledger" balance
fi
if command -v bean-check >/dev/null; then
  show bean-check "$work/export/journal.beancount"
  bean-check "$work/export/journal.beancount" && echo "bean-check: journal.beancount is valid"
fi

echo
echo "# next month, before anything else:"
show ledgerctl ledger verify --anchor "$anchor"
ledgerctl ledger verify --anchor "$anchor" >/dev/null && echo "the sealed heads are still there: nothing was removed or changed in any wallet"
