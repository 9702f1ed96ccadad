// Change rules:
//   change     change verb + "by X"/"X%" (difference) or "to X" (new level),
//              "up/down X", "up from X" (baseline)
// Claim::rules names them change.*.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

// `prev_work`/`prev`: the sentence's previous figure, or null.
void ClaimBuilder::Impl::ChangeOf(const View& v, Work& w, Claim& c, const Work* prev_work, const Claim* prev) const {
  const int qf = w.qf;
  const int seg = v.toks[static_cast<std::size_t>(qf)].level[2];
  auto in_seg = [&](int k) { return k >= 0 && v.toks[static_cast<std::size_t>(k)].level[2] == seg; };
  // Baseline: "up from 450 pounds".
  if (Is(v, qf - 1, "from") && (Is(v, qf - 2, "up") || Is(v, qf - 2, "down"))) {
    w.form = ChangeForm::kBaseline;
    c.rules.push_back("change.baseline");
    return;
  }
  // "fell to 1.25 billion in 2022 from 1.36 billion in 2000", "doubled its
  // tally to 99 seats from 52": the figure after "from" is the old level.
  if (Is(v, qf - 1, "from")) {
    const int clause = v.toks[static_cast<std::size_t>(qf)].level[3];
    for (int k = qf - 2; k >= 0 && k >= qf - 8; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.level[3] != clause) break;
      if (t.quantity < 0) continue;
      int f = k;
      while (f > 0 && v.toks[static_cast<std::size_t>(f - 1)].quantity == t.quantity) --f;
      if (!Is(v, f - 1, "to")) break;
      for (int j = f - 2; j >= 0 && j >= f - 8 && v.toks[static_cast<std::size_t>(j)].level[3] == clause; --j) {
        if (v.toks[static_cast<std::size_t>(j)].change != Change::kNone) {
          w.form = ChangeForm::kBaseline;
          c.rules.push_back("change.baseline_from");
          return;
        }
      }
      break;
    }
  }
  // A verb of passing a mark inside the mention ("the toll passed 1,100")
  // makes a lower bound, not a movement: change stays null.
  if (c.quantity.change != Change::kNone) return;
  // "down 40 per cent", "rose 6.5%", "shrank by 9.1%".
  int k = qf - 1;
  while (in_seg(k) && (Cls(v, k) == "adv" || v.toks[static_cast<std::size_t>(k)].low == "sharply" ||
                       v.toks[static_cast<std::size_t>(k)].low == "by")) {
    --k;
  }
  if (in_seg(k)) {
    Change d = v.toks[static_cast<std::size_t>(k)].change;
    // "dropped 300 tonnes of water": the figure counts things, not a change.
    bool own_noun = false;
    if (c.quantity.kind != Kind::kPercent) {
      bool them = false;
      own_noun = (!FollowNP(v, w.ql + 1).empty() && !PointsNP(v, FollowNP(v, w.ql + 1))) ||
                 (Is(v, w.ql + 1, "of") && !OfNP(v, w.ql + 1, them).empty());
    }
    if (d != Change::kNone && !own_noun) {
      w.form = ChangeForm::kDifference;
      w.change_verb = (Is(v, k, "up") || Is(v, k, "down")) ? -1 : k;
      c.change = d;
      c.rules.push_back("change.difference");
      return;
    }
  }
  // "raised its key rate by 0.25", "rose by 6,000 to 48,000", "doubled to 12 days".
  // "to a record 10 trillion rupees", "to a new high of".
  int pre = qf - 1;
  if (Is(v, pre, "record") && Cls(v, pre - 1) == "det") pre -= 2;
  // "rose by an average of 10.9 per cent", "by a total of 1.75 points".
  if (Is(v, pre, "of") && pre >= 3 && lex.by_amount_nouns.count(v.toks[static_cast<std::size_t>(pre - 1)].low) > 0 &&
      (Is(v, pre - 2, "a") || Is(v, pre - 2, "an")) && Is(v, pre - 3, "by")) {
    pre -= 3;
  }
  bool by = Is(v, pre, "by");
  bool to = Is(v, pre, "to");
  if (by || to) {
    for (int j = pre - 1, steps = 0; in_seg(j) && steps < 10; --j, ++steps) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.quantity >= 0 && by) break;
      if (t.quantity >= 0 || t.time >= 0) continue;
      Change d = t.change;
      // Verbs that carry something to a figure move the figure only with
      // an object between ("bringing the toll to"): "brought to 5 hospitals",
      // "pushed back to within 10 kilometres" are places, not new levels.
      const bool carrier = t.low == "bringing" || t.low == "brought" || t.low == "brings" || t.low == "pushing" ||
                           t.low == "pushed" || t.low == "lifting" || t.low == "lifted";
      if (d != Change::kNone && carrier && to &&
          (j == pre - 1 || Is(v, j + 1, "back") || Is(v, j + 1, "down") || Is(v, j + 1, "up"))) {
        break;
      }
      if (d != Change::kNone && t.low != "up" && t.low != "down") {
        w.form = by ? ChangeForm::kDifference : ChangeForm::kLevel;
        w.change_verb = j;
        c.change = d;
        c.rules.push_back(by ? "change.verb_by" : "change.verb_to");
        return;
      }
      if (IsVerbish(v, j) && Cls(v, j) != "aux") break;
    }
  }
  // "rose by 5% in the year to December, to 48,716 offences": the new
  // level after a comma, moved like the difference before it.
  if (Is(v, qf - 1, "to") && Is(v, qf - 2, ",") && prev_work && prev && prev_work->form == ChangeForm::kDifference &&
      prev->change != Change::kNone && prev_work->qf >= 0 &&
      v.toks[static_cast<std::size_t>(prev_work->qf)].level[3] == v.toks[static_cast<std::size_t>(qf)].level[3]) {
    w.form = ChangeForm::kLevel;
    c.change = prev->change;
    c.rules.push_back("change.level_after_difference");
    return;
  }
  // "a gain of roughly 240,000 jobs", "a drop of 12%": a change named by its noun.
  if (Is(v, qf - 1, "of") && !v.toks.empty()) {
    // Plurals too: "weekly gains of about 1%", "output cuts of 2.2 million barrels".
    if (const Token* noun = T(v, qf - 2)) {
      if (auto it = lex.change_nouns.find(noun->low); it != lex.change_nouns.end()) c.change = it->second;
    }
    if (c.change != Change::kNone) {
      w.form = ChangeForm::kDifference;
      c.rules.push_back("change.noun_of");
      return;
    }
  }
  // Payrolls: "employers added 175,000 jobs", "governments added just 8,000".
  {
    int a = qf - 1;
    while (in_seg(a) && Cls(v, a) == "adv") --a;
    if (in_seg(a) && (Is(v, a, "added") || Is(v, a, "add") || Is(v, a, "adds"))) {
      Range np = FollowNP(v, w.ql + 1);
      const std::string_view h = np.empty() ? std::string_view() : std::string_view(v.toks[static_cast<std::size_t>(np.e - 1)].low);
      if (c.quantity.kind == Kind::kCount && (np.empty() || h == "jobs" || h == "positions")) {
        w.form = ChangeForm::kDifference;
        c.change = Change::kUp;
        c.rules.push_back("change.jobs_added");
        return;
      }
    }
  }
  // "159 seats ..., 71 fewer than before": a difference of any kind.
  if (Is(v, w.ql + 1, "fewer") && Is(v, w.ql + 2, "than")) {
    w.form = ChangeForm::kDifference;
    c.change = Change::kDown;
    c.rules.push_back("change.fewer_than");
    return;
  }
  // "a 5% rise in prices", "10% higher".
  const Token* next = T(v, w.ql + 1);
  if (next && (c.quantity.kind == Kind::kPercent || c.quantity.kind == Kind::kMoney)) {
    if (auto it = lex.change_nouns_after.find(next->low); it != lex.change_nouns_after.end()) c.change = it->second;
    if (c.change != Change::kNone) {
      w.form = ChangeForm::kDifference;
      c.rules.push_back("change.noun_after");
    }
  }
}

}  // namespace claimex
