// One name per speaker across sources (Speaker::canonical): "UN", "the
// United Nations" and "the world body" all become "United Nations"; "OCHA"
// becomes "UN Office for the Coordination of Humanitarian Affairs", whose
// parent is "United Nations". The table is data:
// lexicons/attribution_aliases.txt.
//
//   CanonicalNames names;
//   names.Canonical("the U.N.")  // "United Nations"
//   names.Parent("OCHA")         // "United Nations"
//
// Names not in the table are their own canonical form, with a leading
// article dropped and whitespace collapsed. Thread-safe after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace claimex::attribution {

class CanonicalNames {
 public:
  CanonicalNames();
  std::string Canonical(std::string_view name) const;
  // The parent organisation, "" when none is known.
  std::string Parent(std::string_view name) const;

 private:
  static std::string Key(std::string_view name);
  std::unordered_map<std::string, std::pair<std::string, std::string>> table_;
};

}  // namespace claimex::attribution
