// Input options shared by `extract` and `ingest`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "extractor/io/reader.h"

namespace claimex::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string published;  // YYYY-MM-DD
  std::string source;
  std::size_t max_doc_bytes = 16u << 20;
  int threads = 1;
};

void AddInputOptions(CLI::App& cmd, InputOptions& options);
// Validates and converts; logs the problem and returns false on a usage error.
bool ToReaderOptions(const InputOptions& options, ReaderOptions& out);
// -j value to thread count: 0 means one per core.
int EffectiveThreads(int requested);

}  // namespace claimex::cli
