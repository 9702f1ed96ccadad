#include "extractor/text/segmenter.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <stdexcept>
#include <string>

#include "extractor/core/ascii.h"
#include "extractor/core/lexicon.h"
#include "extractor/text/byte_scan.h"

namespace claimex {

namespace {

// Length of a UTF-8 opening/closing double quote at position i, else 0.
// Returns 3 for “ (E2 80 9C) or ” (E2 80 9D). The first-byte test comes
// before any multi-byte compare: these run at many positions, and a memcmp
// call per byte was the segmenter's main cost.
bool Curly(std::string_view t, std::size_t i, unsigned char last) {
  return static_cast<unsigned char>(t[i]) == 0xE2 && i + 2 < t.size() &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 && static_cast<unsigned char>(t[i + 2]) == last;
}
std::size_t CurlyOpen(std::string_view t, std::size_t i) { return Curly(t, i, 0x9C) ? 3 : 0; }
std::size_t CurlyClose(std::string_view t, std::size_t i) { return Curly(t, i, 0x9D) ? 3 : 0; }

// A sentence may start with an upper-case letter, a digit, a quote or an
// opening bracket, or any non-ASCII letter (accented capitals).
bool CanStartSentence(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  return IsAsciiUpper(t[i]) || IsAsciiDigit(t[i]) || t[i] == '"' || t[i] == '\'' || t[i] == '(' ||
         t[i] == '[' || c >= 0xC0 || CurlyOpen(t, i) > 0 || Curly(t, i, 0x98);
}

Span Trim(std::string_view t, std::size_t a, std::size_t b) {
  while (a < b && IsAsciiSpace(t[a])) ++a;
  while (b > a && IsAsciiSpace(t[b - 1])) --b;
  return Span{a, b};
}

}  // namespace

Segmenter::Segmenter() {
  for (const LexiconRow& row : LoadLexicon("abbreviations.txt")) {
    if (row[0].size() > kMaxAbbreviation) {
      throw std::logic_error("abbreviations.txt:" + std::to_string(row.line) + ": entry too long");
    }
    max_len_ = std::max(max_len_, row[0].size());
    abbreviations_.emplace_back(row[0], row.get(1) == "end");
  }
  std::sort(abbreviations_.begin(), abbreviations_.end());
  for (const LexiconRow& row : LoadLexicon("segmenter_sentence_openers.txt")) openers_.push_back(row[0]);
  std::sort(openers_.begin(), openers_.end());
}

namespace {
// `word` lower-cased into `buf` (of at least word.size() bytes).
std::string_view Lower(std::string_view word, char* buf) {
  for (std::size_t k = 0; k < word.size(); ++k) {
    buf[k] = LowerAsciiChar(word[k]);
  }
  return std::string_view(buf, word.size());
}
}  // namespace

Segmenter::Abbreviation Segmenter::AbbreviationOf(std::string_view word) const {
  if (word.size() == 1 && IsAsciiUpper(word[0])) return Abbreviation::kInside;  // an initial
  // Lower-case into a stack buffer: no entry is longer than max_len_, so a
  // longer word is no abbreviation and costs nothing.
  if (word.size() > max_len_) return Abbreviation::kNone;
  char buf[kMaxAbbreviation];
  const std::string_view low = Lower(word, buf);
  auto it = std::lower_bound(abbreviations_.begin(), abbreviations_.end(), low,
                             [](const std::pair<std::string, bool>& a, std::string_view w) { return a.first < w; });
  if (it == abbreviations_.end() || it->first != low) return Abbreviation::kNone;
  return it->second ? Abbreviation::kMayEnd : Abbreviation::kInside;
}

bool Segmenter::OpensSentence(std::string_view t, std::size_t i) const {
  std::size_t e = i;
  while (e < t.size() && e - i <= kMaxAbbreviation && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
  if (e == i || e - i > kMaxAbbreviation) return false;
  char buf[kMaxAbbreviation + 1];
  return std::binary_search(openers_.begin(), openers_.end(), Lower(t.substr(i, e - i), buf), std::less<>());
}

Segmentation Segmenter::Segment(std::string_view t) const {
  Segmentation out;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    Span s = Trim(t, start, end);
    if (!s.empty()) out.sentences.push_back(Sentence{s});
    start = end;
  };
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    i = FindAnyOf<'.', '!', '?', '\n'>(t, i);
    if (i >= n) break;
    char c = t[i];
    if (c == '\n') {
      emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // Swallow repeated terminators and closing quotes/brackets.
    std::size_t j = i + 1;
    while (j < n) {
      if (t[j] == '.' || t[j] == '!' || t[j] == '?' || t[j] == '"' || t[j] == '\'' ||
          t[j] == ')' || t[j] == ']') {
        ++j;
      } else if (std::size_t k = CurlyClose(t, j); k > 0) {
        j += k;
      } else if (Curly(t, j, 0x99)) {
        j += 3;
      } else {
        break;
      }
    }
    if (j < n && !IsAsciiSpace(t[j])) continue;  // "3.5", "U.S.-led"
    std::size_t k = j;
    while (k < n && (t[k] == ' ' || t[k] == '\t')) ++k;
    if (k < n && t[k] != '\n' && !CanStartSentence(t, k)) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > start && !IsAsciiSpace(t[w - 1]) && t[w - 1] != '(' && t[w - 1] != '"') --w;
      std::string_view word = t.substr(w, i - w);
      const Abbreviation a = word.empty() ? Abbreviation::kNone : AbbreviationOf(word);
      if (a == Abbreviation::kInside || (a == Abbreviation::kMayEnd && !OpensSentence(t, k))) continue;
    }
    emit(j);
    i = j - 1;
  }
  emit(n);

  // Quotes: pair opening and closing marks. Straight quotes alternate;
  // curly quotes pair by direction. A paragraph break closes an open quote
  // unless the next paragraph opens with a quote mark.
  std::size_t open = std::string_view::npos, open_len = 0;
  for (std::size_t i = 0; i < n; ++i) {
    i = FindAnyOf<'"', '\n', '\xE2'>(t, i);  // 0xE2: the lead byte of curly quotes
    if (i >= n) break;
    if (t[i] == '\n' && open != std::string_view::npos) {
      std::size_t k = i;
      while (k < n && IsAsciiSpace(t[k])) ++k;
      if (k < n && (t[k] == '"' || CurlyOpen(t, k) > 0)) {
        // The quote continues; skip the reopening mark.
        i = k + (t[k] == '"' ? 0 : 2);
        continue;
      }
      open = std::string_view::npos;
      continue;
    }
    std::size_t len = 0;
    bool is_open = false, is_close = false;
    if (t[i] == '"') {
      len = 1;
      is_open = open == std::string_view::npos;
      is_close = !is_open;
    } else if ((len = CurlyOpen(t, i)) > 0) {
      is_open = open == std::string_view::npos;
    } else if ((len = CurlyClose(t, i)) > 0) {
      is_close = open != std::string_view::npos;
    }
    if (is_open) {
      open = i;
      open_len = len;
    } else if (is_close) {
      out.quotes.push_back(Quote{Span{open, i + len}, Span{open + open_len, i}});
      open = std::string_view::npos;
    }
    if (len > 1) i += len - 1;
  }
  return out;
}

std::size_t Segmentation::SentenceAt(std::size_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::size_t o, const Sentence& s) { return o < s.span.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<std::size_t>(it - sentences.begin()) - 1;
}

const Quote* Segmentation::QuoteAt(std::size_t offset) const {
  auto it = std::upper_bound(quotes.begin(), quotes.end(), offset,
                             [](std::size_t o, const Quote& q) { return o < q.inner.start; });
  if (it == quotes.begin()) return nullptr;
  --it;
  return it->inner.contains(offset) ? &*it : nullptr;
}

}  // namespace claimex
