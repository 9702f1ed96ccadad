#include "extractor/db/sql_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "extractor/db/connection.h"

namespace claimex {
namespace generated {
const std::pair<std::string_view, std::string_view>* SqlFileTable();
extern const int SqlFileTableCount;
}  // namespace generated

namespace fs = std::filesystem;

std::vector<SqlFile> LoadSqlFiles(std::string_view dir) {
  std::vector<SqlFile> out;
  const char* home = std::getenv("CLAIMEX_HOME");
  if (home != nullptr && *home != '\0') {
    fs::path root = fs::path(home) / std::string(dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      // A home without this directory has none of these files (e.g. no sql/ yet).
      if (fs::exists(root, ec)) throw DbError(root.string() + " is not a directory");
      return out;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".sql") continue;
      std::ifstream in(it->path(), std::ios::binary);
      if (!in) throw DbError("cannot read " + it->path().string());
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back({fs::relative(it->path(), root).generic_string(), text.str()});
    }
    if (ec) throw DbError("cannot list " + root.string() + ": " + ec.message());
  } else {
    std::string prefix = std::string(dir) + "/";
    for (int i = 0; i < generated::SqlFileTableCount; ++i) {
      std::string_view name = generated::SqlFileTable()[i].first;
      if (name.substr(0, prefix.size()) != prefix) continue;
      out.push_back({std::string(name.substr(prefix.size())),
                     std::string(generated::SqlFileTable()[i].second)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const SqlFile& a, const SqlFile& b) { return a.name < b.name; });
  return out;
}

bool FindSqlFile(std::string_view dir, std::string_view name, SqlFile& out) {
  for (SqlFile& f : LoadSqlFiles(dir)) {
    if (f.name == name) {
      out = std::move(f);
      return true;
    }
  }
  return false;
}

}  // namespace claimex
