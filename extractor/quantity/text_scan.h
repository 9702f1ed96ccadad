// Byte-level helpers for walking UTF-8 news text around a number: word
// characters, whitespace (ASCII, no-break and thin spaces), and a phrase
// table that matches lexicon phrases forward from or backward to a position.
//
//   PhraseTable t;  t.Add("per cent", 0);
//   if (auto m = t.MatchAt(text, pos)) ...   // m->end, m->id
//
// Matching is ASCII case-insensitive; a space in a phrase matches any run of
// whitespace (one or more). A phrase that begins (ends) with a letter or
// digit only matches at a word boundary on that side. Cost is proportional
// to the phrases sharing the first (last) byte, not to the text.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/ascii.h"

namespace claimex::quantity {

// Length in bytes of the whitespace character starting at `pos` (0 if none).
std::size_t SpaceAt(std::string_view text, std::size_t pos);
// Length of the whitespace character ending just before `end` (0 if none).
std::size_t SpaceBefore(std::string_view text, std::size_t end);
// Skips whitespace (line breaks included) forward / backward.
std::size_t SkipSpaces(std::string_view text, std::size_t pos);
std::size_t SkipSpacesBack(std::string_view text, std::size_t end);

// True when the character at `pos` (before `end`) is a letter or digit,
// any script. Out-of-range positions are not word characters.
bool WordCharAt(std::string_view text, std::size_t pos);
bool WordCharBefore(std::string_view text, std::size_t end);
bool LetterAt(std::string_view text, std::size_t pos);
bool LetterBefore(std::string_view text, std::size_t end);

// The word (letters, digits, apostrophes and inner periods not allowed)
// starting at `pos`, or ending at `end`.
std::string_view WordAt(std::string_view text, std::size_t pos);
// Start of the word ending at `end` (== end when none).
std::size_t WordStartBefore(std::string_view text, std::size_t end);
// The word ending at `end` after skipping whitespace back (empty when
// none); its start in *start when given.
std::string_view WordBefore(std::string_view text, std::size_t end, std::size_t* start = nullptr);

struct PhraseMatch {
  std::size_t start = 0, end = 0;
  int id = -1;
};

class PhraseTable {
 public:
  void Add(std::string_view phrase, int id);
  // Longest phrase starting exactly at `pos`. A phrase ending in a letter
  // must end its word; with `digit_may_follow`, a digit may follow it
  // ("Rs12,000", "Sh100").
  std::optional<PhraseMatch> MatchAt(std::string_view text, std::size_t pos, bool digit_may_follow = false) const;
  // Longest phrase ending exactly at `end`.
  std::optional<PhraseMatch> MatchBefore(std::string_view text, std::size_t end) const;
  bool empty() const { return count_ == 0; }

 private:
  struct Entry {
    std::string phrase;  // lower-cased, single spaces
    int id;
  };
  std::array<std::vector<Entry>, 256> by_first_, by_last_;  // longest first
  int count_ = 0;
};

}  // namespace claimex::quantity
