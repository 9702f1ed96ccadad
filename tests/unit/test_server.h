// A throwaway PostgreSQL server shared by the database unit tests of one
// test process: started on first use in a temporary directory (Unix socket
// only; as root the server runs as the postgres system user), stopped and
// removed at exit. CLAIMEX_TEST_DB=URL uses an existing server instead.
//
//   std::string url = claimex::testing::TestServer::Get().NewDatabase("t");
//
// Each NewDatabase() is a fresh, empty database, so test cases never see
// each other's rows.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <pqxx/pqxx>

#include "extractor/core/claim.h"
#include "extractor/core/date.h"
#include "extractor/core/document.h"
#include "extractor/db/cluster.h"
#include "extractor/db/migrations.h"

namespace claimex::testing {

class TestServer {
 public:
  static TestServer& Get() {
    static TestServer server;
    return server;
  }
  // A new empty database on the server; its connection string. `tag` keeps
  // the names of different test programs apart in a shared CLAIMEX_TEST_DB.
  std::string NewDatabase(const std::string& tag) {
    static int n = 0;
    std::string name = "claimex_" + tag + std::to_string(getpid()) + "_" + std::to_string(++n);
    pqxx::connection admin(base_);
    pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
    return base_ + " dbname=" + name;
  }
  ~TestServer() {
    if (cluster_) {
      try {
        cluster_->Stop();
      } catch (...) {
      }
      std::filesystem::remove_all(dir_);
    }
  }

 private:
  TestServer() {
    const char* url = std::getenv("CLAIMEX_TEST_DB");
    if (url != nullptr && *url != '\0') {
      base_ = url;
      return;
    }
    char tmpl[] = "/tmp/cxu.XXXXXX";
    if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    chmod(dir_.c_str(), 0711);  // the server runs as postgres when we are root
    cluster_ = std::make_unique<ManagedCluster>(dir_ + "/pg", /*throwaway=*/true);
    cluster_->Start();
    base_ = "host=" + cluster_->socket_dir() + " port=5432 user=claimex dbname=postgres";
  }
  std::string dir_, base_;
  std::unique_ptr<ManagedCluster> cluster_;
};

// A fresh migrated database and a connection to it, with one-value helpers.
struct Db {
  explicit Db(const std::string& tag) : url(TestServer::Get().NewDatabase(tag)), conn(url) {
    ApplyMigrations(conn);
  }
  std::string Text(const std::string& sql) {
    pqxx::row r = pqxx::nontransaction(conn).exec1(sql);
    return r[0].is_null() ? "NULL" : r[0].c_str();
  }
  long long Count(const std::string& sql) { return std::stoll(Text(sql)); }
  std::string url;
  pqxx::connection conn;
};

// A document published 2020-01-29 by `source`.
inline Document MakeDoc(const std::string& id, const std::string& text,
                        const std::string& source = "AFP") {
  Document d;
  d.id = id;
  d.source = source;
  d.text = text;
  d.published = ParseIsoDate("2020-01-29");
  return d;
}

// An exact displacement count over text bytes [start, end).
inline Claim MakeClaim(std::size_t start, std::size_t end, double value) {
  Claim c;
  c.quantity.span = {start, end};
  c.quantity.value = value;
  c.quantity.low = value;
  c.quantity.high = value;
  c.quantity.rules = {"number.digits"};
  c.category = Category::kDisplacement;
  return c;
}

}  // namespace claimex::testing
