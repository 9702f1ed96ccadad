#include "extractor/report/result_table.h"

#include <algorithm>

#include "extractor/output/json_text.h"

namespace claimex {
namespace {

constexpr std::size_t kMaxCellChars = 60;

// Display width in code points (UTF-8 continuation bytes do not count).
std::size_t Width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Cuts to kMaxCellChars code points, flattening line breaks.
std::string Cell(const std::optional<std::string>& v) {
  if (!v) return "";
  std::string s;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < v->size(); ++i) {
    char c = (*v)[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      if (chars == kMaxCellChars - 1) return s + "…";
      ++chars;
    }
    s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JsonQuote(const std::string& s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

}  // namespace

int ResultTable::ColumnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void WriteTable(const ResultTable& t, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width(t.columns.size());
  for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = Width(t.columns[c]);
  for (const auto& row : t.rows) {
    cells.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      cells.back().push_back(Cell(row[c]));
      width[c] = std::max(width[c], Width(cells.back().back()));
    }
  }
  auto emit = [&](const std::vector<std::string>& row, bool header) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - Width(row[c]), ' ');
      bool right = !header && c < t.numeric.size() && t.numeric[c];
      if (c > 0) line += "  ";
      line += right ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : "");
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  emit(t.columns, true);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.emplace_back(w, '-');
  emit(rule, true);
  for (const auto& row : cells) emit(row, false);
  out << "(" << t.rows.size() << (t.rows.size() == 1 ? " row)\n" : " rows)\n");
}

void WriteCsv(const ResultTable& t, std::ostream& out) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << CsvField(t.columns[c]);
  out << '\n';
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << (row[c] ? CsvField(*row[c]) : "");
    out << '\n';
  }
}

void WriteJson(const ResultTable& t, std::ostream& out) {
  out << "[";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    out << (r ? ",\n " : "\n ") << "{";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c) out << ", ";
      out << JsonQuote(t.columns[c]) << ": ";
      const auto& v = t.rows[r][c];
      if (!v) {
        out << "null";
      } else if (c < t.numeric.size() && t.numeric[c] && *v != "NaN" && *v != "Infinity" && *v != "-Infinity") {
        out << *v;
      } else {
        out << JsonQuote(*v);
      }
    }
    out << "}";
  }
  out << (t.rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace claimex
