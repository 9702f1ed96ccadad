// libFuzzer target: segmenter + quantity recognizer on one text.
// Checks the recognizer's promises (quantity/recognizer.h): spans inside the
// text, sorted by start, never overlapping, the figure inside the mention,
// and bounds that are not NaN with low <= high.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "extractor/quantity/recognizer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimex;
  static const Segmenter* segmenter = new Segmenter();
  static const QuantityRecognizer* recognizer = new QuantityRecognizer();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!fuzz::IsAcceptedText(text)) return -1;
  Segmentation seg = segmenter->Segment(text);
  for (const Sentence& s : seg.sentences) fuzz::CheckSpan("sentence", s.span, size, true);
  for (const Quote& q : seg.quotes) {
    fuzz::CheckSpan("quote", q.span, size);
    if (!q.span.contains(q.inner)) fuzz::Fail("quote inner outside quote", q.inner, size);
  }
  std::vector<Quantity> qs = recognizer->Recognize(text, seg);
  std::size_t prev_end = 0;
  for (const Quantity& q : qs) {
    fuzz::CheckSpan("quantity span", q.span, size);
    if (q.span.start < prev_end) fuzz::Fail("quantities overlap or out of order", q.span, size);
    prev_end = q.span.end;
    if (!q.number_span.empty() && !q.span.contains(q.number_span)) {
      fuzz::Fail("number span outside mention", q.number_span, size);
    }
    for (const auto* v : {&q.value, &q.low, &q.high, &q.norm_value}) {
      if (*v && std::isnan(**v)) fuzz::Fail("NaN bound", q.span, size);
    }
    if (q.low && q.high && *q.low > *q.high) fuzz::Fail("low > high", q.span, size);
  }
  return 0;
}
