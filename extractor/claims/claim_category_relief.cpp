// Relief category readings (claims_civic_cues.txt): figures of an aid
// operation that the generic cues file as trade or as the story's topic.
//   AidShipment   food moved or carried for relief ("The World Food
//                 Programme said it had moved 35,000 tonnes of wheat",
//                 "11 trucks carrying 300 tonnes of wheat")
//   ServiceAccess hours or absence of a basic service ("four hours of
//                 electricity a day", "no water for 10 days") and the people
//                 a service point serves ("water points serve up to 500")
//   AidReach      people a relief agency reaches ("aiming to reach 384,000")
//   MoneyAfterAid a donor's sum listed after aid money ("Kuwait announced
//                 $250 million, while Britain said it would give ...")
// All are humanitarian; CivicReading asks them.
#include "extractor/claims/claim_builder_impl.h"

namespace claimex {

bool ClaimBuilder::Impl::AidShipment(const View& v, const Claim& c, std::optional<Category> ent_cat) const {
  // A traded good (wheat is economy) by weight, in a sentence naming relief
  // work or the trucks that carry it; a harvest or an export names neither.
  if (c.quantity.kind != Kind::kMeasure || ent_cat != Category::kEconomy) return false;
  const int n = static_cast<int>(v.toks.size());
  return HasAnyOf(v, 0, n, lex.CivicCues("aid_word")) || HasAnyOf(v, 0, n, lex.CivicCues("aid_carrier"));
}

bool ClaimBuilder::Impl::ServiceAccess(const View& v, const Work& w, const Claim& c) const {
  const std::vector<std::string>& service = lex.CivicCues("service");
  if (c.quantity.kind == Kind::kDuration) {
    // "four hours of electricity", "only six hours of power a day".
    if (Is(v, w.ql + 1, "of") && PhraseStartsAt(v, w.ql + 2, service)) return true;
    // "no water for 10 days", "without electricity for three days".
    if (!Is(v, w.qf - 1, "for")) return false;
    for (int k = w.qf - 2; k >= 0 && k >= w.qf - 4; --k) {
      if ((Is(v, k, "no") || Is(v, k, "without")) && PhraseStartsAt(v, k + 1, service)) return true;
    }
    return false;
  }
  // "water points serve up to 500 people each": the service point is the
  // subject of a serving verb right before the figure.
  if (c.quantity.kind != Kind::kCount || !(Is(v, w.qf - 1, "serve") || Is(v, w.qf - 1, "serves"))) return false;
  return PhraseEndsBefore(v, w.qf - 1, lex.CivicCues("service_point"));
}

bool ClaimBuilder::Impl::AidReach(const View& v, const Work& w) const {
  // "reach" alone is any arrival ("inflation will reach 10 million
  // percent"): the sentence must name feeding or relief work.
  if (!w.predicate || w.predicate->lemma != "reach") return false;
  const int n = static_cast<int>(v.toks.size());
  return HasAnyOf(v, 0, n, lex.CivicCues("aid_feed")) || HasAnyOf(v, 0, n, lex.CivicCues("aid_word"));
}

bool ClaimBuilder::Impl::MoneyAfterAid(const Claim& c, const std::vector<Claim>& done,
                                       std::optional<Category> ent_cat, std::optional<Category> ctx_cat) const {
  // A sum that names no purpose of its own (no cost or trade word in what
  // it is or around it, no noun of its own after it: "a $140 million
  // grant" is a sum of another kind) in a list of donors' sums: the
  // sentence's or the previous sentence's last sum was aid.
  if (c.quantity.kind != Kind::kMoney || ent_cat || ctx_cat == Category::kEconomy) return false;
  if (c.entity_span.end > c.quantity.span.start) return false;
  for (auto it = done.rbegin(); it != done.rend() && it->sentence + 1 >= c.sentence; ++it) {
    if (it->quantity.kind == Kind::kMoney) return it->category == Category::kHumanitarian;
  }
  return false;
}

}  // namespace claimex
