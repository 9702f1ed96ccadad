// Binds `--param key=value` arguments to a report's declared parameters.
// The result holds one value per @param, in $1.. order, ready to be passed
// to the query as bound parameters (never spliced into SQL text): the given
// value, else the declared default, else NULL (nullopt). `key=` with an empty
// value sets NULL explicitly, overriding a default.
//
// Values are checked against the declared type before the query runs, so a
// typo gets a clear message rather than a PostgreSQL cast error: date must
// be YYYY-MM-DD and a real day, int an integer, number a decimal.
//
//   std::vector<std::optional<std::string>> values;
//   ReportStatus s = BindParams(spec, {"category=displacement", "since=2020-01-01"}, values);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractor/report/report_spec.h"

namespace claimex {

ReportStatus BindParams(const ReportSpec& spec, const std::vector<std::string>& assignments,
                        std::vector<std::optional<std::string>>& values);

}  // namespace claimex
