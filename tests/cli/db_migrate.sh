#!/usr/bin/env bash
# claimex db migrate / db status against a throwaway PostgreSQL: migrate twice
# is a no-op, a new file is listed pending then applied, a changed applied
# file is refused with a clear message, a failing migration leaves nothing.
# Usage: bash db_migrate.sh PATH_TO_claimex  (env CLAIMEX_SOURCE_DIR)
set -uo pipefail
CLAIMEX=$1
SRC=${CLAIMEX_SOURCE_DIR:?}
source "$SRC/tests/lib/db_test.sh"
U=$(pg_test_createdb migrate) || exit 1
nfiles=$(ls "$SRC"/migrations/*.sql | wc -l)

out=$("$CLAIMEX" db status --db "$U" 2>&1) || fail "status on empty db: $out"
grep -q "0001_init.sql  pending" <<<"$out" || fail "status should list 0001 pending: $out"
out=$("$CLAIMEX" db migrate --db "$U" 2>&1) || fail "first migrate: $out"
grep -q "applied 0001_init.sql" <<<"$out" || fail "first migrate output: $out"
[[ $(q "$U" "SELECT count(*) FROM schema_migrations") -eq $nfiles ]] || fail "schema_migrations rows"
sha=$(sha256sum "$SRC/migrations/0001_init.sql" | cut -d' ' -f1)
[[ $(q "$U" "SELECT sha256 FROM schema_migrations WHERE filename = '0001_init.sql'") == "$sha" ]] \
  || fail "recorded checksum is not the file's sha256"
out=$("$CLAIMEX" db migrate --db "$U" 2>&1) || fail "second migrate: $out"
grep -q "schema is up to date" <<<"$out" || fail "second migrate should do nothing: $out"
[[ $(q "$U" "SELECT count(*) FROM schema_migrations") -eq $nfiles ]] || fail "second migrate added rows"
out=$("$CLAIMEX" db status --db "$U" 2>&1) || fail "status: $out"
grep -q "0001_init.sql  applied" <<<"$out" || fail "status should list 0001 applied: $out"
grep -q "migrations pending: 0" <<<"$out" || fail "status pending count: $out"

# A home with one more migration: pending, then applied.
H=$PG_TEST_DIR/home
mkdir -p "$H/migrations"
cp "$SRC"/migrations/*.sql "$H/migrations/"
echo "CREATE TABLE zz_extra (x int);" >"$H/migrations/9998_extra.sql"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" db status --db "$U" 2>&1)
grep -q "9998_extra.sql  pending" <<<"$out" || fail "new migration not pending: $out"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" db migrate --db "$U" 2>&1) || fail "migrate new: $out"
[[ $(q "$U" "SELECT to_regclass('zz_extra') IS NOT NULL") == t ]] || fail "9998 not applied"

# A failing migration: refused, nothing of it left, exit 2.
printf 'CREATE TABLE zz_half (x int);\nSELECT no_such_function();\n' >"$H/migrations/9999_broken.sql"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" db migrate --db "$U" 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "broken migration: exit $rc, want 2"
grep -q "9999_broken.sql failed" <<<"$out" || fail "broken migration message: $out"
[[ $(q "$U" "SELECT to_regclass('zz_half') IS NULL") == t ]] || fail "broken migration left a table"
rm "$H/migrations/9999_broken.sql"

# A changed, already-applied file: refused with a clear message.
echo "-- edited after release" >>"$H/migrations/0001_init.sql"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" db migrate --db "$U" 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "changed migration: exit $rc, want 2"
grep -q "migration 0001_init.sql was changed after it was applied" <<<"$out" || fail "changed message: $out"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" db status --db "$U" 2>&1)
grep -q "0001_init.sql  CHANGED" <<<"$out" || fail "status should flag the change: $out"
out=$(CLAIMEX_HOME=$H "$CLAIMEX" ingest --db "$U" "$SRC/fixtures/afp-2020-01-29-syria-idlib.txt" 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "ingest on a changed migration: exit $rc, want 2 ($out)"

# Unreachable server: clear message, exit 2.
out=$("$CLAIMEX" db migrate --db "host=$PG_TEST_DIR/nowhere dbname=x user=y" 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "unreachable: exit $rc"
grep -q "cannot connect to PostgreSQL" <<<"$out" || fail "unreachable message: $out"

db_test_finish db_migrate
