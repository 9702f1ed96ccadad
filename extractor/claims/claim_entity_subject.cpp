// Readings of the subject rules of Entity (claim_entity.cpp) when the verb
// before the figure is not the subject's: a noun a bound qualifier follows
// ("temperatures above 46C"), the host of a relative clause the subject
// search lands in ("A sack of flour that cost ... before the war now
// sells for 40,000"), the object a verb moved by the figure ("delayed
// convoys by up to 48 hours"), an -ing noun taken for the verb ("capital
// spending"), and the subject that opens a figure's own clause.
#include "extractor/claims/claim_builder_impl.h"

namespace claimex {

Range ClaimBuilder::Impl::NounBeforeBound(const View& v, const Work& w, int clause) const {
  // Only a mention opening on a bound word ("above 46C", "below 2%").
  if (!(Is(v, w.qf, "above") || Is(v, w.qf, "below"))) return {};
  int end = w.qf;
  // "expects temperatures to stay above 40C", "temperatures would stay
  // above 45C": the subject of the verb before the bound.
  if ((Is(v, end - 2, "to") || Cls(v, end - 2) == "aux") && T(v, end - 1) && T(v, end - 1)->word &&
      !Capitalized(v, end - 1) &&
      Cls(v, end - 1).empty() && !IsPlural(v.toks[static_cast<std::size_t>(end - 1)])) {
    end -= 2;
  }
  if (end - 1 < clause || !Nounish(v, end - 1, false) || IsVerbish(v, end - 1) || Capitalized(v, end - 1)) return {};
  Range r = LeftRun(v, end, clause);
  if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
  return r;
}

Range ClaimBuilder::Impl::RelativeHost(const View& v, Range subj, int clause) const {
  // The subject found sits in a preposition's phrase ("before the war")...
  int p = subj.b - 1;
  while (p > clause && (Cls(v, p) == "det" || IsPossessive(v.toks[static_cast<std::size_t>(p)].low))) --p;
  // (An "of" phrase is the subject's own: "melting of the ice sheet".)
  if (p <= clause || Cls(v, p) != "prep" || Is(v, p, "of")) return {};
  // ... of a relative clause on a noun, with no comma between: the noun
  // the clause describes is the subject.
  for (int j = p - 1; j > clause && j >= p - 15; --j) {
    if (Is(v, j, ",") || Is(v, j, ";")) return {};
    if (!(Is(v, j, "that") || Is(v, j, "which"))) continue;
    // ("found that melting of ..." is a verb's complement.)
    if (!Nounish(v, j - 1, false) || IsVerbish(v, j - 1) || v.toks[static_cast<std::size_t>(j - 1)].speech) return {};
    Range host = LeftNP(v, j, clause);
    if (host.empty() || Cls(v, host.b) == "pron" || HasVerb(v, host)) return {};
    return host;
  }
  return {};
}

Range ClaimBuilder::Impl::ObjectBeforeBy(const View& v, int k, int qf) const {
  // "by" right before the figure, or before the difference a new level
  // follows ("by 33% to a record 10 trillion rupees").
  int by = qf - 1;
  while (by > k && (T(v, by)->quantity >= 0 || Is(v, by, "to") || Is(v, by, "record") || Cls(v, by) == "det")) --by;
  if (!Is(v, by, "by") || k + 1 >= by) return {};
  qf = by + 1;
  int j = k + 1;
  // "will raise capital spending by": the verb after a modal or "to".
  const Token* verb = T(v, j);
  if ((Cls(v, k) == "aux" || Is(v, k, "to")) && verb && !verb->caps && !Capitalized(v, j) &&
      (verb->change != Change::kNone || (verb->pred && verb->pred->cls != "noun"))) {
    ++j;
  }
  while (j < qf && (Cls(v, j) == "det" || IsPossessive(v.toks[static_cast<std::size_t>(j)].low))) ++j;
  // The object runs from the verb to "by", no preposition or verb between
  // ("extend their truce in Gaza by" names a place last).
  // "cut its capital spending plans for 2020 by 20%": past a time.
  int end = qf - 1;
  while (end - 1 > j && T(v, end - 1)->time >= 0) --end;
  if (end < qf - 1 && Cls(v, end - 1) == "prep") --end;
  Range r = LeftRun(v, end, j);
  // LeftRun stops at an -ing word inside the phrase ("capital spending plans").
  while (!r.empty() && r.b - 1 >= j && EndsWith(v.toks[static_cast<std::size_t>(r.b - 1)].low, "ing")) {
    const Range before = LeftRun(v, r.b - 1, j);  // the words before the -ing word
    r.b = before.empty() || before.e != r.b - 1 ? r.b - 1 : before.b;
  }
  if (r.empty() || r.b != j || Cls(v, r.b) == "pron") return {};
  for (int i = r.b; i < r.e; ++i) {
    const Token& t = v.toks[static_cast<std::size_t>(i)];
    const bool noun_form = EndsWith(t.low, "ing") || (i == r.e - 1 && IsPlural(t));  // "spending", "prices"
    if (IsVerbish(v, i) && !noun_form) return {};
  }
  return r;
}

bool ClaimBuilder::Impl::GerundNoun(const View& v, int k) const {
  // "raise capital spending by 33%", "cuts public spending by": an -ing
  // word after a modifier word, before the "by" of the change, heads a
  // noun phrase (LeftRun's gerund); "an inland sea stretching 50 km",
  // "inflation averaging 2.5%" are verbs.
  const Token* t = T(v, k);
  if (!t || t->caps || t->low.size() <= 5 || !EndsWith(t->low, "ing")) return false;
  // The nouns after it run to "by", past a time ("plans for 2020 by 20%").
  int n = k + 1;
  while (n < k + 6 && T(v, n) &&
         (Nounish(v, n, false) || T(v, n)->time >= 0 || (Cls(v, n) == "prep" && T(v, n + 1) && T(v, n + 1)->time >= 0))) {
    ++n;
  }
  if (!Is(v, n, "by")) return false;
  const Token* m = T(v, k - 1);
  return m && m->word && !m->caps && !Capitalized(v, k - 1) && Cls(v, k - 1).empty() && !IsVerbish(v, k - 1) &&
         !m->pred && m->quantity < 0 && m->time < 0 && !IsPlural(*m) && Nounish(v, k - 1, false);
}

Range ClaimBuilder::Impl::OwnClauseSubject(const View& v, int qf) const {
  int k = ClauseStart(v, qf, 3);
  // "TOKYO (AFP) - Japan's population shrank": past the dateline.
  if (k == 0 && v.toks[0].caps) {
    for (int j = 1; j < qf && j < 12; ++j) {
      const std::string_view t = v.toks[static_cast<std::size_t>(j)].low;
      if (t == "-" || t == "—" || t == "–" || t == "--") {
        k = j + 1;
        break;
      }
    }
  }
  while (Cls(v, k) == "det" || IsQuote(v, k)) ++k;
  // A relative clause's subject is the noun before it.
  if (Is(v, k, "which") || Is(v, k, "who") || Is(v, k, "that") || Cls(v, k) == "prep") return {};
  Range np = FollowNP(v, k);
  if (np.empty() || np.e > qf || Cls(v, np.b) == "pron") return {};
  // "Drug spending in the U.S. reached", "The Adre crossing, the main
  // route": an -ing noun ends the phrase ("people fleeing the town" is a
  // participle with its object).
  if (const Token* ing = T(v, np.e); ing && ing->word && !ing->caps && EndsWith(ing->low, "ing") && np.e + 1 < qf &&
      (!v.toks[static_cast<std::size_t>(np.e + 1)].word || Cls(v, np.e + 1) == "prep" || Cls(v, np.e + 1) == "aux")) {
    ++np.e;
  }
  // A name is who acts, not what is measured ("Ohio had the fourth-highest
  // overdose death rate", "Liverpool broke the record"); a plural opening
  // the sentence is a common noun ("Exports rose").
  bool all_caps = true;
  for (int j = np.b; j < np.e; ++j) all_caps = all_caps && Capitalized(v, j);
  if (all_caps && !(np.b == 0 && np.e == 1 && IsPlural(v.toks[0]))) return {};
  // "The total was up 18%" refers back; "The number of people ..." and
  // "Many of those fleeing" name it after "of"; "TOKYO, Japan" with no
  // dash after it is still a dateline.
  if (lex.entity_level_heads.count(v.toks[static_cast<std::size_t>(np.e - 1)].low) || Is(v, np.e, "of")) return {};
  if (np.b == 0 && v.toks[0].caps && (Is(v, np.e, ",") || Is(v, np.e, "("))) return {};
  // Its verb may come after a phrase or an aside ("The joint response
  // plan for the Rohingya crisis for 2021 calls for"); none past a speech
  // verb ("UNICEF said it needed") or a semicolon.
  for (int j = np.e; j < qf; ++j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (t.speech || t.low == ";" || t.low == ":") return {};
    if (IsVerbish(v, j)) return np;
  }
  return {};
}

Range ClaimBuilder::Impl::NearestNounBefore(const View& v, int qf) const {
  // A word the predicate lexicon knows as a verb ("take", "pay"), or one
  // after a relative word or a pronoun ("who number", "we clear"), acts;
  // the noun before it is the candidate.
  auto verb_like = [&](int j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    const Token* before = T(v, j - 1);
    const bool after_det = before && (Cls(v, j - 1) == "det" || IsPossessive(before->low) ||
                                      lex.attributive_adjectives.count(before->low));
    if (IsVerbish(v, j)) return true;
    if (t.pred && t.pred->cls != "noun" && !after_det) return true;
    return Is(v, j - 1, "who") || Is(v, j - 1, "which") || Cls(v, j - 1) == "pron";
  };
  // Within a window: the noun of a real sentence is never far, and the
  // scan stays linear on a sentence of thousands of figures.
  constexpr int kWindow = 30;
  for (int j = qf - 1; j >= 0 && j >= qf - kWindow; --j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (!t.word || t.quantity >= 0 || t.time >= 0 || t.caps) continue;
    // Who speaks is not what is measured: "..., said Halima Yusuf".
    if (t.speech) return {};
    if (!Cls(v, j).empty() || NeverHead(v, j) || !Nounish(v, j, false) || verb_like(j)) continue;
    // Modifiers and multipliers: "an additional", "eightfold", "a third".
    if (lex.attributive_adjectives.count(t.low) || EndsWith(t.low, "fold") || t.head_role == HeadRole::kModifier) {
      continue;
    }
    // A name ("Syria", "Moonfall Harbor") acts or places; the opening word
    // of the sentence is capitalized anyway.
    if (Capitalized(v, j) && j > 0 && !IsQuote(v, j - 1)) continue;
    // "The total", "the number of": a level refers back or names its
    // noun after "of".
    if (lex.entity_level_heads.count(t.low) || Is(v, j + 1, "of")) continue;
    // A head phrase is a few words; the run is cut there.
    constexpr int kPhraseWords = 8;
    Range r = LeftRun(v, j + 1, std::max(0, j + 1 - kPhraseWords));
    if (r.empty() || r.e != j + 1) continue;
    // The phrase starts after any verb or figure inside it ("asked
    // donors").
    for (int k = r.e - 1; k-- > r.b;) {
      const Token& m = v.toks[static_cast<std::size_t>(k)];
      if (m.quantity >= 0 || m.time >= 0 || verb_like(k) ||
          (k > 0 && Capitalized(v, k) != Capitalized(v, r.e - 1))) {
        r.b = k + 1;
        break;
      }
    }
    return r;
  }
  return {};
}

Range ClaimBuilder::Impl::DurationNounAfter(const View& v, int ql) const {
  // An age ("I am 78 years old", "the 24-year-old joined") is a person's.
  if (Is(v, ql + 1, "old") || EndsWith(v.toks[static_cast<std::size_t>(ql)].low, "-old")) return {};
  const int e = std::min(ClauseEnd(v, ql, 2), ql + 12);
  for (int j = ql + 1; j < e; ++j) {
    const Token& t = v.toks[static_cast<std::size_t>(j)];
    if (t.speech || IsQuote(v, j) || t.quantity >= 0) return {};
    if (!t.word || t.time >= 0 || t.caps || !Cls(v, j).empty() || IsVerbish(v, j)) continue;
    if (NeverHead(v, j) || !Nounish(v, j, false) || lex.attributive_adjectives.count(t.low) ||
        t.head_role == HeadRole::kModifier) {
      continue;
    }
    if (t.pred && t.pred->cls != "noun") continue;
    // The head is the last word of the noun run ("a sick child", "the
    // high-voltage network").
    int h = j;
    while (h + 1 < e && v.toks[static_cast<std::size_t>(h + 1)].word && !v.toks[static_cast<std::size_t>(h + 1)].caps &&
           Cls(v, h + 1).empty() && !IsVerbish(v, h + 1) && Nounish(v, h + 1, false) && !NeverHead(v, h + 1)) {
      ++h;
    }
    return Range{h, h + 1};
  }
  return {};
}

}  // namespace claimex
