#include "extractor/core/claim.h"

#include <array>

namespace claimex {

namespace {
constexpr std::array<std::string_view, 6> kQualifiers = {
    "exact", "approximate", "lower_bound", "upper_bound", "range", "vague"};
constexpr std::array<std::string_view, 5> kKinds = {"count", "percent", "money", "measure",
                                                    "duration"};
constexpr std::array<std::string_view, 9> kCategories = {
    "displacement", "casualties", "territory", "population", "humanitarian",
    "economy",      "health",     "politics",  "other"};
constexpr std::array<std::string_view, 3> kAggregations = {"", "cumulative", "increment"};
constexpr std::array<std::string_view, 3> kChanges = {"", "up", "down"};
constexpr std::array<std::string_view, 4> kSpeakerTypes = {"person", "organization", "document",
                                                           "anonymous"};

template <typename E, std::size_t N>
std::optional<E> Find(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s && !s.empty()) return static_cast<E>(i);
  }
  return std::nullopt;
}
}  // namespace

std::string_view ToString(Qualifier q) { return kQualifiers[static_cast<int>(q)]; }
std::string_view ToString(Kind k) { return kKinds[static_cast<int>(k)]; }
std::string_view ToString(Category c) { return kCategories[static_cast<int>(c)]; }
std::string_view ToString(Aggregation a) { return kAggregations[static_cast<int>(a)]; }
std::string_view ToString(Change c) { return kChanges[static_cast<int>(c)]; }
std::string_view ToString(SpeakerType t) { return kSpeakerTypes[static_cast<int>(t)]; }

std::optional<Qualifier> ParseQualifier(std::string_view s) { return Find<Qualifier>(kQualifiers, s); }
std::optional<Kind> ParseKind(std::string_view s) { return Find<Kind>(kKinds, s); }
std::optional<Category> ParseCategory(std::string_view s) { return Find<Category>(kCategories, s); }
std::optional<SpeakerType> ParseSpeakerType(std::string_view s) {
  return Find<SpeakerType>(kSpeakerTypes, s);
}

}  // namespace claimex
