#include "extractor/attribution/tokens.h"

#include <algorithm>

#include "extractor/core/ascii.h"
#include "extractor/text/byte_scan.h"

namespace claimex::attribution {

namespace {

constexpr bool AsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// AsciiAlnum as a table: the word loop tests every byte of the text, and
// one load beats three range compares (and their mispredicted branches).
struct AlnumTable {
  bool is[256] = {};
  constexpr AlnumTable() {
    for (int c = 0; c < 128; ++c) is[c] = AsciiAlnum(static_cast<unsigned char>(c));
  }
};
constexpr AlnumTable kAlnum;

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
  // "Armed Conflict Location & Event Data Project", "Procter & Gamble": an
  // ampersand joins a name like "and" (attribution_function_words.txt).
  if (p == "&") return TokenKind::kWord;
  return TokenKind::kOther;
}

// "al-Obeidi", "el-Sisi", "bin-Laden": a lower-case particle of one to
// three letters joined by a hyphen to a capitalised name is a name word.
bool ParticleName(std::string_view w) {
  std::size_t k = 0;
  while (k < w.size() && k < 4 && w[k] >= 'a' && w[k] <= 'z') ++k;
  return k >= 1 && k <= 3 && k + 1 < w.size() && w[k] == '-' && w[k + 1] >= 'A' && w[k + 1] <= 'Z';
}

}  // namespace

void TokenizeRange(std::string_view t, std::size_t begin, std::size_t end, std::string& lowered,
                   std::vector<Token>& out, std::vector<std::uint64_t>* starts) {
  const std::size_t first = out.size();
  std::size_t i = begin;
  while (i < end) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    std::size_t up = c >= 0x80 ? Utf8Punct(t, i) : 0;
    if (up == 2 && static_cast<unsigned char>(t[i + 1]) == 0xA0) {  // nbsp is space
      i += 2;
      continue;
    }
    if (c < 0x80 ? !kAlnum.is[c] : up != 0) {  // !LetterAt(t, i)
      std::size_t len = up ? up : 1;
      Token& tok = out.emplace_back();
      tok.span = Span{i, i + len};
      tok.text = t.substr(i, len);
      tok.kind = PunctKind(tok.text);
      i += len;
      continue;
    }
    std::size_t j = i;
    bool digit_start = c >= '0' && c <= '9';
    bool hyphen = false;  // a '-' joined: only then can ParticleName hold
    while (j < t.size()) {
      // Fast path over the ASCII letters and digits that make up most words.
      j = SkipAsciiAlnum(t, j);
      if (j >= t.size()) break;
      auto cj = static_cast<unsigned char>(t[j]);
      if (cj >= 0x80 && Utf8Punct(t, j) == 0) {  // not ASCII (the loop above took those)
        j += cj >= 0xF0 ? 4 : cj >= 0xE0 ? 3 : 2;
        continue;
      }
      // Inner joiners stay when a letter or digit follows.
      if ((cj == '-' || cj == '.' || cj == '\'' || cj == ',' || cj == '/') && LetterAt(t, j + 1)) {
        if (cj == ',' && !(digit_start && t[j + 1] >= '0' && t[j + 1] <= '9')) break;
        hyphen |= cj == '-';
        ++j;
        continue;
      }
      if (cj == 0xE2 && Utf8Punct(t, j) == 3 && static_cast<unsigned char>(t[j + 2]) == 0x99 &&
          LetterAt(t, j + 3)) {
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
    Token& tok = out.emplace_back();
    tok.span = Span{i, j};
    tok.text = t.substr(i, j - i);
    tok.kind = digit_start ? TokenKind::kNumber : TokenKind::kWord;
    tok.cap = (c >= 'A' && c <= 'Z') ||
              (c == 0xC3 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9E) ||
              (hyphen && ParticleName(t.substr(i, j - i)));
    i = j;
  }
  // Lower-case only what the new tokens cover (a token may run past `end`
  // when `end` is not a token boundary), then point their views into it.
  std::size_t stop = out.size() > first ? std::max(end, out.back().span.end) : begin;
  stop = std::min(stop, t.size());
  lowered.assign(t.data() + begin, stop - begin);
  for (char& ch : lowered) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  const std::string_view low(lowered);
  for (std::size_t k = first; k < out.size(); ++k) {
    Token& tok = out[k];
    if (tok.word() || tok.kind == TokenKind::kNumber) {
      tok.lower = low.substr(tok.span.start - begin, tok.span.size());
    }
    if (starts) (*starts)[tok.span.start >> 6] |= std::uint64_t{1} << (tok.span.start & 63);
  }
}

std::vector<Token> Tokenize(std::string_view t, std::string& lowered) {
  std::vector<Token> out;
  out.reserve(t.size() / 5);
  TokenizeRange(t, 0, t.size(), lowered, out);
  return out;
}

std::size_t TokenAt(const std::vector<Token>& tokens, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& tok, std::size_t o) { return tok.span.start < o; }) -
      tokens.begin());
}

void CollapseSpacesInto(std::string_view s, bool lower, std::string& out) {
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += lower ? LowerAsciiChar(c) : c;
  }
}

std::string CollapseSpaces(std::string_view s, bool lower) {
  std::string out;
  CollapseSpacesInto(s, lower, out);
  return out;
}

}  // namespace claimex::attribution
