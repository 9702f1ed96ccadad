#include "extractor/attribution/canonical_names.h"

#include "extractor/attribution/tokens.h"
#include "extractor/core/ascii.h"
#include "extractor/core/lexicon.h"

namespace claimex::attribution {

namespace {

std::string StripArticle(std::string s) {
  for (std::string_view art : {"the ", "The ", "THE "}) {
    if (s.compare(0, art.size(), art) == 0) return s.substr(art.size());
  }
  return s;
}
}  // namespace

std::string CanonicalNames::Key(std::string_view name) {
  std::string s = StripArticle(CollapseSpaces(name));
  for (char& c : s) c = LowerAsciiChar(c);
  // "U.N." and "U.N" alike.
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

CanonicalNames::CanonicalNames() {
  for (const LexiconRow& row : LoadLexicon("attribution_aliases.txt")) {
    table_[Key(row[0])] = {std::string(row.get(1)), std::string(row.get(2))};
  }
}

std::string CanonicalNames::Canonical(std::string_view name) const {
  auto it = table_.find(Key(name));
  if (it != table_.end()) return it->second.first;
  return StripArticle(CollapseSpaces(name));
}

std::string CanonicalNames::Parent(std::string_view name) const {
  auto it = table_.find(Key(name));
  return it == table_.end() ? std::string() : it->second.second;
}

}  // namespace claimex::attribution
