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
// Directory walks read only names ending .txt, .jsonl, .json or .gz (others
// are skipped with a debug log, as are hidden entries); symbolic links are
// followed, each directory entered once (link loops end). Files are read in
// byte-wise order of their full paths. A path named explicitly is read
// whatever its name: .txt as text, .jsonl/.ndjson as JSON Lines, .json as
// one record, an array of records or JSON Lines; any other name (and "-")
// by its first non-blank byte. Gzip is detected by its magic bytes.
//
// Document ids: the path as given for text ("-" for stdin); the record's
// "id" for JSON, else "path:line" ("path:N" for the N-th record of a .json
// array). A UTF-8 byte order mark is stripped; UTF-16 input is refused.
//
// For plain-text documents, options.published / options.source win; when
// they are unset, the byline and dateline are sniffed (see io/byline.h).
// For JSON records the record's own "published"/"source" win and the
// options fill in what a record lacks. A JSON Lines line may be at most
// 2 * max_doc_bytes + 64 KiB long (escapes take room); longer lines are
// skipped without being held in memory.
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
  std::optional<Date> published;  // --published: wins over a byline, fills in a JSON record
  std::string source;             // --source: likewise
  std::size_t max_doc_bytes = 16u << 20;
};

using InputItem = std::variant<Document, InputError>;
// Return false to stop reading early.
using InputSink = std::function<bool(InputItem&&)>;

// Returns false when the sink asked to stop, true otherwise.
bool ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputSink& sink);

}  // namespace claimex
