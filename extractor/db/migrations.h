// Schema migrations: the numbered plain-SQL files of migrations/ (see
// sql_files.h), applied in name order, each in its own transaction together
// with its row in schema_migrations (filename, sha256 of the file bytes,
// applied_at). Applying is idempotent, and safe when several claimex
// processes start at once (a session advisory lock serializes them).
//
//   std::vector<std::string> done = ApplyMigrations(conn);  // names applied now
//
// CAVEAT: an applied migration whose file changed since is refused before
// anything runs (DbError naming the file and both checksums): released
// migrations are never edited, add a new numbered file instead.
#pragma once

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace claimex {

struct MigrationState {
  std::string name;         // "0001_init.sql"
  std::string file_sha256;  // empty when the file no longer exists
  std::string db_sha256;    // empty when not applied
  std::string applied_at;   // empty when not applied
  bool applied() const { return !db_sha256.empty(); }
  bool changed() const { return applied() && !file_sha256.empty() && file_sha256 != db_sha256; }
};

// Every migration known to the files or the database, by name. Read-only:
// a database without schema_migrations lists everything pending.
std::vector<MigrationState> MigrationStatus(pqxx::connection& conn);

// Applies pending migrations; returns their names (empty when current).
std::vector<std::string> ApplyMigrations(pqxx::connection& conn);

}  // namespace claimex
