// Throughput benchmark of ClaimStore (COPY into PostgreSQL), behind
// `claimex db bench`: synthetic articles with realistic claims (every
// column filled, speakers shared across articles) are written in the
// schema `claimex_bench`, created, migrated and dropped around the run, so
// a real database is left as it was.
//
//   StoreBenchResult r = RunStoreBench(conn, {.articles = 20000, .claims_per_article = 50});
//   r.rows_per_s  // claim rows per second, article and speaker rows included in the time
#pragma once

#include <pqxx/pqxx>

#include <cstddef>

namespace claimex {

struct StoreBenchOptions {
  std::size_t articles = 20000;
  std::size_t claims_per_article = 50;
  std::size_t batch_articles = 1000;  // articles per transaction
};

struct StoreBenchResult {
  std::size_t articles = 0, claims = 0;
  double seconds = 0;
  double rows_per_s = 0;      // claim rows per second
  double articles_per_s = 0;
  double rerun_seconds = 0;   // the same input again: all unchanged, no claim written
  // CPU seconds of the write (synthetic data generation excluded): this
  // process, and the server backend when it runs on this machine (read from
  // /proc; 0 when not readable). On a busy machine wall time overstates the
  // cost; rows / max(client, server) CPU is what an idle machine could reach
  // with client and server overlapping on two cores.
  double client_cpu_seconds = 0, server_cpu_seconds = 0;
  double rows_per_cpu_s = 0;  // claims / max(client, server) CPU seconds
};

StoreBenchResult RunStoreBench(pqxx::connection& conn, const StoreBenchOptions& options);

}  // namespace claimex
