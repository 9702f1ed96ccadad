#include "extractor/pipeline/runner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <variant>

namespace claimex {

namespace {

constexpr std::size_t kBatchDocsPerThread = 8;
constexpr std::size_t kBatchBytes = 32u << 20;

struct Slot {
  InputItem item;
  ExtractResult result;
};

void ExtractBatch(std::vector<Slot>& batch, int threads, const Extractor& extractor) {
  auto work = [&](std::atomic<std::size_t>& next) {
    for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
      if (auto* doc = std::get_if<Document>(&batch[i].item)) {
        batch[i].result = extractor.Extract(*doc);
      }
    }
  };
  std::atomic<std::size_t> next{0};
  if (threads <= 1 || batch.size() <= 1) {
    work(next);
    return;
  }
  std::vector<std::thread> pool;
  int n = std::min<int>(threads, static_cast<int>(batch.size()));
  for (int t = 1; t < n; ++t) pool.emplace_back([&] { work(next); });
  work(next);
  for (std::thread& t : pool) t.join();
}

}  // namespace

RunStats RunExtraction(const std::vector<std::string>& paths, const ReaderOptions& options,
                       int threads, const Extractor& extractor, const ResultSink& on_result,
                       const ErrorSink& on_error) {
  RunStats stats;
  threads = std::max(1, threads);
  std::vector<Slot> batch;
  std::size_t batch_bytes = 0;
  auto flush = [&] {
    ExtractBatch(batch, threads, extractor);
    for (Slot& slot : batch) {
      if (auto* doc = std::get_if<Document>(&slot.item)) {
        ++stats.documents;
        stats.bytes += doc->text.size();
        stats.claims += slot.result.claims.size();
        on_result(*doc, std::move(slot.result));
      } else {
        ++stats.failed;
        on_error(std::get<InputError>(slot.item));
      }
    }
    batch.clear();
    batch_bytes = 0;
  };
  ReadInputs(paths, options, [&](InputItem&& item) {
    if (auto* doc = std::get_if<Document>(&item)) batch_bytes += doc->text.size();
    batch.push_back(Slot{std::move(item), {}});
    if (batch.size() >= kBatchDocsPerThread * static_cast<std::size_t>(threads) ||
        batch_bytes >= kBatchBytes) {
      flush();
    }
    return true;
  });
  flush();
  return stats;
}

}  // namespace claimex
