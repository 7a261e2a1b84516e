#!/usr/bin/env bash
# Load benchmark of `ledgerctl serve`: durable withdraw requests per second at 1, 16 and 64
# connections, with group commit (the default) against the baseline measured in the same run:
# the plain one-transaction-per-request path (`--commit-group-max 1`). Both fsync every commit
# (WAL, synchronous=FULL). Needs wrk (Debian: apt-get install wrk).
#
#   bash benches/load/run.sh            # 5 s per point
#   DURATION=10s bash benches/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
DURATION=${DURATION:-5s}
WALLETS=${WALLETS:-64}
cargo build --release --quiet
bin=$PWD/target/release/ledgerctl
work=$(mktemp -d)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export LEDGERCTL_DB=$work/ledger.db
"$bin" init >/dev/null
{
  echo "op,user_id,amount"
  for i in $(seq 1 "$WALLETS"); do echo "deposit,u$i,1000000.00"; done
} >"$work/fund.csv"
for i in $(seq 1 "$WALLETS"); do "$bin" wallet create "u$i" >/dev/null; done
"$bin" batch "$work/fund.csv" --yes >/dev/null 2>&1
TOKEN=$("$bin" -o json token create --scope write | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["secret"])')
export TOKEN WALLETS

# Starts a server with the given --commit-group-max, runs wrk at each connection count, prints
# "connections requests_per_second" lines.
measure() {
  local group=$1
  "$bin" -o json serve --listen 127.0.0.1:0 --internal-listen 127.0.0.1:0 --quiet --commit-group-max "$group" \
    >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  for _ in $(seq 50); do [[ -s $work/serve.out ]] && break; sleep 0.1; done
  local addr
  addr=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["data"]["listen"])' "$work/serve.out")
  for c in 1 16 64; do
    local out
    out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "$DURATION" -s benches/load/withdraw.lua "http://$addr")
    local rps non200
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    non200=$(awk -F= '/^non200=/ {print $2}' <<<"$out")
    if [[ $non200 != 0 ]]; then echo "error: $non200 responses were not 200 (group $group, $c connections)" >&2; echo "$out" >&2; exit 1; fi
    echo "$c $rps"
  done
  kill -TERM "$server"; wait "$server" || true; server=
}

echo "ledgerctl serve load: durable POST /wallets/{user}/withdraw, $WALLETS wallets, $DURATION per point, $(nproc) cores" >&2
baseline=$(measure 1)
grouped=$(measure 256)
printf '%-12s %22s %22s %8s\n' connections "baseline req/s" "group commit req/s" ratio
paste -d' ' <(echo "$baseline") <(echo "$grouped" | cut -d' ' -f2) | while read -r c base group; do
  printf '%-12s %22.0f %22.0f %7.2fx\n' "$c" "$base" "$group" "$(python3 -c "print($group / $base)")"
done
verify=$("$bin" -o json ledger verify | python3 -c 'import json,sys; d=json.load(sys.stdin); print("ok" if d["data"]["ok"] else "BROKEN")')
entries=$("$bin" -o json ledger journal --page-size 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "ledger verify after the run: $verify ($entries journal entries)"
[[ $verify == ok ]]
