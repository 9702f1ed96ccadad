// PLACEHOLDER until the attribution issue lands: attributes nothing.
#include "extractor/attribution/attributor.h"
namespace claimex {
struct Attributor::Impl {};
Attributor::Attributor() : impl_(std::make_unique<Impl>()) {}
Attributor::~Attributor() = default;
void Attributor::Attribute(std::string_view, const Segmentation&, std::vector<Claim>&) const {}
}  // namespace claimex
