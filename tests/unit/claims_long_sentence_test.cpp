// ClaimBuilder on a pathological "sentence": ~200 KB without a full stop and
// thousands of figures. Before pieces were cut, every rule rescanned the
// whole sentence per figure (quadratic: minutes at 1 MB); the ctest timeout
// catches a regression to that. Also checks the pieces still read the
// figures' neighbourhood (entity and time found in each repeated clause).
#include <catch2/catch.hpp>

#include <string>

#include "extractor/claims/claim_builder.h"
#include "extractor/text/segmenter.h"
#include "extractor/time/time_recognizer.h"

using namespace claimex;

TEST_CASE("a 200 KB sentence with thousands of figures is built clause by clause") {
  const std::string clause = "the army said about 1,200 people fled in December and ";
  std::string text;
  std::vector<Quantity> qs;
  while (text.size() < 200000) {
    std::size_t at = text.size() + clause.find("about 1,200");
    Quantity q;
    q.span = Span{at, at + std::string_view("about 1,200").size()};
    q.number_span = q.span;
    q.kind = Kind::kCount;
    qs.push_back(q);
    text += clause;
  }
  text += "officials said.";
  const std::size_t n = qs.size();
  REQUIRE(n > 3000);
  static const Segmenter segmenter;
  static const TimeRecognizer times;
  static const ClaimBuilder builder;
  Segmentation seg = segmenter.Segment(text);
  auto ts = times.Find(text, ParseIsoDate("2020-01-01"));
  std::vector<Claim> cs = builder.Build(text, seg, std::move(qs), ts);
  REQUIRE(cs.size() == n);
  std::size_t with_entity = 0, with_time = 0;
  for (const Claim& c : cs) {
    if (c.entity == "people") ++with_entity;
    if (c.time && c.time->text.find("December") != std::string::npos) ++with_time;
  }
  CHECK(with_entity == n);
  CHECK(with_time == n);
}
