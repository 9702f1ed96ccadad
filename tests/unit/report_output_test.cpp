// Report output: table/CSV/JSON writers and the SVG chart (structure only;
// tests/cli/report_plot.sh renders a real chart with rsvg-convert).
#include <catch2/catch.hpp>

#include <sstream>

#include "extractor/report/report_chart.h"
#include "extractor/report/result_table.h"
#include "extractor/report/svg_chart.h"

using namespace claimex;

namespace {

ResultTable Sample() {
  ResultTable t;
  t.columns = {"source", "value", "text"};
  t.numeric = {false, true, false};
  t.rows.push_back({std::string("AFP"), std::string("388000"), std::string("more than 388,000")});
  t.rows.push_back({std::string("Al \"J\""), std::nullopt, std::string("a\nb")});
  return t;
}

int Count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("CSV quotes what needs quoting, NULL is empty") {
  std::ostringstream out;
  WriteCsv(Sample(), out);
  CHECK(out.str() ==
        "source,value,text\n"
        "AFP,388000,\"more than 388,000\"\n"
        "\"Al \"\"J\"\"\",,\"a\nb\"\n");
}

TEST_CASE("JSON: numbers as numbers, NULL as null, strings escaped") {
  std::ostringstream out;
  WriteJson(Sample(), out);
  CHECK(out.str() ==
        "[\n {\"source\": \"AFP\", \"value\": 388000, \"text\": \"more than 388,000\"},\n"
        " {\"source\": \"Al \\\"J\\\"\", \"value\": null, \"text\": \"a\\nb\"}\n]\n");
  std::ostringstream empty;
  WriteJson(ResultTable{{"a"}, {false}, {}}, empty);
  CHECK(empty.str() == "[]\n");
}

TEST_CASE("table: aligned, numbers right-aligned, row count") {
  std::ostringstream out;
  WriteTable(Sample(), out);
  CHECK(out.str() ==
        "source  value   text\n"
        "------  ------  -----------------\n"
        "AFP     388000  more than 388,000\n"
        "Al \"J\"          a b\n"
        "(2 rows)\n");
}

TEST_CASE("nice ticks and compact numbers") {
  CHECK(NiceTicks(0, 900000) == std::vector<double>{0, 200000, 400000, 600000, 800000, 1000000});
  CHECK(NiceTicks(0, 7, 7) == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7});
  CHECK(CompactNumber(950) == "950");
  CHECK(CompactNumber(388000) == "388k");
  CHECK(CompactNumber(1500000) == "1.5M");
  CHECK(CompactNumber(2.5) == "2.5");
}

TEST_CASE("SVG: one group per series, shapes by qualifier, escaped text") {
  Chart c;
  c.title = "Displacement <Idlib> & more";
  Date d1 = *ParseIsoDate("2020-01-29"), d2 = *ParseIsoDate("2020-02-17");
  c.series.push_back({"AFP", {{d1, 388000, 388000, std::nullopt, PointShape::kLowerBound, "more than 388,000"},
                              {d2, 900000, std::nullopt, 900000, PointShape::kUpperBound, "nearly 900,000"}}});
  c.series.push_back({"Reuters", {{d1, std::nullopt, 10000, 99999, PointShape::kBand, "tens of thousands"},
                                  {d2, 520000, std::nullopt, std::nullopt, PointShape::kApproximate, "about"}}});
  c.series.push_back({"BBC", {{d2, 586000, 586000, 586000, PointShape::kExact, "586,000"}}});
  std::string svg = RenderSvg(c);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(Count(svg, "<g class=\"series\"") == 3);
  CHECK(Count(svg, "class=\"legend-entry\"") == 3);
  CHECK(Count(svg, "class=\"point lower-bound\"") == 1);
  CHECK(Count(svg, "class=\"point upper-bound\"") == 1);
  CHECK(Count(svg, "class=\"point band\"") == 1);
  CHECK(Count(svg, "class=\"point approximate\"") == 1);
  CHECK(Count(svg, "class=\"point exact\"") == 1);
  CHECK(Count(svg, "class=\"line\"") == 2);  // BBC has a single point
  CHECK(svg.find("Displacement &lt;Idlib&gt; &amp; more") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("href") == std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

TEST_CASE("SVG: empty chart says so") {
  Chart c;
  c.title = "nothing";
  std::string svg = RenderSvg(c);
  CHECK(svg.find("no data") != std::string::npos);
  CHECK(Count(svg, "<g class=\"series\"") == 0);
}

TEST_CASE("BuildChart reads the @plot columns, groups by series") {
  ReportSpec spec;
  REQUIRE(ParseReportSpec("ts",
                          "-- t\n-- @param category text\n"
                          "-- @plot x=time_end,published y=value low=low high=high qualifier=qualifier series=source\n"
                          "-- @plot-title {category} by source\nSELECT $1;\n",
                          spec).ok());
  ResultTable t;
  t.columns = {"published", "source", "value", "low", "high", "qualifier", "time_end", "text"};
  auto s = [](const char* v) { return std::optional<std::string>(v); };
  std::optional<std::string> null;
  t.rows = {{s("2020-01-29"), s("AFP"), s("388000"), s("388000"), null, s("lower_bound"), s("2020-01-29"), s("more than 388,000")},
            {s("2020-02-05"), s("Reuters"), null, s("10000"), s("99999"), s("vague"), null, s("tens of thousands")},
            {s("2020-02-06"), s("AFP"), null, null, null, s("exact"), null, s("no figure")},
            {null, s("BBC"), s("5"), null, null, s("exact"), null, s("no date")}};
  Chart chart;
  int skipped = 0;
  REQUIRE(BuildChart(spec, {s("displacement")}, t, chart, skipped).ok());
  CHECK(chart.title == "Displacement by source");
  CHECK(skipped == 2);
  REQUIRE(chart.series.size() == 2);
  CHECK(chart.series[0].name == "AFP");
  CHECK(chart.series[1].points[0].shape == PointShape::kBand);
  CHECK(FormatIsoDate(chart.series[1].points[0].date) == "2020-02-05");  // time_end null: published

  t.columns[1] = "outlet";
  CHECK_FALSE(BuildChart(spec, {s("displacement")}, t, chart, skipped).ok());
  ReportSpec plain;
  REQUIRE(ParseReportSpec("p", "-- p\nSELECT 1;\n", plain).ok());
  CHECK_FALSE(BuildChart(plain, {}, t, chart, skipped).ok());
}
