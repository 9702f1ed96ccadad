// Lexicons are the data of claimex's rules: plain-text files in
// extractor/lexicons/ compiled into the binary (cmake/embed_files.cmake).
//
// File format: one entry per line, fields separated by '|' and trimmed of
// spaces; blank lines and lines starting with '#' are ignored. Each file's
// header comment says what its fields mean. Example (qualifiers.txt):
//   more than | lower_bound
//
//   for (const LexiconRow& row : LoadLexicon("qualifiers.txt")) ...
//
// Unknown names throw std::logic_error: a missing lexicon is a build bug.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimex {

struct LexiconRow {
  std::vector<std::string> fields;  // at least one, each trimmed
  int line = 0;                     // 1-based line in the file, for messages
  const std::string& operator[](std::size_t i) const { return fields[i]; }
  // Field i, or "" when the row is shorter.
  std::string_view get(std::size_t i) const {
    return i < fields.size() ? std::string_view(fields[i]) : std::string_view();
  }
};

std::string_view LexiconText(std::string_view name);
std::vector<LexiconRow> LoadLexicon(std::string_view name);
// Names of every compiled-in lexicon, sorted.
std::vector<std::string_view> LexiconNames();

// An RE2 alternation "(?:a|b c|...)" of the given phrases, longest first so
// the leftmost-longest reading wins, with special characters escaped and each
// space matching any run of whitespace. Phrases are matched as written; add
// (?i) around the result for case-insensitive matching.
std::string PhraseAlternation(std::vector<std::string> phrases);

}  // namespace claimex
