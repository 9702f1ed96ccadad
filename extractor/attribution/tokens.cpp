#include "extractor/attribution/tokens.h"

#include <algorithm>

namespace claimex::attribution {

namespace {

bool AsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of a UTF-8 punctuation sequence at i (curly quotes, dashes, nbsp,
// ellipsis), else 0. Other non-ASCII bytes are taken as letters.
std::size_t Utf8Punct(std::string_view t, std::size_t i) {
  auto b = [&](std::size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0; };
  if (b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x90 && b(2) <= 0xBF) return 3;  // ‐–—‘’“”…
  if (b(0) == 0xC2 && (b(1) == 0xA0 || b(1) == 0xAB || b(1) == 0xBB || b(1) == 0xA3 || b(1) == 0xA5)) {
    return 2;  // nbsp « » £ ¥
  }
  if (b(0) == 0xE2 && b(1) == 0x82 && b(2) == 0xAC) return 3;  // €
  return 0;
}

bool LetterAt(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return AsciiAlnum(c);
  return Utf8Punct(t, i) == 0;
}

TokenKind PunctKind(std::string_view p) {
  if (p == ",") return TokenKind::kComma;
  if (p == ";" || p == ":") return TokenKind::kColon;
  if (p == "\"" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x9D" || p == "\xE2\x80\x98" ||
      p == "\xE2\x80\x99" || p == "'" || p == "\xC2\xAB" || p == "\xC2\xBB")
    return TokenKind::kQuote;
  if (p == "-" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94") return TokenKind::kDash;
  if (p == "." || p == "!" || p == "?") return TokenKind::kStop;
  return TokenKind::kOther;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view t, std::string& lowered) {
  lowered.assign(t.begin(), t.end());
  for (char& ch : lowered) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  std::vector<Token> out;
  out.reserve(t.size() / 5);
  std::size_t i = 0;
  while (i < t.size()) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    std::size_t up = Utf8Punct(t, i);
    if (up == 2 && static_cast<unsigned char>(t[i + 1]) == 0xA0) {  // nbsp is space
      i += 2;
      continue;
    }
    if (!LetterAt(t, i)) {
      std::size_t len = up ? up : (c >= 0x80 ? 1 : 1);
      Token tok;
      tok.span = Span{i, i + len};
      tok.text = t.substr(i, len);
      tok.kind = PunctKind(tok.text);
      out.push_back(std::move(tok));
      i += len;
      continue;
    }
    std::size_t j = i;
    bool digit_start = c >= '0' && c <= '9';
    while (j < t.size()) {
      if (LetterAt(t, j)) {
        auto cj = static_cast<unsigned char>(t[j]);
        j += cj < 0x80 ? 1 : (cj >= 0xF0 ? 4 : cj >= 0xE0 ? 3 : 2);
        continue;
      }
      // Inner joiners stay when a letter or digit follows.
      char cj = t[j];
      if ((cj == '-' || cj == '.' || cj == '\'' || cj == ',' || cj == '/') && LetterAt(t, j + 1)) {
        if (cj == ',' && !(digit_start && t[j + 1] >= '0' && t[j + 1] <= '9')) break;
        ++j;
        continue;
      }
      if (Utf8Punct(t, j) == 3 && static_cast<unsigned char>(t[j + 2]) == 0x99 && LetterAt(t, j + 3)) {
        j += 3;  // ’ inside a word: "Numan’s"
        continue;
      }
      break;
    }
    // An initial or a dotted abbreviation keeps its period: "Howard R. Leary",
    // "U.N.", "U.S.".
    if (j < t.size() && t[j] == '.' && c >= 'A' && c <= 'Z' &&
        (j == i + 1 || (j >= i + 3 && t[j - 2] == '.'))) {
      ++j;
    }
    Token tok;
    tok.span = Span{i, j};
    tok.text = t.substr(i, j - i);
    tok.kind = digit_start ? TokenKind::kNumber : TokenKind::kWord;
    tok.cap = (c >= 'A' && c <= 'Z') ||
              (c == 0xC3 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9E);
    tok.lower = std::string_view(lowered).substr(i, j - i);
    out.push_back(std::move(tok));
    i = j;
  }
  return out;
}

std::size_t TokenAt(const std::vector<Token>& tokens, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& tok, std::size_t o) { return tok.span.start < o; }) -
      tokens.begin());
}

std::string CollapseSpaces(std::string_view s, bool lower) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (lower && c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

}  // namespace claimex::attribution
