#!/usr/bin/env bash
# The same article must give the same claims however it arrives: the
# fixture .txt (date and source from its byline), the same file gzipped,
# through stdin with --published/--source, and wrapped as a JSON Lines
# record (file and stdin). Only the `doc` field may differ. Also checks
# the byline was read (published 2020-01-29, source AFP), so the comparison
# stays meaningful even while the claim list is short.
# Usage: bash inputs_equivalent.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:?}
fixture=$src/fixtures/afp-2020-01-29-syria-idlib.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

gzip -c "$fixture" > "$tmp/fixture.txt.gz"
python3 - "$fixture" > "$tmp/fixture.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "fixture", "published": "2020-01-29", "source": "AFP", "text": text}))
PY

"$claimex" extract --format jsonl "$fixture" > "$tmp/txt.jsonl"
"$claimex" extract --format jsonl "$tmp/fixture.txt.gz" > "$tmp/gz.jsonl"
"$claimex" extract --format jsonl --published 2020-01-29 --source AFP - < "$fixture" > "$tmp/stdin.jsonl"
gzip -c "$fixture" | "$claimex" extract --format jsonl - > "$tmp/stdin_gz.jsonl"
"$claimex" extract --format jsonl "$tmp/fixture.jsonl" > "$tmp/jsonl.jsonl"
"$claimex" extract --format jsonl - < "$tmp/fixture.jsonl" > "$tmp/stdin_jsonl.jsonl"

# Drop `doc`; everything else (offsets, fields, dates) must match.
strip() {
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); d.pop("doc", None); print(json.dumps(d, sort_keys=True))' "$1"
}
strip "$tmp/txt.jsonl" > "$tmp/want"
for v in gz stdin stdin_gz jsonl stdin_jsonl; do
  strip "$tmp/$v.jsonl" > "$tmp/got.$v"
  if ! cmp -s "$tmp/want" "$tmp/got.$v"; then
    diff "$tmp/want" "$tmp/got.$v" | head -10 >&2
    fail "$v input gives different claims than the .txt"
  fi
done

# The doc field is the path as given, or "-" for stdin, or the JSON id.
n=$(wc -l < "$tmp/txt.jsonl")
if [[ $n -gt 0 ]]; then
  grep -q "\"doc\":\"${fixture//\//\\/}\"" "$tmp/txt.jsonl" || grep -qF "\"doc\":\"$fixture\"" "$tmp/txt.jsonl" \
    || fail ".txt claims do not carry the path as doc"
  grep -qF '"doc":"-"' "$tmp/stdin.jsonl" || fail "stdin claims do not carry doc \"-\""
  grep -qF '"doc":"fixture"' "$tmp/jsonl.jsonl" || fail "JSON Lines claims do not carry the id"
  # The byline was sniffed: without options the .txt is dated and sourced.
  python3 - "$tmp/txt.jsonl" <<'PY' || fail "fixture claims lack published 2020-01-29 / source AFP"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    if "published" in d and d["published"] != "2020-01-29": sys.exit(1)
    if "source" in d and d["source"] != "AFP": sys.exit(1)
PY
fi
echo "inputs_equivalent: $n claims identical across .txt, .gz, stdin (text, gzip, JSON Lines) and .jsonl"
