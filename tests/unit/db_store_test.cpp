// ClaimStore and migrations against a real PostgreSQL: a throwaway managed
// cluster started in a temp directory (or $CLAIMEX_TEST_DB, a server URL on
// which the test may create databases). Each TEST_CASE gets a fresh database.
// Claims are constructed here, so these tests do not depend on the
// extraction stages.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "extractor/db/cluster.h"
#include "extractor/db/connection.h"
#include "extractor/db/migrations.h"
#include "extractor/db/sha256.h"
#include "extractor/db/store.h"
#include "extractor/db/version.h"
#include "tests/unit/test_server.h"

namespace claimex {
namespace {

using testing::TestServer;

struct Db : testing::Db {
  Db() : testing::Db("t") {}
};
using testing::MakeClaim;
using testing::MakeDoc;

const char kText[] = "The violence has displaced more than 388,000 civilians since December, the UN says.";

std::vector<Claim> IdlibClaims() {
  Claim c = MakeClaim(27, 44, 388000);  // "more than 388,000"
  c.quantity.qualifier = Qualifier::kLowerBound;
  c.quantity.high.reset();
  c.entity = "civilians";
  c.predicate = "displace";
  c.aggregation = Aggregation::kCumulative;
  c.time = TimeScope{"since December", {55, 69}, ParseIsoDate("2019-12-01"), ParseIsoDate("2020-01-29")};
  c.speaker = Speaker{"the UN", SpeakerType::kOrganization, "", "says", "United Nations", {71, 77}, {78, 82}};
  c.rules = {"entity.head"};
  return {c};
}

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[db]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 pieces;
  std::string million(1000000, 'a');
  pieces.Update(std::string_view(million).substr(0, 333333));
  pieces.Update(std::string_view(million).substr(333333));
  CHECK(pieces.HexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(ExtractorVersion().rfind(CLAIMEX_VERSION "+", 0) == 0);
}

TEST_CASE("an article and its claims are stored with every field", "[db]") {
  Db db;
  ClaimStore store(db.conn);
  std::string text = kText;
  REQUIRE(Span{27, 44}.of(text) == "more than 388,000");
  store.Add(MakeDoc("d1", text), IdlibClaims());
  store.Flush();
  CHECK(store.counts().new_articles == 1);
  CHECK(store.counts().claims == 1);
  CHECK(db.Count("SELECT count(*) FROM articles") == 1);
  CHECK(db.Text("SELECT content_sha256 FROM articles") == Sha256Hex("AFP\n" + text));
  CHECK(db.Text("SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id") == "AFP");
  CHECK(db.Text("SELECT text FROM claims") == "more than 388,000");
  CHECK(db.Text("SELECT value::text || '/' || low::text || '/' || coalesce(high::text, 'null') FROM claims") ==
        "388000/388000/null");
  CHECK(db.Text("SELECT qualifier || ' ' || kind || ' ' || category || ' ' || aggregation FROM claims") ==
        "lower_bound count displacement cumulative");
  CHECK(db.Text("SELECT time_start || '..' || time_end || ' ' || effective_date FROM claims") ==
        "2019-12-01..2020-01-29 2020-01-29");
  CHECK(db.Text("SELECT s.name || '|' || s.type || '|' || s.canonical || '|' || c.speaker_cue FROM claims c "
                "JOIN speakers s ON s.id = c.speaker_id") == "the UN|organization|United Nations|says");
  CHECK(db.Text("SELECT rules::text FROM claims") == "{number.digits,entity.head}");
  CHECK(db.Text("SELECT coalesce(unit, 'null') || coalesce(change, 'null') FROM claims") == "nullnull");

  // The same article again changes nothing.
  ClaimStore again(db.conn);
  again.Add(MakeDoc("d1-copy", text), IdlibClaims());
  again.Flush();
  CHECK(again.counts().unchanged == 1);
  CHECK(again.counts().new_articles == 0);
  CHECK(again.counts().claims == 0);
  CHECK(db.Count("SELECT count(*) FROM claims") == 1);
  CHECK(db.Text("SELECT doc_id FROM articles") == "d1");

  // The same text from another outlet is another article; the speaker row is shared.
  ClaimStore other(db.conn);
  other.Add(MakeDoc("d2", text, "Reuters"), IdlibClaims());
  other.Flush();
  CHECK(other.counts().new_articles == 1);
  CHECK(db.Count("SELECT count(*) FROM articles") == 2);
  CHECK(db.Count("SELECT count(*) FROM speakers") == 1);
  CHECK(db.Count("SELECT count(*) FROM sources") == 2);
}

TEST_CASE("writers sharing a speaker do not wait for each other", "[db]") {
  // Another writer's open transaction holds the speaker row locked as an
  // upsert would; storing an article with the same, unchanged speaker must
  // not wait for it (before, every batch with "the UN" queued behind it).
  Db db;
  std::string text = kText;
  {
    ClaimStore first(db.conn);
    first.Add(MakeDoc("d1", text), IdlibClaims());
    first.Flush();
  }
  pqxx::connection other(db.url);
  pqxx::work holder(other);
  holder.exec("SELECT id FROM speakers WHERE name = 'the UN' FOR NO KEY UPDATE");
  pqxx::nontransaction(db.conn).exec("SET lock_timeout = '3s'");
  ClaimStore second(db.conn);
  second.Add(MakeDoc("d2", text, "Reuters"), IdlibClaims());
  REQUIRE_NOTHROW(second.Flush());
  CHECK(second.counts().new_articles == 1);
  holder.commit();

  // A changed canonical name is still written.
  std::vector<Claim> renamed = IdlibClaims();
  renamed[0].speaker->canonical = "United Nations (UN)";
  ClaimStore third(db.conn);
  third.Add(MakeDoc("d3", text, "BBC"), renamed);
  third.Flush();
  CHECK(db.Count("SELECT count(*) FROM speakers") == 1);
  CHECK(db.Text("SELECT canonical FROM speakers") == "United Nations (UN)");
}

TEST_CASE("a new extractor version replaces the claims atomically", "[db]") {
  Db db;
  std::string text = kText;
  {
    ClaimStore store(db.conn, StoreOptions{"0.0.1+old"});
    store.Add(MakeDoc("d1", text), {MakeClaim(27, 44, 1), MakeClaim(4, 12, 2), MakeClaim(0, 3, 3)});
    store.Flush();
    CHECK(store.counts().claims == 3);
  }
  ClaimStore store(db.conn, StoreOptions{"0.0.2+new"});
  store.Add(MakeDoc("d1", text), {MakeClaim(27, 44, 10)});
  store.Add(MakeDoc("d1 again in the same batch", text), {MakeClaim(27, 44, 10)});
  store.Flush();
  CHECK(store.counts().replaced == 1);
  CHECK(store.counts().unchanged == 1);
  CHECK(db.Count("SELECT count(*) FROM claims") == 1);
  CHECK(db.Text("SELECT value::text FROM claims") == "10");
  CHECK(db.Text("SELECT extractor_version FROM articles") == "0.0.2+new");
  CHECK(db.Count("SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a claim violating a constraint fails its article alone", "[db]") {
  Db db;
  std::vector<std::string> failures;
  ClaimStore store(db.conn, StoreOptions{}, [&](const std::string& doc, const std::string& why) {
    failures.push_back(doc + ": " + why);
  });
  Claim bad = MakeClaim(10, 20, 5);
  bad.quantity.low = 9;
  bad.quantity.high = 1;  // low > high
  Claim empty_span = MakeClaim(20, 20, 5);
  store.Add(MakeDoc("good1", "first text here"), {MakeClaim(0, 5, 1)});
  store.Add(MakeDoc("bad-bounds", "second text here is long enough"), {MakeClaim(0, 5, 1), bad});
  store.Add(MakeDoc("bad-span", "third text here is long enough"), {empty_span});
  store.Add(MakeDoc("good2", "fourth text here"), {MakeClaim(0, 5, 1), MakeClaim(6, 10, 2)});
  store.Flush();
  CHECK(store.counts().failed == 2);
  CHECK(store.counts().new_articles == 2);
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].find("bad-bounds") == 0);
  CHECK(failures[0].find("check constraint") != std::string::npos);
  CHECK(failures[1].find("bad-span") == 0);
  CHECK(db.Count("SELECT count(*) FROM articles") == 2);
  CHECK(db.Count("SELECT count(*) FROM claims") == 3);
  // Never half an article: no claims of the failed ones.
  CHECK(db.Count("SELECT count(*) FROM articles WHERE doc_id LIKE 'bad%'") == 0);
}

TEST_CASE("the schema rejects rows that break its constraints", "[db]") {
  Db db;
  pqxx::nontransaction tx(db.conn);
  tx.exec("INSERT INTO articles (id, content_sha256, extractor_version) VALUES (1, repeat('a', 64), 'v')");
  auto rejects = [&](const std::string& sql) {
    try {
      tx.exec(sql);
      return false;
    } catch (const pqxx::sql_error&) {
      return true;
    }
  };
  const std::string head =
      "INSERT INTO claims (article_id, claim_no, start_byte, end_byte, qualifier, kind, category, low, high) VALUES ";
  CHECK_FALSE(rejects(head + "(1, 0, 0, 5, 'exact', 'count', 'other', 1, 2)"));
  CHECK(rejects(head + "(1, 0, 0, 5, 'exact', 'count', 'other', 1, 2)"));      // duplicate key
  CHECK(rejects(head + "(1, 1, 5, 5, 'exact', 'count', 'other', 1, 2)"));      // empty span
  CHECK(rejects(head + "(1, 2, 0, 5, 'exact', 'count', 'other', 3, 2)"));      // low > high
  CHECK(rejects(head + "(1, 3, 0, 5, 'roughly', 'count', 'other', 1, 2)"));    // qualifier
  CHECK(rejects(head + "(1, 4, 0, 5, 'exact', 'weight', 'other', 1, 2)"));     // kind
  CHECK(rejects(head + "(1, 5, 0, 5, 'exact', 'count', 'sports', 1, 2)"));     // category
  CHECK(rejects(head + "(99, 6, 0, 5, 'exact', 'count', 'other', 1, 2)"));     // no such article
  CHECK(rejects("INSERT INTO articles (content_sha256, extractor_version) VALUES (repeat('a', 64), 'v')"));
  CHECK(rejects("INSERT INTO articles (content_sha256, extractor_version) VALUES ('xyz', 'v')"));
  CHECK(rejects("INSERT INTO speakers (name, type, canonical) VALUES ('x', 'robot', 'x')"));
  CHECK(rejects("INSERT INTO claims (article_id, claim_no, qualifier, kind, category, aggregation) "
                "VALUES (1, 7, 'exact', 'count', 'other', 'sometimes')"));
  CHECK(rejects("UPDATE claims SET article_id = 98 WHERE claim_no = 0"));      // no such article
  tx.exec("INSERT INTO speakers (id, name, type, canonical) VALUES (1, 'UN', 'organization', 'United Nations')");
  CHECK_FALSE(rejects(head + "(1, 8, 0, 5, 'exact', 'count', 'other', 1, 2)"));
  CHECK_FALSE(rejects("UPDATE claims SET speaker_id = 1 WHERE claim_no = 8"));
  CHECK(rejects("UPDATE claims SET speaker_id = 2 WHERE claim_no = 8"));       // no such speaker
  CHECK(rejects("DELETE FROM speakers WHERE id = 1"));                          // still used
  // Deleting an article deletes its claims.
  tx.exec("DELETE FROM articles WHERE id = 1");
  CHECK(tx.exec1("SELECT count(*) FROM claims")[0].as<int>() == 0);
}

TEST_CASE("migrations apply once, and a changed applied file is refused", "[db]") {
  Db db;  // already migrated once
  CHECK(ApplyMigrations(db.conn).empty());
  CHECK(db.Count("SELECT count(*) FROM schema_migrations") == (long long)MigrationStatus(db.conn).size());
  for (const MigrationState& m : MigrationStatus(db.conn)) {
    CHECK(m.applied());
    CHECK_FALSE(m.changed());
  }
  // A home whose 0001 differs from what was applied.
  char tmpl[] = "/tmp/cxh.XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  std::string home = tmpl;
  std::filesystem::create_directories(home + "/migrations");
  for (const auto& f : std::filesystem::directory_iterator(std::string(CLAIMEX_SOURCE_DIR_T) + "/migrations")) {
    std::filesystem::copy_file(f.path(), home + "/migrations/" + f.path().filename().string());
  }
  std::ofstream(home + "/migrations/0001_init.sql", std::ios::app) << "\n-- edited\n";
  std::ofstream(home + "/migrations/0099_extra.sql") << "CREATE TABLE extra (x int);\n";
  setenv("CLAIMEX_HOME", home.c_str(), 1);
  bool changed_seen = false;
  for (const MigrationState& m : MigrationStatus(db.conn)) {
    if (m.name == "0001_init.sql") changed_seen = m.changed();
    if (m.name == "0099_extra.sql") CHECK_FALSE(m.applied());
  }
  CHECK(changed_seen);
  CHECK_THROWS_WITH(ApplyMigrations(db.conn), Catch::Contains("0001_init.sql was changed"));
  CHECK(db.Count("SELECT count(*) FROM schema_migrations WHERE filename = '0099_extra.sql'") == 0);
  unsetenv("CLAIMEX_HOME");
  std::filesystem::remove_all(home);
}

}  // namespace claimex
