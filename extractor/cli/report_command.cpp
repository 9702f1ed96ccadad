// PLACEHOLDER until its issue lands: `claimex report` answers exit 2.
#include <iostream>

#include "extractor/cli/commands.h"

namespace claimex::cli {

void AddReportCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("report", "Run an SQL report over stored claims");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "claimex report: not implemented yet\n";
    exit_code = 2;
  });
}

}  // namespace claimex::cli
