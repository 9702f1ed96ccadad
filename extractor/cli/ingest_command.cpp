// PLACEHOLDER until its issue lands: `claimex ingest` answers exit 2.
#include <iostream>

#include "extractor/cli/commands.h"

namespace claimex::cli {

void AddIngestCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("ingest", "Extract claims and store them in PostgreSQL");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "claimex ingest: not implemented yet\n";
    exit_code = 2;
  });
}

}  // namespace claimex::cli
