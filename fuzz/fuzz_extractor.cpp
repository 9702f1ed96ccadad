// libFuzzer target: the whole Extractor on one document.
// Input: byte 0-1 choose the publication date (fuzz_util.h), the rest is the
// text. Text the readers would refuse (invalid UTF-8, NUL) is skipped, as in
// the pipeline. Checks every span of every claim lies inside the text, in
// document order, with a sentence index that exists.
#include <cstdint>
#include <string>

#include "extractor/pipeline/extractor.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimex;
  static const Extractor* extractor = new Extractor();
  static const Segmenter* segmenter = new Segmenter();
  if (size < 2) return 0;
  Document doc;
  doc.id = "fuzz";
  doc.published = fuzz::DateFromBytes(data[0], data[1]);
  doc.text.assign(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!fuzz::IsAcceptedText(doc.text)) return -1;  // keep such inputs out of the corpus
  ExtractResult r = extractor->Extract(doc);
  const std::size_t n = doc.text.size();
  const std::size_t sentences = segmenter->Segment(doc.text).sentences.size();
  std::size_t last = 0;
  for (const Claim& c : r.claims) {
    fuzz::CheckSpan("claim span", c.quantity.span, n);
    fuzz::CheckSpan("number span", c.quantity.number_span, n, true);
    fuzz::CheckSpan("entity span", c.entity_span, n, true);
    fuzz::CheckSpan("predicate span", c.predicate_span, n, true);
    if (c.time) fuzz::CheckSpan("time span", c.time->span, n);
    if (c.speaker) {
      fuzz::CheckSpan("speaker name span", c.speaker->name_span, n, true);
      fuzz::CheckSpan("speaker cue span", c.speaker->cue_span, n, true);
    }
    if (c.quantity.span.start < last) fuzz::Fail("claims out of document order", c.quantity.span, n);
    last = c.quantity.span.start;
    if (sentences > 0 && c.sentence >= sentences) fuzz::Fail("sentence index", c.quantity.span, n);
  }
  return 0;
}
