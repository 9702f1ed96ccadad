// Turns a report's result into a Chart (svg_chart.h) following the report's
// @plot line (report_spec.h): the x date is the first non-null of the listed
// date columns, y/low/high are read as numbers, the qualifier column picks
// the point shape, and rows are grouped into one series per distinct value
// of the series column (in order of first appearance). Rows with no date or
// no number, and rows the prefer= rule sets aside, are left out and counted
// in `skipped`.
//
// Fails (ReportStatus) when the report has no @plot line or the result lacks
// a column the @plot line names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractor/report/report_spec.h"
#include "extractor/report/result_table.h"
#include "extractor/report/svg_chart.h"

namespace claimex {

ReportStatus BuildChart(const ReportSpec& spec, const std::vector<std::optional<std::string>>& params,
                        const ResultTable& table, Chart& chart, int& skipped);

}  // namespace claimex
