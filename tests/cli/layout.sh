#!/usr/bin/env bash
# Architecture rule: pipeline stages never include db/ or cli/; they meet
# only in extractor/pipeline/. Fails naming each offending include.
set -euo pipefail
src=${CLAIMEX_SOURCE_DIR:?}
bad=0
for stage in core io text quantity time claims attribution output; do
  if grep -rnE '#include "extractor/(db|cli|report|pipeline)/' "$src/extractor/$stage" 2>/dev/null; then
    bad=1
  fi
done
if grep -rnE '#include "extractor/(db|cli|report)/' "$src/extractor/pipeline" 2>/dev/null; then bad=1; fi
if grep -rnE 'std::regex|<regex>' "$src/extractor" 2>/dev/null; then
  echo "std::regex is a backtracking engine: use RE2"; bad=1
fi
[[ $bad == 0 ]] && echo "layout: stages are independent of db/, cli/ and report/"
exit $bad
