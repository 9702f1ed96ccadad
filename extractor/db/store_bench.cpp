#include "extractor/db/store_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
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

void Run(pqxx::connection& conn, const StoreBenchOptions& options, StoreBenchResult& r, bool rerun) {
  StoreOptions so;
  so.batch_articles = options.batch_articles;
  so.batch_claims = options.batch_articles * options.claims_per_article + 1;
  ClaimStore store(conn, so);
  int backend = conn.backendpid();
  // Generated a batch ahead, untimed, so only storing is measured.
  std::vector<Document> docs(options.batch_articles);
  std::vector<std::vector<Claim>> claims(options.batch_articles);
  double secs = 0, client_cpu = 0;
  double server_cpu0 = ProcessCpu(backend);
  for (std::size_t first = 0; first < options.articles; first += options.batch_articles) {
    std::size_t n = std::min(options.batch_articles, options.articles - first);
    for (std::size_t k = 0; k < n; ++k) MakeArticle(first + k, options.claims_per_article, docs[k], claims[k]);
    double cpu0 = ClientCpu();
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t k = 0; k < n; ++k) store.Add(docs[k], claims[k]);
    store.Flush();
    secs += Since(t0);
    client_cpu += ClientCpu() - cpu0;
  }
  if (rerun) {
    r.rerun_seconds = secs;
    return;
  }
  r.seconds = secs;
  r.client_cpu_seconds = client_cpu;
  r.server_cpu_seconds = ProcessCpu(backend) - server_cpu0;
  r.articles = store.counts().new_articles;
  r.claims = store.counts().claims;
}

}  // namespace

StoreBenchResult RunStoreBench(pqxx::connection& conn, const StoreBenchOptions& options) {
  StoreBenchResult r;
  pqxx::nontransaction(conn).exec(
      "DROP SCHEMA IF EXISTS claimex_bench CASCADE; CREATE SCHEMA claimex_bench;"
      "SET search_path TO claimex_bench");
  try {
    ApplyMigrations(conn);
    Run(conn, options, r, false);
    Run(conn, options, r, true);
  } catch (...) {
    pqxx::nontransaction(conn).exec("DROP SCHEMA IF EXISTS claimex_bench CASCADE; RESET search_path");
    throw;
  }
  pqxx::nontransaction(conn).exec("DROP SCHEMA claimex_bench CASCADE; RESET search_path");
  r.rows_per_s = r.seconds > 0 ? r.claims / r.seconds : 0;
  r.articles_per_s = r.seconds > 0 ? r.articles / r.seconds : 0;
  double cpu = std::max(r.client_cpu_seconds, r.server_cpu_seconds);
  r.rows_per_cpu_s = cpu > 0 ? r.claims / cpu : 0;
  return r;
}

}  // namespace claimex
