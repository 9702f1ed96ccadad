// PLACEHOLDER until the quantity issue lands: finds nothing.
#include "extractor/quantity/recognizer.h"
namespace claimex {
struct QuantityRecognizer::Impl {};
QuantityRecognizer::QuantityRecognizer() : impl_(std::make_unique<Impl>()) {}
QuantityRecognizer::~QuantityRecognizer() = default;
std::vector<Quantity> QuantityRecognizer::Recognize(std::string_view, const Segmentation&) const { return {}; }
}  // namespace claimex
