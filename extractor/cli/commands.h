// Each subcommand registers itself on the root CLI11 app. The callback sets
// `exit_code` (0 ok, 1 some documents or rows failed, 2 usage error).
#pragma once

#include <CLI/CLI.hpp>

namespace claimex::cli {

void AddExtractCommand(CLI::App& app, int& exit_code);
void AddIngestCommand(CLI::App& app, int& exit_code);
void AddDbCommand(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);

// Applies -v / --log-level to spdlog (stderr only; stdout carries data).
void ConfigureLogging(int verbosity, const std::string& level);

}  // namespace claimex::cli
