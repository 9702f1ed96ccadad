// A self-contained SVG line chart of figures over time, for `claimex report
// --plot FILE.svg`: dates on x, values on y, one coloured line per series
// (source) with a legend, and each point drawn by what the text claims:
//
//   exact         filled dot
//   approximate   hollow dot ("about 520,000")
//   lower_bound   dot with an arrow pointing up ("more than 388,000")
//   upper_bound   dot with an arrow pointing down ("nearly 900,000")
//   range, vague  a translucent vertical band from low to high, with the
//                 line passing through its middle ("tens of thousands")
//
// The output needs nothing else to display in a browser (no scripts, fonts
// or external references). Every series is a <g class="series"> holding its
// line and points, so tests can count series; every point has a <title>
// tooltip with its date, figure and label. The line of a series follows the
// largest figure of each day (smaller same-day figures stay points).
//
//   Chart chart{"Displacement figures by source", "date", "figure", {{"AFP", {...}}}};
//   std::string svg = RenderSvg(chart);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractor/core/date.h"

namespace claimex {

enum class PointShape { kExact, kApproximate, kLowerBound, kUpperBound, kBand };

struct ChartPoint {
  Date date;
  std::optional<double> value, low, high;  // at least one must be set
  PointShape shape = PointShape::kExact;
  std::string label;                       // tooltip, e.g. the claim's text
};

struct ChartSeries {
  std::string name;
  std::vector<ChartPoint> points;  // any order; drawn sorted by date
};

struct Chart {
  std::string title;
  std::string x_label = "date";
  std::string y_label = "value";
  std::vector<ChartSeries> series;
};

// Shape for a SPEC qualifier ("lower_bound" -> kLowerBound, "vague" and
// "range" -> kBand, "approximate" -> kApproximate, anything else kExact).
PointShape ShapeForQualifier(const std::string& qualifier);

// Renders the chart as an SVG document of `width` x `height` pixels. Points
// with no number at all are skipped; an empty chart says "no data".
std::string RenderSvg(const Chart& chart, int width = 960, int height = 540);

// Axis helpers, exposed for tests: "nice" tick values covering [lo, hi]
// (steps of 1, 2 or 5 x 10^k, about `target` of them), and compact labels
// (950, 12k, 1.5M).
std::vector<double> NiceTicks(double lo, double hi, int target = 6);
std::string CompactNumber(double v);

}  // namespace claimex
