// claimex's own PostgreSQL cluster, used when no database is configured
// (see connection.h), so that claimex runs out of the box.
//
// Data directory: $CLAIMEX_DATA_DIR, else /var/lib/claimex/pgdata when run
// as root, else ${XDG_DATA_HOME:-~/.local/share}/claimex/pgdata. Created by
// initdb on first Start() (mode 0700, superuser and database `claimex`,
// trust authentication over the socket only), started on demand and left
// running for the next command. No TCP listener (listen_addresses = ''):
// the Unix socket lives in the data directory itself when the path is short
// enough (socket paths are limited to 107 bytes), else in
// /tmp/claimex-<uid>-<hash>/, mode 0700; so only the owner (and root) can
// connect. As root the server runs as the `postgres` system user (PostgreSQL
// refuses root), which owns the data directory: its parents must be
// traversable by that user (/root is not; hence the /var/lib default).
//
// Binaries: $CLAIMEX_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin.
//
//   ManagedCluster cluster = ManagedCluster::FromEnvironment();
//   cluster.Start();                       // no-op when running
//   pqxx::connection conn(cluster.ConnectionString());
//
// Every method throws DbError with a message for the user on failure
// (missing binaries: "install postgresql-15"). Start() is safe to call from
// several processes at once (a lock file next to the data directory).
#pragma once

#include <string>

namespace claimex {

class ManagedCluster {
 public:
  static ManagedCluster FromEnvironment();
  // `throwaway`: for tests; initdb --no-sync and the server runs with
  // fsync, synchronous_commit and full_page_writes off (a crash loses data).
  explicit ManagedCluster(std::string data_dir, bool throwaway = false);

  const std::string& data_dir() const { return data_dir_; }
  std::string socket_dir() const;
  // "host=<socket dir> port=5432 dbname=claimex user=claimex".
  std::string ConnectionString() const;

  bool Initialized() const;  // initdb has run
  bool Running() const;      // the postmaster answers pg_ctl status
  // initdb when needed, start when not running, create database claimex.
  // Returns true when it started the server.
  bool Start();
  // Fast shutdown; returns false when it was not running.
  bool Stop();

 private:
  std::string BinDir() const;  // throws when the binaries are missing
  std::string data_dir_;
  bool throwaway_ = false;
};

}  // namespace claimex
