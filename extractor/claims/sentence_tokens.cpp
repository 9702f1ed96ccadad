#include "extractor/claims/sentence_tokens.h"

#include <cctype>

namespace claimex::claims_internal {

namespace {

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

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

bool IsWordByte(std::string_view t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  return PunctLen(t, i) == 0;
}

bool IsRightQuote(std::string_view t, std::size_t i) {
  return t.compare(i, 3, "\xE2\x80\x99") == 0;
}

}  // namespace

bool IsClauseWord(std::string_view w) {
  static const char* const kWords[] = {
      "and", "but", "while", "whereas", "although", "though", "bringing", "adding",
      "after", "with", "which", "who", "whom", "where", "leaving", "as", "or", "when",
      "taking", "raising", "pushing", "compared", "according", "because", "before", "saying"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

std::vector<Token> Tokenize(std::string_view text, Span sentence) {
  std::vector<Token> out;
  std::size_t i = sentence.start;
  const std::size_t end = std::min(sentence.end, text.size());
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    if (IsWordByte(text, i)) {
      std::size_t j = i;
      while (j < end) {
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
        if ((d == ',' || d == '.') && j > i && std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
            j + 1 < end && std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
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
    t.low.reserve(s.size());
    int upper = 0, letters = 0;
    for (char ch : s) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (std::isalpha(u)) {
        ++letters;
        if (std::isupper(u)) ++upper;
      }
      t.low.push_back(static_cast<char>(std::tolower(u)));
    }
    // Curly apostrophes become straight ones so "Numan’s" reads like "Numan's".
    for (std::size_t k = 0; k + 2 < t.low.size(); ++k) {
      if (t.low.compare(k, 3, "\xE2\x80\x99") == 0) t.low.replace(k, 3, "'");
    }
    t.number = t.word && std::isdigit(static_cast<unsigned char>(s[0]));
    t.caps = letters >= 2 && upper == letters;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace claimex::claims_internal
