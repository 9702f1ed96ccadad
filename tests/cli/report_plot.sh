#!/usr/bin/env bash
# `claimex report timeseries --plot`: the SVG parses (rsvg-convert renders it
# to PNG) and has one series per source among the plotted rows (the running
# totals: aggregation cumulative), with a legend entry each.
# Usage: bash report_plot.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v rsvg-convert >/dev/null || { echo "FAIL: rsvg-convert not found (package librsvg2-bin)"; exit 1; }
# shellcheck source=../lib/pg_cluster.sh
source "$src/tests/lib/pg_cluster.sh"
pg_test_start
db=$PG_TEST_URL
# Relative paths: a .txt article's id is its path as given, and goldens must
# not depend on where the checkout lives.
(cd "$src" && "$claimex" ingest --db "$db" fixtures/demo/articles.jsonl fixtures/afp-2020-01-29-syria-idlib.txt >/dev/null)
svg=$PG_TEST_DIR/chart.svg
csv=$PG_TEST_DIR/ts.csv
"$claimex" report timeseries --param category=displacement --format csv --plot "$svg" --db "$db" >"$csv"

rsvg-convert -o "$PG_TEST_DIR/chart.png" "$svg" || { echo "FAIL: rsvg-convert cannot render the chart"; exit 1; }
[[ $(head -c 8 "$PG_TEST_DIR/chart.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] \
  || { echo "FAIL: no PNG written"; exit 1; }
want=$(python3 - "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
cum = [r for r in rows if r["aggregation"] == "cumulative"] or rows
print(len({r["source"] for r in cum if r["value"] or r["low"] or r["high"]}))
PY
)
got=$(grep -c '<g class="series"' "$svg" || true)
legend=$(grep -c 'class="legend-entry"' "$svg" || true)
echo "series: want $want, got $got, legend entries $legend"
[[ $want -ge 3 ]] || { echo "FAIL: the demo should give at least 3 sources to plot, got $want"; exit 1; }
[[ $got == "$want" && $legend == "$want" ]] || { echo "FAIL: one series and one legend entry per source expected"; exit 1; }
grep -q '<title>' "$svg" || { echo "FAIL: no title"; exit 1; }
grep -q 'class="xlabel"' "$svg" && grep -q 'class="ylabel"' "$svg" || { echo "FAIL: axis labels missing"; exit 1; }
# A report without a chart refuses --plot with a usage error.
set +e
"$claimex" report speakers --plot "$PG_TEST_DIR/x.svg" --db "$db" >/dev/null 2>&1; rc=$?
set -e
[[ $rc == 2 ]] || { echo "FAIL: report speakers --plot should exit 2, got $rc"; exit 1; }
echo ok
