#include "extractor/cli/db_options.h"

namespace claimex::cli {

void AddDbOption(CLI::App& cmd, DbOptions& options) {
  cmd.add_option("--db", options.url,
                 "PostgreSQL connection (URL or key=value string). Default: DATABASE_URL,\n"
                 "else libpq's PGHOST/PGDATABASE/..., else claimex's own local cluster\n"
                 "(see `claimex db --help`)");
}

}  // namespace claimex::cli
