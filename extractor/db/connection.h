// Connecting to the claimex database and bringing its schema up to date.
//
// Where the database is, first match wins:
//   1. DbOptions::url (the --db option): a libpq URL or key=value string;
//   2. DATABASE_URL;
//   3. libpq's own environment (PGHOST, PGHOSTADDR, PGDATABASE, PGSERVICE,
//      PGPORT): the empty connection string, so libpq reads it;
//   4. otherwise claimex's own managed cluster (extractor/db/cluster.h),
//      started on demand and left running.
//
//   DbOptions options{url};
//   std::unique_ptr<pqxx::connection> conn = OpenDatabase(options);
//   EnsureMigrated(*conn);
//
// Failures that the user must fix (unreachable server, missing PostgreSQL
// binaries, changed migration) throw DbError with a message fit to print
// as is; the CLI catches it at one boundary and exits 2.
#pragma once

#include <pqxx/pqxx>

#include <memory>
#include <stdexcept>
#include <string>

namespace claimex {

struct DbOptions {
  std::string url;  // --db URL; empty = DATABASE_URL / libpq env / managed cluster
};

// A database problem with a message for the user ("cannot connect to ...").
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The libpq connection string the options resolve to (see above). With
// `start_managed`, the managed cluster is created and started when it is the
// one chosen; without, its string is returned whether it runs or not.
std::string ResolveConnectionString(const DbOptions& options, bool start_managed);

// True when neither --db, DATABASE_URL nor the libpq environment is set,
// i.e. claimex would use its managed cluster.
bool UsesManagedCluster(const DbOptions& options);

// Connects (starting the managed cluster if it is the one chosen). Throws
// DbError naming the target (password masked) and libpq's reason.
std::unique_ptr<pqxx::connection> OpenDatabase(const DbOptions& options);

// Applies pending migrations (extractor/db/migrations.h); a no-op when the
// schema is current. Throws DbError on a changed, already-applied file.
void EnsureMigrated(pqxx::connection& conn);

// The environment variable `name`, "" when it is unset.
std::string EnvValue(const char* name);

}  // namespace claimex
