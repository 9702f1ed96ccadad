// Turns quantity mentions into claims: what is counted (entity), the act
// (predicate lemma), the category, the time expression that scopes the
// figure, whether it is a running total or an increment (aggregation), and
// the direction the text asserts (change). Uses lexicons and local patterns
// around each mention, within its sentence (and the previous claim for
// "of them").
//
//   ClaimBuilder builder;
//   std::vector<Claim> claims = builder.Build(text, seg, std::move(qs), times);
//
// One claim per quantity, in the same order; `speaker` is left unset for
// the attribution stage. Thread-safe after construction.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/date.h"
#include "extractor/text/segmenter.h"
#include "extractor/time/time_recognizer.h"

namespace claimex {

class ClaimBuilder {
 public:
  // `record_vote_features`: keep the category vote's features in
  // Claim::category_features (for --explain and the weights' trainer).
  explicit ClaimBuilder(bool record_vote_features = false);
  ~ClaimBuilder();
  ClaimBuilder(const ClaimBuilder&) = delete;
  ClaimBuilder& operator=(const ClaimBuilder&) = delete;

  // `published` (optional) lets a forecast's month range without a year
  // ("projected ... between October and December") resolve to the coming
  // months instead of the last ones before publication.
  std::vector<Claim> Build(std::string_view text, const Segmentation& segmentation,
                           std::vector<Quantity> quantities,
                           const std::vector<TimeExpression>& times,
                           std::optional<Date> published = std::nullopt) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex
