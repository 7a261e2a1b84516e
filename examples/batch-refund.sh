#!/usr/bin/env bash
# A batch refund run, as a finance script does it: refunds.csv beside this script lists the
# refunds (PAYMENT_ORDER_… stand for the payments' transaction ids, filled in here after the
# payments are made). Every line has a reference_id, so running the file again is safe: the
# second run replays, it refunds nothing twice.
#
#   bash examples/batch-refund.sh          # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/batch-refund.sh
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
txn_id() { grep -o '"id":"txn_[0-9A-Z]*"' | head -n 1 | cut -d'"' -f4; }

ledgerctl init >/dev/null
for user in usr_1 usr_2; do
  ledgerctl wallet create "$user" >/dev/null
  ledgerctl wallet deposit "$user" --amount 500.00 --reference-id "top-up-$user" >/dev/null
done
order_1001="$(ledgerctl -o json wallet payment usr_1 --amount 80.00 --counterparty mch_1 --new-counterparty --reference-id order-1001 | txn_id)"
order_1002="$(ledgerctl -o json wallet payment usr_1 --amount 45.50 --counterparty mch_1 --reference-id order-1002 | txn_id)"
order_1003="$(ledgerctl -o json wallet payment usr_2 --amount 120.00 --counterparty mch_2 --new-counterparty --reference-id order-1003 | txn_id)"
sed -e "s/PAYMENT_ORDER_1001/$order_1001/" -e "s/PAYMENT_ORDER_1002/$order_1002/" \
    -e "s/PAYMENT_ORDER_1003/$order_1003/" "$here/refunds.csv" > "$work/refunds.csv"

show cat "$work/refunds.csv"
cat "$work/refunds.csv"

echo
echo "# check every line first; nothing is committed (results cut at 100 columns here)"
show ledgerctl batch "$work/refunds.csv" --dry-run
ledgerctl batch "$work/refunds.csv" --dry-run 2>&1 | cut -c1-100

echo
show ledgerctl batch "$work/refunds.csv"
ledgerctl batch "$work/refunds.csv" 2>&1 | cut -c1-100

echo
echo "# the same file again: every line is a replay"
show ledgerctl batch "$work/refunds.csv"
ledgerctl batch "$work/refunds.csv" 2>&1 | cut -c1-100

echo
say wallet history usr_1
say -o json ledger verify | cut -c1-60
