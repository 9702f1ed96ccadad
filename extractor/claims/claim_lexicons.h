// The word lists of the claim rules (internal to claims/), loaded once from
// lexicons/claims_*.txt: function words, predicate verbs and nouns, change
// words, entity and context category cues, cumulative cues, speech verbs.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractor/core/claim.h"

namespace claimex::claims_internal {

struct Predicate {
  std::string lemma;
  std::optional<Category> category;  // unset for "-"
  std::string cls;                   // "flow", "state", "noun"
  bool base_form = false;            // the form is the lemma itself ("control")
  bool weak = false;                 // its category yields to the entity's and the context's
};

struct CategoryCue {
  std::string phrase;  // lower case, words separated by one space
  Category category;
};

// Hash for string keys looked up by std::string_view without a temporary
// std::string (C++20 heterogeneous lookup).
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct ClaimLexicons {
  ClaimLexicons();  // throws std::logic_error on a malformed row

  // Class of a closed-class word ("det", "prep", "aux", "conj", "pron",
  // "adv", "adj"), or "" for an open-class word.
  std::string_view Class(std::string_view low) const;
  const Predicate* FindPredicate(std::string_view low) const;
  Change ChangeOf(std::string_view low) const;  // kNone when not a change word

  WordMap<std::string> function_words;
  WordMap<Predicate> predicates;  // inflected form → predicate
  WordMap<Change> change_words;
  std::vector<CategoryCue> entity_cues;
  std::vector<CategoryCue> context_cues;
  std::vector<std::string> cumulative_cues;
  std::vector<std::string> year_ago_baselines;  // "a year earlier", "year-on-year"
  WordSet by_amount_nouns;  // "average", "total": "rose by an average of 10.9%"
  WordSet extent_units;     // "km", "ft", "km2": sizes, levels even in a period
  std::vector<std::string> rate_phrases;  // "a day", "every month": a rate, not an amount
  WordSet speech_verbs;
  WordSet document_nouns;  // attribution_documents.txt: "survey", "report"
  // Words that never head an entity, or modifiers skipped before its noun.
  WordMap<std::string> entity_nonheads;  // word → "never", "unit", "modifier", "period" or "direction"
  // Entity cues by phrase, keeping the first row's category: the head word
  // lookup, and the earliest-row phrase found inside an entity.
  WordMap<std::pair<std::size_t, Category>> entity_cue_index;  // phrase → (row, category)
  // Entity cues marked "thing": counted objects, not people, whose own
  // category decides over the verb ("destroyed 11 military vehicles").
  WordSet thing_cues;
  // Entity cues marked "weak": people counted in a role (troops, police)
  // whose category holds only when neither the verb nor the figure's own
  // clause says otherwise ("lost 1,500 troops", "adds 72 police officers").
  WordSet weak_cues;
  // claims_territory.txt: place nouns, verbs of taking or holding ground
  // (inflected forms), and armed forces.
  WordSet territory_places, territory_verbs, territory_forces;
  // claims_conflict_cues.txt: words and phrases by role (battle, combat,
  // injury, violence, staff, vehicle, camp), for HasAnyOf and head tests.
  WordMap<std::vector<std::string>> conflict_cues;
  // The words of `role` in claims_conflict_cues.txt (empty for an unknown one).
  const std::vector<std::string>& ConflictCues(std::string_view role) const;
  // claims_funding_cues.txt: words of raising or needing relief money.
  std::vector<std::string> funding_cues;
  // claims_change_nouns.txt: nouns of a movement before "of" ("a gain of").
  WordMap<Change> change_nouns;
  // claims_restatement_openers.txt: first words of an aside about the
  // figure itself ("or roughly 70%", "mostly from").
  WordSet restatement_openers;
  // claims_population_places.txt: places whose people are a population
  // stock ("the city of 1.8 million").
  WordSet population_places;
  // quantity_units.txt: codes of the units of length (the rows whose SI
  // unit is m: "km", "mi", "ft", ...).
  WordSet length_units;
  // claims_plural_nouns.txt: plural nouns without an -s ("people", "police").
  WordSet plural_nouns;
  // claims_release_verbs.txt: verbs of paying money out of a fund ("released
  // $20 million from its Central Emergency Response Fund").
  WordSet release_verbs;
  // claims_duration_verbs.txt: verbs whose length of time is a task's ("take").
  WordSet duration_verbs;
  // claims_people_participles.txt: participles that stand for people after
  // a count ("received 41 wounded, including nine civilians").
  WordSet people_participles;
  // claims_attributive_adjectives.txt: adjectives only seen before a noun
  // ("annual costs", "total spending").
  WordSet attributive_adjectives;
  // claims_change_lemmas.txt: change words that are no inflected verb ("rise", "up").
  WordSet change_lemmas;
  // claims_anaphora_pronouns.txt: pronouns after "of" for an earlier noun ("them").
  WordSet anaphora_pronouns;
  // claims_change_nouns_after.txt: words after a figure giving its direction ("a 5% rise").
  WordMap<Change> change_nouns_after;
  // claims_spill_words.txt: words of oil escaping ("spill", "slick").
  WordSet spill_words;
  // Heads of amounts that accrue over a period (claims_flow_nouns.txt).
  WordSet flow_nouns;
  // Verbs that state a price or a value, not a payment (claims_price_verbs.txt).
  WordSet price_verbs;
  // claims_tense_words.txt: words or phrases that make a current-year figure
  // a whole-year forecast, make yearless months the coming ones, or mark a
  // clause as present or future.
  std::vector<std::string> whole_year_forecast, coming_months, present_tense, share_state;
  WordSet past_forms;    // irregular simple past forms ("lost", "took")
  WordSet past_linkers;  // "be", "stay": a past form after them is no past event
  // claims_appeal_words.txt: an appeal in money's clause makes it relief.
  std::vector<std::string> appeal_words;
  // claims_aid_entity_words.txt: words of money's entity that make it relief.
  std::vector<std::string> aid_entity_words;
  // claims_set_sum_words.txt: a budget or appeal sets a sum, no increment.
  std::vector<std::string> set_sum_words;
  // claims_level_nouns.txt: "a peak of", "a survey of": a level or a sample.
  WordSet level_nouns;
  // claims_entity_level_heads.txt: "a record low of", "a peak of": no entity.
  WordSet entity_level_heads;
  // claims_entity_target_verbs.txt: "added 7 mm to sea levels": the "to" thing.
  WordSet entity_target_verbs;
  // claims_measure_verbs.txt: "salaries average $41,200": the subject's amount.
  WordSet measure_verbs;
  // claims_money_object_verbs.txt: "costing the budget $1.2bn": the object.
  WordSet money_object_verbs;
  // claims_entity_unit_nouns.txt: "127.4 points", "425.7 parts per million".
  WordSet entity_unit_nouns;
  // claims_entity_counter_nouns.txt: "300 head of cattle": the "of" thing.
  WordSet entity_counter_nouns;
  // claims_entity_of_frames.txt: "to the amount of", "at the rate of": no head.
  WordSet entity_of_frames;
  // claims_subject_openers.txt: "while", "because": a subject may follow.
  WordSet subject_openers;
  // claims_entity_trim.txt: word → "portion", "modifier", "verb" or "title",
  // the words HeadPhrase narrows a phrase by; titles also from the role and
  // title rows of attribution_roles.txt ("Captain Ibrahim Traore, 35").
  WordMap<std::string> entity_trim;
  // claims_people_states.txt: "310 injured", "217 missing": a state names people.
  WordSet people_states;
  // claims_request_verbs.txt: "appealed for $3bn" → the sum's noun ("appeal").
  WordMap<std::string> request_verbs;
  // claims_civic_cues.txt: phrases by role ("prison_after", "office_before",
  // "political_title", ...), read by the civic category rules.
  WordMap<std::vector<std::string>> civic_cues;
  // The phrases of `role` in claims_civic_cues.txt (empty for an unknown one).
  const std::vector<std::string>& CivicCues(std::string_view role) const;
  // claims_category_weights.txt: the category vote's learned weight of each
  // feature ("w=hospital", "head=trucks", "cat=displacement") per category
  // (Category's order); features absent weigh nothing.
  WordMap<std::array<float, 9>> category_weights;
};

}  // namespace claimex::claims_internal
