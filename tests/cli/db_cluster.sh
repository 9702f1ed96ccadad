#!/usr/bin/env bash
# claimex's own cluster (CLAIMEX_DATA_DIR in a temp dir): db status/url/
# start/stop, Unix socket only, mode 0700, started on demand by ingest and
# migrate, a long data dir path, and the message when binaries are missing.
# Usage: bash db_cluster.sh PATH_TO_claimex
set -uo pipefail
CLAIMEX=$1
unset DATABASE_URL PGHOST PGHOSTADDR PGDATABASE PGSERVICE PGPORT PGUSER CLAIMEX_HOME
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
T=$(mktemp -d /tmp/cxc.XXXXXX) || exit 1
chmod 711 "$T"  # as root the server runs as postgres, which must reach the data dir
export CLAIMEX_DATA_DIR=$T/pg
cleanup() {
  "$CLAIMEX" db stop >/dev/null 2>&1
  CLAIMEX_DATA_DIR=$LONG "$CLAIMEX" db stop >/dev/null 2>&1
  rm -rf "$T"
}
LONG=$T/$(printf 'a%.0s' $(seq 1 100))/pg
trap cleanup EXIT
PSQL=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)/psql

out=$("$CLAIMEX" db status 2>&1) || fail "status before creation: $out"
grep -q "not created" <<<"$out" || fail "status should say not created: $out"
url=$("$CLAIMEX" db url) || fail "db url failed"
[[ "$url" == "host=$T/pg port=5432 dbname=claimex user=claimex" ]] || fail "db url: $url"

out=$("$CLAIMEX" db start 2>&1) || fail "db start: $out"
grep -q "^started" <<<"$out" || fail "db start output: $out"
out=$("$CLAIMEX" db start 2>&1) || fail "second db start: $out"
grep -q "already running" <<<"$out" || fail "second db start output: $out"
[[ $(stat -c %a "$T/pg") == 700 ]] || fail "data dir mode $(stat -c %a "$T/pg"), want 700"
if [[ $(id -u) -eq 0 ]]; then
  [[ $(stat -c %U "$T/pg") == postgres ]] || fail "as root the data dir must belong to postgres"
fi
[[ -S "$T/pg/.s.PGSQL.5432" ]] || fail "no Unix socket in the data dir"
[[ $("$PSQL" -qAtX "$url" -c "SHOW listen_addresses") == "" ]] || fail "TCP listener configured"
"$PSQL" -qAtX "$url" -c "SELECT 1" >/dev/null || fail "psql \"\$(claimex db url)\" cannot connect"
out=$("$CLAIMEX" db status 2>&1)
grep -q "cluster: running" <<<"$out" || fail "status should say running: $out"
grep -q "0001_init.sql  pending" <<<"$out" || fail "status should list pending migrations: $out"

out=$("$CLAIMEX" db stop 2>&1) || fail "db stop: $out"
grep -q "^stopped" <<<"$out" || fail "db stop output: $out"
out=$("$CLAIMEX" db stop 2>&1)
grep -q "not running" <<<"$out" || fail "second stop: $out"
out=$("$CLAIMEX" db status 2>&1)
grep -q "cluster: stopped" <<<"$out" || fail "status should say stopped: $out"

# ingest starts the cluster on demand and migrates.
doc=$T/doc.txt
printf 'By AFP - Jan 29,2020\n\nThe fighting has displaced more than 388,000 civilians since December, the United Nations says.\n' >"$doc"
"$CLAIMEX" ingest "$doc" 2>"$T/ingest.err" || fail "ingest on a stopped cluster: $(cat "$T/ingest.err")"
grep -q "1 new" "$T/ingest.err" || fail "ingest summary: $(cat "$T/ingest.err")"
[[ $("$PSQL" -qAtX "$url" -c "SELECT count(*) FROM articles") -eq 1 ]] || fail "article not stored"
"$CLAIMEX" db stop >/dev/null
out=$("$CLAIMEX" db migrate 2>&1) || fail "migrate on a stopped cluster: $out"
grep -q "up to date" <<<"$out" || fail "migrate output: $out"
"$CLAIMEX" db stop >/dev/null

# A data dir too long for a socket path: the socket goes to a short /tmp dir.
mkdir -p "$(dirname "$LONG")"; chmod 711 "$(dirname "$LONG")"
lurl=$(CLAIMEX_DATA_DIR=$LONG "$CLAIMEX" db url)
grep -q "host=/tmp/claimex-" <<<"$lurl" || fail "long path: socket not moved: $lurl"
out=$(CLAIMEX_DATA_DIR=$LONG "$CLAIMEX" db start 2>&1) || fail "long path start: $out"
"$PSQL" -qAtX "$lurl" -c "SELECT 1" >/dev/null || fail "long path: cannot connect"
sockdir=$(sed -n 's/^host=\([^ ]*\) .*/\1/p' <<<"$lurl")
[[ $(stat -c %a "$sockdir") == 700 ]] || fail "socket dir mode $(stat -c %a "$sockdir"), want 700"
CLAIMEX_DATA_DIR=$LONG "$CLAIMEX" db stop >/dev/null || fail "long path stop"
rm -rf "$sockdir"

# Missing server binaries: a clear message.
out=$(CLAIMEX_PG_BINDIR=$T/nope CLAIMEX_DATA_DIR=$T/other "$CLAIMEX" db start 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "missing binaries: exit $rc, want 2"
grep -q "install postgresql-15" <<<"$out" || fail "missing binaries message: $out"

if [[ $fails -gt 0 ]]; then
  echo "db_cluster: $fails failure(s)" >&2
  exit 1
fi
echo "db_cluster: all checks passed"
