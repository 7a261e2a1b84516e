# Sourced, not run: starts a throwaway PostgreSQL for the tests of this shell and stops it (and
# removes its files) when the shell exits, whether the tests passed or not. Exports
# LEDGERCTL_TEST_POSTGRES, the URL the PostgreSQL tests create their databases through.
# Installs Debian's postgresql-15 where no PostgreSQL server is installed.

pg_sudo=""
[ "$(id -u)" = 0 ] || pg_sudo="sudo"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ]; then
  echo "== installing postgresql-15 from Debian"
  # Debian's package would otherwise create and start a cluster of its own, which nothing here uses.
  $pg_sudo mkdir -p /etc/postgresql-common
  echo 'create_main_cluster = false' | $pg_sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  $pg_sudo apt-get update -qq
  $pg_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  pg_bin=/usr/lib/postgresql/15/bin
fi

pg_dir=$(mktemp -d /tmp/ledgerctl-pg.XXXXXX)
pg_as=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root.
  chown postgres: "$pg_dir"
  pg_as=(runuser -u postgres --)
fi

pg_stop() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap pg_stop EXIT

"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >/dev/null
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# fsync=off: this cluster is thrown away after the tests; ledgerctl still asks for
# synchronous_commit=on. The load benchmark sets LEDGERCTL_PG_FSYNC=on: its commits are durable.
if ! "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c fsync=${LEDGERCTL_PG_FSYNC:-off}" start >/dev/null; then
  cat "$pg_dir/log" >&2
  exit 1
fi
export LEDGERCTL_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "== $("$pg_bin/postgres" --version) at $LEDGERCTL_TEST_POSTGRES"
