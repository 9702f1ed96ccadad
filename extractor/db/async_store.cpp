#include "extractor/db/async_store.h"

#include <stdexcept>

namespace claimex {

AsyncClaimStore::AsyncClaimStore(std::vector<std::unique_ptr<pqxx::connection>> conns,
                                 StoreOptions options, ClaimStore::FailureSink on_failure)
    : options_(std::move(options)), max_queued_(2 * (conns.empty() ? 1 : conns.size())) {
  if (conns.empty()) throw std::invalid_argument("AsyncClaimStore needs a connection");
  if (options_.batch_articles == 0) options_.batch_articles = 1;
  // Stores first (they create their staging tables; may throw), threads after.
  for (auto& conn : conns) {
    auto w = std::make_unique<Writer>();
    w->conn = std::move(conn);
    w->store = std::make_unique<ClaimStore>(*w->conn, options_, on_failure);
    writers_.push_back(std::move(w));
  }
  for (auto& w : writers_) {
    Writer* writer = w.get();
    w->thread = std::thread([this, writer] { Run(*writer); });
  }
}

AsyncClaimStore::AsyncClaimStore(std::unique_ptr<pqxx::connection> conn, StoreOptions options,
                                 ClaimStore::FailureSink on_failure)
    : AsyncClaimStore(
          [&] {
            std::vector<std::unique_ptr<pqxx::connection>> v;
            v.push_back(std::move(conn));
            return v;
          }(),
          std::move(options), std::move(on_failure)) {}

AsyncClaimStore::~AsyncClaimStore() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
    failed_ = true;  // unwritten batches are dropped
    queue_.clear();
  }
  cv_.notify_all();
  Stop();
}

void AsyncClaimStore::Stop() {
  for (auto& w : writers_) {
    if (w->thread.joinable()) w->thread.join();
  }
}

void AsyncClaimStore::Add(const Document& doc, const std::vector<Claim>& claims) {
  ClaimStore::ArticleRow row = ClaimStore::ToRow(doc, claims);
  current_claims_ += row.claim_count();
  current_.push_back(std::move(row));
  if (current_.size() >= options_.batch_articles || current_claims_ >= options_.batch_claims) {
    Push(std::move(current_));
    current_ = Batch();
    current_claims_ = 0;
  }
}

void AsyncClaimStore::Push(Batch&& batch) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return queue_.size() < max_queued_ || failed_; });
  if (failed_) return;
  queue_.push_back(std::move(batch));
  cv_.notify_all();
}

void AsyncClaimStore::Run(Writer& w) {
  try {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty() || done_ || failed_; });
        if (failed_ || queue_.empty()) return;  // failed elsewhere, or finished
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      cv_.notify_all();  // room in the queue again
      for (ClaimStore::ArticleRow& row : batch) w.store->AddRow(std::move(row));
      w.store->Flush();
    }
  } catch (...) {
    std::lock_guard lock(mu_);
    if (!error_) error_ = std::current_exception();
    failed_ = true;
    queue_.clear();
    cv_.notify_all();
  }
}

StoreCounts AsyncClaimStore::Finish() {
  if (!current_.empty()) {
    Push(std::move(current_));
    current_ = Batch();
    current_claims_ = 0;
  }
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  Stop();
  if (error_) std::rethrow_exception(error_);
  StoreCounts total;
  for (auto& w : writers_) {
    const StoreCounts& c = w->store->counts();
    total.new_articles += c.new_articles;
    total.unchanged += c.unchanged;
    total.replaced += c.replaced;
    total.failed += c.failed;
    total.claims += c.claims;
  }
  return total;
}

}  // namespace claimex
