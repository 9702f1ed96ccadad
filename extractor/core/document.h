// One article as read from input. Strings that are empty mean "unknown"
// (printed as null); `published` drives time resolution.
#pragma once

#include <optional>
#include <string>

#include "extractor/core/date.h"

namespace claimex {

struct Document {
  std::string id;      // the JSON Lines `id`, else the file path (+ ":line")
  std::string source;  // outlet or agency, e.g. "AFP"
  std::string url;
  std::string title;
  std::optional<Date> published;
  std::string text;    // valid UTF-8, the offsets of every claim refer to it

  std::string origin_file;  // for messages
  long origin_line = 0;     // 1-based JSON Lines line, else 0
};

}  // namespace claimex
