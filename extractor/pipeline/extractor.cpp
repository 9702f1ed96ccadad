#include "extractor/pipeline/extractor.h"

#include <algorithm>

namespace claimex {

Extractor::Extractor() = default;

ExtractResult Extractor::Extract(const Document& doc) const {
  ExtractResult result;
  const std::string_view text = doc.text;
  Segmentation seg = segmenter_.Segment(text);
  std::vector<Quantity> quantities = quantities_.Recognize(text, seg);
  // Claims read only the time expressions of their own sentence, so only the
  // sentences that hold a figure are searched (most text holds none).
  std::vector<Span> figure_sentences;
  for (const Quantity& q : quantities) {
    const std::size_t s = seg.SentenceAt(q.span.start);
    Span range = q.span;
    if (s < seg.sentences.size()) {
      range.start = std::min(range.start, seg.sentences[s].span.start);
      range.end = std::max(range.end, seg.sentences[s].span.end);
    }
    if (!figure_sentences.empty() && range.start <= figure_sentences.back().end) {
      figure_sentences.back().end = std::max(figure_sentences.back().end, range.end);
    } else {
      figure_sentences.push_back(range);
    }
  }
  std::vector<TimeExpression> times = times_.Find(text, doc.published, figure_sentences);

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
