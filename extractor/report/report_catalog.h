// The reports claimex knows: the files sql/reports/*.sql (embedded in the
// binary, or read from $CLAIMEX_HOME/sql; see extractor/db/sql_files.h).
// A report is looked up by name among those files only: the name is checked
// against IsValidReportName and matched to an existing file, so user input
// never becomes a path.
//
//   ReportSpec spec;
//   ReportStatus s = LoadReport("timeseries", spec);
//   if (!s.ok()) { std::cerr << s.error << "\n"; return 2; }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/report/report_spec.h"

namespace claimex {

// Every report, sorted by name. A file whose header does not parse is left
// out and its error appended to `errors` (when not null).
std::vector<ReportSpec> ListReports(std::vector<std::string>* errors = nullptr);

// The named report; an error listing the known names when there is none.
ReportStatus LoadReport(std::string_view name, ReportSpec& out);

}  // namespace claimex
