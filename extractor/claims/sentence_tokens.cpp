#include "extractor/claims/sentence_tokens.h"

#include <cctype>

#include "extractor/text/byte_scan.h"

namespace claimex::claims_internal {

namespace {

// ASCII classes without the C locale's table lookups (hot: every byte of
// every sentence with a figure).
constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlnum(unsigned char c) { return IsAsciiDigit(c) || IsAsciiUpper(c) || IsAsciiLower(c); }

// Length of a UTF-8 punctuation sequence we split on (general punctuation
// block U+2010..U+205F: dashes, curly quotes, ellipsis), else 0.
std::size_t PunctLen(std::string_view t, std::size_t i) {
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      (static_cast<unsigned char>(t[i + 1]) == 0x80 || static_cast<unsigned char>(t[i + 1]) == 0x81)) {
    return 3;
  }
  if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2) return 2;  // « » ° NBSP ...
  return 0;
}

// IsAsciiAlnum as a table: the word loop tests every byte of every figure
// sentence, and one load beats three range compares.
struct AlnumTable {
  bool is[256] = {};
  constexpr AlnumTable() {
    for (int c = 0; c < 128; ++c) is[c] = IsAsciiAlnum(static_cast<unsigned char>(c));
  }
};
constexpr AlnumTable kAlnum;

bool IsWordByte(std::string_view t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return kAlnum.is[c];
  return PunctLen(t, i) == 0;
}

// The lead byte first: this runs at the end of every word.
bool IsRightQuote(std::string_view t, std::size_t i) {
  return static_cast<unsigned char>(t[i]) == 0xE2 && t.compare(i, 3, "\xE2\x80\x99") == 0;
}

}  // namespace

bool IsClauseWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "and", "but", "while", "whereas", "although", "though", "bringing", "adding",
      "after", "with", "which", "who", "whom", "where", "leaving", "as", "or", "when",
      "taking", "raising", "pushing", "compared", "according", "because", "before", "saying"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

std::vector<Token> Tokenize(std::string_view text, Span sentence) {
  std::vector<Token> out;
  std::size_t i = sentence.start;
  const std::size_t end = std::min(sentence.end, text.size());
  out.reserve(end > i ? (end - i) / 4 + 1 : 0);  // about one token per 4-6 bytes of news prose
  const std::string_view sentence_text = text.substr(0, end);  // no word runs past the sentence
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token& t = out.emplace_back();  // built in place: a Token is ~140 bytes
    if (IsWordByte(text, i)) {
      std::size_t j = i;
      while (j < end) {
        j = SkipAsciiAlnum(sentence_text, j);  // most bytes: ASCII letters and digits
        if (j >= end) break;
        if (IsWordByte(text, j)) {
          ++j;
          continue;
        }
        char d = text[j];
        // Joiners inside a word: hyphen, apostrophe, and , or . between digits.
        if ((d == '-' || d == '\'') && j + 1 < end && IsWordByte(text, j + 1)) {
          ++j;
          continue;
        }
        if (IsRightQuote(text, j) && j + 3 < end && IsWordByte(text, j + 3)) {
          j += 3;
          continue;
        }
        if ((d == ',' || d == '.') && j > i && IsAsciiDigit(static_cast<unsigned char>(text[j - 1])) &&
            j + 1 < end && IsAsciiDigit(static_cast<unsigned char>(text[j + 1]))) {
          ++j;
          continue;
        }
        break;
      }
      t.span = Span{i, j};
      t.word = true;
      i = j;
    } else {
      std::size_t n = PunctLen(text, i);
      if (n == 0) n = 1;
      t.span = Span{i, std::min(i + n, end)};
      i = t.span.end;
    }
    std::string_view s = t.span.of(text);
    // Copied whole, then lower-cased in place (not grown byte by byte).
    t.low.assign(s);
    int upper = 0, letters = 0;
    bool curly = false;
    for (char& ch : t.low) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (IsAsciiUpper(u)) {
        ++letters;
        ++upper;
        ch = static_cast<char>(u + ('a' - 'A'));
      } else if (IsAsciiLower(u)) {
        ++letters;
      }
      curly |= u == 0xE2;
    }
    // Curly apostrophes become straight ones so "Numan’s" reads like "Numan's".
    for (std::size_t k = 0; curly && k + 2 < t.low.size(); ++k) {
      if (t.low.compare(k, 3, "\xE2\x80\x99") == 0) t.low.replace(k, 3, "'");
    }
    t.number = t.word && IsAsciiDigit(static_cast<unsigned char>(s[0]));
    t.caps = letters >= 2 && upper == letters;
  }
  return out;
}

}  // namespace claimex::claims_internal
