#!/usr/bin/env bash
# `ledgerctl serve` driven with curl, as a service would: make a token, start the server,
# withdraw, freeze and unfreeze, refund through the internal listener, replay a request with an
# Idempotency-Key, page through the history, then stop the server and verify the ledger.
#
#   bash examples/serve-curl.sh            # builds ledgerctl first (cargo build)
#   LEDGERCTL=/path/to/ledgerctl bash examples/serve-curl.sh
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

"$LEDGERCTL" init >/dev/null
"$LEDGERCTL" wallet create usr_1 >/dev/null
"$LEDGERCTL" wallet deposit usr_1 --amount 1000.00 >/dev/null

echo "# tokens are made with the CLI; the secret is printed once and only its hash is stored."
echo "# Secrets are not repeated below: put them in TOKEN and KEY as these two commands print them."
secret_of='grep -o "\"secret\":\"[^\"]*\"" | cut -d\" -f4'
printf '$ export TOKEN="$(ledgerctl -o json token create --scope write --expires 1d | %s)"\n' "$secret_of"
token="$("$LEDGERCTL" -o json token create --scope write --expires 1d | field secret)"
printf '$ export KEY="$(ledgerctl -o json token create --internal | %s)"\n' "$secret_of"
key="$("$LEDGERCTL" -o json token create --internal | field secret)"
say token list

start_server "$work"

call GET "$api/wallets/usr_1"
call POST "$api/wallets/usr_1/withdraw" '{"amount":"50.00","description":"Balance withdrawal","reference_id":"withdraw_123"}' | tee "$work/withdraw.json"
withdrawal="$(field id <"$work/withdraw.json")"
call POST "$api/wallets/usr_1/freeze" '{"amount":"100.00","reason":"Dispute freeze"}' | tee "$work/freeze.json"
freeze="$(field id <"$work/freeze.json")"
call POST "$api/wallets/usr_1/unfreeze" "{\"freeze_id\":\"$freeze\"}"

echo
echo "# the internal refund: its own listener, an X-API-Key, the wallet found from the transaction"
refund="{\"transaction_id\":\"$withdrawal\",\"amount\":\"20.00\",\"reason\":\"Product return\",\"reference_id\":\"REF-001\"}"
show curl -sS -X POST "$internal/internal/wallet/refund" -H 'X-API-Key: $KEY' -H 'Content-Type: application/json' -d "$refund"
curl -sS -X POST "$internal/internal/wallet/refund" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d "$refund" -w '\nHTTP %{http_code}\n'

echo
echo "# an Idempotency-Key makes a retry safe: the second call returns the first response byte for byte"
call POST "$api/wallets/usr_1/withdraw" '{"amount":"10.00"}' -H 'Idempotency-Key: payout-2026-11-23-001' >"$work/first.txt"
call POST "$api/wallets/usr_1/withdraw" '{"amount":"10.00"}' -H 'Idempotency-Key: payout-2026-11-23-001' >"$work/second.txt"
cat "$work/first.txt"
if cmp -s "$work/first.txt" "$work/second.txt"; then echo "(the retry returned identical bytes and wrote nothing)"; fi

echo
echo "# failures are envelopes with a status and a stable error string"
call POST "$api/wallets/usr_1/withdraw" '{"amount":"1000000.00"}'
call POST "$api/wallets/usr_1/withdraw" '{"amount":"0.001"}'
show curl -sS "$api/wallets/usr_1"
curl -sS "$api/wallets/usr_1" -w '\nHTTP %{http_code}\n'

echo
echo "# the history, newest first, two per page: follow next_cursor"
call GET "$api/wallets/usr_1/transactions?page_size=2" >"$work/page1.txt"
cat "$work/page1.txt"
cursor="$(field next_cursor <"$work/page1.txt")"
call GET "$api/wallets/usr_1/transactions?page_size=2&cursor=$cursor"

echo
echo "# SIGTERM: the server finishes what is in flight, commits, and exits"
show kill -TERM "$server"
kill -TERM "$server"
wait "$server"
server=""
say wallet show usr_1
say ledger verify
