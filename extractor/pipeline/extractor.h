// The extraction pipeline for one document: segmenter → time recognizer →
// quantity recognizer (minus durations that only scope a time expression)
// → claim builder → attributor. This is the only place the stages meet.
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

struct ExtractResult {
  std::vector<Claim> claims;          // in document order
  std::vector<std::string> warnings;  // per-document notes, e.g. no publication date
};

class Extractor {
 public:
  Extractor();
  ExtractResult Extract(const Document& doc) const;

 private:
  Segmenter segmenter_;
  TimeRecognizer times_;
  QuantityRecognizer quantities_;
  ClaimBuilder builder_;
  Attributor attributor_;
};

}  // namespace claimex
