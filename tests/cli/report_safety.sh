#!/usr/bin/env bash
# Reports run read-only and under a statement timeout: with CLAIMEX_HOME
# pointing at a copy of the checkout's SQL plus two test-only reports, a
# report that sleeps past --timeout fails with exit 1 and says so, and a
# report that tries to delete claims is refused by the read-only transaction.
# Usage: bash report_safety.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=../lib/pg_cluster.sh
source "$src/tests/lib/pg_cluster.sh"
pg_test_start
db=$PG_TEST_URL
home=$PG_TEST_DIR/home
mkdir -p "$home"
cp -r "$src/migrations" "$src/sql" "$home/"
cat >"$home/sql/reports/slow.sql" <<'SQL'
-- Sleeps for the given number of seconds (test only).
-- @param seconds number default=3  how long
SELECT pg_sleep($1::float8) AS slept
SQL
cat >"$home/sql/reports/wipe.sql" <<'SQL'
-- Tries to delete every claim (test only).
-- @param category text  any
DELETE FROM claims WHERE $1::text IS NULL OR category = $1::text RETURNING article_id
SQL
export CLAIMEX_HOME=$home
(cd "$src" && "$claimex" ingest --db "$db" fixtures/demo/articles.jsonl >/dev/null 2>&1)
before=$(psql -qAtX "$db" -c 'SELECT count(*) FROM claims')
fail=0

set +e
out=$("$claimex" report slow --timeout 0.5 --db "$db" 2>&1); rc=$?
set -e
if [[ $rc != 1 ]] || ! grep -q "statement timeout" <<<"$out"; then
  echo "FAIL: slow report: exit $rc, output: $out"; fail=1
fi
"$claimex" report slow --param seconds=0.1 --format csv --db "$db" >/dev/null \
  || { echo "FAIL: a report within the timeout failed"; fail=1; }

set +e
out=$("$claimex" report wipe --db "$db" 2>&1); rc=$?
set -e
if [[ $rc != 1 ]] || ! grep -qi "read-only" <<<"$out"; then
  echo "FAIL: wipe report: exit $rc, output: $out"; fail=1
fi
after=$(psql -qAtX "$db" -c 'SELECT count(*) FROM claims')
[[ $before -gt 0 && $before == "$after" ]] || { echo "FAIL: claims changed ($before -> $after)"; fail=1; }
[[ $fail == 0 ]] && echo ok
exit $fail
