#include "extractor/db/store_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <limits>
#include <memory>
#include <thread>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/db/migrations.h"
#include "extractor/db/store.h"

namespace claimex {
namespace {

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double ClientCpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// utime + stime of a local process from /proc/PID/stat, 0 when unreadable.
double ProcessCpu(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return 0;
  std::size_t paren = line.rfind(')');
  if (paren == std::string::npos) return 0;
  std::istringstream fields(line.substr(paren + 2));
  std::string f;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stod(f);
    if (i == 15) stime = std::stod(f);
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// One synthetic article: `n` sentences, each with one claim of varied shape.
void MakeArticle(std::size_t i, std::size_t n, Document& doc, std::vector<Claim>& claims) {
  static const char* kSources[] = {"AFP", "Reuters", "AP", "BBC", "Al Jazeera"};
  static const char* kSpeakers[] = {"United Nations", "Mark Lowcock", "the ministry", "officials",
                                    "Syrian Observatory for Human Rights", "WHO", "a spokesman"};
  static const char* kEntities[] = {"civilians", "people", "towns and villages", "children", "families"};
  static const char* kPredicates[] = {"displace", "kill", "control", "flee", "injure"};
  doc = Document();
  doc.id = "bench-" + std::to_string(i);
  doc.source = kSources[i % 5];
  doc.title = "Bench article " + std::to_string(i);
  doc.url = "https://example.org/bench/" + std::to_string(i);
  doc.published = ParseIsoDate("2020-01-29");
  claims.clear();
  claims.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    std::string figure = std::to_string(1000 + (i * 37 + k * 101) % 900000);
    std::string sentence = "Article " + std::to_string(i) + " says more than " + figure +
                           " civilians fled since December, officials said. ";
    std::size_t start = doc.text.size() + sentence.find("more than");
    doc.text += sentence;
    Claim c;
    c.sentence = k;
    c.quantity.span = {start, start + 10 + figure.size()};
    double v = std::stod(figure);
    c.quantity.value = v;
    c.quantity.low = v;
    c.quantity.qualifier = k % 3 == 0 ? Qualifier::kLowerBound : Qualifier::kExact;
    if (c.quantity.qualifier == Qualifier::kExact) c.quantity.high = v;
    c.quantity.kind = k % 4 == 0 ? Kind::kMeasure : Kind::kCount;
    if (c.quantity.kind == Kind::kMeasure) {
      c.quantity.unit = "km";
      c.quantity.norm_value = v * 1000;
      c.quantity.norm_unit = "m";
    }
    c.quantity.rules = {"number.digits", "qualifier.more_than"};
    c.entity = kEntities[k % 5];
    c.predicate = kPredicates[(i + k) % 5];
    c.category = k % 2 == 0 ? Category::kDisplacement : Category::kCasualties;
    c.aggregation = Aggregation::kCumulative;
    c.time = TimeScope{"since December", {}, ParseIsoDate("2019-12-01"), ParseIsoDate("2020-01-29")};
    const char* who = kSpeakers[(i + k) % 7];
    c.speaker = Speaker{who, (i + k) % 7 == 3 ? SpeakerType::kAnonymous : SpeakerType::kOrganization,
                        "", "said", who, {}, {}};
    c.rules = {"entity.head", "speaker.said"};
    claims.push_back(std::move(c));
  }
}

double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

using Batch = std::vector<ClaimStore::ArticleRow>;

// The synthetic input as ready-to-write batches; adds ToRow's CPU seconds.
std::vector<Batch> MakeBatches(const StoreBenchOptions& options, double& prepare_cpu) {
  std::vector<Batch> batches;
  Document doc;
  std::vector<Claim> claims;
  for (std::size_t first = 0; first < options.articles; first += options.batch_articles) {
    std::size_t n = std::min(options.batch_articles, options.articles - first);
    Batch& batch = batches.emplace_back();
    batch.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      MakeArticle(first + k, options.claims_per_article, doc, claims);
      double cpu0 = ThreadCpu();
      batch.push_back(ClaimStore::ToRow(doc, claims));
      prepare_cpu += ThreadCpu() - cpu0;
    }
  }
  return batches;
}

// Writes the batches with one thread per connection; returns wall seconds
// and adds the counts, this process's and the backends' CPU seconds.
double WriteAll(std::vector<std::unique_ptr<pqxx::connection>>& conns, std::vector<Batch> batches,
                StoreBenchResult& r, StoreCounts& counts) {
  const std::size_t n = conns.size();
  std::vector<int> backends;
  for (auto& c : conns) backends.push_back(c->backendpid());
  std::vector<std::unique_ptr<ClaimStore>> stores;
  for (auto& c : conns) {
    StoreOptions so;
    so.batch_articles = std::numeric_limits<std::size_t>::max();  // a batch is what we Flush
    so.batch_claims = std::numeric_limits<std::size_t>::max();
    stores.push_back(std::make_unique<ClaimStore>(*c, so));
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  double server0 = 0;
  for (int pid : backends) server0 += ProcessCpu(pid);
  double cpu0 = ClientCpu();
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (std::size_t w = 0; w < n; ++w) {
    threads.emplace_back([&, w] {
      try {
        for (std::size_t b; (b = next.fetch_add(1)) < batches.size();) {
          for (ClaimStore::ArticleRow& row : batches[b]) stores[w]->AddRow(std::move(row));
          stores[w]->Flush();
        }
      } catch (...) {
        errors[w] = std::current_exception();
        next = batches.size();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  double secs = Since(t0);
  r.client_cpu_seconds += ClientCpu() - cpu0;
  for (int pid : backends) r.server_cpu_seconds += ProcessCpu(pid);
  r.server_cpu_seconds -= server0;
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  for (auto& s : stores) {
    counts.new_articles += s->counts().new_articles;
    counts.claims += s->counts().claims;
  }
  return secs;
}

}  // namespace

StoreBenchResult RunStoreBench(pqxx::connection& conn, const StoreBenchOptions& options) {
  StoreBenchResult r;
  StoreBenchOptions o = options;
  if (o.batch_articles == 0) o.batch_articles = 1;
  if (o.writers == 0) o.writers = 1;
  const char kUseSchema[] = "SET search_path TO claimex_bench";
  pqxx::nontransaction(conn).exec(
      "DROP SCHEMA IF EXISTS claimex_bench CASCADE; CREATE SCHEMA claimex_bench;" + std::string(kUseSchema));
  try {
    ApplyMigrations(conn);
    std::vector<std::unique_ptr<pqxx::connection>> conns;
    for (std::size_t w = 0; w < o.writers; ++w) {
      conns.push_back(std::make_unique<pqxx::connection>(conn.options()));
      pqxx::nontransaction(*conns.back()).exec(kUseSchema);
    }
    std::vector<Batch> batches = MakeBatches(o, r.prepare_cpu_seconds);
    StoreCounts counts;
    r.seconds = WriteAll(conns, batches, r, counts);  // a copy: the rerun writes them again
    r.articles = counts.new_articles;
    r.claims = counts.claims;
    StoreBenchResult again;
    StoreCounts unchanged;
    r.rerun_seconds = WriteAll(conns, std::move(batches), again, unchanged);
  } catch (...) {
    pqxx::nontransaction(conn).exec("DROP SCHEMA IF EXISTS claimex_bench CASCADE; RESET search_path");
    throw;
  }
  pqxx::nontransaction(conn).exec("DROP SCHEMA claimex_bench CASCADE; RESET search_path");
  r.writers = o.writers;
  r.rows_per_s = r.seconds > 0 ? r.claims / r.seconds : 0;
  r.articles_per_s = r.seconds > 0 ? r.articles / r.seconds : 0;
  double cpu = r.prepare_cpu_seconds + r.client_cpu_seconds + r.server_cpu_seconds;
  r.cpus = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  r.cpu_us_per_row = r.claims > 0 ? cpu * 1e6 / r.claims : 0;
  r.cpu_bound_rows_per_s = cpu > 0 ? r.claims / (cpu / r.cpus) : 0;
  return r;
}

}  // namespace claimex
