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
