#!/usr/bin/env bash
# pgTAP tests of the report views and queries (tests/pgtap/*_test.sql) in a
# throwaway cluster: claimex creates the schema and the views (as it does
# before any report), the fixture tests/pgtap/fixture/claims.sql is loaded,
# every sql/reports/NAME.sql is PREPAREd as NAME, and pg_prove runs each test.
# Usage: bash report_pgtap.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v pg_prove >/dev/null || { echo "FAIL: pg_prove not found (libtap-parser-sourcehandler-pgtap-perl)"; exit 1; }
# shellcheck source=../lib/pg_cluster.sh
source "$src/tests/lib/pg_cluster.sh"
pg_test_start
work=$PG_TEST_DIR/pgtap
mkdir -p "$work"

psql -qX -v ON_ERROR_STOP=1 "$PG_TEST_URL" -c 'CREATE EXTENSION pgtap' >/dev/null
# The views and reports under test are the checkout's, not a stale binary's.
CLAIMEX_HOME=$src "$claimex" report sources --db "$PG_TEST_URL" >/dev/null
psql -qX -v ON_ERROR_STOP=1 "$PG_TEST_URL" -f "$src/tests/pgtap/fixture/claims.sql" >/dev/null

prelude=$work/prelude.sql
: >"$prelude"
for f in "$src"/sql/reports/*.sql; do
  { echo "PREPARE $(basename "$f" .sql) AS"; cat "$f"; echo; } >>"$prelude"
done

tests=()
for t in "$src"/tests/pgtap/*_test.sql; do
  out=$work/$(basename "$t")
  { echo '\set QUIET 1'; echo 'SET client_min_messages = warning;'; cat "$prelude" "$t"; } >"$out"
  tests+=("$out")
done
[[ ${#tests[@]} -gt 0 ]] || { echo "FAIL: no tests/pgtap/*_test.sql"; exit 1; }
PGHOST=$PG_TEST_DIR/sock PGUSER=claimex_test PGDATABASE=postgres pg_prove --failures "${tests[@]}"
