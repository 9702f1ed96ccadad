// Time rules:
//   time       the nearest time expression of the figure's clause piece,
//              segment or clause; a sentence-initial one; a subset's
//              antecedent's; never one dating a speech verb; a forecast's
//              months without a year are the coming ones
// Claim::rules names them time.*. Also ShareWithRestated: a conversion or
// restatement takes the change and aggregation of the figure it restates.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

namespace {

// Whether quantity `q` is a hyphenated adjective: a measure or duration
// written with its unit ("four-year", "6-kilometer") or a figure joined to
// the noun it sizes ("five-storey", "7.8-magnitude", "400-member"); not a
// compound number ("Thirty-five") or a fraction ("two-thirds").
bool HyphenAdjective(std::string_view text, const Quantity& q) {
  auto letter_after_hyphen = [&](std::size_t i) {
    return i + 1 < text.size() && text[i] == '-' && std::isalpha(static_cast<unsigned char>(text[i + 1]));
  };
  if (letter_after_hyphen(q.span.end)) return true;
  if (q.kind != Kind::kDuration && q.kind != Kind::kMeasure) return false;
  for (std::size_t i = q.span.start; i < q.span.end; ++i) {
    if (letter_after_hyphen(i)) return true;
  }
  return false;
}

}  // namespace

void ClaimBuilder::Impl::TimeOf(const View& v, Work& w, Claim& c, const std::vector<Work>& sw,
                                const std::vector<Claim>& done, std::size_t sentence_first) const {
  ScopeTime(v, w, c, sw, done, sentence_first);
  if (LengthBeforeItsTime(v, w, c)) {
    w.time = nullptr;
    w.time_index = -1;
    w.event_date = false;
    c.rules.push_back("time.length_before");
  }
  if (const int t = AppealPeriod(v, w, c); t != -2) {
    w.time_index = t;
    w.time = t >= 0 ? v.times[static_cast<std::size_t>(t)] : nullptr;
    w.event_date = false;
    c.rules.push_back("time.appeal_day");
  }
  if (FundedShareNow(v, w, c)) {
    w.time = nullptr;
    w.time_index = -1;
    w.event_date = false;
    c.rules.push_back("time.share_now");
  }
}

bool ClaimBuilder::Impl::FundedShareNow(const View& v, const Work& w, const Claim& c) const {
  if (!w.time || w.time_index < 0 || c.quantity.kind != Kind::kPercent) return false;
  const Range r = v.time_toks[static_cast<std::size_t>(w.time_index)];
  if (r.b > w.qf) return false;
  auto state_word = [&](int k) {
    const Token* t = T(v, k);
    return t && std::find(lex.share_state.begin(), lex.share_state.end(), t->low) != lex.share_state.end();
  };
  int before = w.qf - 1;
  if (Is(v, before, "only") || Is(v, before, "just")) --before;
  if (!state_word(w.ql + 1) && !state_word(before)) return false;
  return PresentOrPerfect(v, r.e, w.qf);
}

int ClaimBuilder::Impl::TimeDistance(const View& v, std::size_t t, const Work& w) const {
  const Range r = v.time_toks[t];
  return r.b > w.ql ? r.b - w.ql : w.qf - r.e + 1;
}

int ClaimBuilder::Impl::AppealPeriod(const View& v, const Work& w, const Claim& c) const {
  if (c.quantity.kind != Kind::kMoney || !w.time || w.time_index < 0 || !w.time->start || !w.time->end ||
      *w.time->start != *w.time->end) {
    return -2;
  }
  const int cb = ClauseStart(v, w.qf, 3);
  if (!HasAnyOf(v, cb, w.qf, lex.appeal_words)) return -2;
  const int clause = v.toks[static_cast<std::size_t>(w.qf)].level[3];
  int best = -1, bd = 1 << 30;
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    const Range r = v.time_toks[t];
    const TimeExpression& x = *v.times[t];
    if (r.b < 0 || v.speech[t] || v.toks[static_cast<std::size_t>(r.b)].level[3] != clause) continue;
    if (!x.start || !x.end || *x.start == *x.end || x.scope == TimeScopeKind::kForward) continue;
    const int d = TimeDistance(v, t, w);
    if (d < bd) {
      bd = d;
      best = static_cast<int>(t);
    }
  }
  return best;
}

bool ClaimBuilder::Impl::LengthBeforeItsTime(const View& v, const Work& w, const Claim& c) const {
  if (!w.time || w.time_index < 0 || c.quantity.kind != Kind::kDuration) return false;
  // A length is dated only by a time after it ("closed for two weeks last
  // month", "halted production for 11 days in the quarter").
  if (v.time_toks[static_cast<std::size_t>(w.time_index)].b > w.ql) return false;
  // A state's length ("held for five years", "after 20 years of war") or a
  // limit ("faced up to 10 years in prison"); not a race time or a margin
  // ("won on Sunday in 2 hours, breaking the record by 23 seconds").
  const std::string_view m = c.quantity.span.of(v.text);
  const bool limit = m.size() > 6 && (m.substr(0, 6) == "up to " || m.substr(0, 6) == "Up to ");
  return w.form != ChangeForm::kDifference && (Is(v, w.qf - 1, "for") || Is(v, w.qf - 1, "after") || limit);
}

void ClaimBuilder::Impl::ScopeTime(const View& v, Work& w, Claim& c, const std::vector<Work>& sw,
                                   const std::vector<Claim>& done, std::size_t sentence_first) const {
  const Token& q = v.toks[static_cast<std::size_t>(w.qf)];
  // Ages are not dated by the sentence's events ("Modi, 73, ...").
  std::string_view mention = c.quantity.span.of(v.text);
  if (mention.find("year-old") != std::string_view::npos || mention.substr(0, 4) == "aged") return;
  // "A firefighter, 42, died": an age the quantity stage read in apposition.
  const auto& qr = c.quantity.rules;
  if (std::find(qr.begin(), qr.end(), std::string_view("age.apposition")) != qr.end()) return;
  // "his two sons, aged 17 and 21": the second age of a list.
  if (Is(v, w.qf - 1, "and")) {
    for (const Work& o : sw) {
      if (o.ql == w.qf - 2 && o.qf >= 0 && Is(v, o.qf, "aged")) return;
    }
  }
  // Nor are measures written as adjectives ("a four-year term", "the
  // 7.8-magnitude earthquake", "a five-storey building"): they describe a thing.
  if (HyphenAdjective(v.text, c.quantity)) return;
  // Nor is a distance that places something ("40km (25 miles) north-west
  // of Herat", "within 3 km of the town").
  if (PlacingDistance(v, w, c.quantity)) return;
  // Nor a fixed total a share is of ("25 of the country's 36 states", "412
  // of the 650 seats"): it does not happen in the sentence's period.
  if (TotalOfShare(v, w)) {
    // Unless its own noun is dated right after it ("18% of the 12,000
    // buildings checked in August", "22 percent of the $674 million
    // requested for the response in 2017").
    const int t = TimeOfTotal(v, w);
    if (t >= 0) {
      w.time_index = t;
      w.time = v.times[static_cast<std::size_t>(t)];
      c.rules.push_back("time.dated_total");
      return;
    }
    c.rules.push_back("time.fixed_total");
    return;
  }
  // Nor a place's population ("Tripoli, a city of some 2.5 million people,
  // has been spared fighting since 2014", "a population of 20 million"):
  // a standing size, not what happened in the sentence's period.
  if (HasRule(c, "category.population_stock")) {
    c.rules.push_back("time.population_stock");
    return;
  }
  // "Modi, 73, is expected to be sworn in on Sunday": nor is an age in apposition.
  if (HasRule(c, "category.age_apposition")) {
    return;
  }
  // A time right after another figure that stands between it and this one
  // belongs to that figure ("down 20% from a peak of $128 in March").
  auto owned_by_other = [&](std::size_t t) {
    Range r = v.time_toks[t];
    if (r.b <= w.ql) return false;
    for (int k = r.b - 1; k > w.ql && k >= r.b - 2; --k) {
      if (Is(v, k, ",")) break;  // "a total of 1.75 points, between May and June": the clause's
      int qk = v.toks[static_cast<std::size_t>(k)].quantity;
      if (qk >= 0 && qk != q.quantity) {
        // Only a baseline or a reference figure owns it ("from 52 in 2019");
        // "since" dates a clause, not a noun ("forced the evacuation of
        // 1,500 residents since Monday").
        int f = k;
        while (f > 0 && v.toks[static_cast<std::size_t>(f - 1)].quantity == qk) --f;
        const bool running = v.times[t]->scope == TimeScopeKind::kRunningTotal;
        return Is(v, f - 1, "from") || (Is(v, f - 1, "of") && !running) || Is(v, f - 1, "than");
      }
    }
    // Behind a relative clause ("refugees who fled ... in 2017"), unless
    // the clause is the bare figure's own ("17,000 who fled ... between
    // March 8 and March 14").
    for (int k = w.ql + 2; k < r.b; ++k) {
      const std::string& l = v.toks[static_cast<std::size_t>(k)].low;
      if (l == "who" || l == "which" || l == "whom") return true;
    }
    return false;
  };
  auto nearest = [&](auto pred) {
    int best = -1, bd = 1 << 30;
    for (std::size_t t = 0; t < v.times.size(); ++t) {
      if (v.speech[t] || v.time_toks[t].b < 0 || !pred(t) || owned_by_other(t) || AsideApart(v, t, w.qf)) {
        continue;
      }
      int d = TimeDistance(v, t, w);
      if (d < bd) {
        bd = d;
        best = static_cast<int>(t);
      }
    }
    return best;
  };
  auto level_of = [&](std::size_t t, int lvl) {
    return v.toks[static_cast<std::size_t>(v.time_toks[t].b)].level[lvl];
  };
  auto choose = [&](int t, std::string_view rule) {
    w.time_index = t;
    w.time = v.times[static_cast<std::size_t>(t)];
    c.rules.push_back(rule);
  };
  if (const int pt = PossessiveTime(v, w); pt >= 0) return choose(pt, "time.possessive");
  // "compared with 29 per cent in 2012": a comparison's time right after a
  // figure dates that figure, the one compared with.
  // Not a baseline opened by "on" or "over" ("up 9 per cent on July"):
  // there the figure is the change.
  for (std::size_t i = 0; i < v.times.size(); ++i) {
    const int b = v.time_toks[i].b;
    if (v.comparison[i] && b == w.ql + 1 && !Is(v, b, "on") && !Is(v, b, "over")) {
      return choose(static_cast<int>(i), "time.compared_figure");
    }
  }
  // "a $1.5 billion budget for 2018", "seeking $852 million for this year":
  // the period a sum is for, right after its noun, comes before the day of
  // the act ("approved on Monday").
  for (std::size_t i = 0; i < v.times.size(); ++i) {
    const Range r = v.time_toks[i];
    if (r.b <= w.ql || r.b > w.ql + 5 || v.speech[i] || !Is(v, r.b, "for")) continue;
    bool noun_phrase = true;
    for (int k = w.ql + 1; k < r.b && noun_phrase; ++k) {
      const Token& tk = v.toks[static_cast<std::size_t>(k)];
      noun_phrase = tk.word && tk.quantity < 0 && !IsVerbish(v, k) && Cls(v, k) != "prep";
    }
    if (noun_phrase) return choose(static_cast<int>(i), "time.for_period");
  }
  // "A sheep that fetched 8,000 afghanis last year now sells for 3,000":
  // "now" between the time and the figure tells the figure's present.
  auto says_now = [&](int b, int e) { return HasWord(v, b, e, "now") || HasWord(v, b, e, "currently"); };
  auto now_between = [&](std::size_t i) {
    const int te = v.time_toks[i].e;
    return te <= w.qf && says_now(te, w.qf);
  };
  int t = nearest([&](std::size_t i) { return level_of(i, 1) == q.level[1] && !now_between(i); });
  if (t >= 0) return choose(t, "time.same_piece");
  int pb = ClauseStart(v, w.qf, 1), pe = ClauseEnd(v, w.qf, 1);
  if (says_now(pb, pe)) {
    c.rules.push_back("time.now_blocks");
    return;
  }
  // "received 93 patients on Sunday and has just 20 beds", "... in March and
  // has deferred 12 aircraft": a coordinated verb in the present or perfect
  // tells a state now, not dated by the simple past piece before it.
  const int ps = ClauseStart(v, w.qf, 1);
  const Token* aux = T(v, ps + 1);
  const bool now_piece = (Is(v, ps, "and") || Is(v, ps, "or")) && aux && PresentOrPerfect(v, ps + 1, ps + 2);
  auto past_piece = [&](std::size_t i) {
    const int b = ClauseStart(v, v.time_toks[i].b, 1), e = ClauseEnd(v, v.time_toks[i].b, 1);
    return !PresentOrPerfect(v, b, e);
  };
  // A coming period in another piece ("said it had airlifted 40 tons of
  // biscuits and planned to reach 250,000 people in the coming weeks") is
  // the plan's, unless the figure's own piece is a forecast too ("and
  // expected the first 200,000, donated by Japan, to arrive next week").
  const bool piece_forecast = HasAnyOf(v, pb, pe, lex.whole_year_forecast);
  auto not_coming = [&](std::size_t i) { return piece_forecast || v.times[i]->scope != TimeScopeKind::kForward; };
  t = nearest([&](std::size_t i) {
    return level_of(i, 2) == q.level[2] && !(now_piece && past_piece(i)) && not_coming(i);
  });
  if (t >= 0) return choose(t, "time.same_segment");
  // ", which began in November 2020, has killed thousands", ", most of them
  // having fled a crackdown in 2017", ", set by the president in April, is
  // worth": a segment set off to describe a noun dates that noun's event,
  // not the figures of the clause around it.
  // A comma segment that opens a relative clause (", which ...", ", who ...").
  auto relative_segment = [&](int sb) {
    return Is(v, sb, ",") && (Is(v, sb + 1, "which") || Is(v, sb + 1, "who"));
  };
  auto describing_segment = [&](std::size_t i) {
    const int b = v.time_toks[i].b;
    const int sb = ClauseStart(v, b, 2);
    if (!Is(v, sb, ",")) return false;
    if (relative_segment(sb)) return true;
    for (int k = sb + 1; k < b && k <= sb + 4; ++k) {
      if (Is(v, k, "having")) return true;
    }
    // A participle with its agent ("set by", "imposed by", "led by").
    const Token* first = T(v, sb + 1);
    return first && first->word && !first->caps && first->quantity < 0 && Cls(v, sb + 1).empty() &&
           Is(v, sb + 2, "by");
  };
  // A figure in such a segment ("Wagner, which has an estimated 1,500
  // fighters in Mali, arrived in late 2021") is not dated by the clause
  // around it either.
  const bool in_relative_aside = relative_segment(ClauseStart(v, w.qf, 2));
  // "distributed 22,000 tents, 52,000 blankets and 350 tonnes of food
  // since Sunday night", "killed 12 people, injured 30 and displaced 500
  // on Monday": the first figure of a list whose last item carries the
  // time. Every segment after the figure's own, up to the time's, opens
  // with a figure or a verb and its figure, and the time's segment joins
  // its items with "and" before the time.
  auto list_tail = [&](std::size_t i) {
    const int tb = v.time_toks[i].b;
    const int time_segment = ClauseStart(v, tb, 2);
    if (time_segment < ClauseEnd(v, w.qf, 2)) return false;  // the time is after the figure's segment
    for (int k = ClauseEnd(v, w.qf, 2); k <= time_segment; k = ClauseEnd(v, k, 2)) {
      if (!Is(v, k, ",")) return false;
      const Token* first = T(v, k + 1);
      const bool figure = first && first->quantity >= 0;
      const Token* second = T(v, k + 2);
      const bool verb_figure = first && IsVerbish(v, k + 1) && second && second->quantity >= 0;
      if (!figure && !verb_figure) return false;
    }
    return HasWord(v, time_segment, tb, "and");
  };
  t = nearest([&](std::size_t i) {
    if (in_relative_aside) return false;
    if (level_of(i, 3) != q.level[3] || !not_coming(i) || describing_segment(i)) return false;
    // A figure of the time's own segment takes it, unless a preposition
    // places it ("20 people, including five children, were killed in two
    // villages on Monday": the villages are where, not another claim).
    // A figure in a later piece of that segment ("... on Sunday and are
    // demanding $1 million") has a verb of its own, not this time.
    int seg = level_of(i, 2), piece = level_of(i, 1);
    if (q.level[2] == seg && q.level[1] != piece) return false;
    for (std::size_t k = 0; k < v.toks.size(); ++k) {
      const Token& tk = v.toks[k];
      if (tk.level[2] != seg || tk.quantity < 0) continue;
      if (tk.level[1] != piece && static_cast<int>(k) > v.time_toks[i].b) continue;
      const bool first = k == 0 || v.toks[k - 1].quantity != tk.quantity;
      if (first && !(k > 0 && Is(v, static_cast<int>(k) - 1, "in"))) return list_tail(i);
    }
    return true;
  });
  if (t >= 0) return choose(t, "time.same_clause");
  // "About 1.5 million people, or roughly 70% of the population, have been
  // displaced since Oct. 7", "Some 23.7 million Afghans — more than half the
  // population — will need aid in 2024": a clause with no verb is the
  // subject of the next clause that has one, and takes its time.
  {
    // ", including 13 children," lists members, it is not a verb.
    auto has_verb = [&](int b, int e) {
      for (int k = b; k < e; ++k) {
        if (IsVerbish(v, k) && !Is(v, k, "including")) return true;
      }
      return false;
    };
    // Only for the sentence's subject (no verb before the figure either),
    // which opens the sentence: a bounded look, linear in a long sentence.
    constexpr int kSubjectTokens = 60;
    const int own = ClauseStart(v, w.qf, 3);
    const int n = std::min(static_cast<int>(v.toks.size()), own + kSubjectTokens);
    int k = own;
    while (own < kSubjectTokens && k < n && !has_verb(k, std::min(n, ClauseEnd(v, k, 3)))) {
      k = ClauseEnd(v, k, 3);
    }
    if (k < n && k > own && !has_verb(0, own)) {
      const int verb_clause = v.toks[static_cast<std::size_t>(k)].level[3];
      t = nearest([&](std::size_t i) { return level_of(i, 3) == verb_clause; });
      if (t >= 0) return choose(t, "time.verbless_subject");
    }
  }
  if (w.subset && w.antecedent >= 0 && static_cast<std::size_t>(w.antecedent) >= sentence_first) {
    const Work& a = sw[static_cast<std::size_t>(w.antecedent) - sentence_first];
    if (a.time) {
      w.time = a.time;
      w.time_index = a.time_index;
      c.rules.push_back("time.antecedent");
      return;
    }
  }
  int cb = ClauseStart(v, w.qf, 3), ce = ClauseEnd(v, w.qf, 3);
  auto present = [&](int b, int e) { return HasAnyOf(v, b, e, lex.present_tense); };
  // "The floods are the worst since 2010, when more than 1,700 people
  // died": the date a record is measured from, right before ", when",
  // dates the when clause (that date alone, not a running total).
  if (Is(v, cb, ",") && Is(v, cb + 1, "when")) {
    for (std::size_t i = 0; i < v.times.size(); ++i) {
      if (v.time_toks[i].e != cb || !v.times[i]->record_frame || !v.times[i]->event_end) continue;
      choose(static_cast<int>(i), "time.record_when");
      w.event_date = true;
      return;
    }
  }
  // ", in which seven people were killed": the relative clause happened
  // in the time of the segment before it, whose noun it is about.
  if (t = InWhichCarry(v, w.qf); t >= 0) {
    choose(t, "time.in_which");
    // "since the Aug. 4, 2020 port blast, which killed more than 200": that
    // day. Not a bare "since January, in which seven were killed": the
    // clause is about the noun counted since then.
    w.event_date = w.time->event_end.has_value() && w.time->rule != "time.since";
    return;
  }
  // ", down 8.8 percent from April", ", about 45% of spending", ", to
  // 2,903": a verbless segment that opens with the figure restates or
  // extends the figure of the segment before it, and shares its time. Not
  // a distance (", about 35 miles from Havana" places, it does not happen).
  if (OpensWithFigure(v, w.qf) && !LengthUnit(c.quantity.unit)) {
    const int prev = v.toks[static_cast<std::size_t>(ClauseStart(v, w.qf, 2) - 1)].level[2];
    for (std::size_t k = sw.size(); k-- > 0;) {
      const Work& o = sw[k];
      if (&o == &w || o.qf < 0 || o.qf >= w.qf || !o.time) continue;
      if (v.toks[static_cast<std::size_t>(o.qf)].level[2] != prev) continue;
      w.time = o.time;
      w.time_index = o.time_index;
      c.rules.push_back("time.apposition");
      return;
    }
  }
  // ", and hundreds were arrested", ", with Brent up $1.12", ", as its
  // shares rose 3.5%", ", lifting its value to ...": the previous clause's
  // time carries over.
  auto participle = [&](const Token* t) {
    if (!t || !(EndsWith(t->low, "ing") || EndsWith(t->low, "ed")) || t->low == "including" ||
        t->low == "according" || t->low == "saying") {
      return false;
    }
    // ", followed by at least eight aftershocks": a passive participle too.
    if (EndsWith(t->low, "ed")) return Is(v, static_cast<int>(t - v.toks.data()) + 1, "by");
    if (t->low != "adding") return true;
    // "adding a combined 100,000 jobs" adds a figure; "adding that ..." speaks.
    const Token* n = T(v, static_cast<int>(t - v.toks.data()) + 1);
    return n && (n->quantity >= 0 || n->low == "a" || n->low == "an" || n->low == "another");
  };
  // The time of the level-`lvl` piece that ends just before token `start`
  // (or of a figure in it); -1 where it has none.
  auto carry_from = [&](int start, int lvl) {
    int prev = v.toks[static_cast<std::size_t>(start - 1)].level[lvl];
    for (std::size_t k = sw.size(); k-- > 0;) {
      const Work& o = sw[k];
      // A baseline's time is not the clause's ("fell to 2.6% in April from
      // 2.8% in March, while ...": April).
      if (&o == &w || o.qf < 0 || o.qf >= w.qf || o.form == ChangeForm::kBaseline) continue;
      if (o.time && v.toks[static_cast<std::size_t>(o.qf)].level[lvl] == prev) {
        w.time = o.time;
        w.time_index = o.time_index;
        c.rules.push_back("time.carried_over");
        return true;
      }
    }
    for (std::size_t t = v.times.size(); t-- > 0;) {
      Range r = v.time_toks[t];
      if (r.b < 0 || v.speech[t]) continue;
      if (v.toks[static_cast<std::size_t>(r.b)].level[lvl] == prev) {
        choose(static_cast<int>(t), "time.carried_over");
        return true;
      }
    }
    return false;
  };
  // An attribution aside between two coordinated verbs ("killed 700 so far
  // this year, according to an AFP tally, and forced 560,000 to flee") is
  // skipped: the verbs share the time.
  auto skip_aside = [&](int start) {
    while (start >= 2) {
      int b = ClauseStart(v, start - 1, 3);
      if (!(Is(v, b, ",") && Is(v, b + 1, "according")) || b < 2) break;
      start = b;
    }
    return start;
  };
  const Token* opener = T(v, cb + 1);
  // ", while police put the turnout at 500,000", ", where two fishermen
  // were reported missing": a contrast or a place clause in the past tells
  // of the same moment; one in the perfect ("where 500 sites have sprung
  // up") tells a running state, not that moment.
  const bool contrast = opener && (opener->low == "while" || opener->low == "where");
  bool carries = opener && (opener->low == "and" || opener->low == "with" || opener->low == "as" ||
                            opener->low == "or" || opener->low == "when" || participle(opener) ||
                            (contrast && !HasWord(v, cb, ce, "has") && !HasWord(v, cb, ce, "have")));
  const bool carry_ok = cb >= 2 && Is(v, cb, ",") && carries && !present(cb, ce) && !OpensReport(v, cb, w.qf);
  // Sentence-initial time ("On Monday, ...", "But since January ..."); not
  // over a time of the clause this one carries from ("Last year, ...
  // recorded 575 deaths, while 2023 was the worst year on record, with
  // 1,705 deaths": 2023).
  for (std::size_t i = 0; i < v.times.size(); ++i) {
    int b = v.time_toks[i].b;
    if (b < 0 || v.speech[i]) continue;
    bool initial = b == 0 || (b == 1 && (Cls(v, 0) == "conj" || v.toks[0].low == "meanwhile"));
    if (!initial || present(cb, ce)) continue;
    bool own_before = false;
    for (std::size_t j = i + 1; carry_ok && j < v.times.size(); ++j) {
      const int bj = v.time_toks[j].b;
      own_before = own_before || (bj > b && bj < cb && !v.speech[j] &&
                                  v.toks[static_cast<std::size_t>(bj)].level[3] ==
                                      v.toks[static_cast<std::size_t>(cb - 1)].level[3]);
    }
    if (!own_before) return choose(static_cast<int>(i), "time.sentence_initial");
  }
  if (carry_ok) {
    const bool coordinated = (opener->low == "and" || opener->low == "or") && IsVerbish(v, cb + 2);
    if (carry_from(coordinated ? skip_aside(cb) : cb, 3)) {
      // The date alone only for a figure of the when clause itself, not
      // one after it ("since March, when the lockdown began, they had
      // frozen 1,340 accounts": since March).
      w.event_date = opener->low == "when" && w.time && w.time->event_end &&
                     v.toks[static_cast<std::size_t>(w.qf)].level[2] == v.toks[static_cast<std::size_t>(cb + 1)].level[2];
      // ", as the vaccination drive reached 1.7 million", ", pushing the
      // camp to a record of nearly 118,000": an event at the moment of a
      // running total, not a total since its start. (", bringing the
      // number to 1.2 million" extends the total.)
      if ((opener->low == "as" || (participle(opener) && opener->low != "bringing")) &&
          w.time->scope == TimeScopeKind::kRunningTotal) {
        w.time = nullptr;
        w.time_index = -1;
        c.rules.push_back("time.moment_of_total");
      }
      return;
    }
  }
  // ", sending a wall of water ...", ", wiping out $600 billion": a
  // participle segment within the clause keeps the time before it.
  // So does an elliptical figure ("..., against 49.1 percent for X", "rose
  // by 5% in the year to December, to 48,716", "this year, up 1.1%").
  const int sb = ClauseStart(v, w.qf, 2);
  const Token* sb_next = T(v, sb + 2);
  const bool elliptical = sb_next && sb_next->quantity >= 0 && w.qf == sb + 2 &&
                          (Is(v, sb + 1, "against") || Is(v, sb + 1, "to") || Is(v, sb + 1, "up") ||
                           Is(v, sb + 1, "down"));
  // (An elliptical figure has no verb of its own: the clause's tense does
  // not matter, "will hit a record this year, up 1.1% from 2022".)
  // Past a verbless segment with no time ("ambushed on Sept. 26 near X,
  // about 80 km south of the town, killing 37"): the time before it. Not
  // past an attribution (", officials said, making it the deadliest").
  if (sb > cb && sb >= 2 && Is(v, sb, ",") && ((participle(T(v, sb + 1)) && !present(cb, ce)) || elliptical)) {
    for (int s = sb; s > cb && s >= 2;) {
      if (carry_from(s, 2)) return;
      const int before = ClauseStart(v, s - 1, 2);
      bool verbless = true;
      for (int k = before; k < s && verbless; ++k) verbless = !IsVerbish(v, k);
      if (!verbless) break;
      s = before;
    }
  }
  // "killed eight people, including a girl, and injured 29 others on
  // Friday": coordinated verbs share a time that follows them both.
  if (ce + 2 < static_cast<int>(v.toks.size()) && Is(v, ce, ",") &&
      (Is(v, ce + 1, "and") || Is(v, ce + 1, "or")) && IsVerbish(v, ce + 2) && !present(cb, ce)) {
    const int next = v.toks[static_cast<std::size_t>(ce)].level[3];
    t = nearest([&](std::size_t i) { return level_of(i, 3) == next; });
    if (t >= 0 && !present(ce, ClauseEnd(v, ce, 3)) && !OpensReport(v, ce, v.time_toks[static_cast<std::size_t>(t)].b)) {
      return choose(t, "time.coordinated_verbs");
    }
  }
  // "averaged 127.4 points in October, ... up 4.1 percent from a year
  // earlier", "received 56,000 in the first half, ..., a 40 percent increase
  // on the same period of 2022": a difference from a year back is of the
  // period of the figure it compares, the latest one before it.
  if (w.form == ChangeForm::kDifference && YearAgoBaselineAfter(v, w.ql)) {
    for (std::size_t k = sw.size(); k-- > 0;) {
      const Work& o = sw[k];
      if (&o == &w || o.qf < 0 || o.qf >= w.qf || !o.time) continue;
      w.time = o.time;
      w.time_index = o.time_index;
      c.rules.push_back("time.year_ago_frame");
      return;
    }
  }
  // "distributed 8,000 tents, 25,000 blankets and 40 tonnes of food": a
  // list member shares the time of the figure it is coordinated with.
  if (const int o = CoordinatedWith(v, w, sw); o >= 0 && sw[static_cast<std::size_t>(o)].time) {
    w.time = sw[static_cast<std::size_t>(o)].time;
    w.time_index = sw[static_cast<std::size_t>(o)].time_index;
    c.rules.push_back("time.coordinated_figure");
    return;
  }
  (void)done;
}

int ClaimBuilder::Impl::CoordinatedWith(const View& v, const Work& w, const std::vector<Work>& sw) const {
  int conj = w.qf - 1;
  if (Is(v, conj, "with") && Is(v, conj - 1, "along")) {
    --conj;
  } else if (Is(v, conj, "as") && Is(v, conj - 1, "well") && Is(v, conj - 2, "as")) {
    conj -= 2;
  } else if (!Is(v, conj, "and") && !Is(v, conj, "or")) {
    return -1;
  }
  int prev = -1;
  for (std::size_t k = 0; k < sw.size(); ++k) {
    if (&sw[k] != &w && sw[k].qf >= 0 && sw[k].ql < conj) prev = static_cast<int>(k);
  }
  if (prev < 0) return -1;
  // An object, not the subject of a clause of its own (", and about 12
  // new cases are reported every day"): no verb after it in its segment.
  for (int k = w.ql + 1, e = ClauseEnd(v, w.qf, 2); k < e; ++k) {
    const Token& tk = v.toks[static_cast<std::size_t>(k)];
    const bool verb = tk.pred && tk.pred->cls != "noun";  // "90% of Syrians live below"
    if (IsVerbish(v, k) || verb || HasAnyOf(v, k, k + 1, lex.present_tense)) return -1;
  }
  // No verb between them, but for a relative or time clause set off by
  // commas (", when the first wave of flooding began,").
  for (int k = sw[static_cast<std::size_t>(prev)].ql + 1; k < conj; ++k) {
    const Token& tk = v.toks[static_cast<std::size_t>(k)];
    if (tk.low == ";" || tk.quantity >= 0) return -1;
    if (tk.low == "," && (Is(v, k + 1, "when") || Is(v, k + 1, "where") || Is(v, k + 1, "which") ||
                          Is(v, k + 1, "who"))) {
      while (k + 1 < conj && !Is(v, k + 1, ",")) ++k;
      continue;
    }
    if (IsVerbish(v, k)) return -1;
  }
  return prev;
}

bool ClaimBuilder::Impl::YearAgoBaselineAfter(const View& v, int ql) const {
  constexpr int kReach = 4;  // "increase on the same period", "percent from a year earlier"
  const int n = static_cast<int>(v.toks.size());
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    const int b = v.time_toks[t].b;
    if (v.comparison[t] && b > ql && b <= ql + kReach) return true;
  }
  for (int i = ql + 1; i < n && i <= ql + kReach; ++i) {
    for (const std::string& p : lex.year_ago_baselines) {
      if (PhraseAt(v, i, std::min(n, i + 6), p)) return true;
    }
  }
  return false;
}

bool ClaimBuilder::Impl::OpensReport(const View& v, int comma, int end) const {
  const int opener = comma + 1;
  if (Is(v, opener + 1, "that")) return true;  // ", and that 140,000 were living"
  for (int i = opener + 1; i < end; ++i) {
    const Token& t = v.toks[static_cast<std::size_t>(i)];
    if (!t.speech) continue;
    // "warned that", or a speaker of its own before the verb ("as the
    // government said dozens"); not the clause's own verb ("and reported
    // 200 cases") nor a perfect ("the hospital has added 120 beds").
    if (Is(v, i + 1, "that")) return true;
    if (i > opener + 1 && Cls(v, i - 1) != "aux") return true;
  }
  return false;
}

bool ClaimBuilder::Impl::AsideApart(const View& v, std::size_t t, int tok) const {
  const int a = v.aside[static_cast<std::size_t>(v.time_toks[t].b)];
  // "Syria's war, which began in March 2011, has killed 260,000": the
  // aside dates the start of the main clause's running total.
  if (a >= 0 && v.times[t]->event_began && tok > v.time_toks[t].b) return false;
  // "The RSF, which controls nearly all of Darfur's five states, has
  // besieged El Fasher since May": a relative aside in the present tells a
  // standing state, which the main clause's time does not date.
  const int fa = v.aside[static_cast<std::size_t>(tok)];
  if (fa >= 0 && fa != a) {
    const Token* rel = T(v, fa + 1);
    const Token* verb = T(v, fa + 2);
    const bool present_verb =
        verb && verb->word && verb->quantity < 0 && !verb->caps &&
        (HasAnyOf(v, fa + 2, fa + 3, lex.present_tense) ||
         (EndsWith(verb->low, "s") && !EndsWith(verb->low, "ss") && !IsPossessive(verb->low) && verb->pred &&
          verb->pred->cls != "noun"));
    if (rel && (rel->low == "which" || rel->low == "who") && present_verb) return true;
  }
  return a >= 0 && a != v.aside[static_cast<std::size_t>(tok)];
}

int ClaimBuilder::Impl::PossessiveTime(const View& v, const Work& w) const {
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    const Range r = v.time_toks[t];
    if (!v.times[t]->possessive || r.b < 0) continue;
    const bool before_figure = r.e == w.qf;
    const bool after_of = Is(v, r.b - 1, "of") && r.b - 1 == w.ql + 1;
    // The subject of the figure's piece: nothing but the piece's opener
    // (a conjunction, a comma) before it, and no other figure between.
    const int ps = ClauseStart(v, w.qf, 1);
    bool subject = r.e <= w.qf && (r.b == ps || r.b == ps + 1) && v.toks[static_cast<std::size_t>(r.b)].level[1] ==
                                                                       v.toks[static_cast<std::size_t>(w.qf)].level[1];
    for (int k = r.e; subject && k < w.qf; ++k) subject = v.toks[static_cast<std::size_t>(k)].quantity < 0;
    if (before_figure || after_of || subject) return static_cast<int>(t);
  }
  return -1;
}

bool ClaimBuilder::Impl::OpensWithFigure(const View& v, int qf) const {
  const int sb = ClauseStart(v, qf, 2);
  if (sb < 1 || !Is(v, sb, ",")) return false;
  int k = sb + 1;
  for (const char* lead : {"up", "down", "to", "or"}) {
    if (Is(v, k, lead)) {
      ++k;
      break;
    }
  }
  if (Is(v, k, "just") || Is(v, k, "only")) ++k;
  if (k != qf) return false;
  for (int i = qf, e = ClauseEnd(v, qf, 2); i < e; ++i) {
    if (Cls(v, i) == "aux") return false;  // ", two men ... have zeroed in": a clause
  }
  return true;
}

bool ClaimBuilder::Impl::PlacingDistance(const View& v, const Work& w, const Quantity& q) const {
  if (!LengthUnit(q.unit)) return false;
  const std::string_view m = q.span.of(v.text);
  if (m.size() >= 6 && (m.substr(0, 6) == "within" || m.substr(0, 6) == "Within")) return true;
  int k = w.ql + 1;
  if (Is(v, k, ")")) ++k;  // the conversion itself: "40km (25 miles) north-west"
  if (Is(v, k, "(")) {
    while (k < static_cast<int>(v.toks.size()) && k <= w.ql + 6 && !Is(v, k, ")")) ++k;
    ++k;
  }
  const Token* t = T(v, k);
  // "80 kilometers to the south": a direction after "to the".
  if (t && t->low == "to" && Is(v, k + 1, "the")) t = T(v, k + 2);
  // "a crater 2 km across" measures a width; "travelled 8,000 km across the
  // Indian Ocean" is a journey.
  if (t && t->low == "across" && Is(v, k + 1, "the")) return false;
  return t && t->word && place_words.count(t->low) > 0;
}

bool ClaimBuilder::Impl::TotalOfShare(const View& v, const Work& w) const {
  int k = w.qf - 1;
  // Determiners and one possessive between "of" and the total.
  for (int steps = 0; steps < 2 && k > 0 && !Is(v, k, "of"); ++steps, --k) {
    const Token& tk = v.toks[static_cast<std::size_t>(k)];
    const bool det = tk.low == "the" || tk.low == "its" || tk.low == "their" || IsPossessive(tk.low);
    if (!det) return false;
  }
  if (!Is(v, k, "of") || k < 1) return false;
  return v.toks[static_cast<std::size_t>(k - 1)].quantity >= 0 && v.toks[static_cast<std::size_t>(k - 1)].quantity !=
                                                                        v.toks[static_cast<std::size_t>(w.qf)].quantity;
}

int ClaimBuilder::Impl::TimeOfTotal(const View& v, const Work& w) const {
  constexpr int kReach = 8;  // "$674 million requested for the South Sudan refugee response in 2017"
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    const int b = v.time_toks[t].b;
    // A running total or a point ("seized 10 of the country's 34
    // provincial capitals since Friday", "as of August 15") dates the clause.
    if (b <= w.ql || b > w.ql + kReach || v.speech[t] || v.times[t]->scope != TimeScopeKind::kPeriod) continue;
    for (int k = w.ql + 1; k < b; ++k) {
      const Token& tk = v.toks[static_cast<std::size_t>(k)];
      // Only the total's noun phrase and a participle after it: no other
      // figure, no clause of its own.
      if (!tk.word || tk.quantity >= 0 || Cls(v, k) == "aux" || tk.low == "which" || tk.low == "that" ||
          tk.low == "who") {
        return -1;
      }
    }
    return static_cast<int>(t);
  }
  return -1;
}

bool ClaimBuilder::Impl::LengthUnit(std::string_view u) const { return lex.length_units.count(u) > 0; }

int ClaimBuilder::Impl::InWhichCarry(const View& v, int qf) const {
  const int sb = ClauseStart(v, qf, 2);
  if (sb < 1 || !Is(v, sb, ",")) return -1;
  const Token* verb = T(v, sb + 2);
  // "the Griffith Park fire in 1933, which killed 29 people": what the dated
  // noun did then.
  const bool which_past = Is(v, sb + 1, "which") && verb && (EndsWith(verb->low, "ed") || verb->low == "left");
  if (!which_past && (!(Is(v, sb + 1, "in") || Is(v, sb + 1, "during")) || !Is(v, sb + 2, "which"))) {
    return -1;
  }
  const int prev = v.toks[static_cast<std::size_t>(sb - 1)].level[2];
  for (std::size_t t = v.times.size(); t-- > 0;) {
    const Range r = v.time_toks[t];
    if (r.b >= 0 && !v.speech[t] && v.toks[static_cast<std::size_t>(r.b)].level[2] == prev) {
      return static_cast<int>(t);
    }
  }
  return -1;
}

bool ClaimBuilder::Impl::WholePeriodCue(const View& v, int b, int e) const {
  for (int i = std::max(b, 0); i < e && i < static_cast<int>(v.toks.size()); ++i) {
    const Token& tk = v.toks[static_cast<std::size_t>(i)];
    if (tk.word && whole_period_cues.count(tk.low)) return true;
  }
  return false;
}

// A figure that restates the one before it, a conversion in parentheses
// ("3 trillion yen ($22.2 billion)", "4.28 million square kilometres (1.65
// million square miles)") or a share after ", or" ("up $1.07, or 1.2%"),
// moved the same way: a conversion (same kind) or a restated difference
// takes that figure's change and aggregation.
void ClaimBuilder::Impl::ShareWithRestated(const View& v, const Work& pw, const Work& w, const Claim& prev,
                                           Claim& c) const {
  if (c.change != Change::kNone || pw.ql < 0) return;
  const bool paren = Is(v, w.qf - 1, "(") && pw.ql == w.qf - 2;
  const bool or_comma = Is(v, w.qf - 1, "or") && Is(v, w.qf - 2, ",") && pw.ql == w.qf - 3;
  const bool conversion = paren && prev.quantity.kind == c.quantity.kind;
  if (!conversion && !((paren || or_comma) && pw.form == ChangeForm::kDifference)) return;
  c.aggregation = prev.aggregation;
  if (prev.change != Change::kNone) {
    c.change = prev.change;
    c.rules.push_back("change.restated");
  }
}

}  // namespace claimex
