// Qualifier words around a figure (quantity_qualifiers.txt): "more than",
// "about", "up to", ... before it; "or more", "or so", "plus" after it; and
// verbs of passing a mark ("passed 1,100", "topped") that belong to the
// mention. SetBounds turns a qualifier and a figure into SPEC bounds.
//
//   QualifierMatcher q;
//   if (auto m = q.Before(text, number_start)) m->qualifier ...
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/quantity/text_scan.h"

namespace claimex::quantity {

struct QualifierMatch {
  Span span;
  Qualifier qualifier = Qualifier::kExact;
  bool verb = false;         // a passing verb ("topped")
  Change change = Change::kNone;
  std::string_view phrase;   // as in the lexicon, for --explain
};

class QualifierMatcher {
 public:
  QualifierMatcher();
  // A qualifier (or passing verb) ending right before `pos`, separated by spaces.
  std::optional<QualifierMatch> Before(std::string_view text, std::size_t pos) const;
  // A qualifier right after `end` ("or more" after spaces, "+" or "-plus" glued).
  std::optional<QualifierMatch> After(std::string_view text, std::size_t end) const;

 private:
  struct Def {
    std::string phrase;
    Qualifier qualifier;
    int position;  // 0 before, 1 after, 2 verb
    Change change;
  };
  std::vector<Def> defs_;
  PhraseTable before_, after_;
};

// Fills value/low/high from a figure per SPEC: exact → all three; approximate
// → value; lower_bound → value = low; upper_bound → value = high.
void SetBounds(Quantity& q, double value);

}  // namespace claimex::quantity
