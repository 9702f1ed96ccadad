// QuantityRecognizer API contract: spans and number spans, order and no
// overlap, rule names for --explain, bounds per qualifier, and the filters'
// near-misses. The example corpora (tests/corpora/quantity/) cover the rules
// one by one through the whole pipeline; this checks the stage alone.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/quantity/recognizer.h"

using namespace claimex;

namespace {

std::vector<Quantity> Run(const QuantityRecognizer& r, std::string_view text) {
  Segmentation none;
  return r.Recognize(text, none);
}

bool HasRule(const Quantity& q, std::string_view rule) {
  for (std::string_view r : q.rules) {
    if (r == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("mention and number spans", "[quantity]") {
  QuantityRecognizer r;
  std::string text = "The violence has displaced more than 388,000 civilians since December.";
  auto qs = Run(r, text);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].span.of(text) == "more than 388,000");
  CHECK(qs[0].number_span.of(text) == "388,000");
  CHECK(qs[0].qualifier == Qualifier::kLowerBound);
  CHECK(*qs[0].value == 388000);
  CHECK(*qs[0].low == 388000);
  CHECK_FALSE(qs[0].high.has_value());
  CHECK(HasRule(qs[0], "number.digits"));
  CHECK(HasRule(qs[0], "qualifier.before"));
}

TEST_CASE("currency and unit stay in the mention, the counted noun does not", "[quantity]") {
  QuantityRecognizer r;
  std::string text = "Aid groups need \xE2\x82\xAC" "40m for 1,500 Syrian pounds of bread and 300 tonnes of flour.";
  auto qs = Run(r, text);
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].span.of(text) == "\xE2\x82\xAC" "40m");
  CHECK(qs[0].unit == "EUR");
  CHECK(*qs[0].value == 40000000);
  CHECK(qs[1].span.of(text) == "1,500 Syrian pounds");
  CHECK(qs[1].unit == "SYP");
  CHECK(qs[2].span.of(text) == "300 tonnes");
  CHECK(qs[2].kind == Kind::kMeasure);
  CHECK(*qs[2].norm_value == 300000);
  CHECK(qs[2].norm_unit == "kg");
}

TEST_CASE("results are sorted and never overlap", "[quantity]") {
  QuantityRecognizer r;
  std::string text =
      "Between 15 and 20 centimetres of rain fell, 2 to 3 million homes lost power, $10bn-$15bn in damage, "
      "and tens of thousands fled; about 40% of them, aged 20 to 30, are now back.";
  auto qs = Run(r, text);
  REQUIRE(qs.size() >= 5);
  for (std::size_t i = 1; i < qs.size(); ++i) {
    CHECK(qs[i - 1].span.end <= qs[i].span.start);
  }
  for (const Quantity& q : qs) {
    CHECK(q.span.contains(q.number_span));
    CHECK_FALSE(q.rules.empty());
  }
}

TEST_CASE("bounds follow the qualifier", "[quantity]") {
  QuantityRecognizer r;
  auto one = [&](std::string text) {
    auto qs = Run(r, text);
    REQUIRE(qs.size() == 1);
    return qs[0];
  };
  Quantity up = one("Nearly 500 homes burned.");
  CHECK(up.qualifier == Qualifier::kUpperBound);
  CHECK_FALSE(up.low.has_value());
  CHECK(*up.high == 500);
  Quantity approx = one("Some 300 acres burned.");
  CHECK(approx.qualifier == Qualifier::kApproximate);
  CHECK_FALSE(approx.low.has_value());
  CHECK_FALSE(approx.high.has_value());
  Quantity range = one("Between 100,000 and 120,000 remain.");
  CHECK(range.qualifier == Qualifier::kRange);
  CHECK_FALSE(range.value.has_value());
  CHECK(*range.low == 100000);
  CHECK(*range.high == 120000);
  Quantity vague = one("Dozens were hurt.");
  CHECK(vague.qualifier == Qualifier::kVague);
  CHECK(*vague.low == 24);
  CHECK(*vague.high == 99);
  Quantity passed = one("The toll passed 1,100.");
  CHECK(passed.span.start == 9);
  CHECK(passed.change == Change::kUp);
}

TEST_CASE("near-misses are not quantities", "[quantity]") {
  QuantityRecognizer r;
  for (const char* text : {"The M5 highway reopened.", "It happened in 2016.", "Resolution 2254 was cited.",
                           "COVID-19 spread.", "She was the second person.", "They won 3-1.", "Call 0800 555 0199.",
                           "On Jan 29, 2020, talks began.", "At 3 p.m. the talks began.", "No one came.",
                           "Several villages burned.", "In the 1990s it grew.", "The iPhone 15 sold well."}) {
    INFO(text);
    CHECK(Run(r, text).empty());
  }
}
