#include "extractor/quantity/vague.h"

#include <cstdlib>

#include "extractor/core/lexicon.h"

namespace claimex::quantity {

VagueMatcher::VagueMatcher() {
  for (const LexiconRow& row : LoadLexicon("quantity_vague.txt")) {
    defs_.push_back({row[0], std::strtod(row.get(1).data(), nullptr), std::strtod(row.get(2).data(), nullptr),
                     row.get(3) == "of"});
    table_.Add(row[0], static_cast<int>(defs_.size() - 1));
  }
}

std::optional<VagueMatch> VagueMatcher::At(std::string_view text, std::size_t pos) const {
  if (WordCharBefore(text, pos)) return std::nullopt;
  auto m = table_.MatchAt(text, pos);
  if (!m) return std::nullopt;
  const Def& d = defs_[m->id];
  if (d.needs_of) {
    std::size_t p = SkipSpaces(text, m->end);
    if (p == m->end || LowerAscii(WordAt(text, p)) != "of") return std::nullopt;
  }
  return VagueMatch{{m->start, m->end}, d.low, d.high};
}

std::vector<std::string> VagueMatcher::FirstWords() const {
  std::vector<std::string> out;
  for (const Def& d : defs_) out.push_back(d.phrase.substr(0, d.phrase.find(' ')));
  return out;
}

}  // namespace claimex::quantity
