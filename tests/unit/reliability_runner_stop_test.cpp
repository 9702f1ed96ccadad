// RunExtraction's stop check (pipeline/runner.h), which `claimex ingest`
// uses to give up once the database is gone: after the check turns true no
// further result is delivered and the call returns, on one thread and on
// several; without a check every document is delivered, in order.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/pipeline/runner.h"

namespace {

using namespace claimex;

std::string WriteCorpus(int n) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("claimex_runner_stop_" + std::to_string(::getpid()) + ".jsonl")).string();
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    out << "{\"id\": \"d" << i << "\", \"published\": \"2020-01-29\", \"text\": \"" << i + 3
        << " people were killed on Monday, officials said.\"}\n";
  }
  return path;
}

TEST_CASE("RunExtraction stops soon after the stop check says so", "[pipeline]") {
  const int n = 400;
  std::string path = WriteCorpus(n);
  Extractor extractor;
  for (int threads : {1, 2, 4}) {
    INFO("threads " << threads);
    std::vector<std::string> ids;
    bool stop = false;
    RunStats stats = RunExtraction(
        {path}, ReaderOptions{}, threads, extractor,
        [&](const Document& d, ExtractResult&&) {
          ids.push_back(d.id);
          if (ids.size() == 10) stop = true;  // e.g. the store failed here
        },
        [](const InputError&) {}, [&] { return stop; });
    CHECK(ids.size() == 10);  // nothing delivered after the check said stop
    CHECK(stats.documents == 10);
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "d0");
    CHECK(ids.back() == "d9");

    std::size_t all = 0;
    RunExtraction({path}, ReaderOptions{}, threads, extractor,
                  [&](const Document&, ExtractResult&&) { ++all; }, [](const InputError&) {});
    CHECK(all == std::size_t(n));
  }
  std::remove(path.c_str());
}

}  // namespace
