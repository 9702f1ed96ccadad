// A quantity mention while it is being parsed (mention_parser.cpp) and
// checked against the not-a-claim filters (filters.cpp), before it becomes a
// claimex::Quantity. Internal to extractor/quantity/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/quantity/number_parse.h"
#include "extractor/quantity/units.h"

namespace claimex::quantity {

enum class Connector { kNone, kDash, kTo, kAnd };

struct Draft {
  Span span;                   // the whole mention so far
  Figure f1;                   // the (first) figure
  std::optional<Figure> f2;    // the second figure of a range
  Connector connector = Connector::kNone;
  std::string currency;        // ISO code from a sign or code before the figure
  Span currency_span;
  std::optional<UnitMatch> unit;
  std::string unit_code;       // resolved code ("pound?" resolved)
  bool age = false;            // "aged 58", "62-year-old"
  bool vague = false;
  double vague_low = 0, vague_high = 0;
  bool proportion = false;     // value is already a percent
  bool negative = false;
  bool has_qualifier = false;
  Qualifier qualifier = Qualifier::kExact;
  Change change = Change::kNone;
  bool prefixed_range = false; // "between", "from"
  std::vector<std::string_view> rules;
  std::size_t resume = 0;      // where the candidate scan goes on
  std::string_view dropped;    // the filter rule that rejected it, empty if kept

  Kind kind = Kind::kCount;
  double multiplier = 1;       // from the unit ("cents" 0.01, "decades" 10)
};

}  // namespace claimex::quantity
