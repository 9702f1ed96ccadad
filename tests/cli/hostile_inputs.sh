#!/usr/bin/env bash
# Hostile inputs never crash or hang claimex (tests/hostile/make_hostile.py
# generates them at test time: a million-digit number, 200,000 numbers in a
# row, a 5 MB line with no sentence end, deeply nested quotes and JSON, NUL
# bytes, UTF-16, truncated gzip, whitespace-only files, a symlink loop, a
# nonexistent path, a document over the 16 MiB limit, ...).
#
# Asserts, for one run over the whole directory plus a missing path: exit
# status 1, every bad document named on stderr, the good documents still
# extracted, stdout strict JSON Lines (no NaN/Infinity, valid UTF-8), no
# sanitizer report. Then runs each file alone: exit 0 or 1, never a signal
# or a timeout. No timing asserts beyond the generous `timeout`.
# Usage: bash hostile_inputs.sh PATH_TO_claimex   (env CLAIMEX_SOURCE_DIR)
set -uo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
limit=${CLAIMEX_HOSTILE_TIMEOUT:-60}  # per run; linear code needs a few seconds even under ASan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

python3 "$src/tests/hostile/make_hostile.py" "$tmp" "$src/fixtures/afp-2020-01-29-syria-idlib.txt" ||
  { echo "FAIL: generator" >&2; exit 1; }
in=$tmp/in
missing=$tmp/does/not/exist.txt

# classify RC CONTEXT: 124 = hang, >= 128 or 134 = crash (signal/abort).
classify() {
  local rc=$1 what=$2
  if [[ $rc -eq 124 ]]; then fail "$what: timed out after ${limit}s (hang?)"
  elif [[ $rc -ge 128 || $rc -eq 134 ]]; then fail "$what: crashed (exit $rc)"
  elif [[ $rc -gt 1 ]]; then fail "$what: exit $rc, want 0 or 1"
  fi
}

# 1. Each file alone: a crash in one must not hide behind another's error.
hung=0
for f in "$in"/*.* "$in/loop" "$missing"; do
  timeout "$limit" "$claimex" extract --format jsonl "$f" >>"$tmp/each.jsonl" 2>"$tmp/one.err"
  rc=$?
  classify $rc "$(basename "$f")"
  [[ $rc -eq 124 ]] && hung=$((hung + 1))
  grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/one.err" &&
    fail "$(basename "$f"): sanitizer report: $(grep -m1 -E 'ERROR|runtime error' "$tmp/one.err")"
done
# The same through standard input, where the reader sniffs the format.
for f in long_line.txt deep_json.jsonl truncated.txt.gz; do
  timeout "$limit" "$claimex" extract --format jsonl - <"$in/$f" >/dev/null 2>"$tmp/one.err"
  classify $? "stdin < $f"
done

# Whatever came out is strict JSON Lines: a million-digit number must not
# print as inf, nor a bad byte leak through.
python3 - "$tmp/each.jsonl" <<'PY' || fail "per-file output is not strict JSON Lines"
import json, sys
def no_constants(x):
    raise ValueError(f"non-finite number {x}")
for n, line in enumerate(open(sys.argv[1], "rb").read().decode("utf-8").splitlines(), 1):
    json.loads(line, parse_constant=no_constants)
PY

# 2. Everything at once, as a user would run it (skipped when a file hung
# alone: it would only hang again).
if [[ $hung -eq 0 ]]; then
timeout "$limit" "$claimex" extract --format jsonl "$in" "$missing" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
rc=$?
classify $rc "whole directory"
[[ $rc -eq 1 ]] || fail "whole directory: exit $rc, want 1 (some documents are bad)"
grep -qE 'AddressSanitizer|LeakSanitizer|runtime error' "$tmp/err.txt" && fail "sanitizer report on stderr"

python3 - "$tmp" "$in" "$missing" <<'PY' || failures=$((failures + 1))
import json, sys
tmp, indir, missing = sys.argv[1:]
man = json.load(open(f"{tmp}/manifest.json"))
err = open(f"{tmp}/err.txt", encoding="utf-8", errors="replace").read()
bad = 0
def no_constants(x):
    raise ValueError(f"non-finite number {x} in output")
claims = {}
raw = open(f"{tmp}/out.jsonl", "rb").read()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    print(f"FAIL: stdout is not valid UTF-8: {e}"); sys.exit(1)
for n, line in enumerate(text.splitlines(), 1):
    try:
        c = json.loads(line, parse_constant=no_constants)
    except ValueError as e:
        print(f"FAIL: stdout line {n} is not strict JSON: {e}: {line[:200]}"); bad += 1; continue
    claims[c["doc"]] = claims.get(c["doc"], 0) + 1
for name in man["must_fail"] + [missing]:
    path = name if name.startswith("/") else f"{indir}/{name}"
    if path not in err:
        print(f"FAIL: bad document {name} not named on stderr"); bad += 1
for key, want in man["good"].items():
    doc = key if key.startswith("good-") else f"{indir}/{key}"
    got = claims.get(doc, 0)
    if got < want:
        print(f"FAIL: good document {key}: {got} claims, want >= {want}"); bad += 1
print(f"hostile: {sum(claims.values())} claims from {len(claims)} documents; "
      f"{len(man['must_fail']) + 1} bad inputs named")
sys.exit(1 if bad else 0)
PY
else
  fail "whole-directory run skipped: $hung input(s) hung"
fi

if [[ $failures -gt 0 ]]; then
  echo "hostile_inputs: $failures failure(s)" >&2
  exit 1
fi
echo "hostile_inputs: ok"
