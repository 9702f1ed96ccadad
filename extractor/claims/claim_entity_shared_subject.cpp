// Entity rules tried just before a figure falls back to the previous
// claim's entity (entity.previous): the figure's own sentence often names
// what it measures where the nearer subject rules do not look, across an
// aside, a coordination or a participle, or after a verb no other test
// knows. Rules: entity.interrupted_subject, entity.shared_subject,
// entity.measure_verb, entity.number_after.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>
#include <cctype>

namespace claimex {

bool ClaimBuilder::Impl::SubjectMayOpen(const View& v, int b) const {
  if (Cls(v, b - 1) == "det") --b;
  while (b > 0 && IsQuote(v, b - 1)) --b;
  if (b <= 0) return true;
  const Token& t = v.toks[static_cast<std::size_t>(b - 1)];
  // After a fronted phrase: "At the other end of the state, the fire".
  if (t.low == ",") {
    if (Cls(v, 0) != "prep") return false;
    for (int k = 1; k < b - 1; ++k) {
      if (v.toks[static_cast<std::size_t>(k)].low == "," || IsVerbish(v, k)) return false;
    }
    return true;
  }
  return t.speech || (!t.caps && lex.subject_openers.count(t.low) > 0);
}

Range ClaimBuilder::Impl::OpeningSubject(const View& v, int end) const {
  Range r = LeftNP(v, end, 0);
  for (int steps = 0; steps < 2 && !r.empty() && !SubjectMayOpen(v, r.b); ++steps) {
    int b = r.b;
    if (Cls(v, b - 1) == "det") --b;
    // "the Woolsey Fire near Malibu has": the head before a preposition
    // LeftNP does not cross. "Saudi Arabia and the Emirates, which": the
    // whole coordination.
    if (Cls(v, b - 1) == "prep") {
      Range head = LeftNP(v, b - 1, 0);
      if (head.empty()) break;
      r = head;
    } else if (Is(v, b - 1, "and")) {
      Range first = LeftNP(v, b - 1, 0, true);
      if (first.empty() || first.e != b - 1) break;
      r.b = first.b;
    } else {
      break;
    }
  }
  if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r) || !SubjectMayOpen(v, r.b)) return {};
  return r;
}

Range ClaimBuilder::Impl::ModifiedOpeningSubject(const View& v, int g) const {
  const int b = Cls(v, 0) == "det" ? 1 : 0;
  Range r = FollowNP(v, b);
  // Only a modifier the nearer rules could not cross: one holding a figure.
  if (r.empty() || r.e >= g || Cls(v, r.b) == "pron" || Cls(v, r.e) != "prep") return {};
  bool figure = false;
  for (int k = r.e; k < g; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.low == "," || t.low == ";" || t.speech || IsQuote(v, k) || Cls(v, k) == "aux" || IsInflectedVerb(v, k) ||
        t.low == "that" || t.low == "which" || t.low == "who") {
      return {};
    }
    figure = figure || t.quantity >= 0;
  }
  return figure ? r : Range{};
}

Range ClaimBuilder::Impl::FirstSubject(const View& v, int end) const {
  for (int f = 0; f < end; ++f) {
    const Token& t = v.toks[static_cast<std::size_t>(f)];
    if (!t.word || t.caps || Capitalized(v, f) || t.quantity >= 0 || t.time >= 0) continue;
    const bool verb = (IsVerbish(v, f) && t.low != "that" && t.low != "now" && t.low != "also") ||
                      (t.pred && t.pred->cls != "noun") || lex.measure_verbs.count(t.low);
    if (!verb) continue;
    Range r = OpeningSubject(v, f);
    if (r.empty()) return {};
    // The subject holds no figure ("120 seats in the 350-seat Congress").
    for (int k = r.b; k < r.e; ++k) {
      if (v.toks[static_cast<std::size_t>(k)].quantity >= 0) return {};
    }
    return r;
  }
  return {};
}

Range ClaimBuilder::Impl::SharedSubject(const View& v, int qf, int after, Kind kind, std::string_view* rule) const {
  // "bringing to 11 the number of towns and farms seized": the level a
  // figure brings a count to is that count's.
  if (Is(v, qf - 1, "to") && Is(v, after, "the") && (Is(v, after + 1, "number") || Is(v, after + 1, "total")) &&
      Is(v, after + 2, "of")) {
    bool pronoun = false;
    Range x = OfNP(v, after + 2, pronoun);
    if (!x.empty() && !pronoun) {
      *rule = "entity.number_after";
      return x;
    }
  }
  if (Range r = WithPhraseNoun(v, qf); !r.empty()) {
    *rule = "entity.with_change";
    return r;
  }
  // "costing the budget 1.2 billion dirhams": the object a sum is charged to.
  if (kind == Kind::kMoney && T(v, qf - 1) && Cls(v, qf - 1).empty() && T(v, qf - 1)->word) {
    Range r = LeftRun(v, qf, 0);
    if (!r.empty() && r.e == qf && Cls(v, r.b - 1) == "det" && T(v, r.b - 2) &&
        lex.money_object_verbs.count(T(v, r.b - 2)->low)) {
      *rule = "entity.charged_object";
      return r;
    }
  }
  // "has recorded the most deaths, 566, followed by": a bare count set off
  // after a plural noun counts it.
  if (kind == Kind::kCount && Is(v, qf - 1, ",") && T(v, after) && !T(v, after)->word) {
    const Token* n = T(v, qf - 2);
    Range r = LeftRun(v, qf - 1, 0);
    if (n && !r.empty() && r.e == qf - 1 && !n->caps && !Capitalized(v, qf - 2) && IsPlural(*n) && !HasVerb(v, r) &&
        Cls(v, r.b) != "pron") {
      *rule = "entity.apposed_count";
      return r;
    }
  }
  return FigureSubject(v, qf, kind, false, rule);
}

Range ClaimBuilder::Impl::WithPhraseNoun(const View& v, int qf) const {
  // The level or change word before the figure: "down 11%", "steady at 0.33%".
  if (!(Is(v, qf - 1, "up") || Is(v, qf - 1, "down") || Is(v, qf - 1, "at"))) return {};
  for (int j = qf - 2; j > 0 && j >= qf - 14; --j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (t.low == ";" || t.low == ":" || IsVerbish(v, j)) return {};
    if (t.low != "with" || !Is(v, j - 1, ",")) continue;
    Range r = FollowNP(v, j + 1);
    // "with Spain's 10-year bond yield": past the owner and an attributive figure.
    if (!r.empty() && IsPossessive(v.toks[static_cast<std::size_t>(r.e - 1)].low)) {
      int k = r.e;
      while (T(v, k) && T(v, k)->quantity >= 0) ++k;
      r = FollowNP(v, k);
    }
    if (r.empty() || Cls(v, r.b) == "pron" || r.e >= qf) return {};
    // "the yield steady at": the state word before "at" is no part of it.
    if (Is(v, qf - 1, "at") && r.e == qf - 1 && r.e - r.b > 1) --r.e;
    return r;
  }
  return {};
}

Range ClaimBuilder::Impl::FigureSubject(const View& v, int qf, Kind kind, bool direct, std::string_view* rule) const {
  // The verb that governs the figure, past its prepositions and adverbs
  // ("edged up to", "stood at", "grow by just").
  int k = qf - 1;
  for (int steps = 0; steps < 3 && k >= 0 && (Cls(v, k) == "prep" || Cls(v, k) == "adv"); ++steps) --k;
  // "will increase by 6.7% to £12.21": past the change before the level.
  if (T(v, k) && T(v, k)->quantity >= 0 && Is(v, qf - 1, "to")) {
    k = MentionStart(v, k);
    if (Is(v, k - 1, "by")) k -= 2;
  }
  const Token* vt = T(v, k);
  if (!vt || !vt->word || vt->caps || vt->quantity >= 0 || vt->time >= 0 || Capitalized(v, k)) return {};
  // A verb right before its figure ("a normal daily average of 30" is a noun).
  const bool measure_verb = lex.measure_verbs.count(vt->low) > 0 && k == qf - 1;
  // ", expanding by 0.4%" (not after a figure: "winds of 165km/h, gusting
  // up to 185km/h" describes the winds).
  const bool participle = EndsWith(vt->low, "ing") && vt->low.size() > 5 && Is(v, k - 1, ",") &&
                          !(T(v, k - 2) && T(v, k - 2)->quantity >= 0);
  const bool verb = measure_verb || participle || (IsVerbish(v, k) && vt->low != "that") ||
                    (vt->pred && vt->pred->cls != "noun") || (vt->change != Change::kNone && Cls(v, k).empty());
  // "spending of 7.4 trillion rupees": a word before "of" is a noun.
  if (!verb || Is(v, k + 1, "of")) return {};
  // "starting salaries average $41,200": the noun phrase right before.
  if (measure_verb) {
    Range r = LeftNP(v, k, ClauseStart(v, k, 3));
    if (!r.empty() && Cls(v, r.b) != "pron" && !HasVerb(v, r)) {
      *rule = "entity.measure_verb";
      return r;
    }
  }
  // The verb group's first word: "is likely to have edged".
  int g = k;
  for (int steps = 0; steps < 6 && g > 0; ++steps) {
    const Token& p = v.toks[static_cast<std::size_t>(g - 1)];
    if (!p.word || p.caps || Capitalized(v, g - 1) || p.low == "that") break;
    // "Saudi Arabia and the UAE, which lead the coalition, each pledged".
    const bool floating = p.low == "each" || p.low == "both" || p.low == "together";
    if (!(IsVerbish(v, g - 1) || Cls(v, g - 1) == "adv" || p.low == "to" || EndsWith(p.low, "ly") || floating)) break;
    --g;
  }
  // A count's coordinated or participle figure counts what the one before
  // it did ("killed 20 people and wounded 30"); only other kinds measure
  // the shared subject.
  const bool shared_ok = kind != Kind::kCount;
  if (participle && g == k) {
    if (!shared_ok) return {};
    Range r = FirstSubject(v, k - 1);
    if (!r.empty()) *rule = "entity.shared_subject";
    return r;
  }
  // "the fire has burned 3,000 acres and was 40 percent contained".
  if (Is(v, g - 1, "and")) {
    if (!shared_ok) return {};
    // The first predicate belongs to the same subject: no clause opens
    // between it and "and" ("officials said that ..." has its own).
    Range r = FirstSubject(v, g - 1);
    if (r.empty()) return {};
    for (int j = r.e; j < g - 1; ++j) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.speech || t.low == ";" || t.low == ":" || IsQuote(v, j) || t.low == "which" || t.low == "who" ||
          (!t.caps && lex.subject_openers.count(t.low) > 0)) {
        return {};
      }
    }
    *rule = "entity.shared_subject";
    return r;
  }
  // "demand had risen to 3,530 megawatts": the subject right before (only
  // asked for an antecedent's figure: the other rules read it for the figure).
  if (direct) {
    Range r = LeftNP(v, g, 0);
    if (!r.empty() && Cls(v, r.b) != "pron" && !HasVerb(v, r) && SubjectMayOpen(v, r.b)) {
      *rule = "entity.direct_subject";
      return r;
    }
  }
  // "The minimum wage for those aged 21 and over will increase": the
  // sentence's opening noun phrase and its modifier, no verb or comma before
  // the verb group.
  if (Range r = ModifiedOpeningSubject(v, g); !r.empty()) {
    *rule = "entity.opening_subject";
    return r;
  }
  // "Core inflation, which strips out food and energy, is likely to":
  // the subject before an aside between commas.
  if (!Is(v, g - 1, ",")) return {};
  for (int j = g - 2; j >= 0 && j >= g - 22; --j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (t.low == ";" || t.low == ":" || t.low == "(" || t.low == ")" || t.speech || IsQuote(v, j)) return {};
    if (t.low != ",") continue;
    if (j + 1 == g - 1) return {};
    Range r = OpeningSubject(v, j);
    if (r.empty()) return {};
    *rule = "entity.interrupted_subject";
    return r;
  }
  return {};
}

bool ClaimBuilder::Impl::UnitAntecedentSubject(const View& v, const Claim& prev, Claim& c) const {
  auto first_token = [&](const Claim& x) { return MentionStart(v, TokenEndingAt(v, x.quantity.span.end)); };
  // "emissions fell to 46.4 million tonnes of CO2 equivalent, 14 percent
  // below 1990 levels": a share set off after a level compares the level's subject.
  const int qf = first_token(c), ql = TokenEndingAt(v, c.quantity.span.end);
  const bool compared = c.quantity.kind == Kind::kPercent && qf >= 0 &&
                        (Is(v, ql + 1, "above") || Is(v, ql + 1, "below")) &&
                        (Is(v, qf - 1, ",") || (Is(v, qf - 1, "or") && Is(v, qf - 2, ",")));
  // A count counts the unit too ("and 12 more points"), unless it is a change ("up 2.6 ppm").
  const bool unit = !(c.quantity.kind == Kind::kCount && c.change == Change::kNone) &&
                    lex.entity_unit_nouns.count(LastWord(c.entity)) > 0;
  if (!compared && !unit) return false;
  // The antecedent's figure in this sentence.
  const int first = first_token(prev);
  if (first < 0) return false;
  std::string_view rule;
  Range r = FigureSubject(v, first, prev.quantity.kind, true, &rule);
  // "Sindh received 784mm of rain, about 464 percent above its average":
  // a named holder compares what it holds, the level's own entity.
  if (r.empty() || (!unit && Capitalized(v, r.e - 1))) return false;
  c.entity = Text(v, r, &c.entity_span);
  c.rules.back() = unit ? "entity.unit_antecedent_subject" : "entity.compared_subject";
  return true;
}

bool ClaimBuilder::Impl::Attributive(std::string_view text, const Claim& d) {
  std::string_view m = d.quantity.span.of(text);
  std::size_t end = d.quantity.span.end;
  bool glued = end + 1 < text.size() && text[end] == '-' && std::isalpha(static_cast<unsigned char>(text[end + 1]));
  std::size_t h = m.rfind('-');
  bool suffix = h != std::string_view::npos && h + 1 < m.size() &&
                std::all_of(m.begin() + static_cast<std::ptrdiff_t>(h) + 1, m.end(),
                            [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; });
  return glued || suffix;
}

bool ClaimBuilder::Impl::RateDenominator(std::string_view text, const Claim& d) {
  const std::size_t s = d.quantity.span.start;
  return s >= 4 && text.substr(s - 4, 4) == "per ";
}

}  // namespace claimex
