// `claimex db migrate|status|start|stop|url`: the schema and claimex's own
// PostgreSQL cluster (extractor/db/cluster.h).
#include <spdlog/spdlog.h>

#include <iostream>

#include "extractor/cli/commands.h"
#include "extractor/cli/db_options.h"
#include "extractor/db/cluster.h"
#include "extractor/db/connection.h"
#include "extractor/db/migrations.h"
#include "extractor/db/store_bench.h"
#include "extractor/report/report_runner.h"

namespace claimex::cli {
namespace {

// The one error boundary of `db`: user-fixable problems print one message.
template <typename F>
int Guard(F&& body) {
  try {
    return body();
  } catch (const DbError& e) {
    std::cerr << "claimex: error: " << e.what() << "\n";
  } catch (const pqxx::failure& e) {
    std::cerr << "claimex: error: database: " << e.what();
  }
  return 2;
}

void PrintMigrations(pqxx::connection& conn) {
  std::size_t pending = 0;
  for (const MigrationState& m : MigrationStatus(conn)) {
    std::string state;
    if (m.changed()) {
      state = "CHANGED since applied " + m.applied_at + " (sha256 was " + m.db_sha256.substr(0, 12) +
              ", file " + m.file_sha256.substr(0, 12) + ")";
    } else if (m.applied() && m.file_sha256.empty()) {
      state = "applied " + m.applied_at + " UTC, file missing";
    } else if (m.applied()) {
      state = "applied " + m.applied_at + " UTC";
    } else {
      state = "pending";
      ++pending;
    }
    std::cout << "migration " << m.name << "  " << state << "\n";
  }
  std::cout << "migrations pending: " << pending << "\n";
}

}  // namespace

void AddDbCommand(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand(
      "db",
      "Manage the database. Without --db, DATABASE_URL or PGHOST/PGDATABASE/..., claimex\n"
      "uses its own PostgreSQL cluster in $CLAIMEX_DATA_DIR (default\n"
      "~/.local/share/claimex/pgdata, or /var/lib/claimex/pgdata as root): Unix socket\n"
      "only, started on demand by ingest, report and db migrate, left running.");
  cmd->require_subcommand(1);

  CLI::App* migrate = cmd->add_subcommand(
      "migrate", "Apply pending migrations (each in a transaction; refuses changed ones) and\n"
      "(re)create the report views of sql/views/");
  AddDbOption(*migrate, *db);
  migrate->callback([db, &exit_code] {
    exit_code = Guard([&] {
      auto conn = OpenDatabase(*db);
      std::vector<std::string> applied = ApplyMigrations(*conn);
      for (const std::string& name : applied) std::cout << "applied " << name << "\n";
      if (applied.empty()) std::cout << "schema is up to date\n";
      // The report views live in sql/views/, not in migrations: (re)create
      // them here too so analysts' own SQL can use them before any report.
      if (EnsureViews(*conn)) std::cout << "report views (re)created\n";
      return 0;
    });
  });

  CLI::App* status = cmd->add_subcommand(
      "status", "Show the database in use, claimex's cluster state, applied and pending migrations");
  AddDbOption(*status, *db);
  status->callback([db, &exit_code] {
    exit_code = Guard([&] {
      if (UsesManagedCluster(*db)) {
        ManagedCluster cluster = ManagedCluster::FromEnvironment();
        bool running = cluster.Running();
        std::cout << "database: " << cluster.ConnectionString() << " (claimex's own cluster)\n"
                  << "cluster: " << (running ? "running" : cluster.Initialized() ? "stopped" : "not created")
                  << ", data directory " << cluster.data_dir() << "\n";
        if (!running) {
          std::cout << "migrations: unknown until the cluster runs (claimex db start)\n";
          return 0;
        }
      } else {
        std::string target = ResolveConnectionString(*db, false);
        std::cout << "database: " << (target.empty() ? "libpq environment (PGHOST, ...)" : "--db / DATABASE_URL")
                  << "\n";
      }
      auto conn = OpenDatabase(*db);
      PrintMigrations(*conn);
      return 0;
    });
  });

  CLI::App* start = cmd->add_subcommand(
      "start", "Create (initdb) and start claimex's own cluster if needed");
  start->callback([&exit_code] {
    exit_code = Guard([&] {
      ManagedCluster cluster = ManagedCluster::FromEnvironment();
      bool started = cluster.Start();
      std::cout << (started ? "started" : "already running") << ": " << cluster.data_dir() << "\n";
      return 0;
    });
  });

  CLI::App* stop = cmd->add_subcommand("stop", "Stop claimex's own cluster (fast shutdown)");
  stop->callback([&exit_code] {
    exit_code = Guard([&] {
      ManagedCluster cluster = ManagedCluster::FromEnvironment();
      bool stopped = cluster.Stop();
      std::cout << (stopped ? "stopped" : "not running") << ": " << cluster.data_dir() << "\n";
      return 0;
    });
  });

  auto bench = std::make_shared<StoreBenchOptions>();
  CLI::App* bench_cmd = cmd->add_subcommand(
      "bench",
      "Measure claim rows/s written through COPY (synthetic articles, in a scratch schema\n"
      "claimex_bench that is dropped afterwards). Prints one JSON line on stdout.");
  AddDbOption(*bench_cmd, *db);
  bench_cmd->add_option("--articles", bench->articles, "Articles to write (default 20000)");
  bench_cmd->add_option("--claims-per-article", bench->claims_per_article, "Claims each (default 50)");
  bench_cmd->add_option("--batch", bench->batch_articles, "Articles per transaction (default 1000)")
      ->check(CLI::PositiveNumber);
  bench_cmd->add_option("--writers", bench->writers, "Connections writing in parallel (default 2)")
      ->check(CLI::Range(1, 64));
  bench_cmd->callback([db, bench, &exit_code] {
    exit_code = Guard([&] {
      auto conn = OpenDatabase(*db);
      StoreBenchResult r = RunStoreBench(*conn, *bench);
      std::cerr << fmt::format(
          "claimex db bench: {} claim rows ({} articles), {} writer(s): {:.2f} s wall = {:.0f} rows/s, "
          "{:.0f} articles/s; re-run (all unchanged) {:.2f} s\n"
          "  CPU s: convert {:.2f} + client write {:.2f} + server {:.2f} = {:.1f} us per row -> "
          "{:.0f} rows/s on {} idle CPUs\n",
          r.claims, r.articles, r.writers, r.seconds, r.rows_per_s, r.articles_per_s, r.rerun_seconds,
          r.prepare_cpu_seconds, r.client_cpu_seconds, r.server_cpu_seconds, r.cpu_us_per_row,
          r.cpu_bound_rows_per_s, r.cpus);
      std::cout << fmt::format(
          "{{\"rows_per_s\": {:.0f}, \"articles_per_s\": {:.0f}, \"claims\": {}, \"articles\": {}, "
          "\"seconds\": {:.3f}, \"rerun_seconds\": {:.3f}, \"batch_articles\": {}, \"writers\": {}, "
          "\"prepare_cpu_s\": {:.3f}, \"client_cpu_s\": {:.3f}, \"server_cpu_s\": {:.3f}, "
          "\"cpu_us_per_row\": {:.2f}, \"cpus\": {}, \"cpu_bound_rows_per_s\": {:.0f}}}\n",
          r.rows_per_s, r.articles_per_s, r.claims, r.articles, r.seconds, r.rerun_seconds,
          bench->batch_articles, r.writers, r.prepare_cpu_seconds, r.client_cpu_seconds,
          r.server_cpu_seconds, r.cpu_us_per_row, r.cpus, r.cpu_bound_rows_per_s);
      return 0;
    });
  });

  CLI::App* url = cmd->add_subcommand(
      "url", "Print the libpq connection string in use, e.g. psql \"$(claimex db url)\"");
  AddDbOption(*url, *db);
  url->callback([db, &exit_code] {
    exit_code = Guard([&] {
      std::cout << ResolveConnectionString(*db, false) << "\n";
      return 0;
    });
  });
}

}  // namespace claimex::cli
