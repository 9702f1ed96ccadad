// Readers: every input form, every bad-input class, gzip/plain equivalence,
// directory order, stdin, size limits. Each test writes its inputs into a
// fresh temporary directory.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/io/reader.h"

using namespace claimex;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/claimex_io_test_XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

void Write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Gzip(const std::string& bytes) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::vector<InputItem> Read(const std::vector<std::string>& paths, ReaderOptions options = {}) {
  std::vector<InputItem> items;
  ReadInputs(paths, options, [&](InputItem&& item) {
    items.push_back(std::move(item));
    return true;
  });
  return items;
}

const Document& Doc(const InputItem& item) {
  if (auto* e = std::get_if<InputError>(&item)) FAIL("expected a document, got error " << e->ToString());
  return std::get<Document>(item);
}

const InputError& Err(const InputItem& item) {
  if (auto* d = std::get_if<Document>(&item)) FAIL("expected an error, got document " << d->id);
  return std::get<InputError>(item);
}

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string kArticle =
    "Syrian army says it retakes key town\nBy AFP - Jan 29,2020 - Last updated at Jan 29,2020\n"
    "BEIRUT — The violence has displaced more than 388,000 civilians since December.\n";

}  // namespace

TEST_CASE("txt: one article, id is the path as given, byline sniffed") {
  TempDir t;
  Write(t / "a.txt", kArticle);
  auto items = Read({t / "a.txt"});
  REQUIRE(items.size() == 1);
  const Document& d = Doc(items[0]);
  CHECK(d.id == t / "a.txt");
  CHECK(d.text == kArticle);
  REQUIRE(d.published);
  CHECK(FormatIsoDate(*d.published) == "2020-01-29");
  CHECK(d.source == "AFP");
}

TEST_CASE("txt: options override the byline") {
  TempDir t;
  Write(t / "a.txt", kArticle);
  ReaderOptions o;
  o.published = ParseIsoDate("2021-03-04");
  o.source = "Reuters";
  auto items = Read({t / "a.txt"}, o);
  const Document& d = Doc(items[0]);
  CHECK(FormatIsoDate(*d.published) == "2021-03-04");
  CHECK(d.source == "Reuters");
}

TEST_CASE("jsonl: fields, id fallback path:line, blank lines skipped, CRLF") {
  TempDir t;
  Write(t / "a.jsonl",
        "{\"id\": \"x1\", \"source\": \"AFP\", \"url\": \"http://u\", \"title\": \"T\", "
        "\"published\": \"2020-01-29\", \"text\": \"Some 20 people.\", \"topic\": [1, 2]}\n"
        "\n"
        "{\"text\": \"Only text.\", \"published\": \"2020-01-29T10:00:00Z\"}\r\n"
        "{\"id\": 42, \"text\": \"Numeric id.\", \"published\": null}\n");
  auto items = Read({t / "a.jsonl"});
  REQUIRE(items.size() == 3);
  const Document& a = Doc(items[0]);
  CHECK(a.id == "x1");
  CHECK(a.source == "AFP");
  CHECK(a.url == "http://u");
  CHECK(a.title == "T");
  CHECK(FormatIsoDate(*a.published) == "2020-01-29");
  CHECK(a.text == "Some 20 people.");
  CHECK(a.origin_line == 1);
  const Document& b = Doc(items[1]);
  CHECK(b.id == t / "a.jsonl:3");
  CHECK(FormatIsoDate(*b.published) == "2020-01-29");
  CHECK(b.text == "Only text.");
  const Document& c = Doc(items[2]);
  CHECK(c.id == "42");
  CHECK_FALSE(c.published);
}

TEST_CASE("jsonl: options fill in what a record lacks, the record's fields win") {
  TempDir t;
  Write(t / "a.jsonl",
        "{\"text\": \"a b\", \"published\": \"2020-01-29\", \"source\": \"AFP\"}\n{\"text\": \"c d\"}\n");
  ReaderOptions o;
  o.published = ParseIsoDate("2021-03-04");
  o.source = "Reuters";
  auto items = Read({t / "a.jsonl"}, o);
  CHECK(FormatIsoDate(*Doc(items[0]).published) == "2020-01-29");
  CHECK(Doc(items[0]).source == "AFP");
  CHECK(FormatIsoDate(*Doc(items[1]).published) == "2021-03-04");
  CHECK(Doc(items[1]).source == "Reuters");
}

TEST_CASE("jsonl: written dates in published are accepted") {
  TempDir t;
  Write(t / "a.jsonl", "{\"text\": \"x y\", \"published\": \"Wed, 29 Jan 2020 10:00:00 GMT\"}\n");
  CHECK(FormatIsoDate(*Doc(Read({t / "a.jsonl"})[0]).published) == "2020-01-29");
}

TEST_CASE("jsonl: every bad line is an error with its line number, the rest are read") {
  TempDir t;
  std::string nested(100000, '[');
  Write(t / "a.jsonl",
        "{\"text\": \"good one\"}\n"                        // 1
        "{\"text\": \"broken\"\n"                           // 2 malformed
        "{\"title\": \"no text\"}\n"                        // 3
        "{\"text\": 12}\n"                                  // 4
        "{\"text\": \"   \\n \"}\n"                         // 5 whitespace-only text
        "{\"text\": \"x\", \"published\": \"2020-02-30\"}\n"  // 6 impossible date
        "{\"text\": \"bad \xC3\x28 utf8\"}\n"               // 7
        "{\"text\": \"nul \\u0000 inside\"}\n"              // 8
        + nested + "\n"                                     // 9 deep nesting
        "[1, 2]\n"                                          // 10 not an object
        "{\"text\": \"\"}\n"                                // 11 empty text
        "{\"text\": \"x\", \"published\": \"yesterday\"}\n"   // 12
        "{\"text\": \"good two\"}\n");                      // 13
  auto items = Read({t / "a.jsonl"});
  REQUIRE(items.size() == 13);
  CHECK(Doc(items[0]).text == "good one");
  CHECK(Doc(items[12]).text == "good two");
  for (int i = 1; i < 12; ++i) {
    INFO("line " << i + 1);
    CHECK(Err(items[i]).line == i + 1);
    CHECK(Err(items[i]).file == t / "a.jsonl");
  }
  CHECK(Contains(Err(items[1]).reason, "malformed JSON"));
  CHECK(Contains(Err(items[2]).reason, "no \"text\""));
  CHECK(Contains(Err(items[3]).reason, "not a string"));
  CHECK(Contains(Err(items[4]).reason, "whitespace"));
  CHECK(Contains(Err(items[5]).reason, "impossible published date '2020-02-30'"));
  CHECK(Contains(Err(items[6]).reason, "invalid UTF-8 at byte 14"));
  CHECK(Contains(Err(items[7]).reason, "NUL"));
  CHECK(Contains(Err(items[8]).reason, "malformed JSON"));
  CHECK(Contains(Err(items[9]).reason, "not a JSON object"));
  CHECK(Contains(Err(items[10]).reason, "empty"));
  CHECK(Contains(Err(items[11]).reason, "not a date"));
}

TEST_CASE("txt: bad files are errors naming the file and the reason") {
  TempDir t;
  Write(t / "utf8.txt", "caf\xC3\xA9 ok then \xFF bad");
  Write(t / "nul.txt", std::string("abc\0def", 7));
  Write(t / "empty.txt", "");
  Write(t / "blank.txt", " \n\t\n ");
  Write(t / "utf16.txt", std::string("\xFF\xFEh\0i\0", 6));
  Write(t / "utf16be.txt", std::string("\xFE\xFF\0h\0i", 6));
  Write(t / "binary.txt", std::string("\x01\x02\x03\x04 some \x05\x06\x07 stuff", 20));
  auto items = Read({t / "utf8.txt", t / "nul.txt", t / "empty.txt", t / "blank.txt",
                     t / "utf16.txt", t / "utf16be.txt", t / "binary.txt", t / "missing.txt"});
  REQUIRE(items.size() == 8);
  CHECK(Err(items[0]).reason == "invalid UTF-8 at byte 14");
  CHECK(Contains(Err(items[1]).reason, "NUL byte at byte 3"));
  CHECK(Err(items[2]).reason == "empty file");
  CHECK(Contains(Err(items[3]).reason, "whitespace"));
  CHECK(Contains(Err(items[4]).reason, "UTF-16"));
  CHECK(Contains(Err(items[5]).reason, "UTF-16"));
  CHECK(Contains(Err(items[6]).reason, "binary"));
  CHECK(Contains(Err(items[7]).reason, "No such file"));
  CHECK(Err(items[7]).file == t / "missing.txt");
  CHECK(Err(items[0]).file == t / "utf8.txt");
}

TEST_CASE("a few stray control characters do not make a text binary") {
  TempDir t;
  Write(t / "a.txt", "Some 12 people\v\f were\x1b[31m hurt.\a\n");
  CHECK(Doc(Read({t / "a.txt"})[0]).text.size() == 34);
}

TEST_CASE("UTF-8 BOM is stripped") {
  TempDir t;
  Write(t / "a.txt", "\xEF\xBB\xBFHello 5 people.");
  Write(t / "b.jsonl", "\xEF\xBB\xBF{\"text\": \"Hi.\"}\n");
  auto items = Read({t / "a.txt", t / "b.jsonl"});
  CHECK(Doc(items[0]).text == "Hello 5 people.");
  CHECK(Doc(items[1]).text == "Hi.");
}

TEST_CASE("gzip and plain give identical documents") {
  TempDir t;
  std::string jsonl = "{\"id\": \"a\", \"text\": \"one\"}\n{\"text\": \"two\"}\n";
  std::string big;  // several inflate chunks
  while (big.size() < 300000) big += kArticle;
  Write(t / "a.txt", big);
  Write(t / "gz/a.txt", Gzip(big));
  std::filesystem::rename(t / "gz/a.txt", t / "a.txt.gz");
  Write(t / "b.jsonl", jsonl);
  Write(t / "b.jsonl.gz", Gzip(jsonl));
  Write(t / "c.jsonl.gz", Gzip("{\"text\": \"one\"}\n") + Gzip("{\"text\": \"two\"}\n"));  // two members
  auto plain = Read({t / "a.txt", t / "b.jsonl"});
  auto gz = Read({t / "a.txt.gz", t / "b.jsonl.gz"});
  REQUIRE(plain.size() == 3);
  REQUIRE(gz.size() == 3);
  CHECK(Doc(gz[0]).text == Doc(plain[0]).text);
  CHECK(Doc(gz[0]).published == Doc(plain[0]).published);
  CHECK(Doc(gz[0]).source == Doc(plain[0]).source);
  CHECK(Doc(gz[1]).id == "a");
  CHECK(Doc(gz[1]).text == "one");
  CHECK(Doc(gz[2]).text == "two");
  CHECK(Doc(gz[2]).id == t / "b.jsonl.gz:2");
  auto members = Read({t / "c.jsonl.gz"});
  REQUIRE(members.size() == 2);
  CHECK(Doc(members[1]).text == "two");
}

TEST_CASE("truncated gzip: an error, documents before the damage are delivered") {
  TempDir t;
  std::string jsonl;
  for (int i = 0; i < 2000; ++i) jsonl += "{\"text\": \"document number " + std::to_string(i) + " with some words\"}\n";
  std::string gz = Gzip(jsonl);
  Write(t / "a.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto items = Read({t / "a.jsonl.gz"});
  REQUIRE(items.size() >= 2);
  std::size_t docs = items.size() - 1;
  CHECK(docs > 100);
  for (std::size_t i = 0; i < docs; ++i) {
    CHECK(Doc(items[i]).text == "document number " + std::to_string(i) + " with some words");
  }
  CHECK(Contains(Err(items.back()).reason, "truncated gzip"));
  CHECK(Err(items.back()).file == t / "a.jsonl.gz");

  std::string gzt = Gzip(kArticle);
  Write(t / "b.txt.gz", gzt.substr(0, gzt.size() - 6));
  auto txt = Read({t / "b.txt.gz"});
  REQUIRE(txt.size() == 1);
  CHECK(Contains(Err(txt[0]).reason, "truncated gzip"));
}

TEST_CASE("max_doc_bytes: over-size documents are refused, reading stops at the limit") {
  TempDir t;
  Write(t / "big.txt", std::string(5000, 'a'));
  Write(t / "ok.txt", std::string(100, 'a'));
  Write(t / "a.jsonl", "{\"text\": \"" + std::string(5000, 'b') + "\"}\n{\"text\": \"short\"}\n" +
                           "{\"text\": \"" + std::string(1500, 'c') + "\"}\n");
  ReaderOptions o;
  o.max_doc_bytes = 1000;
  auto items = Read({t / "big.txt", t / "ok.txt", t / "a.jsonl"}, o);
  REQUIRE(items.size() == 5);
  CHECK(Contains(Err(items[0]).reason, "over the limit of 1000"));
  CHECK(Doc(items[1]).text.size() == 100);
  CHECK(Err(items[2]).line == 1);
  CHECK(Doc(items[3]).text == "short");
  CHECK(Err(items[4]).line == 3);
  CHECK(Contains(Err(items[4]).reason, "over the limit of 1000"));
}

TEST_CASE("directories: recursive, byte-wise sorted, only known extensions, loops end") {
  TempDir t;
  Write(t / "d/b.txt", "B text.");
  Write(t / "d/a.txt", "A text.");
  Write(t / "d/a/z.txt", "AZ text.");  // "a.txt" < "a/z.txt" byte-wise ('.' < '/')
  Write(t / "d/C.txt", "C text.");     // upper case sorts first
  Write(t / "d/notes.md", "skipped");
  Write(t / "d/.hidden.txt", "skipped");
  Write(t / "d/sub/deeper/x.jsonl", "{\"id\": \"x\", \"text\": \"X text.\"}\n");
  Write(t / "d/sub/y.json", "{\"id\": \"y\", \"text\": \"Y text.\"}");
  Write(t / "d/sub/z.json", "[{\"text\": \"Z1.\"}, {\"id\": \"z2\", \"text\": \"Z2.\"}]");
  Write(t / "d/sub/w.txt.gz", Gzip("W text."));
  REQUIRE(::symlink("..", (t / "d/sub/loop").c_str()) == 0);
  auto items = Read({t / "d"});
  std::vector<std::string> ids;
  for (const InputItem& i : items) ids.push_back(Doc(i).id);
  std::string d = t / "d";
  std::vector<std::string> want = {d + "/C.txt",      d + "/a.txt",      d + "/a/z.txt",
                                   d + "/b.txt",      "x",               d + "/sub/w.txt.gz",
                                   "y",               d + "/sub/z.json:1", "z2"};
  CHECK(ids == want);
  // A trailing slash gives no double slash.
  CHECK(Doc(Read({d + "/"})[0]).id == d + "/C.txt");
}

TEST_CASE("stdin: JSON Lines when it starts with '{', else one text article named '-'") {
  TempDir t;
  Write(t / "in.jsonl", "  \n{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
  REQUIRE(std::freopen((t / "in.jsonl").c_str(), "rb", stdin));
  auto items = Read({"-"});
  REQUIRE(items.size() == 2);
  CHECK(Doc(items[0]).id == "-:2");
  CHECK(Doc(items[1]).text == "two");

  Write(t / "in.txt", kArticle);
  REQUIRE(std::freopen((t / "in.txt").c_str(), "rb", stdin));
  items = Read({"-"});
  REQUIRE(items.size() == 1);
  CHECK(Doc(items[0]).id == "-");
  CHECK(Doc(items[0]).text == kArticle);
  CHECK(Doc(items[0]).source == "AFP");

  Write(t / "in.gz", Gzip(kArticle));
  REQUIRE(std::freopen((t / "in.gz").c_str(), "rb", stdin));
  items = Read({"-"});
  REQUIRE(items.size() == 1);
  CHECK(Doc(items[0]).text == kArticle);
}

TEST_CASE("the sink can stop reading") {
  TempDir t;
  Write(t / "a.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
  int seen = 0;
  bool finished = ReadInputs({t / "a.jsonl", t / "a.jsonl"}, {}, [&](InputItem&&) {
    ++seen;
    return false;
  });
  CHECK_FALSE(finished);
  CHECK(seen == 1);
}

TEST_CASE("the fixture reads with its byline date and source") {
  auto items = Read({std::string(CLAIMEX_SOURCE_DIR_T) + "/fixtures/afp-2020-01-29-syria-idlib.txt"});
  REQUIRE(items.size() == 1);
  const Document& d = Doc(items[0]);
  REQUIRE(d.published);
  CHECK(FormatIsoDate(*d.published) == "2020-01-29");
  CHECK(d.source == "AFP");
}

TEST_CASE("random damage to JSON lines and texts: one item per line or file, no crash") {
  TempDir t;
  const std::string good =
      "{\"id\": \"a\", \"published\": \"2020-01-29\", \"source\": \"AFP\", \"text\": \"More than "
      "388,000 civilians \\u00e9 \\\"fled\\\" since December.\", \"extra\": [1, {\"b\": null}]}";
  unsigned seed = 12345;
  auto rnd = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  std::string jsonl;
  int lines = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string line = good;
    for (unsigned k = rnd() % 4; k > 0; --k) {  // 0-3 byte edits
      std::size_t at = rnd() % line.size();
      char c = static_cast<char>(rnd() % 256);
      if (c == '\n') c = 'x';
      if (rnd() % 3 == 0) line.erase(at, 1);
      else if (rnd() % 2 == 0) line.insert(at, 1, c);
      else line[at] = c;
    }
    bool blank = line.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
    if (!blank) ++lines;
    jsonl += line + "\n";
    if (i % 100 == 0) Write(t / ("t" + std::to_string(i) + ".txt"), line);
  }
  Write(t / "a.jsonl", jsonl);
  auto items = Read({t / "a.jsonl"});
  CHECK(items.size() == static_cast<std::size_t>(lines));
  std::size_t docs = 0;
  for (const InputItem& i : items) docs += std::holds_alternative<Document>(i);
  CHECK(docs > 100);                    // light damage often leaves a valid record
  CHECK(docs < items.size());           // and often does not
  std::vector<std::string> txts;
  for (int i = 0; i < 3000; i += 100) txts.push_back(t / ("t" + std::to_string(i) + ".txt"));
  CHECK(Read(txts).size() == txts.size());
}
