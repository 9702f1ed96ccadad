#include "extractor/pipeline/extractor.h"

#include <algorithm>

namespace claimex {

Extractor::Extractor(bool vote_features) : builder_(vote_features) {}

std::vector<Span> FigureSentences(const Segmentation& seg, const std::vector<Quantity>& quantities) {
  std::vector<Span> ranges;
  for (const Quantity& q : quantities) {
    const std::size_t s = seg.SentenceAt(q.span.start);
    Span range = q.span;
    if (s < seg.sentences.size()) {
      range.start = std::min(range.start, seg.sentences[s].span.start);
      range.end = std::max(range.end, seg.sentences[s].span.end);
    }
    if (!ranges.empty() && range.start <= ranges.back().end) {
      ranges.back().end = std::max(ranges.back().end, range.end);
    } else {
      ranges.push_back(range);
    }
  }
  return ranges;
}

void DropTimeDurations(std::vector<Quantity>& quantities, const std::vector<TimeExpression>& times) {
  if (times.empty()) return;
  std::erase_if(quantities, [&](const Quantity& q) {
    auto it = std::upper_bound(times.begin(), times.end(), q.span.start,
                               [](std::size_t s, const TimeExpression& t) { return s < t.span.start; });
    if (it != times.begin() && std::prev(it)->span.overlaps(q.span)) return true;
    return it != times.end() && it->span.overlaps(q.span);
  });
}

ExtractResult Extractor::Extract(const Document& doc) const {
  ExtractResult result;
  const std::string_view text = doc.text;
  Segmentation seg = segmenter_.Segment(text);
  std::vector<Quantity> quantities = quantities_.Recognize(text, seg);
  std::vector<TimeExpression> times = times_.Find(text, doc.published, FigureSentences(seg, quantities));
  DropTimeDurations(quantities, times);
  if (!doc.published && !times.empty()) {
    result.warnings.push_back("no publication date: time expressions are left unresolved");
  }
  result.claims = builder_.Build(text, seg, std::move(quantities), times, doc.published);
  attributor_.Attribute(text, seg, result.claims);
  return result;
}

}  // namespace claimex
