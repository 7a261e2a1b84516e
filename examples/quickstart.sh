#!/usr/bin/env bash
# ledgerctl doing its real job on a fresh ledger in a temporary folder: open a wallet, take a
# deposit, pay a merchant, refund part of it, freeze and release funds, withdraw, then prove the
# ledger's invariants and print its trial balance.
#
#   bash examples/quickstart.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/quickstart.sh
set -euo pipefail

source "$(dirname "$0")/lib.sh"
build_ledgerctl
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LEDGERCTL_DB="$work/ledger.db"
echo "# every command below can be pasted into a shell that has ledgerctl on its PATH"
show export LEDGERCTL_DB="$LEDGERCTL_DB"

# Prints and runs a command for its JSON envelope; prints the first id with the given prefix.
# The command goes to the script's own stdout (fd 3), the id to whoever captures it.
exec 3>&1
id_of() {
  local prefix="$1"; shift
  printf '\n' >&3; show ledgerctl "$@" -o json >&3
  "$LEDGERCTL" "$@" -o json | grep -o "\"id\":\"${prefix}_[0-9A-Z]*\"" | head -n 1 | cut -d'"' -f4
}

say init
say wallet create usr_1 --currency CNY
say wallet deposit usr_1 --amount 1000.00 --description "Account deposit" --reference-id dep-001

payment="$(id_of txn wallet payment usr_1 --amount 200.00 --counterparty mch_1 --new-counterparty --description "Order 123")"
echo "payment: $payment"

say wallet refund usr_1 --transaction-id "$payment" --amount 50.00 --reason "Product return" --reference-id REF-001
echo "(running the same refund again is safe: it is replayed, not applied twice)"
say wallet refund usr_1 --transaction-id "$payment" --amount 50.00 --reason "Product return" --reference-id REF-001

freeze="$(id_of frz wallet freeze usr_1 --amount 100.00 --reason "Dispute freeze")"
echo "freeze: $freeze"
say wallet show usr_1
say wallet unfreeze usr_1 --freeze-id "$freeze"
say wallet withdraw usr_1 --amount 50.00 --description "Balance withdrawal"

echo
echo "(a withdrawal above the available balance is refused with exit 4 and changes nothing)"
set +e
say wallet withdraw usr_1 --amount 5000.00
echo "exit status: $?"
set -e

say wallet history usr_1
say ledger verify
say ledger trial-balance
