// PLACEHOLDER: subcommands whose issues have not landed yet answer exit 2.
#include <iostream>

#include "extractor/cli/commands.h"

namespace claimex::cli {

namespace {
void AddPending(CLI::App& app, const char* name, const char* help, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->allow_extras();
  cmd->callback([&exit_code, name] {
    std::cerr << "claimex " << name << ": not implemented yet\n";
    exit_code = 2;
  });
}
}  // namespace

void AddIngestCommand(CLI::App& app, int& exit_code) {
  AddPending(app, "ingest", "Extract claims and store them in PostgreSQL", exit_code);
}
void AddDbCommand(CLI::App& app, int& exit_code) {
  AddPending(app, "db", "Manage the database: migrate, status, start, stop, url", exit_code);
}
void AddReportCommand(CLI::App& app, int& exit_code) {
  AddPending(app, "report", "Run an SQL report over stored claims", exit_code);
}

}  // namespace claimex::cli
