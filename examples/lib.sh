# Sourced by the examples: builds ledgerctl unless $LEDGERCTL names one, and prints each command
# the way it can be pasted back into a shell (arguments quoted, full URLs and headers, secrets
# left in variables that the example says how to fill).

# Builds ledgerctl with cargo, showing cargo's progress, unless LEDGERCTL is set; sets it.
build_ledgerctl() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ -z "${LEDGERCTL:-}" ]; then
    echo "building ledgerctl: cargo build (about a minute the first time; progress below)" >&2
    cargo build --manifest-path "$root/Cargo.toml"
    LEDGERCTL="$root/target/debug/ledgerctl"
  fi
}

# One word as a shell reads it back: bare when it is safe, in double quotes when it names one
# of the secret variables ("Authorization: Bearer $TOKEN"), else in single quotes.
shell_word() {
  if [[ "$1" =~ ^[A-Za-z0-9_./:@%+=,-]+$ ]]; then
    printf '%s' "$1"
  elif [[ "$1" =~ \$(TOKEN|KEY) && ! "$1" =~ [\"\\\`] ]]; then
    printf '"%s"' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

# Prints `$ WORD…`, quoted so that it can be pasted back.
show() {
  local word line='$'
  for word in "$@"; do line+=" $(shell_word "$word")"; done
  printf '%s\n' "$line"
}

# Prints a ledgerctl command, then runs it.
say() {
  printf '\n'
  show ledgerctl "$@"
  "$LEDGERCTL" "$@"
}

# The first field named $1 in the JSON on stdin (enough for these envelopes; use jq in real scripts).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

# Starts `ledgerctl serve` in the background on ports the system picks, its output in the
# directory $1; sets `server` (its pid), `api` and `internal` (its two listeners' URLs).
start_server() {
  echo "# port 0: the system picks free ports; serve prints where it listens"
  printf '$ ledgerctl -o json serve --listen 127.0.0.1:0 --internal-listen 127.0.0.1:0 &\n'
  "$LEDGERCTL" -o json serve --listen 127.0.0.1:0 --internal-listen 127.0.0.1:0 >"$1/serve.out" 2>"$1/serve.log" &
  server=$!
  for _ in $(seq 100); do [ -s "$1/serve.out" ] && break; sleep 0.05; done
  api="http://$(field listen <"$1/serve.out")"
  internal="http://$(field internal_listen <"$1/serve.out")"
}

# call METHOD URL [BODY] [extra curl args…]: prints the command (the bearer token as $TOKEN),
# then runs it with the token in `token` and prints the body and the status.
call() {
  local method="$1" url="$2" body="${3:-}"; shift 3 || shift $#
  printf '\n'
  show curl -sS -X "$method" "$url" -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/json' \
    ${body:+-d "$body"} "$@"
  curl -sS -X "$method" "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} -w '\nHTTP %{http_code}\n' "$@"
}
