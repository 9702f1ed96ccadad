// libFuzzer target: the time recognizer on one text with a fuzzed
// publication date (bytes 0-1, see fuzz_util.h). Checks its promises
// (time/time_recognizer.h): spans inside the text, sorted, not overlapping,
// resolved bounds that are real calendar dates.
#include <cstdint>
#include <string_view>

#include "extractor/time/time_recognizer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimex;
  static const TimeRecognizer* times = new TimeRecognizer();
  if (size < 2) return 0;
  std::optional<Date> published = fuzz::DateFromBytes(data[0], data[1]);
  std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!fuzz::IsAcceptedText(text)) return -1;
  std::size_t prev_end = 0;
  for (const TimeExpression& t : times->Find(text, published)) {
    fuzz::CheckSpan("time span", t.span, text.size());
    if (t.span.start < prev_end) fuzz::Fail("time expressions overlap", t.span, text.size());
    prev_end = t.span.end;
    if ((t.start && !t.start->ok()) || (t.end && !t.end->ok())) {
      fuzz::Fail("impossible resolved date", t.span, text.size());
    }
  }
  return 0;
}
