// Expected failures as values (LevelDB style). Bad input is not exceptional
// in a text tool: a reader or stage returns an InputError naming the file,
// the line (JSON Lines; 0 when not applicable) and the reason, and the
// pipeline reports it and goes on with the next document.
#pragma once

#include <string>

namespace claimex {

struct InputError {
  std::string file;    // path as given, or "-" for stdin
  long line = 0;       // 1-based line for JSON Lines, else 0
  std::string reason;  // one sentence, no trailing period

  // "path:12: reason" or "path: reason".
  std::string ToString() const {
    return line > 0 ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
  }
};

}  // namespace claimex
