# Throwaway PostgreSQL cluster for tests. Source this file, then:
#
#   pg_test_start            # initdb + start in a fresh temp dir; exports
#                            # PG_TEST_DIR, PG_TEST_URL (libpq key=value string)
#                            # and sets a trap that stops and removes it on exit
#   psql "$PG_TEST_URL" -c 'select 1'
#   pg_test_stop             # optional: the EXIT trap does it too
#
# Works as root (the server runs as the `postgres` user through runuser; the
# temp dir is made traversable for it) and as a normal user. The cluster
# listens on a Unix socket only, with fsync off: data does not survive it.
# Binaries: $PG_BINDIR, else the newest /usr/lib/postgresql/*/bin.
# pg_test_start prints the reason and returns non-zero on failure (check it:
# `pg_test_start || exit 1`). It sets an EXIT trap; a caller that needs its
# own EXIT trap should call pg_test_stop from it.

pg_test__bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then echo "$PG_BINDIR"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [[ -z "$d" || ! -x "$d/pg_ctl" ]]; then
    echo "pg_cluster.sh: PostgreSQL server binaries not found; install postgresql-15" >&2
    return 1
  fi
  echo "$d"
}

# Runs a command as the cluster owner (postgres when we are root).
pg_test__as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && /usr/sbin/runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_test_start() {
  local bindir
  bindir=$(pg_test__bindir) || return 1
  # Short path: the socket path limit is 107 bytes.
  PG_TEST_DIR=$(mktemp -d /tmp/cxpg.XXXXXX) || return 1
  export PG_TEST_DIR
  trap pg_test_stop EXIT
  mkdir -p "$PG_TEST_DIR/data" "$PG_TEST_DIR/sock"
  chmod 700 "$PG_TEST_DIR/data"
  if [[ $(id -u) -eq 0 ]]; then
    chmod 711 "$PG_TEST_DIR"
    chown postgres:postgres "$PG_TEST_DIR/data" "$PG_TEST_DIR/sock"
  fi
  local user
  user=claimex_test
  if ! pg_test__as_owner "$bindir/initdb" --auth=trust --no-sync -U "$user" -E UTF8 \
       --locale=C -D "$PG_TEST_DIR/data" >"$PG_TEST_DIR/initdb.log" 2>&1; then
    echo "pg_cluster.sh: initdb failed:" >&2; cat "$PG_TEST_DIR/initdb.log" >&2; return 1
  fi
  if ! pg_test__as_owner "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/data/server.log" -w \
       -o "-c listen_addresses='' -c unix_socket_directories=$PG_TEST_DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
       start >"$PG_TEST_DIR/start.log" 2>&1; then
    echo "pg_cluster.sh: pg_ctl start failed:" >&2
    cat "$PG_TEST_DIR/start.log" "$PG_TEST_DIR/data/server.log" >&2 2>/dev/null; return 1
  fi
  PG_TEST_URL="host=$PG_TEST_DIR/sock dbname=postgres user=$user"
  export PG_TEST_URL PG_TEST_BINDIR=$bindir
}

# Creates a fresh database in the running test cluster and prints its URL.
pg_test_createdb() {
  local name=$1
  "$PG_TEST_BINDIR/psql" -qAt "$PG_TEST_URL" -c "CREATE DATABASE $name" >/dev/null || return 1
  echo "host=$PG_TEST_DIR/sock dbname=$name user=claimex_test"
}

pg_test_stop() {
  [[ -n "${PG_TEST_DIR:-}" && -d "$PG_TEST_DIR" ]] || return 0
  if [[ -f "$PG_TEST_DIR/data/postmaster.pid" ]]; then
    pg_test__as_owner "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=
}
