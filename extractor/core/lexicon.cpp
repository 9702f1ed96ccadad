#include "extractor/core/lexicon.h"

#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "extractor/core/ascii.h"

namespace claimex::generated {
const std::pair<std::string_view, std::string_view>* LexiconTable();
extern const int LexiconTableCount;
}  // namespace claimex::generated

namespace claimex {

std::string_view LexiconText(std::string_view name) {
  for (int i = 0; i < generated::LexiconTableCount; ++i) {
    if (generated::LexiconTable()[i].first == name) return generated::LexiconTable()[i].second;
  }
  throw std::logic_error("unknown lexicon: " + std::string(name));
}

std::vector<LexiconRow> LoadLexicon(std::string_view name) {
  std::string_view text = LexiconText(name);
  std::vector<LexiconRow> rows;
  int line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = TrimAsciiSpace(line);
    if (line.empty() || line.front() == '#') continue;
    LexiconRow row;
    row.line = line_no;
    while (true) {
      std::size_t bar = line.find('|');
      row.fields.emplace_back(TrimAsciiSpace(line.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      line = line.substr(bar + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string_view> LexiconNames() {
  std::vector<std::string_view> names;
  for (int i = 0; i < generated::LexiconTableCount; ++i) names.push_back(generated::LexiconTable()[i].first);
  std::sort(names.begin(), names.end());
  return names;
}

std::string PhraseAlternation(std::vector<std::string> phrases) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string out = "(?:";
  bool first = true;
  for (const std::string& p : phrases) {
    if (p.empty()) continue;
    if (!first) out += '|';
    first = false;
    std::string piece;
    for (std::size_t i = 0; i < p.size();) {
      if (p[i] == ' ') {
        while (i < p.size() && p[i] == ' ') ++i;
        piece += "\\s+";
        continue;
      }
      std::size_t j = p.find(' ', i);
      if (j == std::string::npos) j = p.size();
      piece += RE2::QuoteMeta(p.substr(i, j - i));
      i = j;
    }
    out += piece;
  }
  out += ")";
  return out;
}

}  // namespace claimex
