// The SQL files claimex runs: migrations/*.sql (schema, applied by
// migrations.h) and sql/**/*.sql (views and reports). They are embedded in
// the binary at build time (cmake/embed_files.cmake), so claimex needs no
// install step. For development, $CLAIMEX_HOME overrides them: when set,
// the files are read from $CLAIMEX_HOME/migrations and $CLAIMEX_HOME/sql
// instead (e.g. CLAIMEX_HOME=/work/main to try an edited report without
// rebuilding).
//
//   for (const SqlFile& f : LoadSqlFiles("migrations")) ... f.name == "0001_init.sql"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimex {

struct SqlFile {
  std::string name;  // path relative to the directory, '/'-separated ("reports/series.sql")
  std::string text;
};

// Every *.sql under `dir` ("migrations" or "sql", recursively), sorted by
// name (byte order). Throws DbError (connection.h) when $CLAIMEX_HOME is set
// but its `dir` cannot be read.
std::vector<SqlFile> LoadSqlFiles(std::string_view dir);

// One file by directory and relative name ("sql", "reports/series.sql"):
// true and `out` filled when found, false otherwise.
bool FindSqlFile(std::string_view dir, std::string_view name, SqlFile& out);

}  // namespace claimex
