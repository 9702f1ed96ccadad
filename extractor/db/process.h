// Runs a program (no shell) and waits for it, capturing stdout and stderr
// together, for the managed cluster's initdb / pg_ctl calls. With
// `as_server_user` and when claimex runs as root, the program runs as the
// `postgres` system user through runuser, since PostgreSQL refuses root.
// The child starts in "/" so a private working directory never bothers it.
//
//   ProcessResult r = RunProcess({"/usr/lib/postgresql/15/bin/pg_ctl", "status", "-D", dir}, true);
//   if (r.exit_code != 0) ... r.output
#pragma once

#include <string>
#include <vector>

namespace claimex {

struct ProcessResult {
  int exit_code = -1;  // 127 when the program could not be executed
  std::string output;  // stdout and stderr, interleaved
};

ProcessResult RunProcess(const std::vector<std::string>& argv, bool as_server_user);

// True when claimex runs as root (the server then runs as ServerUserName()).
bool RunningAsRoot();
// "postgres": the system user that owns managed clusters when run as root.
const char* ServerUserName();

}  // namespace claimex
