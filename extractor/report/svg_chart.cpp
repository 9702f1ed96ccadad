#include "extractor/report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace claimex {
namespace {

// Colour-blind-safe palette (Okabe-Ito), cycled when there are more series.
constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                    "#E69F00", "#56B4E9", "#000000", "#F0E442"};

std::string Esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

int DayNumber(Date d) { return date::sys_days(d).time_since_epoch().count(); }
Date FromDayNumber(int n) { return Date(date::sys_days(date::days(n))); }

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The y value the line passes through: the figure, else the middle of the
// band, else whichever bound there is.
std::optional<double> Centre(const ChartPoint& p) {
  if (p.value) return p.value;
  if (p.low && p.high) return (*p.low + *p.high) / 2;
  if (p.low) return p.low;
  return p.high;
}

struct DateTick {
  int day;
  std::string label;
};

// Ticks on whole days, weeks (Mondays) or months, depending on the span.
std::vector<DateTick> DateTicks(int lo, int hi) {
  std::vector<DateTick> ticks;
  int span = hi - lo;
  auto day_label = [](int n) {
    Date d = FromDayNumber(n);
    return fmt::format("{} {}", kMonths[unsigned(d.month()) - 1], unsigned(d.day()));
  };
  if (span <= 120) {
    int step = span <= 10 ? 1 : span <= 20 ? 2 : span <= 35 ? 5 : span <= 90 ? 7 : 14;
    int first = lo;
    if (step == 5) first = lo + 1;
    if (step >= 7) {  // align on Mondays (1970-01-01 was a Thursday)
      while (((first % 7) + 7 + 3) % 7 != 0) ++first;
    }
    for (int d = first; d <= hi; d += step) ticks.push_back({d, day_label(d)});
  } else {
    Date d = FromDayNumber(lo);
    date::year_month ym = d.year() / d.month();
    if (d.day() != date::day(1)) ym += date::months(1);
    int months = span / 30;
    int step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 48 ? 3 : 12;
    for (;; ym += date::months(step)) {
      int n = DayNumber(ym / date::day(1));
      if (n > hi) break;
      ticks.push_back({n, fmt::format("{} {}", kMonths[unsigned(ym.month()) - 1], int(ym.year()))});
    }
  }
  return ticks;
}

const char* Colour(std::size_t i) { return kColours[i % (sizeof kColours / sizeof *kColours)]; }

// One arrowhead per series colour (arrow-0, ...) and a grey one for the key;
// SVG 1.1 markers cannot take the colour of the line that uses them.
std::string Markers(std::size_t n) {
  std::string defs = "<defs>\n";
  auto marker = [&](const std::string& id, const char* colour) {
    defs += fmt::format("<marker id=\"{}\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"5\" "
                        "markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\" stroke=\"none\"/></marker>\n",
                        id, colour);
  };
  for (std::size_t i = 0; i < n; ++i) marker("arrow-" + std::to_string(i), Colour(i));
  marker("arrow-key", "#444");
  return defs + "</defs>\n";
}

}  // namespace

PointShape ShapeForQualifier(const std::string& q) {
  if (q == "lower_bound") return PointShape::kLowerBound;
  if (q == "upper_bound") return PointShape::kUpperBound;
  if (q == "range" || q == "vague") return PointShape::kBand;
  if (q == "approximate") return PointShape::kApproximate;
  return PointShape::kExact;
}

std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1;
  double raw = (hi - lo) / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double v = std::floor(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    if (ticks.size() > 100) break;
  }
  if (ticks.back() < hi) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string CompactNumber(double v) {
  double a = std::abs(v);
  auto trim = [](std::string s) {
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  };
  if (a >= 1e9) return trim(fmt::format("{:.2f}", v / 1e9)) + "B";
  if (a >= 1e6) return trim(fmt::format("{:.2f}", v / 1e6)) + "M";
  if (a >= 1e4) return trim(fmt::format("{:.1f}", v / 1e3)) + "k";
  return trim(fmt::format("{:.2f}", v));
}

std::string RenderSvg(const Chart& chart, int width, int height) {
  // Layout: title on top, legend on the right, axes with labels.
  const double left = 80, right = 190, top = 50, bottom = 70;
  const double pw = width - left - right, ph = height - top - bottom;

  int dmin = std::numeric_limits<int>::max(), dmax = std::numeric_limits<int>::min();
  double vmin = std::numeric_limits<double>::infinity(), vmax = -vmin;
  for (const ChartSeries& s : chart.series) {
    for (const ChartPoint& p : s.points) {
      if (!Centre(p)) continue;
      dmin = std::min(dmin, DayNumber(p.date));
      dmax = std::max(dmax, DayNumber(p.date));
      for (const auto& v : {p.value, p.low, p.high}) {
        if (v) vmin = std::min(vmin, *v), vmax = std::max(vmax, *v);
      }
    }
  }
  std::string svg = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
      "<title>{2}</title>\n"
      "{4}"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text class=\"title\" x=\"{3}\" y=\"28\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\">{2}</text>\n",
      width, height, Esc(chart.title), left + pw / 2, Markers(chart.series.size()));
  if (dmin > dmax) {
    svg += fmt::format("<text class=\"empty\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#666\">no data</text>\n</svg>\n",
                       left + pw / 2, top + ph / 2);
    return svg;
  }
  if (dmin == dmax) dmin -= 1, dmax += 1;
  int pad = std::max(1, (dmax - dmin) / 30);
  dmin -= pad, dmax += pad;
  if (vmin >= 0) vmin = 0;  // counts and amounts read best from zero
  // Headroom above the largest figure, so arrows and dots at the top show.
  std::vector<double> yt = NiceTicks(vmin, vmax + (vmax - vmin) * 0.06);
  vmin = yt.front(), vmax = yt.back();

  auto X = [&](int day) { return left + pw * (day - dmin) / double(dmax - dmin); };
  auto Y = [&](double v) { return top + ph - ph * (v - vmin) / (vmax - vmin); };

  // Grid and axes.
  svg += "<g class=\"axes\" stroke=\"#ccc\" stroke-width=\"1\">\n";
  for (double v : yt) svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n", left, Y(v), left + pw, Y(v));
  std::vector<DateTick> xt = DateTicks(dmin, dmax);
  for (const DateTick& t : xt) svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#eee\"/>\n", X(t.day), top, top + ph);
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#444\"/>\n</g>\n", left, top, pw, ph);
  svg += "<g class=\"ticks\" fill=\"#333\">\n";
  for (double v : yt) svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 6, Y(v) + 4, CompactNumber(v));
  for (const DateTick& t : xt) svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", X(t.day), top + ph + 18, Esc(t.label));
  svg += "</g>\n";
  svg += fmt::format("<text class=\"xlabel\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"13\">{}</text>\n", left + pw / 2, height - 22.0, Esc(chart.x_label));
  svg += fmt::format("<text class=\"ylabel\" x=\"18\" y=\"{0:.1f}\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 {0:.1f})\">{1}</text>\n", top + ph / 2, Esc(chart.y_label));

  // Series.
  const double arrow = 22;
  for (std::size_t si = 0; si < chart.series.size(); ++si) {
    const ChartSeries& s = chart.series[si];
    const char* colour = Colour(si);
    std::vector<const ChartPoint*> pts;
    for (const ChartPoint& p : s.points) {
      if (Centre(p)) pts.push_back(&p);
    }
    std::stable_sort(pts.begin(), pts.end(), [](const ChartPoint* a, const ChartPoint* b) { return DayNumber(a->date) < DayNumber(b->date); });
    svg += fmt::format("<g class=\"series\" data-series=\"{}\" stroke=\"{}\" fill=\"{}\">\n", Esc(s.name), colour, colour);
    // The line follows the largest figure of each day: a day's smaller
    // figures (increments, sub-groups such as "of them 20,000 children")
    // stay points, so the line does not zig-zag within one day.
    std::vector<std::pair<int, double>> line;
    for (const ChartPoint* p : pts) {
      int day = DayNumber(p->date);
      if (!line.empty() && line.back().first == day) {
        line.back().second = std::max(line.back().second, *Centre(*p));
      } else {
        line.emplace_back(day, *Centre(*p));
      }
    }
    if (line.size() > 1) {
      std::string d;
      for (const auto& [day, v] : line) d += fmt::format("{}{:.1f},{:.1f}", d.empty() ? "M" : " L", X(day), Y(v));
      svg += fmt::format("<path class=\"line\" d=\"{}\" fill=\"none\" stroke-width=\"2\"/>\n", d);
    }
    for (const ChartPoint* p : pts) {
      double x = X(DayNumber(p->date)), y = Y(*Centre(*p));
      std::string tip = fmt::format("{}: {} {}", Esc(s.name), FormatIsoDate(p->date), Esc(p->label));
      switch (p->shape) {
        case PointShape::kBand: {
          double lo = p->low.value_or(*Centre(*p)), hi = p->high.value_or(*Centre(*p));
          svg += fmt::format("<rect class=\"point band\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"{:.1f}\" fill-opacity=\"0.25\" stroke-opacity=\"0.6\"><title>{}</title></rect>\n",
                             x - 6, Y(hi), std::max(1.0, Y(lo) - Y(hi)), tip);
          svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>\n", x, y);
          break;
        }
        case PointShape::kLowerBound:
        case PointShape::kUpperBound: {
          double dir = p->shape == PointShape::kLowerBound ? -1 : 1;
          svg += fmt::format("<g class=\"point {}\"><title>{}</title><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke-width=\"2\" marker-end=\"url(#arrow-{})\"/><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\"/></g>\n",
                             p->shape == PointShape::kLowerBound ? "lower-bound" : "upper-bound", tip, x, y, x, y + dir * arrow, si, x, y);
          break;
        }
        case PointShape::kApproximate:
          svg += fmt::format("<circle class=\"point approximate\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"white\" stroke-width=\"2\"><title>{}</title></circle>\n", x, y, tip);
          break;
        case PointShape::kExact:
          svg += fmt::format("<circle class=\"point exact\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\"><title>{}</title></circle>\n", x, y, tip);
          break;
      }
    }
    svg += "</g>\n";
  }

  // Legend: one entry per series, then a key to the point shapes.
  double lx = left + pw + 20, ly = top + 8;
  svg += "<g class=\"legend\">\n";
  for (std::size_t si = 0; si < chart.series.size(); ++si) {
    const char* colour = Colour(si);
    svg += fmt::format("<g class=\"legend-entry\"><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"3\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text></g>\n",
                       lx, ly, lx + 22, ly, colour, lx + 28, ly + 4, Esc(chart.series[si].name));
    ly += 20;
  }
  ly += 14;
  svg += fmt::format("<g class=\"key\" fill=\"#444\" stroke=\"#444\" font-size=\"11\">\n"
                     "<circle cx=\"{0:.1f}\" cy=\"{1:.1f}\" r=\"4\"/><text x=\"{2:.1f}\" y=\"{3:.1f}\" stroke=\"none\">exact</text>\n"
                     "<circle cx=\"{0:.1f}\" cy=\"{4:.1f}\" r=\"4\" fill=\"white\" stroke-width=\"2\"/><text x=\"{2:.1f}\" y=\"{5:.1f}\" stroke=\"none\">about</text>\n"
                     "<line x1=\"{0:.1f}\" y1=\"{6:.1f}\" x2=\"{0:.1f}\" y2=\"{7:.1f}\" stroke-width=\"2\" marker-end=\"url(#arrow-key)\"/><text x=\"{2:.1f}\" y=\"{8:.1f}\" stroke=\"none\">more than</text>\n"
                     "<line x1=\"{0:.1f}\" y1=\"{9:.1f}\" x2=\"{0:.1f}\" y2=\"{10:.1f}\" stroke-width=\"2\" marker-end=\"url(#arrow-key)\"/><text x=\"{2:.1f}\" y=\"{11:.1f}\" stroke=\"none\">up to</text>\n"
                     "<rect x=\"{12:.1f}\" y=\"{13:.1f}\" width=\"10\" height=\"16\" fill-opacity=\"0.25\"/><text x=\"{2:.1f}\" y=\"{14:.1f}\" stroke=\"none\">range</text>\n"
                     "</g>\n",
                     lx + 11, ly, lx + 28, ly + 4, ly + 20, ly + 24, ly + 48, ly + 34, ly + 44, ly + 58, ly + 72, ly + 68,
                     lx + 6, ly + 80, ly + 92);
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace claimex
