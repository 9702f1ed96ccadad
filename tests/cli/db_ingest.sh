#!/usr/bin/env bash
# claimex ingest against a throwaway PostgreSQL (tests/lib/pg_cluster.sh):
# ingest twice gives the same rows; bad input fails alone; a newer extractor
# replaces claims; kill -9 midway then a rerun stores every article exactly
# once; two concurrent ingests on overlapping input store each article once.
# Usage: bash db_ingest.sh PATH_TO_claimex  (env CLAIMEX_SOURCE_DIR)
set -uo pipefail
CLAIMEX=$1
SRC=${CLAIMEX_SOURCE_DIR:?}
source "$SRC/tests/lib/db_test.sh"
# Everything stored, as one checksum: articles by hash with their claims.
digest() {
  q "$1" "SELECT count(*) || ' ' || md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM (
            SELECT a.content_sha256 || ':' || a.extractor_version || ':' || coalesce((
              SELECT string_agg(c.claim_no || ',' || c.start_byte || ',' || coalesce(c.value::text, '-')
                                || ',' || c.qualifier, ';' ORDER BY c.claim_no)
              FROM claims c WHERE c.article_id = a.id), '') AS x FROM articles a) t"
}


# 1. Ingest twice: same rows, second run all unchanged.
fixture_articles 0 200 AFP >"$W/a.jsonl"
U1=$(pg_test_createdb ingest_twice) || exit 1
"$CLAIMEX" ingest --db "$U1" "$W/a.jsonl" 2>"$W/run1.err"; rc=$?
[[ $rc -eq 0 ]] || fail "first ingest exit $rc: $(cat "$W/run1.err")"
grep -q "200 new, 0 unchanged" "$W/run1.err" || fail "first ingest summary: $(cat "$W/run1.err")"
d1=$(digest "$U1")
claims1=$(q "$U1" "SELECT count(*) FROM claims")
[[ $claims1 -ge 200 ]] || fail "expected claims from 200 articles, got $claims1"
"$CLAIMEX" ingest --db "$U1" "$W/a.jsonl" 2>"$W/run2.err"; rc=$?
[[ $rc -eq 0 ]] || fail "second ingest exit $rc"
grep -q "0 new, 200 unchanged, 0 replaced, 0 failed; 0 claims" "$W/run2.err" || fail "second summary: $(cat "$W/run2.err")"
[[ "$(digest "$U1")" == "$d1" ]] || fail "second ingest changed the rows"
[[ $(q "$U1" "SELECT count(*) FROM schema_migrations") -eq $(ls "$SRC"/migrations/*.sql | wc -l) ]] \
  || fail "ingest did not apply the migrations"

# 2. Bad input fails alone: exit 1, the rest stored.
{ fixture_articles 500 503 AFP; echo '{"text": broken json'; fixture_articles 503 505 AFP; } >"$W/bad.jsonl"
"$CLAIMEX" ingest --db "$U1" "$W/bad.jsonl" 2>"$W/bad.err"; rc=$?
[[ $rc -eq 1 ]] || fail "bad input: exit $rc, want 1"
grep -q "bad.jsonl:4" "$W/bad.err" || fail "bad input message does not name file:line: $(cat "$W/bad.err")"
grep -q "5 new, 0 unchanged, 0 replaced, 1 failed" "$W/bad.err" || fail "bad summary: $(cat "$W/bad.err")"
[[ $(q "$U1" "SELECT count(*) FROM articles") -eq 205 ]] || fail "bad input: expected 205 articles"

# 3. An article stored by another extractor version gets its claims replaced.
claims_before=$(q "$U1" "SELECT count(*) FROM claims")
q "$U1" "UPDATE articles SET extractor_version = '0.0.0+old' WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 7);
         DELETE FROM claims WHERE article_id = (SELECT min(id) FROM articles)" >/dev/null
"$CLAIMEX" ingest --db "$U1" "$W/a.jsonl" 2>"$W/run3.err"; rc=$?
[[ $rc -eq 0 ]] || fail "replace ingest exit $rc"
grep -q "0 new, 193 unchanged, 7 replaced" "$W/run3.err" || fail "replace summary: $(cat "$W/run3.err")"
[[ $(q "$U1" "SELECT count(*) FROM claims") -eq $claims_before ]] \
  || fail "replace: claim count differs (the emptied article should get its claims back)"
[[ $(q "$U1" "SELECT count(DISTINCT extractor_version) FROM articles") -eq 1 ]] || fail "replace: old version left"

# Reference: the full corpus of the next tests, ingested in one clean run.
fixture_articles 0 1000 AFP >"$W/big.jsonl"
REF=$(pg_test_createdb reference) || exit 1
"$CLAIMEX" ingest --db "$REF" "$W/big.jsonl" 2>/dev/null || fail "reference ingest failed"
ref=$(digest "$REF")
[[ $ref == 1000\ * ]] || fail "reference: $ref"

# 4. kill -9 midway, then a rerun: every article exactly once, none half.
U4=$(pg_test_createdb killed) || exit 1
"$CLAIMEX" ingest --db "$U4" --batch 10 "$W/big.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 600); do
  n=$(q "$U4" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  [[ ${n:-0} -ge 100 ]] && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
n=$(q "$U4" "SELECT count(*) FROM articles")
echo "killed ingest after $n of 1000 articles" >&2
[[ $n -gt 0 && $n -lt 1000 ]] || fail "kill -9 did not land midway ($n articles)"
per_article="SELECT a.content_sha256 || ' ' || count(c.claim_no) FROM articles a
             LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY 1"
q "$REF" "$per_article" >"$W/ref.counts"
q "$U4" "$per_article" >"$W/killed.counts"
half=$(comm -23 "$W/killed.counts" "$W/ref.counts" | wc -l)
[[ $half -eq 0 ]] || fail "$half articles stored without all their claims after kill -9"
"$CLAIMEX" ingest --db "$U4" "$W/big.jsonl" 2>"$W/rerun.err" || fail "rerun after kill failed"
grep -q "$((1000 - n)) new, $n unchanged" "$W/rerun.err" || fail "rerun summary: $(cat "$W/rerun.err")"
[[ "$(digest "$U4")" == "$ref" ]] || fail "after kill -9 + rerun the rows differ from a clean run"

# 5. Two concurrent ingests on overlapping input: each article once.
fixture_articles 0 700 AFP >"$W/left.jsonl"
fixture_articles 300 1000 AFP >"$W/right.jsonl"
U5=$(pg_test_createdb concurrent) || exit 1
"$CLAIMEX" ingest --db "$U5" --batch 25 "$W/left.jsonl" 2>"$W/left.err" & p1=$!
"$CLAIMEX" ingest --db "$U5" --batch 25 "$W/right.jsonl" 2>"$W/right.err" & p2=$!
wait $p1 || fail "concurrent ingest 1 failed: $(cat "$W/left.err")"
wait $p2 || fail "concurrent ingest 2 failed: $(cat "$W/right.err")"
[[ "$(digest "$U5")" == "$ref" ]] || fail "concurrent ingests differ from a clean run: $(digest "$U5") vs $ref"
new_total=$(cat "$W/left.err" "$W/right.err" | sed -n 's/.*documents: \([0-9]*\) new.*/\1/p' | awk '{s += $1} END {print s + 0}')
[[ "$new_total" -eq 1000 ]] || fail "concurrent ingests counted $new_total new articles, want 1000"

db_test_finish db_ingest
