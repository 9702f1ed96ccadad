#include "extractor/quantity/text_scan.h"

#include <algorithm>

namespace claimex::quantity {

namespace {

// Decodes the code point starting at `pos`; returns its length (1 for bad bytes).
std::size_t Decode(std::string_view t, std::size_t pos, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(t[pos]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (pos + n > t.size()) n = 1;
  if (n == 1) {
    cp = c;
    return 1;
  }
  cp = c & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(t[pos + i]) & 0x3F);
  return n;
}

std::size_t LeadBefore(std::string_view t, std::size_t end) {
  std::size_t p = end - 1;
  int steps = 0;
  while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80 && steps < 3) {
    --p;
    ++steps;
  }
  return p;
}

bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp));
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp < 0x100) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x2000 && cp < 0x2C00) return false;  // punctuation, symbols, currency, arrows
  if (cp >= 0x3000 && cp < 0x3040) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp < 0xFF10) return false;  // presentation forms, full-width punctuation
  return true;
}

bool IsWordCp(char32_t cp) { return (cp >= '0' && cp <= '9') || IsLetterCp(cp); }

std::size_t SpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F;
}

bool Boundaryish(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

}  // namespace

std::size_t SpaceAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  char32_t cp;
  std::size_t n = Decode(text, pos, cp);
  return SpaceCp(cp) ? n : 0;
}

std::size_t SpaceBefore(std::string_view text, std::size_t end) {
  if (end == 0 || end > text.size()) return 0;
  std::size_t p = LeadBefore(text, end);
  char32_t cp;
  std::size_t n = Decode(text, p, cp);
  return (p + n == end && SpaceCp(cp)) ? n : 0;
}

std::size_t SkipSpaces(std::string_view text, std::size_t pos) {
  while (std::size_t n = SpaceAt(text, pos)) pos += n;
  return pos;
}

std::size_t SkipSpacesBack(std::string_view text, std::size_t end) {
  while (std::size_t n = SpaceBefore(text, end)) end -= n;
  return end;
}

bool WordCharAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  char32_t cp;
  Decode(text, pos, cp);
  return IsWordCp(cp);
}

bool WordCharBefore(std::string_view text, std::size_t end) {
  if (end == 0 || end > text.size()) return false;
  char32_t cp;
  Decode(text, LeadBefore(text, end), cp);
  return IsWordCp(cp);
}

bool LetterAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  char32_t cp;
  Decode(text, pos, cp);
  return IsLetterCp(cp);
}

bool LetterBefore(std::string_view text, std::size_t end) {
  if (end == 0 || end > text.size()) return false;
  char32_t cp;
  Decode(text, LeadBefore(text, end), cp);
  return IsLetterCp(cp);
}

std::string_view WordAt(std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  while (e < text.size()) {
    if (WordCharAt(text, e)) {
      char32_t cp;
      e += Decode(text, e, cp);
    } else if ((text[e] == '\'') && e > pos && WordCharAt(text, e + 1)) {
      ++e;
    } else {
      break;
    }
  }
  return text.substr(pos, e - pos);
}

std::size_t WordStartBefore(std::string_view text, std::size_t end) {
  std::size_t s = end;
  while (s > 0) {
    if (WordCharBefore(text, s)) {
      s = LeadBefore(text, s);
    } else if (text[s - 1] == '\'' && s >= 2 && s < end && WordCharBefore(text, s - 1)) {
      --s;
    } else {
      break;
    }
  }
  return s;
}

std::string_view WordBefore(std::string_view text, std::size_t end, std::size_t* start) {
  const std::size_t q = SkipSpacesBack(text, end);
  const std::size_t s = WordStartBefore(text, q);
  if (start) *start = s;
  return text.substr(s, q - s);
}

void PhraseTable::Add(std::string_view phrase, int id) {
  std::string p;
  for (char c : phrase) {
    if (c == ' ' || c == '\t') {
      if (!p.empty() && p.back() != ' ') p += ' ';
    } else {
      p += LowerAsciiChar(c);
    }
  }
  while (!p.empty() && p.back() == ' ') p.pop_back();
  if (p.empty()) return;
  auto by_len = [](const Entry& a, const Entry& b) { return a.phrase.size() > b.phrase.size(); };
  auto& f = by_first_[static_cast<unsigned char>(p.front())];
  f.push_back({p, id});
  std::stable_sort(f.begin(), f.end(), by_len);
  auto& l = by_last_[static_cast<unsigned char>(p.back())];
  l.push_back({p, id});
  std::stable_sort(l.begin(), l.end(), by_len);
  ++count_;
}

std::optional<PhraseMatch> PhraseTable::MatchAt(std::string_view text, std::size_t pos, bool digit_may_follow) const {
  if (pos >= text.size()) return std::nullopt;
  const auto& list = by_first_[static_cast<unsigned char>(LowerAsciiChar(text[pos]))];
  std::optional<PhraseMatch> best;
  for (const Entry& e : list) {
    std::size_t j = pos;
    bool ok = true;
    for (std::size_t i = 0; i < e.phrase.size() && ok; ++i) {
      if (e.phrase[i] == ' ') {
        std::size_t k = SkipSpaces(text, j);
        if (k == j) ok = false;
        j = k;
      } else if (j < text.size() && LowerAsciiChar(text[j]) == e.phrase[i]) {
        ++j;
      } else {
        ok = false;
      }
    }
    if (!ok) continue;
    if (Boundaryish(e.phrase.back()) && WordCharAt(text, j) &&
        !(digit_may_follow && text[j] >= '0' && text[j] <= '9')) {
      continue;
    }
    if (!best || j > best->end) best = PhraseMatch{pos, j, e.id};
  }
  return best;
}

std::optional<PhraseMatch> PhraseTable::MatchBefore(std::string_view text, std::size_t end) const {
  if (end == 0 || end > text.size()) return std::nullopt;
  const auto& list = by_last_[static_cast<unsigned char>(LowerAsciiChar(text[end - 1]))];
  std::optional<PhraseMatch> best;
  for (const Entry& e : list) {
    std::size_t j = end;
    bool ok = true;
    for (std::size_t i = e.phrase.size(); i-- > 0 && ok;) {
      if (e.phrase[i] == ' ') {
        std::size_t k = SkipSpacesBack(text, j);
        if (k == j) ok = false;
        j = k;
      } else if (j > 0 && LowerAsciiChar(text[j - 1]) == e.phrase[i]) {
        --j;
      } else {
        ok = false;
      }
    }
    if (!ok) continue;
    if (Boundaryish(e.phrase.front()) && WordCharBefore(text, j)) continue;
    if (!best || j < best->start) best = PhraseMatch{j, end, e.id};
  }
  return best;
}

}  // namespace claimex::quantity
