// Pathological documents the whole Extractor must get through (issue 8):
// a 5 MB line with no sentence end, 200,000 numbers in a row, deeply nested
// quotes, a million-digit number. No timing asserts (CI machines vary); the
// tests check that extraction finishes with well-formed claims, and that
// the pipeline is local: a document made of N copies of an article yields N
// times its claims, with the same figures (what linear cost relies on).
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <thread>
#include <sstream>
#include <string>

#include "extractor/pipeline/extractor.h"

namespace {

using claimex::Claim;
using claimex::Document;
using claimex::Extractor;

const Extractor& TheExtractor() {
  static const Extractor* e = new Extractor();
  return *e;
}

// A hang guard, not a speed assert: a stage that went quadratic would keep
// ctest busy for hours, so after CLAIMEX_HANG_SECONDS (default 300) the
// test reports the document and exits with failure.
claimex::ExtractResult Extract(const Document& doc, const char* what) {
  const char* env = std::getenv("CLAIMEX_HANG_SECONDS");
  const int limit = env ? std::atoi(env) : 300;
  auto task = std::async(std::launch::async, [&] { return TheExtractor().Extract(doc); });
  if (task.wait_for(std::chrono::seconds(limit)) != std::future_status::ready) {
    std::fprintf(stderr, "FAIL: %s (%zu bytes) did not finish in %d s: superlinear stage? "
                 "(tests/hostile/regressions/README.md)\n", what, doc.text.size(), limit);
    std::fflush(stderr);
    std::_Exit(1);
  }
  return task.get();
}

// The sizes below times CLAIMEX_HOSTILE_SCALE (default 1): scripts/sanitize-test
// runs them at a fifth, since ASan makes big inputs several times slower
// and a fifth walks the same code paths for memory errors.
std::size_t Scaled(std::size_t n) {
  const char* env = std::getenv("CLAIMEX_HOSTILE_SCALE");
  const double scale = env ? std::atof(env) : 1.0;
  return scale > 0 && scale < 1 ? static_cast<std::size_t>(static_cast<double>(n) * scale) : n;
}

Document Doc(std::string text) {
  Document d;
  d.id = "pathological";
  d.published = claimex::ParseIsoDate("2020-01-29");
  d.text = std::move(text);
  return d;
}

// Spans inside the text, claims in document order, finite figures.
void CheckWellFormed(const Document& doc, const std::vector<Claim>& claims) {
  std::size_t last = 0;
  for (const Claim& c : claims) {
    INFO("claim at " << c.quantity.span.start << ".." << c.quantity.span.end);
    REQUIRE(c.quantity.span.start < c.quantity.span.end);
    REQUIRE(c.quantity.span.end <= doc.text.size());
    REQUIRE(c.quantity.span.start >= last);
    last = c.quantity.span.start;
    for (const auto* v : {&c.quantity.value, &c.quantity.low, &c.quantity.high}) {
      if (*v) REQUIRE(!std::isnan(**v));
    }
    if (c.time) REQUIRE(c.time->span.end <= doc.text.size());
    if (c.speaker) REQUIRE(c.speaker->name_span.end <= doc.text.size());
  }
}

std::string ReadFixture() {
  std::ifstream in(std::string(CLAIMEX_SOURCE_DIR_T) + "/fixtures/afp-2020-01-29-syria-idlib.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a 5 MB line with no sentence end finishes", "[bench][pathological]") {
  std::string text;
  const char* words[] = {"and", "more", "than", "1,200", "people", "in", "3", "towns", "said",
                         "40", "per", "cent", "of", "$2.5", "billion", "since", "December"};
  for (std::size_t i = 0; text.size() < Scaled(5'000'000); ++i) {
    text += words[(i * 7 + i / 17) % 17];
    text += ' ';
  }
  Document doc = Doc(text);
  auto r = Extract(doc, "5 MB line");
  CheckWellFormed(doc, r.claims);
  CHECK(r.claims.size() > 1000);  // the figures in it are still found
}

TEST_CASE("200,000 numbers in a row finish", "[bench][pathological]") {
  std::string spaced, commas;
  const int count = static_cast<int>(Scaled(200'000));
  for (int i = 0; i < count; ++i) {
    spaced += std::to_string((i * 7919LL) % 100000) + " ";
    commas += std::to_string((i * 104729LL) % 10000000) + ", ";
  }
  for (std::string* t : {&spaced, &commas}) {
    Document doc = Doc(*t + "people.");
    auto r = Extract(doc, "200,000 numbers");
    CheckWellFormed(doc, r.claims);
    CHECK(r.claims.size() <= 200'000);
  }
}

TEST_CASE("deeply nested quotes finish", "[bench][pathological]") {
  std::string curly, straight, mixed;
  for (int i = 0; i < 50'000; ++i) curly += "\xE2\x80\x9C";  // “
  curly += "More than 20 people were killed";
  for (int i = 0; i < 50'000; ++i) curly += "\xE2\x80\x9D";  // ”
  curly += ", he said.";
  straight = std::string(100'001, '"') + " 30 people.";
  for (int i = 0; i < 20'000; ++i) mixed += "\"" + std::to_string(i) + " said \xE2\x80\x9Cthat ";
  for (std::string* t : {&curly, &straight, &mixed}) {
    Document doc = Doc(*t);
    auto r = Extract(doc, "nested quotes");
    CheckWellFormed(doc, r.claims);
  }
}

TEST_CASE("a million-digit number finishes", "[bench][pathological]") {
  // An out-of-range figure may be held as inf in memory; the writers and the
  // store print it as null (output/json_text.cpp, db/store.cpp).
  Document doc = Doc("The fund holds " + std::string(1'000'000, '9') + " dollars, and 12 people were hurt.");
  auto r = Extract(doc, "million-digit number");
  CheckWellFormed(doc, r.claims);
  CHECK(!r.claims.empty());  // "12 people" after it is still found
}

TEST_CASE("N copies of an article give N times its claims", "[bench][linear]") {
  const std::string article = ReadFixture();
  REQUIRE(!article.empty());
  Document one = Doc(article);
  auto single = Extract(one, "fixture");
  REQUIRE(!single.claims.empty());
  constexpr int kCopies = 40;
  std::string text;
  for (int i = 0; i < kCopies; ++i) text += article + "\n\n";
  Document many = Doc(text);
  auto r = Extract(many, "40 copies of the fixture");
  CheckWellFormed(many, r.claims);
  REQUIRE(r.claims.size() == kCopies * single.claims.size());
  // Same figures in the same order, copy after copy.
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const Claim& a = single.claims[i % single.claims.size()];
    const Claim& b = r.claims[i];
    INFO("claim " << i);
    CHECK(a.quantity.value == b.quantity.value);
    CHECK(a.quantity.span.size() == b.quantity.span.size());
  }
}
