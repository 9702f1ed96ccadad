#!/usr/bin/env bash
# Usage errors exit 2 with a message; --help and --version work.
set -uo pipefail
claimex=$1
fail=0
expect() {  # expect STATUS DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >/dev/null 2>&1; local got=$?
  if [[ $got != "$want" ]]; then echo "FAIL $what: exit $got, want $want"; fail=1; else echo "ok   $what"; fi
}
expect 0 "--help" -- "$claimex" --help
expect 0 "--version" -- "$claimex" --version
expect 0 "extract --help" -- "$claimex" extract --help
expect 2 "no subcommand" -- "$claimex"
expect 2 "unknown subcommand" -- "$claimex" frobnicate
expect 2 "extract without paths" -- "$claimex" extract
expect 2 "bad --format" -- "$claimex" extract --format xml -
expect 2 "impossible --published" -- "$claimex" extract --published 2020-02-30 -
"$claimex" --version | grep -q '^claimex [0-9]' || { echo "FAIL version text"; fail=1; }
"$claimex" extract --help | grep -q -- '--published' || { echo "FAIL extract help lacks --published"; fail=1; }
exit $fail
