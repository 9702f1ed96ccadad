#!/usr/bin/env bash
# SQL-looking text through every text field of an article (issue 9), on a
# throwaway cluster (tests/lib/pg_cluster.sh). Articles whose id, source,
# url, title, author/byline (unknown JSON keys, ignored) and text hold
# '; DROP TABLE ... --, $$, quotes, backslashes, E'\x00', and COPY's own
# syntax (tabs, newlines, CR, \N, \. on its own line), plus .txt files whose
# *names* hold them (the path becomes doc_id), are ingested; then:
#   - the schema is intact: the same tables as a clean database, row counts
#     as expected, every article once;
#   - every stored value is verbatim: articles' doc_id/source/url/title equal
#     the input, and every claim row (text, entity, predicate, unit, time
#     text, speaker name/type/canonical/role/cue, ...) equals what
#     `claimex extract` prints for the same input;
#   - every report in sql/reports runs over it, also with the hostile
#     strings as its text parameters, and leaves the tables unchanged;
#     a source filter given a hostile source name finds it, one
#     character more finds nothing.
# Takes a few seconds.
# Usage: bash db_injection.sh PATH_TO_claimex  (env CLAIMEX_SOURCE_DIR)
set -uo pipefail
CLAIMEX=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the ingest runs in the input dir
SRC=${CLAIMEX_SOURCE_DIR:?}
source "$SRC/tests/lib/db_test.sh"
mkdir -p "$W/in/txt"

# The hostile strings, one per line of hostile.json (a JSON array).
python3 - "$W" <<'PY'
import json, os, sys
w = sys.argv[1]
H = ["'; DROP TABLE claims; --", "'); DELETE FROM articles; --", "$$; DROP TABLE articles; $$",
     "$tag$ TRUNCATE speakers $tag$", "E'\\\\x00'", "E'\\x00' || chr(0)", "C:\\new\\table \\\\ back\\",
     "\\N", "tab\there\tand\tthere", "line1\nline2\r\nline3", "\n\\.\n", "\\.", "\"double\" 'single' ''two''",
     "{a,b}\"},{\\", "%s {} {0} %n", "\u2028\u202e\U0001F600 \u00e9", "--", "/* comment */ ;",
     "\\copy claims to '/tmp/x'", "\\\\."]
json.dump(H, open(os.path.join(w, "hostile.json"), "w"))
sentences = [
    "{h} said 45 people were killed on Monday in {h2}.",
    "\"At least 1,200 families fled {h},\" said Robert O'Neil, a spokesman for the {h2} group.",
    "Nearly 300 homes were destroyed in the {h} province, according to the Syrian Observatory for Human Rights's {h2} monitor.",
    "\\.\nThe ministry of {h} said 12 soldiers died in the\tattack last week.",
    "More than 5,000 people\t\\N fled since January, the UN's \"{h}\" office said.\n\\.\n",
    "Officials said 7 percent of the {h} budget, or $3.5 million, was cut on March 3, 2020.",
    "Jean O'Hara, a spokeswoman for {h}, said the toll rose to 78 between March 1 and March 9.",
]
with open(os.path.join(w, "in", "hostile.jsonl"), "w") as out:
    for i, h in enumerate(H):
        h2 = H[(i + 7) % len(H)]
        text = " ".join(s.format(h=h, h2=h2) for s in sentences[i % 3:] + sentences[:i % 3])
        text += " Another %d people were injured, said %s Jones." % (i + 2, h.replace("\n", " "))
        out.write(json.dumps({
            "id": "inj%d %s" % (i, h), "source": "AFP %s" % h2,
            "url": "http://x.test/?q=%d';DROP TABLE claims;--&a=%s" % (i, h),
            "title": "Title %s %s" % (h, h2), "author": h, "byline": "By " + h,
            "published": "2020-03-%02d" % (i + 1), "text": text}) + "\n")
# File names may hold anything but '/' and NUL: the path is the doc_id.
for i, h in enumerate(H):
    name = "%d %s.txt" % (i, h.replace("/", "_"))
    with open(os.path.join(w, "in", "txt", name), "w") as f:
        f.write("By AFP - Mar 4, 2020\n%s\nAt least %d people were killed, said %s.\n" % (h, i + 10, h))
PY
n_json=$(wc -l <"$W/in/hostile.jsonl")
n_txt=$(find "$W/in/txt" -type f -printf . | wc -c)  # names hold newlines
N=$((n_json + n_txt))

# Reference schema: the tables of a clean database.
tables="SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
CLEAN=$(pg_test_createdb clean) || exit 1
"$CLAIMEX" db migrate --db "$CLEAN" >/dev/null 2>&1 || { fail "db migrate failed"; exit 1; }
clean_tables=$(q "$CLEAN" "$tables")

DB=$(pg_test_createdb hostile) || exit 1
(cd "$W/in" && "$CLAIMEX" ingest --db "$DB" hostile.jsonl txt) 2>"$W/ingest.err"
rc=$?
[[ $rc -eq 0 ]] || fail "ingest exit $rc: $(cat "$W/ingest.err")"
grep -q "$N new, 0 unchanged, 0 replaced, 0 failed" "$W/ingest.err" \
  || fail "ingest summary (want $N new, 0 failed): $(cat "$W/ingest.err")"
[[ $fails -eq 0 ]] || exit 1  # the checks below would only repeat it
(cd "$W/in" && "$CLAIMEX" extract hostile.jsonl txt) >"$W/extract.jsonl" 2>/dev/null

check_intact() {  # check_intact WHEN
  [[ "$(q "$DB" "$tables")" == "$clean_tables" ]] || fail "$1: tables differ from a clean database: $(q "$DB" "$tables")"
  [[ $(q "$DB" "SELECT count(*) FROM articles") -eq $N ]] || fail "$1: articles: $(q "$DB" "SELECT count(*) FROM articles"), want $N"
  [[ $(q "$DB" "SELECT count(*) FROM claims") -eq $(wc -l <"$W/extract.jsonl") ]] \
    || fail "$1: claims: $(q "$DB" "SELECT count(*) FROM claims"), extract printed $(wc -l <"$W/extract.jsonl")"
  [[ $(q "$DB" "SELECT count(*) FROM speakers") -gt 0 ]] || fail "$1: no speakers"
}
check_intact "after ingest"
digest="SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (SELECT a::text AS x FROM articles a
        UNION ALL SELECT c::text FROM claims c UNION ALL SELECT s::text FROM speakers s
        UNION ALL SELECT s::text FROM sources s) t"
before=$(q "$DB" "$digest")

# Verbatim: select everything back as JSON and compare in Python.
q "$DB" "SELECT json_agg(t) FROM (SELECT a.doc_id, s.name AS source, a.url, a.title, a.published::text
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id) t" >"$W/articles.json"
q "$DB" "SELECT json_agg(t ORDER BY t.doc, t.claim_no) FROM (SELECT a.doc_id AS doc, c.claim_no, c.start_byte,
         c.end_byte, c.text, c.unit, c.entity, c.predicate, c.category, c.qualifier, c.time_text,
         sp.name AS speaker_name, sp.type AS speaker_type, sp.canonical AS speaker_canonical,
         c.speaker_role, c.speaker_cue
         FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN speakers sp ON sp.id = c.speaker_id) t" \
  >"$W/claims.json"
python3 - "$W" <<'PY' || fail "values not stored verbatim (see above)"
import collections, json, os, sys
w = sys.argv[1]
H = json.load(open(os.path.join(w, "hostile.json")))
bad = 0
def report(msg):
    global bad
    bad += 1
    if bad <= 10:
        print("  " + msg, file=sys.stderr)

want = {}
for line in open(os.path.join(w, "in", "hostile.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    want[d["id"]] = {"source": d["source"], "url": d["url"], "title": d["title"], "published": d["published"]}
for name in os.listdir(os.path.join(w, "in", "txt")):
    want[os.path.join("txt", name)] = None  # source/title sniffed from the text: only the id is checked
got = {a["doc_id"]: a for a in json.load(open(os.path.join(w, "articles.json")))}
if set(got) != set(want):
    report("doc_ids differ: missing %r, unexpected %r" % (sorted(set(want) - set(got))[:3], sorted(set(got) - set(want))[:3]))
for k, v in want.items():
    if v is None or k not in got:
        continue
    for f in v:
        if got[k][f] != v[f]:
            report("%r %s: stored %r, input %r" % (k, f, got[k][f], v[f]))

def nz(x):  # the store writes empty strings as NULL
    return None if x == "" else x
expected = collections.defaultdict(list)
for line in open(os.path.join(w, "extract.jsonl"), encoding="utf-8"):
    c = json.loads(line)
    sp = c.get("speaker") or {}
    t = c.get("time") or {}
    expected[c["doc"]].append({
        "start_byte": c["start"], "end_byte": c["end"], "text": nz(c["text"]), "unit": nz(c["unit"]),
        "entity": nz(c["entity"]), "predicate": nz(c["predicate"]), "category": c["category"],
        "qualifier": c["qualifier"], "time_text": nz(t.get("text")), "speaker_name": sp.get("name"),
        "speaker_type": sp.get("type"), "speaker_canonical": sp.get("canonical") or sp.get("name"),
        "speaker_role": nz(sp.get("role")), "speaker_cue": nz(sp.get("cue"))})
stored = collections.defaultdict(list)
for c in json.load(open(os.path.join(w, "claims.json"))) or []:
    stored[c.pop("doc")].append(c)
for doc in set(expected) | set(stored):
    e, s = expected.get(doc, []), stored.get(doc, [])
    if len(e) != len(s):
        report("%r: %d claims stored, extract printed %d" % (doc, len(s), len(e)))
        continue
    for i, (x, y) in enumerate(zip(e, s)):
        if y.pop("claim_no") != i:
            report("%r: claim_no out of order" % doc)
        for f in x:
            if x[f] != y[f]:
                report("%r claim %d %s: stored %r, extract %r" % (doc, i, f, y[f], x[f]))
n_claims = sum(len(v) for v in expected.values())
# The hostile characters must have reached claim rows too, or the claim
# checks above prove little.
values = [v for cs in stored.values() for c in cs for v in c.values() if isinstance(v, str)]
reached = sorted({ch for ch in "'\\;\"$\t" if any(ch in v for v in values)})
print("verbatim: %d articles, %d claims compared; hostile characters in claim fields: %s"
      % (len(got), n_claims, " ".join(repr(c) for c in reached)), file=sys.stderr)
if n_claims < 50 or "'" not in reached:
    report("too few claims (%d) or no quote reached a claim field" % n_claims)
sys.exit(1 if bad else 0)
PY

# Reports: defaults, then all text parameters set to each hostile string.
reports=$(cd "$SRC/sql/reports" && ls *.sql | sed 's/\.sql$//')
runs=0
for r in $reports; do
  "$CLAIMEX" report "$r" --db "$DB" --format json >"$W/report.out" 2>"$W/report.err" \
    || fail "report $r (defaults) failed: $(cat "$W/report.err")"
  params=$(sed -n 's/^-- @param \([a-z_]*\) text.*/\1/p' "$SRC/sql/reports/$r.sql")
  [[ -n "$params" ]] || continue
  while IFS= read -r -d '' h; do
    args=()
    for p in $params; do args+=(--param "$p=$h"); done
    "$CLAIMEX" report "$r" --db "$DB" --format csv "${args[@]}" >"$W/report.out" 2>"$W/report.err"
    rc=$?
    runs=$((runs + 1))
    # A value a parameter does not accept (category) may be refused (exit 1), never crash.
    [[ $rc -le 1 ]] || fail "report $r ${params//$'\n'/,}=$(printf %q "$h"): exit $rc: $(cat "$W/report.err")"
    if grep -Eq "terminate called|what\(\)|syntax error" "$W/report.err"; then
      fail "report $r ${params//$'\n'/,}=$(printf %q "$h"): $(cat "$W/report.err")"
    fi
  done < <(python3 -c 'import json,sys; sys.stdout.write("".join(h + "\0" for h in json.load(open(sys.argv[1]))))' "$W/hostile.json")
done
echo "reports: $runs runs with hostile parameters" >&2
[[ $runs -ge 50 ]] || fail "only $runs hostile report runs (are the reports' text parameters still found?)"
# A hostile source name as a filter finds that source, and only it.
hs=$(q "$DB" "SELECT name FROM sources WHERE name LIKE '%DROP TABLE claims%' ORDER BY name LIMIT 1")
if [[ -n "$hs" ]]; then
  want=$(q "$DB" "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = a.source_id
                  WHERE s.name = \$\$$hs\$\$ AND c.speaker_id IS NOT NULL")
  got=$("$CLAIMEX" report speakers --db "$DB" --format json --param "source=$hs" 2>/dev/null \
        | python3 -c 'import json,sys; print(sum(r.get("claims", 0) for r in json.load(sys.stdin)))' 2>/dev/null)
  # Syndicated copies count once, so at most the raw count, and not zero.
  [[ -n "$got" && $got -gt 0 && $got -le $want ]] \
    || fail "speakers report filtered by a hostile source: '$got' claims, want 1..$want"
  none=$("$CLAIMEX" report speakers --db "$DB" --format json --param "source=$hs'" 2>/dev/null \
         | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null)
  [[ "$none" == 0 ]] || fail "speakers report for a source that does not exist: '$none' rows, want 0"
else
  fail "no stored source holds the hostile string"
fi
check_intact "after reports"
[[ "$(q "$DB" "$digest")" == "$before" ]] || fail "the reports changed stored rows"

db_test_finish db_injection
