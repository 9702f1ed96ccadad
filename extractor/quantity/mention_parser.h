// Parses one quantity mention around a candidate position found by the
// recognizer's scan: currency sign, figure (digits, words, proportion or
// vague magnitude), range partner, unit, qualifiers before and after, and
// age wording ("aged 58", "62-year-old"); then runs the not-a-claim filters.
//
//   MentionParser parser(numbers, units, qualifiers, vague, context);
//   DocumentFacts facts(text);                 // one per document
//   std::optional<Draft> d = parser.Parse(text, pos, floor, facts);
//   // nullopt: nothing starts at pos; d->dropped non-empty: not a claim.
//
// `floor` is the end of the previous mention: qualifiers never reach before it.
#pragma once

#include <optional>
#include <string_view>

#include "extractor/quantity/context_words.h"
#include "extractor/quantity/draft.h"
#include "extractor/quantity/number_parse.h"
#include "extractor/quantity/qualifiers.h"
#include "extractor/quantity/units.h"
#include "extractor/quantity/vague.h"

namespace claimex::quantity {

class MentionParser {
 public:
  MentionParser(const NumberParser& numbers, const UnitMatcher& units, const QualifierMatcher& qualifiers,
                const VagueMatcher& vague, const ContextWords& context)
      : numbers_(numbers), units_(units), qualifiers_(qualifiers), vague_(vague), context_(context) {}

  std::optional<Draft> Parse(std::string_view text, std::size_t pos, std::size_t floor,
                             DocumentFacts& facts) const;

 private:
  std::optional<Figure> FigureAt(std::string_view text, std::size_t pos) const;
  void ParseRange(std::string_view text, Draft& d) const;
  void ParseUnit(std::string_view text, Draft& d, DocumentFacts& facts) const;
  void ParseBefore(std::string_view text, Draft& d, std::size_t floor) const;
  void FinishVague(std::string_view text, Draft& d, DocumentFacts& facts) const;

  const NumberParser& numbers_;
  const UnitMatcher& units_;
  const QualifierMatcher& qualifiers_;
  const VagueMatcher& vague_;
  const ContextWords& context_;
};

// Not-a-claim filters (filters.cpp): sets d.dropped to the rule name when the
// mention is a date, year, time of day, ordinal, identifier, phone or street
// number, list number, score, pronoun "one" or a duration that only scopes time.
void ApplyFilters(std::string_view text, const ContextWords& context, Draft& d);

}  // namespace claimex::quantity
