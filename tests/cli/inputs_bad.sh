#!/usr/bin/env bash
# Bad input never stops a run: a directory mixing good documents with every
# bad-input class (invalid UTF-8, NUL bytes, UTF-16, malformed JSON line,
# line without text, text not a string, impossible date, empty file,
# whitespace-only file, truncated .gz, over-size document) plus a missing
# path. Asserts exit status 1, exactly one stderr error line per bad document
# naming its file (and line for JSON Lines), and that the good documents'
# output is byte-identical to extracting them alone.
# Usage: bash inputs_bad.sh PATH_TO_claimex
set -euo pipefail
claimex=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$tmp/in
mkdir -p "$dir"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Good documents.
cat > "$dir/good.txt" <<'TXT'
Syrian army says it retakes key town
By AFP - Jan 29,2020 - Last updated at Jan 29,2020
BEIRUT — The violence in the northwest has displaced more than 388,000 civilians since December, the United Nations says.
At least 20,000 of them have moved in the last two days, said UN aid chief Mark Lowcock on Wednesday.
TXT
good1='{"id": "g1", "published": "2020-01-29", "source": "AFP", "text": "Some three million people live in the province, and twenty-five clinics serve them, the provincial health office said."}'
good2='{"id": "g2", "published": "2021-04-12", "text": "The army has recaptured around 27 towns and villages since January 24."}'
printf '%s\n%s\n' "$good1" "$good2" > "$dir/good.jsonl"
m1='{"id": "m1", "published": "2020-01-29", "text": "Tens of thousands of civilians have fled, and at least 20 were killed on Monday."}'
m5='{"id": "m5", "published": "2020-03-01", "text": "Prices rose by 3 percent last month, the statistics office said."}'
{
  echo "$m1"                                                   # 1 good
  echo '{"id": "m2", "text": "unterminated'                    # 2 malformed
  echo '{"id": "m3", "title": "no text here"}'                 # 3 no text
  echo '{"id": "m4", "published": "2020-02-30", "text": "x"}'  # 4 impossible date
  echo "$m5"                                                   # 5 good
  echo '{"id": "m6", "text": ["not", "a", "string"]}'          # 6 text not a string
} > "$dir/mixed.jsonl"

# Bad documents.
printf 'Valid start then \xff\xfe invalid bytes, 20 people.\n' > "$dir/bad_utf8.txt"
printf 'Some 20 people\0 and binary\0\0 data.\n' > "$dir/nul.txt"
printf '\xff\xfeh\0i\0' > "$dir/utf16.txt"
: > "$dir/empty.txt"
printf '  \n\t\n   \n' > "$dir/blank.txt"
head -c 5000 /dev/zero | tr '\0' 'a' | sed 's/^/Over 300 people. /' > "$dir/big.txt"
python3 - "$dir/trunc.txt.gz" <<'PY'
import gzip, sys
data = gzip.compress(("More than 1,000 people were displaced. " * 200).encode())
open(sys.argv[1], "wb").write(data[: len(data) // 2])
PY
echo 'not an article' > "$dir/notes.md"  # skipped: not a known extension

set +e
"$claimex" -v extract --max-doc-bytes 4000 --format jsonl "$dir" "$tmp/missing.txt" \
  > "$tmp/out.jsonl" 2> "$tmp/err.txt"
status=$?
set -e
cat "$tmp/err.txt" >&2
[[ $status -eq 1 ]] || fail "exit status $status, want 1"

expect=(
  "$dir/bad_utf8.txt: invalid UTF-8"
  "$dir/big.txt: document over the limit"
  "$dir/blank.txt: file is only whitespace"
  "$dir/empty.txt: empty file"
  "$dir/mixed.jsonl:2: malformed JSON"
  "$dir/mixed.jsonl:3: no \"text\""
  "$dir/mixed.jsonl:4: impossible published date"
  "$dir/mixed.jsonl:6: \"text\" is not a string"
  "$dir/nul.txt: NUL byte"
  "$dir/trunc.txt.gz: truncated gzip"
  "$dir/utf16.txt: UTF-16"
  "$tmp/missing.txt: cannot open"
)
errors=$(grep -c ': error: ' "$tmp/err.txt" || true)
[[ $errors -eq ${#expect[@]} ]] || fail "$errors error lines on stderr, want ${#expect[@]}"
for e in "${expect[@]}"; do
  n=$(grep -cF -- "$e" "$tmp/err.txt" || true)
  [[ $n -eq 1 ]] || fail "stderr has $n lines with '$e', want 1"
done
grep -q "5 documents, .* 12 failed" "$tmp/err.txt" || fail "summary line does not say 5 documents, 12 failed"

# The good documents alone (same paths and ids) must give the same output.
printf '%s\n%s\n' "$m1" "$m5" > "$tmp/mixed_good.jsonl"
"$claimex" extract --max-doc-bytes 4000 --format jsonl "$dir/good.jsonl" "$dir/good.txt" \
  "$tmp/mixed_good.jsonl" > "$tmp/alone.jsonl"
if ! cmp -s "$tmp/out.jsonl" "$tmp/alone.jsonl"; then
  diff "$tmp/alone.jsonl" "$tmp/out.jsonl" | head -20 >&2
  fail "good documents' output differs from extracting them alone"
fi
echo "inputs_bad: 12 bad inputs reported, 5 good documents, $(wc -l < "$tmp/out.jsonl") claims identical to a clean run"
