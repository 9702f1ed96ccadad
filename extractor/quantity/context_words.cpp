#include "extractor/quantity/context_words.h"

#include <stdexcept>
#include <string>

#include "extractor/core/lexicon.h"

namespace claimex::quantity {

ContextWords::ContextWords() {
  static const std::pair<const char*, Class> kNames[] = {
      {"identifier", kIdentifier}, {"identifier_after", kIdentifierAfter}, {"month", kMonth},         {"clock", kClock},          {"score", kScore},
      {"street", kStreet},         {"change", kChange},       {"timeref", kTimeRef},      {"timeafter", kTimeAfter},
      {"one_before", kOneBefore},  {"one_after", kOneAfter},  {"capital_ok", kCapitalOk},
      {"article_bound", kArticleBound}};
  for (const LexiconRow& row : LoadLexicon("quantity_context.txt")) {
    bool found = false;
    for (const auto& [name, c] : kNames) {
      if (row.get(1) == name) {
        tables_[c].Add(row[0], 0);
        found = true;
      }
    }
    if (!found) {
      throw std::logic_error("quantity_context.txt:" + std::to_string(row.line) + ": unknown class " +
                             std::string(row.get(1)));
    }
  }
}

std::optional<PhraseMatch> ContextWords::Before(std::string_view text, std::size_t end, Class c) const {
  std::size_t q = SkipSpacesBack(text, end);
  return tables_[c].MatchBefore(text, q);
}

std::optional<PhraseMatch> ContextWords::After(std::string_view text, std::size_t pos, Class c,
                                               bool glued_ok) const {
  if (glued_ok) {
    if (auto m = tables_[c].MatchAt(text, pos)) return m;
  }
  std::size_t p = SkipSpaces(text, pos);
  if (p == pos) return std::nullopt;
  return tables_[c].MatchAt(text, p);
}

bool ContextWords::Is(std::string_view word, Class c) const {
  auto m = tables_[c].MatchAt(word, 0);
  return m && m->end == word.size();
}

}  // namespace claimex::quantity
