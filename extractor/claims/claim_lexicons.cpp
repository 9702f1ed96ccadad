#include "extractor/claims/claim_lexicons.h"

#include <charconv>
#include <stdexcept>

#include "extractor/core/ascii.h"
#include "extractor/core/lexicon.h"

namespace claimex::claims_internal {

namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(LowerAscii(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

// Adds the first column of `lexicon`, lower-cased, to `words` (a list in
// the file's order).
template <typename Words>
void AddFirstColumn(std::string_view lexicon, Words& words) {
  for (const LexiconRow& r : LoadLexicon(lexicon)) words.insert(words.end(), LowerAscii(r[0]));
}

Category MustCategory(const LexiconRow& row, std::string_view lexicon, std::size_t field) {
  auto c = ParseCategory(row.get(field));
  if (!c) {
    throw std::logic_error(std::string(lexicon) + ":" + std::to_string(row.line) +
                           ": unknown category '" + std::string(row.get(field)) + "'");
  }
  return *c;
}

}  // namespace

ClaimLexicons::ClaimLexicons() {
  for (const LexiconRow& r : LoadLexicon("claims_function_words.txt")) {
    function_words.emplace(LowerAscii(r[0]), std::string(r.get(1)));
  }
  for (const LexiconRow& r : LoadLexicon("claims_predicates.txt")) {
    Predicate p;
    p.lemma = LowerAscii(r[0]);
    if (r.get(1) != "-") p.category = MustCategory(r, "claims_predicates.txt", 1);
    p.cls = std::string(r.get(2));
    if (r.get(4) == "weak") {
      p.weak = true;
    } else if (!r.get(4).empty()) {
      throw std::logic_error("claims_predicates.txt:" + std::to_string(r.line) + ": unknown mark '" +
                             std::string(r.get(4)) + "'");
    }
    for (const std::string& form : Words(r.get(3))) {
      Predicate q = p;
      q.base_form = form == p.lemma;
      predicates.emplace(form, q);  // first row wins for a shared form
    }
  }
  for (const LexiconRow& r : LoadLexicon("claims_change.txt")) {
    change_words.emplace(LowerAscii(r[0]), r.get(1) == "down" ? Change::kDown : Change::kUp);
  }
  for (const LexiconRow& r : LoadLexicon("claims_entity_cues.txt")) {
    entity_cues.push_back({LowerAscii(r[0]), MustCategory(r, "claims_entity_cues.txt", 1)});
    entity_cue_index.emplace(entity_cues.back().phrase,
                             std::make_pair(entity_cues.size() - 1, entity_cues.back().category));
    if (r.get(2) == "thing") {
      thing_cues.insert(entity_cues.back().phrase);
    } else if (r.get(2) == "weak") {
      weak_cues.insert(entity_cues.back().phrase);
    } else if (!r.get(2).empty()) {
      throw std::logic_error("claims_entity_cues.txt:" + std::to_string(r.line) + ": unknown mark '" +
                             std::string(r.get(2)) + "'");
    }
  }
  for (const LexiconRow& r : LoadLexicon("claims_territory.txt")) {
    std::string_view role = r.get(1);
    WordSet* to = role == "place" ? &territory_places
                  : role == "verb" ? &territory_verbs
                  : role == "force" ? &territory_forces
                                    : nullptr;
    if (!to) {
      throw std::logic_error("claims_territory.txt:" + std::to_string(r.line) + ": unknown role '" +
                             std::string(role) + "'");
    }
    for (const std::string& w : Words(r[0])) to->insert(w);
  }
  for (const LexiconRow& r : LoadLexicon("claims_conflict_cues.txt")) {
    conflict_cues[std::string(r.get(1))].push_back(LowerAscii(r[0]));
  }
  AddFirstColumn("claims_funding_cues.txt", funding_cues);
  for (const LexiconRow& r : LoadLexicon("claims_change_nouns.txt")) {
    change_nouns.emplace(LowerAscii(r[0]), r.get(1) == "down" ? Change::kDown : Change::kUp);
  }
  AddFirstColumn("claims_restatement_openers.txt", restatement_openers);
  AddFirstColumn("claims_population_places.txt", population_places);
  for (const LexiconRow& r : LoadLexicon("quantity_units.txt")) {
    if (r.get(5) == "m") length_units.insert(std::string(r.get(1)));
  }
  AddFirstColumn("claims_plural_nouns.txt", plural_nouns);
  AddFirstColumn("claims_release_verbs.txt", release_verbs);
  AddFirstColumn("claims_duration_verbs.txt", duration_verbs);
  AddFirstColumn("claims_people_participles.txt", people_participles);
  for (const LexiconRow& r : LoadLexicon("claims_attributive_adjectives.txt")) {
    attributive_adjectives.insert(LowerAscii(r[0]));
  }
  AddFirstColumn("claims_change_lemmas.txt", change_lemmas);
  AddFirstColumn("claims_anaphora_pronouns.txt", anaphora_pronouns);
  for (const LexiconRow& r : LoadLexicon("claims_change_nouns_after.txt")) {
    change_nouns_after.emplace(LowerAscii(r[0]), r.get(1) == "down" ? Change::kDown : Change::kUp);
  }
  AddFirstColumn("claims_spill_words.txt", spill_words);
  AddFirstColumn("claims_flow_nouns.txt", flow_nouns);
  AddFirstColumn("claims_price_verbs.txt", price_verbs);
  for (const LexiconRow& r : LoadLexicon("claims_tense_words.txt")) {
    std::string_view cls = r.get(1);
    if (cls == "past" || cls == "past_linker") {  // single words, looked up
      (cls == "past" ? past_forms : past_linkers).insert(LowerAscii(r[0]));
      continue;
    }
    std::vector<std::string>* to = cls == "whole_year" ? &whole_year_forecast
                                   : cls == "coming"   ? &coming_months
                                   : cls == "present"  ? &present_tense
                                   : cls == "share_state" ? &share_state
                                                       : nullptr;
    if (!to) throw std::runtime_error("claims_tense_words.txt: unknown class '" + std::string(cls) + "'");
    to->push_back(LowerAscii(r[0]));
  }
  AddFirstColumn("claims_appeal_words.txt", appeal_words);
  AddFirstColumn("claims_aid_entity_words.txt", aid_entity_words);
  AddFirstColumn("claims_set_sum_words.txt", set_sum_words);
  AddFirstColumn("claims_level_nouns.txt", level_nouns);
  AddFirstColumn("claims_entity_level_heads.txt", entity_level_heads);
  AddFirstColumn("claims_entity_target_verbs.txt", entity_target_verbs);
  AddFirstColumn("claims_measure_verbs.txt", measure_verbs);
  AddFirstColumn("claims_money_object_verbs.txt", money_object_verbs);
  AddFirstColumn("claims_entity_unit_nouns.txt", entity_unit_nouns);
  AddFirstColumn("claims_entity_counter_nouns.txt", entity_counter_nouns);
  AddFirstColumn("claims_entity_of_frames.txt", entity_of_frames);
  AddFirstColumn("claims_subject_openers.txt", subject_openers);
  AddFirstColumn("claims_people_states.txt", people_states);
  for (const LexiconRow& r : LoadLexicon("claims_entity_trim.txt")) {
    const std::string_view role = r.get(1);
    if (role != "portion" && role != "modifier" && role != "verb" && role != "title") {
      throw std::logic_error("claims_entity_trim.txt:" + std::to_string(r.line) + ": unknown role '" +
                             std::string(role) + "'");
    }
    entity_trim.emplace(LowerAscii(r[0]), std::string(role));
  }
  for (const LexiconRow& r : LoadLexicon("attribution_roles.txt")) {
    if (r.get(1) == "role" || r.get(1) == "title") entity_trim.emplace(LowerAscii(r[0]), "title");
  }
  for (const LexiconRow& r : LoadLexicon("claims_request_verbs.txt")) request_verbs.emplace(LowerAscii(r[0]), LowerAscii(r.get(1)));
  for (const LexiconRow& r : LoadLexicon("claims_category_weights.txt")) {
    const Category c = MustCategory(r, "claims_category_weights.txt", 1);
    auto [it, added] = category_weights.try_emplace(r[0]);
    if (added) it->second.fill(0.0f);
    // from_chars: no locale's decimal comma.
    const std::string_view w = r.get(2);
    float value = 0.0f;
    if (std::from_chars(w.data(), w.data() + w.size(), value).ec != std::errc()) {
      throw std::logic_error("claims_category_weights.txt:" + std::to_string(r.line) + ": bad weight");
    }
    it->second[static_cast<std::size_t>(c)] = value;
  }
  for (const LexiconRow& r : LoadLexicon("claims_civic_cues.txt")) civic_cues[std::string(r.get(1))].push_back(LowerAscii(r[0]));
  for (const LexiconRow& r : LoadLexicon("claims_context_cues.txt")) {
    context_cues.push_back({LowerAscii(r[0]), MustCategory(r, "claims_context_cues.txt", 1)});
  }
  AddFirstColumn("claims_cumulative_cues.txt", cumulative_cues);
  AddFirstColumn("claims_year_ago_baselines.txt", year_ago_baselines);
  AddFirstColumn("claims_by_amount_nouns.txt", by_amount_nouns);
  for (const LexiconRow& r : LoadLexicon("claims_extent_units.txt")) extent_units.insert(std::string(r[0]));
  AddFirstColumn("claims_rate_phrases.txt", rate_phrases);
  AddFirstColumn("claims_speech_verbs.txt", speech_verbs);
  AddFirstColumn("attribution_documents.txt", document_nouns);
  for (const LexiconRow& r : LoadLexicon("claims_entity_nonheads.txt")) {
    if (r.get(1) != "never" && r.get(1) != "unit" && r.get(1) != "modifier" && r.get(1) != "period" &&
        r.get(1) != "direction") {
      throw std::logic_error("claims_entity_nonheads.txt:" + std::to_string(r.line) + ": unknown role '" +
                             std::string(r.get(1)) + "'");
    }
    entity_nonheads.emplace(LowerAscii(r[0]), std::string(r.get(1)));
  }
}

std::string_view ClaimLexicons::Class(std::string_view low) const {
  auto it = function_words.find(low);
  return it == function_words.end() ? std::string_view() : std::string_view(it->second);
}

const Predicate* ClaimLexicons::FindPredicate(std::string_view low) const {
  auto it = predicates.find(low);
  return it == predicates.end() ? nullptr : &it->second;
}

namespace {

// The phrases of `role` in a role-keyed cue table; empty for an unknown role.
const std::vector<std::string>& CuesOfRole(const WordMap<std::vector<std::string>>& table, std::string_view role) {
  static const std::vector<std::string> kNone;
  auto it = table.find(role);
  return it == table.end() ? kNone : it->second;
}

}  // namespace

const std::vector<std::string>& ClaimLexicons::CivicCues(std::string_view role) const {
  return CuesOfRole(civic_cues, role);
}

const std::vector<std::string>& ClaimLexicons::ConflictCues(std::string_view role) const {
  return CuesOfRole(conflict_cues, role);
}

Change ClaimLexicons::ChangeOf(std::string_view low) const {
  auto it = change_words.find(low);
  return it == change_words.end() ? Change::kNone : it->second;
}

}  // namespace claimex::claims_internal
