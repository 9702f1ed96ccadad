// Helpers shared by the libFuzzer targets: turning fuzz bytes into a
// document the stages accept, and invariant checks that abort (so libFuzzer
// records a crash) when a stage returns a span outside the text or out of
// order. The stages promise these invariants in their headers.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/date.h"
#include "extractor/core/span.h"

namespace claimex::fuzz {

// Aborts with a message: libFuzzer saves the input as crash-<sha1>.
[[noreturn]] inline void Fail(const char* what, const Span& s, std::size_t size) {
  std::fprintf(stderr, "fuzz invariant violated: %s (span %zu..%zu, text size %zu)\n", what,
               s.start, s.end, size);
  std::abort();
}

inline void CheckSpan(const char* what, const Span& s, std::size_t size, bool allow_empty = false) {
  if (s.end > size || s.start > s.end || (!allow_empty && s.start == s.end)) Fail(what, s, size);
}

// The readers hand the stages valid UTF-8 without NUL bytes (io/text_checks.h);
// the stage targets only feed them such text, as the pipeline does.
inline bool IsAcceptedText(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    if (len == 2 && c < 0xC2) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    unsigned char c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return false;
    if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) || c > 0xF4)) return false;
    i += len;
  }
  return true;
}

// A publication date from two fuzz bytes (or none), so time resolution is
// exercised across years, month ends and leap days.
inline std::optional<Date> DateFromBytes(unsigned char a, unsigned char b) {
  if (a == 0xFF) return std::nullopt;
  int year = 1950 + (a % 100);
  unsigned month = 1 + (b % 12);
  unsigned day = 1 + ((a ^ b) % 28);
  if (b >= 0xF0) day = 29;  // leap-day and month-end cases
  Date d{date::year{year}, date::month{month}, date::day{day}};
  if (!d.ok()) d = Date{date::year{year}, date::month{month}, date::day{28}};
  return d;  // the readers never hand on an impossible date

}

}  // namespace claimex::fuzz
