#include "extractor/db/connection.h"

#include <cstdlib>

#include "extractor/db/cluster.h"
#include "extractor/db/migrations.h"

namespace claimex {
namespace {

bool LibpqEnvironmentSet() {
  for (const char* name : {"PGHOST", "PGHOSTADDR", "PGDATABASE", "PGSERVICE", "PGPORT"}) {
    if (!EnvValue(name).empty()) return true;
  }
  return false;
}

// The target for messages, without a password ("postgresql://u:secret@h" ->
// "postgresql://u:***@h", "password=secret" -> "password=***").
std::string Masked(std::string conninfo) {
  std::size_t scheme = conninfo.find("://");
  if (scheme != std::string::npos) {
    std::size_t at = conninfo.find('@', scheme);
    std::size_t colon = conninfo.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      conninfo.replace(colon + 1, at - colon - 1, "***");
    }
  }
  std::size_t pw = conninfo.find("password=");
  if (pw != std::string::npos) {
    std::size_t end = conninfo.find_first_of(" &", pw);
    conninfo.replace(pw + 9, (end == std::string::npos ? conninfo.size() : end) - pw - 9, "***");
  }
  return conninfo;
}

}  // namespace

bool UsesManagedCluster(const DbOptions& options) {
  return options.url.empty() && EnvValue("DATABASE_URL").empty() && !LibpqEnvironmentSet();
}

std::string EnvValue(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

std::string ResolveConnectionString(const DbOptions& options, bool start_managed) {
  if (!options.url.empty()) return options.url;
  std::string url = EnvValue("DATABASE_URL");
  if (!url.empty()) return url;
  if (LibpqEnvironmentSet()) return "";
  ManagedCluster cluster = ManagedCluster::FromEnvironment();
  if (start_managed) cluster.Start();
  return cluster.ConnectionString();
}

std::unique_ptr<pqxx::connection> OpenDatabase(const DbOptions& options) {
  std::string conninfo = ResolveConnectionString(options, true);
  try {
    return std::make_unique<pqxx::connection>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    std::string target = conninfo.empty() ? "libpq environment (PGHOST, ...)" : Masked(conninfo);
    std::string reason = e.what();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    throw DbError("cannot connect to PostgreSQL at " + target + ": " + reason);
  }
}

void EnsureMigrated(pqxx::connection& conn) { ApplyMigrations(conn); }

}  // namespace claimex
