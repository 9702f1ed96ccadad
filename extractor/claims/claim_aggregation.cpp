// Aggregation rules:
//   aggregation difference → increment; since/so far/by → cumulative;
//              bounded period → increment for flows; levels → null
// Claim::rules names them aggregation.*.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

void ClaimBuilder::Impl::AggregationOf(const View& v, const Work& w, Claim& c,
                                       const std::vector<Claim>& done) const {
  auto set = [&](Aggregation a, std::string_view rule) {
    c.aggregation = a;
    c.rules.push_back(rule);
  };
  const Quantity& q = c.quantity;
  // A baseline is a level, unless dated on its own ("up from 1.6 million in all of 2023").
  if (w.form == ChangeForm::kBaseline &&
      !(w.time && w.time_index >= 0 && v.time_toks[static_cast<std::size_t>(w.time_index)].b > w.ql &&
        v.time_toks[static_cast<std::size_t>(w.time_index)].b <= w.ql + 3)) {
    return;
  }
  if (w.form == ChangeForm::kDifference) return set(Aggregation::kIncrement, "aggregation.difference");
  if (w.forward) return;  // a forecast period has not happened yet
  const Predicate* pred = w.predicate;
  bool state = pred && pred->cls == "state";
  bool level_unit = q.unit == "degC" || q.unit == "degF" || q.unit == "km/h" || q.unit == "mph";
  std::string_view mention = q.span.of(v.text);
  bool within = mention.size() >= 6 && (mention.substr(0, 6) == "within" || mention.substr(0, 6) == "Within");
  bool level = q.kind == Kind::kPercent || q.kind == Kind::kDuration || level_unit || within;
  // The entity may stand past its counting noun ("the number of injured"
  // → injured, claim_entity_head.cpp): the words right before it count too.
  const std::string_view lead = v.text.substr(0, std::min(c.entity_span.start, v.text.size()));
  const bool number_of = c.entity.find("number of") != std::string::npos || lead.ends_with("number of ");
  bool running_noun = c.entity.find("toll") != std::string::npos ||
                      // "the total", "a running total", "the total number of
                      // deaths"; not "total cuts", "total exports" (an
                      // adjective before what is summed, no tally).
                      c.entity == "total" || c.entity.ends_with(" total") ||
                      c.entity.find("total number") != std::string::npos || lead.ends_with("total number of ") ||
                      c.entity.starts_with("total of") ||
                      c.entity.find("tally") != std::string::npos ||
                      // "the number of injured rose to 48,000" runs on; "the
                      // number of jobless rose to 3.65 million" is a stock.
                      (number_of &&
                       (c.category == Category::kCasualties || c.category == Category::kHealth));
  // "The death toll from the quake in Turkey and Syria passed 15,000": the
  // running noun may sit a few words before the figure, past its modifiers.
  {
    const int cb0 = ClauseStart(v, w.qf, 3);
    if (HasWord(v, std::max(cb0, w.qf - 15), w.qf, "toll")) {
      running_noun = true;
    }
  }
  if (w.form == ChangeForm::kLevel) {
    bool bringing = w.change_verb >= 0 && (Is(v, w.change_verb, "bringing") || Is(v, w.change_verb, "brought") ||
                                           Is(v, w.change_verb, "brings"));
    // A running total never falls: "the number of homicides fell to 109"
    // is this period's count, a level.
    const bool falls = c.change == Change::kDown;
    if (q.kind == Kind::kCount && !falls &&
        (running_noun || bringing || c.category == Category::kCasualties ||
         (w.time && w.time->scope == TimeScopeKind::kRunningTotal))) {
      return set(Aggregation::kCumulative, "aggregation.running_total_level");
    }
    // "pledged an additional €50 million, bringing its aid this year to
    // €400 million": money brought to a new sum is a running total too.
    if (q.kind == Kind::kMoney && bringing && !falls) {
      return set(Aggregation::kCumulative, "aggregation.running_total_level");
    }
    // "Case numbers doubled to 830 last week": a count over a bounded period.
    if (q.kind == Kind::kCount && w.time && w.time->scope == TimeScopeKind::kPeriod) {
      return set(Aggregation::kIncrement, "aggregation.period_level");
    }
    // A new level is no increment even for a flow ("Exports rose by 12%
    // to $4.1 billion in March": only the 12% is; issue #4), so a series
    // never mixes levels with differences.
    return;
  }
  if (level || RateAfter(v, w.ql)) return;
  // Prices and values: "at $95.69", "debt hit $307 trillion"; not a flow
  // (profit, sales, exports: claims_flow_nouns.txt) that reached a sum in
  // its period ("Shipments abroad reached $263.9 billion last month").
  if (q.kind == Kind::kMoney &&
      (Is(v, w.qf - 1, "at") || (pred && (pred->lemma == "hit" || pred->lemma == "reach"))) &&
      !(w.time && w.time->scope == TimeScopeKind::kPeriod && IsFlow(c.entity))) {
    return;
  }
  // Prices and rates: "$10,000 a tonne", "$10 per person".
  if (q.kind == Kind::kMoney && (Is(v, w.ql + 1, "a") || Is(v, w.ql + 1, "per")) && T(v, w.ql + 2) &&
      T(v, w.ql + 2)->word && T(v, w.ql + 2)->quantity < 0 && T(v, w.ql + 2)->time < 0) {
    return;
  }
  // Budgets, appeals and plans are sums set for a period, not amounts
  // that accrued in it ("a $31 billion budget for the fiscal year",
  // "appealed for $3.06 billion ... this year").
  if (q.kind == Kind::kMoney) {
    const int n = static_cast<int>(v.toks.size());
    for (const std::string& wd : lex.set_sum_words) {
      if (HasWord(v, 0, n, wd)) return;
    }
  }
  // A population stock ("the city of some 1.8 million people") is a level,
  // and so is the total a share is of, even dated ("410 of 436 contested
  // seats in last month's election").
  if (HasRule(c, "category.population_stock") || HasRule(c, "time.dated_total")) {
    return;
  }
  // "Deaths have reached 1,020": a running total of casualties or cases.
  if (q.kind == Kind::kCount && pred && pred->lemma == "reach" && !w.time &&
      (c.category == Category::kCasualties || c.category == Category::kHealth)) {
    return set(Aggregation::kCumulative, "aggregation.reached_total");
  }
  // "a peak of nearly $128", "a record low of 100,000", "a survey of
  // 1,204 voters": a level or a sample, not an amount in a period.
  if (Is(v, w.qf - 1, "of") && w.qf >= 2 && lex.level_nouns.count(v.toks[static_cast<std::size_t>(w.qf - 2)].low) > 0) {
    return;
  }
  // "since the February 2021 coup", "since the city fell on Saturday",
  // "since the war escalated in 2015": a time expression inside a "since"
  // clause dates the start of a running total.
  if (w.time && w.event_date) {
    if (state) return;
    return set(Aggregation::kIncrement, "aggregation.event_date");
  }
  if (w.time && w.time_index >= 0) {
    switch (SinceClauseOf(v, v.time_toks[static_cast<std::size_t>(w.time_index)].b, w.ql)) {
      case SinceFrame::kRunning:
        return set(Aggregation::kCumulative, "aggregation.since_event");
      case SinceFrame::kComparison:
        return;
      case SinceFrame::kNone:
        break;
    }
  }
  if (w.time) {
    switch (w.time->scope) {
      case TimeScopeKind::kRunningTotal:
        return set(Aggregation::kCumulative, "aggregation.since");
      case TimeScopeKind::kPeriod:
      case TimeScopeKind::kVague:
        if (state) return;
        // A size on a day is a level ("a storm surge of 10 to 12 feet on
        // Tuesday"), not ground taken ("advanced 300 metres on Monday").
        if (q.kind == Kind::kMeasure && lex.extent_units.count(q.unit) > 0 && c.category != Category::kTerritory) {
          return;
        }
        // A sum on a day with no verb of its own is a price or a value
        // ("a 50-kg bag of rice now sells for 21,000 naira, up from 9,500
        // naira in January", "the property was worth $11 million"), unless
        // what it counts accrues ("revenue of 2.1 billion yuan last year").
        if (q.kind == Kind::kMoney && !pred && !IsFlow(c.entity) && !PaidOutBefore(v, w.qf)) return;
        return set(Aggregation::kIncrement, "aggregation.period");
      case TimeScopeKind::kPoint:
        if (q.kind == Kind::kCount &&
            (c.category == Category::kCasualties || c.category == Category::kHealth)) {
          return set(Aggregation::kCumulative, "aggregation.as_of_count");
        }
        return;
      case TimeScopeKind::kForward:
        return;
    }
  }
  if (w.subset && w.antecedent >= 0 && !w.time) {
    // No time of its own and none inherited: same reading as the antecedent.
    const Claim& a = done[static_cast<std::size_t>(w.antecedent)];
    if (!a.time && a.aggregation == Aggregation::kCumulative) {
      return set(Aggregation::kCumulative, "aggregation.antecedent");
    }
  }
  if (running_noun) return set(Aggregation::kCumulative, "aggregation.toll");
  int b = v.toks[static_cast<std::size_t>(w.qf)].level[2];
  int sb = w.qf, se = w.ql + 1;
  while (sb > 0 && v.toks[static_cast<std::size_t>(sb - 1)].level[2] == b) --sb;
  while (se < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(se)].level[2] == b) ++se;
  // Also an opening segment of the clause without figures ("So far, 45 bodies").
  int cb = ClauseStart(v, w.qf, 3);
  int ob = cb, oe = cb;
  while (oe < sb && v.toks[static_cast<std::size_t>(oe)].level[2] == v.toks[static_cast<std::size_t>(cb)].level[2]) {
    if (v.toks[static_cast<std::size_t>(oe)].quantity >= 0) {
      oe = ob;
      break;
    }
    ++oe;
  }
  if (AnyCumulativeCue(v, sb, se) || (oe > ob && AnyCumulativeCue(v, ob, oe))) {
    return set(Aggregation::kCumulative, "aggregation.cue");
  }
}

bool ClaimBuilder::Impl::RateAfter(const View& v, int ql) const {
  const int e = ClauseEnd(v, ql, 2);
  for (int i = ql + 1; i < e; ++i) {
    // Not past a new clause ("taken 1,400 knives ... and that officers
    // carried out 250 sweeps a week"); coordinated verbs share the rate
    // ("killed 400 to 500 Americans and put 48,000 in hospital each year").
    const std::string& l = v.toks[static_cast<std::size_t>(i)].low;
    if (l == "that" || l == "which" || l == "who" || l == "while") break;
    for (const std::string& p : lex.rate_phrases) {
      if (!PhraseAt(v, i, e, p)) continue;
      // "2,512 a year earlier": a baseline's period, not a rate.
      const Token* after = T(v, i + 2);
      return !(after && (after->low == "earlier" || after->low == "ago" || after->low == "before"));
    }
  }
  return false;
}

bool ClaimBuilder::Impl::PaidOutBefore(const View& v, int qf) const {
  for (int k = qf - 1; k >= 0 && k >= qf - 3; --k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (!t.word) return false;
    if (!IsVerbish(v, k)) continue;
    return !EndsWith(t.low, "s") && lex.price_verbs.count(t.low) == 0;
  }
  return false;
}

bool ClaimBuilder::Impl::IsFlow(std::string_view entity) const {
  // Any word, not only the last: "shipments abroad", "exports to Asia".
  std::size_t a = 0;
  while (a < entity.size()) {
    std::size_t b = entity.find(' ', a);
    if (b == std::string_view::npos) b = entity.size();
    if (b > a && lex.flow_nouns.count(entity.substr(a, b - a)) > 0) return true;
    a = b + 1;
  }
  return false;
}

bool ClaimBuilder::Impl::AnyCumulativeCue(const View& v, int b, int e) const {
  e = std::min(e, static_cast<int>(v.toks.size()));
  for (int i = std::max(b, 0); i < e; ++i) {
    const Token& t = v.toks[static_cast<std::size_t>(i)];
    if (t.time >= 0 || !t.cumulative) continue;
    // "the stadium's biggest since it reopened in 2019": a record's frame.
    if (t.low == "since" && SuperlativeBefore(v, i)) continue;
    for (const std::string& cue : *t.cumulative) {
      if (PhraseAt(v, i, e, cue)) return true;
    }
  }
  return false;
}

ClaimBuilder::Impl::SinceFrame ClaimBuilder::Impl::SinceClauseOf(const View& v, int b, int ql) const {
  if (b <= 0) return SinceFrame::kNone;
  const int seg = v.toks[static_cast<std::size_t>(b)].level[2];
  for (int k = b - 1; k > ql && k >= b - 12; --k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.level[2] != seg) return SinceFrame::kNone;
    if (t.low != "since" || t.time >= 0) continue;
    // Inside the frame: right after "since (the)", or past its verb ("since
    // the city fell on Saturday", "since the offensive began in March":
    // a lower-case word before the time); not after a name ("since the
    // Cold War on Thursday" dates the main clause).
    bool inside = k == b - 1 || (k == b - 2 && Cls(v, b - 1) == "det") ||
                  (T(v, b - 1)->word && !Capitalized(v, b - 1));
    for (int j = k + 1; j < b && !inside; ++j) inside = IsVerbish(v, j);
    if (!inside) return SinceFrame::kNone;
    return SuperlativeBefore(v, k) ? SinceFrame::kComparison : SinceFrame::kRunning;
  }
  return SinceFrame::kNone;
}

bool ClaimBuilder::Impl::SuperlativeBefore(const View& v, int k) const {
  for (int j = k - 1; j >= 0 && j >= k - 3; --j) {
    const std::string_view w = v.toks[static_cast<std::size_t>(j)].low;
    if (w == "first" || w == "most" || w == "least" || (w.size() > 4 && EndsWith(w, "est"))) return true;
  }
  return false;
}

}  // namespace claimex
