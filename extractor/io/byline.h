// Sniffs the publication date and source from the first lines of a plain-
// text article: "By AFP - Jan 29,2020 - Last updated at ...", "BEIRUT
// (Reuters) -", "WASHINGTON, March 3 (AP) —", "Published: 2020-02-17", ISO
// dates. Only the head of the article is looked at (first ~2 KB / 12 lines).
// A date without a year is not guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extractor/core/date.h"

namespace claimex {

struct Byline {
  std::optional<Date> published;
  std::string source;  // "AFP", "Reuters", "AP"; empty when not found
};

Byline SniffByline(std::string_view text);

}  // namespace claimex
