#!/usr/bin/env bash
# Output must not depend on the thread count: documents in input order,
# claims in document order. Runs the Brown press sample with -j 1, 2 and 4.
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
input=$src/tests/data/corpora/brown-press.jsonl
for j in 1 2 4; do
  "$claimex" extract -j "$j" --format jsonl "$input" > "$tmp/out.$j"
done
cmp "$tmp/out.1" "$tmp/out.2"
cmp "$tmp/out.1" "$tmp/out.4"
echo "deterministic across -j 1/2/4: $(wc -l < "$tmp/out.1") claims from $input"
