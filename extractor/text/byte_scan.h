// Finding the next byte of a small fixed set in a long text: 16 bytes per
// step with SSE2 (part of every x86-64 CPU), byte by byte elsewhere. The
// segmenter's two scans (sentence ends, quote marks) skip nearly every byte
// of a document, and a table load per byte was most of their cost.
//
//   std::size_t i = FindAnyOf<'.', '!', '?', '\n'>(text, from);  // text.size() if none
//   std::size_t e = SkipAsciiAlnum(text, from);  // end of the run of [A-Za-z0-9]
#pragma once

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimex {

// Index of the first byte at or after `from` equal to one of Cs, else t.size().
template <char... Cs>
std::size_t FindAnyOf(std::string_view t, std::size_t from) {
  const std::size_t n = t.size();
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i) {
    if (((t[i] == Cs) || ...)) return i;
  }
  return n;
}

// Index of the first byte at or after `from` that is not an ASCII letter or
// digit (t.size() if none): the tokenizers' word loop, 16 bytes a step.
inline std::size_t SkipAsciiAlnum(std::string_view t, std::size_t from) {
  const std::size_t n = t.size();
  std::size_t i = from;
#if defined(__SSE2__)
  // x <= k for unsigned bytes: min(x, k) == x. OR 0x20 folds only A-Z onto a-z.
  auto at_most = [](__m128i x, char k) { return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(k)), x); };
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i alpha = at_most(_mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), 'z' - 'a');
    const __m128i digit = at_most(_mm_sub_epi8(v, _mm_set1_epi8('0')), 9);
    const int stop = ~_mm_movemask_epi8(_mm_or_si128(alpha, digit)) & 0xFFFF;
    if (stop) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(stop)));
  }
#endif
  for (; i < n; ++i) {
    const char c = t[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return i;
  }
  return n;
}

}  // namespace claimex
