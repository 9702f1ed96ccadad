// Finds reporting cues ("said", "according to", "a survey found") in a
// document with one RE2 pass; the rules of each cue (where its speaker
// stands, what it demands of it) are data: lexicons/attribution_cues.txt.
//
//   CueFinder finder;                       // compiles the pattern once
//   for (const Cue& cue : finder.Find(text)) ...
//
// Whether a cue really reports speech is decided later, from its
// neighbourhood (attributor.cpp); the finder only locates candidates.
// Thread-safe after construction.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/core/span.h"

namespace re2 {
class RE2;
}

namespace claimex::attribution {

enum class CueSide { kLeft, kRight, kDocument, kSubject };

struct CueRule {
  std::string form;   // lower-case, single spaces ("according to")
  std::string lemma;  // "say"
  CueSide side = CueSide::kLeft;
  bool invert = false, plural = false, typed = false, clause = false, at = false, passive = false;
  bool needs_for = false;  // "appealed on Wednesday for": a "for" must follow
  bool local = false;  // reports only the figure right before it ("the 5% forecast by analysts")
};

struct Cue {
  Span span;             // the cue as written
  const CueRule* rule;   // owned by the CueFinder
};

class CueFinder {
 public:
  CueFinder();  // throws std::logic_error on a malformed lexicon row (a build bug)
  ~CueFinder();
  std::vector<Cue> Find(std::string_view text) const;

 private:
  std::vector<CueRule> rules_;
  std::unordered_map<std::string, const CueRule*> by_form_;  // form -> its first rule
  std::unique_ptr<re2::RE2> pattern_;
};

}  // namespace claimex::attribution
