#include "extractor/db/cluster.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/db/connection.h"
#include "extractor/db/process.h"
#include "extractor/db/sha256.h"

namespace claimex {
namespace fs = std::filesystem;
namespace {

constexpr int kPort = 5432;
constexpr std::size_t kMaxSocketPath = 107;  // sizeof(sockaddr_un::sun_path) - 1
constexpr std::size_t kSocketNameLength = sizeof("/.s.PGSQL.5432") - 1;

// libpq key=value quoting: single quotes around values with spaces or quotes.
std::string Quote(const std::string& v) {
  if (!v.empty() && v.find_first_of(" '\\") == std::string::npos) return v;
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Holds an exclusive flock on `path` (created if needed) for its lifetime.
class FileLock {
 public:
  explicit FileLock(const std::string& path) {
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw DbError("cannot create lock file " + path + ": " + std::strerror(errno));
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~FileLock() { close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

void ChownToServer(const std::string& path) {
  if (!RunningAsRoot()) return;
  struct passwd* pw = getpwnam(ServerUserName());
  if (pw == nullptr) {
    throw DbError(std::string("claimex runs as root, so its PostgreSQL server must run as user ") +
                  ServerUserName() + ", which does not exist; install postgresql-15 or set --db");
  }
  if (chown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
    throw DbError("cannot give " + path + " to user " + ServerUserName() + ": " + std::strerror(errno));
  }
}

std::string Tail(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.size() > max_bytes) text = "..." + text.substr(text.size() - max_bytes);
  return text;
}

}  // namespace

ManagedCluster ManagedCluster::FromEnvironment() {
  std::string dir = EnvValue("CLAIMEX_DATA_DIR");
  if (dir.empty()) {
    if (RunningAsRoot()) {
      dir = "/var/lib/claimex/pgdata";
    } else {
      std::string base = EnvValue("XDG_DATA_HOME");
      if (base.empty()) {
        std::string home = EnvValue("HOME");
        if (home.empty()) {
          struct passwd* pw = getpwuid(getuid());
          if (pw != nullptr) home = pw->pw_dir;
        }
        if (home.empty()) throw DbError("cannot find a home directory; set CLAIMEX_DATA_DIR");
        base = home + "/.local/share";
      }
      dir = base + "/claimex/pgdata";
    }
  }
  return ManagedCluster(dir);
}

ManagedCluster::ManagedCluster(std::string data_dir, bool throwaway) : throwaway_(throwaway) {
  std::error_code ec;
  fs::path p = fs::absolute(data_dir, ec);
  data_dir_ = (ec ? fs::path(data_dir) : p).lexically_normal().string();
  while (data_dir_.size() > 1 && data_dir_.back() == '/') data_dir_.pop_back();
}

std::string ManagedCluster::socket_dir() const {
  if (data_dir_.size() + kSocketNameLength <= kMaxSocketPath) return data_dir_;
  return "/tmp/claimex-" + std::to_string(geteuid()) + "-" + Sha256Hex(data_dir_).substr(0, 12);
}

std::string ManagedCluster::ConnectionString() const {
  return "host=" + Quote(socket_dir()) + " port=" + std::to_string(kPort) +
         " dbname=claimex user=claimex";
}

std::string ManagedCluster::BinDir() const {
  std::vector<std::string> candidates;
  std::string env = EnvValue("CLAIMEX_PG_BINDIR");
  if (!env.empty()) {
    candidates.push_back(env);
  } else {
    std::error_code ec;
    std::vector<std::pair<int, std::string>> found;
    for (auto it = fs::directory_iterator("/usr/lib/postgresql", ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      int major = std::atoi(it->path().filename().c_str());
      if (major > 0) found.push_back({major, (it->path() / "bin").string()});
    }
    std::sort(found.rbegin(), found.rend());
    for (auto& [major, dir] : found) candidates.push_back(dir);
  }
  for (const std::string& dir : candidates) {
    if (access((dir + "/pg_ctl").c_str(), X_OK) == 0 && access((dir + "/initdb").c_str(), X_OK) == 0) {
      return dir;
    }
  }
  throw DbError(
      "claimex's own database needs the PostgreSQL server programs (initdb, pg_ctl), not found in " +
      (env.empty() ? std::string("/usr/lib/postgresql/*/bin") : env) +
      ": install postgresql-15 (apt-get install postgresql-15), or point --db / DATABASE_URL at a server");
}

bool ManagedCluster::Initialized() const {
  std::error_code ec;
  return fs::exists(fs::path(data_dir_) / "PG_VERSION", ec);
}

bool ManagedCluster::Running() const {
  if (!Initialized()) return false;
  ProcessResult r = RunProcess({BinDir() + "/pg_ctl", "status", "-D", data_dir_}, true);
  return r.exit_code == 0;
}

bool ManagedCluster::Start() {
  const std::string bindir = BinDir();
  std::error_code ec;
  fs::path data(data_dir_);
  fs::create_directories(data.parent_path(), ec);
  if (ec) throw DbError("cannot create " + data.parent_path().string() + ": " + ec.message());
  FileLock lock(data_dir_ + ".lock");

  if (!Initialized()) {
    if (fs::exists(data, ec) && !fs::is_empty(data, ec)) {
      throw DbError(data_dir_ + " exists and is not a PostgreSQL data directory; "
                    "empty it or set CLAIMEX_DATA_DIR elsewhere");
    }
    fs::create_directories(data, ec);
    if (ec) throw DbError("cannot create " + data_dir_ + ": " + ec.message());
    chmod(data_dir_.c_str(), 0700);
    ChownToServer(data_dir_);
    if (RunningAsRoot() && RunProcess({"/usr/bin/test", "-w", data_dir_}, true).exit_code != 0) {
      throw DbError(std::string("claimex runs as root, so its PostgreSQL server runs as user ") +
                    ServerUserName() + ", who cannot reach " + data_dir_ +
                    " (a parent directory is not traversable for it, e.g. /root is mode 0700): "
                    "set CLAIMEX_DATA_DIR to a path under a traversable directory such as "
                    "/var/lib/claimex/pgdata, or chmod o+x the parents");
    }
    spdlog::info("creating claimex's database cluster in {}", data_dir_);
    std::vector<std::string> initdb = {bindir + "/initdb", "--auth=trust", "--username=claimex",
                                       "--encoding=UTF8", "--locale=C", "-D", data_dir_};
    if (throwaway_) initdb.push_back("--no-sync");
    ProcessResult r = RunProcess(initdb, true);
    if (r.exit_code != 0) throw DbError("initdb " + data_dir_ + " failed:\n" + r.output);
    // Appended by us (root may write it; ownership stays with the server user).
    std::ofstream conf(data / "postgresql.conf", std::ios::app);
    conf << "\n# claimex managed cluster: Unix socket only, no TCP listener.\n"
         << "listen_addresses = ''\n"
         << "unix_socket_directories = '" << socket_dir() << "'\n"
         << "unix_socket_permissions = 0700\n"
         << "port = " << kPort << "\n"
         // Bulk ingest: one WAL flush per batch needs room for a batch's WAL
         // (default 4MB with 128MB shared_buffers), and fewer checkpoints
         // mean fewer full-page images in the WAL of a long ingest. Both
         // are safe: durability is unchanged.
         << "wal_buffers = 16MB\n"
         << "max_wal_size = 4GB\n";
    if (throwaway_) conf << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
    if (!conf) throw DbError("cannot write " + (data / "postgresql.conf").string());
  }

  bool started = false;
  if (RunProcess({bindir + "/pg_ctl", "status", "-D", data_dir_}, true).exit_code != 0) {
    std::string sock = socket_dir();
    if (sock != data_dir_) {
      // Outside the data directory (long path): private to the server user.
      mkdir(sock.c_str(), 0700);
      struct stat st {};
      if (lstat(sock.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        throw DbError("cannot create socket directory " + sock);
      }
      if (st.st_uid != geteuid() && !(RunningAsRoot())) {
        throw DbError("socket directory " + sock + " belongs to another user; remove it");
      }
      chmod(sock.c_str(), 0700);
      ChownToServer(sock);
    }
    spdlog::info("starting claimex's database server ({})", data_dir_);
    std::string log = data_dir_ + "/server.log";
    ProcessResult r = RunProcess(
        {bindir + "/pg_ctl", "start", "-w", "-t", "60", "-D", data_dir_, "-l", log}, true);
    if (r.exit_code != 0) {
      throw DbError("cannot start claimex's database server in " + data_dir_ + ":\n" + r.output +
                    Tail(log, 2000));
    }
    started = true;
  }

  // The database `claimex` (initdb only makes `postgres`); cheap when present.
  try {
    pqxx::connection conn("host=" + Quote(socket_dir()) + " port=" + std::to_string(kPort) +
                          " dbname=postgres user=claimex");
    pqxx::nontransaction tx(conn);
    if (tx.exec("SELECT 1 FROM pg_database WHERE datname = 'claimex'").empty()) {
      tx.exec("CREATE DATABASE claimex");
    }
  } catch (const pqxx::failure& e) {
    throw DbError("claimex's database server in " + data_dir_ + " is not usable: " + e.what());
  }
  return started;
}

bool ManagedCluster::Stop() {
  if (!Initialized()) return false;
  const std::string bindir = BinDir();
  if (RunProcess({bindir + "/pg_ctl", "status", "-D", data_dir_}, true).exit_code != 0) return false;
  ProcessResult r = RunProcess({bindir + "/pg_ctl", "stop", "-w", "-m", "fast", "-D", data_dir_}, true);
  if (r.exit_code != 0) throw DbError("cannot stop the server in " + data_dir_ + ":\n" + r.output);
  return true;
}

}  // namespace claimex
