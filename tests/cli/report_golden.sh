#!/usr/bin/env bash
# Golden CSV of every report on the demo articles (fixtures/demo/): ingests
# them into a throwaway cluster, runs each report as a user would, and diffs
# the CSV with tests/golden/reports/NAME.csv. The output depends on the
# whole pipeline; after an intended change, check the diff and refresh with
#   UPDATE_GOLDEN=1 bash tests/cli/report_golden.sh build/claimex
# Usage: bash report_golden.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
golden=$src/tests/golden/reports
# shellcheck source=../lib/pg_cluster.sh
source "$src/tests/lib/pg_cluster.sh"
pg_test_start
db=$PG_TEST_URL
# Relative paths: a .txt article's id is its path as given, and goldens must
# not depend on where the checkout lives.
(cd "$src" && "$claimex" ingest --db "$db" fixtures/demo/articles.jsonl fixtures/afp-2020-01-29-syria-idlib.txt >/dev/null)

fail=0
check() {  # check NAME ARGS...: runs `claimex report ARGS --format csv`, compares with NAME.csv
  local name=$1; shift
  local out=$PG_TEST_DIR/$name.csv
  if ! "$claimex" report "$@" --format csv --db "$db" >"$out"; then
    echo "FAIL: claimex report $* exited non-zero"; fail=1; return
  fi
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$out" "$golden/$name.csv"; echo "updated $golden/$name.csv"; return
  fi
  if ! diff -u "$golden/$name.csv" "$out"; then
    echo "FAIL: report $name differs from tests/golden/reports/$name.csv (see diff above)"; fail=1
  fi
}
mkdir -p "$golden"
check timeseries timeseries --param category=displacement
check compare compare
check latest latest --param category=displacement
check speakers speakers
check sources sources
check timeseries_window timeseries --param since=2020-02-01 --param until=2020-02-15 --param source=reuters
# The acceptance check of the issue, independent of the golden files: each
# displacement figure is listed once with its date, source and value, and the
# AFP paragraph reprinted by Arab News is one row naming both outlets.
ts=$PG_TEST_DIR/timeseries.csv
grep -q '^2020-01-29,AFP,.*,388000,.*"AFP, Arab News"$' "$ts" || { echo "FAIL: syndicated copy not merged"; fail=1; }
[[ $(grep -c '388000' "$ts") == 1 ]] || { echo "FAIL: the 388,000 figure is not listed exactly once"; fail=1; }
[[ $(grep -c ',Arab News,' "$ts" || true) == 0 ]] || { echo "FAIL: a copy is listed under its reprinting outlet"; fail=1; }
# A hostile parameter is data: it matches nothing and changes nothing.
out=$("$claimex" report timeseries --param "category=displacement'; DROP TABLE claims; --" --format csv --db "$db")
[[ $(wc -l <<<"$out") == 1 ]] || { echo "FAIL: hostile category matched rows"; fail=1; }
psql -qAtX "$db" -c 'SELECT count(*) FROM claims' >/dev/null || { echo "FAIL: claims table gone"; fail=1; }
exit $fail
