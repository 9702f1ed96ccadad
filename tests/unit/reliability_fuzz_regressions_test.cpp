// Replays every fuzzer finding kept in tests/fuzz-regressions/<target>/
// (one raw libFuzzer input per file) through the stages the target fed, in
// every build: segmenter + quantity recognizer on a heap buffer of exactly
// the input's size (so an ASan build, scripts/sanitize-test, catches a read
// one past the end, as the fuzzer did), then the whole Extractor. Checks the
// invariants the fuzz targets check (fuzz/*.cpp): spans inside the text,
// in order, no NaN, low <= high. The fuzz build also replays them with the
// targets themselves (fuzz/CMakeLists.txt, tests fuzz-regression:*).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "extractor/pipeline/extractor.h"
#include "extractor/quantity/recognizer.h"
#include "extractor/text/segmenter.h"
#include "fuzz/fuzz_util.h"

namespace {

namespace fs = std::filesystem;
using namespace claimex;

struct Reproducer {
  std::string target, name, bytes;
};

std::vector<Reproducer> LoadReproducers() {
  std::vector<Reproducer> out;
  fs::path root = fs::path(CLAIMEX_SOURCE_DIR_T) / "tests" / "fuzz-regressions";
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      std::ifstream in(f.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      out.push_back({dir.path().filename().string(), f.path().filename().string(), bytes});
    }
  }
  return out;
}

bool Inside(const Span& s, std::size_t n, bool allow_empty = false) {
  return s.end <= n && s.start <= s.end && (allow_empty || s.start < s.end);
}

void CheckQuantities(std::string_view text) {
  static const Segmenter* segmenter = new Segmenter();
  static const QuantityRecognizer* recognizer = new QuantityRecognizer();
  Segmentation seg = segmenter->Segment(text);
  for (const Sentence& s : seg.sentences) CHECK(Inside(s.span, text.size(), true));
  std::size_t prev_end = 0;
  for (const Quantity& q : recognizer->Recognize(text, seg)) {
    CHECK(Inside(q.span, text.size()));
    CHECK(q.span.start >= prev_end);
    prev_end = q.span.end;
    if (!q.number_span.empty()) CHECK(q.span.contains(q.number_span));
    for (const auto* v : {&q.value, &q.low, &q.high, &q.norm_value}) CHECK(!(*v && std::isnan(**v)));
    if (q.low && q.high) CHECK(*q.low <= *q.high);
  }
}

void CheckExtractor(const std::string& text, std::optional<Date> published) {
  static const Extractor* extractor = new Extractor();
  Document doc;
  doc.id = "fuzz-regression";
  doc.text = text;
  doc.published = published;
  std::size_t last = 0;
  for (const Claim& c : extractor->Extract(doc).claims) {
    CHECK(Inside(c.quantity.span, text.size()));
    CHECK(Inside(c.entity_span, text.size(), true));
    CHECK(Inside(c.predicate_span, text.size(), true));
    if (c.time) CHECK(Inside(c.time->span, text.size()));
    if (c.speaker) CHECK(Inside(c.speaker->name_span, text.size(), true));
    CHECK(c.quantity.span.start >= last);
    last = c.quantity.span.start;
  }
}

TEST_CASE("fuzzer findings stay fixed", "[fuzz]") {
  std::vector<Reproducer> all = LoadReproducers();
  REQUIRE(!all.empty());  // the directory moved? then this test guards nothing
  for (const Reproducer& r : all) {
    INFO(r.target << "/" << r.name);
    std::string text = r.bytes;
    std::optional<Date> published;
    // fuzz_extractor and fuzz_time take the publication date from two bytes.
    if ((r.target == "fuzz_extractor" || r.target == "fuzz_time") && text.size() >= 2) {
      published = fuzz::DateFromBytes(static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]));
      text.erase(0, 2);
    }
    if (!fuzz::IsAcceptedText(text)) continue;  // the readers would refuse it
    // Exactly-sized heap copy: no terminating NUL to hide an overread.
    std::unique_ptr<char[]> exact(new char[text.size()]);
    std::memcpy(exact.get(), text.data(), text.size());
    CheckQuantities(std::string_view(exact.get(), text.size()));
    CheckExtractor(text, published);
  }
}

}  // namespace
