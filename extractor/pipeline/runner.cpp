#include "extractor/pipeline/runner.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace claimex {

namespace {

// Documents read but not yet emitted, per worker thread, and a byte cap:
// together they bound memory to a few documents per thread however large
// the corpus is.
constexpr std::size_t kInFlightPerThread = 8;
constexpr std::size_t kInFlightBytes = 64u << 20;

struct Job {
  std::size_t seq = 0;
  InputItem item;
  ExtractResult result;
};

void Emit(Job& job, RunStats& stats, const ResultSink& on_result, const ErrorSink& on_error) {
  if (auto* doc = std::get_if<Document>(&job.item)) {
    ++stats.documents;
    stats.bytes += doc->text.size();
    stats.claims += job.result.claims.size();
    on_result(*doc, std::move(job.result));
  } else {
    ++stats.failed;
    on_error(std::get<InputError>(job.item));
  }
}

std::size_t ItemBytes(const InputItem& item) {
  const Document* doc = std::get_if<Document>(&item);
  return doc ? doc->text.size() : 0;
}

// Reader thread → queue → worker threads → reorder buffer → caller's thread.
class OrderedPipeline {
 public:
  OrderedPipeline(int threads, const Extractor& extractor)
      : threads_(threads), extractor_(extractor) {}

  RunStats Run(const std::vector<std::string>& paths, const ReaderOptions& options,
               const ResultSink& on_result, const ErrorSink& on_error, const StopCheck& stop) {
    std::thread reader([&] { Read(paths, options); });
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads_; ++t) workers.emplace_back([&] { Work(); });

    RunStats stats;
    for (std::size_t next = 0;; ++next) {
      std::unique_lock lock(mu_);
      done_cv_.wait(lock, [&] { return done_.count(next) > 0 || (reading_done_ && next == read_count_); });
      if (done_.count(next) == 0) break;  // everything read has been emitted
      Job job = std::move(done_.at(next));
      done_.erase(next);
      lock.unlock();
      std::size_t bytes = ItemBytes(job.item);
      Emit(job, stats, on_result, on_error);
      bool stopping = stop && stop();
      lock.lock();
      --in_flight_;
      in_flight_bytes_ -= bytes;
      space_cv_.notify_one();
      if (stopping) {
        // Wake the reader and the workers so they leave; drop what is in flight.
        stopping_ = true;
        space_cv_.notify_all();
        work_cv_.notify_all();
        break;
      }
    }
    reader.join();
    for (std::thread& w : workers) w.join();
    return stats;
  }

 private:
  void Read(const std::vector<std::string>& paths, const ReaderOptions& options) {
    ReadInputs(paths, options, [&](InputItem&& item) {
      std::size_t bytes = ItemBytes(item);
      std::unique_lock lock(mu_);
      space_cv_.wait(lock, [&] {
        return stopping_ || in_flight_ == 0 ||
               (in_flight_ < kInFlightPerThread * threads_ && in_flight_bytes_ + bytes <= kInFlightBytes);
      });
      if (stopping_) return false;
      ++in_flight_;
      in_flight_bytes_ += bytes;
      queue_.push_back(Job{read_count_++, std::move(item), {}});
      work_cv_.notify_one();
      return true;
    });
    std::lock_guard lock(mu_);
    reading_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  void Work() {
    while (true) {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return !queue_.empty() || reading_done_ || stopping_; });
      if (queue_.empty() || stopping_) return;
      Job job = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      if (auto* doc = std::get_if<Document>(&job.item)) job.result = extractor_.Extract(*doc);
      lock.lock();
      std::size_t seq = job.seq;
      done_.emplace(seq, std::move(job));
      done_cv_.notify_one();
    }
  }

  const std::size_t threads_;
  const Extractor& extractor_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_, space_cv_;
  std::deque<Job> queue_;
  std::map<std::size_t, Job> done_;
  std::size_t read_count_ = 0, in_flight_ = 0, in_flight_bytes_ = 0;
  bool reading_done_ = false;
  bool stopping_ = false;  // the caller's stop check said so
};

}  // namespace

RunStats RunExtraction(const std::vector<std::string>& paths, const ReaderOptions& options,
                       int threads, const Extractor& extractor, const ResultSink& on_result,
                       const ErrorSink& on_error, const StopCheck& stop) {
  if (threads <= 1) {
    // One thread: read, extract and emit in turn, with no queue at all.
    RunStats stats;
    ReadInputs(paths, options, [&](InputItem&& item) {
      Job job{0, std::move(item), {}};
      if (auto* doc = std::get_if<Document>(&job.item)) job.result = extractor.Extract(*doc);
      Emit(job, stats, on_result, on_error);
      return !(stop && stop());
    });
    return stats;
  }
  return OrderedPipeline(threads, extractor).Run(paths, options, on_result, on_error, stop);
}

}  // namespace claimex
