// Scans the false-positive corpora (/work/shared/corpora: Brown press and
// State of the Union, JSON Lines) with QuantityRecognizer and checks, with an
// oracle independent of the recognizer's own filters, that no mention is a
// year, a date or an identifier. Prints a report (counts per kind, the
// violations, a few examples) and the recognizer's speed in CPU time.
// Set CLAIMEX_CORPORA_DIR to scan another folder.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extractor/io/reader.h"
#include "extractor/quantity/recognizer.h"

using namespace claimex;

namespace {

std::string CorporaDir() {
  if (const char* env = std::getenv("CLAIMEX_CORPORA_DIR")) return env;
  return std::string(CLAIMEX_SOURCE_DIR_T) + "/tests/data/corpora";
}

struct Oracle {
  // The whole mention is a year: "2016", "1990".
  RE2 year{"^(1[0-9]{3}|20[0-9]{2})$"};
  // A day next to a month name: "Jan 29", "29 January", "March 4, 1861".
  RE2 month_before{"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+$"};
  RE2 month_after{"^\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b"};
  RE2 slash_date{"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}$"};
  // Identifiers: letters glued to the digits, or a naming word right before.
  RE2 glued{"[A-Za-z][0-9]|[0-9](?:st|nd|rd|th)\\b|[A-Z]-[0-9]"};
  RE2 id_before{"(?i)\\b(?:resolution|article|section|chapter|page|no\\.|highway|route|flight|boeing|airbus|"
                "h\\.\\s?r\\.|room|apollo|interstate)\\s+$"};

  std::string Violation(std::string_view text, const Quantity& q) const {
    std::string_view m = q.span.of(text);
    std::size_t b = q.span.start > 30 ? q.span.start - 30 : 0;
    std::string_view before = text.substr(b, q.span.start - b);
    std::string_view after = text.substr(q.span.end, std::min<std::size_t>(30, text.size() - q.span.end));
    if (RE2::FullMatch(m, year)) return "year";
    if (q.kind == Kind::kCount && !m.empty() && m[0] >= '0' && m[0] <= '9' &&
        RE2::PartialMatch(before, month_before) && q.value && *q.value <= 31)
      return "date";
    if (q.kind == Kind::kCount && RE2::PartialMatch(after, month_after)) return "date";
    if (RE2::FullMatch(m, slash_date)) return "date";
    if (RE2::PartialMatch(m, glued)) return "identifier";
    if (RE2::PartialMatch(before, id_before)) return "identifier";
    return "";
  }
};

}  // namespace

TEST_CASE("no years, dates or identifiers in the press and SOTU corpora", "[quantity][corpus]") {
  const std::string dir = CorporaDir();
  std::vector<std::string> files;
  for (const char* name : {"brown-press.jsonl", "sotu.jsonl.gz"}) {
    if (std::filesystem::exists(dir + "/" + name)) files.push_back(dir + "/" + name);
  }
  REQUIRE(files.size() == 2);  // fail, not skip, when the corpora are missing
  QuantityRecognizer recognizer;
  Oracle oracle;
  Segmentation no_segments;
  std::map<std::string, int> kinds;
  std::map<std::string, int> violations;
  std::vector<std::string> examples, samples;
  std::size_t docs = 0, bytes = 0, found = 0;
  double cpu = 0;
  std::vector<std::string> read_errors;
  ReadInputs(files, ReaderOptions{}, [&](InputItem&& item) {
    if (auto* err = std::get_if<InputError>(&item)) {
      read_errors.push_back(err->ToString());
      return true;
    }
    {
      const std::string& text = std::get<Document>(item).text;
      ++docs;
      bytes += text.size();
      std::clock_t t0 = std::clock();
      std::vector<Quantity> qs = recognizer.Recognize(text, no_segments);
      cpu += double(std::clock() - t0) / CLOCKS_PER_SEC;
      for (const Quantity& q : qs) {
        ++found;
        ++kinds[std::string(ToString(q.kind))];
        std::string why = oracle.Violation(text, q);
        std::size_t b = q.span.start > 30 ? q.span.start - 30 : 0;
        std::string ctx = std::string(text.substr(b, q.span.start - b)) + "[" + std::string(q.span.of(text)) + "]" +
                          std::string(text.substr(q.span.end, std::min<std::size_t>(25, text.size() - q.span.end)));
        for (char& c : ctx) {
          if (c == '\n') c = ' ';
        }
        if (!why.empty()) {
          ++violations[why];
          if (examples.size() < 15) examples.push_back(why + ": " + ctx);
        } else if (found % 2500 == 0 && samples.size() < 8) {
          samples.push_back(ctx);
        }
      }
    }
    return true;
  });
  double mbps = cpu > 0 ? bytes / 1e6 / cpu : 0;
  std::printf("corpus scan: %zu documents, %.1f MB, %zu quantities", docs, bytes / 1e6, found);
  for (const auto& [k, n] : kinds) std::printf(", %s %d", k.c_str(), n);
  std::printf("\nrecognizer speed: %.1f MB/s (CPU time, one thread)\n", mbps);
  int total_violations = 0;
  for (const auto& [k, n] : violations) total_violations += n;
  std::printf("violations: %d", total_violations);
  for (const auto& [k, n] : violations) std::printf(", %s %d", k.c_str(), n);
  std::printf("\n");
  for (const std::string& e : examples) std::printf("  VIOLATION %s\n", e.c_str());
  for (const std::string& s : samples) std::printf("  sample %s\n", s.c_str());
  CHECK(found > 10000);            // the scan really ran
  CHECK(total_violations == 0);
  CHECK(read_errors.empty());
  // Speed is printed, never asserted: timing belongs to bench/run.
}
