// ClaimStores on their own threads, so extraction and database writes
// overlap in `claimex ingest`, and several batches are written at once:
// Add() converts the article to its row (hashing, COPY formatting) on the
// caller's thread and collects rows into batches (StoreOptions limits);
// each full batch is queued and taken whole by one of the writer threads,
// each with its own connection and ClaimStore. The queue is bounded (two
// batches per writer): a slow database slows the producer instead of
// filling memory.
//
//   std::vector<std::unique_ptr<pqxx::connection>> conns = ...;  // one per writer
//   AsyncClaimStore store(std::move(conns), options, on_failure);
//   store.Add(doc, claims);           // from one producer thread
//   StoreCounts c = store.Finish();   // flushes, joins; rethrows a writer error
//
// Batches are independent transactions (store.h guarantees hold for each),
// so with several writers they commit in any order: article ids follow
// commit order, not input order, once the input is more than one batch.
//
// Lost connection (server restarted or stopped): with a ReconnectPolicy, a
// writer opens a new connection (retrying for up to `seconds`) and resends
// its unwritten batch; articles are keyed by content hash, so a batch whose
// commit was cut off is stored once either way.
//
// CAVEAT: once a writer failed (the server went away and no reconnect
// worked), Add drops rows, failed() turns true (so the producer can stop
// early), the other writers stop after their current batch, and Finish()
// rethrows the first error; a batch in flight was committed or rolled back
// whole, and counts() still tells what was committed.
// on_failure runs on the writer threads (one at a time is not guaranteed).
#pragma once

#include <condition_variable>
#include <functional>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "extractor/db/store.h"

namespace claimex {

struct ReconnectPolicy {
  std::function<std::unique_ptr<pqxx::connection>()> connect;  // empty = never reconnect
  double seconds = 30;  // give up when no connection works for this long
};

class AsyncClaimStore {
 public:
  // One writer thread per connection (at least one connection).
  AsyncClaimStore(std::vector<std::unique_ptr<pqxx::connection>> conns, StoreOptions options,
                  ClaimStore::FailureSink on_failure, ReconnectPolicy reconnect = {});
  // A single writer.
  AsyncClaimStore(std::unique_ptr<pqxx::connection> conn, StoreOptions options,
                  ClaimStore::FailureSink on_failure);
  ~AsyncClaimStore();  // joins (dropping unwritten rows) if Finish was not called
  void Add(const Document& doc, const std::vector<Claim>& claims);
  StoreCounts Finish();
  // True once a writer hit an error it could not recover from (any thread).
  bool failed();
  // What was stored so far; call after Finish() (returned or threw).
  StoreCounts counts() const;

 private:
  using Batch = std::vector<ClaimStore::ArticleRow>;
  struct Writer {
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<ClaimStore> store;
    StoreCounts earlier;  // of stores replaced after a lost connection
    int reconnects = 0;
    std::thread thread;
  };
  void Push(Batch&& batch);
  void Run(Writer& w);
  // Writes the batch; on a lost connection reconnects and resends.
  void Write(Writer& w, Batch& batch);
  void Reconnect(Writer& w, const std::exception& lost);
  void Stop();

  StoreOptions options_;
  ClaimStore::FailureSink on_failure_;
  ReconnectPolicy reconnect_;
  std::vector<std::unique_ptr<Writer>> writers_;
  Batch current_;  // producer side, not shared
  std::size_t current_claims_ = 0;
  std::size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool done_ = false;
  bool failed_ = false;
  std::exception_ptr error_;
};

}  // namespace claimex
