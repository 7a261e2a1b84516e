#!/usr/bin/env bash
# Two users and a transfer between them, over HTTP with curl, as a service would: open both
# wallets (POST /wallets), fund the first, transfer, read both balances, see a transfer that
# cannot be made refused, retry one safely, then stop the server and verify the ledger.
#
#   bash examples/transfer-curl.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/transfer-curl.sh
set -euo pipefail

source "$(dirname "$0")/lib.sh"
build_ledgerctl
command -v curl >/dev/null || { echo "this example needs curl" >&2; exit 2; }
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export LEDGERCTL_DB="$work/ledger.db" LEDGERCTL_TENANT=acme LEDGERCTL_APP=shop
echo "# every command below can be pasted into a shell that has ledgerctl on its PATH"
show export LEDGERCTL_DB="$LEDGERCTL_DB" LEDGERCTL_TENANT=acme LEDGERCTL_APP=shop
say init

echo
echo "# a write token for acme/shop; the secret is printed once: put it in TOKEN as this command does"
secret_of='grep -o "\"secret\":\"[^\"]*\"" | cut -d\" -f4'
printf '$ export TOKEN="$(ledgerctl -o json token create --scope write --expires 1d | %s)"\n' "$secret_of"
token="$("$LEDGERCTL" -o json token create --scope write --expires 1d | field secret)"
start_server "$work"

echo
echo "# open two wallets (201 each), and fund the first"
call POST "$api/wallets" '{"user_id":"alice","currency":"USD"}'
call POST "$api/wallets" '{"user_id":"bob","currency":"USD"}'
call POST "$api/wallets/alice/deposit" '{"amount":"100.00","description":"top-up","reference_id":"topup-1"}'

echo
echo "# the transfer: one leg in each wallet (transfer_out, transfer_in), written in one transaction"
call POST "$api/wallets/transfer" \
  '{"from_user_id":"alice","to_user_id":"bob","amount":"25.50","description":"dinner","reference_id":"split-42"}'
call GET "$api/wallets/alice/balance"
call GET "$api/wallets/bob/balance"

echo
echo "# the same reference_id again replays the transfer (\"message\":\"replayed\"): nothing moves twice"
call POST "$api/wallets/transfer" \
  '{"from_user_id":"alice","to_user_id":"bob","amount":"25.50","description":"dinner","reference_id":"split-42"}'

echo
echo "# refusals are envelopes with a status and a stable error string; nothing is written"
call POST "$api/wallets/transfer" '{"from_user_id":"alice","to_user_id":"bob","amount":"1000.00"}'
call POST "$api/wallets/transfer" '{"from_user_id":"alice","to_user_id":"carol","amount":"1.00"}'
call POST "$api/wallets/transfer" '{"from_user_id":"alice","to_user_id":"bob","amount":"0.001"}'

echo
echo "# SIGTERM: the server finishes what is in flight, commits, and exits"
show kill -TERM "$server"
kill -TERM "$server"
wait "$server"
server=""
say wallet history bob
say ledger verify
