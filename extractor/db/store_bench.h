// Throughput benchmark of ClaimStore (COPY into PostgreSQL), behind
// `claimex db bench`: synthetic articles with realistic claims (every
// column filled, speakers shared across articles) are written in the
// schema `claimex_bench`, created, migrated and dropped around the run, so
// a real database is left as it was.
//
//   StoreBenchResult r = RunStoreBench(conn, {.articles = 20000, .claims_per_article = 50});
//   r.rows_per_s  // claim rows per second, wall clock, article and speaker rows included
//
// How it runs: the articles are generated and converted to rows first
// (ClaimStore::ToRow: hashing and COPY formatting, which `ingest` does on
// its producer thread), untimed but with its CPU time measured; then
// `writers` threads, each with its own connection (opened with conn's
// connection string) and ClaimStore, write the batches, timed. Then the same
// input again (every article unchanged). On a shared machine wall time
// overstates the cost, so CPU seconds are reported too: this process, and
// the server backends when they run on this machine (read from /proc).
#pragma once

#include <pqxx/pqxx>

#include <cstddef>

namespace claimex {

struct StoreBenchOptions {
  std::size_t articles = 20000;
  std::size_t claims_per_article = 50;
  std::size_t batch_articles = 1000;  // articles per transaction
  std::size_t writers = 2;            // connections writing batches in parallel
};

struct StoreBenchResult {
  std::size_t articles = 0, claims = 0;
  std::size_t writers = 0;
  double seconds = 0;          // wall time of the write
  double rows_per_s = 0;       // claim rows per wall second
  double articles_per_s = 0;
  double rerun_seconds = 0;    // the same input again: all unchanged, no claim written
  // CPU seconds: ToRow (conversion, before the timed write), the writer
  // threads during the write, and the server backends (0 when not local).
  double prepare_cpu_seconds = 0, client_cpu_seconds = 0, server_cpu_seconds = 0;
  // Microseconds of CPU per claim row, all three above together, and what
  // `cpus` idle cores could reach if that work spread over all of them:
  // claims / ((prepare + client + server) / cpus).
  double cpu_us_per_row = 0;
  int cpus = 0;
  double cpu_bound_rows_per_s = 0;
};

StoreBenchResult RunStoreBench(pqxx::connection& conn, const StoreBenchOptions& options);

}  // namespace claimex
