#!/usr/bin/env bash
# The database server going away during `claimex ingest` (issue 9), on a
# throwaway cluster (tests/lib/pg_cluster.sh):
#   a. `pg_ctl stop -m immediate` midway and the server left down (ingest
#      --reconnect 2): claimex exits 2 within seconds with one clear line
#      naming the lost connection (no C++ exception dump, no hang); after
#      the restart no article is stored without all its claims; a rerun
#      stores every article exactly once;
#   b. `pg_ctl restart -m fast` midway: claimex reconnects, resends the
#      unwritten batch and finishes with exit 0: every article exactly once
#      with all its claims;
#   d. `pg_ctl stop -m immediate`, then start again a second later: the
#      same as (b), across crash recovery;
#   c. the server down before the ingest starts: exit 2, "cannot connect".
# "All its claims" = the claim count per article of a clean ingest of the
# same input. Takes about 10-20 s.
# Usage: bash db_faults.sh PATH_TO_claimex  (env CLAIMEX_SOURCE_DIR)
set -uo pipefail
CLAIMEX=$1
SRC=${CLAIMEX_SOURCE_DIR:?}
source "$SRC/tests/lib/db_test.sh"
N=${CLAIMEX_FAULT_DOCS:-600}
ctl() { pg_test__as_owner "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -w "$@" >>"$W/pg_ctl.log" 2>&1; }
# pg_ctl start does not remember options (restart does). Commits here are
# synchronous, unlike pg_test_start's: with synchronous_commit=off an
# immediate stop loses transactions the server already acknowledged, which
# no client can prevent (a rerun restores them).
server_start() {
  ctl -l "$PG_TEST_DIR/data/server.log" -o "-c listen_addresses='' -c unix_socket_directories=$PG_TEST_DIR/sock -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=50" start
}
ctl -m fast stop && server_start || { echo "FAIL: cannot restart the test server" >&2; exit 1; }

fixture_articles 0 "$N" AFP >"$W/in.jsonl"

per_article="SELECT a.doc_id || ' ' || count(c.claim_no) FROM articles a
             LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY 1"
REF=$(pg_test_createdb reference) || exit 1
"$CLAIMEX" ingest --db "$REF" "$W/in.jsonl" 2>"$W/ref.err" || { cat "$W/ref.err" >&2; exit 1; }
q "$REF" "$per_article" >"$W/ref.counts"
[[ $(wc -l <"$W/ref.counts") -eq $N ]] || { echo "FAIL: reference ingest stored $(wc -l <"$W/ref.counts") of $N" >&2; exit 1; }

# Runs an ingest into $1 (extra options $4...) in the background and
# applies fault $2 once a fifth of the articles are stored; sets rc
# (claimex's exit status) and leaves its stderr in $W/$3.err.
ingest_with_fault() {
  local url=$1 fault=$2 name=$3 pid n=0
  shift 3
  "$CLAIMEX" ingest --db "$url" --batch 10 "$@" "$W/in.jsonl" 2>"$W/$name.err" &
  pid=$!
  for _ in $(seq 1 1200); do
    n=$(q "$url" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
    [[ ${n:-0} -ge $((N / 5)) ]] && break
    sleep 0.025
  done
  kill -0 $pid 2>/dev/null || fail "$name: ingest ended before the fault ($n articles): the input is too small"
  echo "$name: $fault after $n of $N articles" >&2
  case $fault in
    stop) ctl -m immediate stop || fail "$name: pg_ctl stop failed" ;;
    restart) ctl -m fast restart || fail "$name: pg_ctl restart failed" ;;
    bounce) ctl -m immediate stop || fail "$name: pg_ctl stop failed"
            sleep 1
            server_start || fail "$name: server did not start again" ;;
  esac
  # A clean failure or a finish takes a second; 60 s means a hang.
  local t0=$SECONDS
  for _ in $(seq 1 600); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  echo "$name: claimex ended $((SECONDS - t0)) s after the fault" >&2
  if kill -0 $pid 2>/dev/null; then
    fail "$name: claimex still running 60 s after the fault (hang)"
    kill -9 $pid
  fi
  wait $pid
  rc=$?
}

# A failed ingest must say why in one clean line, and not as a crash.
check_clean_failure() {
  local name=$1
  [[ $rc -eq 2 ]] || fail "$name: exit $rc, want 2 (database unusable): $(cat "$W/$name.err")"
  grep -q "^claimex: error: .*connection" "$W/$name.err" \
    || fail "$name: no clear 'claimex: error: ... connection' line: $(cat "$W/$name.err")"
  if grep -Eq "terminate called|what\(\)|Aborted|Segmentation|AddressSanitizer|runtime error" "$W/$name.err"; then
    fail "$name: crash output: $(cat "$W/$name.err")"
  fi
}

# No half article: every stored article has exactly its reference claim count.
check_no_half() {
  local url=$1 name=$2 half
  q "$url" "$per_article" >"$W/$name.counts"
  half=$(comm -23 "$W/$name.counts" "$W/ref.counts" | wc -l)
  [[ $half -eq 0 ]] || fail "$name: $half articles stored without exactly their claims: $(comm -23 "$W/$name.counts" "$W/ref.counts" | head -3)"
}

# Every article exactly once with all its claims, and nothing else.
check_complete() {
  local url=$1 name=$2
  q "$url" "$per_article" >"$W/$name.final"
  cmp -s "$W/$name.final" "$W/ref.counts" \
    || fail "$name: stored articles differ from a clean ingest: $(diff "$W/$name.final" "$W/ref.counts" | head -4)"
  [[ $(q "$url" "SELECT count(*) - count(DISTINCT content_sha256) FROM articles") -eq 0 ]] \
    || fail "$name: an article stored twice"
}

rerun() {
  local url=$1 name=$2 before
  before=$(q "$url" "SELECT count(*) FROM articles")
  "$CLAIMEX" ingest --db "$url" "$W/in.jsonl" 2>"$W/$name.rerun.err"
  local r=$?
  [[ $r -eq 0 ]] || fail "$name: rerun exit $r: $(cat "$W/$name.rerun.err")"
  grep -q "$((N - before)) new, $before unchanged, 0 replaced, 0 failed" "$W/$name.rerun.err" \
    || fail "$name: rerun summary (want $((N - before)) new, $before unchanged): $(cat "$W/$name.rerun.err")"
}

# a. Immediate stop (the server's processes killed, crash recovery on start).
UA=$(pg_test_createdb stopped) || exit 1
ingest_with_fault "$UA" stop stopped --reconnect 2
check_clean_failure stopped
grep -q "no reconnect within 2 s" "$W/stopped.err" || fail "stopped: no word of the reconnect attempt: $(cat "$W/stopped.err")"
server_start || { fail "server did not start again"; cat "$PG_TEST_DIR/data/server.log" >&2; exit 1; }
check_no_half "$UA" stopped
stored=$(q "$UA" "SELECT count(*) FROM articles")
[[ $stored -lt $N ]] || fail "stopped: all $N articles stored although the server was stopped midway"
rerun "$UA" stopped
check_complete "$UA" stopped

# b. Fast restart (sessions terminated, server back within a second), and
# d. a crash (immediate stop) with the server back a second later.
for fault in restart bounce; do
  U=$(pg_test_createdb "f_$fault") || exit 1
  ingest_with_fault "$U" $fault $fault
  [[ $rc -eq 0 ]] || fail "$fault: exit $rc, want 0 (reconnected): $(cat "$W/$fault.err")"
  grep -q "reconnected to the database" "$W/$fault.err" || fail "$fault: no reconnect reported: $(cat "$W/$fault.err")"
  grep -q "documents: [0-9]* new, [0-9]* unchanged, 0 replaced, 0 failed" "$W/$fault.err" \
    || fail "$fault: summary: $(cat "$W/$fault.err")"
  check_complete "$U" $fault
done

# c. Server down before the ingest starts.
ctl -m fast stop || fail "pg_ctl stop failed"
"$CLAIMEX" ingest --db "$UA" "$W/in.jsonl" 2>"$W/down.err"
rc=$?
[[ $rc -eq 2 ]] || fail "down: exit $rc, want 2"
grep -q "^claimex: error: cannot connect to PostgreSQL" "$W/down.err" || fail "down: message: $(cat "$W/down.err")"

for f in stopped restart bounce; do [[ -s "$W/$f.err" ]] && echo "$f: $(head -c 600 "$W/$f.err")" >&2; done
db_test_finish db_faults
