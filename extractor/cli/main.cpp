// claimex: finds quantified claims in news articles and stores them in
// PostgreSQL. See README.md and ../shared/SPEC.md.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "extractor/cli/commands.h"

namespace claimex::cli {

void ConfigureLogging(int verbosity, const std::string& level) {
  auto logger = spdlog::stderr_color_mt("claimex");
  logger->set_pattern("claimex: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::level::level_enum lvl = spdlog::level::warn;
  if (verbosity == 1) lvl = spdlog::level::info;
  if (verbosity >= 2) lvl = spdlog::level::debug;
  if (!level.empty()) lvl = spdlog::level::from_str(level);
  spdlog::set_level(lvl);
}

}  // namespace claimex::cli

int main(int argc, char** argv) {
  CLI::App app{
      "claimex finds every quantified claim in news articles (a figure, what it counts,\n"
      "how hedged it is, when it holds and who says so) and stores normalized rows in\n"
      "PostgreSQL so that analysts can follow a figure over time and across sources."};
  app.set_version_flag("--version", std::string("claimex ") + CLAIMEX_VERSION);
  app.require_subcommand(1);
  int verbosity = 0;
  std::string log_level;
  app.add_flag("-v,--verbose", verbosity, "More log output on stderr (-v info, -vv debug)");
  app.add_option("--log-level", log_level, "Log level: trace, debug, info, warn, error, off");
  app.parse_complete_callback([&] { claimex::cli::ConfigureLogging(verbosity, log_level); });

  int exit_code = 0;
  claimex::cli::AddExtractCommand(app, exit_code);
  claimex::cli::AddIngestCommand(app, exit_code);
  claimex::cli::AddDbCommand(app, exit_code);
  claimex::cli::AddReportCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "claimex: error: " << e.what() << "\n";
    return 2;
  }
  return exit_code;
}
