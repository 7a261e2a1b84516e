#!/usr/bin/env bash
# Load benchmark of several `ledgerctl serve` processes on one PostgreSQL database: durable
# withdraw requests per second at 64 connections, with 1, 2 and 4 servers sharing one database,
# against the baseline measured in the same run: 1 server on a SQLite file (group commit, WAL,
# synchronous=FULL). PostgreSQL runs on a throwaway cluster of its own (.ci/pg.sh) with fsync=on
# and ledgerctl's synchronous_commit=on: every answer waits for a durable commit on both sides.
# Needs wrk (Debian: apt-get install wrk) and PostgreSQL (installed by .ci/pg.sh if missing).
#
#   bash benches/load/pg.sh                   # 3 runs of 5 s per point
#   RUNS=5 DURATION=10s bash benches/load/pg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
DURATION=${DURATION:-5s}
RUNS=${RUNS:-3}
WALLETS=${WALLETS:-64}
CONNECTIONS=${CONNECTIONS:-64}
cargo build --release --quiet
bin=$PWD/target/release/ledgerctl
work=$(mktemp -d)
servers=()
stop_servers() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  servers=()
}
LEDGERCTL_PG_FSYNC=on
# shellcheck source=.ci/pg.sh
source .ci/pg.sh >/dev/null
trap 'stop_servers; rm -rf "$work"; pg_stop' EXIT
export WALLETS

# A new ledger at $1 (a path or a URL) with WALLETS funded wallets; prints a write token.
prepare() {
  local db=$1
  LEDGERCTL_DB=$db "$bin" init >/dev/null
  {
    echo "op,user_id,amount"
    for i in $(seq 1 "$WALLETS"); do echo "deposit,u$i,1000000.00"; done
  } >"$work/fund.csv"
  for i in $(seq 1 "$WALLETS"); do LEDGERCTL_DB=$db "$bin" wallet create "u$i" --currency CNY >/dev/null; done
  LEDGERCTL_DB=$db "$bin" batch "$work/fund.csv" --yes >/dev/null 2>&1
  LEDGERCTL_DB=$db "$bin" -o json token create --scope write |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["secret"])'
}

# Starts $2 servers on the ledger $1 (their pids in `servers`); sets `addresses` to their listen
# addresses, comma-separated.
start_servers() {
  local db=$1 count=$2 listen=()
  for n in $(seq 1 "$count"); do
    rm -f "$work/serve$n.out"
    LEDGERCTL_DB=$db "$bin" -o json serve --listen 127.0.0.1:0 --internal-listen 127.0.0.1:0 --quiet \
      >"$work/serve$n.out" 2>"$work/serve$n.err" &
    servers+=($!)
  done
  for n in $(seq 1 "$count"); do
    for _ in $(seq 100); do [[ -s $work/serve$n.out ]] && break; sleep 0.1; done
    listen+=("$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["data"]["listen"])' "$work/serve$n.out")")
  done
  addresses=$(IFS=,; echo "${listen[*]}")
}

# Requests per second of wrk against the servers at $1 (comma-separated), with token $2.
load() {
  local addresses=$1 token=$2 count threads out non200
  count=$(tr ',' '\n' <<<"$addresses" | wc -l)
  threads=$(( count < 2 ? 2 : count ))
  out=$(SERVERS=$addresses TOKEN=$token wrk -t "$threads" -c "$CONNECTIONS" -d "$DURATION" \
    -s benches/load/withdraw.lua "http://${addresses%%,*}")
  non200=$(awk -F= '/^non200=/ {print $2}' <<<"$out")
  if [[ $non200 != 0 ]]; then echo "error: $non200 responses were not 200 ($addresses)" >&2; echo "$out" >&2; exit 1; fi
  awk '/^Requests\/sec/ {print $2}' <<<"$out"
}

# One point: $3 servers on the ledger $1 with token $2; sets `rps`.
point() {
  start_servers "$1" "$3"
  rps=$(load "$addresses" "$2")
  stop_servers
}

# `ledger verify` must pass on the ledger $1 after the runs.
verified() {
  LEDGERCTL_DB=$1 "$bin" -o json ledger verify |
    python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["data"]["ok"] else 1)'
}

file=$work/ledger.db
pg_url="${LEDGERCTL_TEST_POSTGRES%/*}/bench"
psql_url=$LEDGERCTL_TEST_POSTGRES
"$pg_bin/psql" -q "$psql_url" -c "CREATE DATABASE bench" >/dev/null
file_token=$(prepare "$file")
pg_token=$(prepare "$pg_url")
echo "ledgerctl serve on PostgreSQL: durable POST /wallets/{user}/withdraw, $WALLETS wallets," \
  "$CONNECTIONS connections, $DURATION per point, $RUNS runs, $(nproc) cores, $("$pg_bin/postgres" --version)" >&2
declare -A rates
setups=("sqlite 1" "postgres 1" "postgres 2" "postgres 4")
for run in $(seq 1 "$RUNS"); do
  for setup in "${setups[@]}"; do
    read -r backend count <<<"$setup"
    if [[ $backend == sqlite ]]; then db=$file token=$file_token; else db=$pg_url token=$pg_token; fi
    point "$db" "$token" "$count"
    rates[$setup]+="$rps "
  done
  echo "run $run of $RUNS done" >&2
done
verified "$file" && verified "$pg_url" || { echo "ledger verify failed after the runs" >&2; exit 1; }

# Median and range of each setup's runs, and the ratio of each run to the SQLite run beside it.
python3 - "$RUNS" "${rates[sqlite 1]}" "${rates[postgres 1]}" "${rates[postgres 2]}" "${rates[postgres 4]}" <<'PY'
import statistics, sys
runs = int(sys.argv[1])
names = ["1 server, SQLite file (baseline)", "1 server, PostgreSQL", "2 servers, PostgreSQL", "4 servers, PostgreSQL"]
series = [[float(x) for x in arg.split()] for arg in sys.argv[2:]]
base = series[0]
print(f"{'setup':<34} {'req/s median':>12} {'req/s range':>15} {'ratio median':>13} {'ratio range':>13}")
for name, rates in zip(names, series):
    ratios = [r / b for r, b in zip(rates, base)]
    print(f"{name:<34} {statistics.median(rates):>12.0f} {min(rates):>7.0f}-{max(rates):<7.0f}"
          f" {statistics.median(ratios):>12.2f}x {min(ratios):>6.2f}-{max(ratios):.2f}x")
PY
echo "ledger verify after the runs: ok on both ledgers"
