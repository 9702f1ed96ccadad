#include "extractor/report/report_catalog.h"

#include "extractor/db/sql_files.h"

namespace claimex {
namespace {

constexpr std::string_view kPrefix = "reports/";
constexpr std::string_view kSuffix = ".sql";

// "reports/timeseries.sql" -> "timeseries"; empty for anything else
// (subfolders, other extensions).
std::string ReportNameOf(std::string_view file) {
  if (file.substr(0, kPrefix.size()) != kPrefix) return "";
  file.remove_prefix(kPrefix.size());
  if (file.size() <= kSuffix.size() || file.substr(file.size() - kSuffix.size()) != kSuffix) return "";
  file.remove_suffix(kSuffix.size());
  return IsValidReportName(file) ? std::string(file) : "";
}

}  // namespace

std::vector<ReportSpec> ListReports(std::vector<std::string>* errors) {
  std::vector<ReportSpec> out;
  for (const SqlFile& f : LoadSqlFiles("sql")) {
    std::string name = ReportNameOf(f.name);
    if (name.empty()) continue;
    ReportSpec spec;
    ReportStatus s = ParseReportSpec(name, f.text, spec);
    if (!s.ok()) {
      if (errors != nullptr) errors->push_back(s.error);
      continue;
    }
    out.push_back(std::move(spec));
  }
  return out;  // LoadSqlFiles sorts by file name, hence by report name
}

ReportStatus LoadReport(std::string_view name, ReportSpec& out) {
  std::vector<std::string> known;
  if (IsValidReportName(name)) {
    for (const SqlFile& f : LoadSqlFiles("sql")) {
      std::string file_name = ReportNameOf(f.name);
      if (file_name.empty()) continue;
      if (file_name == name) return ParseReportSpec(name, f.text, out);
      known.push_back(file_name);
    }
  } else {
    for (const SqlFile& f : LoadSqlFiles("sql")) {
      if (std::string n = ReportNameOf(f.name); !n.empty()) known.push_back(n);
    }
  }
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  return ReportStatus::Error("unknown report '" + std::string(name) + "' (known: " +
                             (list.empty() ? "none" : list) + ")");
}

}  // namespace claimex
