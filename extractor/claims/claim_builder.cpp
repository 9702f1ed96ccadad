// PLACEHOLDER until the claims issue lands: one bare claim per quantity.
#include "extractor/claims/claim_builder.h"
namespace claimex {
struct ClaimBuilder::Impl {};
ClaimBuilder::ClaimBuilder() : impl_(std::make_unique<Impl>()) {}
ClaimBuilder::~ClaimBuilder() = default;
std::vector<Claim> ClaimBuilder::Build(std::string_view, const Segmentation& seg,
                                       std::vector<Quantity> quantities,
                                       const std::vector<TimeExpression>&) const {
  std::vector<Claim> out;
  for (Quantity& q : quantities) {
    Claim c;
    c.sentence = seg.SentenceAt(q.span.start);
    c.quantity = std::move(q);
    out.push_back(std::move(c));
  }
  return out;
}
}  // namespace claimex
