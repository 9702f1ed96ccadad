// `claimex extract`: read articles, print claims (JSON Lines, CSV or table).
#include <spdlog/spdlog.h>

#include <iostream>

#include "extractor/cli/commands.h"
#include "extractor/cli/input_options.h"
#include "extractor/output/writer.h"
#include "extractor/pipeline/runner.h"

namespace claimex::cli {

void AddExtractCommand(CLI::App& app, int& exit_code) {
  struct Options {
    InputOptions input;
    std::string format = "jsonl";
    bool explain = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Find quantified claims in articles and print them, one record per claim.\n"
      "PATH may be a .txt article, a .jsonl file of articles, a directory (read\n"
      "recursively, sorted), '-' for stdin, or any of these gzip-compressed.\n"
      "Bad documents are reported on stderr and skipped; exit status 1 if any failed.");
  AddInputOptions(*cmd, opts->input);
  cmd->add_option("--format", opts->format, "Output format: jsonl (default), csv, table")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}));
  cmd->add_flag("--explain", opts->explain, "Add the names of the rules that produced each claim");
  cmd->callback([opts, &exit_code] {
    ReaderOptions reader;
    if (!ToReaderOptions(opts->input, reader)) {
      exit_code = 2;
      return;
    }
    std::ios::sync_with_stdio(false);
    auto writer = MakeClaimWriter(opts->format, std::cout, WriterOptions{opts->explain});
    Extractor extractor(opts->explain);
    RunStats stats = RunExtraction(
        opts->input.paths, reader, EffectiveThreads(opts->input.threads), extractor,
        [&](const Document& doc, ExtractResult&& result) {
          for (const std::string& w : result.warnings) spdlog::warn("{}: {}", doc.id, w);
          writer->Write(doc, result.claims);
        },
        [&](const InputError& e) { spdlog::error("{}", e.ToString()); });
    writer->Finish();
    spdlog::info("{} documents, {} claims, {} failed", stats.documents, stats.claims, stats.failed);
    exit_code = stats.failed > 0 ? 1 : 0;
  });
}

}  // namespace claimex::cli
