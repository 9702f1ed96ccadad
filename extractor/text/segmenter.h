// Splits a document into sentences and finds quoted passages, with UTF-8
// byte offsets into the original text (nothing is copied or normalized).
//
// Sentences end at '.', '!' or '?' (optionally followed by closing quotes or
// brackets) before whitespace and an upper-case letter, digit or opening
// quote, unless the word before the period is an abbreviation from
// lexicons/abbreviations.txt ("Mr.", "Jan.", "U.S."); an abbreviation marked
// there as one that can end a sentence ("U.N.", "a.m.") does end it before
// a word from segmenter_sentence_openers.txt ("the U.N. Some 63,000 fled",
// but "the U.S. Army"); a line break always
// ends a sentence, since news text puts headlines, bylines and paragraphs
// on lines of their own.
//
// Quotes are spans between straight double quotes or curly quotes (“ ”); a
// quote left open at the end of a paragraph continues into the next one when
// that paragraph opens with a quote mark (the news convention for multi-
// paragraph quotes). Linear in the text size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/core/span.h"

namespace claimex {

struct Sentence {
  Span span;  // trimmed of surrounding whitespace
};

struct Quote {
  Span span;   // quote marks included
  Span inner;  // between the marks
};

struct Segmentation {
  std::vector<Sentence> sentences;  // in text order, non-overlapping
  std::vector<Quote> quotes;        // in text order

  // Index of the sentence containing `offset`, or of the nearest one before
  // it (offsets in whitespace between sentences), 0 for an empty document.
  std::size_t SentenceAt(std::size_t offset) const;
  // The quote whose inner span contains `offset`, or nullptr.
  const Quote* QuoteAt(std::size_t offset) const;
};

class Segmenter {
 public:
  Segmenter();  // loads the abbreviation and sentence-opener lexicons
  Segmentation Segment(std::string_view text) const;

 private:
  enum class Abbreviation { kNone, kInside, kMayEnd };
  // What `word` (without its final '.') is: no abbreviation, one that never
  // ends a sentence ("Mr"), or one that may ("U.S").
  Abbreviation AbbreviationOf(std::string_view word) const;
  // Whether the word at `i` opens sentences after a kMayEnd abbreviation.
  bool OpensSentence(std::string_view t, std::size_t i) const;
  static constexpr std::size_t kMaxAbbreviation = 32;
  // Lower-case, without the final '.'; sorted; .second: may end a sentence.
  std::vector<std::pair<std::string, bool>> abbreviations_;
  std::vector<std::string> openers_;  // lower-case; sorted
  std::size_t max_len_ = 0;                 // longest entry
};

}  // namespace claimex
