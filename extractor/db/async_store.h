// A ClaimStore on its own thread, so extraction and database writes overlap
// in `claimex ingest`: Add() converts the article to its row (hashing) on
// the caller's thread and queues it; the writer thread stores rows in
// batches through its own connection. The queue is bounded (max_queued
// articles): a slow database slows the producer instead of filling memory.
//
//   AsyncClaimStore store(std::move(conn), options, on_failure);
//   store.Add(doc, claims);   // from one producer thread
//   StoreCounts c = store.Finish();   // flushes, joins; rethrows a writer error
//
// CAVEAT: once the writer failed (the server went away), Add drops rows and
// Finish() rethrows that error; the batch in flight was rolled back whole.
// on_failure runs on the writer thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "extractor/db/store.h"

namespace claimex {

class AsyncClaimStore {
 public:
  AsyncClaimStore(std::unique_ptr<pqxx::connection> conn, StoreOptions options,
                  ClaimStore::FailureSink on_failure, std::size_t max_queued = 2000);
  ~AsyncClaimStore();  // joins (dropping unflushed rows) if Finish was not called
  void Add(const Document& doc, const std::vector<Claim>& claims);
  StoreCounts Finish();

 private:
  void Run();

  std::unique_ptr<pqxx::connection> conn_;
  ClaimStore store_;
  std::size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ClaimStore::ArticleRow> queue_;
  bool done_ = false;
  bool failed_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace claimex
