// PLACEHOLDER until its issue lands: `claimex db` answers exit 2.
#include <iostream>

#include "extractor/cli/commands.h"

namespace claimex::cli {

void AddDbCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("db", "Manage the database: migrate, status, start, stop, url");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "claimex db: not implemented yet\n";
    exit_code = 2;
  });
}

}  // namespace claimex::cli
