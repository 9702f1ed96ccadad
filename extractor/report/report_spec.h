// A report is one SQL file, sql/reports/NAME.sql, whose leading comment is
// its manual and its interface:
//
//   -- What the report answers, in a few sentences (shown by --list).
//   -- @param category text default=displacement  claim category
//   -- @param since date  earliest effective date (YYYY-MM-DD)
//   -- @plot x=time_end,published y=value low=low high=high qualifier=qualifier series=source
//   -- @plot-title {category} figures by source
//   SELECT ... WHERE category = $1::text AND ($2::date IS NULL OR ...)
//
// The @param lines, in order, are the query's $1, $2, ...: values are always
// bound as parameters, never spliced into the SQL. A parameter without a
// default is NULL when not given. Types: text, date (YYYY-MM-DD), int,
// number. @plot names the result columns a chart reads (x: first non-null
// date among the listed columns; y/low/high: numbers; qualifier: SPEC's
// qualifier, drawing bounds as arrows and ranges as bands; series: one line
// per distinct value; prefer=column:value: when any row has that value, plot
// only such rows). {name} in @plot-title is replaced by that parameter.
//
// Errors are values: ParseReportSpec returns a ReportStatus naming the file
// and the bad line; nothing throws here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimex {

// Expected failure (bad report file, unknown report, bad parameter), with a
// message fit to print as is. ok() when `error` is empty.
struct ReportStatus {
  std::string error;
  bool ok() const { return error.empty(); }
  static ReportStatus Error(std::string message) { return ReportStatus{std::move(message)}; }
};

enum class ParamType { kText, kDate, kInt, kNumber };
std::string_view ToString(ParamType t);

struct ReportParam {
  std::string name;
  ParamType type = ParamType::kText;
  std::optional<std::string> default_value;  // unset: NULL when not given
  std::string help;
};

struct PlotSpec {
  bool enabled = false;
  std::vector<std::string> x;  // date columns, first non-null wins
  std::string y, low, high, qualifier, series;
  // prefer=COLUMN:VALUE: when some rows have COLUMN = VALUE, only those are
  // plotted (e.g. aggregation:cumulative, the running totals of a series).
  std::string prefer_column, prefer_value;
  std::string title;           // may hold {param} placeholders
};

struct ReportSpec {
  std::string name;         // file name without .sql
  std::string description;  // the header's prose, lines joined by spaces
  std::vector<ReportParam> params;  // params[i] is $(i+1)
  PlotSpec plot;
  std::string sql;          // the whole file, header included
  // The description's first sentence, for one-line listings.
  std::string Summary() const;
};

// Report names are lower-case identifiers ([a-z][a-z0-9_]*, at most 64
// bytes), so a name can never be a path.
bool IsValidReportName(std::string_view name);

// Parses a report file's header. Fails on an unknown @ directive, a bad
// @param line, a duplicate parameter, or a query whose highest $N differs
// from the number of @param lines.
ReportStatus ParseReportSpec(std::string_view name, std::string_view text, ReportSpec& out);

// The highest $N placeholder in `sql` outside comments, string literals and
// quoted identifiers (0 when none).
int MaxPlaceholder(std::string_view sql);

}  // namespace claimex
