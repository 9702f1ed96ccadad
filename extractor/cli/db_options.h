// The --db option shared by `ingest`, `report` and `db`.
#pragma once

#include <CLI/CLI.hpp>

#include "extractor/db/connection.h"

namespace claimex::cli {

// Adds `--db URL` to `cmd`, stored in options.url. Without it claimex uses
// DATABASE_URL, the libpq environment (PGHOST, ...), else its managed cluster.
void AddDbOption(CLI::App& cmd, DbOptions& options);

}  // namespace claimex::cli
