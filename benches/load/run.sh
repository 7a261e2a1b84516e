#!/usr/bin/env bash
# Load benchmark of `ledgerctl serve`: durable withdraw requests per second at 1, 16 and 64
# connections, with group commit (the default) against the baseline measured in the same run:
# the plain one-transaction-per-request path (`--commit-group-max 1`). Both fsync every commit
# (WAL, synchronous=FULL). Each run also times `ledgerctl batch` of the same withdrawals, the
# rate the server's write path is compared with. RUNS runs (default 3); every figure is printed
# as the range over the runs. Needs wrk (Debian: apt-get install wrk).
#
#   bash benches/load/run.sh            # 5 s per point, 3 runs
#   DURATION=10s RUNS=5 bash benches/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
DURATION=${DURATION:-5s}
WALLETS=${WALLETS:-64}
RUNS=${RUNS:-3}
BATCH_LINES=${BATCH_LINES:-20000}
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

# Times `ledgerctl batch` of BATCH_LINES withdrawals of 0.01 over the wallets: lines a second.
batch_rate() {
  {
    echo "op,user_id,amount"
    for i in $(seq 1 "$BATCH_LINES"); do echo "withdraw,u$(( (i - 1) % WALLETS + 1 )),0.01"; done
  } >"$work/withdraw.csv"
  local started ended
  started=$(date +%s.%N)
  "$bin" batch "$work/withdraw.csv" --yes >/dev/null 2>&1
  ended=$(date +%s.%N)
  python3 -c "print($BATCH_LINES / ($ended - $started))"
}

echo "ledgerctl serve load: durable POST /wallets/{user}/withdraw, $WALLETS wallets, $DURATION per point, $RUNS runs, $(nproc) cores" >&2
: >"$work/results"
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS" >&2
  measure 1 | sed "s/^/$run baseline /" >>"$work/results"
  measure 256 | sed "s/^/$run group /" >>"$work/results"
  echo "$run batch 0 $(batch_rate)" >>"$work/results"
done
# Ranges (min-max over the runs) of each figure and of each run's ratio.
python3 - "$work/results" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
runs = sorted({r[0] for r in rows})
def value(run, kind, c):
    return next(float(r[3]) for r in rows if r[0] == run and r[1] == kind and r[2] == c)
def span(values, digits=0):
    lo, hi = min(values), max(values)
    one = lambda v: f"{v:,.{digits}f}"
    return one(lo) if one(lo) == one(hi) else f"{one(lo)}-{one(hi)}"
print(f"{'connections':<12} {'baseline req/s':>22} {'group commit req/s':>22} {'ratio':>14}")
for c in ["1", "16", "64"]:
    base = [value(r, "baseline", c) for r in runs]
    group = [value(r, "group", c) for r in runs]
    ratio = [value(r, "group", c) / value(r, "baseline", c) for r in runs]
    print(f"{c:<12} {span(base):>22} {span(group):>22} {span(ratio, 2) + 'x':>14}")
batch = [value(r, "batch", "0") for r in runs]
write_path = [value(r, "group", "64") / value(r, "batch", "0") for r in runs]
print(f"ledgerctl batch of the same withdrawals: {span(batch)} lines/s; "
      f"group commit at 64 connections: {span(write_path, 2)}x of it")
PY
verify=$("$bin" -o json ledger verify | python3 -c 'import json,sys; d=json.load(sys.stdin); print("ok" if d["data"]["ok"] else "BROKEN")')
entries=$("$bin" -o json ledger journal --page-size 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "ledger verify after the run: $verify ($entries journal entries)"
[[ $verify == ok ]]
