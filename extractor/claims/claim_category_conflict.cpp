// Category rules for war, disaster and care figures, where the verb or what
// is counted points one way and the readers of the tuning sets agree on
// another (claims_conflict_cues.txt lists the words):
//   front_line       a distance where forces fight or that they took → territory
//   captured         armed forces a verb of taking counts (prisoners) → casualties
//   injury_care      the injured a health verb counts → casualties
//   bodies           "the bodies of 17 people" → casualties
//   staff_killed     health workers killed in attacks → casualties
//   patients_died    deaths among the patients just counted → health
//   vehicles_moving  cars and buses of an evacuation → displacement
//   companions       "returned ... with her eight grandchildren" → the verb's
//   journey          distance, speed or time of a journey in a flight story → displacement
//   held_moved       inmates who escape → what is counted says (not displacement)
//   forces_lost      "They have lost 40 vehicles and dozens of men" → casualties
//   figure_anaphor   "officials warned the final figure could exceed 1,000" → the figure before
//   total_of_share   "in 25 of the country's 36 states" → the share's category
//   verb_after       no predicate found: a casualty verb later in the clause
//                    ("At least 70 polio workers and police guarding them
//                    have been killed", "\"dozens\" of civilians had been killed")
//   effect_of_previous ", affecting 3 million people" → the figure it follows
//   camp_stock       a camp "home to roughly 630,000 people" → displacement
// CategoryOf (claim_category.cpp) calls them at the point where each
// overrides the general order of cues.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

namespace {

// Whether an entity names deaths ("deaths", "the official death toll").
bool DeathCount(std::string_view entity) {
  return entity.find("death") != std::string_view::npos || entity.find("toll") != std::string_view::npos ||
         entity.find("dead") != std::string_view::npos || entity.find("fatalities") != std::string_view::npos;
}

bool Contains(const std::vector<std::string>& list, std::string_view w) {
  for (const std::string& x : list) {
    if (x == w) return true;
  }
  return false;
}

}  // namespace

bool ClaimBuilder::Impl::ForcesNamed(const View& v) const {
  for (const Token& t : v.toks) {
    if (lex.territory_forces.count(t.low)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::FrontLineDistance(const View& v, const Work& w, const Claim& c) const {
  if (c.quantity.kind != Kind::kMeasure || !LengthUnit(c.quantity.unit)) return false;
  const int b = ClauseStart(v, w.qf, 3), e = ClauseEnd(v, w.qf, 3);
  if (HasAnyOf(v, b, e, lex.ConflictCues("battle"))) return true;
  if (!ForcesNamed(v)) return false;
  if (HasAnyOf(v, b, e, lex.ConflictCues("combat"))) return true;
  // "the rebels seized the port town of Mocimboa da Praia, 80 kilometers to
  // the south": the distance places the ground taken.
  if (!PlacingDistance(v, w, c.quantity)) return false;
  for (int k = b; k < w.qf; ++k) {
    if (lex.territory_verbs.count(v.toks[static_cast<std::size_t>(k)].low)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::CapturedForces(const Work& w, const Claim& c) const {
  return w.predicate && w.predicate->category == Category::kTerritory && c.quantity.kind == Kind::kCount &&
         lex.territory_forces.count(EntityHead(c.entity)) > 0;
}

bool ClaimBuilder::Impl::InjuryCare(const View& v, const Work& w, const Claim& c) const {
  // What is counted ("142 wounded", "1,400 trauma patients"), or the
  // reason after it ("admitted to hospitals with injuries").
  for (const std::string& x : lex.ConflictCues("injury")) {
    if (x == EntityHead(c.entity) || (" " + c.entity + " ").find(" " + x + " ") != std::string::npos) return true;
  }
  const Token* next = T(v, w.ql + 1);
  if (next && Contains(lex.ConflictCues("injury"), next->low)) return true;
  return HasAnyOf(v, w.ql + 1, ClauseEnd(v, w.qf, 2), lex.ConflictCues("injury"));
}

bool ClaimBuilder::Impl::BodiesOf(const View& v, const Work& w) const {
  return Is(v, w.qf - 1, "of") && (Is(v, w.qf - 2, "bodies") || Is(v, w.qf - 2, "remains"));
}

bool ClaimBuilder::Impl::StaffKilled(const View& v, const Claim& c) const {
  return Contains(lex.ConflictCues("staff"), EntityHead(c.entity)) &&
         HasAnyOf(v, 0, static_cast<int>(v.toks.size()), lex.ConflictCues("violence"));
}

bool ClaimBuilder::Impl::PatientsDied(const View& v, const Claim& c, const std::vector<Claim>& done) const {
  if (done.empty() || c.quantity.kind != Kind::kCount) return false;
  const Claim& prev = done.back();
  if (prev.category != Category::kHealth || Undecided(prev) || prev.sentence + 1 < c.sentence) return false;
  // The same people ("has sickened 312 children ..., and six have died"),
  // or deaths after deaths ("1,325 deaths ..., bringing the official death
  // toll to 150,273").
  const std::string_view head = EntityHead(c.entity);
  bool same = !head.empty() && head == EntityHead(prev.entity);
  // Or the people named a few words before that figure, whatever entity it
  // got ("the number of severely malnourished children admitted each week
  // had doubled to about 200. At least 14 children ... had died there").
  if (!same && !head.empty() && prev.quantity.span.start <= v.text.size()) {
    const std::size_t from = prev.quantity.span.start > 100 ? prev.quantity.span.start - 100 : 0;
    const std::string_view before = v.text.substr(from, prev.quantity.span.start - from);
    same = before.find(" " + std::string(head) + " ") != std::string_view::npos;
  }
  if (!same && !(DeathCount(c.entity) && DeathCount(prev.entity))) return false;
  return !HasAnyOf(v, 0, static_cast<int>(v.toks.size()), lex.ConflictCues("violence"));
}

bool ClaimBuilder::Impl::VehiclesMoving(const View& v, const Work& w, const Claim& c,
                                        const std::vector<Claim>& done) const {
  if (c.quantity.kind != Kind::kCount || !Contains(lex.ConflictCues("vehicle"), EntityHead(c.entity))) return false;
  if (w.predicate && w.predicate->category == Category::kDisplacement) return true;
  // "Some 20,000 civilians escaped ... in about 4,000 private cars";
  // "Another 2,000 vehicles had left on Monday" after it.
  if (!done.empty() && done.back().category == Category::kDisplacement && done.back().sentence + 1 >= c.sentence &&
      !Undecided(done.back())) {
    return true;
  }
  for (const Token& t : v.toks) {
    if (t.pred && t.pred->category == Category::kDisplacement) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::HeldPeopleMoved(const Work& w, const Claim& c) const {
  return w.predicate && w.predicate->category == Category::kDisplacement &&
         Contains(lex.ConflictCues("held"), EntityHead(c.entity));
}

bool ClaimBuilder::Impl::EffectOfPrevious(const View& v, const Work& w, const Claim& c,
                                          const std::vector<Claim>& done) const {
  if (!w.predicate || !w.predicate->weak || c.predicate_span.end <= c.predicate_span.start) return false;
  const int p = TokenEndingAt(v, c.predicate_span.end);
  if (p < 1 || p > w.qf || !Is(v, p - 1, ",") || !EndsWith(v.toks[static_cast<std::size_t>(p)].low, "ing")) {
    return false;
  }
  // (Not after a figure only the speaker's name decided.)
  return !done.empty() && done.back().sentence == c.sentence && !Undecided(done.back()) &&
         !HasRule(done.back(), "category.speaker_context");
}

bool ClaimBuilder::Impl::CampStock(const View& v, const Work& w) const {
  return Is(v, w.qf - 1, "to") && Is(v, w.qf - 2, "home") && HasAnyOf(v, 0, w.qf, lex.ConflictCues("camp"));
}

bool ClaimBuilder::Impl::KilledLater(const View& v, const Work& w) const {
  if (w.predicate) return false;
  // Past a closing quote around the figure itself ("dozens" of civilians).
  int from = w.ql + 1;
  if (Is(v, from, "\"") || Is(v, from, "\u201d")) ++from;
  if (from >= static_cast<int>(v.toks.size())) return false;  // the figure ends the sentence
  for (int k = from, e = ClauseEnd(v, from, 2); k < e; ++k) {
    const Predicate* p = v.toks[static_cast<std::size_t>(k)].pred;
    if (!p || !p->category || p->cls == "noun" || p->base_form) continue;
    return p->category == Category::kCasualties;
  }
  return false;
}

bool ClaimBuilder::Impl::FlightJourney(const View& v, const Work& w, const Claim& c) const {
  const bool extent = (c.quantity.kind == Kind::kMeasure &&
                       (LengthUnit(c.quantity.unit) || c.quantity.unit == "km/h" || c.quantity.unit == "mph")) ||
                      c.quantity.kind == Kind::kDuration;
  if (!extent || !v.doc_counts || BestOf(v.doc_counts, nullptr) != Category::kDisplacement) return false;
  return HasAnyOf(v, std::max(ClauseStart(v, w.qf, 2), w.qf - 6), w.qf, lex.ConflictCues("journey"));
}

bool ClaimBuilder::Impl::ForcesLost(const View& v, const Work& w, const Claim& c) const {
  const std::string_view head = EntityHead(c.entity);
  if (c.quantity.kind != Kind::kCount || (head != "men" && !lex.territory_forces.count(head))) return false;
  for (int k = ClauseStart(v, w.qf, 3); k < w.qf; ++k) {
    const Predicate* p = v.toks[static_cast<std::size_t>(k)].pred;
    if (p && p->lemma == "lose") return true;
  }
  return false;
}

bool ClaimBuilder::Impl::TerritoryPlace(const Claim& c) const {
  return c.quantity.kind == Kind::kCount && lex.territory_places.count(EntityHead(c.entity)) > 0;
}

bool ClaimBuilder::Impl::FigureAnaphor(const Claim& c, const std::vector<Claim>& done) const {
  // "the figure", "the final figure", "the real number": no of-phrase says
  // what is counted, so it is the figure just before, in its sentence or
  // the one before.
  const std::string_view head = EntityHead(c.entity);
  return (head == "figure" || head == "number") && c.entity.find(" of ") == std::string::npos && !done.empty() &&
         done.back().sentence + 1 >= c.sentence && !Undecided(done.back()) && c.quantity.kind == Kind::kCount;
}

std::optional<Category> ClaimBuilder::Impl::CompanionsOf(const View& v, const Work& w) const {
  // "who returned to Jabalia with her eight grandchildren", "fled with
  // their three children": people who go along share the verb's story.
  // (A possessive is required: "along with two minors, were flown" has no
  // verb of its own before it; an inflected verb, not "In return,".)
  const int k = w.qf - 2;
  if (!Is(v, k, "with") || !(Is(v, k + 1, "her") || Is(v, k + 1, "his") || Is(v, k + 1, "their"))) {
    return std::nullopt;
  }
  for (int j = k - 1, b = ClauseStart(v, w.qf, 3); j >= b; --j) {
    const Predicate* p = v.toks[static_cast<std::size_t>(j)].pred;
    if (p && p->category && p->cls != "noun" && !p->base_form) return p->category;
  }
  return std::nullopt;
}

}  // namespace claimex
