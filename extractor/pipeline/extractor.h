// The extraction pipeline for one document: segmenter → quantity
// recognizer → time recognizer (over the figure sentences only) → minus
// the durations that only scope a time expression → claim builder →
// attributor. This is the only place the stages meet.
//
//   Extractor extractor;                 // compiles every rule once (~ms)
//   ExtractResult r = extractor.Extract(doc);
//
// Thread-safe after construction: share one Extractor between threads.
#pragma once

#include <string>
#include <vector>

#include "extractor/attribution/attributor.h"
#include "extractor/claims/claim_builder.h"
#include "extractor/core/claim.h"
#include "extractor/core/document.h"
#include "extractor/quantity/recognizer.h"
#include "extractor/text/segmenter.h"
#include "extractor/time/time_recognizer.h"

namespace claimex {

// The spans the time recognizer is asked about: each figure's sentence
// (widened to cover the figure), merged where they touch, in text order.
// Claims read only the time expressions of their own sentence, so the rest
// of the text is never searched.
std::vector<Span> FigureSentences(const Segmentation& seg, const std::vector<Quantity>& quantities);

// Removes the durations inside a time expression ("in the last two days"):
// they place a claim in time and are no claims of their own. Both lists
// sorted by span start.
void DropTimeDurations(std::vector<Quantity>& quantities, const std::vector<TimeExpression>& times);

struct ExtractResult {
  std::vector<Claim> claims;          // in document order
  std::vector<std::string> warnings;  // per-document notes, e.g. no publication date
};

class Extractor {
 public:
  // `vote_features`: keep the category vote's features in each claim
  // (Claim::category_features) for --explain; off, only their sum is kept.
  explicit Extractor(bool vote_features = false);
  ExtractResult Extract(const Document& doc) const;

 private:
  Segmenter segmenter_;
  TimeRecognizer times_;
  QuantityRecognizer quantities_;
  ClaimBuilder builder_;
  Attributor attributor_;
};

}  // namespace claimex
