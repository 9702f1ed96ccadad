// `claimex ingest`: extract claims from articles and store them in
// PostgreSQL (extractor/db/store.h), applying pending migrations first.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string_view>

#include "extractor/cli/commands.h"
#include "extractor/cli/db_options.h"
#include "extractor/cli/input_options.h"
#include "extractor/db/connection.h"
#include "extractor/db/async_store.h"
#include "extractor/pipeline/runner.h"

namespace claimex::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Number of documents when every input is a plain .txt file (or a
// directory of them), so a percentage means something; else 0 (unknown).
std::size_t CountDocuments(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::size_t n = 0;
  std::error_code ec;
  for (const std::string& p : paths) {
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        if (it->path().extension() != ".txt") return 0;
        ++n;
      }
    } else {
      if (fs::path(p).extension() != ".txt") return 0;
      ++n;
    }
  }
  return ec ? 0 : n;
}

// "\r1234 docs (56.0/s), 7890 claims (1000/s), 42% ETA 12s" on a TTY.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), enabled_(isatty(STDERR_FILENO) == 1) {}
  void Update(std::size_t docs, std::size_t claims, bool force = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    if (secs <= 0) secs = 1e-9;
    std::string line = fmt::format("{} docs ({:.1f}/s), {} claims ({:.0f}/s)", docs, docs / secs,
                                   claims, claims / secs);
    if (total_ > 0 && docs > 0) {
      double frac = std::min(1.0, double(docs) / double(total_));
      line += fmt::format(", {:.0f}% ETA {:.0f}s", 100 * frac, secs * (1 - frac) / frac);
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    dirty_ = true;
  }
  void Clear() {
    if (dirty_) std::fprintf(stderr, "\r\033[K");
    dirty_ = false;
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  std::size_t total_;
  bool enabled_;
  bool dirty_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;  // first line after 250 ms: short runs stay quiet
};

// libpq's reason on one line ("server closed the connection unexpectedly").
std::string FirstLine(std::string_view what) {
  std::string_view line = what.substr(0, what.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '.')) line.remove_suffix(1);
  return std::string(line);
}

// The server went away mid-ingest: say so, what is safe in the database and
// what to do. Committed batches are whole; the one in flight was rolled back
// (or, when the commit itself was cut off, is in doubt), and a rerun stores
// each remaining article exactly once because articles are keyed by content.
void ReportLostConnection(const std::exception& e, const StoreCounts& c, bool in_doubt) {
  std::size_t stored = c.new_articles + c.replaced;
  std::cerr << "claimex: error: lost the connection to the database during ingest (" << FirstLine(e.what())
            << "); " << stored << " articles were stored before it, each with all its claims; the batch in flight "
            << (in_doubt ? "may or may not have been committed" : "was rolled back")
            << ". Run the same ingest again to store the rest (each article is stored once).\n";
}

}  // namespace

void AddIngestCommand(CLI::App& app, int& exit_code) {
  struct Options {
    InputOptions input;
    DbOptions db;
    std::size_t batch = 1000;
    double reconnect = 30;
    std::size_t writers = 2;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Extract claims from articles (same inputs as `extract`) and store them in PostgreSQL.\n"
      "Pending migrations are applied first. An article and its claims are stored in one\n"
      "transaction; an article already stored (same source and text) is left unchanged, or\n"
      "has its claims replaced when stored by another extractor version. Prints a summary\n"
      "on stderr; exit status 1 if any document failed (the rest are stored), 2 when the\n"
      "database is unusable.");
  AddInputOptions(*cmd, opts->input);
  AddDbOption(*cmd, opts->db);
  cmd->add_option("--batch", opts->batch, "Articles per transaction (default 1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--writers", opts->writers,
                  "Database connections writing batches in parallel (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--reconnect", opts->reconnect,
                  "Seconds to keep trying to reconnect when the connection is lost mid-ingest\n"
                  "(server restarted); the unwritten batch is then resent. 0 = fail at once (default 30)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([opts, &exit_code] {
    ReaderOptions reader;
    if (!ToReaderOptions(opts->input, reader)) {
      exit_code = 2;
      return;
    }
    Progress progress(CountDocuments(opts->input.paths));
    try {
      std::vector<std::unique_ptr<pqxx::connection>> conns;
      conns.push_back(OpenDatabase(opts->db));
      EnsureMigrated(*conns[0]);
      // One connection per writer: batches are independent transactions.
      while (conns.size() < opts->writers) conns.push_back(OpenDatabase(opts->db));
      StoreOptions store_options;
      store_options.batch_articles = opts->batch;
      ReconnectPolicy reconnect;
      if (opts->reconnect > 0) {
        reconnect.seconds = opts->reconnect;
        reconnect.connect = [db = opts->db] { return OpenDatabase(db); };
      }
      std::mutex term;  // the writer thread reports failures too
      // Extraction on this thread's pipeline, writes on the store's threads.
      AsyncClaimStore store(std::move(conns), store_options,
                            [&](const std::string& doc, const std::string& why) {
                              std::lock_guard lock(term);
                              progress.Clear();
                              spdlog::error("{}: not stored: {}", doc, why);
                            },
                            std::move(reconnect));
      Extractor extractor;
      std::size_t docs = 0, claims = 0;
      RunStats stats = RunExtraction(
          opts->input.paths, reader, EffectiveThreads(opts->input.threads), extractor,
          [&](const Document& doc, ExtractResult&& result) {
            for (const std::string& w : result.warnings) spdlog::info("{}: {}", doc.id, w);
            ++docs;
            claims += result.claims.size();
            store.Add(doc, result.claims);
            std::lock_guard lock(term);
            progress.Update(docs, claims);
          },
          [&](const InputError& e) {
            std::lock_guard lock(term);
            progress.Clear();
            spdlog::error("{}", e.ToString());
          },
          [&] { return store.failed(); });  // the database is gone: stop extracting
      StoreCounts c;
      try {
        c = store.Finish();
      } catch (const pqxx::broken_connection& e) {
        progress.Clear();
        ReportLostConnection(e, store.counts(), false);
        exit_code = 2;
        return;
      } catch (const pqxx::in_doubt_error& e) {
        progress.Clear();
        ReportLostConnection(e, store.counts(), true);
        exit_code = 2;
        return;
      }
      progress.Clear();
      std::size_t failed = stats.failed + c.failed;
      std::fprintf(stderr,
                   "claimex ingest: %zu documents: %zu new, %zu unchanged, %zu replaced, %zu failed; "
                   "%zu claims stored; %.2f s\n",
                   stats.documents + stats.failed, c.new_articles, c.unchanged, c.replaced, failed,
                   c.claims, progress.Seconds());
      exit_code = failed > 0 ? 1 : 0;
    } catch (const DbError& e) {
      progress.Clear();
      std::cerr << "claimex: error: " << e.what() << "\n";
      exit_code = 2;
    } catch (const pqxx::broken_connection& e) {
      progress.Clear();
      std::cerr << "claimex: error: lost the connection to the database (" << FirstLine(e.what())
                << "); nothing was stored by this run\n";
      exit_code = 2;
    } catch (const pqxx::failure& e) {
      progress.Clear();
      std::cerr << "claimex: error: database: " << FirstLine(e.what()) << "\n";
      exit_code = 2;
    } catch (const std::exception& e) {
      // Anything else (out of memory, say) still ends as a message, not an abort.
      progress.Clear();
      std::cerr << "claimex: error: ingest failed: " << e.what() << "\n";
      exit_code = 2;
    }
  });
}

}  // namespace claimex::cli
