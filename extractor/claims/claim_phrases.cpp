// Noun-phrase finding without a parser: the phrase after a figure (FollowNP),
// after "of" (OfNP), the subject before a verb (LeftNP, across a relative
// clause or an apposition), the subject of a predicative adjective.
#include "extractor/claims/claim_builder_impl.h"

namespace claimex {

bool ClaimBuilder::Impl::Nounish(const View& v, int i, bool first, bool after_of) const {
  const Token* t = T(v, i);
  if (!t || !t->word || t->quantity >= 0 || t->time >= 0) return false;
  if (!t->caps && !Cls(v, i).empty()) return false;
  if (t->number) return false;
  // An adverb of manner: "travelling at 10 km/h horizontally" ("family",
  // "supply" are nouns; "internally displaced people" is read by FollowNP).
  if (!t->caps && t->low.size() > 6 &&
      (EndsWith(t->low, "ally") || EndsWith(t->low, "ously") || EndsWith(t->low, "ently") ||
       EndsWith(t->low, "antly") || EndsWith(t->low, "ively") || EndsWith(t->low, "ately"))) {
    return false;
  }
  // Comparatives, adverbs, time nouns: "71 fewer", "48.8% year on year";
  // a participle opening an of-phrase still is one ("of the expected vote").
  if (NeverHead(v, i) && !(after_of && first && EndsWith(t->low, "ed"))) return false;
  if (first && !after_of && StateNamesPeople(v, i)) return true;
  if (first && !after_of && !t->caps) {
    const Predicate* p = t->pred;
    std::string_view nc = Cls(v, i + 1);
    // "another 9,000 remain missing": a verb before a participle.
    const Token* nt = T(v, i + 1);
    const bool participle = nt && nt->word && !nt->caps && nt->low.size() > 4 &&
                            (EndsWith(nt->low, "ed") || EndsWith(nt->low, "ing") || IsInflectedVerb(v, i + 1));
    if (p && p->base_form && p->cls != "noun" &&
        (nc == "pron" || nc == "det" || nc == "prep" || nc == "conj" || nc == "adv" || participle)) {
      return false;
    }
  }
  // "More than 1,400 wounded have been treated": a participle standing
  // as the subject names the people.
  if (first && !t->caps && t->low.size() > 4 && EndsWith(t->low, "ed") && Cls(v, i + 1) == "aux") return true;
  // "received 41 wounded, including": a participle for people, with no noun after it.
  if (first && !t->caps && lex.people_participles.count(t->low) && !Nounish(v, i + 1, false)) return true;
  if (IsInflectedVerb(v, i)) {
    // "displaced people", "injured" after "of", "2,000 shelters"
    if (after_of && first) return true;
    if (first && t->low.back() == 's' && !EndsWith(t->low, "ss")) return true;
    if (first && EndsWith(t->low, "ed")) return Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
    return false;
  }
  bool ed = !t->caps && t->low.size() > 4 && (EndsWith(t->low, "ed") || EndsWith(t->low, "ing"));
  if (ed && !(after_of && first)) {
    // "operating profit", "housing costs": an -ing word inside a compound.
    if (!first) return EndsWith(t->low, "ing") && Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
    // A participle modifies a common noun ("displaced people"); before a
    // name it is a verb ("91,648 watched Barcelona beat Wolfsburg").
    return Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
  }
  return true;
}

bool ClaimBuilder::Impl::StateNamesPeople(const View& v, int i) const {
  const Token* t = T(v, i);
  if (!t || t->caps || !lex.people_states.count(t->low)) return false;
  int q = i - 1;
  while (q > 0 && v.toks[static_cast<std::size_t>(q - 1)].quantity >= 0) --q;
  if (!(Is(v, q - 1, "and") || Is(v, q - 1, ","))) return true;
  // "528 people had been killed and 4,599 wounded": the verb of the figure
  // before is understood again; the word is a participle, not a head.
  for (int k = q - 2; k >= 0 && v.toks[static_cast<std::size_t>(k)].quantity < 0; --k) {
    if (IsVerbish(v, k)) return false;
  }
  return true;
}

Range ClaimBuilder::Impl::FollowNP(const View& v, int i, bool after_of) const {
  // "589,000 fewer jobs", "1,100 fewer trains": the noun after the comparative.
  if (Is(v, i, "more") || Is(v, i, "other") || Is(v, i, "additional") || Is(v, i, "fewer")) ++i;
  // "four consecutive failed rainy seasons": the noun follows the modifier.
  if (const Token* m = T(v, i); m && !m->caps && m->head_role == HeadRole::kModifier) ++i;
  // "second-quarter sales", "first-quarter operating profit": a hyphened
  // period before the noun dates it.
  if (const Token* m = T(v, i); m && m->time >= 0 && m->low.find('-') != std::string::npos && Nounish(v, i + 1, false)) {
    ++i;
  }
  // 'about 55,000 "contract teachers"': a quoted noun phrase, read when
  // its closing quote ends it.
  const bool quoted = IsQuote(v, i);
  if (quoted) ++i;
  Range r;
  int j = i;
  // "internally displaced people": an -ly adverb before a participle.
  if (const Token* t = T(v, i); t && t->word && EndsWith(t->low, "ly") && t->low.size() > 4 &&
                                (IsInflectedVerb(v, i + 1) || (T(v, i + 1) && EndsWith(T(v, i + 1)->low, "ed"))) &&
                                Nounish(v, i + 2, false)) {
    r.b = i;
    r.e = i + 2;
    j = i + 2;
  }
  int n = static_cast<int>(v.toks.size());
  while (j < n && j - i < 6 && Nounish(v, j, j == i, after_of)) {
    if (r.b < 0) r.b = j;
    r.e = j + 1;
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (IsPlural(t)) {
      if (Is(v, j + 1, "and") && Nounish(v, j + 2, true) && !Is(v, j + 2, "and")) {
        j += 2;
        continue;
      }
      // "active police officers": a plural noun modifying a plural head.
      if (T(v, j + 1) && !T(v, j + 1)->caps && IsPlural(v.toks[static_cast<std::size_t>(j + 1)]) &&
          Nounish(v, j + 1, false) && !IsInflectedVerb(v, j + 1)) {
        ++j;
        continue;
      }
      break;
    }
    ++j;
  }
  // "102,000 general and acute beds": coordinated modifiers of a plural.
  if (!r.empty() && j == r.e && Is(v, j, "and") && !T(v, r.b)->caps &&
      !IsPlural(v.toks[static_cast<std::size_t>(r.e - 1)])) {
    int k = j + 1;
    while (k < n && k - j < 4 && Nounish(v, k, false) && !IsPlural(v.toks[static_cast<std::size_t>(k)])) ++k;
    if (k < n && Nounish(v, k, false) && IsPlural(v.toks[static_cast<std::size_t>(k)]) && !Capitalized(v, k)) r.e = k + 1;
  }
  if (quoted) {
    if (r.empty() || !IsQuote(v, r.e)) return {};
    // 'the so-called "Irish" vote', '35 "health" stores': the quote
    // marks a modifier of the noun after it.
    if (Nounish(v, r.e + 1, false)) {
      Range rest = FollowNP(v, r.e + 1);
      if (!rest.empty()) r.e = rest.e;
    }
    return r;
  }
  // "up from €4.90 two years ago": a phrase before "ago" is a time.
  if (!r.empty() && (Is(v, r.e, "ago") || (T(v, r.e) && T(v, r.e)->head_role == HeadRole::kPeriod && Is(v, r.e + 1, "ago")))) {
    return {};
  }
  // A phrase that only modifies a non-head is none ("Danish crowns",
  // "2 percentage points").
  if (!r.empty() && r.e == j && T(v, j) && !T(v, j)->caps && T(v, j)->head_role == HeadRole::kUnit) return {};
  return r;
}

bool ClaimBuilder::Impl::OfOwnerOrWhat(const View& v, Range x) const {
  if (x.e != x.b + 1) return false;
  return Is(v, x.b, "what") || (Is(v, x.b, "value") && (Is(v, x.b - 1, "its") || Is(v, x.b - 1, "their")));
}

Range ClaimBuilder::Impl::OfNP(const View& v, int of, bool& them) const {
  them = false;
  int j = of + 1;
  for (int guard = 0; guard < 6; ++guard) {
    const Token* t = T(v, j);
    if (!t) return {};
    std::string_view c = Cls(v, j);
    if (c == "det" || IsPossessive(t->low) || t->low == "'" || t->quantity >= 0) {
      ++j;
      continue;
    }
    break;
  }
  const Token* t = T(v, j);
  if (!t) return {};
  // "of those infected", "of those waiting", "of those in need": a
  // pronoun with its participle or "in" phrase names the people itself.
  if (t->low == "those") {
    const Token* n = T(v, j + 1);
    const bool participle = n && n->word && !n->caps && n->quantity < 0 && n->low.size() > 4 &&
                            (EndsWith(n->low, "ed") || EndsWith(n->low, "ing") || IsInflectedVerb(v, j + 1));
    if (participle) return {j, j + 2};
    if (Is(v, j + 1, "in") && Nounish(v, j + 2, true) && !Capitalized(v, j + 2)) return {j, j + 3};
  }
  if (lex.anaphora_pronouns.count(t->low)) {
    them = true;
    return {};
  }
  // "22 percent of the $674 million requested for the refugee response":
  // a figure's participle, then what the figure is for.
  if (j > of + 1 && T(v, j - 1)->quantity >= 0 && !t->caps && t->low.size() > 4 && EndsWith(t->low, "ed") &&
      (Is(v, j + 1, "for") || Is(v, j + 1, "on"))) {
    return OfNP(v, j + 1, them);
  }
  Range r = FollowNP(v, j, true);
  // "$5bn in the current financial year": a phrase before a period noun
  // (that ends it) names a time, not a thing.
  const Token* next = T(v, r.e);
  if (!r.empty() && next && !next->caps && next->head_role == HeadRole::kPeriod && !Nounish(v, r.e + 1, false)) {
    return {};
  }
  return r;
}

Range ClaimBuilder::Impl::LeftRun(const View& v, int end, int limit) const {
  int j = end - 1;
  // Also past a word that never names the subject ("Emissions are
  // projected to rise", "the government planned to raise", "Case
  // numbers nearly doubled").
  for (;;) {
    while (j >= limit &&
           (Cls(v, j) == "aux" || Cls(v, j) == "adv" || Is(v, j, "to") ||
            (NeverHead(v, j) &&
             (T(v, j)->head_role == HeadRole::kNever || T(v, j)->head_role == HeadRole::kPeriod)))) {
      --j;
    }
    // "Emissions are on track to rise", "is on course to": an "on"
    // phrase between the copula and "to" says how, not who.
    if (j - 2 >= limit && Is(v, j + 1, "to") && Is(v, j - 1, "on") && Cls(v, j - 2) == "aux") {
      j -= 2;
      continue;
    }
    // "Borrowing is forecast to be", "are set to": a passive before "to".
    if (j - 1 >= limit && Is(v, j + 1, "to") && Cls(v, j - 1) == "aux" && Cls(v, j).empty()) {
      --j;
      continue;
    }
    break;
  }
  Range r;
  while (j >= limit) {
    const Token* t = T(v, j);
    // A possessive time ("in Tuesday's election") still modifies the noun.
    // A currency heads a subject after a determiner ("The yen weakened
    // 0.4%", "the Indian rupee fell"), never after a figure.
    const bool currency = r.b < 0 && !t->caps && t->head_role == HeadRole::kUnit &&
                          (Cls(v, j - 1) == "det" || Capitalized(v, j - 1) || (T(v, j - 1) && IsPossessive(T(v, j - 1)->low)));
    bool ok = t->word && !t->number && t->quantity < 0 && (t->time < 0 || IsPossessive(t->low)) &&
              (t->caps || Cls(v, j).empty()) && (!NeverHead(v, j) || currency);
    // A verb form is a noun after "of" or a determiner, and a plural one
    // ("exports", "costs") when nothing nounish precedes it.
    // The head right before the verb is a noun too ("Crude oil imports
    // slumped", "China's exports grew").
    // So is a gerund there after a noun ("Government borrowing is
    // forecast to be"; not "..., remaining for").
    const bool gerund = EndsWith(t->low, "ing") && j > limit && Nounish(v, j - 1, false);
    const bool plural_head = r.b < 0 && ((t->low.back() == 's' && !EndsWith(t->low, "ss")) || gerund);
    if (ok && IsInflectedVerb(v, j) && !(Is(v, j - 1, "of") || Cls(v, j - 1) == "det") && !plural_head &&
        !(t->low.back() == 's' && (j == limit || !Nounish(v, j - 1, false)))) {
      ok = false;
    }
    // A past tense between a subject and its object is a verb ("floods
    // caused damage of", "supervisors who visited households"), unlike
    // "2,000 displaced people" or "the injured".
    if (ok && r.b >= 0 && !t->caps && t->low.size() > 4 && EndsWith(t->low, "ed") && j > 0) {
      const Token* p = T(v, j - 1);
      if (p->word && (Is(v, j - 1, "who") || Is(v, j - 1, "that") || Is(v, j - 1, "which") ||
                      (!p->caps && IsPlural(*p) && Nounish(v, j - 1, false)))) {
        ok = false;
      }
    }
    if (!ok && t->low == "of" && r.b >= 0 && j > limit && Nounish(v, j - 1, false)) ok = true;
    if (!ok) break;
    r.b = j;
    if (r.e < 0) r.e = j + 1;
    --j;
  }
  return r;
}

Range ClaimBuilder::Impl::NounBeforeOf(const View& v, int of, int limit) const {
  Range r = LeftRun(v, of, limit);
  // "floods in the region caused damage of": the object after the last verb.
  for (int i = r.e - 2; i >= r.b && !r.empty(); --i) {
    if (IsVerbish(v, i) && !Is(v, i - 1, "of") && Cls(v, i - 1) != "det") r.b = i + 1;
  }
  // A frame ("the amount of") or a time before "of" ("for the next fiscal
  // year of", skipped by LeftRun) names no head.
  if (r.empty() || r.e != of || Cls(v, r.b) == "pron" ||
      (r.e - r.b == 1 && lex.entity_of_frames.count(v.toks[static_cast<std::size_t>(r.b)].low))) {
    return {};
  }
  // "a street value in Europe of", "a balance in the Treasury of": a place
  // names where, not what.
  const int before = Cls(v, r.b - 1) == "det" ? r.b - 2 : r.b - 1;
  if (Capitalized(v, r.b) && Cls(v, before) == "prep") return {};
  return r;
}

Range ClaimBuilder::Impl::LeftNP(const View& v, int end, int limit, bool coordinated) const {
  Range r = LeftRun(v, end, limit);
  if (r.empty()) return r;
  // "Knife crime in England and Wales rose": past a coordination to the
  // head before the preposition ("Pappas and Walker, 22" stays "walker").
  if (!coordinated && (Is(v, r.b - 1, "and") || Is(v, r.b - 1, "or")) && r.b - 2 >= limit &&
      Nounish(v, r.b - 2, false)) {
    Range more = LeftNP(v, r.b - 1, limit, true);
    if (!more.empty() && more.e < r.b - 1) return more;
  }
  // Past a determiner and a preposition to the head: "toll from the quake".
  int d = r.b - 1;
  // Past an attributive figure or date after a determiner ("from the
  // 7.8-magnitude quake", "Turnout in the 2013 election").
  for (int q = d; q > limit && (v.toks[static_cast<std::size_t>(q)].quantity >= 0 ||
                                v.toks[static_cast<std::size_t>(q)].time >= 0); --q) {
    const Token* before = T(v, q - 1);
    if (before->quantity < 0 && (Cls(v, q - 1) == "det" || IsPossessive(before->low))) d = q - 1;
  }
  // A bare count inside the modifier: "Crop damage across 12 districts".
  if (d > limit && T(v, d)->quantity >= 0 && Cls(v, d - 1) == "prep") --d;
  if (d >= limit) {
    // A possessive stands for a determiner ("toll from Monday's quake").
    bool det = Cls(v, d) == "det" || IsPossessive(v.toks[static_cast<std::size_t>(d)].low);
    int p = det ? d - 1 : d;
    // "life expectancy at birth is 55 years" → life expectancy; "Exports to
    // the United States slumped", "Shipments to China rose", "job openings
    // per applicant" name their head before the preposition.
    // So do "the Woolsey Fire near Malibu", "the census since independence",
    // "the temperature outside the polar regions".
    auto modifying_prep = [&](int i) {
      for (std::string_view prep : {"in", "from", "for", "at", "to", "per", "across", "among", "near", "since",
                                    "outside"}) {
        if (Is(v, i, prep)) return true;
      }
      return false;
    };
    if (!det && !modifying_prep(p)) p = -1;
    const Token* pt = T(v, p);
    // "Labour's lead over the Conservatives" → lead; "temperatures in parts
    // of the north" → temperatures.
    // "at a depth of", "at a rate of": "at" before an indefinite article
    // opens a measure, not a place modifying the noun before it.
    const bool at_measure = pt && pt->low == "at" && (Is(v, d, "a") || Is(v, d, "an"));
    // After a determiner also "on", "with", "over" and "of" ("the lead over").
    if (p > limit && pt && !at_measure && (modifying_prep(p) || pt->low == "on" || pt->low == "with" ||
                                           (det && (pt->low == "over" || pt->low == "of")))) {
      // Not a clause before it: "Rescuers worked overnight in temperatures of".
      // Nor a verb ("compared with a profit of", "applied for a loan of",
      // "pilots had agreed to a pay cut of"). "to" follows a plural or a
      // name ("Exports to", "Shipments to"; "swung to", "equal to" are none).
      Range head = LeftNP(v, p, limit);
      bool lone_verb = head.e - head.b == 1 && IsVerbish(v, head.b) && Cls(v, head.b - 1) != "det" &&
                       !IsPlural(v.toks[static_cast<std::size_t>(head.b)]);
      for (int i = std::max(head.e, 0); i < p; ++i) lone_verb = lone_verb || IsVerbish(v, i);
      if (pt->low == "to" && !head.empty() && head.e == p &&
          !(IsPlural(v.toks[static_cast<std::size_t>(p - 1)]) || Capitalized(v, p - 1))) {
        lone_verb = true;
      }
      // An "of" phrase is crossed only inside a modifier ("temperatures in
      // parts of the north"); "the melting of the ice sheet" keeps its noun.
      const bool of_inside = pt->low != "of" || head.e < p;
      if (!head.empty() && !HasVerb(v, head) && !lone_verb && of_inside) return head;
    }
  }
  return r;
}

Range ClaimBuilder::Impl::PredicativeSubject(const View& v, int qf, int adj) const {
  if (Cls(v, adj) != "adj" || Nounish(v, adj + 1, false)) return {};
  int j = qf;
  while (j > 0 && (Cls(v, j - 1) == "aux" || Cls(v, j - 1) == "adv")) --j;
  if (j < qf && (Is(v, j - 1, "which") || Is(v, j - 1, "that")) && Is(v, j - 2, ",")) j -= 2;
  // "The wheel landed 100 feet away": a verb's figure, not a copula's.
  if (j == qf && IsVerbish(v, qf - 1)) return {};
  Range r = LeftNP(v, j, 0);
  if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
  return r;
}

bool ClaimBuilder::Impl::HasVerb(const View& v, Range r) const {
  for (int i = r.b + 1; i < r.e; ++i) {
    const std::string& prev = v.toks[static_cast<std::size_t>(i - 1)].low;
    // A plural at the end heads the phrase ("rice exports", "crude oil imports").
    if (i == r.e - 1 && IsPlural(v.toks[static_cast<std::size_t>(i)]) && Nounish(v, i - 1, false)) continue;
    if (IsVerbish(v, i) && prev != "of" && Cls(v, i - 1) != "det" && !EndsWith(prev, "ly")) return true;
  }
  return false;
}

Range ClaimBuilder::Impl::PredicateNoun(const View& v, int cop) const {
  if (!(Is(v, cop, "are") || Is(v, cop, "were"))) return {};
  Range r = FollowNP(v, cop + 1);
  if (r.empty() || !IsPlural(v.toks[static_cast<std::size_t>(r.e - 1)]) || Is(v, r.e, "of")) return {};
  return r;
}

Range ClaimBuilder::Impl::SubjectBeforeRelative(const View& v, int verb) const {
  for (int j = verb - 1; j > 0 && j >= verb - 15; --j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (t.low == "," || t.low == ";" || t.quantity >= 0) return {};
    if (t.low != "that" && t.low != "which") continue;
    const Token* next = T(v, j + 1);
    const bool opens_on_verb = next && next->word && !next->number && next->quantity < 0 && !Capitalized(v, j + 1) &&
                               (Cls(v, j + 1).empty() || Cls(v, j + 1) == "aux");
    if (!opens_on_verb || !Nounish(v, j - 1, false) || IsVerbish(v, j - 1) || T(v, j - 1)->speech) return {};
    // A noun naming the figure earlier in the subject heads it ("The
    // death toll from a magnitude 7.7 earthquake that struck").
    for (int k = j - 1; k >= 0 && k >= j - 12; --k) {
      const Token& n = v.toks[static_cast<std::size_t>(k)];
      if (n.low == "," || n.low == ";" || n.speech) break;
      if (n.pred && n.pred->cls == "noun" && Cls(v, k).empty()) {
        Range named = LeftNP(v, k + 1, 0);
        if (!named.empty()) return named;
      }
    }
    return LeftNP(v, j, 0);
  }
  return {};
}

Range ClaimBuilder::Impl::SubjectBeforeApposition(const View& v, int verb) const {
  int j = verb - 1;
  while (j >= 0 && (Cls(v, j) == "aux" || Cls(v, j) == "adv")) --j;
  if (!Is(v, j, ",")) return {};
  bool figure = false;
  for (int k = j - 1; k > 0 && k >= j - 16; --k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.low == ";" || t.low == "(" || t.low == ")" || t.speech) return {};
    figure = figure || t.quantity >= 0;
    if (t.low != ",") continue;
    // A figure between the commas makes a list, unless a relative clause
    // holds it ("Chinese visitors, who made up more than a quarter of the
    // total, numbered just 1.9 million").
    const bool relative = Is(v, k + 1, "who") || Is(v, k + 1, "which") || IsReducedRelative(v, k + 1);
    if (!relative && (figure || j - k > 12)) return {};
    Range r = LeftNP(v, k, 0);
    if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
    return r;
  }
  return {};
}

bool ClaimBuilder::Impl::IsReducedRelative(const View& v, int i) const {
  const Token* t = T(v, i);
  return t && t->word && !t->caps && !Capitalized(v, i) && t->quantity < 0 && t->time < 0 && Cls(v, i).empty() &&
         t->low.size() > 4 && EndsWith(t->low, "ed") && !Nounish(v, i + 1, false);
}

Range ClaimBuilder::Impl::RelativeAntecedent(const View& v, int verb) const {
  int j = verb - 1;
  while (j >= 0 && (Cls(v, j) == "aux" || Cls(v, j) == "adv")) --j;
  if (!(Is(v, j, "which") || Is(v, j, "who"))) return {};
  return NounBeforeComma(v, j - 1);
}

Range ClaimBuilder::Impl::NounBeforeComma(const View& v, int comma) const {
  if (!Is(v, comma, ",")) return {};
  return NounBeforeTime(v, comma);  // "for 2022, which"
}

Range ClaimBuilder::Impl::NounBeforeTime(const View& v, int end) const {
  int t = end - 1;
  while (t >= 0 && v.toks[static_cast<std::size_t>(t)].time >= 0) --t;
  if (t < end - 1) end = Cls(v, t) == "prep" ? t : t + 1;
  Range r = LeftNP(v, end, 0);
  // ", to curb inflation, which stood at": a purpose clause opens on its
  // verb, whose object is the noun.
  if (r.e - r.b > 1 && Is(v, r.b - 1, "to") && (Is(v, r.b - 2, ",") || Is(v, r.b - 2, "order")) &&
      !Capitalized(v, r.b)) {
    ++r.b;
  }
  if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
  return r;
}

Range ClaimBuilder::Impl::MoneyPurpose(const View& v, int after) const {
  int k = after;
  for (int steps = 0; steps < 4; ++steps) {
    const Token* t = T(v, k);
    if (!t) return {};
    if (t->time >= 0) {
      while (T(v, k) && T(v, k)->time >= 0) ++k;
    } else if (k == after && !t->caps && t->low.size() > 4 && EndsWith(t->low, "ed") && Cls(v, k).empty() &&
               (Is(v, k + 1, "for") || Is(v, k + 1, "on"))) {
      ++k;  // "$674 million requested for the refugee response"
    } else if (k == after && Cls(v, k) == "pron" && t->low != "which" && t->low != "that") {
      // "the $2.6 billion it needs for its Afghanistan operations", "of
      // the $87 million it had sought for its mpox response": a pronoun,
      // its verb (an auxiliary before it), then the purpose.
      int j = k + 1;
      if (Cls(v, j) == "aux") ++j;
      const Token* verb = T(v, j);
      if (!verb || !verb->word || verb->caps || verb->quantity >= 0 || !IsVerbish(v, j) || !Is(v, j + 1, "for")) {
        return {};
      }
      k = j + 1;
      break;
    } else if (t->low == "(") {
      int close = k + 1;
      while (close < k + 12 && T(v, close) && !Is(v, close, ")") && !Is(v, close, "(")) ++close;
      if (!Is(v, close, ")")) return {};
      k = close + 1;
    } else if ((t->low == "over" || t->low == "during" || t->low == "within") && T(v, k + 1) &&
               T(v, k + 1)->time >= 0) {
      ++k;
    } else if ((t->low == "a" || t->low == "an" || t->low == "per") && T(v, k + 1) && T(v, k + 1)->word &&
               !Is(v, k + 2, "of")) {
      k += 2;
    } else if (t->low == "over" && T(v, k + 1) && T(v, k + 1)->quantity >= 0) {
      ++k;
      while (T(v, k) && T(v, k)->quantity >= 0) ++k;
    } else {
      break;
    }
  }
  if (Is(v, k, "for") || Is(v, k, "on")) {
    if (k == after) return {};
    bool them = false;
    return OfNP(v, k, them);
  }
  // "to build new facilities", "to keep operations running": a lower-case
  // verb, then its object (not "to the Red Cross", "to refugees").
  const Token* verb = T(v, k + 1);
  if (!Is(v, k, "to") || !verb || !verb->word || verb->caps || verb->number || verb->quantity >= 0 ||
      !Cls(v, k + 1).empty() || IsPlural(*verb) || IsVerbish(v, k + 1)) {
    return {};
  }
  int j = k + 2;
  if (Is(v, j, "up") || Is(v, j, "out")) ++j;  // "to scale up its response"
  while (T(v, j) && (Cls(v, j) == "det" || IsPossessive(T(v, j)->low))) ++j;
  if (j == k + 2 && !Nounish(v, j, true)) return {};
  return FollowNP(v, j);
}

bool ClaimBuilder::Impl::PluralSubjectBeforeVerb(const View& v, int i) const {
  const Token* t = T(v, i);
  return t && Cls(v, i) != "aux" && IsInflectedVerb(v, i) && t->low.size() > 3 && t->low.back() == 's' &&
         (Cls(v, i + 1) == "aux" || IsInflectedVerb(v, i + 1));
}

Range ClaimBuilder::Impl::ChangeObjectBefore(const View& v, int k, int qf) const {
  int p = k;
  while (p < qf && !Is(v, p, "by") && !Is(v, p, "to")) ++p;
  if (p >= qf || p == k) return {};
  Range r = LeftNP(v, p, k);
  if (r.empty() || r.b < k || HasVerb(v, r)) return {};
  // The words before the head only modify it ("overnight", "benchmark").
  for (int i = k; i < r.b; ++i) {
    const Token& t = v.toks[static_cast<std::size_t>(i)];
    if (!t.word || t.caps || t.quantity >= 0 || t.time >= 0 || !Cls(v, i).empty() || IsVerbish(v, i)) return {};
  }
  return r;
}

Range ClaimBuilder::Impl::ClauseSubject(const View& v, int qf) const {
  // The verb group right before the figure: "is only", "has strengthened about".
  int k = qf - 1;
  while (k >= 0 && (Cls(v, k) == "adv" || IsLyAdverb(v, k) || Is(v, k, "by") || Is(v, k, "to"))) --k;
  if (!(Cls(v, k) == "aux" || IsInflectedVerb(v, k) || (T(v, k) && T(v, k)->pred && Cls(v, k).empty()))) return {};
  int vb = k;
  while (vb - 1 >= 0 && (Cls(v, vb - 1) == "aux" || Cls(v, vb - 1) == "adv" || IsInflectedVerb(v, vb - 1)) &&
         !PluralSubjectBeforeVerb(v, vb - 1)) {
    --vb;
  }
  int end = vb;
  // "Pakistan's economy, already reeling from inflation of 24.9% in July,
  // is expected to grow": the phrase before the aside (a list of figures
  // between commas, "Tesla, 5%, rose", opens on no lower-case word).
  if (Is(v, end - 1, ",")) {
    int open = end - 2;
    while (open > 0 && end - open < 25 && !Is(v, open, ",") && !Is(v, open, ";")) --open;
    const Token* first = T(v, open + 1);
    if (!Is(v, open, ",") || !first || !first->word || first->number || first->quantity >= 0 || Capitalized(v, open + 1)) {
      return {};
    }
    end = open;
  }
  return NounBeforeTime(v, end);  // "rainfall in August"
}

}  // namespace claimex
