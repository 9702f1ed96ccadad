// Population category readings (claims_civic_cues.txt) beyond the stock
// forms CategoryOf reads itself ("Gaza's 2.3 million people", "a city of 2
// million"):
//   PlaceHasPeople  a named place that has or had so many people ("Kenya
//                   has about 47 million people, and roughly 36 percent")
//   VitalDeaths     deaths counted beside births and fertility are
//                   demography ("Deaths rose to a record 1.6 million,
//                   producing a natural population decline of 919,237")
// CivicReading asks them.
#include "extractor/claims/claim_builder_impl.h"

namespace claimex {

bool ClaimBuilder::Impl::PlaceHasPeople(const View& v, const Work& w, const Claim& c) const {
  // "Kenya has", "The country had": a capitalized name or a place word
  // right before the verb, and nothing but the people after the figure.
  if (c.quantity.kind != Kind::kCount || w.entity_inherited) return false;
  if (!(Is(v, w.qf - 1, "has") || Is(v, w.qf - 1, "had") || Is(v, w.qf - 1, "have"))) return false;
  const Token* subject = T(v, w.qf - 2);
  if (!subject || !(Capitalized(v, w.qf - 2) || lex.population_places.count(subject->low))) return false;
  if (!PhraseStartsAt(v, w.ql + 1, lex.CivicCues("population_noun"))) return false;
  // The people end the clause: "Kenya has 47 million people, and ...", not
  // "The city has 3,000 people without shelter".
  const Token* after = T(v, w.ql + 2);
  return !after || after->low == "," || after->low == "." || after->low == "and" || after->low == ";";
}

bool ClaimBuilder::Impl::VitalDeaths(const View& v, const Work& w, const Claim& c,
                                     std::optional<Category> ent_cat) const {
  // Deaths with no verb of killing ("rose to" says nothing), in a sentence
  // about births or natural change, or in a story whose figures so far are
  // demography.
  if (ent_cat != Category::kCasualties || (w.predicate && w.predicate->category)) return false;
  if (LastWord(c.entity) != "deaths") return false;
  const int n = static_cast<int>(v.toks.size());
  if (HasAnyOf(v, 0, n, lex.CivicCues("vital_statistics"))) return true;
  return v.doc_counts && BestOf(v.doc_counts, nullptr) == Category::kPopulation;
}

}  // namespace claimex
