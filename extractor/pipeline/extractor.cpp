#include "extractor/pipeline/extractor.h"

#include <algorithm>

namespace claimex {

Extractor::Extractor() = default;

ExtractResult Extractor::Extract(const Document& doc) const {
  ExtractResult result;
  const std::string_view text = doc.text;
  Segmentation seg = segmenter_.Segment(text);
  std::vector<TimeExpression> times = times_.Find(text, doc.published);
  std::vector<Quantity> quantities = quantities_.Recognize(text, seg);

  // A duration inside a time expression ("in the last two days") only
  // places the claim in time: it is not a claim of its own.
  if (!times.empty()) {
    std::erase_if(quantities, [&](const Quantity& q) {
      auto it = std::upper_bound(times.begin(), times.end(), q.span.start,
                                 [](std::size_t s, const TimeExpression& t) { return s < t.span.start; });
      if (it != times.begin() && std::prev(it)->span.overlaps(q.span)) return true;
      return it != times.end() && it->span.overlaps(q.span);
    });
  }
  if (!doc.published && !times.empty()) {
    result.warnings.push_back("no publication date: time expressions are left unresolved");
  }
  result.claims = builder_.Build(text, seg, std::move(quantities), times, doc.published);
  attributor_.Attribute(text, seg, result.claims);
  return result;
}

}  // namespace claimex
