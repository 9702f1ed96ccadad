// Reads one figure starting at a byte position: digits ("388,000",
// "1 200", "2.5", "-12") with glued or spaced scale suffixes ("10k",
// "$2.5bn", "3.4 mln", "2.5 million", "12,000 crore"), and number words of
// any size ("three hundred and twelve thousand", "twenty-one", "a dozen",
// "half a million", "five and a half million"). Proportions ("a third",
// "two-thirds", "one in five") are read by ParseProportion.
//
//   NumberParser p;                            // loads quantity_number_words.txt
//   if (auto f = p.ParseDigits(text, pos)) ... // f->value, f->end
//
// Each function returns nullopt when no figure starts exactly at `pos`;
// nothing is ever thrown for odd input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extractor/core/span.h"

namespace claimex::quantity {

struct Figure {
  Span span;                 // digits or words, scale words included
  double value = 0;
  bool words = false;        // spelled out ("twenty-five")
  bool scaled = false;       // a scale word or suffix multiplied it
  bool plain_digits = false; // digits only: no separator, decimal, sign or scale
  int int_digits = 0;        // digits before the decimal point
  bool leading_zero = false; // "0800" (identifiers, phone numbers)
  bool broken = false;       // digits continue oddly after it ("29,2020"): not a figure
  double scale = 1;         // the scale factor applied (1e6 for "3 million")
  bool glued_m = false;      // ended in a bare glued "m" (million or metre, caller decides)
  std::string_view rule;
};

struct Proportion {
  Span span;
  double percent = 0;
  std::string_view rule;
};

class NumberParser {
 public:
  NumberParser();
  std::optional<Figure> ParseDigits(std::string_view text, std::size_t pos) const;
  std::optional<Figure> ParseWords(std::string_view text, std::size_t pos) const;
  std::optional<Proportion> ParseProportion(std::string_view text, std::size_t pos) const;
  // Scale words after a figure ending at `end` ("million", "bn", "lakh crore");
  // multiplies `f` and extends its span. Returns true when one was found.
  bool ApplyScaleWords(std::string_view text, Figure& f) const;
  // A small cardinal (digits or a word up to "ten"/"twenty") at `pos`.
  std::optional<Figure> ParseSmall(std::string_view text, std::size_t pos) const;

  enum class WordClass { kUnit, kTeen, kTens, kHundred, kScale, kDozen, kDenominator, kSuffix };
  struct WordInfo {
    double value;
    WordClass cls;
  };
  const WordInfo* Lookup(std::string_view lower_word) const;

 private:
  std::unordered_map<std::string, WordInfo> words_;
};

}  // namespace claimex::quantity
