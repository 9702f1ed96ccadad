// Context word classes from quantity_context.txt that decide whether a figure
// is a claim: identifier words ("Resolution 2254"), month names, clock words
// ("3 p.m."), score words ("won 3-1"), street endings, movement verbs
// ("rose from X to Y"), time-scoping words ("the past ten days", "two years
// ago") and the words that make "one" a pronoun.
//
//   ContextWords ctx;
//   if (ctx.Before(text, pos, ContextWords::kIdentifier)) ...  // word ending at pos
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "extractor/quantity/text_scan.h"

namespace claimex::quantity {

class ContextWords {
 public:
  enum Class {
    kIdentifier, kIdentifierAfter, kMonth, kClock, kScore, kStreet, kChange, kTimeRef, kTimeAfter, kOneBefore,
    kOneAfter, kCapitalOk, kArticleBound, kClassCount
  };
  ContextWords();
  // A phrase of class `c` ending at `end` (after skipping spaces back from it).
  std::optional<PhraseMatch> Before(std::string_view text, std::size_t end, Class c) const;
  // A phrase of class `c` starting at `pos` (after skipping spaces; glued allowed
  // when `glued_ok`).
  std::optional<PhraseMatch> After(std::string_view text, std::size_t pos, Class c, bool glued_ok = false) const;
  // True when the lower-cased `word` is in class `c`.
  bool Is(std::string_view word, Class c) const;

 private:
  std::array<PhraseTable, kClassCount> tables_;
};

}  // namespace claimex::quantity
