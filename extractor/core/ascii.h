// ASCII character and string helpers every stage shares. News text is
// UTF-8; these change or match only ASCII bytes, so a multi-byte character
// is never split or altered (and, unlike <cctype>, no locale can change
// what they do).
//
//   LowerAscii("Idlib")          == "idlib"
//   TrimAsciiSpace("  12 \r")    == "12"
#pragma once

#include <string>
#include <string_view>

namespace claimex {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char LowerAsciiChar(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }
// Space, tab, and the line, form-feed and vertical-tab controls.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAsciiChar(c);
  return out;
}

// `s` without ASCII whitespace at either end.
inline std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace claimex
