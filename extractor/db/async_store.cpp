#include "extractor/db/async_store.h"

namespace claimex {

AsyncClaimStore::AsyncClaimStore(std::unique_ptr<pqxx::connection> conn, StoreOptions options,
                                 ClaimStore::FailureSink on_failure, std::size_t max_queued)
    : conn_(std::move(conn)),
      store_(*conn_, std::move(options), std::move(on_failure)),
      max_queued_(max_queued == 0 ? 1 : max_queued),
      thread_([this] { Run(); }) {}

AsyncClaimStore::~AsyncClaimStore() {
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mu_);
      done_ = true;
      queue_.clear();
    }
    cv_.notify_all();
    thread_.join();
  }
}

void AsyncClaimStore::Add(const Document& doc, const std::vector<Claim>& claims) {
  ClaimStore::ArticleRow row = ClaimStore::ToRow(doc, claims);
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return queue_.size() < max_queued_ || failed_; });
  if (failed_) return;
  queue_.push_back(std::move(row));
  cv_.notify_all();
}

void AsyncClaimStore::Run() {
  try {
    for (;;) {
      std::deque<ClaimStore::ArticleRow> rows;
      bool finishing;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty() || done_; });
        rows.swap(queue_);
        finishing = done_;
      }
      cv_.notify_all();  // room in the queue again
      for (ClaimStore::ArticleRow& row : rows) store_.AddRow(std::move(row));
      if (finishing) {
        store_.Flush();
        return;
      }
    }
  } catch (...) {
    std::lock_guard lock(mu_);
    error_ = std::current_exception();
    failed_ = true;
    queue_.clear();
    cv_.notify_all();
  }
}

StoreCounts AsyncClaimStore::Finish() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  return store_.counts();
}

}  // namespace claimex
