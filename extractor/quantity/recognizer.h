// Finds quantity mentions in a document: counts, percents and proportions,
// money, measures, durations and ages, with their qualifier and bounds
// (SPEC.md, "The claim record"), and filters out what is not a claim
// (dates, years, times of day, ordinals, identifiers, scores).
//
//   QuantityRecognizer recognizer;              // compiles every rule once
//   std::vector<Quantity> qs = recognizer.Recognize(text, segmentation);
//
// Results are sorted by span start and never overlap. Thread-safe after
// construction. Linear in the text: one RE2 pass finds candidates, anchored
// rules parse them. Rules and their data live in extractor/lexicons/.
// The constructor throws std::logic_error naming the rule when a pattern
// fails to compile.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/text/segmenter.h"

namespace claimex {

class QuantityRecognizer {
 public:
  QuantityRecognizer();
  ~QuantityRecognizer();
  QuantityRecognizer(const QuantityRecognizer&) = delete;
  QuantityRecognizer& operator=(const QuantityRecognizer&) = delete;

  std::vector<Quantity> Recognize(std::string_view text, const Segmentation& segmentation) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex
