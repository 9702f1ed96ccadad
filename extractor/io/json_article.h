// Turns one JSON article record into a Document, or says why it cannot:
//   {"id": "a1", "source": "AFP", "url": "...", "title": "...",
//    "published": "2020-01-29", "text": "..."}
// Only "text" is required and must be a non-empty string of valid UTF-8
// without NUL characters. "id" may be a string or an integer; when absent
// the caller's fallback id is used ("path:line"). "published" is an ISO date
// (a trailing time such as "T10:00:00Z" is ignored) or a written date
// ("Jan 29, 2020"); an impossible one (2020-02-30) is an error. Other
// fields (and fields of unexpected types other than text/published) are
// ignored. options.published / options.source fill in what the record
// lacks (the record's own fields win).
//
// JsonArticleParser keeps one simdjson DOM parser (reused buffers); one per
// thread. Malformed JSON and excessive nesting (simdjson's depth limit) are
// reported as errors, never crashes.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "extractor/io/reader.h"

namespace claimex {

class JsonArticleParser {
 public:
  // Parses one JSON Lines line (no trailing newline) into a document with
  // origin `file`:`line`. The line is parsed in place when it has
  // `padding` readable bytes past its end (simdjson reads ahead), else copied.
  InputItem ParseLine(std::string_view json, const std::string& file, long line,
                      const ReaderOptions& options, std::size_t padding = 0);
  // The record `value` of a .json file; `fallback_id` when it has no "id".
  InputItem FromElement(simdjson::dom::element value, const std::string& file, long line,
                        const std::string& fallback_id, const ReaderOptions& options);
  simdjson::dom::parser& parser() { return parser_; }

 private:
  simdjson::dom::parser parser_;
};

}  // namespace claimex
