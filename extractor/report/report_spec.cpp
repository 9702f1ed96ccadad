#include "extractor/report/report_spec.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "extractor/core/ascii.h"

namespace claimex {
namespace {

// Splits off the first whitespace-delimited word of `s`.
std::string_view NextWord(std::string_view& s) {
  s = TrimAsciiSpace(s);
  std::size_t end = 0;
  while (end < s.size() && !IsAsciiSpace(s[end])) ++end;
  std::string_view word = s.substr(0, end);
  s.remove_prefix(end);
  s = TrimAsciiSpace(s);
  return word;
}

std::optional<ParamType> ParseParamType(std::string_view s) {
  if (s == "text") return ParamType::kText;
  if (s == "date") return ParamType::kDate;
  if (s == "int") return ParamType::kInt;
  if (s == "number") return ParamType::kNumber;
  return std::nullopt;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

ReportStatus ParseParamLine(std::string_view rest, ReportParam& p) {
  std::string_view name = NextWord(rest);
  std::string_view type = NextWord(rest);
  if (!IsIdentifier(name)) return ReportStatus::Error("bad parameter name '" + std::string(name) + "'");
  auto t = ParseParamType(type);
  if (!t) {
    return ReportStatus::Error("parameter '" + std::string(name) + "' has unknown type '" +
                               std::string(type) + "' (text, date, int, number)");
  }
  p.name = std::string(name);
  p.type = *t;
  if (rest.substr(0, 8) == "default=") {
    std::string_view def = NextWord(rest);
    p.default_value = std::string(def.substr(8));
  }
  p.help = std::string(rest);
  return {};
}

ReportStatus ParsePlotLine(std::string_view rest, PlotSpec& plot) {
  plot.enabled = true;
  while (!TrimAsciiSpace(rest).empty()) {
    std::string_view kv = NextWord(rest);
    std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos) return ReportStatus::Error("@plot expects key=column, got '" + std::string(kv) + "'");
    std::string_view key = kv.substr(0, eq);
    std::string value(kv.substr(eq + 1));
    if (key == "x") {
      std::stringstream ss(value);
      for (std::string col; std::getline(ss, col, ',');) plot.x.push_back(col);
    } else if (key == "y") {
      plot.y = value;
    } else if (key == "low") {
      plot.low = value;
    } else if (key == "high") {
      plot.high = value;
    } else if (key == "qualifier") {
      plot.qualifier = value;
    } else if (key == "series") {
      plot.series = value;
    } else if (key == "prefer") {
      std::size_t colon = value.find(':');
      if (colon == std::string::npos) return ReportStatus::Error("@plot prefer= expects column:value");
      plot.prefer_column = value.substr(0, colon);
      plot.prefer_value = value.substr(colon + 1);
    } else {
      return ReportStatus::Error("@plot has unknown key '" + std::string(key) + "'");
    }
  }
  if (plot.x.empty() || plot.y.empty()) return ReportStatus::Error("@plot needs x= and y=");
  return {};
}

}  // namespace

std::string_view ToString(ParamType t) {
  switch (t) {
    case ParamType::kText: return "text";
    case ParamType::kDate: return "date";
    case ParamType::kInt: return "int";
    case ParamType::kNumber: return "number";
  }
  return "text";
}

std::string ReportSpec::Summary() const {
  std::size_t end = description.find(". ");
  if (end == std::string::npos) return description;
  return description.substr(0, end + 1);
}

bool IsValidReportName(std::string_view name) { return IsIdentifier(name); }

int MaxPlaceholder(std::string_view sql) {
  int max = 0;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  while (i < n) {
    char c = sql[i];
    if (c == '-' && i + 1 < n && sql[i + 1] == '-') {  // line comment
      while (i < n && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {  // block comment
      std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? n : end + 2;
    } else if (c == '\'' || c == '"') {  // literal or quoted identifier ('' and "" escape)
      ++i;
      while (i < n) {
        if (sql[i] == c) {
          if (i + 1 < n && sql[i + 1] == c) { i += 2; continue; }
          break;
        }
        ++i;
      }
      ++i;
    } else if (c == '$' && i + 1 < n && std::isdigit(static_cast<unsigned char>(sql[i + 1])) &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_'))) {
      int v = 0;
      ++i;
      while (i < n && std::isdigit(static_cast<unsigned char>(sql[i]))) v = v * 10 + (sql[i++] - '0');
      max = std::max(max, v);
    } else {
      ++i;
    }
  }
  return max;
}

ReportStatus ParseReportSpec(std::string_view name, std::string_view text, ReportSpec& out) {
  out = ReportSpec{};
  out.name = std::string(name);
  out.sql = std::string(text);
  const std::string where = "sql/reports/" + std::string(name) + ".sql";
  std::string_view rest = text;
  int line_no = 0;
  std::vector<std::string> prose;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = TrimAsciiSpace(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (line.empty()) continue;
    if (line.substr(0, 2) != "--") break;  // the header ends at the first SQL line
    std::string_view body = TrimAsciiSpace(line.substr(2));
    auto fail = [&](const std::string& why) {
      return ReportStatus::Error(where + ":" + std::to_string(line_no) + ": " + why);
    };
    if (body.empty() || body[0] != '@') {
      if (!body.empty()) prose.emplace_back(body);
      continue;
    }
    std::string_view directive = NextWord(body);
    if (directive == "@param") {
      ReportParam p;
      if (ReportStatus s = ParseParamLine(body, p); !s.ok()) return fail(s.error);
      for (const ReportParam& q : out.params) {
        if (q.name == p.name) return fail("duplicate parameter '" + p.name + "'");
      }
      out.params.push_back(std::move(p));
    } else if (directive == "@plot") {
      if (ReportStatus s = ParsePlotLine(body, out.plot); !s.ok()) return fail(s.error);
    } else if (directive == "@plot-title") {
      out.plot.title = std::string(body);
    } else {
      return fail("unknown directive '" + std::string(directive) + "' (@param, @plot, @plot-title)");
    }
  }
  for (std::size_t i = 0; i < prose.size(); ++i) {
    if (i > 0) out.description += ' ';
    out.description += prose[i];
  }
  int max = MaxPlaceholder(text);
  if (max != static_cast<int>(out.params.size())) {
    return ReportStatus::Error(where + ": the query uses $1..$" + std::to_string(max) + " but the header declares " +
                               std::to_string(out.params.size()) + " @param lines");
  }
  return {};
}

}  // namespace claimex
