#include "extractor/db/migrations.h"

#include <spdlog/spdlog.h>

#include <map>

#include "extractor/db/connection.h"
#include "extractor/db/sha256.h"
#include "extractor/db/sql_files.h"

namespace claimex {
namespace {

// Arbitrary constant key of the advisory lock that serializes migrators.
constexpr long long kMigrationLockKey = 0x636c61696d6578;  // "claimex"

const char kCreateTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " filename text PRIMARY KEY,"
    " sha256 text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

std::map<std::string, MigrationState> Collect(pqxx::connection& conn) {
  std::map<std::string, MigrationState> states;
  for (const SqlFile& f : LoadSqlFiles("migrations")) {
    MigrationState& s = states[f.name];
    s.name = f.name;
    s.file_sha256 = Sha256Hex(f.text);
  }
  pqxx::read_transaction tx(conn);
  pqxx::row exists = tx.exec1("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (exists[0].as<bool>()) {
    pqxx::result rows = tx.exec(
        "SELECT filename, sha256, to_char(applied_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD HH24:MI:SS') FROM schema_migrations");
    for (const pqxx::row& r : rows) {
      MigrationState& s = states[r[0].c_str()];
      s.name = r[0].c_str();
      s.db_sha256 = r[1].c_str();
      s.applied_at = r[2].c_str();
    }
  }
  return states;
}

// Holds the session advisory lock for its lifetime.
class MigrationLock {
 public:
  explicit MigrationLock(pqxx::connection& conn) : conn_(conn) {
    pqxx::nontransaction(conn_).exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  }
  ~MigrationLock() {
    try {
      pqxx::nontransaction(conn_).exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
    } catch (...) {
      // The lock dies with the session anyway.
    }
  }

 private:
  pqxx::connection& conn_;
};

}  // namespace

std::vector<MigrationState> MigrationStatus(pqxx::connection& conn) {
  std::vector<MigrationState> out;
  for (auto& [name, s] : Collect(conn)) out.push_back(s);
  return out;
}

std::vector<std::string> ApplyMigrations(pqxx::connection& conn) {
  std::vector<std::string> applied;
  MigrationLock lock(conn);
  {
    pqxx::work tx(conn);
    tx.exec(kCreateTable);
    tx.commit();
  }
  std::map<std::string, MigrationState> states = Collect(conn);
  for (const auto& [name, s] : states) {
    if (s.changed()) {
      throw DbError("migration " + name + " was changed after it was applied (database has sha256 " +
                    s.db_sha256 + ", file has " + s.file_sha256 +
                    "); restore the original file and put the change in a new migration");
    }
    if (s.applied() && s.file_sha256.empty()) {
      spdlog::warn("migration {} is applied in the database but no longer exists as a file", name);
    }
  }
  std::map<std::string, std::string> texts;
  for (SqlFile& f : LoadSqlFiles("migrations")) texts[f.name] = std::move(f.text);
  for (const auto& [name, s] : states) {
    if (s.applied() || s.file_sha256.empty()) continue;
    try {
      pqxx::work tx(conn);
      tx.exec(texts[name]);
      tx.exec_params("INSERT INTO schema_migrations (filename, sha256) VALUES ($1, $2)", name,
                     s.file_sha256);
      tx.commit();
    } catch (const pqxx::sql_error& e) {
      throw DbError("migration " + name + " failed, nothing of it was applied: " + e.what());
    }
    spdlog::info("applied migration {}", name);
    applied.push_back(name);
  }
  return applied;
}

}  // namespace claimex
