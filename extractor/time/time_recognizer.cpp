// PLACEHOLDER until the time issue lands: finds nothing.
#include "extractor/time/time_recognizer.h"
namespace claimex {
struct TimeRecognizer::Impl {};
TimeRecognizer::TimeRecognizer() : impl_(std::make_unique<Impl>()) {}
TimeRecognizer::~TimeRecognizer() = default;
std::vector<TimeExpression> TimeRecognizer::Find(std::string_view, std::optional<Date>) const { return {}; }
}  // namespace claimex
