#!/usr/bin/env bash
# Month-end reconciliation: prove the ledger, keep its head as an anchor for next month, print
# the trial balance, and export the journal for other accounting tools, checked by them when
# they are installed (hledger from Debian, beancount from PyPI).
#
#   bash examples/month-end.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/month-end.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${LEDGERCTL:-}" ]; then
  cargo build --quiet --manifest-path "$here/../Cargo.toml"
  LEDGERCTL="$here/../target/debug/ledgerctl"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LEDGERCTL_DB="$work/ledger.db"
ledgerctl() { "$LEDGERCTL" "$@"; }

# A month of activity in two currencies.
ledgerctl init >/dev/null
ledgerctl wallet create usr_1 >/dev/null
ledgerctl wallet create usr_2 --currency JPY >/dev/null
ledgerctl wallet deposit usr_1 --amount 1000.00 --reference-id dep-1 >/dev/null
ledgerctl wallet deposit usr_2 --amount 50000 --reference-id dep-2 >/dev/null
ledgerctl wallet payment usr_1 --amount 120.00 --counterparty mch_1 --new-counterparty >/dev/null
ledgerctl wallet withdraw usr_2 --amount 20000 >/dev/null
ledgerctl wallet adjust usr_1 --credit 5.00 --reason "bank fee refunded" --yes >/dev/null

echo "$ ledgerctl ledger verify"
ledgerctl ledger verify
anchor="$(ledgerctl -o json ledger verify | grep -o '"anchor":"[0-9]*:[0-9a-f]*"' | cut -d'"' -f4)"
echo "anchor to keep in the month-end report: $anchor"

echo
echo "$ ledgerctl ledger trial-balance"
ledgerctl ledger trial-balance

mkdir -p "$work/export"
for format in csv json hledger beancount; do
  ledgerctl ledger export --format "$format" > "$work/export/journal.$format"
done
echo
echo "exported journal.csv, journal.json, journal.hledger and journal.beancount ($(cat "$work"/export/journal.* | wc -l) lines in all)"

if command -v hledger >/dev/null; then
  echo
  echo "$ hledger -f journal.hledger balance"
  hledger -f "$work/export/journal.hledger" balance
fi
if command -v bean-check >/dev/null; then
  bean-check "$work/export/journal.beancount" && echo "bean-check: journal.beancount is valid"
fi

echo
echo "next month, before anything else: ledgerctl ledger verify --anchor $anchor"
ledgerctl ledger verify --anchor "$anchor" >/dev/null && echo "the anchored head is still there: nothing was removed or changed"
