#include "extractor/report/report_params.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "extractor/core/date.h"

namespace claimex {
namespace {

bool IsInt(const std::string& s) {
  long long v = 0;
  const char* begin = s.data();
  auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  // strtod also takes "inf", "nan" and hex; PostgreSQL numeric takes none of them.
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
  }
  return end == s.c_str() + s.size();
}

ReportStatus CheckType(const ReportSpec& spec, const ReportParam& p, const std::string& v) {
  auto bad = [&](const char* want) {
    return ReportStatus::Error("report " + spec.name + ": parameter " + p.name + "='" + v + "' is not " + want);
  };
  switch (p.type) {
    case ParamType::kText: return {};
    case ParamType::kDate:
      if (v.size() != 10 || !ParseIsoDate(v)) return bad("a date (YYYY-MM-DD)");
      return {};
    case ParamType::kInt: return IsInt(v) ? ReportStatus{} : bad("an integer");
    case ParamType::kNumber: return IsNumber(v) ? ReportStatus{} : bad("a number");
  }
  return {};
}

}  // namespace

ReportStatus BindParams(const ReportSpec& spec, const std::vector<std::string>& assignments,
                        std::vector<std::optional<std::string>>& values) {
  values.assign(spec.params.size(), std::nullopt);
  std::vector<bool> given(spec.params.size(), false);
  for (std::size_t i = 0; i < spec.params.size(); ++i) values[i] = spec.params[i].default_value;
  for (const std::string& a : assignments) {
    std::size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      return ReportStatus::Error("--param expects key=value, got '" + a + "'");
    }
    std::string key = a.substr(0, eq);
    std::string value = a.substr(eq + 1);
    std::size_t i = 0;
    while (i < spec.params.size() && spec.params[i].name != key) ++i;
    if (i == spec.params.size()) {
      std::string known;
      for (const ReportParam& p : spec.params) known += (known.empty() ? "" : ", ") + p.name;
      return ReportStatus::Error("report " + spec.name + " has no parameter '" + key + "' (parameters: " +
                                 (known.empty() ? "none" : known) + ")");
    }
    if (given[i]) return ReportStatus::Error("parameter '" + key + "' given twice");
    given[i] = true;
    if (value.empty()) {
      values[i] = std::nullopt;
      continue;
    }
    if (ReportStatus s = CheckType(spec, spec.params[i], value); !s.ok()) return s;
    values[i] = std::move(value);
  }
  return {};
}

}  // namespace claimex
