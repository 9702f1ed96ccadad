// ClaimBuilder on hand-built quantities (independent of the quantity
// recognizer): the AFP fixture's sentences field for field, subsets,
// baselines, speech-dated times and clause scoping.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/claims/claim_builder.h"
#include "extractor/text/segmenter.h"
#include "extractor/time/time_recognizer.h"

using namespace claimex;

namespace {

struct Mention {
  const char* text;       // the mention as written (first occurrence)
  Kind kind = Kind::kCount;
  const char* unit = "";
};

std::vector<Claim> Build(std::string_view text, const char* published, std::vector<Mention> ms) {
  static const Segmenter segmenter;
  static const TimeRecognizer times;
  static const ClaimBuilder builder;
  std::vector<Quantity> qs;
  std::size_t from = 0;
  for (const Mention& m : ms) {
    std::size_t at = text.find(m.text, from);
    REQUIRE(at != std::string_view::npos);
    Quantity q;
    q.span = Span{at, at + std::string_view(m.text).size()};
    q.number_span = q.span;
    q.kind = m.kind;
    q.unit = m.unit;
    qs.push_back(q);
    from = at + 1;
  }
  Segmentation seg = segmenter.Segment(text);
  auto ts = times.Find(text, ParseIsoDate(published));
  // As the pipeline does: durations inside a time expression are not claims.
  return builder.Build(text, seg, std::move(qs), ts);
}

std::string D(const std::optional<TimeScope>& t, bool start) {
  if (!t) return "none";
  const auto& d = start ? t->start : t->end;
  return d ? FormatIsoDate(*d) : "null";
}

}  // namespace

TEST_CASE("AFP fixture: displaced civilians since December, then a subset") {
  std::string_view text =
      "The violence in the northwest has displaced more than 388,000 civilians since December, the "
      "United Nations says.\nAt least 20,000 of them have moved in the last two days, said UN "
      "Undersecretary General for Humanitarian Affairs Mark Lowcock on Wednesday.";
  auto cs = Build(text, "2020-01-29", {{"more than 388,000"}, {"At least 20,000"}});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].entity == "civilians");
  CHECK(cs[0].entity_span.of(text) == "civilians");
  CHECK(cs[0].predicate == "displace");
  CHECK(cs[0].predicate_span.of(text) == "displaced");
  CHECK(cs[0].category == Category::kDisplacement);
  CHECK(cs[0].aggregation == Aggregation::kCumulative);
  CHECK(cs[0].change == Change::kNone);
  REQUIRE(cs[0].time);
  CHECK(cs[0].time->text == "since December");
  CHECK(D(cs[0].time, true) == "2019-12-01");
  CHECK(D(cs[0].time, false) == "2020-01-29");
  CHECK(cs[1].entity == "civilians");
  CHECK(cs[1].category == Category::kDisplacement);
  CHECK(D(cs[1].time, true) == "2020-01-27");
  CHECK(D(cs[1].time, false) == "2020-01-29");
  CHECK(cs[1].aggregation == Aggregation::kIncrement);
}

TEST_CASE("AFP fixture: territory shares and distances") {
  std::string_view text =
      "The Syrian army, which now control around 70 per cent of Syria, have repeatedly vowed to "
      "retake the entire country.\nTo the north of Maaret Al Numan, the front line had been pushed "
      "back to within 10 kilometres of Saraqeb, the next town on the M5 highway, its director Rami "
      "Abdel Rahman said.\nThe army has recaptured around 27 towns and villages from their rivals "
      "in southern Idlib since January 24.";
  auto cs = Build(text, "2020-01-29",
                  {{"around 70 per cent", Kind::kPercent, "percent"},
                   {"within 10 kilometres", Kind::kMeasure, "km"},
                   {"around 27"}});
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].entity == "syria");
  CHECK(cs[0].predicate == "control");
  CHECK(cs[0].category == Category::kTerritory);
  CHECK(!cs[0].time);
  CHECK(cs[0].aggregation == Aggregation::kNone);
  CHECK(cs[1].entity == "saraqeb");
  CHECK(cs[1].category == Category::kTerritory);
  CHECK(cs[2].entity == "towns and villages");
  CHECK(cs[2].predicate == "recapture");
  CHECK(D(cs[2].time, true) == "2020-01-24");
  CHECK(D(cs[2].time, false) == "2020-01-29");
  CHECK(cs[2].aggregation == Aggregation::kCumulative);
}

TEST_CASE("a time after a speech verb does not date the claim") {
  std::string_view text = "The agency said on Tuesday that 4,100 people were displaced.";
  auto cs = Build(text, "2020-02-05", {{"4,100"}});
  REQUIRE(cs.size() == 1);
  CHECK(!cs[0].time);
  CHECK(cs[0].entity == "people");
}

TEST_CASE("rose by X is a difference, rose to Y the new level") {
  std::string_view text = "Exports rose by 12% to $4.1 billion in March.";
  auto cs = Build(text, "2023-04-10", {{"12%", Kind::kPercent, "percent"}, {"$4.1 billion", Kind::kMoney, "USD"}});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].change == Change::kUp);
  CHECK(cs[0].aggregation == Aggregation::kIncrement);
  CHECK(cs[0].entity == "exports");
  CHECK(cs[1].change == Change::kUp);
  CHECK(cs[1].aggregation == Aggregation::kNone);
  CHECK(D(cs[1].time, true) == "2023-03-01");
}

TEST_CASE("up from X: the new level went up, the baseline has no change") {
  std::string_view text = "A loaf now costs 800 pounds, up from 200 pounds a year ago.";
  auto cs = Build(text, "2023-04-10", {{"800 pounds", Kind::kMoney, "SYP"}, {"200 pounds", Kind::kMoney, "SYP"}});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].change == Change::kUp);
  CHECK(cs[1].change == Change::kNone);
  CHECK(cs[1].entity == cs[0].entity);
  CHECK(!cs[0].time);
  CHECK(cs[0].category == Category::kEconomy);
}

TEST_CASE("a present-tense clause is not dated by a sentence-initial year") {
  std::string_view text = "In 2019, 310 schools were built, and 45 are under construction.";
  auto cs = Build(text, "2020-02-05", {{"310"}, {"45"}});
  REQUIRE(cs.size() == 2);
  CHECK(D(cs[0].time, true) == "2019-01-01");
  CHECK(cs[0].aggregation == Aggregation::kIncrement);
  CHECK(!cs[1].time);
  CHECK(cs[1].entity == "schools");
}

TEST_CASE("without a publication date the time text is kept, bounds null") {
  std::string_view text = "Floods have killed 40 people since Monday.";
  auto cs = Build(text, "", {{"40"}});
  REQUIRE(cs.size() == 1);
  REQUIRE(cs[0].time);
  CHECK(cs[0].time->text == "since Monday");
  CHECK(!cs[0].time->start);
  CHECK(!cs[0].time->end);
  CHECK(cs[0].aggregation == Aggregation::kCumulative);
  CHECK(cs[0].category == Category::kCasualties);
}
