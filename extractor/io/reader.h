// Reads articles from paths: `.txt` files (one article each), `.jsonl`
// files (one article per line: {"id","source","url","title","published",
// "text"}, only "text" required), directories (recursively, in sorted
// order), "-" for standard input (JSON Lines when the first non-blank byte
// is '{', else one plain-text article), and any of these gzip-compressed
// (`.gz`).
//
// Items are delivered in input order as they are read, one document at a
// time, so memory stays bounded by the largest document. Bad input never
// stops the run: each bad document (invalid UTF-8, NUL bytes, malformed JSON
// line, missing "text", empty or whitespace-only file, missing or unreadable
// path, impossible date, truncated gzip, over max_doc_bytes) is delivered as
// an InputError naming the file, the JSON Lines line, and the reason.
//
// For `.txt` documents, options.published / options.source win; when they
// are unset, the byline and dateline are sniffed (see io/byline.h).
//
//   ReadInputs({"fixtures/"}, options, [&](InputItem&& item) {
//     if (auto* doc = std::get_if<Document>(&item)) ...; return true; });
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "extractor/core/date.h"
#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace claimex {

struct ReaderOptions {
  std::optional<Date> published;  // --published, overrides what the input says
  std::string source;             // --source, overrides what the input says
  std::size_t max_doc_bytes = 16u << 20;
};

using InputItem = std::variant<Document, InputError>;
// Return false to stop reading early.
using InputSink = std::function<bool(InputItem&&)>;

// Returns false when the sink asked to stop, true otherwise.
bool ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputSink& sink);

}  // namespace claimex
