// The claim record of SPEC.md, built up stage by stage:
//   quantity/    fills Claim::quantity (mention, bounds, qualifier, kind, unit)
//   claims/      fills entity, predicate, category, time, aggregation, change
//   attribution/ fills speaker
// Strings left empty and optionals left unset are printed as JSON null.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/date.h"
#include "extractor/core/span.h"

namespace claimex {

enum class Qualifier { kExact, kApproximate, kLowerBound, kUpperBound, kRange, kVague };
enum class Kind { kCount, kPercent, kMoney, kMeasure, kDuration };
enum class Category {
  kDisplacement, kCasualties, kTerritory, kPopulation, kHumanitarian,
  kEconomy, kHealth, kPolitics, kOther
};
enum class Aggregation { kNone, kCumulative, kIncrement };
enum class Change { kNone, kUp, kDown };
enum class SpeakerType { kPerson, kOrganization, kDocument, kAnonymous };

// SPEC spellings ("lower_bound", "percent", "displacement", ...). The
// Aggregation/Change kNone values print as "" (null in output).
std::string_view ToString(Qualifier q);
std::string_view ToString(Kind k);
std::string_view ToString(Category c);
std::string_view ToString(Aggregation a);
std::string_view ToString(Change c);
std::string_view ToString(SpeakerType t);
// Inverse of ToString; nullopt for an unknown spelling.
std::optional<Qualifier> ParseQualifier(std::string_view s);
std::optional<Kind> ParseKind(std::string_view s);
std::optional<Category> ParseCategory(std::string_view s);
std::optional<SpeakerType> ParseSpeakerType(std::string_view s);

// A quantity mention as the recognizer found it.
struct Quantity {
  Span span;          // the mention, qualifier and unit included ("more than 388,000")
  Span number_span;   // the figure itself inside span ("388,000")
  std::optional<double> value, low, high;  // SPEC bounds (inclusive reading)
  Qualifier qualifier = Qualifier::kExact;
  Kind kind = Kind::kCount;
  std::string unit;                 // SPEC unit code, empty for plain counts
  std::optional<double> norm_value; // measures only: value in SI base units
  std::string norm_unit;            // "m", "kg", "m2", "m3", "m/s", "K", "s"
  Change change = Change::kNone;    // set when the mention itself says it ("topped")
  std::vector<std::string_view> rules;  // names of the rules that fired (static storage)
};

// A time expression scoping a claim, resolved against the publication date.
struct TimeScope {
  std::string text;
  Span span;
  std::optional<Date> start, end;  // unset where open or unresolvable
};

struct Speaker {
  std::string name;       // as written, the full name when a reference was resolved
  SpeakerType type = SpeakerType::kOrganization;
  std::string role;       // "UN Undersecretary General for Humanitarian Affairs"
  std::string cue;        // "says", "according to"
  std::string canonical;  // one name per speaker across sources
  Span name_span;         // where the name (or the pronoun/description) is written
  Span cue_span;
};

struct Claim {
  std::size_t sentence = 0;  // 0-based sentence index in the document
  Quantity quantity;
  std::string entity;        // lower-cased head phrase, empty when unknown
  Span entity_span;
  std::string predicate;     // lemma, empty when unknown
  Span predicate_span;
  Category category = Category::kOther;
  Aggregation aggregation = Aggregation::kNone;
  Change change = Change::kNone;
  std::optional<TimeScope> time;
  std::optional<Speaker> speaker;
  std::vector<std::string_view> rules;  // rules of later stages, for --explain
  // What the category vote saw ("w=hospital", "cat=health"), for a claim
  // whose category no firm cue decided; empty for the others. Printed by
  // --explain, read by scripts/train-category-weights.
  std::vector<std::string> category_features;
};

// Whether the rule named `rule` fired for `c` (Claim::rules).
inline bool HasRule(const Claim& c, std::string_view rule) {
  return std::find(c.rules.begin(), c.rules.end(), rule) != c.rules.end();
}

}  // namespace claimex
