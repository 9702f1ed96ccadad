// Runs the extractor over inputs on N threads and hands the results back in
// input order, so the output is the same for any thread count. Used by both
// `claimex extract` and `claimex ingest`.
//
// With more than one thread, a reader thread feeds worker threads and the
// caller's thread delivers results in input order; at most a few documents
// per thread (and 64 MiB of text) are in flight, so memory is bounded by the
// largest documents, not by the corpus. Callbacks run on the caller's thread.
//
//   RunStats stats = RunExtraction(paths, options, 2, extractor,
//       [&](const Document& d, ExtractResult&& r) { writer.Write(d, r.claims); },
//       [&](const InputError& e) { spdlog::error("{}", e.ToString()); });
//
// `stop`, when given, is polled after each emitted result: once it returns
// true, no further input is read or emitted and RunExtraction returns soon
// (documents in flight are dropped). `claimex ingest` uses it to give up
// when the database is gone instead of extracting the rest for nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extractor/core/status.h"
#include "extractor/io/reader.h"
#include "extractor/pipeline/extractor.h"

namespace claimex {

struct RunStats {
  std::size_t documents = 0;  // extracted
  std::size_t failed = 0;     // input errors
  std::size_t claims = 0;
  std::size_t bytes = 0;      // text bytes extracted
};

using ResultSink = std::function<void(const Document&, ExtractResult&&)>;
using ErrorSink = std::function<void(const InputError&)>;
using StopCheck = std::function<bool()>;

RunStats RunExtraction(const std::vector<std::string>& paths, const ReaderOptions& options,
                       int threads, const Extractor& extractor, const ResultSink& on_result,
                       const ErrorSink& on_error, const StopCheck& stop = nullptr);

}  // namespace claimex
