// Vague magnitudes with SPEC's bands (quantity_vague.txt): "tens of
// thousands" 10000..99999, "hundreds" 100..999, "dozens" 24..99, ...
//
//   VagueMatcher vague;
//   if (auto v = vague.At(text, pos)) v->low, v->high, v->span ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/span.h"
#include "extractor/quantity/text_scan.h"

namespace claimex::quantity {

struct VagueMatch {
  Span span;
  double low = 0, high = 0;
};

class VagueMatcher {
 public:
  VagueMatcher();
  // The longest vague phrase starting at `pos` (a word start), or nullopt.
  std::optional<VagueMatch> At(std::string_view text, std::size_t pos) const;
  // First words of every phrase, for the candidate pattern.
  std::vector<std::string> FirstWords() const;

 private:
  struct Def {
    std::string phrase;
    double low, high;
    bool needs_of;
  };
  std::vector<Def> defs_;
  PhraseTable table_;
};

}  // namespace claimex::quantity
