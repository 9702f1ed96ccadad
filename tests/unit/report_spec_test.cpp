// Report files: header parsing, placeholder counting, parameter binding and
// the catalog of embedded reports (names never become paths).
#include <catch2/catch.hpp>

#include "extractor/report/report_catalog.h"
#include "extractor/report/report_params.h"
#include "extractor/report/report_spec.h"

using namespace claimex;

namespace {

const char* kReport =
    "-- Figures over time. Second sentence.\n"
    "-- @param category text default=displacement  claim category\n"
    "-- @param since date  earliest day\n"
    "-- @param limit int  at most this many\n"
    "-- @plot x=time_end,published y=value low=low high=high qualifier=qualifier series=source\n"
    "-- @plot-title {category} by source\n"
    "SELECT * FROM t WHERE c = $1::text AND ($2::date IS NULL OR d >= $2) LIMIT $3::int;\n";

}  // namespace

TEST_CASE("report header: description, params in $ order, plot") {
  ReportSpec spec;
  ReportStatus s = ParseReportSpec("demo", kReport, spec);
  REQUIRE(s.ok());
  CHECK(spec.description == "Figures over time. Second sentence.");
  CHECK(spec.Summary() == "Figures over time.");
  REQUIRE(spec.params.size() == 3);
  CHECK(spec.params[0].name == "category");
  CHECK(spec.params[0].default_value == std::optional<std::string>("displacement"));
  CHECK(spec.params[0].help == "claim category");
  CHECK(spec.params[1].type == ParamType::kDate);
  CHECK_FALSE(spec.params[1].default_value.has_value());
  CHECK(spec.params[2].type == ParamType::kInt);
  CHECK(spec.plot.enabled);
  CHECK(spec.plot.x == std::vector<std::string>{"time_end", "published"});
  CHECK(spec.plot.series == "source");
  CHECK(spec.plot.title == "{category} by source");
}

TEST_CASE("report header errors name the file and line") {
  ReportSpec spec;
  ReportStatus s = ParseReportSpec("bad", "-- x\n-- @param a blob  no such type\nSELECT $1;\n", spec);
  CHECK_FALSE(s.ok());
  CHECK(s.error.find("sql/reports/bad.sql:2:") != std::string::npos);
  CHECK_FALSE(ParseReportSpec("bad", "-- @frobnicate\nSELECT 1;\n", spec).ok());
  CHECK_FALSE(ParseReportSpec("bad", "-- @param a text\n-- @param a text\nSELECT $1, $2;\n", spec).ok());
  // placeholders must match the declared parameters exactly
  CHECK_FALSE(ParseReportSpec("bad", "-- @param a text\nSELECT $1, $2;\n", spec).ok());
  CHECK_FALSE(ParseReportSpec("bad", "-- @param a text\n-- @param b text\nSELECT $1;\n", spec).ok());
}

TEST_CASE("MaxPlaceholder ignores comments, literals and identifiers") {
  CHECK(MaxPlaceholder("SELECT $1, $12") == 12);
  CHECK(MaxPlaceholder("-- $9 in a comment\nSELECT $1") == 1);
  CHECK(MaxPlaceholder("/* $9 */ SELECT '$9 it''s', \"a$9\" , $2") == 2);
  CHECK(MaxPlaceholder("SELECT a$1 FROM t") == 0);
  CHECK(MaxPlaceholder("SELECT 1") == 0);
}

TEST_CASE("report names are identifiers, never paths") {
  CHECK(IsValidReportName("timeseries"));
  CHECK(IsValidReportName("by_source2"));
  for (const char* bad : {"", "../etc/passwd", "reports/compare", "Compare", "a.sql", "a b", "_x", "x;drop"}) {
    INFO(bad);
    CHECK_FALSE(IsValidReportName(bad));
    ReportSpec spec;
    ReportStatus s = LoadReport(bad, spec);
    CHECK_FALSE(s.ok());
    CHECK(s.error.find("unknown report") != std::string::npos);
  }
}

TEST_CASE("BindParams: given, default, explicit NULL, types checked") {
  ReportSpec spec;
  REQUIRE(ParseReportSpec("demo", kReport, spec).ok());
  std::vector<std::optional<std::string>> v;
  REQUIRE(BindParams(spec, {}, v).ok());
  REQUIRE(v.size() == 3);
  CHECK(v[0] == std::optional<std::string>("displacement"));
  CHECK_FALSE(v[1].has_value());
  REQUIRE(BindParams(spec, {"since=2020-02-01", "category=casualties", "limit=5"}, v).ok());
  CHECK(v[0] == std::optional<std::string>("casualties"));
  CHECK(v[1] == std::optional<std::string>("2020-02-01"));
  CHECK(v[2] == std::optional<std::string>("5"));
  REQUIRE(BindParams(spec, {"category="}, v).ok());
  CHECK_FALSE(v[0].has_value());
  // values go to the server as data: quotes are kept verbatim, not escaped here
  REQUIRE(BindParams(spec, {"category=x'; DROP TABLE claims; --"}, v).ok());
  CHECK(v[0] == std::optional<std::string>("x'; DROP TABLE claims; --"));

  CHECK_FALSE(BindParams(spec, {"since=2020-02-30"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"since=Feb 1"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"limit=five"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"nosuch=1"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"category"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"=x"}, v).ok());
  CHECK_FALSE(BindParams(spec, {"limit=1", "limit=2"}, v).ok());
}

TEST_CASE("every bundled report parses and the required ones exist") {
  std::vector<std::string> errors;
  std::vector<ReportSpec> reports = ListReports(&errors);
  for (const std::string& e : errors) FAIL_CHECK(e);
  std::vector<std::string> names;
  for (const ReportSpec& r : reports) {
    names.push_back(r.name);
    CHECK_FALSE(r.description.empty());
  }
  for (const char* want : {"timeseries", "compare", "latest", "speakers", "sources"}) {
    INFO(want);
    CHECK(std::find(names.begin(), names.end(), want) != names.end());
  }
  ReportSpec ts;
  REQUIRE(LoadReport("timeseries", ts).ok());
  CHECK(ts.plot.enabled);
  CHECK(ts.params.front().name == "category");
}
