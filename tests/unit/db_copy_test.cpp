// The COPY path of ClaimStore (extractor/db/copy_in.h) and the parallel
// writers of AsyncClaimStore, against a real PostgreSQL: a throwaway managed
// cluster (or $CLAIMEX_TEST_DB, a server URL on which the test may create
// databases). Each TEST_CASE that needs one gets a fresh database.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <mutex>

#include "extractor/db/async_store.h"
#include "extractor/db/cluster.h"
#include "extractor/db/copy_binary.h"
#include "extractor/db/copy_in.h"
#include "extractor/db/migrations.h"
#include "extractor/db/store.h"
#include "tests/unit/test_server.h"

namespace claimex {
namespace {

using testing::TestServer;

struct Db : testing::Db {
  Db() : testing::Db("c") {}
};
using testing::MakeClaim;
using testing::MakeDoc;

std::string Double(double v) {
  std::string s;
  CopyAppendDouble(s, v);
  return s;
}

}  // namespace

TEST_CASE("COPY fields are formatted and escaped like PostgreSQL's text format", "[db]") {
  std::string s;
  CopyAppendText(s, "a\tb\nc\rd\\e \"f\" é");
  CHECK(s == "a\\tb\\nc\\rd\\\\e \"f\" é");
  s.clear();
  CopyAppendTextOrNull(s, "");
  CHECK(s == "\\N");
  s.clear();
  CopyAppendInt(s, -1234567890123LL);
  CHECK(s == "-1234567890123");
  // Doubles as "%.17g", what libpqxx wrote before (the same numeric is stored).
  for (double v : {0.0, 1.0, -3.0, 388000.0, 0.1, 2.5, 123456.789, 1e-7, 1e15, 1e16, 2.5e20, -0.5,
                   999999999999999.0, 1.0 / 3}) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    CHECK(Double(v) == buf);
  }
  CHECK(Double(std::numeric_limits<double>::infinity()) == "\\N");
  CHECK(Double(std::nan("")) == "\\N");
  s.clear();
  CopyAppendDouble(s, std::nullopt);
  CHECK(s == "\\N");
}

TEST_CASE("binary numerics carry numeric_in's base-10000 digits and display scale", "[db]") {
  auto hex = [](std::string_view text) {
    std::string bytes, out;
    if (!NumericFromDecimal(text, bytes)) return std::string("refused");
    for (unsigned char ch : bytes) out += fmt::format("{:02x}", ch);
    return out;
  };
  // ndigits, weight, sign, dscale, then the digits (all int16, big-endian).
  CHECK(hex("388000") == "0002000100000000" "0026" "1f40");   // 38|8000, weight 1
  CHECK(hex("0") == "0000000000000000");
  CHECK(hex("-0.5") == "0001ffff40000001" "1388");            // .5000, weight -1, scale 1
  CHECK(hex("12.50") == "0002000000000002" "000c" "1388");    // scale 2 kept, digits stripped
  CHECK(hex("1e-05") == "0001fffe00000005" "03e8");           // 0.0000|1000
  CHECK(hex("2.5e+20") == "0002000500000000" "0002" "1388");  // 2|5000 x 10000^5
  CHECK(hex("") == "refused");
  CHECK(hex("1.2.3") == "refused");
  CHECK(hex("1e") == "refused");
}

TEST_CASE("binary COPY stores numerics, dates and arrays as the text format did", "[db]") {
  Db db;
  pqxx::work tx(db.conn);
  tx.exec("CREATE TEMP TABLE t (id int, v numeric, sent text, d date, a text[])");
  const std::vector<double> values = {0.0,  1.0,   -3.0, 388000.0, 0.1,   2.5,   123456.789, 1e-7,
                                      1e15, 1e16, 2.5e20, -0.5,   999999999999999.0, 1.0 / 3, 1e-300,
                                      -1.25e-3, 7.0e22, 0.000123};
  {
    CopyIn copy(tx, "COPY t (id, v, sent, d, a) FROM STDIN (FORMAT binary)");
    std::string& out = copy.buffer();
    BinaryCopyHeader(out);
    for (std::size_t i = 0; i < values.size(); ++i) {
      BinaryAppendFieldCount(out, 5);
      BinaryAppendInt4(out, static_cast<int32_t>(i));
      BinaryAppendNumeric(out, values[i]);
      std::string sent;
      CopyAppendDouble(sent, values[i]);
      BinaryAppendText(out, sent);
      BinaryAppendDate(out, date::year{1999 + static_cast<int>(i)} / 2 / 28);
      BinaryAppendTextArray(out, {"number.digits", "qu\\ote\"d", std::to_string(i)});
    }
    BinaryAppendFieldCount(out, 5);
    BinaryAppendInt4(out, -1);
    BinaryAppendNumeric(out, std::nullopt);
    BinaryAppendNull(out);
    BinaryAppendDateOrNull(out, std::nullopt);
    BinaryAppendNull(out);
    BinaryCopyTrailer(out);
    CHECK(copy.Finish() == static_cast<long long>(values.size()) + 1);
  }
  // What numeric_in makes of the text the text format sent, digit for digit.
  CHECK(tx.exec("SELECT count(*) FROM t WHERE id >= 0 AND v::text = sent::numeric::text")[0][0].as<long long>() ==
        static_cast<long long>(values.size()));
  CHECK(tx.exec("SELECT v::text FROM t WHERE id = 4")[0][0].as<std::string>() == "0.10000000000000001");
  CHECK(tx.exec("SELECT d::text || ' ' || array_to_string(a, '|') FROM t WHERE id = 1")[0][0].as<std::string>() ==
        "2000-02-28 number.digits|qu\\ote\"d|1");
  CHECK(tx.exec("SELECT count(*) FROM t WHERE id = -1 AND v IS NULL AND d IS NULL AND a IS NULL")[0][0]
            .as<long long>() == 1);
}

TEST_CASE("claims with special characters round-trip through COPY", "[db]") {
  Db db;
  ClaimStore store(db.conn);
  std::string text = "Tab\there, back\\slash, \"quotes\", newline\nand café: 12 people";
  Claim c = MakeClaim(0, 3, 0.1);
  c.entity = "people\tin\\the \"camp\"";
  c.predicate = "line\nbreak";
  c.quantity.rules = {"rule\"quoted\"", "back\\slash"};
  c.speaker = Speaker{"the \"UN\"", SpeakerType::kOrganization, "", "says", "", {}, {}};
  Document doc = MakeDoc("d\t1", text);
  doc.title = "Title\r\nwith CRLF";
  std::size_t twelve = text.find("12");
  store.Add(doc, {c, MakeClaim(twelve, twelve + 2, 12)});
  store.Flush();
  REQUIRE(store.counts().claims == 2);
  CHECK(db.Text("SELECT text FROM claims WHERE claim_no = 0") == "Tab");
  CHECK(db.Text("SELECT entity FROM claims WHERE claim_no = 0") == c.entity);
  CHECK(db.Text("SELECT predicate FROM claims WHERE claim_no = 0") == "line\nbreak");
  CHECK(db.Text("SELECT array_to_string(rules, '|') FROM claims WHERE claim_no = 0") ==
        "rule\"quoted\"|back\\slash");
  CHECK(db.Text("SELECT value::text FROM claims WHERE claim_no = 0") == "0.10000000000000001");
  CHECK(db.Text("SELECT value::text FROM claims WHERE claim_no = 1") == "12");
  CHECK(db.Text("SELECT text FROM claims WHERE claim_no = 1") == "12");
  CHECK(db.Text("SELECT doc_id || '/' || title FROM articles") == "d\t1/Title\r\nwith CRLF");
  CHECK(db.Text("SELECT s.name || '/' || s.canonical FROM claims c JOIN speakers s ON s.id = c.speaker_id") ==
        "the \"UN\"/the \"UN\"");
  CHECK(db.Count("SELECT count(*) FROM claims WHERE speaker_id IS NULL") == 1);
}

TEST_CASE("COPY errors keep libpqxx's exception types and leave the connection usable", "[db]") {
  Db db;
  {
    pqxx::work tx(db.conn);
    tx.exec("INSERT INTO articles (id, content_sha256, extractor_version) VALUES (1, repeat('a', 64), 'v')");
    CopyIn copy(tx, "COPY claims (article_id, claim_no, qualifier, kind, category, low, high) FROM STDIN");
    copy.buffer() += "1\t0\texact\tcount\tother\t3\t2\n";  // low > high
    CHECK_THROWS_AS(copy.Finish(), pqxx::check_violation);
  }
  {
    pqxx::work tx(db.conn);
    CopyIn copy(tx, "COPY claims (article_id, claim_no, qualifier, kind, category) FROM STDIN");
    copy.buffer() += "99\t0\texact\tcount\tother\n";  // no such article (statement trigger)
    CHECK_THROWS_AS(copy.Finish(), pqxx::foreign_key_violation);
  }
  {
    pqxx::work tx(db.conn);
    CHECK_THROWS_AS(CopyIn(tx, "COPY no_such_table FROM STDIN"), pqxx::sql_error);
  }
  {
    // Abandoned midway (an exception between rows): the transaction is
    // aborted, so nothing of it is stored even if one tried to commit.
    pqxx::work tx(db.conn);
    tx.exec("INSERT INTO articles (id, content_sha256, extractor_version) VALUES (2, repeat('b', 64), 'v')");
    {
      CopyIn copy(tx, "COPY claims (article_id, claim_no, qualifier, kind, category) FROM STDIN");
      copy.buffer() += "2\t0\texact\tcount\tother\n";
    }
    try {
      tx.commit();
    } catch (const pqxx::failure&) {
    }
  }
  CHECK(db.Count("SELECT count(*) FROM articles") == 0);
  {
    pqxx::work tx(db.conn);
    tx.exec("INSERT INTO articles (id, content_sha256, extractor_version) VALUES (3, repeat('c', 64), 'v')");
    CopyIn copy(tx, "COPY claims (article_id, claim_no, qualifier, kind, category) FROM STDIN");
    for (int i = 0; i < 20000; ++i) {  // several chunks
      copy.buffer() += "3\t" + std::to_string(i) + "\texact\tcount\tother\n";
      copy.SendIfFull();
    }
    CHECK(copy.Finish() == 20000);
    tx.commit();
  }
  CHECK(db.Count("SELECT count(*) FROM claims") == 20000);
  CHECK(db.Count("SELECT count(*) FROM articles") == 1);
}

TEST_CASE("parallel writers store every article once, in independent batches", "[db]") {
  Db db;
  auto connections = [&](int n) {
    std::vector<std::unique_ptr<pqxx::connection>> v;
    for (int i = 0; i < n; ++i) v.push_back(std::make_unique<pqxx::connection>(db.url));
    return v;
  };
  StoreOptions options;
  options.batch_articles = 3;
  std::vector<std::string> failures;
  std::mutex mu;
  auto sink = [&](const std::string& doc, const std::string&) {
    std::lock_guard lock(mu);
    failures.push_back(doc);
  };
  {
    AsyncClaimStore store(connections(3), options, sink);
    for (int i = 0; i < 40; ++i) {
      std::string text = "Story " + std::to_string(i % 30) + ": 12 people were killed.";
      Claim bad = MakeClaim(0, 5, 1);
      bad.quantity.low = 9;
      bad.quantity.high = 1;  // low > high: this article fails alone
      store.Add(MakeDoc("d" + std::to_string(i), text), {MakeClaim(0, 5, 1)});
      if (i == 35) store.Add(MakeDoc("bad", "bad text"), {MakeClaim(0, 3, 1), bad});
    }
    StoreCounts c = store.Finish();
    CHECK(c.new_articles == 30);
    CHECK(c.unchanged == 10);  // texts 0..9 come twice
    CHECK(c.failed == 1);
    CHECK(c.claims == 30);
  }
  CHECK(failures == std::vector<std::string>{"bad"});
  CHECK(db.Count("SELECT count(*) FROM articles") == 30);
  CHECK(db.Count("SELECT count(*) FROM claims") == 30);
  CHECK(db.Count("SELECT count(DISTINCT content_sha256) FROM articles") == 30);
  // Again with one writer: nothing new.
  AsyncClaimStore again(connections(1), options, sink);
  for (int i = 0; i < 30; ++i) {
    again.Add(MakeDoc("e" + std::to_string(i), "Story " + std::to_string(i) + ": 12 people were killed."),
              {MakeClaim(0, 5, 1)});
  }
  StoreCounts c = again.Finish();
  CHECK(c.unchanged == 30);
  CHECK(c.claims == 0);
}

}  // namespace claimex
