// HeadPhrase: narrows a phrase the entity rules read before the figure
// (the subject of its verb, the noun before "of", a name before an age) to
// its head phrase, by the words of claims_entity_trim.txt. Each step but
// HeadOfPhrase ("the price of super petrol" → price) only moves the
// phrase's first token on.
#include "extractor/claims/claim_builder_impl.h"

namespace claimex {

namespace {

// The rules whose phrase ends before the figure and may run too far left.
bool ReadsBefore(std::string_view rule) {
  return rule == "entity.subject" || rule == "entity.change_subject" || rule == "entity.left_noun" ||
         rule == "entity.mark_subject" || rule == "entity.mark_subject_noun" ||
         rule == "entity.change_subject_noun" || rule == "entity.change_subject_relative" ||
         rule == "entity.change_subject_apposition" || rule == "entity.subject_apposition" ||
         rule == "entity.subject_relative" || rule == "entity.clause_subject" ||
         rule == "entity.up_down_subject" || rule == "entity.with_subject" || rule == "entity.relative_host" ||
         rule == "entity.object_by" || rule == "entity.noun_before_bound";
}

}  // namespace

bool ClaimBuilder::Impl::TrimRole(const View& v, int i, std::string_view role) const {
  const Token* t = T(v, i);
  if (!t || !t->word) return false;
  auto it = lex.entity_trim.find(t->low);
  return it != lex.entity_trim.end() && it->second == role;
}

Range ClaimBuilder::Impl::PastVerb(const View& v, Range r) const {
  if (r.e - r.b < 2) return r;
  // A speech or opinion verb (claims_speech_verbs.txt, "verb" rows).
  auto clause_verb = [&](int i) {
    return !Capitalized(v, i) && (v.toks[static_cast<std::size_t>(i)].speech || TrimRole(v, i, "verb"));
  };
  // "economists polled by the central bank expect annual inflation of",
  // "Turkish officials say Ankara has spent": the entity starts after the
  // verb that follows a noun inside the run ("the number of confirmed
  // cases" has none).
  for (int i = r.e - 2; i > r.b; --i) {
    if (clause_verb(i) && Cls(v, i - 1).empty() && v.toks[static_cast<std::size_t>(i - 1)].word) return {i + 1, r.e};
  }
  // "The central bank, which ..., expects inflation to fall": one opening
  // the run (not after a determiner or possessive: "the expected vote").
  const Token* prev = T(v, r.b - 1);
  if (clause_verb(r.b) && Cls(v, r.b - 1) != "det" && !(prev && IsPossessive(prev->low)) &&
      Nounish(v, r.b + 1, false)) {
    return {r.b + 1, r.e};
  }
  // "He expects inflation to fall", "have blocked food convoys for", "is
  // not expected to include ousted leader X, 77": a verb form opening the
  // run after a pronoun, an auxiliary, an adverb, a time or "to" is the
  // verb, not a modifier ("the displaced people", "rising prices").
  const Token& t = v.toks[static_cast<std::size_t>(r.b)];
  if (Capitalized(v, r.b) || t.caps) return r;
  const Token* before = T(v, r.b - 1);
  if (!before || !before->word) return r;
  const std::string_view bc = Cls(v, r.b - 1);
  const bool opener = bc == "pron" || bc == "aux" || bc == "adv" || before->low == "to" ||
                      (before->low.size() > 4 && EndsWith(before->low, "ly")) || before->time >= 0;
  const bool verb = IsInflectedVerb(v, r.b) || (t.pred && t.pred->cls != "noun") ||
                    (t.low.size() > 4 && EndsWith(t.low, "ed")) || clause_verb(r.b);
  if (opener && verb && Nounish(v, r.b + 1, false)) return {r.b + 1, r.e};
  return r;
}

Range ClaimBuilder::Impl::PastPortion(const View& v, Range r) const {
  // "the price of a 50-kg bag of sorghum", "the total number of people":
  // the thing after the portion's or count's "of".
  for (int i = r.b + 1; i + 1 < r.e; ++i) {
    if (!Is(v, i, "of") || !TrimRole(v, i - 1, "portion") || Capitalized(v, i - 1)) continue;
    int b = i + 1;
    while (b + 1 < r.e && Cls(v, b) == "det") ++b;
    r.b = b;
  }
  return r;
}

Range ClaimBuilder::Impl::PastModifiers(const View& v, Range r) const {
  // "global carbon dioxide emissions", "average gross wages", "most
  // returnees": not before a name ("New York prices") nor leaving only a
  // word that is no head ("annual average", "total number").
  while (r.e - r.b > 1 && TrimRole(v, r.b, "modifier") && !Capitalized(v, r.b + 1) &&
         Cls(v, r.b + 1).empty()) {
    const Token& next = v.toks[static_cast<std::size_t>(r.b + 1)];
    if (r.e - r.b == 2 && (NeverHead(v, r.b + 1) || lex.entity_level_heads.count(next.low) ||
                           TrimRole(v, r.b + 1, "portion"))) {
      break;
    }
    ++r.b;
  }
  return r;
}

Range ClaimBuilder::Impl::HeadOfPhrase(const View& v, Range r) const {
  // "the price of super petrol", "sales of Velora", "the median age of
  // Poles": the head before "of" (a place's frame names the place: "the
  // northern town of Djibo"; the amount of a frame is its thing: "the
  // amount of aid").
  for (int i = r.b + 1; i + 1 < r.e; ++i) {
    if (!Is(v, i, "of")) continue;
    const std::string& head = v.toks[static_cast<std::size_t>(i - 1)].low;
    if (lex.population_places.count(head) || lex.entity_of_frames.count(head)) {
      int b = i + 1;
      while (b + 1 < r.e && Cls(v, b) == "det") ++b;
      return {b, r.e};
    }
    return {r.b, i};
  }
  return r;
}

Range ClaimBuilder::Impl::PersonName(const View& v, Range r) const {
  // "Beirut shopkeeper Fadi Haddad, 54", "Captain Ibrahim Traore, 35": the
  // name after the last title or lower-case word.
  int b = r.e;
  while (b > r.b && Capitalized(v, b - 1) && !v.toks[static_cast<std::size_t>(b - 1)].caps &&
         !TrimRole(v, b - 1, "title")) {
    --b;
  }
  if (b == r.e || b == r.b) return r;
  return {b, r.e};
}

Range ClaimBuilder::Impl::HeadPhrase(const View& v, Range r, Kind kind, std::string_view rule) const {
  if (r.empty() || !ReadsBefore(rule)) return r;
  r = PastVerb(v, r);
  r = PastPortion(v, r);
  r = PastModifiers(v, r);
  r = HeadOfPhrase(v, r);
  if (kind == Kind::kDuration && Is(v, r.e, ",")) r = PersonName(v, r);
  return r;
}

}  // namespace claimex
