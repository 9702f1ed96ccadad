#!/usr/bin/env bash
# The AFP fixture through `claimex extract` must match its hand-checked
# golden output (tests/golden/) field by field, with the
# publication date and source taken from the byline.
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=$src/fixtures/afp-2020-01-29-syria-idlib.txt
"$claimex" extract --format jsonl "$fixture" > "$tmp/out.jsonl"
known=()
[[ -f $src/tests/golden/afp-2020-01-29-syria-idlib.known-diffs.txt ]] &&
  known=(--known "$src/tests/golden/afp-2020-01-29-syria-idlib.known-diffs.txt")
python3 "$src/tests/tools/golden_diff.py" "$src/tests/golden/afp-2020-01-29-syria-idlib.expected.jsonl" \
  "$tmp/out.jsonl" "${known[@]}"
# Every record carries the byline's date and source, and its text is the
# bytes at [start, end) of the article.
python3 - "$fixture" "$tmp/out.jsonl" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    c = json.loads(line)
    n += 1
    assert raw[c["start"]:c["end"]].decode() == c["text"], c
    assert c["published"] == "2020-01-29" and c["source"] == "AFP", (c["published"], c["source"])
    for key in ("doc", "sentence", "start", "end", "text", "value", "low", "high", "qualifier", "kind",
                "unit", "entity", "predicate", "category", "aggregation", "change", "time", "speaker",
                "norm_value", "norm_unit"):
        assert key in c, key
assert n >= 9, f"only {n} claims"
print(f"offsets, byline and fields checked on {n} claims")
PY
