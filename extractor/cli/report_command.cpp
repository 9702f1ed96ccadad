// `claimex report NAME`: runs one of the SQL reports of sql/reports/ with
// bound parameters and prints a table, CSV or JSON; --plot writes an SVG
// chart; --list lists the reports. Exit 0 ok, 1 the query failed (SQL error,
// timeout), 2 usage or connection error.
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>

#include "extractor/cli/commands.h"
#include "extractor/cli/db_options.h"
#include "extractor/db/connection.h"
#include "extractor/report/report_catalog.h"
#include "extractor/report/report_chart.h"
#include "extractor/report/report_params.h"
#include "extractor/report/report_runner.h"

namespace claimex::cli {
namespace {

struct ReportOptions {
  std::string name;
  bool list = false;
  std::vector<std::string> params;
  std::string format = "table";
  std::string plot;
  double timeout_s = 60;
  DbOptions db;
};

void PrintList(std::ostream& out) {
  std::vector<std::string> errors;
  for (const ReportSpec& r : ListReports(&errors)) {
    out << r.name << "\n    " << r.Summary() << "\n";
    for (const ReportParam& p : r.params) {
      std::string def = p.default_value ? " (default " + *p.default_value + ")" : "";
      out << "    --param " << p.name << "=" << ToString(p.type) << "  " << p.help << def << "\n";
    }
    if (r.plot.enabled) out << "    --plot FILE.svg  chart of " << r.plot.y << " by " << r.plot.series << "\n";
  }
  for (const std::string& e : errors) spdlog::error("{}", e);
}

int Run(const ReportOptions& o) {
  if (o.list) {
    PrintList(std::cout);
    return 0;
  }
  if (o.name.empty()) {
    std::cerr << "claimex report: name a report (claimex report --list shows them)\n";
    return 2;
  }
  ReportSpec spec;
  std::vector<std::optional<std::string>> values;
  ReportStatus s = LoadReport(o.name, spec);
  if (s.ok()) s = BindParams(spec, o.params, values);
  if (s.ok() && !o.plot.empty() && !spec.plot.enabled) s = ReportStatus::Error("report " + spec.name + " cannot be plotted");
  if (!s.ok()) {
    std::cerr << "claimex report: " << s.error << "\n";
    return 2;
  }
  ResultTable table;
  try {
    std::unique_ptr<pqxx::connection> conn = OpenDatabase(o.db);
    EnsureMigrated(*conn);
    if (EnsureViews(*conn)) spdlog::info("report views (re)created");
    table = RunReport(*conn, spec, values, static_cast<int>(o.timeout_s * 1000));
  } catch (const DbError& e) {
    std::cerr << "claimex report: " << e.what() << "\n";
    return 2;
  } catch (const pqxx::broken_connection& e) {
    std::cerr << "claimex report: database connection lost: " << e.what() << "\n";
    return 2;
  } catch (const pqxx::sql_error& e) {
    // 57014 query_canceled: the statement timeout fired.
    if (e.sqlstate() == "57014") {
      std::cerr << "claimex report: " << spec.name << " exceeded the statement timeout (" << o.timeout_s
                << " s; raise it with --timeout)\n";
    } else {
      std::cerr << "claimex report: " << spec.name << " failed: " << e.what();
    }
    return 1;
  }
  if (o.format == "csv") {
    WriteCsv(table, std::cout);
  } else if (o.format == "json") {
    WriteJson(table, std::cout);
  } else {
    WriteTable(table, std::cout);
  }
  if (!o.plot.empty()) {
    Chart chart;
    int skipped = 0;
    if (ReportStatus c = BuildChart(spec, values, table, chart, skipped); !c.ok()) {
      std::cerr << "claimex report: " << c.error << "\n";
      return 2;
    }
    if (skipped > 0) spdlog::info("{} rows without a date or figure left out of the chart", skipped);
    std::ofstream out(o.plot, std::ios::binary);
    out << RenderSvg(chart);
    out.close();
    if (!out) {
      std::cerr << "claimex report: cannot write " << o.plot << "\n";
      return 2;
    }
    std::cerr << "chart written to " << o.plot << " (" << chart.series.size() << " series)\n";
  }
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Run an SQL report over stored claims (sql/reports/NAME.sql) and print it.\n"
      "Reports: timeseries (a figure over time), compare (the same figure across\n"
      "sources), latest (latest figure per source), speakers, sources; --list\n"
      "shows each with its parameters. Syndicated copies of one wire sentence\n"
      "count once (docs/reports.md).");
  cmd->add_option("name", opts->name, "Report name (see --list)");
  cmd->add_flag("--list", opts->list, "List the reports with their descriptions and parameters");
  cmd->add_option("-p,--param", opts->params, "Report parameter key=value (repeatable; key= sets NULL)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--format", opts->format, "Output format: table (default), csv, json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--plot", opts->plot, "Also write an SVG line chart of the result to FILE.svg");
  cmd->add_option("--timeout", opts->timeout_s, "Statement timeout in seconds (default 60)")
      ->check(CLI::PositiveNumber);
  AddDbOption(*cmd, opts->db);
  cmd->callback([opts, &exit_code] { exit_code = Run(*opts); });
}

}  // namespace claimex::cli
