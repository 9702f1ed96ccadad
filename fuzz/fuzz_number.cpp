// libFuzzer target: the number parser (quantity/number_parse.h) at every
// word start of the input: digits, number words, proportions and scale
// words. Checks that a parsed figure starts where asked, stays inside the
// text and has a finite value or none at all. Every word start is tried, so
// keep -max_len small (fuzz-short uses 512).
#include <cmath>
#include <cstdint>
#include <string_view>

#include "extractor/quantity/number_parse.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimex;
  static const quantity::NumberParser* parser = new quantity::NumberParser();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!fuzz::IsAcceptedText(text)) return -1;
  for (std::size_t pos = 0; pos < size; ++pos) {
    if (pos > 0 && text[pos - 1] != ' ' && text[pos - 1] != '$' && text[pos - 1] != '(') continue;
    for (auto f : {parser->ParseDigits(text, pos), parser->ParseWords(text, pos),
                   parser->ParseSmall(text, pos)}) {
      if (!f) continue;
      fuzz::CheckSpan("figure span", f->span, size);
      if (f->span.start != pos) fuzz::Fail("figure does not start at pos", f->span, size);
      if (std::isnan(f->value)) fuzz::Fail("NaN figure", f->span, size);
      quantity::Figure g = *f;
      parser->ApplyScaleWords(text, g);
      fuzz::CheckSpan("scaled figure span", g.span, size);
    }
    if (auto p = parser->ParseProportion(text, pos)) {
      fuzz::CheckSpan("proportion span", p->span, size);
      if (std::isnan(p->percent)) fuzz::Fail("NaN proportion", p->span, size);
    }
  }
  return 0;
}
