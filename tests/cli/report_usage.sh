#!/usr/bin/env bash
# `claimex report` usage errors need no database: --list, unknown or
# path-like report names, unknown parameters, bad dates, --plot on a report
# without a chart all answer before connecting (exit 2 with a message).
# Usage: bash report_usage.sh PATH_TO_claimex
set -uo pipefail
claimex=$1
fail=0
# A database that cannot exist: any attempt to connect fails loudly.
nodb="host=/nonexistent/socket dbname=none connect_timeout=1"
expect() {  # expect RC PATTERN ARGS...
  local want=$1 pattern=$2; shift 2
  local out rc
  out=$("$claimex" report "$@" --db "$nodb" 2>&1); rc=$?
  if [[ $rc != "$want" ]] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: claimex report $* -> exit $rc (want $want), output:"; echo "$out"; fail=1
  fi
}
out=$("$claimex" report --list 2>&1) || { echo "FAIL: --list exited non-zero"; fail=1; }
for r in timeseries compare latest speakers sources; do
  grep -q "^$r\$" <<<"$out" || { echo "FAIL: --list lacks $r"; fail=1; }
done
grep -q -- "--param category=text" <<<"$out" || { echo "FAIL: --list shows no parameters"; fail=1; }
expect 2 "unknown report 'nope'" nope
expect 2 "unknown report '../../etc/passwd'" ../../etc/passwd
expect 2 "unknown report 'reports/timeseries'" reports/timeseries
expect 2 "has no parameter 'colour'" timeseries --param colour=red
expect 2 "is not a date" timeseries --param since=2020-13-01
expect 2 "expects key=value" timeseries --param since
expect 2 "cannot be plotted" speakers --plot /tmp/never-written.svg
expect 2 "name a report" 
expect 2 "format" timeseries --format xml
# A well-formed request reaches the database, which is not there: exit 2.
expect 2 "." timeseries --param since=2020-01-01
[[ ! -e /tmp/never-written.svg ]] || { echo "FAIL: a chart was written for a refused request"; fail=1; }
[[ $fail == 0 ]] && echo ok
exit $fail
