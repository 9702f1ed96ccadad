#include "extractor/io/text_checks.h"

#include <simdjson.h>

#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimex {

bool StripUtf8Bom(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text.erase(0, 3);
    return true;
  }
  return false;
}

std::string Utf16Reason(std::string_view bytes) {
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return "UTF-16 text (byte order mark FF FE); convert it to UTF-8";
    if (b0 == 0xFE && b1 == 0xFF) return "UTF-16 text (byte order mark FE FF); convert it to UTF-8";
  }
  return "";
}

std::size_t FindInvalidUtf8(std::string_view text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string_view::npos;
  // Slow path, only for bad input: find where it goes wrong (RFC 3629 table).
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;  // unreachable when simdjson said invalid
}

namespace {

// Whitespace (\t \n \v \f \r and space) and other control characters
// (below 0x20, or DEL) of `text`, counted: this pass reads every document,
// so SSE2 takes 16 bytes a step (the scalar loop did not vectorize).
std::pair<std::size_t, std::size_t> CountControlsAndBlanks(std::string_view text) {
  std::size_t controls = 0, blanks = 0, i = 0;
#if defined(__SSE2__)
  // x <= k for unsigned bytes: min(x, k) == x.
  auto at_most = [](__m128i x, char k) { return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(k)), x); };
  // Per-lane byte counters (a hit is -1: subtracting it adds one), summed
  // before they can wrap.
  auto sum = [](__m128i counts) {
    const __m128i s = _mm_sad_epu8(counts, _mm_setzero_si128());
    return static_cast<std::size_t>(_mm_cvtsi128_si64(s) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(s, s)));
  };
  while (i + 16 <= text.size()) {
    __m128i blank_counts = _mm_setzero_si128(), control_counts = _mm_setzero_si128();
    for (int step = 0; step < 255 && i + 16 <= text.size(); ++step, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                         at_most(_mm_sub_epi8(v, _mm_set1_epi8('\t')), '\r' - '\t'));
      const __m128i control = _mm_or_si128(at_most(v, 0x1F), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
      blank_counts = _mm_sub_epi8(blank_counts, space);
      control_counts = _mm_sub_epi8(control_counts, _mm_andnot_si128(space, control));
    }
    blanks += sum(blank_counts);
    controls += sum(control_counts);
  }
#endif
  for (; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool space = c == ' ' || (c >= '\t' && c <= '\r');
    blanks += space;
    controls += static_cast<unsigned>(!space) & ((c < 0x20) | (c == 0x7F));
  }
  return {controls, blanks};
}

}  // namespace

std::string CheckText(std::string_view text) {
  if (std::string why = Utf16Reason(text); !why.empty()) return why;
  if (std::size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return "invalid UTF-8 at byte " + std::to_string(bad);
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    return "NUL byte at byte " + std::to_string(static_cast<const char*>(nul) - text.data()) +
           " (binary data?)";
  }
  // Binary data that happens to be valid UTF-8: control characters other
  // than whitespace are rare in prose; more than 1 in 100 (and at least 16,
  // or 1 in 10 of a short text) means not an article.
  const auto [controls, blanks] = CountControlsAndBlanks(text);
  bool blank = blanks == text.size();
  if (text.empty()) return "empty text";
  if (blank) return "text is only whitespace";
  // A stray escape or bell in a short text is noise, not binary data.
  if (controls * 100 > text.size() && (controls >= 16 || controls * 10 > text.size())) {
    return "binary data (many control characters)";
  }
  return "";
}

}  // namespace claimex
