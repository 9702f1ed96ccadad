// Checks that an article's text is usable before any stage sees it: the
// offsets of every claim are UTF-8 byte offsets, so the text must be valid
// UTF-8, and binary data must not masquerade as an article.
//
// CheckText returns the reason a text is refused, or "" when it is fine:
//   "UTF-16 text (byte order mark FF FE); convert it to UTF-8"
//   "invalid UTF-8 at byte 1234"
//   "NUL byte at byte 17 (binary data?)"
//   "binary data (many control characters)"  (over 1% control characters)
//   "empty text", "text is only whitespace"
// Offsets count from the start of the text as passed (after the UTF-8 BOM
// was stripped). Linear in the text size (simdjson's validator on the fast
// path; the offending offset is only searched for when validation fails).
//
//   StripUtf8Bom(doc.text);
//   if (std::string why = CheckText(doc.text); !why.empty()) ...
#pragma once

#include <string>
#include <string_view>

namespace claimex {

// Removes a leading UTF-8 byte order mark (EF BB BF); true when one was removed.
bool StripUtf8Bom(std::string& text);
// "" when `bytes` start with no UTF-16 byte order mark, else the reason.
std::string Utf16Reason(std::string_view bytes);
// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
std::size_t FindInvalidUtf8(std::string_view text);
std::string CheckText(std::string_view text);

}  // namespace claimex
