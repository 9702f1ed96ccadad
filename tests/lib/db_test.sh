# Common setup of the database CLI tests (tests/cli/db_*.sh). Source it
# after setting SRC (the source tree); it starts a throwaway cluster
# (pg_cluster.sh: PG_TEST_URL, pg_test_createdb, an EXIT trap that removes
# it), clears the libpq environment so nothing reaches a real server, and
# defines:
#   W                     a work directory inside the cluster's temp dir
#   fail MSG...           report a failed check and count it in $fails
#   q URL SQL             one psql query, unaligned output
#   fixture_articles FIRST LAST SOURCE
#                         JSON Lines of the AFP fixture, one article per i in
#                         [FIRST, LAST), each made unique by a last sentence
#                         with its own figure ("Story i: i+3 more people ...")
#   db_test_finish NAME   print the verdict; exit 1 when any check failed
source "$SRC/tests/lib/pg_cluster.sh"
pg_test_start || exit 1
unset DATABASE_URL PGHOST PGHOSTADDR PGDATABASE PGSERVICE PGPORT CLAIMEX_HOME
W=$PG_TEST_DIR/work
mkdir -p "$W"
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
q() { "$PG_TEST_BINDIR/psql" -qAtX "$1" -c "$2"; }

fixture_articles() {
  python3 - "$SRC/fixtures/afp-2020-01-29-syria-idlib.txt" "$1" "$2" "$3" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(int(sys.argv[2]), int(sys.argv[3])):
    print(json.dumps({"id": "doc%d" % i, "source": sys.argv[4], "published": "2020-01-29",
                      "text": text + "\nStory %d: %d more people were killed on Monday." % (i, i + 3)}))
PY
}

db_test_finish() {
  if [[ $fails -gt 0 ]]; then
    echo "$1: $fails failure(s)" >&2
    exit 1
  fi
  echo "$1: all checks passed"
}
