// The word lists of the claim rules (internal to claims/), loaded once from
// lexicons/claims_*.txt: function words, predicate verbs and nouns, change
// words, entity and context category cues, cumulative cues, speech verbs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/core/claim.h"

namespace claimex::claims_internal {

struct Predicate {
  std::string lemma;
  std::optional<Category> category;  // unset for "-"
  std::string cls;                   // "flow", "state", "noun"
  bool base_form = false;            // the form is the lemma itself ("control")
};

struct CategoryCue {
  std::string phrase;  // lower case, words separated by one space
  Category category;
};

struct ClaimLexicons {
  ClaimLexicons();  // throws std::logic_error on a malformed row

  // Class of a closed-class word ("det", "prep", "aux", "conj", "pron",
  // "adv", "adj"), or "" for an open-class word.
  std::string_view Class(std::string_view low) const;
  const Predicate* FindPredicate(std::string_view low) const;
  Change ChangeOf(std::string_view low) const;  // kNone when not a change word

  std::unordered_map<std::string, std::string> function_words;
  std::unordered_map<std::string, Predicate> predicates;  // inflected form → predicate
  std::unordered_map<std::string, Change> change_words;
  std::vector<CategoryCue> entity_cues;
  std::vector<CategoryCue> context_cues;
  std::vector<std::string> cumulative_cues;
  std::unordered_set<std::string> speech_verbs;
};

}  // namespace claimex::claims_internal
