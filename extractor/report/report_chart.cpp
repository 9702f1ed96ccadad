#include "extractor/report/report_chart.h"

#include <algorithm>
#include <cstdlib>

namespace claimex {
namespace {

std::optional<double> Number(const std::optional<std::string>& cell) {
  if (!cell || cell->empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(cell->c_str(), &end);
  if (end != cell->c_str() + cell->size()) return std::nullopt;
  return v;
}

// "{category} figures" with category=displacement -> "Displacement figures".
std::string Title(const ReportSpec& spec, const std::vector<std::optional<std::string>>& params) {
  std::string t = spec.plot.title.empty() ? spec.name : spec.plot.title;
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    std::string key = "{" + spec.params[i].name + "}";
    std::string value = params.size() > i && params[i] ? *params[i] : "all";
    for (std::size_t at; (at = t.find(key)) != std::string::npos;) t.replace(at, key.size(), value);
  }
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t;
}

}  // namespace

ReportStatus BuildChart(const ReportSpec& spec, const std::vector<std::optional<std::string>>& params,
                        const ResultTable& table, Chart& chart, int& skipped) {
  const PlotSpec& plot = spec.plot;
  if (!plot.enabled) return ReportStatus::Error("report " + spec.name + " cannot be plotted (no @plot line)");
  auto column = [&](const std::string& name, int& index) -> ReportStatus {
    index = -1;
    if (name.empty()) return {};
    index = table.ColumnIndex(name);
    if (index < 0) return ReportStatus::Error("report " + spec.name + ": @plot names column '" + name + "', which the result lacks");
    return {};
  };
  std::vector<int> xs;
  for (const std::string& x : plot.x) {
    int i;
    if (ReportStatus s = column(x, i); !s.ok()) return s;
    xs.push_back(i);
  }
  int y, low, high, qualifier, series;
  for (auto [name, index] : {std::pair{&plot.y, &y}, {&plot.low, &low}, {&plot.high, &high},
                             {&plot.qualifier, &qualifier}, {&plot.series, &series}}) {
    if (ReportStatus s = column(*name, *index); !s.ok()) return s;
  }
  int prefer = -1;
  bool any_preferred = false;
  if (!plot.prefer_column.empty()) {
    if (ReportStatus s = column(plot.prefer_column, prefer); !s.ok()) return s;
    for (const auto& row : table.rows) any_preferred |= row[prefer] == plot.prefer_value;
  }
  chart = Chart{};
  chart.title = Title(spec, params);
  chart.x_label = "date (" + plot.x.front() + (plot.x.size() > 1 ? ", else " + plot.x[1] : std::string()) + ")";
  chart.y_label = plot.y;
  skipped = 0;
  for (const auto& row : table.rows) {
    if (any_preferred && row[prefer] != plot.prefer_value) {
      ++skipped;
      continue;
    }
    std::optional<Date> date;
    for (int x : xs) {
      if (row[x] && (date = ParseIsoDate(*row[x]))) break;
    }
    ChartPoint p;
    p.value = Number(row[y]);
    if (low >= 0) p.low = Number(row[low]);
    if (high >= 0) p.high = Number(row[high]);
    if (!date || (!p.value && !p.low && !p.high)) {
      ++skipped;
      continue;
    }
    p.date = *date;
    std::string q = qualifier >= 0 && row[qualifier] ? *row[qualifier] : "exact";
    p.shape = ShapeForQualifier(q);
    int text = table.ColumnIndex("text");
    p.label = (text >= 0 && row[text] ? *row[text] : std::string()) + " (" + q + ")";
    std::string name = series >= 0 && row[series] ? *row[series] : "(no " + plot.series + ")";
    if (series < 0) name = plot.y;
    auto it = std::find_if(chart.series.begin(), chart.series.end(), [&](const ChartSeries& s) { return s.name == name; });
    if (it == chart.series.end()) it = chart.series.insert(chart.series.end(), ChartSeries{name, {}});
    it->points.push_back(std::move(p));
  }
  return {};
}

}  // namespace claimex
