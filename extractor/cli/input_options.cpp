#include "extractor/cli/input_options.h"

#include <spdlog/spdlog.h>

#include <thread>

namespace claimex::cli {

void AddInputOptions(CLI::App& cmd, InputOptions& options) {
  cmd.add_option("paths", options.paths, "Articles: files, directories or - for stdin")
      ->required();
  cmd.add_option("--published", options.published,
                 "Publication date YYYY-MM-DD for .txt input (else read from the byline)");
  cmd.add_option("--source", options.source, "Source name for .txt input (else from the byline)");
  cmd.add_option("--max-doc-bytes", options.max_doc_bytes,
                 "Refuse documents larger than this (default 16 MiB)");
  cmd.add_option("-j,--jobs", options.threads,
                 "Extraction threads (default 1; 0 = one per core)");
}

bool ToReaderOptions(const InputOptions& options, ReaderOptions& out) {
  out.source = options.source;
  out.max_doc_bytes = options.max_doc_bytes;
  if (!options.published.empty()) {
    out.published = ParseIsoDate(options.published);
    if (!out.published || options.published.size() != 10) {
      spdlog::error("--published: '{}' is not a valid date (YYYY-MM-DD)", options.published);
      return false;
    }
  }
  if (options.threads < 0) {
    spdlog::error("-j: must be 0 or more");
    return false;
  }
  return true;
}

int EffectiveThreads(int requested) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace claimex::cli
