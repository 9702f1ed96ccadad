#include "extractor/db/async_store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace claimex {
namespace {

constexpr int kMaxReconnects = 20;  // per writer: a server that keeps dropping us

void AddCounts(StoreCounts& to, const StoreCounts& c) {
  to.new_articles += c.new_articles;
  to.unchanged += c.unchanged;
  to.replaced += c.replaced;
  to.failed += c.failed;
  to.claims += c.claims;
}

std::string FirstLine(std::string_view s) {
  s = s.substr(0, s.find('\n'));
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

AsyncClaimStore::AsyncClaimStore(std::vector<std::unique_ptr<pqxx::connection>> conns,
                                 StoreOptions options, ClaimStore::FailureSink on_failure,
                                 ReconnectPolicy reconnect)
    : options_(std::move(options)),
      on_failure_(on_failure),
      reconnect_(std::move(reconnect)),
      max_queued_(2 * (conns.empty() ? 1 : conns.size())) {
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
      Write(w, batch);
    }
  } catch (...) {
    std::lock_guard lock(mu_);
    if (!error_) error_ = std::current_exception();
    failed_ = true;
    queue_.clear();
    cv_.notify_all();
  }
}

void AsyncClaimStore::Write(Writer& w, Batch& batch) {
  w.store->AddPending(std::move(batch));  // buffered only: every write below is retried
  for (;;) {
    try {
      // After a reconnect the new store holds the unwritten rows.
      w.store->Flush();
      return;
    } catch (const pqxx::broken_connection& e) {
      if (!reconnect_.connect) throw;
      Reconnect(w, e);
    } catch (const pqxx::in_doubt_error& e) {  // the commit was cut off: resending is safe
      if (!reconnect_.connect) throw;
      Reconnect(w, e);
    }
  }
}

void AsyncClaimStore::Reconnect(Writer& w, const std::exception& lost) {
  using Clock = std::chrono::steady_clock;
  if (w.reconnects >= kMaxReconnects) {
    throw pqxx::broken_connection(FirstLine(lost.what()) + "; gave up after " +
                                  std::to_string(kMaxReconnects) + " reconnects");
  }
  // ClaimStore::Flush keeps its batch pending when the write fails.
  Batch rows = w.store->TakePending();
  AddCounts(w.earlier, w.store->counts());
  w.store.reset();  // it refers to the old connection
  w.conn.reset();
  spdlog::warn("lost the connection to the database ({}); reconnecting for up to {:g} s",
               FirstLine(lost.what()), reconnect_.seconds);
  const auto deadline = Clock::now() + std::chrono::duration<double>(reconnect_.seconds);
  std::string last = lost.what();
  for (int attempt = 1;; ++attempt) {
    {
      std::lock_guard lock(mu_);
      if (failed_) throw pqxx::broken_connection(FirstLine(last));  // another writer gave up
    }
    try {
      auto conn = reconnect_.connect();
      auto store = std::make_unique<ClaimStore>(*conn, options_, on_failure_);
      w.conn = std::move(conn);
      w.store = std::move(store);
      break;
    } catch (const std::exception& e) {  // DbError, broken_connection: the server still starting
      last = e.what();
    }
    if (Clock::now() >= deadline) {
      throw pqxx::broken_connection(
          fmt::format("{}; no reconnect within {:g} s", FirstLine(last), reconnect_.seconds));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1000, 100 * attempt)));
  }
  ++w.reconnects;
  spdlog::warn("reconnected to the database; resending {} unwritten articles", rows.size());
  w.store->AddPending(std::move(rows));
}

bool AsyncClaimStore::failed() {
  std::lock_guard lock(mu_);
  return failed_;
}

StoreCounts AsyncClaimStore::counts() const {
  StoreCounts total;
  for (const auto& w : writers_) {
    AddCounts(total, w->earlier);
    if (w->store) AddCounts(total, w->store->counts());
  }
  return total;
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
  return counts();
}

}  // namespace claimex
